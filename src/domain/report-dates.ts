// Shared by the importer (reading page one) and the content check (a body date that
// contradicts the frontmatter).
// Dates as page one writes them: "Inspection dates: 7 to 18 November 2022",
// "Inspection date: 6 July 2015 – 30 July 2015", "19 November – 11 December 2013",
// "Report published: 19 October 2015". Each keeps the precision the text gives.
import { isPartialDate, parseLongDate, type PartialDate } from './dates.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const SHORT_MONTHS: Record<string, string> = {
  jan: 'January', feb: 'February', mar: 'March', apr: 'April', jun: 'June', jul: 'July',
  aug: 'August', sep: 'September', sept: 'September', oct: 'October', nov: 'November', dec: 'December',
};

function clean(text: string): string {
  return text
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    // 12/09/2016 → 12 September 2016
    .replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (all, d: string, m: string, y: string) =>
      Number(m) >= 1 && Number(m) <= 12 ? `${Number(d)} ${MONTHS[Number(m) - 1]!.replace(/^./, (c) => c.toUpperCase())} ${y}` : all,
    )
    .replace(/\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?/gi, (m, short: string) => SHORT_MONTHS[short.toLowerCase()] ?? m)
    .replace(/[‒–—―─]/g, ' – ')
    .replace(/[,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function parseOneRange(text: string): { start: PartialDate; end: PartialDate } | undefined {
  const parts = text.split(/\s*(?:\bto\b|–|-|\buntil\b)\s*/i).filter((p) => p !== '');
  if (parts.length === 1) {
    const single = parseLongDate(parts[0]!);
    return single ? { start: single, end: single } : undefined;
  }
  if (parts.length !== 2) return undefined;
  const end = parseLongDate(parts[1]!);
  if (!end) return undefined;
  const [endYear, endMonth] = end.split('-');
  const left = parts[0]!.trim();
  let start: PartialDate | undefined;
  if (/^\d{1,2}$/.test(left)) start = `${endYear}-${endMonth}-${left.padStart(2, '0')}`;
  else if (/^\d{1,2} [A-Za-z]+$/.test(left)) {
    const [day, month] = left.split(' ') as [string, string];
    const m = MONTHS.indexOf(month.toLowerCase());
    if (m < 0) return undefined;
    // "30 December – 10 January 2020": a start month after the end month is in the year before.
    const year = m + 1 > Number(endMonth) ? Number(endYear) - 1 : Number(endYear);
    start = `${year}-${String(m + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  } else start = parseLongDate(left);
  if (!start || !isPartialDate(start) || start > end) return undefined;
  return { start, end };
}

/**
 * "7 to 18 November 2022" and its variants → start and end; undefined when the text is not
 * a date range. An inspection in two parts ("5 to 9 December 2022 and 14 to 15 February
 * 2023") runs from the first part's start to the last part's end.
 */
export function parseDateRange(text: string): { start: PartialDate; end: PartialDate; parts: number } | undefined {
  const ranges = clean(text)
    .split(/\s+and\s+/i)
    .map(parseOneRange);
  if (ranges.length === 0 || ranges.some((r) => !r)) return undefined;
  const start = ranges[0]!.start;
  const end = ranges.at(-1)!.end;
  if (start > end) return undefined;
  return { start, end, parts: ranges.length };
}

export interface PageOneDates {
  start?: PartialDate;
  end?: PartialDate;
  published?: PartialDate;
  /** The words the dates were read from, for the import summary. */
  datesText?: string;
  publishedText?: string;
  /** The inspection took place in this many separate parts. */
  inParts?: number;
}

/** Inspection dates and publication date from page one's text (its blocks, so a date wrapped over two lines is whole). */
export function parsePageOneDates(texts: readonly string[]): PageOneDates {
  const result: PageOneDates = {};
  for (const raw of texts) {
    const text = raw.replace(/\s+/g, ' ').trim();
    const dates = /\b(?:inspection|visit) dates?\s*:?\s*(.+?)(?=\s+(?:report )?published\b|\s+lead inspector\b|$)/i.exec(text);
    if (dates && !result.start) {
      const range = parseDateRange(dates[1]!);
      if (range) {
        result.start = range.start;
        result.end = range.end;
        result.datesText = dates[0];
        if (range.parts > 1) result.inParts = range.parts;
      }
    }
    const published = /\b(?:report )?(?:published|date of publication)\s*:?\s*(\S+(?: \S+ \d{4})?)/i.exec(text);
    if (published && !result.published) {
      const date = parseLongDate(clean(published[1]!));
      if (date) Object.assign(result, { published: date, publishedText: published[0] });
    }
  }
  return result;
}

/** A letter's visit dates: "... a focused visit to Norfolk children’s services on 9 and 10 May 2018". */
export function parseVisitDates(text: string): { start: PartialDate; end: PartialDate } | undefined {
  const flat = text.replace(/\s+/g, ' ');
  const visit = /\b(?:focused visit|monitoring visit|visit)\b[^.]*? on (\d{1,2}(?:st|nd|rd|th)?(?: [A-Z][a-z]+)?(?: (?:and|to|–) \d{1,2}(?:st|nd|rd|th)?)? [A-Z][a-z]+ \d{4})/.exec(flat);
  if (!visit) return undefined;
  const range = parseDateRange(visit[1]!.replace(/ and /, ' to '));
  return range ? { start: range.start, end: range.end } : undefined;
}

/** The first full date standing alone on a line (a letter's date). */
export function firstStandaloneDate(lines: readonly string[]): PartialDate | undefined {
  for (const line of lines) {
    const date = parseLongDate(clean(line));
    if (date) return date;
  }
  return undefined;
}

/** The first full date mentioned in these lines, anywhere in a line ("Date: 10 July 2017", "26 SEPTEMBER 2018", "1st September 2016"). */
export function firstDateMentioned(lines: readonly string[]): PartialDate | undefined {
  const longDate = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s*,?\s+(\d{4})\b/i;
  for (const line of lines) {
    const m = longDate.exec(line);
    const date = m && parseLongDate(`${m[1]} ${m[2]![0]!.toUpperCase()}${m[2]!.slice(1).toLowerCase()} ${m[3]}`);
    if (date) return date;
  }
  return undefined;
}
