// Other addresses people link to an authority by, each a static redirect page to its
// page: /authorities/<GSS code>/ (any code it has had), /ofsted/<Ofsted URN>/, and
// /authorities/<name>/ for its other names (aliases, as slugs). An address that would
// mean two authorities, or that is already an authority's own page, is left out.
import type { AuthorityData } from '../schemas/authority.ts';

export interface Redirect {
  /** URL path of the redirect page, with trailing slash. */
  from: string;
  /** The authority it leads to. */
  to: string;
  /** What the address is, for the page's text. */
  by: 'GSS code' | 'Ofsted URN' | 'other name';
  value: string;
}

export function nameSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function redirects(authorities: readonly AuthorityData[]): Redirect[] {
  const ids = new Set(authorities.map((a) => a.id));
  const candidates = new Map<string, Redirect[]>();
  const add = (r: Redirect) => candidates.set(r.from, [...(candidates.get(r.from) ?? []), r]);
  for (const a of authorities) {
    for (const c of a.gss_codes) add({ from: `/authorities/${c.code}/`, to: a.id, by: 'GSS code', value: c.code });
    if (a.ofsted_urn) add({ from: `/ofsted/${a.ofsted_urn}/`, to: a.id, by: 'Ofsted URN', value: a.ofsted_urn });
    for (const alias of new Set([a.name, ...a.aliases])) {
      const slug = nameSlug(alias);
      if (slug && !ids.has(slug)) add({ from: `/authorities/${slug}/`, to: a.id, by: 'other name', value: alias });
    }
  }
  const out: Redirect[] = [];
  for (const list of candidates.values()) {
    const targets = new Set(list.map((r) => r.to));
    if (targets.size === 1) out.push(list[0]!);
  }
  return out.sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
}
