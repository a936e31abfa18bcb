// What a reader types or puts in an address, made safe to use and honest to report: text
// without invisible characters and cut to a length, the first of a repeated parameter,
// authorities named by id, name, alias or code, and the sentence that says what was cut,
// repeated, unreadable or not understood. Pure: the pages' scripts (search, the comparison
// tables, /compare/, Find a council) run it in the browser and the unit tests run it directly.
import { findCouncils, fold, type FindEntry } from './find-council.ts';

/** The longest search the site runs: a sentence or two from a report. */
export const SEARCH_MAX = 200;
/** The longest name the Find a council field and the compare page's name filter take. */
export const NAME_MAX = 100;
/** At most this many names are read from /compare/?a= (more than there are authorities). */
export const COMPARE_MAX = 200;

// Control and format characters (zero-width spaces and joiners, bidirectional overrides,
// soft hyphens, NUL…), which a reader cannot see and no name or report contains.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

export interface CleanText {
  text: string;
  /** The text was longer than the limit and was cut to it. */
  cut: boolean;
  /** Part of it was not valid text (broken percent-encoding decodes to U+FFFD) and was left out. */
  unreadable: boolean;
}

/** `raw` with spaces collapsed, invisible characters and unreadable bytes left out, cut to `max` characters. */
export function cleanText(raw: string, max: number): CleanText {
  const unreadable = raw.includes('\uFFFD');
  let text = raw.replace(/\s+/g, ' ').replace(INVISIBLE, '').replaceAll('\uFFFD', '').replace(/ {2,}/g, ' ').trim();
  const cut = text.length > max;
  if (cut) {
    text = text.slice(0, max);
    // Never half of a character outside the Basic Multilingual Plane.
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
    text = text.trimEnd();
  }
  return { text, cut, unreadable };
}

export interface AddressValue {
  /** The first value the address gives, undefined when it gives none. */
  value: string | undefined;
  /** The address gives the parameter more than once (only the first is used). */
  repeated: boolean;
}

/** The first value of `name` in the address's parameters, and whether it is repeated. */
export function firstParam(params: URLSearchParams, name: string): AddressValue {
  const all = params.getAll(name);
  return { value: all[0], repeated: all.length > 1 };
}

/** Something in the address or a field that a page did not use as given. */
export type InputProblem =
  | { kind: 'unknown'; label: string; value: string }
  | { kind: 'repeated'; label: string }
  | { kind: 'cut'; label: string; max: number }
  | { kind: 'unreadable'; label: string };

/** A value as a notice quotes it: without invisible characters, and short. */
export function quoted(value: string, max = 40): string {
  const { text, cut } = cleanText(value, max);
  return `“${text}${cut ? '…' : ''}”`;
}

function problemText(p: InputProblem): string {
  switch (p.kind) {
    case 'unknown':
      return `${p.label} ${quoted(p.value)} is not one of the choices`;
    case 'repeated':
      return `${p.label} is given more than once (the first is used)`;
    case 'cut':
      return `only the first ${p.max} characters of the ${p.label} are used`;
    case 'unreadable':
      return `part of the ${p.label} could not be read (it is not valid text) and is left out`;
  }
}

/** One sentence saying what was ignored or changed, or '' when nothing was. */
export function inputNotice(problems: readonly InputProblem[]): string {
  if (problems.length === 0) return '';
  const ignored = problems.filter((p) => p.kind === 'unknown' || p.kind === 'repeated');
  const parts = problems.map(problemText).join('; ');
  return ignored.length > 0 ? `Part of the address is ignored: ${parts}.` : `${parts.charAt(0).toUpperCase()}${parts.slice(1)}.`;
}

/**
 * Reads the address's filter parameters against the values a page offers: each known
 * value (first of a repeated parameter), and the problems to tell the reader about.
 * Parameters the page does not use at all are not its concern (a campaign's tags, say).
 */
