// How current the site's data is, for the footer of every page and /data/: the date of
// the newest document, and the date the site was built. The build date is the day of
// SOURCE_DATE_EPOCH when the build is given one (the reproducible-builds convention: a
// publisher sets it, e.g. to the commit's time); without it, the newest document's date,
// so that two builds of the same content stay byte-identical (tests/build/reproducible.test.ts)
// and the footer never claims a day it cannot know.
import { sortKey, type PartialDate } from './dates.ts';

export interface Currency {
  /** The newest document: its date and id. */
  newest?: { date: PartialDate; id: string };
  /** The build's date, YYYY-MM-DD (UTC). */
  built?: string;
  /** Where the build date comes from. */
  builtFrom: 'SOURCE_DATE_EPOCH' | 'newest document';
}

/** The currency of a set of documents; `sourceDateEpoch` is the environment variable's value, if any. */
export function siteCurrency(documents: readonly { id: string; data: { date: PartialDate } }[], sourceDateEpoch?: string): Currency {
  let newest: Currency['newest'];
  for (const d of documents) {
    if (!newest || sortKey(d.data.date) > sortKey(newest.date) || (sortKey(d.data.date) === sortKey(newest.date) && d.id < newest.id)) newest = { date: d.data.date, id: d.id };
  }
  const seconds = sourceDateEpoch && /^\d+$/.test(sourceDateEpoch.trim()) ? Number(sourceDateEpoch.trim()) : undefined;
  if (seconds !== undefined) return { newest, built: new Date(seconds * 1000).toISOString().slice(0, 10), builtFrom: 'SOURCE_DATE_EPOCH' };
  return { newest, built: newest ? sortKey(newest.date) : undefined, builtFrom: 'newest document' };
}
