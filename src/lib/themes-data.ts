// Every improvement in the documents, tagged with its themes (rules or the entry's
// override), grouped by theme for the /themes/ pages.
import { documentById, groups } from './site-data.ts';
import { improvementAnchor, improvementThemes, THEMES, type ThemeId } from '../domain/themes.ts';
import type { InspectionGroup, InspectionRecord } from '../domain/derive.ts';

export interface TaggedImprovement {
  text: string;
  group: InspectionGroup;
  record: InspectionRecord;
  /** The improvement's anchor on its document page. */
  href: string;
  themes: ThemeId[];
  overridden: boolean;
}

export const taggedImprovements: TaggedImprovement[] = groups.flatMap((group) => {
  const seen = new Set<string>();
  return group.records.flatMap((record) => {
    const overrides = documentById.get(record.documentId)?.data.inspections[record.index]?.improvement_themes;
    return record.improvements.flatMap((text, i) => {
      // One inspection's list restated by a second source is shown once, from the first.
      if (seen.has(text)) return [];
      seen.add(text);
      const { themes, overridden } = improvementThemes(text, i, overrides);
      return [{ text, group, record, href: `/documents/${record.documentId}/#${improvementAnchor(record.index, i)}`, themes, overridden }];
    });
  });
});

export const improvementsByTheme: Map<ThemeId, TaggedImprovement[]> = new Map(
  THEMES.map((t) => [t.id, taggedImprovements.filter((x) => x.themes.includes(t.id))]),
);

export const themeSlug = (id: ThemeId) => id.replaceAll('_', '-');
