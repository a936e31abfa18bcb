// Sources often give only a year or a month ("published in 2018"). A partial date
// keeps exactly the precision the source gives: it is never padded to a full day.

export type PartialDate = string; // "YYYY", "YYYY-MM" or "YYYY-MM-DD"

export const PARTIAL_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

export function isPartialDate(value: string): boolean {
  if (!PARTIAL_DATE_PATTERN.test(value)) return false;
  if (value.length < 10) return true;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function precision(date: PartialDate): 'year' | 'month' | 'day' {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** Earliest and latest full day a partial date can mean, as YYYY-MM-DD strings. */
export function dateRange(date: PartialDate): [string, string] {
  if (date.length === 10) return [date, date];
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${date}-01`, `${date}-${String(last).padStart(2, '0')}`];
  }
  return [`${date}-01-01`, `${date}-12-31`];
}

/** True when a could be on or before b at the given precisions (used for "end before start" checks). */
export function canBeOnOrBefore(a: PartialDate, b: PartialDate): boolean {
  return dateRange(a)[0] <= dateRange(b)[1];
}

/** True when a is certainly before b, whatever days the partial dates stand for. */
export function isCertainlyBefore(a: PartialDate, b: PartialDate): boolean {
  return dateRange(a)[1] < dateRange(b)[0];
}

/** True when two partial dates can name the same day ("2018" and "2018-08-06"). */
export function datesCompatible(a: PartialDate, b: PartialDate): boolean {
  const [a0, a1] = dateRange(a);
  const [b0, b1] = dateRange(b);
  return a0 <= b1 && b0 <= a1;
}

/** Sort key: the latest day the date can mean, so "2018" sorts after "2018-06-01". */
export function sortKey(date: PartialDate | undefined): string {
  return date ? dateRange(date)[1] : '';
}

export function formatDate(date: PartialDate): string {
  const [y, m, d] = date.split('-');
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1]!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** Parse "27 February 2017" or "4 June 2018" to YYYY-MM-DD; undefined when it is not such a date. */
export function parseLongDate(text: string): PartialDate | undefined {
  const match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const month = MONTHS.findIndex((name) => name.toLowerCase() === match[2]!.toLowerCase());
  if (month < 0) return undefined;
  const value = `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isPartialDate(value) ? value : undefined;
}
