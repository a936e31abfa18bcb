// Ofsted's focused visits, as their letters record them: each visit with its authority,
// dates, focus, the areas for priority action it set, and the grade the council held at the
// time (its latest full inspection before the visit); counts by focus against that grade
// and by year; and the councils whose priority actions are outstanding (set by a visit
// since their latest full inspection, with no inspection since). Pure: no Astro imports.
import type { VisitData } from '../schemas/document.ts';
import { isCertainlyBefore, sortKey, type PartialDate } from './dates.ts';
import { inspectionDate, type InspectionGroup, type InspectionRecord } from './derive.ts';
import { givesNoOverall } from './explore.ts';
import { FOCUS_AREAS, GRADE_ORDER, GRADES, type FocusArea, type Grade } from './vocabulary.ts';

/** A quote from the letter: its words, the id of its highlight on the letter's page, and its frontmatter field. */
export interface VisitQuote {
  text: string;
  anchor: string;
  field: string;
}

/** What the council held when it was visited: its latest full inspection's overall grade, or why there is none. */
export type HeldGrade =
  | { status: 'graded'; grade: Grade; inspection: InspectionGroup }
  /** The latest full inspection gives no overall effectiveness grade (ILACS from April 2026), or our sources do not state it. */
  | { status: 'no_overall'; inspection: InspectionGroup }
  /** No full inspection of this authority before the visit in our documents. */
  | { status: 'none' };

export type HeldKey = Grade | 'no_overall' | 'none';

export interface Visit {
  /** The letter's record of the visit (inspectionRecordId). */
  id: string;
  documentId: string;
  documentTitle: string;
  /** The letter's own date. */
  documentDate: PartialDate;
  /** 0-based position of the visit in the letter's inspections. */
  index: number;
  authority: string;
  start?: PartialDate;
  end?: PartialDate;
  /** The date the visit is known by: its last day, else its first, else the letter's date. */
  date: PartialDate;
  dates: VisitQuote;
  inspectors: { name: string; lead: boolean }[];
  inspectorsEvidence?: VisitQuote;
  focus: { area: FocusArea; words: VisitQuote; reason?: string };
  /** The areas for priority action this letter sets, each in its words; empty when it sets none. */
  priorityActions: VisitQuote[];
  /** The sentence that states them or that there are none; absent when the letter does not mention them. */
  priorityEvidence?: VisitQuote;
  /** The sentence recalling areas for priority action an earlier visit set: not this letter's. */
  earlierPriority?: VisitQuote;
  /** The date at the letter's head, with its words. */
  letterDate?: { date: PartialDate; quote: VisitQuote };
  signedBy?: string;
  summary?: VisitQuote;
  improvements: string[];
  held: HeldGrade;
}

/** The id of a visit quote's highlight on the letter's page: "evidence-1-visit-focus", "evidence-1-visit-priority-action-2". */
export function visitAnchor(inspectionIndex: number, part: string): string {
  return `evidence-${inspectionIndex + 1}-visit-${part}`;
}

/**
 * A quote as the reader sees it: the entry's quotes are copied from the Markdown body, where the
 * importer escapes some punctuation ("(A\\&I)" in Oldham's 2025 letter); the rendered letter shows "(A&I)".
 * Only CommonMark's backslash escapes of ASCII punctuation are undone.
 */