export function readFilters(
  params: URLSearchParams,
  offered: ReadonlyMap<string, { label: string; values: readonly string[] }>,
): { values: Map<string, string>; problems: InputProblem[] } {
  const values = new Map<string, string>();
  const problems: InputProblem[] = [];
  for (const [name, { label, values: allowed }] of offered) {
    const { value, repeated } = firstParam(params, name);
    if (value === undefined || value === '') continue;
    if (repeated) problems.push({ kind: 'repeated', label });
    if (allowed.includes(value)) values.set(name, value);
    else problems.push({ kind: 'unknown', label, value });
  }
  return { values, problems };
}

/** The council `query` names exactly (its id, name, an alias or a code), if any: the matcher Find a council uses. */
export function councilNamed(entries: readonly FindEntry[], query: string): FindEntry | undefined {
  const best = findCouncils(entries, query, 1)[0];
  return best && fold(best.matched) === fold(query) ? best.entry : undefined;
}

/**
 * The authorities a list of names stands for (ids, names, aliases, GSS codes, Ofsted URNs,
 * in any case or spacing), in order, each once; `comparable` says which ids can be shown.
 * The names that stand for none are returned as given (cleaned), for the reader to see; at
 * most COMPARE_MAX names are read.
 */
export function resolveCouncils(
  names: readonly string[],
  entries: readonly FindEntry[],
  comparable: (id: string) => boolean,
): { ids: string[]; unknown: string[]; former: string[]; unread: number } {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const ids: string[] = [];
  const unknown: string[] = [];
  const former: string[] = [];
  const wanted = [...new Set(names.map((n) => cleanText(n, NAME_MAX).text).filter(Boolean))];
  for (const name of wanted.slice(0, COMPARE_MAX)) {
    const id = byId.has(name) ? name : councilNamed(entries, name)?.id;
    if (id !== undefined && comparable(id)) {
      if (!ids.includes(id)) ids.push(id);
    } else if (id !== undefined) {
      const councilName = byId.get(id)!.name;
      if (!former.includes(councilName)) former.push(councilName);
    } else if (!unknown.includes(name)) unknown.push(name);
  }
  return { ids, unknown, former, unread: Math.max(0, wanted.length - COMPARE_MAX) };
}

/**
 * "We did not recognise: nowhere, atlantis." (the first few, each short), what could not be
 * compared ("Cumbria is a former council: its page has its inspections."), or ''.
 */
export function unrecognisedNotice(unknown: readonly string[], unread = 0, former: readonly string[] = [], shown = 5): string {
  const names = unknown.slice(0, shown).map((n) => quoted(n).slice(1, -1)).join(', ');
  const more = unknown.length - shown;
  const sentences = [
    unknown.length > 0 ? `We did not recognise: ${names}${more > 0 ? ` and ${more} more` : ''}.` : '',
    unread > 0 ? `Only the first ${COMPARE_MAX} different names in the address were read.` : '',
    former.length > 0 ? `Not compared: ${former.join(', ')} (${former.length === 1 ? 'a former council' : 'former councils'}; ${former.length === 1 ? 'its page has its' : 'their pages have their'} inspections).` : '',
  ];
  return sentences.filter(Boolean).join(' ');
}

/** The ids of the councils whose names (or aliases, former names, codes) match `query`: the Find a council matcher. */
export function matchingIds(entries: readonly FindEntry[], query: string): Set<string> {
  return new Set(findCouncils(entries, query, Number.POSITIVE_INFINITY).map((m) => m.entry.id));
}

/**
 * Whether a search's matches are only Pagefind's stand-ins: for a word missing from the
 * index Pagefind searches the longest prefix of it that is indexed, so "AAAAA" finds every
 * page with the word "a". Given the query's words and the words marked in the results'
 * excerpts, true when every marked word is a short start of a query word (under half of it).
 */
export function onlyStandIns(query: string, marked: readonly string[]): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  // A mark's runs of letters: Pagefind marks the word around its stand-in ("2AA.", "(A&A)").
  const marks = marked.flatMap((m) => m.match(/\p{L}+/gu) ?? []).map(fold).filter(Boolean);
  if (marks.length === 0 || words.length === 0) return false;
  return marks.every((m) => words.some((w) => w.startsWith(m) && m.length < w.length / 2));
}
