// When a council's next full inspection is expected, from its latest full inspection and
// grade in our documents, by the rule of Ofsted's framework for inspecting local authority
// children's services (ILACS), and how often that rule has been right on our own history.
//
// The rule, as the framework states it ("Inspecting local authority children's services",
// gov.uk, updated 13 December 2024, the section on standard and short inspections, as
// quoted in councils' guides to it): "standard inspections for local authorities judged to
// require improvement and short inspections for local authorities judged to be good or
// outstanding. Timing will usually be between six months before and six months after the
// three year anniversary of the previous inspection." Councils judged inadequate are
// monitored and re-inspected when Ofsted judges them ready: no interval. From April 2026
// Ofsted gives no overall effectiveness grade (announcement of 27 November 2025), with a
// new framework planned for 2027; the texts we could check say nothing new about timing
// or about how the kind is chosen without an overall grade, so the window is kept and the
// kind is left undetermined, and the page says so.
//
// "Today" is the build's date (src/domain/currency.ts), never the clock: two builds of the
// same content say the same. Pure: no Astro imports.
import { dateRange, sortKey, type PartialDate } from './dates.ts';
import { inspectionDate, type InspectionGroup } from './derive.ts';
import type { IlacsKind } from './inspection-kind.ts';
import type { Grade } from './vocabulary.ts';

export const FRAMEWORK_SOURCE = {
  title: 'Inspecting local authority children’s services (framework), Ofsted, updated 13 December 2024',
  url: 'https://www.gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018/inspecting-local-authority-childrens-services',
  /** The framework's words on which kind and when, as councils' guides to the framework quote them. */
  quote:
    'standard inspections for local authorities judged to require improvement and short inspections for local authorities judged to be good or outstanding. Timing will usually be between six months before and six months after the three year anniversary of the previous inspection.',
  quotedBy: 'https://www.kirkleessafeguardingchildren.co.uk/procedures-local-protocols-and-guidance/ilacs-inspection-guidance-for-professionals/',
  changes2026: 'Ofsted, 27 November 2025: no overall effectiveness judgement from April 2026; a renewed framework planned for 2027',
  changes2026Url: 'https://www.wired-gov.net/wg/news.nsf/articles/ofsted+confirms+removal+of+headline+judgement+for+inspections+of+local+authorities+childrens+services+27112025162500?open',
} as const;

/** Where a council stands on the build's date. */
export const WINDOW_STATUSES = ['overdue', 'due_now', 'due_soon', 'later', 'under_monitoring', 'no_window'] as const;
export type WindowStatus = (typeof WINDOW_STATUSES)[number];

export const WINDOW_STATUS_LABELS: Record<WindowStatus, string> = {
  overdue: 'Overdue',
  due_now: 'Due now',
  due_soon: 'Due in the next six months',
  later: 'Due later',
  under_monitoring: 'Under monitoring',
  no_window: 'No window',
};

/** How long "soon" is: the window opens within this many months of the build's date. */
export const SOON_MONTHS = 6;

export interface DateWindow {
  /** First and last day, YYYY-MM-DD. */
  from: string;
  to: string;
}

export interface RuleWindow extends DateWindow {
  /** The third anniversary of the previous inspection's last day on site. */
  anniversary: string;
}

export interface NextInspection {
  authority: string;
  status: WindowStatus;
  /** The inspection the window is counted from: the latest full inspection in our documents. */
  basis?: { group: InspectionGroup; date: PartialDate; grade: Grade | undefined };
  /** The framework's rule. */
  rule?: RuleWindow;
  /** What recent history supports (estimateWindows), when there is an estimate for its kind. */
  estimate?: DateWindow;
  kind?: IlacsKind;
  /** Why the kind is what it is, or why it cannot be told. */
  kindReason?: string;
  /** Inadequate councils: the monitoring visits we hold since that inspection. */
  monitoring?: { visits: number; latest?: PartialDate };
  /** For "no window" and "under monitoring": why there is no window, in plain words. */
  reason?: string;
}

/** A day plus whole months, the day held to the month's end (31 August + 6 months = 28 or 29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

/**
 * The rule's window after an inspection that ended on `date`: six months either side of its
 * third anniversary. A date known only to the month or year widens the window to every day
 * it can mean.
 */
export function ruleWindow(date: PartialDate): RuleWindow {
  const [earliest, latest] = dateRange(date);
  return { from: addMonths(earliest, 30), to: addMonths(latest, 42), anniversary: addMonths(earliest, 36) };
}

/** The kind the rule gives after a grade; undefined for inadequate (monitoring) and for no grade. */
export function ruleKind(grade: Grade | undefined): IlacsKind | undefined {
  if (grade === 'good' || grade === 'outstanding') return 'short';
  if (grade === 'requires_improvement' || grade === 'adequate') return 'standard';
  return undefined;
}

