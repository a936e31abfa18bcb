// "Find a council": every name a reader may know a council by (its name, aliases such as
// "LB Haringey", the former councils it replaced or the council that replaced it, its GSS
// codes, Ofsted URN and DfE number), and a ranked match of what they have typed so far.
// Pure: the field's script (src/browser/find-council-field.ts) runs it in the browser over the
// list that src/pages/find/councils.json.ts writes, and the unit tests run it directly.
import type { AuthorityIdentity } from './authorities.ts';

/** What a name is to its council, which the suggestion says when it is not the name itself. */
export type NameKind = 'name' | 'alias' | 'replaced' | 'replaced-by' | 'code';

/** One council as the field knows it: small, since every page that has the field may load it. */
export interface FindEntry {
  id: string;
  name: string;
  /** False for a former council (Cumbria, Bournemouth): it still has a page. */
  current: boolean;
  /** Other names and codes, each with its kind. */
  names: [text: string, kind: NameKind][];
}

export interface FindAuthority extends AuthorityIdentity {
  dfe_number?: string | null;
  ofsted_urn?: string | null;
  predecessors: readonly string[];
  successors: readonly string[];
}

/** The field's list, A to Z: each council with every other name it can be found by. */
export function findEntries(authorities: readonly FindAuthority[]): FindEntry[] {
  const byId = new Map(authorities.map((a) => [a.id, a]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  return [...authorities]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((a) => {
      const names: [string, NameKind][] = [
        ...a.aliases.map((n): [string, NameKind] => [n, 'alias']),
        ...a.predecessors.map((id): [string, NameKind] => [nameOf(id), 'replaced']),
        ...a.successors.map((id): [string, NameKind] => [nameOf(id), 'replaced-by']),
        ...[...a.gss_codes.map((c) => c.code), a.ofsted_urn, a.dfe_number]
          .filter((c): c is string => Boolean(c))
          .map((c): [string, NameKind] => [c, 'code']),
      ];
      // A name the list already has (an alias equal to a former council's name) once only.
      const seen = new Set([fold(a.name)]);
      return { id: a.id, name: a.name, current: a.current, names: names.filter(([n]) => !seen.has(fold(n)) && Boolean(seen.add(fold(n)))) };
    });
}

/**
 * Lower case, "&" as "and", "St." as "st", accents, punctuation and invisible characters
 * (zero-width spaces, bidirectional controls) dropped, spaces collapsed: "Bournemouth,
 * Christchurch & Poole", "bournemouth christchurch and poole" and "Bar\u200Bnet" are the same text.
 * Unlike normaliseAuthorityName it keeps the council words, since a reader typing "London Borough of H" is part-way through an alias.
 */
export function fold(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replaceAll('&', ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface FindMatch {
  entry: FindEntry;
  /** The text that matched, and its kind ('name' when it was the council's own name). */
  matched: string;
  kind: NameKind;
}

// Lower is better: where in a name the typed text was found, then what kind of name it is.
const PLACE_SCORE = { whole: 0, start: 1, word: 2, inside: 3 } as const;
const KIND_SCORE: Record<NameKind, number> = { name: 0, code: 0, alias: 1, replaced: 2, 'replaced-by': 2 };

function place(name: string, query: string): keyof typeof PLACE_SCORE | undefined {
  if (name === query) return 'whole';
  if (name.startsWith(query)) return 'start';
  if (name.includes(` ${query}`)) return 'word';
  // Inside a word only for three letters or more: "ham" finds Oldham, "h" finds nothing inside.
  if (query.length >= 3 && name.includes(query)) return 'inside';
  return undefined;
}

/**
 * The councils whose names match `query`, best first: a whole name before a name that
 * starts with the text, before a word that does, before text inside a word; the council's
 * own name or code before an alias, before a council it replaced or that replaced it; a
 * current council before a former one; then A to Z. Each council appears once, with the
 * best of its names that matched.
 */
export function findCouncils(entries: readonly FindEntry[], query: string, limit = 8): FindMatch[] {
  const q = fold(query);
  if (!q) return [];
  const scored: { match: FindMatch; score: number }[] = [];
  for (const entry of entries) {
    let best: { match: FindMatch; score: number } | undefined;
    for (const [text, kind] of [[entry.name, 'name'] as [string, NameKind], ...entry.names]) {
      const where = place(fold(text), q);
      // A code matches from its start only: "E09" is a prefix, "0001" inside a code is noise.
      if (!where || (kind === 'code' && where !== 'whole' && where !== 'start')) continue;
      const score = PLACE_SCORE[where] * 10 + KIND_SCORE[kind] * 2 + (entry.current ? 0 : 1);
      if (!best || score < best.score) best = { match: { entry, matched: text, kind }, score };
    }
    if (best) scored.push(best);
  }
  return scored
    .sort((a, b) => a.score - b.score || a.match.entry.name.localeCompare(b.match.entry.name, 'en-GB'))
    .slice(0, limit)
    .map((s) => s.match);
}

/** The suggestion's second line: why this council matched, when it was not by its own name. */
export function matchHint(match: FindMatch): string | undefined {
  const former = match.entry.current ? '' : 'Former council. ';
  switch (match.kind) {
    case 'name':
      return match.entry.current ? undefined : 'Former council';
    case 'alias':
      return `${former}Also called ${match.matched}`;
    case 'code':
      return `${former}Code ${match.matched}`;
    case 'replaced':
      return `Replaced ${match.matched}`;
    case 'replaced-by':
      return `Former council, replaced by ${match.matched}`;
  }
}

/** Items grouped under the first letter of their name, A to Z, for a list with a letter jump. */
export function byLetter<T extends { name: string }>(items: readonly T[]): { letter: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))) {
    const letter = fold(item.name).charAt(0).toUpperCase() || '#';
    groups.set(letter, [...(groups.get(letter) ?? []), item]);
  }
  return [...groups].map(([letter, grouped]) => ({ letter, items: grouped }));
}

/** The jump's letter-link ids: one per letter some council's name starts with. */
export const letterId = (letter: string) => `letter-${letter.toLowerCase()}`;

/** For each name in an A to Z list, its letter when it is the first name with that letter (where the jump lands). */
export function letterStarts(names: readonly string[]): (string | undefined)[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const letter = byLetter([{ name }])[0]?.letter;
    if (!letter || seen.has(letter)) return undefined;
    seen.add(letter);
    return letter;
  });
}
