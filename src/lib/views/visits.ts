// What the pages show of Ofsted's focused visits, ready to print: the visits page's rows,
// counts and outstanding priority actions; an authority's visits, its first-screen notice
// and its timeline's marks; a letter's findings. Pure: it takes the site's data as an
// argument (a type-only import of site-data.ts), so unit tests build it from plain entries.
import type * as Site from '../site-data.ts';
import type { AuthorityData } from '../../schemas/authority.ts';
import { formatDate, sortKey } from '../../domain/dates.ts';
import type { InspectionGroup } from '../../domain/derive.ts';
import { slugify } from '../../domain/explore.ts';
import {
  focusByHeldGrade,
  heldKey,
  heldNoOverallReason,
  visitsByYear,
  visitQuality,
  type Count,
  type HeldGrade,
  type HeldKey,
  type Visit,
  type VisitQuote,
} from '../../domain/visits.ts';
import { FOCUS_AREAS, FOCUS_AREA_LABELS, FOCUS_AREA_SHORT_LABELS, GRADE_LABELS, type FocusArea, type Grade } from '../../domain/vocabulary.ts';
import { authorityHref, documentHref, evidenceHref, inspectionLabel, inspectionWhen, spanText } from '../format.ts';
import type { TimelineVisit } from '../grade-timeline.ts';

export type VisitsSite = Pick<typeof Site, 'visits' | 'visitsByAuthority' | 'visitsByDocument' | 'outstanding' | 'authorityById'>;

export interface Link {
  text: string;
  href: string;
}

export interface HeldView {
  key: HeldKey;
  /** "Good", "No overall grade", "No full inspection before it". */
  label: string;
  grade?: Grade;
  /** The overall grade's quote in its source. */
  href?: string;
  /** "ILACS standard inspection, 9 to 20 May 2022". */
  inspection?: string;
  note?: string;
}

export interface VisitView {
  id: string;
  authority: { id: string; name: string; href: string; region: string; current: boolean };
  /** The letter's page. */
  href: string;
  /** "14 to 15 May 2024"; the letter's date when the visit's are not given. */
  when: string;
  /** Sorts by the visit's last day. */
  sortDate: string;
  year: string;
  focus: { area: FocusArea; label: string; short: string; words: Link; reason?: string };
  priority: {
    /** True when the letter sets areas for priority action. */
    set: boolean;
    areas: Link[];
    /** The sentence that states them or that there are none; absent when the letter does not mention them. */
    evidence?: Link;
    /** Areas an earlier visit set, which the letter recalls: not its own. */
    earlier?: Link;
  };
  /** "4 June 2018", linked to the date at the letter's head when the entry records it. */
  letterDate: { text: string; href?: string };
  signedBy?: string;
  summary?: Link;
  dates: Link;
  inspectors: string;
  inspectorsEvidence?: Link;
  improvements: string[];
  held: HeldView;
}

const link = (documentId: string, quote: VisitQuote): Link => ({ text: quote.text, href: evidenceHref(documentId, quote.anchor) });

export const HELD_LABELS: Record<HeldKey, string> = {
  ...GRADE_LABELS,
  no_overall: 'No overall grade',
  none: 'No full inspection before it',
};

/** A value for addresses and filters: "requires-improvement", "no-overall", "none". */
export const heldSlug = (key: HeldKey) => key.replaceAll('_', '-');
export const focusSlug = (area: FocusArea) => area.replaceAll('_', '-');

function heldView(held: HeldGrade): HeldView {
  const key = heldKey(held);
  if (held.status === 'none') return { key, label: HELD_LABELS.none };
  const inspection = `${inspectionLabel(held.inspection.framework, held.inspection.type)}, ${inspectionWhen(held.inspection)}`;
  if (held.status === 'no_overall') return { key, label: HELD_LABELS.no_overall, inspection, note: heldNoOverallReason(held)! };
  const j = held.inspection.judgements.overall_effectiveness!;
  return { key, label: GRADE_LABELS[held.grade], grade: held.grade, href: evidenceHref(j.source.record.documentId, j.source.judgement.anchor), inspection };
}

