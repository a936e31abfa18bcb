// What the site says about each council's next full inspection: a plain sentence for the
// authority page's first screen, what it rests on one click away, and the rows, counts and
// hit rates of /next-inspections/. Pure: the site's data comes in as an argument
// (src/lib/site-data.ts binds it), so it is unit-tested with plain groups.
import { dateRange, formatDate, type PartialDate } from '../../domain/dates.ts';
import { inspectionDate, type InspectionGroup } from '../../domain/derive.ts';
import { slugify } from '../../domain/explore.ts';
import {
  ESTIMATE_SHARE,
  ESTIMATE_YEARS,
  FRAMEWORK_SOURCE,
  SOON_MONTHS,
  WINDOW_STATUS_LABELS,
  estimateWindows,
  inspectionPairs,
  nextInspection,
  ruleHitRates,
  type DateWindow,
  type Estimate,
  type HitRate,
  type NextInspection,
  type WindowStatus,
} from '../../domain/next-inspection.ts';
import type { IlacsKind } from '../../domain/inspection-kind.ts';
import { GRADE_LABELS, type Grade } from '../../domain/vocabulary.ts';
import type { AuthorityData } from '../../schemas/authority.ts';
import { authorityHref, documentHref, evidenceHref, inspectionLabel, inspectionWhen } from '../format.ts';

export interface NextInspectionSite {
  authorities: readonly AuthorityData[];
  /** Every inspection of every authority. */
  groups: readonly InspectionGroup[];
  /** The build's date, YYYY-MM-DD (src/domain/currency.ts): the "today" of every status. */
  built: string;
  /** The newest document's date: what "no inspection in our documents" runs up to. */
  newest: PartialDate | undefined;
}

/** "January 2027". */
const month = (day: string) => formatDate(day.slice(0, 7));
/** "between January and July 2027", "between November 2026 and May 2027". */
export function windowText(w: DateWindow): string {
  const [from, to] = [month(w.from), month(w.to)];
  if (w.from.slice(0, 4) === w.to.slice(0, 4)) return `between ${from.split(' ')[0]} and ${to}`;
  return `between ${from} and ${to}`;
}

const percent = (r: HitRate) => (r.pairs === 0 ? '–' : `${Math.round((100 * r.hits) / r.pairs)}%`);
export const hitText = (r: HitRate) => `${r.hits} of ${r.pairs} (${percent(r)})`;

export interface NextInspectionBasis {
  /** "ILACS inspection, 8 to 12 May 2023" */
  inspection: string;
  reportHref: string;
  grade?: Grade;
  gradeLabel?: string;
  gradeHref?: string;
}

/** The props of src/components/NextInspection.astro. */
export interface NextInspectionProps {
  status: WindowStatus;
  statusLabel: string;
  /** The plain sentence on the first screen. */
  sentence: string;
  basis?: NextInspectionBasis;
  /** "The framework's rule: six months either side of the third anniversary (15 May 2026) of the last day on site." */
  ruleText?: string;
  /** The estimate beside the rule, and its hit rate, when there is one. */
  estimateText?: string;
  monitoringText?: string;
  framework: typeof FRAMEWORK_SOURCE;
  /** "as at 20 August 2026, the date of this build" */
  asAt: string;
  methodHref: string;
}

function basisOf(n: NextInspection): NextInspectionBasis | undefined {
  if (!n.basis) return undefined;
  const g = n.basis.group;
  const overall = g.judgements.overall_effectiveness;
  return {
    inspection: `${inspectionLabel(g.framework, g.type)}, ${inspectionWhen(g)}`,
    reportHref: documentHref(g.primary.documentId),
    ...(overall
      ? { grade: overall.grade, gradeLabel: GRADE_LABELS[overall.grade], gradeHref: evidenceHref(overall.source.record.documentId, overall.source.judgement.anchor) }
      : {}),
  };
}


