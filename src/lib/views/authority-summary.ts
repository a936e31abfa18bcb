// What an authority page says first: its latest graded inspection (grades, date,
// framework, a link to the report) and how it compares with the graded inspection
// before it. Pure (no collections), so it is unit-tested with plain groups
// (tests/unit/authority-summary.test.ts); the page binds it to site-data.ts.
//
// Like is compared with like: a judgement's change is given only when both inspections
// graded that same judgement. An ILACS inspection from April 2026 gives no overall
// effectiveness grade, and the page says so rather than show an older overall grade.
import { formatDate, sortKey, type PartialDate } from '../../domain/dates.ts';
import { inspectionDate, type InspectionGroup } from '../../domain/derive.ts';
import { givesNoOverall } from '../../domain/explore.ts';
import {
  DOCUMENT_KIND_LABELS,
  FRAMEWORK_LABELS,
  GRADE_LABELS,
  GRADE_ORDER,
  JUDGEMENT_KEYS,
  JUDGEMENT_LABELS,
  type Grade,
  type JudgementKey,
} from '../../domain/vocabulary.ts';
import { dateText, documentHref, inspectionLabel, inspectionWhen, judgementHref, SHORT_JUDGEMENT_LABELS } from '../format.ts';

export type Direction = 'up' | 'down' | 'same';

export interface GradeChange {
  previous: Grade;
  direction: Direction;
  /** "up from Requires improvement to be good", "down from Good", "the same as in 2019". */
  text: string;
}

export interface SummaryJudgement {
  key: JudgementKey;
  /** Short name ("Help and protection"); `fullLabel` is Ofsted's. */
  label: string;
  fullLabel: string;
  grade: Grade;
  gradeLabel: string;
  /** The sentence in the source that states the grade. */
  href: string;
  disputed: boolean;
  /** Against the inspection before, when it graded the same judgement. */
  change?: GradeChange;
}

export interface SummarySource {
  href: string;
  title: string;
  kind: string;
}

export interface AuthoritySummary {
  /** "ILACS standard inspection" */
  inspection: string;
  /** "Inspection of local authority children’s services (ILACS)" */
  framework: string;
  /** "9 to 13 May 2022" */
  when: string;
  /** "published 1 July 2022", when it is known and the inspection has dates of its own. */
  published?: string;
  /** "May 2022": how the headline dates it. */
  month: string;
  /**
   * The one-line answer. With an overall grade: the grade, then `text`
   * (" in May 2022, up from Requires improvement to be good in 2019"). Without one, `text` alone.
   */
  headline: { grade?: Grade; href?: string; text: string };
  /** Set when the framework gives no overall effectiveness grade at the inspection's date. */
  noOverall?: string;
  /** The other judgements' changes in a sentence, when the headline has no overall change to give. */
  changeSummary?: string;
  judgements: SummaryJudgement[];
  /** The graded inspection before, if any: "ILACS standard inspection, 2019". */
  previous?: { label: string; year: string };
  /** The report first (see compareSources), then any other source. */
  sources: SummarySource[];
}

export const NO_OVERALL_TEXT = 'No overall grade: inspections from April 2026 don’t give one';

function yearOf(date: PartialDate | undefined): string {
  return date ? date.slice(0, 4) : 'an unknown year';
}

function monthOf(date: PartialDate | undefined): string {
  return date ? formatDate(date.slice(0, 7)) : 'an unknown date';
}

export function direction(latest: Grade, previous: Grade): Direction {
  const d = GRADE_ORDER[previous] - GRADE_ORDER[latest];
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}

function changeOf(latest: Grade, previous: Grade, previousYear: string): GradeChange {
  const dir = direction(latest, previous);
  const text = dir === 'same' ? `the same as in ${previousYear}` : `${dir} from ${GRADE_LABELS[previous]}`;
  return { previous, direction: dir, text };
}

