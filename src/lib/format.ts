// Small helpers the pages share: addresses and how dates read.
import { formatDate, type PartialDate } from '../domain/dates.ts';
import { DOCUMENT_KIND_LABELS, FRAMEWORK_SHORT_LABELS, INSPECTION_TYPE_LABELS, type DocumentKind, type Framework, type Grade, type InspectionType, type JudgementKey } from '../domain/vocabulary.ts';
import type { GroupJudgement, InspectionGroup, SourcedGrade } from '../domain/derive.ts';
import { slugify } from '../domain/explore.ts';

export const SITE_NAME = 'Children’s services inspections';

export const authorityHref = (id: string) => `/authorities/${id}/`;
export const regionHref = (region: string) => `/regions/${slugify(region)}/`;
export const documentHref = (id: string) => `/documents/${id}/`;
export const evidenceHref = (documentId: string, anchor: string) => `/documents/${documentId}/#${anchor}`;
/** The sentence in a source that states a grade. */
export const sourceHref = (source: SourcedGrade) => evidenceHref(source.record.documentId, source.judgement.anchor);
/** The sentence that states an inspection's grade for a judgement: its first source's. */
export const judgementHref = (j: Pick<GroupJudgement, 'source'>) => sourceHref(j.source);
export const ofstedProviderHref = (urn: string) => `https://reports.ofsted.gov.uk/provider/44/${urn}`;

export function dateText(date: PartialDate | undefined, missing = 'not given'): string {
  return date ? formatDate(date) : missing;
}

/** "Ofsted inspection report: Leeds, 12 August 2025": a document's page title, and its line in the search index. */
export function documentShortTitle(data: { kind: DocumentKind; date: PartialDate }, authorityName: string): string {
  return `${DOCUMENT_KIND_LABELS[data.kind]}: ${authorityName}, ${dateText(data.date)}`;
}

/** "A", "A and B", "A, B and C". */
export function listText(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "27 February to 23 March 2017", "6 to 10 February 2023", "27 February 2017", or "" when neither is given. */
export function spanText(start: PartialDate | undefined, end: PartialDate | undefined): string {
  if (start && end && start !== end) {
    const [sy, sm, sd] = start.split('-');
    const [ey, em] = end.split('-');
    if (start.length === 10 && end.length === 10 && sy === ey) {
      const month = formatDate(start).split(' ')[1];
      return sm === em ? `${Number(sd)} to ${formatDate(end)}` : `${Number(sd)} ${month} to ${formatDate(end)}`;
    }
    return `${formatDate(start)} to ${formatDate(end)}`;
  }
  const one = start ?? end;
  return one ? formatDate(one) : '';
}

/** How an inspection is dated in a table cell: its span, else its publication. */
export function inspectionWhen(r: { start?: PartialDate | undefined; end?: PartialDate | undefined; published?: PartialDate | undefined }): string {
  const span = spanText(r.start, r.end);
  if (span) return span;
  return r.published ? `published ${formatDate(r.published)}` : 'date not given';
}


/** Grades as compact table labels; GRADE_LABELS are the full words, which the tables keep for assistive technology. */
export const SHORT_GRADE_LABELS: Record<Grade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'RI',
  adequate: 'Adequate',
  inadequate: 'Inadequate',
};

/** Short names for judgements in compact lists; the full names are JUDGEMENT_LABELS. */
export const SHORT_JUDGEMENT_LABELS: Record<JudgementKey, string> = {
  overall_effectiveness: 'Overall effectiveness',
  impact_of_leaders: 'Impact of leaders',
  help_and_protection: 'Help and protection',
  children_in_care_and_care_leavers: 'Children in care and care leavers',
  children_in_care: 'Children in care',
  care_leavers: 'Care leavers',
  children_looked_after: 'Children looked after',
  adoption: 'Adoption',
  leadership_management_governance: 'Leadership, management and governance',
  lscb: 'LSCB review',
  safeguarding: 'Safeguarding',
  looked_after_children: 'Looked after children',
};


/** A grade in a comparison cell (AlignedCells): it links to its evidence, and to where the sources' grades are shown when they disagree. */
export interface CellValue {
  grade: Grade;
  href: string;
  disputedHref?: string | undefined;
}

/** One inspection's grades as AlignedCells lays them under the comparison columns. */
export interface AlignedGrades {
  framework: Framework;
  type: InspectionType;
  date: PartialDate | undefined;
  judgements: Partial<Record<JudgementKey, CellValue>>;
}

/** A group's grades as the comparison cells take them: each links to its first source's evidence. */
export function groupCellValues(group: InspectionGroup, disputedHref: string): Partial<Record<JudgementKey, CellValue>> {
  const values: Partial<Record<JudgementKey, CellValue>> = {};
  for (const [key, j] of Object.entries(group.judgements) as [JudgementKey, NonNullable<InspectionGroup['judgements'][JudgementKey]>][]) {
    values[key] = {
      grade: j.grade,
      href: judgementHref(j),
      ...(j.disputed ? { disputedHref } : {}),
    };
  }
  return values;
}

/** Why an inspection fills no grade column: "not stated in our documents", or "no grades: a monitoring visit gives none". */
export function noGradesText(group: Pick<InspectionGroup, 'graded' | 'type'>): string {
  return group.graded ? 'not stated in our documents' : `no grades: a ${INSPECTION_TYPE_LABELS[group.type].toLowerCase()} gives none`;
}

/** "ILACS standard inspection", "SIF re-inspection", "ILACS focused visit"; "ILACS inspection" when the source does not say which kind. */
export function inspectionLabel(framework: Framework, type: InspectionType): string {
  const fw = FRAMEWORK_SHORT_LABELS[framework];
  if (type === 'not_stated') return `${fw} inspection`;
  if (framework === 'jtai') return INSPECTION_TYPE_LABELS[type];
  const label = INSPECTION_TYPE_LABELS[type];
  return `${fw} ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/** Items with the separator to print before each, so a list of links reads "A, B and C". */
export function withSeparators<T>(items: readonly T[]): (T & { before: string })[] {
  return items.map((item, i) => ({ ...item, before: i === 0 ? '' : i === items.length - 1 ? ' and ' : ', ' }));
}