/** "Jan Edwards (lead) and Graham Reiter". */
export function inspectorsText(inspectors: readonly { name: string; lead: boolean }[]): string {
  const names = inspectors.map((i) => (i.lead ? `${i.name} (lead)` : i.name));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function visitView(v: Visit, authority: AuthorityData | undefined): VisitView {
  const doc = v.documentId;
  return {
    id: v.id,
    authority: { id: v.authority, name: authority?.name ?? v.authority, href: authorityHref(v.authority), region: authority?.region ?? '', current: authority?.current ?? true },
    href: documentHref(doc),
    when: spanText(v.start, v.end) || `letter of ${formatDate(v.documentDate)}`,
    sortDate: sortKey(v.date),
    year: v.date.slice(0, 4),
    focus: {
      area: v.focus.area,
      label: FOCUS_AREA_LABELS[v.focus.area],
      short: FOCUS_AREA_SHORT_LABELS[v.focus.area],
      words: link(doc, v.focus.words),
      ...(v.focus.reason ? { reason: v.focus.reason } : {}),
    },
    priority: {
      set: v.priorityActions.length > 0,
      areas: v.priorityActions.map((q) => link(doc, q)),
      ...(v.priorityEvidence ? { evidence: link(doc, v.priorityEvidence) } : {}),
      ...(v.earlierPriority ? { earlier: link(doc, v.earlierPriority) } : {}),
    },
    letterDate: v.letterDate ? { text: formatDate(v.letterDate.date), href: evidenceHref(doc, v.letterDate.quote.anchor) } : { text: formatDate(v.documentDate) },
    ...(v.signedBy ? { signedBy: v.signedBy } : {}),
    ...(v.summary ? { summary: link(doc, v.summary) } : {}),
    dates: link(doc, v.dates),
    inspectors: inspectorsText(v.inspectors),
    ...(v.inspectorsEvidence ? { inspectorsEvidence: link(doc, v.inspectorsEvidence) } : {}),
    improvements: v.improvements,
    held: heldView(v.held),
  };
}

/** The focus in a phrase that follows "in": "the “front door”", "services for care leavers". */
const FOCUS_PHRASES: Record<FocusArea, string> = {
  front_door: 'the “front door”',
  children_in_need_and_child_protection: 'children in need and child protection',
  children_at_risk_outside_the_home: 'work with children at risk outside the home',
  children_in_care: 'work with children in care',
  permanence: 'planning for permanence',
  care_leavers: 'services for care leavers',
  older_children_in_care_placements: 'placement decisions for older children in care',
  pandemic_response: 'the response to the pandemic',
  other: 'another area of its work',
};
export const focusPhrase = (area: FocusArea): string => FOCUS_PHRASES[area];

/** "Focused visit, May 2024: 2 areas for priority action in children in need and child protection". */
export function priorityNoticeText(v: Pick<Visit, 'date' | 'focus' | 'priorityActions'>): string {
  const n = v.priorityActions.length;
  return `Focused visit, ${formatDate(v.date.slice(0, 7))}: ${n === 1 ? 'an area' : `${n} areas`} for priority action in ${focusPhrase(v.focus.area)}`;
}

// ——— The visits page ———

/** A ready-made view of the visits page (it works without JavaScript). */
export interface VisitsViewChoice {
  slug: string;
  /** The page's address. */
  href: string;
  title: string;
  /** The page's own title and heading. */
  heading: string;
  /** What the rows are, for the table's caption. */
  caption: string;
  keep: (v: Visit) => boolean;
}

/** The ready-made views: every visit, those that set priority actions, and one per area of focus visited. */
export function visitViews(visits: readonly Visit[]): VisitsViewChoice[] {
  return [
    { slug: '', href: '/visits/', title: 'Every focused visit', heading: 'Focused visits', caption: 'Every focused visit', keep: () => true },
    { slug: 'priority-actions', href: '/visits/priority-actions/', title: 'Visits that set areas for priority action', heading: 'Visits that set areas for priority action', caption: 'Focused visits that set areas for priority action', keep: (v) => v.priorityActions.length > 0 },
    ...FOCUS_AREAS.filter((a) => visits.some((v) => v.focus.area === a)).map((area) => ({
      slug: `focus/${focusSlug(area)}`,
      href: `/visits/focus/${focusSlug(area)}/`,
      title: `Focus: ${FOCUS_AREA_SHORT_LABELS[area]}`,
      heading: `Focused visits: ${FOCUS_AREA_SHORT_LABELS[area]}`,
      caption: `Focused visits looking at ${FOCUS_AREA_SHORT_LABELS[area].toLowerCase()}`,
      keep: (v: Visit) => v.focus.area === area,
    })),
  ];
}

export interface VisitsPageView {
  title: string;
  /** The page's own title and heading: "Focused visits", "Focused visits: Front door". */
  heading: string;
  caption: string;
  rows: VisitView[];
  /** Every visit, however the page is filtered. */
  total: Count;
  views: { href: string; title: string; current: boolean; count: number }[];
  filters: {
    regions: { value: string; label: string }[];
    focus: { value: string; label: string }[];
    years: string[];
    held: { value: string; label: string }[];
  };
  /** Visits by area of focus against the grade held, each cell as countText prints it; the foot's totals by grade held, and of every visit. */
  byFocus: { columns: { key: HeldKey; label: string }[]; rows: { area: FocusArea; label: string; cells: string[]; total: string }[]; totals: string[]; total: string };
  /** Each year, oldest first, with what its visits looked at: "Front door 2; Care leavers 1". */
  byYear: { year: string; total: Count; focus: string }[];
  /** "3 councils have areas for priority action outstanding" */
  outstandingText: string;
  outstanding: {
    authority: Link;
    latest?: string;
    visits: { when: string; href: string; focus: string; areas: Link[] }[];
  }[];
}

/** A count of visits as the tables print it: "4 (1)" when 1 of the 4 set areas for priority action, "4" when none did, "–" for no visit. */
export function countText(c: Count): string {
  if (c.visits === 0) return '–';
  return c.withPriorityActions > 0 ? `${c.visits} (${c.withPriorityActions})` : `${c.visits}`;
}

const sumCounts = (counts: readonly Count[]): Count => ({
  visits: counts.reduce((n, c) => n + c.visits, 0),
  withPriorityActions: counts.reduce((n, c) => n + c.withPriorityActions, 0),
});

const uniqueSorted = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en-GB'));

export function visitsPageView(site: VisitsSite, slug = ''): VisitsPageView {
  const all = site.visits;
  const views = visitViews(all);
  const choice = views.find((v) => v.slug === slug) ?? views[0]!;
  const rows = all.filter(choice.keep).map((v) => visitView(v, site.authorityById.get(v.authority)));
  const everyRow = all.map((v) => visitView(v, site.authorityById.get(v.authority)));
  const focus = focusByHeldGrade(all);
  const latestText = (g: InspectionGroup | undefined) =>
    g ? `${inspectionLabel(g.framework, g.type)}, ${inspectionWhen(g)}${g.judgements.overall_effectiveness ? `: ${GRADE_LABELS[g.judgements.overall_effectiveness.grade].toLowerCase()}` : ''}` : undefined;
  return {
    title: choice.title,
    heading: choice.heading,
    caption: choice.caption,
    rows,
    total: focus.total,
    views: views.map((v) => ({ href: v.href, title: v.title, current: v === choice, count: all.filter(v.keep).length })),
    filters: {
      regions: uniqueSorted(everyRow.map((r) => r.authority.region).filter(Boolean)).map((r) => ({ value: slugify(r), label: r })),
      focus: FOCUS_AREAS.filter((a) => all.some((v) => v.focus.area === a)).map((a) => ({ value: focusSlug(a), label: FOCUS_AREA_SHORT_LABELS[a] })),
      years: uniqueSorted(everyRow.map((r) => r.year)).reverse(),
      held: focus.columns.map((k) => ({ value: heldSlug(k), label: HELD_LABELS[k] })),
    },
    byFocus: {
      columns: focus.columns.map((key) => ({ key, label: HELD_LABELS[key] })),
      rows: focus.rows.map((r) => ({ area: r.area, label: FOCUS_AREA_SHORT_LABELS[r.area], cells: focus.columns.map((k) => countText(r.byHeld[k])), total: countText(r.total) })),
      totals: focus.columns.map((k) => countText(sumCounts(focus.rows.map((r) => r.byHeld[k])))),
      total: countText(focus.total),
    },
    byYear: visitsByYear(all).map((y) => ({
      year: y.year,
      total: y.total,
      focus: FOCUS_AREAS.filter((a) => y.byArea[a]).map((a) => `${FOCUS_AREA_SHORT_LABELS[a]} ${y.byArea[a]!}`).join('; '),
    })),
    outstandingText: `${site.outstanding.length} ${site.outstanding.length === 1 ? 'council has' : 'councils have'} areas for priority action outstanding`,
    outstanding: site.outstanding.map((o) => {
      const name = site.authorityById.get(o.authority)?.name ?? o.authority;
      const latest = latestText(o.latest);
      return {
        authority: { text: name, href: authorityHref(o.authority) },
        ...(latest ? { latest } : {}),
        visits: o.visits.map((v) => ({
          when: spanText(v.start, v.end) || formatDate(v.documentDate),
          href: documentHref(v.documentId),
          focus: FOCUS_AREA_SHORT_LABELS[v.focus.area],
          areas: v.priorityActions.map((q) => link(v.documentId, q)),
        })),
      };
    }),
  };
}

// ——— An authority's page ———

export interface AuthorityVisitsView {
  /** Newest first. */
  visits: VisitView[];
  /** When a visit since the latest full inspection set areas for priority action: the first screen's line. */
  notice?: { text: string; href: string; areas: Link[]; more: number };
  /** The visits as the timeline marks them. */
  timeline: TimelineVisit[];
  /** The authority's own Atom feed. */
  feedHref: string;
}

export function authorityVisitsView(authorityId: string, site: VisitsSite): AuthorityVisitsView {
  const authority = site.authorityById.get(authorityId);
  const own = site.visitsByAuthority.get(authorityId) ?? [];
  const outstanding = site.outstanding.find((o) => o.authority === authorityId);
  const newest = outstanding?.visits[0];
  return {
    visits: own.map((v) => visitView(v, authority)),
    ...(newest
      ? {
          notice: {
            text: priorityNoticeText(newest),
            href: documentHref(newest.documentId),
            areas: newest.priorityActions.map((q) => link(newest.documentId, q)),
            more: outstanding!.visits.length - 1,
          },
        }
      : {}),
    timeline: own.map((v) => ({
      date: v.date,
      priority: v.priorityActions.length > 0,
      label: `focused visit, ${spanText(v.start, v.end) || formatDate(v.date)}, ${FOCUS_AREA_SHORT_LABELS[v.focus.area].toLowerCase()}: ${v.priorityActions.length > 0 ? 'areas for priority action' : 'no areas for priority action'}`,
    })),
    feedHref: `/authorities/${authorityId}/feed.xml`,
  };
}

// ——— A letter's page ———

/** The visits a letter records, as its page leads with them (usually one). */
export function letterFindingsView(documentId: string, site: VisitsSite): VisitView[] {
  return (site.visitsByDocument.get(documentId) ?? []).map((v) => visitView(v, site.authorityById.get(v.authority)));
}

// ——— The data-quality page ———

/** More letters than this in a part are listed folded, in a <details>. */
export const VISIT_QUALITY_OPEN_MAX = 20;

export interface VisitQualityPart {
  id: string;
  title: string;
  /** What a reader should know about these letters. */
  text: string;
  /** Each letter: "Leeds, focused visit 14 to 15 May 2024", and why it is listed when that needs saying. */
  letters: { href: string; text: string; note?: string }[];
  /** Listed in a <details> (more than VISIT_QUALITY_OPEN_MAX). */
  folded: boolean;
}

export interface VisitQualityView {
  letters: number;
  /** Letters that never mention priority actions, visits outside the framework's areas, visits before any full inspection we hold. */
  parts: VisitQualityPart[];
}

export function visitQualityView(site: VisitsSite): VisitQualityView {
  const q = visitQuality(site.visits);
  const part = (id: string, title: string, text: string, visits: readonly Visit[], note?: (v: VisitView) => string | undefined): VisitQualityPart => ({
    id,
    title,
    text,
    letters: visits.map((visit) => {
      const v = visitView(visit, site.authorityById.get(visit.authority));
      const why = note?.(v);
      return { href: v.href, text: `${v.authority.name}, focused visit ${v.when}`, ...(why ? { note: why } : {}) };
    }),
    folded: visits.length > VISIT_QUALITY_OPEN_MAX,
  });
  return {
    letters: site.visits.length,
    parts: [
      part('letters-unmentioned', 'Letters that never mention priority actions', 'Most letters that set no areas for priority action do not say so. We record none for these visits because the letter says nothing about them, not because it says there are none.', q.unmentioned),
      part('letters-other', 'Visits outside the framework’s areas of focus', 'Counted under “Other”, with the reason.', q.otherFocus, (v) => v.focus.reason),
      part('letters-no-inspection', 'Visits before any full inspection we hold', 'The grade the council held at the time cannot be told from our documents.', q.noInspectionBefore),
    ],
  };
}
