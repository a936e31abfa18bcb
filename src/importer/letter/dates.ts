// A focused visit's days, from the sentence that states them: "on 19 March 2019", "on 17 and
// 18 May 2023", "on 3 to 4 December 2025", "on 22–23 October 2019", "between 20 October and
// 22 October 2020", "on 30 April and 1 May 2024", "on 29 and 30 September, and 1 October
// 2020", "on the 15 and 16 of May 2018". A date without its year ("on 30 and 31 January")
// takes the year from the letter's own date, and says so.
import type { PartialDate } from '../../domain/dates.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(?:${MONTHS.join('|')})`;
const TOKEN = new RegExp(`^(?:\\s*(?:,|and|to|–|—|-|of|the)(?=[\\s\\d]|$)\\s*|\\s*(\\d{4})\\b|\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b|\\s*(${MONTH})\\b)`, 'i');

export interface VisitDays {
  start: PartialDate;
  end: PartialDate;
  /** The words the days were read from ("17 and 18 May 2023"). */
  words: string;
  /** Set when the sentence gives no year and the letter's date supplied it. */
  yearFromLetter?: number;
}

/** The visit's days in one sentence, after "on" or "between"; undefined when none are stated there. */
export function readVisitDays(sentence: string, letterDate?: PartialDate): VisitDays | undefined {
  for (const match of sentence.matchAll(/\b(?:on|between)\s+(?=(?:the\s+)?\d)/gi)) {
    const found = readDaysAt(sentence.slice(match.index + match[0].length), letterDate);
    if (found) return found;
  }
  return undefined;
}

function readDaysAt(text: string, letterDate?: PartialDate): VisitDays | undefined {
  const days: { day: number; month?: number; year?: number }[] = [];
  let rest = text;
  let consumed = 0;
  for (;;) {
    const token = TOKEN.exec(rest);
    if (!token || token[0].length === 0) break;
    if (token[1]) {
      // The year names every day before it that has none; the days go on only after "to" or "and" and another day.
      for (let i = days.length - 1; i >= 0 && days[i]!.year === undefined; i--) days[i]!.year = Number(token[1]);
      consumed += token[0].length;
      rest = rest.slice(token[0].length);
      if (!/^\s*(?:,\s*)?(?:and|to|–|—|-)\s+(?:the\s+)?\d{1,2}\b/.test(rest)) break;
      continue;
    }
    if (token[2]) days.push({ day: Number(token[2]) });
    else if (token[3]) {
      const month = MONTHS.indexOf(token[3].toLowerCase()) + 1;
      // The month names every day before it that has none: "29 and 30 September".
      for (let i = days.length - 1; i >= 0 && days[i]!.month === undefined; i--) days[i]!.month = month;
    }
    consumed += token[0].length;
    rest = rest.slice(token[0].length);
  }
  if (days.length === 0 || days.some((d) => d.month === undefined)) return undefined;
  const words = text.slice(0, consumed).trim().replace(/[,\s]+$/, '');
  let yearFromLetter: number | undefined;
  if (days.some((d) => d.year === undefined)) {
    // Days with no year after them: the year is the letter's, the visit being the last such days before it.
    if (days.some((d) => d.year !== undefined) || !letterDate || letterDate.length !== 10) return undefined;
    const [y, m] = letterDate.split('-').map(Number) as [number, number];
    yearFromLetter = days[0]!.month! <= m ? y : y - 1;
    for (const d of days) d.year = yearFromLetter;
  }
  const iso = (d: { day: number; month?: number; year?: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const first = days[0]!;
  const last = days.at(-1)!;
  // A visit over the new year with one year given ("30 December and 2 January 2020"): the first day is in the year before.
  if (first.year === last.year && first.month! > last.month!) first.year = first.year! - 1;
  const start = iso(first);
  const end = iso(last);
  if (!isRealDay(start) || !isRealDay(end) || start > end) return undefined;
  return { start, end, words, ...(yearFromLetter ? { yearFromLetter } : {}) };
}

function isRealDay(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}
