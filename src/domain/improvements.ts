// Every improvement in the documents (areas for improvement, recommendations, what a
// focused visit's letter says needs to improve), tagged with its themes by the rules or by
// an editor's override in its entry, and grouped by theme for the /themes/ pages. Pure:
// src/lib/themes-data.ts binds it to the site's data once per build.
import type { InspectionGroup, InspectionRecord } from './derive.ts';
import { improvementAnchor, improvementThemes, THEMES, type ThemeId } from './themes.ts';

export interface TaggedImprovement {
  text: string;
  group: InspectionGroup;
  record: InspectionRecord;
  /** The improvement's anchor on its document page. */
  href: string;
  themes: ThemeId[];
  overridden: boolean;
}

/** What tagging reads of a document: each inspection's editor-set themes, by 1-based improvement number. */
export interface ThemeOverrideSource {
  data: { inspections: readonly { improvement_themes?: Partial<Record<string, readonly ThemeId[]>> | undefined }[] };
}

/** Each inspection's improvements once, in its records' order, with their themes. */
export function tagImprovements(groups: readonly InspectionGroup[], documentById: ReadonlyMap<string, ThemeOverrideSource>): TaggedImprovement[] {
  return groups.flatMap((group) => {
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
}

/** Every theme (in vocabulary order), with the improvements that have it. */
export function improvementsByTheme(tagged: readonly TaggedImprovement[]): Map<ThemeId, TaggedImprovement[]> {
  return new Map(THEMES.map((t) => [t.id, tagged.filter((x) => x.themes.includes(t.id))]));
}