function sentenceOf(n: NextInspection, newest: string): string {
  const dates = 'Ofsted does not announce dates.';
  if (n.status === 'under_monitoring') {
    const when = n.basis ? ` in ${n.basis.date.length === 4 ? n.basis.date : month(dateRange(n.basis.date)[0])}` : '';
    return `No window for the next full inspection: judged inadequate${when}, the council is under monitoring, and Ofsted re-inspects when it judges the council ready.`;
  }
  if (!n.rule) return `No window for the next full inspection. ${n.reason ?? ''}`.trim();
  const kind = n.kindReason!;
  const w = windowText(n.rule);
  // The status tag beside the sentence says "Overdue" or "Due now"; the sentence need not repeat it.
  if (n.status === 'overdue') return `The next full inspection was expected ${w} (${kind}); our documents, up to ${newest}, hold none since. ${dates}`;
  if (!n.kind) return `Next full inspection expected ${w}. ${kind.charAt(0).toUpperCase()}${kind.slice(1)}. ${dates}`;
  return `Next full inspection expected ${w}: ${kind}. ${dates}`;
}

interface Derived {
  estimates: Map<IlacsKind, Estimate>;
  byAuthority: Map<string, InspectionGroup[]>;
}

const derivedCache = new WeakMap<readonly InspectionGroup[], Derived>();
/** Pairs and estimates over every authority, worked out once per set of groups (each authority page asks). */
function derive(site: NextInspectionSite): Derived {
  let d = derivedCache.get(site.groups);
  if (!d) {
    const byAuthority = new Map<string, InspectionGroup[]>();
    for (const g of site.groups) byAuthority.set(g.authority, [...(byAuthority.get(g.authority) ?? []), g]);
    d = { estimates: estimateWindows(inspectionPairs(site.groups), site.built), byAuthority };
    derivedCache.set(site.groups, d);
  }
  return d;
}

const asAtText = (site: NextInspectionSite) => `as at ${formatDate(site.built)}, the date of this build`;
const newestText = (site: NextInspectionSite) => (site.newest ? formatDate(site.newest) : 'the newest we hold');

function estimateSentence(n: NextInspection, estimates: Map<IlacsKind, Estimate>): string | undefined {
  if (!n.estimate || !n.kind) return undefined;
  const e = estimates.get(n.kind)!;
  return `An estimate from recent history, not a rule: ${windowText(n.estimate)}, the middle ${Math.round(ESTIMATE_SHARE * 100)}% of the gaps before the ${e.pairs} ${n.kind} inspections due since ${e.sinceYear}; it held ${hitText(e.recent)} of those, the rule ${hitText(e.ruleOnRecent)}.`;
}

/** Every current council's next inspection, as the domain gives it (the open data's rows). */
export function allNextInspections(site: NextInspectionSite): NextInspection[] {
  const { estimates, byAuthority } = derive(site);
  return site.authorities.filter((a) => a.current).map((a) => nextInspection(a.id, byAuthority.get(a.id) ?? [], site.built, estimates));
}

/** The authority page's block. */
export function nextInspectionView(authorityId: string, site: NextInspectionSite): NextInspectionProps {
  const { estimates, byAuthority } = derive(site);
  const n = nextInspection(authorityId, byAuthority.get(authorityId) ?? [], site.built, estimates);
  const basis = basisOf(n);
  const estimateText = estimateSentence(n, estimates);
  const monitoringText = n.monitoring
    ? n.monitoring.visits === 0
      ? 'We hold no monitoring visit letters for this council since that inspection: Ofsted publishes them on its reports site (linked under “About” below).'
      : `We hold ${n.monitoring.visits} monitoring visit${n.monitoring.visits === 1 ? '' : 's'} since that inspection, the latest in ${formatDate(n.monitoring.latest!)}.`
    : undefined;
  return {
    status: n.status,
    statusLabel: WINDOW_STATUS_LABELS[n.status],
    sentence: sentenceOf(n, newestText(site)),
    ...(basis ? { basis } : {}),
    ...(n.rule ? { ruleText: `The framework’s rule: six months either side of the third anniversary (${formatDate(n.rule.anniversary)}) of the last day on site, from ${formatDate(n.rule.from)} to ${formatDate(n.rule.to)}.` } : {}),
    ...(estimateText ? { estimateText } : {}),
    ...(monitoringText ? { monitoringText } : {}),
    framework: FRAMEWORK_SOURCE,
    asAt: asAtText(site),
    methodHref: '/next-inspections/#method',
  };
}

