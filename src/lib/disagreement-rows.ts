// The rows of a "sources disagree" table (src/components/SourcesDisagree.astro): one per
// judgement or date that two sources of one inspection give differently, each source with
// what it says and a link to where it says it. Pure, so both builders are unit-tested; the
// authority, document and data-quality views call them.
import type { DateDisagreement, Disagreement, InspectionGroup } from '../domain/derive.ts';
import type { Grade } from '../domain/vocabulary.ts';
import { DATE_FIELD_LABELS, FRAMEWORK_SHORT_LABELS, JUDGEMENT_LABELS } from '../domain/vocabulary.ts';
import { authorityHref, dateText, documentHref, inspectionWhen, sourceHref } from './format.ts';

export interface DisagreementSource {
  documentHref: string;
  documentTitle: string;
  /** A grade, linked to the sentence that states it; or the date the source gives. */
  grade?: { grade: Grade; href: string };
  date?: string;
}

export interface DisagreementRow {
  authority: { name: string; href: string };
  /** "SIF, 27 February to 23 March 2017" */
  inspection: string;
  /** The judgement's or the date's name. */
  subject: string;
  sources: DisagreementSource[];
}

export interface DisagreementLookups {
  authorityName: (id: string) => string;
  groupById: ReadonlyMap<string, InspectionGroup>;
}

const authorityOf = (id: string, { authorityName }: Pick<DisagreementLookups, 'authorityName'>) => ({ name: authorityName(id), href: authorityHref(id) });

export function gradeDisagreementRows(items: readonly Disagreement[], lookups: DisagreementLookups): DisagreementRow[] {
  return items.map((d) => {
    const group = lookups.groupById.get(d.groupId);
    return {
      authority: authorityOf(d.authority, lookups),
      inspection: `${FRAMEWORK_SHORT_LABELS[d.framework]}${group ? `, ${inspectionWhen(group)}` : ''}`,
      subject: JUDGEMENT_LABELS[d.key],
      sources: d.sources.map((s) => ({
        documentHref: documentHref(s.record.documentId),
        documentTitle: s.record.documentTitle,
        grade: { grade: s.judgement.grade, href: sourceHref(s) },
      })),
    };
  });
}

export function dateDisagreementRows(items: readonly DateDisagreement[], lookups: Pick<DisagreementLookups, 'authorityName'>): DisagreementRow[] {
  return items.map((d) => ({
    authority: authorityOf(d.authority, lookups),
    inspection: FRAMEWORK_SHORT_LABELS[d.framework],
    subject: DATE_FIELD_LABELS[d.field],
    sources: d.sources.map((s) => ({ documentHref: documentHref(s.record.documentId), documentTitle: s.record.documentTitle, date: dateText(s.value) })),
  }));
}
