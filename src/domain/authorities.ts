// Authority identity: documents name authorities loosely ("LB Brent", "Brent",
// "London Borough of Brent"); every name resolves to one stable id.
import { dateRange, type PartialDate } from './dates.ts';

export interface AuthorityIdentity {
  id: string;
  name: string;
  aliases: readonly string[];
  gss_codes: readonly { code: string; from?: string; to?: string }[];
  current: boolean;
}

// Reports add or leave out these words around a council's name ("Portsmouth City", "Council of
// the Isles of Scilly", "Wakefield District Metropolitan Council", "Medway Children's Services").
const PREFIXES = [
  'council of the city of', 'council of the', 'london borough of', 'royal borough of', 'city of', 'county of', 'borough of',
  'metropolitan borough of', 'lb', 'rb', 'the',
];
const SUFFIXES = [
  'metropolitan borough council', 'metropolitan district council', 'metropolitan council', 'borough council',
  'county council', 'city council', 'district council',
  // Apostrophes are spaces by the time suffixes are removed.
  'council', 'local authority', 'children s services', 'district',
  // ONS writes some names inverted ("Bristol, City of", "Herefordshire, County of");
  // the lookup calls Bedford "Bedford Borough".
  'city of', 'county of', 'borough', 'city',
];

/** Lower-case, "&" as "and", punctuation dropped, and the council words around a name removed. */
export function normaliseAuthorityName(name: string): string {
  let text = name
    .toLowerCase()
    .replaceAll('&', ' and ')
    .replace(/[’'`.,()[\]{}]/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let changed = true;
  while (changed) {
    changed = false;
    for (const prefix of PREFIXES) {
      if (text.startsWith(`${prefix} `)) {
        text = text.slice(prefix.length + 1);
        changed = true;
      }
    }
    for (const suffix of SUFFIXES) {
      if (text.endsWith(` ${suffix}`)) {
        text = text.slice(0, -suffix.length - 1);
        changed = true;
      }
    }
  }
  return text;
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('&', ' and ')
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface AuthorityIndex<A extends AuthorityIdentity> {
  byId: Map<string, A>;
  /** Normalised name or alias → authorities that use it (more than one means ambiguous). */
  byName: Map<string, A[]>;
  byGss: Map<string, A>;
}

export function indexAuthorities<A extends AuthorityIdentity>(authorities: readonly A[]): AuthorityIndex<A> {
  const byId = new Map<string, A>();
  const byName = new Map<string, A[]>();
  const byGss = new Map<string, A>();
  for (const authority of authorities) {
    byId.set(authority.id, authority);
    for (const name of new Set([authority.name, ...authority.aliases].map(normaliseAuthorityName))) {
      byName.set(name, [...(byName.get(name) ?? []), authority]);
    }
    for (const { code } of authority.gss_codes) byGss.set(code, authority);
  }
  return { byId, byName, byGss };
}

/**
 * Resolve a name as a document writes it to one authority. When a name is shared by a
 * current authority and its predecessor (Dorset, North Yorkshire), `on` (a YYYY-MM-DD
 * date) picks the one whose GSS code was in operation; without it the name is ambiguous
 * and nothing is returned rather than a guess.
 */
export function resolveAuthority<A extends AuthorityIdentity>(
  index: AuthorityIndex<A>,
  name: string,
  on?: string,
): A | undefined {
  const named = index.byName.get(normaliseAuthorityName(name)) ?? [];
  const byId = index.byId.get(name);
  // An id is exact, unless it is also a name shared across time ("dorset") and a date
  // says which of the authorities that used the name is meant.
  const candidates = byId && !(on && named.length > 1) ? [byId] : named;
  if (candidates.length <= 1) return candidates[0];
  if (!on) return undefined;
  const operating = candidates.filter((a) => codeInOperation(a, on));
  return operating.length === 1 ? operating[0] : undefined;
}

/** True when one of the authority's GSS codes can have been in operation on the (possibly partial) date. */
export function codeInOperation(authority: AuthorityIdentity, on: PartialDate): boolean {
  const [earliest, latest] = dateRange(on);
  return authority.gss_codes.some((c) => (!c.from || dateRange(c.from)[0] <= latest) && (!c.to || dateRange(c.to)[1] >= earliest));
}