export interface WindowRow {
  id: string;
  name: string;
  href: string;
  region: string;
  regionSlug: string;
  type: string;
  typeSlug: string;
  status: WindowStatus;
  statusLabel: string;
  /** The rule's window in words, or why there is none. */
  window: string;
  /** Sort key: the window's first day ("" when none). */
  windowFrom: string;
  estimate: string;
  kind: IlacsKind | '';
  kindText: string;
  /** The inspection it rests on. */
  basis: string;
  basisDate: string;
  basisHref: string;
  grade?: Grade;
  gradeHref?: string;
}

/** The order of the groups on /next-inspections/, most pressing first. */
export const STATUS_ORDER: readonly WindowStatus[] = ['overdue', 'due_now', 'due_soon', 'later', 'under_monitoring', 'no_window'];

/** A hit rate as a table row: "75%" of its pairs inside the window, or "–" with none. */
export interface HitRow {
  label: string;
  pairs: number;
  hits: number;
  share: string;
}

/** A status's count of councils, and the address of its ready-made view. */
export interface StatusCount {
  status: WindowStatus;
  label: string;
  count: number;
  slug: string;
  href: string;
}

/** A filter's choice: the value the address and the rows carry, and its words. */
export type WindowFilterOption = { value: string; label: string };

export interface NextInspectionsPage {
  asAt: string;
  newest: string;
  rows: WindowRow[];
  /** Every status, most pressing first, with its count (0 for some). */
  counts: StatusCount[];
  /** The statuses some council has: each has a ready-made view. */
  views: StatusCount[];
  /** The filter form's choices, from the rows: statuses most pressing first, regions and types A to Z. */
  filters: { status: WindowFilterOption[]; region: WindowFilterOption[]; type: WindowFilterOption[] };
  rule: { all: HitRow; byGrade: (HitRow & { grade: Grade })[]; byYear: HitRow[]; allText: string };
  estimates: { kind: IlacsKind; text: string; window: string; recent: string; every: string; rule: string }[];
  framework: typeof FRAMEWORK_SOURCE;
  soonMonths: number;
  estimateYears: number;
}

export const statusSlug = (s: WindowStatus) => s.replaceAll('_', '-');