/** The graded inspection before `latest` in an authority's history (newest first), if any. */
export function previousGraded(history: readonly InspectionGroup[], latest: InspectionGroup): InspectionGroup | undefined {
  const at = sortKey(inspectionDate(latest));
  return history.find(
    (g) => g.id !== latest.id && g.graded && Object.keys(g.judgements).length > 0 && sortKey(inspectionDate(g)) < at,
  );
}

function countText(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/**
 * The answer an authority page gives first, or undefined when it has no graded
 * inspection. `history` is the authority's inspections, newest first.
 */
export function authoritySummary(history: readonly InspectionGroup[], latest: InspectionGroup | undefined): AuthoritySummary | undefined {
  if (!latest) return undefined;
  const previous = previousGraded(history, latest);
  const previousYear = previous ? yearOf(inspectionDate(previous)) : '';
  const month = monthOf(inspectionDate(latest));

  const judgements: SummaryJudgement[] = [];
  for (const key of JUDGEMENT_KEYS) {
    const j = latest.judgements[key];
    if (!j) continue;
    const before = previous?.judgements[key];
    judgements.push({
      key,
      label: SHORT_JUDGEMENT_LABELS[key],
      fullLabel: JUDGEMENT_LABELS[key],
      grade: j.grade,
      gradeLabel: GRADE_LABELS[j.grade],
      href: judgementHref(j),
      disputed: j.disputed,
      ...(before ? { change: changeOf(j.grade, before.grade, previousYear) } : {}),
    });
  }

  const overall = judgements.find((j) => j.key === 'overall_effectiveness');
  const noOverall = !overall && givesNoOverall(latest) ? NO_OVERALL_TEXT : undefined;
  let headline: AuthoritySummary['headline'];
  let changeSummary: string | undefined;
  if (overall) {
    const tail = !previous
      ? 'its first graded inspection in our documents'
      : overall.change
        ? overall.change.direction === 'same'
          ? `the same as in ${previousYear}`
          : `${overall.change.direction} from ${GRADE_LABELS[overall.change.previous]} in ${previousYear}`
        : `no overall grade from ${previousYear} to compare with`;
    headline = { grade: overall.grade, href: overall.href, text: ` overall in ${month}, ${tail}` };
  } else {
    headline = { text: noOverall ?? `Overall effectiveness not stated in our documents for the inspection of ${month}` };
    if (previous) {
      const compared = judgements.filter((j) => j.change);
      const n = (d: Direction) => compared.filter((j) => j.change!.direction === d).length;
      const parts = [n('up') && `${n('up')} up`, n('same') && `${n('same')} the same`, n('down') && `${n('down')} down`].filter(Boolean);
      const rest = judgements.length - compared.length;
      changeSummary =
        compared.length === 0
          ? `None of its judgements was graded as such in ${previousYear}, so there is no like-for-like change to give.`
          : `Against ${previousYear}, of the ${countText(compared.length, 'judgement')} both inspections graded: ${parts.join(', ')}.` +
            (rest > 0 ? ` ${rest === 1 ? 'One was' : `${rest} were`} not graded as such in ${previousYear}.` : '');
    } else {
      changeSummary = 'Its first graded inspection in our documents.';
    }
  }

  const when = inspectionWhen(latest);
  const hasSpan = Boolean(latest.start || latest.end);
  return {
    inspection: inspectionLabel(latest.framework, latest.type),
    framework: FRAMEWORK_LABELS[latest.framework],
    when,
    ...(latest.published && hasSpan ? { published: `published ${dateText(latest.published)}` } : {}),
    month,
    headline,
    ...(noOverall ? { noOverall } : {}),
    ...(changeSummary ? { changeSummary } : {}),
    judgements,
    ...(previous ? { previous: { label: inspectionLabel(previous.framework, previous.type), year: previousYear } } : {}),
    sources: latest.records.map((r) => ({ href: documentHref(r.documentId), title: r.documentTitle, kind: DOCUMENT_KIND_LABELS[r.documentKind] })),
  };
}