/** When an inspection began, for testing whether it fell inside a window: its first day, else its last, else its publication. */
function began(group: Pick<InspectionGroup, 'start' | 'end' | 'published'>): PartialDate | undefined {
  return group.start ?? group.end ?? group.published;
}

/** True when every day the date can mean lies inside the window. */
export function inside(date: PartialDate, window: DateWindow): boolean {
  const [earliest, latest] = dateRange(date);
  return earliest >= window.from && latest <= window.to;
}

const fullInspections = (groups: readonly InspectionGroup[]) =>
  groups.filter((g) => g.graded && Object.keys(g.judgements).length > 0 && inspectionDate(g));

/** An authority's full graded inspections, oldest first. */
function chronological(groups: readonly InspectionGroup[]): InspectionGroup[] {
  return fullInspections(groups).sort((a, b) => (sortKey(inspectionDate(a)) < sortKey(inspectionDate(b)) ? -1 : 1));
}

export interface InspectionPair {
  authority: string;
  first: InspectionGroup;
  second: InspectionGroup;
  grade: Grade;
  kind: IlacsKind;
  rule: RuleWindow;
  /** Days from the first's last day on site to the second's first day. */
  gapDays: number | undefined;
  /** The year the second inspection was due by the rule (its anniversary's year). */
  dueYear: string;
  ruleHit: boolean;
}

/**
 * Every pair of consecutive full inspections of one authority in our documents to which
 * the rule applies: the second an ILACS inspection (the rule is ILACS's, from January
 * 2018), the first graded good, outstanding or requires improvement overall (an
 * inadequate council has no window). `groups` may hold every authority's inspections.
 */