/** Every current council by window, with the method's numbers. */
export function nextInspectionsPage(site: NextInspectionSite): NextInspectionsPage {
  const { estimates, byAuthority } = derive(site);
  const pairs = inspectionPairs(site.groups);
  const rows: WindowRow[] = site.authorities
    .filter((a) => a.current)
    .map((a): WindowRow => {
      const n = nextInspection(a.id, byAuthority.get(a.id) ?? [], site.built, estimates);
      const g = n.basis?.group;
      const overall = g?.judgements.overall_effectiveness;
      return {
        id: a.id,
        name: a.name,
        href: authorityHref(a.id),
        region: a.region,
        regionSlug: slugify(a.region),
        type: a.type,
        typeSlug: slugify(a.type),
        status: n.status,
        statusLabel: WINDOW_STATUS_LABELS[n.status],
        window: n.rule ? windowText(n.rule) : n.status === 'under_monitoring' ? 'none: under monitoring' : 'none: no full inspection in our documents',
        windowFrom: n.rule?.from ?? '',
        estimate: n.estimate ? windowText(n.estimate) : '',
        kind: n.kind ?? '',
        kindText: n.kind ? (n.kind === 'short' ? 'Short' : 'Standard') : n.status === 'under_monitoring' ? 'Standard re-inspection when ready' : 'Not known',
        basis: g ? inspectionWhen(g) : '',
        basisDate: g ? (inspectionDate(g) ?? '') : '',
        basisHref: g ? documentHref(g.primary.documentId) : '',
        ...(overall ? { grade: overall.grade, gradeHref: evidenceHref(overall.source.record.documentId, overall.source.judgement.anchor) } : {}),
      };
    })
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || (a.windowFrom < b.windowFrom ? -1 : a.windowFrom > b.windowFrom ? 1 : 0) || a.name.localeCompare(b.name, 'en-GB'));
  const rule = ruleHitRates(pairs);
  const hitRow = (r: HitRate): HitRow => ({ label: r.label, pairs: r.pairs, hits: r.hits, share: percent(r) });
  const counts = STATUS_ORDER.map((s) => ({ status: s, label: WINDOW_STATUS_LABELS[s], count: rows.filter((r) => r.status === s).length, slug: statusSlug(s), href: `/next-inspections/${statusSlug(s)}/` }));
  return {
    asAt: asAtText(site),
    newest: newestText(site),
    rows,
    counts,
    views: counts.filter((c) => c.count > 0),
    filters: windowFilters(rows),
    rule: {
      all: hitRow(rule.all),
      byGrade: rule.byGrade.map((r) => ({ ...hitRow(r), grade: r.label as Grade })),
      byYear: rule.byYear.map(hitRow),
      allText: hitText(rule.all),
    },
    estimates: [...estimates.values()].map((e) => ({
      kind: e.kind,
      text: e.kind === 'short' ? 'Short (after good or outstanding)' : 'Standard (after requires improvement)',
      window: `${Math.round(e.fromDays / 30.44)} to ${Math.round(e.toDays / 30.44)} months (${e.fromDays} to ${e.toDays} days) after the last day on site`,
      recent: hitText(e.recent),
      every: hitText(e.every),
      rule: hitText(e.ruleOnRecent),
    })),
    framework: FRAMEWORK_SOURCE,
    soonMonths: SOON_MONTHS,
    estimateYears: ESTIMATE_YEARS,
  };
}

/** The filter form's choices: each value some row has, once. */
function windowFilters(rows: readonly WindowRow[]): NextInspectionsPage['filters'] {
  const options = (pairs: WindowFilterOption[]) => [...new Map(pairs.map((o) => [o.value, o])).values()];
  const byLabel = (a: WindowFilterOption, b: WindowFilterOption) => a.label.localeCompare(b.label, 'en-GB');
  return {
    status: options(rows.map((r) => ({ value: r.status, label: r.statusLabel }))),
    region: options(rows.map((r) => ({ value: r.regionSlug, label: r.region }))).sort(byLabel),
    type: options(rows.map((r) => ({ value: r.typeSlug, label: r.type }))).sort(byLabel),
  };
}

export interface NextInspectionsStatusPage {
  status: WindowStatus;
  label: string;
  /** The label inside a sentence: "due now". */
  inSentence: string;
  /** The status's councils, most pressing first. */
  rows: WindowRow[];
  asAt: string;
  newest: string;
  /** Every ready-made view, this one marked. */
  views: (StatusCount & { current: boolean })[];
}

/** The ready-made views' addresses: one per status some council has. */
export function nextInspectionStatusPaths(site: NextInspectionSite): { slug: string; status: WindowStatus }[] {
  return nextInspectionsPage(site).views.map((v) => ({ slug: v.slug, status: v.status }));
}

/** /next-inspections/<status>/. */
export function nextInspectionsStatusPage(status: WindowStatus, site: NextInspectionSite): NextInspectionsStatusPage {
  const page = nextInspectionsPage(site);
  const label = WINDOW_STATUS_LABELS[status];
  return {
    status,
    label,
    inSentence: label.toLowerCase(),
    rows: page.rows.filter((r) => r.status === status),
    asAt: page.asAt,
    newest: page.newest,
    views: page.views.map((v) => ({ ...v, current: v.status === status })),
  };
}
