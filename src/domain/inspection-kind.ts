// Short or standard, and how long publication took. Most ILACS entries say type
// "not_stated": no report in the corpus names its kind (a search of the PDFs' text for
// "short inspection", "standard inspection", "one-week" and "two-week" finds none). The
// framework does say how long each kind is on site: a short inspection one week, a
// standard two. So where the source does not state the kind, it is derived here, at build
// time, from the first and last days on site, and marked as derived with the reason; the
// entries are left as their sources have them. Pure: no Astro imports.
import type { PartialDate } from './dates.ts';
import type { Framework, InspectionType } from './vocabulary.ts';

export type IlacsKind = 'short' | 'standard';
export type KindBasis = 'stated' | 'derived_from_days';

export interface InspectionKind {
  kind: IlacsKind;
  basis: KindBasis;
  /** Why: "the source states it", or "5 days on site, 8 to 12 May 2023: one week, as a short inspection is". */
  reason: string;
}

/** Why a full ILACS inspection's kind cannot be told. */
export interface KindUnknown {
  kind: undefined;
  reason: string;
}

interface Dated {
  framework: Framework;
  type: InspectionType;
  start?: PartialDate | undefined;
  end?: PartialDate | undefined;
}

const DAY = 86_400_000;
const isDay = (d: PartialDate | undefined): d is string => d?.length === 10;

/** Calendar days from one full date to another (end minus start); undefined unless both are full dates. */
export function daysBetween(from: PartialDate | undefined, to: PartialDate | undefined): number | undefined {
  if (!isDay(from) || !isDay(to)) return undefined;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/**
 * Days on site, counting the first and last (Monday to Friday is 5). A one-week short
 * inspection runs Monday to Friday (5 days in our documents, 123 of them); a two-week
 * standard inspection Monday to the next Friday (12 days, 183). Spans of 3 to 7 days read
 * as one week, 10 to 14 as two; anything else (a span of a month, an inspection that was
 * paused) is not read as either.
 */
export function daysOnSite(r: Pick<Dated, 'start' | 'end'>): number | undefined {
  const d = daysBetween(r.start, r.end);
  return d === undefined || d < 0 ? undefined : d + 1;
}

/**
 * The kind of a full ILACS inspection: as the source states it, else derived from its days
 * on site; undefined for anything that is not a full ILACS inspection (visits, other
 * frameworks), which have no short or standard kind.
 */
export function ilacsKind(r: Dated, when?: string): InspectionKind | KindUnknown | undefined {
  if (r.framework !== 'ilacs') return undefined;
  if (r.type === 'short' || r.type === 'standard') return { kind: r.type, basis: 'stated', reason: 'as the source states it' };
  if (r.type !== 'not_stated') return undefined;
  const days = daysOnSite(r);
  if (days === undefined) {
    return { kind: undefined, reason: 'the source does not say, and our documents do not give both the first and the last day on site' };
  }
  const span = when ? `, ${when}` : '';
  if (days >= 3 && days <= 7) return { kind: 'short', basis: 'derived_from_days', reason: `derived: ${days} days on site${span}, one week, as a short inspection is (the source does not say which kind)` };
  if (days >= 10 && days <= 14) return { kind: 'standard', basis: 'derived_from_days', reason: `derived: ${days} days on site${span}, two weeks, as a standard inspection is (the source does not say which kind)` };
  return { kind: undefined, reason: `the source does not say, and its dates give ${days} days on site${span}, neither one week nor two` };
}

export const KIND_LABELS: Record<IlacsKind, string> = { short: 'short', standard: 'standard' };

/** Days from the last day on site (else the first) to publication; undefined unless both are full dates. */
export function daysToPublish(r: { start?: PartialDate | undefined; end?: PartialDate | undefined; published?: PartialDate | undefined }): number | undefined {
  const d = daysBetween(r.end ?? r.start, r.published);
  return d === undefined || d < 0 ? undefined : d;
}

/** The median of a list of numbers (the mean of the middle two for an even count); undefined when empty. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface PublishLagYear {
  year: string;
  count: number;
  median: number;
  shortest: number;
  longest: number;
}

/**
 * The median days from the last day on site to publication, by the year the visit ended,
 * over every item with both dates to the day. Years oldest first.
 */
export function publishLagByYear(items: readonly { start?: PartialDate | undefined; end?: PartialDate | undefined; published?: PartialDate | undefined }[]): PublishLagYear[] {
  const byYear = new Map<string, number[]>();
  for (const item of items) {
    const lag = daysToPublish(item);
    if (lag === undefined) continue;
    const year = (item.end ?? item.start)!.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), lag]);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, lags]) => ({ year, count: lags.length, median: median(lags)!, shortest: Math.min(...lags), longest: Math.max(...lags) }));
}