export function inspectionPairs(groups: readonly InspectionGroup[]): InspectionPair[] {
  const byAuthority = new Map<string, InspectionGroup[]>();
  for (const g of groups) byAuthority.set(g.authority, [...(byAuthority.get(g.authority) ?? []), g]);
  const pairs: InspectionPair[] = [];
  for (const [authority, list] of [...byAuthority.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const ordered = chronological(list);
    for (let i = 1; i < ordered.length; i++) {
      const first = ordered[i - 1]!;
      const second = ordered[i]!;
      const grade = first.judgements.overall_effectiveness?.grade;
      const kind = ruleKind(grade);
      const firstDate = inspectionDate(first)!;
      const secondBegan = began(second);
      if (second.framework !== 'ilacs' || !kind || !grade || !secondBegan) continue;
      const rule = ruleWindow(firstDate);
      const gap = firstDate.length === 10 && secondBegan.length === 10 ? dayNumber(secondBegan) - dayNumber(firstDate) : undefined;
      pairs.push({ authority, first, second, grade, kind, rule, gapDays: gap, dueYear: rule.anniversary.slice(0, 4), ruleHit: inside(secondBegan, rule) });
    }
  }
  return pairs;
}

export interface HitRate {
  label: string;
  pairs: number;
  hits: number;
}

const rate = (label: string, pairs: readonly InspectionPair[], hit: (p: InspectionPair) => boolean): HitRate => ({ label, pairs: pairs.length, hits: pairs.filter(hit).length });

/** The rule's hit rate overall, by the first inspection's grade, and by the year the second was due. */
export function ruleHitRates(pairs: readonly InspectionPair[]) {
  const grades: Grade[] = ['outstanding', 'good', 'requires_improvement'];
  const years = [...new Set(pairs.map((p) => p.dueYear))].sort();
  return {
    all: rate('All', pairs, (p) => p.ruleHit),
    byGrade: grades.map((g) => rate(g, pairs.filter((p) => p.grade === g), (p) => p.ruleHit)).filter((r) => r.pairs > 0),
    byYear: years.map((y) => rate(y, pairs.filter((p) => p.dueYear === y), (p) => p.ruleHit)),
  };
}

export interface Estimate {
  kind: IlacsKind;
  /** The shortest and longest gap kept (days from the first inspection's last day on site to the next one's first day). */
  fromDays: number;
  toDays: number;
  /** How many gaps it rests on, and from which year their second inspections were due. */
  pairs: number;
  sinceYear: string;
  /** Its hit rate on those same pairs (in-sample: about 80% by construction) and on every pair. */
  recent: HitRate;
  every: HitRate;
  /** The rule's hit rate on the same recent pairs, to set beside the estimate's. */
  ruleOnRecent: HitRate;
}

/** The value at a quantile (0 to 1) of sorted numbers, by the nearest-rank method. */
function quantile(sorted: readonly number[], q: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

/** How many years back from the build's date the estimate looks. */
export const ESTIMATE_YEARS = 3;
/** The share of recent gaps the estimate's window holds: the middle 80%. */
export const ESTIMATE_SHARE = 0.8;

/**
 * What recent history supports: for each kind (short after good or outstanding, standard
 * after requires improvement), the middle 80% of the gaps between consecutive inspections
 * whose second was due (the rule's third anniversary) within ESTIMATE_YEARS years before
 * `today`: inspections due after the pandemic's backlog, not the backlog itself (those
 * due in 2020 to 2022 came a year or two late). Councils due in those years and not yet
 * re-inspected have no gap to count, so it leans early. An estimate, not a rule. No
 * estimate for a kind with fewer than 10 such gaps.
 */
export function estimateWindows(pairs: readonly InspectionPair[], today: string): Map<IlacsKind, Estimate> {
  const since = addMonths(today, -12 * ESTIMATE_YEARS);
  const estimates = new Map<IlacsKind, Estimate>();
  for (const kind of ['short', 'standard'] as const) {
    const ofKind = pairs.filter((p) => p.kind === kind && p.gapDays !== undefined);
    const recent = ofKind.filter((p) => p.rule.anniversary >= since && p.rule.anniversary <= today);
    if (recent.length < 10) continue;
    const gaps = recent.map((p) => p.gapDays!).sort((a, b) => a - b);
    const tail = (1 - ESTIMATE_SHARE) / 2;
    const fromDays = quantile(gaps, tail);
    const toDays = quantile(gaps, 1 - tail);
    const hit = (p: InspectionPair) => p.gapDays! >= fromDays && p.gapDays! <= toDays;
    estimates.set(kind, {
      kind,
      fromDays,
      toDays,
      pairs: recent.length,
      sinceYear: since.slice(0, 4),
      recent: rate('recent', recent, hit),
      every: rate('every', ofKind, hit),
      ruleOnRecent: rate('rule', recent, (p) => p.ruleHit),
    });
  }
  return estimates;
}

/** The estimate's window after an inspection that ended on `date`. */
export function estimateWindow(date: PartialDate, estimate: Pick<Estimate, 'fromDays' | 'toDays'>): DateWindow {
  const [earliest, latest] = dateRange(date);
  return { from: addDays(earliest, estimate.fromDays), to: addDays(latest, estimate.toDays) };
}

function statusOf(window: DateWindow, today: string): WindowStatus {
  if (window.to < today) return 'overdue';
  if (window.from <= today) return 'due_now';
  return window.from <= addMonths(today, SOON_MONTHS) ? 'due_soon' : 'later';
}

/**
 * Where one authority stands on `today` (the build's date): its latest full inspection in
 * our documents, the rule's window after it, the estimate beside it, and the kind. An
 * inadequate council has no window: it is under monitoring, with the monitoring visits we
 * hold since. `groups`: the authority's inspections (any order).
 */
export function nextInspection(authority: string, groups: readonly InspectionGroup[], today: string, estimates: ReadonlyMap<IlacsKind, Estimate>): NextInspection {
  const ordered = chronological(groups);
  const latest = ordered.at(-1);
  if (!latest) return { authority, status: 'no_window', reason: 'Our documents hold no full inspection of this council, so there is nothing to count a window from.' };
  const date = inspectionDate(latest)!;
  const grade = latest.judgements.overall_effectiveness?.grade;
  const basis = { group: latest, date, grade };
  if (grade === 'inadequate') {
    const visits = groups
      .filter((g) => g.type === 'monitoring_visit' && inspectionDate(g) && sortKey(inspectionDate(g)) > sortKey(date))
      .map((g) => inspectionDate(g)!)
      .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
    return {
      authority,
      status: 'under_monitoring',
      basis,
      monitoring: { visits: visits.length, ...(visits.length > 0 ? { latest: visits.at(-1)! } : {}) },
      reason: 'Judged inadequate: Ofsted makes monitoring visits and re-inspects when it judges the council ready, so the framework gives no window.',
    };
  }
  const rule = ruleWindow(date);
  const kind = ruleKind(grade);
  const estimate = kind ? estimates.get(kind) : undefined;
  const result: NextInspection = {
    authority,
    status: statusOf(rule, today),
    basis,
    rule,
    ...(estimate ? { estimate: estimateWindow(date, estimate) } : {}),
    ...(kind ? { kind } : {}),
  };
  if (kind) result.kindReason = kind === 'short' ? `a short inspection, as it was judged ${grade === 'outstanding' ? 'outstanding' : 'good'}` : 'a standard inspection, as it was judged to require improvement';
  else if (latest.framework === 'ilacs' && !latest.judgements.overall_effectiveness)
    result.kindReason = 'short or standard not known: the latest inspection, under the framework from April 2026, gave no overall grade, and the framework text we could check does not say how Ofsted chooses the kind without one';
  else result.kindReason = 'short or standard not known: our documents do not state the latest inspection’s overall grade';
  return result;
}