export function quoteText(quote: string): string {
  return quote.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Every quote of a visit record, with its anchor and field, for the letter's page to highlight (and fail on when one is missing). */
export function visitQuotes(inspectionIndex: number, visit: VisitData): {
  dates: VisitQuote;
  inspectorsEvidence?: VisitQuote;
  focus: VisitQuote;
  priorityActions: VisitQuote[];
  priorityEvidence?: VisitQuote;
  earlierPriority?: VisitQuote;
  letterDate?: VisitQuote;
  summary?: VisitQuote;
} {
  const field = (name: string) => `inspections[${inspectionIndex}].visit.${name}`;
  const quote = (text: string, part: string, name: string): VisitQuote => ({ text: quoteText(text), anchor: visitAnchor(inspectionIndex, part), field: field(name) });
  return {
    dates: quote(visit.dates_evidence, 'dates', 'dates_evidence'),
    ...(visit.inspectors_evidence ? { inspectorsEvidence: quote(visit.inspectors_evidence, 'inspectors', 'inspectors_evidence') } : {}),
    focus: quote(visit.focus.words, 'focus', 'focus.words'),
    priorityActions: visit.priority_actions.areas.map((text, i) => quote(text, `priority-action-${i + 1}`, `priority_actions.areas[${i}]`)),
    ...(visit.priority_actions.evidence ? { priorityEvidence: quote(visit.priority_actions.evidence, 'priority-actions', 'priority_actions.evidence') } : {}),
    ...(visit.priority_actions.earlier ? { earlierPriority: quote(visit.priority_actions.earlier, 'priority-actions-earlier', 'priority_actions.earlier') } : {}),
    ...(visit.letter_date ? { letterDate: quote(visit.letter_date.evidence, 'letter-date', 'letter_date.evidence') } : {}),
    ...(visit.summary ? { summary: quote(visit.summary, 'summary', 'summary') } : {}),
  };
}

/** The quotes of a visit as a flat list (the letter page's highlights). */
export function visitQuoteList(inspectionIndex: number, visit: VisitData): VisitQuote[] {
  const q = visitQuotes(inspectionIndex, visit);
  return [
    q.dates,
    ...(q.inspectorsEvidence ? [q.inspectorsEvidence] : []),
    q.focus,
    ...(q.priorityEvidence ? [q.priorityEvidence] : []),
    ...q.priorityActions,
    ...(q.summary ? [q.summary] : []),
    ...(q.earlierPriority ? [q.earlierPriority] : []),
    ...(q.letterDate ? [q.letterDate] : []),
  ];
}

/** The visit's first day (else the date it is known by): what "before the visit" is measured against. */
const visitStart = (v: Pick<Visit, 'start' | 'date'>) => v.start ?? v.date;

/** True when a full inspection certainly ended before the visit began. */
export function inspectedBefore(group: InspectionGroup, visit: Pick<Visit, 'start' | 'date'>): boolean {
  const ended = inspectionDate(group);
  return ended !== undefined && isCertainlyBefore(ended, visitStart(visit));
}

/** The grade a council held at a visit: the overall grade of its latest graded inspection that ended before the visit began. */
export function heldAt(visit: Pick<Visit, 'start' | 'date'>, authorityGroups: readonly InspectionGroup[]): HeldGrade {
  let latest: InspectionGroup | undefined;
  for (const g of authorityGroups) {
    if (!g.graded || !inspectedBefore(g, visit)) continue;
    if (!latest || sortKey(inspectionDate(g)) > sortKey(inspectionDate(latest))) latest = g;
  }
  if (!latest) return { status: 'none' };
  const grade = latest.judgements.overall_effectiveness?.grade;
  return grade ? { status: 'graded', grade, inspection: latest } : { status: 'no_overall', inspection: latest };
}

export const heldKey = (held: HeldGrade): HeldKey => (held.status === 'graded' ? held.grade : held.status);

const compareVisits = (a: Visit, b: Visit) => (sortKey(a.date) < sortKey(b.date) ? 1 : sortKey(a.date) > sortKey(b.date) ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Every focused visit a letter records (the letter's subject record with a visit), newest
 * first. A visit that a report merely mentions has no visit record and is not listed.
 */
export function visitsFrom(records: readonly InspectionRecord[], groups: readonly InspectionGroup[]): Visit[] {
  const groupsByAuthority = new Map<string, InspectionGroup[]>();
  for (const g of groups) groupsByAuthority.set(g.authority, [...(groupsByAuthority.get(g.authority) ?? []), g]);
  const visits: Visit[] = [];
  for (const r of records) {
    if (!r.visit || r.type !== 'focused_visit' || r.role !== 'subject') continue;
    const q = visitQuotes(r.index, r.visit);
    const date = r.end ?? r.start ?? r.documentDate;
    const base = { start: r.start, date };
    visits.push({
      id: r.id,
      documentId: r.documentId,
      documentTitle: r.documentTitle,
      documentDate: r.documentDate,
      index: r.index,
      authority: r.authority,
      ...(r.start ? { start: r.start } : {}),
      ...(r.end ? { end: r.end } : {}),
      date,
      dates: q.dates,
      inspectors: r.visit.inspectors,
      ...(q.inspectorsEvidence ? { inspectorsEvidence: q.inspectorsEvidence } : {}),
      focus: { area: r.visit.focus.area, words: q.focus, ...(r.visit.focus.reason ? { reason: r.visit.focus.reason } : {}) },
      priorityActions: q.priorityActions,
      ...(q.priorityEvidence ? { priorityEvidence: q.priorityEvidence } : {}),
      ...(q.summary ? { summary: q.summary } : {}),
      ...(q.earlierPriority ? { earlierPriority: q.earlierPriority } : {}),
      ...(q.letterDate && r.visit.letter_date ? { letterDate: { date: r.visit.letter_date.date, quote: q.letterDate } } : {}),
      ...(r.visit.signed_by ? { signedBy: r.visit.signed_by } : {}),
      improvements: r.improvements,
      held: heldAt(base, groupsByAuthority.get(r.authority) ?? []),
    });
  }
  return visits.sort(compareVisits);
}

/** The columns of the focus-by-grade counts: the grades some visit's council held, best first, then no overall grade, then none. */
export function heldKeys(visits: readonly Visit[]): HeldKey[] {
  const present = new Set(visits.map((v) => heldKey(v.held)));
  const grades = [...GRADES].sort((a, b) => GRADE_ORDER[a] - GRADE_ORDER[b]).filter((g) => present.has(g));
  return [...grades, ...(['no_overall', 'none'] as const).filter((k) => present.has(k))];
}

export interface Count {
  visits: number;
  /** Of them, the visits that set areas for priority action. */
  withPriorityActions: number;
}

const add = (count: Count, v: Visit) => {
  count.visits++;
  if (v.priorityActions.length > 0) count.withPriorityActions++;
};

export interface FocusRow {
  area: FocusArea;
  byHeld: Record<HeldKey, Count>;
  total: Count;
}

/** How many visits looked at each area of focus, against the grade the council held at the time. Areas in the framework's order, only those visited. */
export function focusByHeldGrade(visits: readonly Visit[]): { columns: HeldKey[]; rows: FocusRow[]; total: Count } {
  const columns = heldKeys(visits);
  const empty = () => Object.fromEntries(columns.map((k) => [k, { visits: 0, withPriorityActions: 0 }])) as Record<HeldKey, Count>;
  const rows: FocusRow[] = [];
  const total: Count = { visits: 0, withPriorityActions: 0 };
  for (const area of FOCUS_AREAS) {
    const these = visits.filter((v) => v.focus.area === area);
    if (these.length === 0) continue;
    const row: FocusRow = { area, byHeld: empty(), total: { visits: 0, withPriorityActions: 0 } };
    for (const v of these) {
      add(row.byHeld[heldKey(v.held)], v);
      add(row.total, v);
      add(total, v);
    }
    rows.push(row);
  }
  return { columns, rows, total };
}

export interface YearRow {
  year: string;
  total: Count;
  byArea: Partial<Record<FocusArea, number>>;
}

/** How many visits each year (the year of the visit's last day), with how many set priority actions, and by focus; oldest first. */
export function visitsByYear(visits: readonly Visit[]): YearRow[] {
  const years = new Map<string, YearRow>();
  for (const v of visits) {
    const year = v.date.slice(0, 4);
    const row = years.get(year) ?? { year, total: { visits: 0, withPriorityActions: 0 }, byArea: {} };
    add(row.total, v);
    row.byArea[v.focus.area] = (row.byArea[v.focus.area] ?? 0) + 1;
    years.set(year, row);
  }
  return [...years.values()].sort((a, b) => a.year.localeCompare(b.year));
}

export interface OutstandingPriorityActions {
  authority: string;
  /** The visits since the latest full inspection that set areas for priority action, newest first. */
  visits: Visit[];
  /** The latest full inspection, before those visits; undefined when we hold none. */
  latest: InspectionGroup | undefined;
}

/**
 * Councils with areas for priority action outstanding: a focused visit since their latest
 * full inspection set some, and no full inspection has followed. Newest visit first.
 * `latestByAuthority`: each authority's latest graded inspection (latestGradedInspections).
 */
export function outstandingPriorityActions(visits: readonly Visit[], latestByAuthority: ReadonlyMap<string, InspectionGroup>): OutstandingPriorityActions[] {
  const byAuthority = new Map<string, Visit[]>();
  for (const v of visits) {
    if (v.priorityActions.length === 0) continue;
    const latest = latestByAuthority.get(v.authority);
    if (latest && !inspectedBefore(latest, v)) continue;
    byAuthority.set(v.authority, [...(byAuthority.get(v.authority) ?? []), v]);
  }
  return [...byAuthority.entries()]
    .map(([authority, list]) => ({ authority, visits: [...list].sort(compareVisits), latest: latestByAuthority.get(authority) }))
    .sort((a, b) => compareVisits(a.visits[0]!, b.visits[0]!) || (a.authority < b.authority ? -1 : 1));
}

/** Whether the held inspection gives no overall grade because of its framework (not given) rather than our sources (not stated). */
export function heldNoOverallReason(held: HeldGrade): string | undefined {
  if (held.status !== 'no_overall') return undefined;
  return givesNoOverall(held.inspection) ? 'not given: ILACS inspections from April 2026 give no overall effectiveness grade' : 'not stated in our documents';
}

/** What a reader of the data should know about the letters: visits whose letter never mentions priority actions, whose focus is "other", or whose council we hold no earlier full inspection of. */
export function visitQuality(visits: readonly Visit[]): { unmentioned: Visit[]; otherFocus: Visit[]; noInspectionBefore: Visit[] } {
  return {
    unmentioned: visits.filter((v) => !v.priorityEvidence && v.priorityActions.length === 0),
    otherFocus: visits.filter((v) => v.focus.area === 'other'),
    noInspectionBefore: visits.filter((v) => v.held.status === 'none'),
  };
}
