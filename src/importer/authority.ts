// Which authority a document is about: the --authority option, else the manifest's Ofsted
// URN, else what the report itself says: the name in its title, the trust or company that
// ran the council's services, and how often its pages (running headers and footers
// included) and its PDF metadata name each council. It chooses only when that evidence
// agrees; otherwise it names the closest councils and asks for --authority.
import { codeInOperation, indexAuthorities, normaliseAuthorityName, resolveAuthority, type AuthorityIndex } from '../domain/authorities.ts';
import type { AuthorityData } from '../schemas/authority.ts';

export interface AuthorityResolution {
  authority?: AuthorityData;
  /** How it was decided, for the summary: "--authority", "manifest URN 80418", "the report's title". */
  how?: string;
  problems: string[];
}

export interface AuthorityMention {
  authority: AuthorityData;
  count: number;
}

const indexes = new WeakMap<readonly AuthorityData[], AuthorityIndex<AuthorityData>>();

function indexOf(authorities: readonly AuthorityData[]): AuthorityIndex<AuthorityData> {
  let index = indexes.get(authorities);
  if (!index) indexes.set(authorities, (index = indexAuthorities(authorities)));
  return index;
}

/** Lower case, "&" as "and", punctuation and hyphens as spaces: how names are matched in running text. */
function plain(text: string): string {
  return ` ${text.toLowerCase().replaceAll('&', ' and ').replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

/** A name as titles write it, tried as given and without the words around it ("Council", "local authority", "Unitary Authority"). */
export function resolveName(authorities: readonly AuthorityData[], name: string, on?: string): AuthorityData | undefined {
  const index = indexOf(authorities);
  const variants = [
    name,
    name.replace(/\b(unitary authority|local authority|metropolitan district council|metropolitan council)\b/gi, ' '),
    name.replace(/\bcouncil\b/gi, ' '),
  ].map((v) => v.replace(/\s+/g, ' ').trim());
  for (const variant of variants) {
    if (!variant) continue;
    const found = resolveAuthority(index, variant, on);
    if (found) return found;
  }
  // "City of Wolverhampton Council", "Kingston upon Hull City Council": try the normalised name against the ids too.
  const slug = normaliseAuthorityName(name).replace(/\s+/g, '-');
  return index.byId.get(slug);
}

/** The councils a trust or company of that name has run services for ("Achieving for Children": three). */
export function councilsDeliveredBy(authorities: readonly AuthorityData[], name: string, on?: string): AuthorityData[] {
  const wanted = normaliseAuthorityName(name);
  return authorities.filter((a) => a.delivered_by.some((d) => normaliseAuthorityName(d) === wanted) && (!on || codeInOperation(a, on)));
}

/**
 * How often a text names each authority, by its name, aliases and trust names. Longer names
 * are taken first and each stretch of text counts once, so "North Lincolnshire" is not also
 * a mention of Lincolnshire, nor "London Borough of Hackney" of the City of London. With a
 * date, only authorities whose codes were in operation then are counted. Most named first.
 */
export function authorityMentions(authorities: readonly AuthorityData[], text: string, on?: string): AuthorityMention[] {
  const names = new Map<string, AuthorityData[]>();
  for (const authority of authorities) {
    if (on && !codeInOperation(authority, on)) continue;
    for (const name of new Set([authority.name, ...authority.aliases, ...authority.delivered_by].map(plain))) {
      if (name.trim().length < 4) continue;
      names.set(name, [...(names.get(name) ?? []), authority]);
    }
  }
  let rest = plain(text);
  const counts = new Map<AuthorityData, number>();
  for (const [name, named] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    const parts = rest.split(name);
    if (parts.length === 1) continue;
    // Keep the spaces either side, so that neighbouring names still match.
    rest = parts.join(` ${'#'.repeat(name.length - 2)} `);
    for (const authority of named) counts.set(authority, (counts.get(authority) ?? 0) + parts.length - 1);
  }
  return [...counts].map(([authority, count]) => ({ authority, count })).sort((a, b) => b.count - a.count || a.authority.id.localeCompare(b.authority.id));
}

/** Trigram likeness of two names (0 to 1): for naming the closest councils to a name nothing matches. */
function likeness(a: string, b: string): number {
  const grams = (s: string) => new Set(Array.from({ length: Math.max(0, s.length - 2) }, (_, i) => s.slice(i, i + 3)));
  const [x, y] = [grams(plain(a)), grams(plain(b))];
  const shared = [...x].filter((g) => y.has(g)).length;
  return shared === 0 ? 0 : (2 * shared) / (x.size + y.size);
}

/** The one most-named council, when it is named clearly more often than the next (at least twice, and twice as often). */
function clearlyMostNamed(mentions: readonly AuthorityMention[]): AuthorityMention | undefined {
  const [first, second] = mentions;
  if (!first || first.count < 2) return undefined;
  return !second || first.count >= 2 * second.count ? first : undefined;
}

export interface DocumentAuthorityOptions {
  override?: string;
  urn?: string;
  /** The name as the title gives it. */
  name?: string;
  /** A YYYY-MM-DD date: which of two authorities that shared a name was meant. */
  on?: string;
  /** Every word of the document, running headers and footers included. */
  text?: string;
  /** The title in the PDF's own metadata. */
  metadataTitle?: string;
}

export function resolveDocumentAuthority(authorities: readonly AuthorityData[], options: DocumentAuthorityOptions): AuthorityResolution {
  const problems: string[] = [];
  const byName = options.name ? resolveName(authorities, options.name, options.on) : undefined;
  if (options.override) {
    const authority = resolveName(authorities, options.override, options.on);
    if (!authority) return { problems: [`--authority "${options.override}" is not a known authority (see content/authorities.json)`] };
    if (byName && byName.id !== authority.id) problems.push(`the report names ${byName.name}, but --authority says ${authority.name}`);
    return { authority, how: '--authority', problems };
  }
  if (options.urn) {
    const authority = authorities.find((a) => a.ofsted_urn === options.urn);
    if (authority) {
      if (byName && byName.id !== authority.id) {
        problems.push(`the report names ${byName.name}, but the manifest files it under URN ${options.urn} (${authority.name})`);
      }
      return { authority, how: `manifest URN ${options.urn}`, problems };
    }
    problems.push(`manifest URN ${options.urn} is not in content/authorities.json`);
  }
  return resolveFromReport(authorities, options, byName, problems);
}

/** The report's own evidence: title, trust name, the councils its pages and metadata name. */
function resolveFromReport(
  authorities: readonly AuthorityData[],
  options: DocumentAuthorityOptions,
  byName: AuthorityData | undefined,
  problems: string[],
): AuthorityResolution {
  const mentions = authorityMentions(authorities, options.text ?? '', options.on);
  const countOf = (a: AuthorityData) => mentions.find((m) => m.authority === a)?.count ?? 0;
  const named = options.name ? `"${options.name}"` : 'no council';

  if (byName) {
    // The title's name stands unless the pages name another council throughout and never this one.
    const top = clearlyMostNamed(mentions);
    if (top && top.authority !== byName && countOf(byName) === 0 && top.count >= 3) {
      return refuse(authorities, options, mentions, [
        ...problems,
        `the title names ${byName.name}, but the report's pages name ${top.authority.name} ${top.count} times and ${byName.name} never`,
      ]);
    }
    return { authority: byName, how: `the title's name "${options.name}"`, problems };
  }

  // A trust's name narrows the councils to those it ran services for; the pages choose among them.
  const providers = options.name ? councilsDeliveredBy(authorities, options.name, options.on) : [];
  const candidates = providers.length > 0 ? mentions.filter((m) => providers.includes(m.authority)) : mentions;
  if (providers.length === 1 && countOf(providers[0]!) > 0) {
    return { authority: providers[0], how: `the title's trust "${options.name}", which runs ${providers[0]!.name}'s services`, problems };
  }
  const metadata = options.metadataTitle ? authorityMentions(authorities, options.metadataTitle, options.on) : [];
  const fromMetadata = metadata.length === 1 ? metadata[0]!.authority : undefined;
  const top = clearlyMostNamed(candidates);
  if (top && (!fromMetadata || fromMetadata === top.authority)) {
    const via = providers.length > 0 ? `the title's trust "${options.name}" and ` : '';
    return { authority: top.authority, how: `${via}the report's pages, which name ${top.authority.name} ${top.count} times`, problems };
  }
  if (!top && fromMetadata && (providers.length === 0 || providers.includes(fromMetadata)) && countOf(fromMetadata) > 0) {
    return { authority: fromMetadata, how: `the PDF's metadata title "${options.metadataTitle}"`, problems };
  }
  return refuse(authorities, options, candidates.length > 0 ? candidates : mentions, [
    ...problems,
    `could not tell which council the report is about: the title names ${named}${fromMetadata && top ? `, the PDF's metadata ${fromMetadata.name}, the pages mostly ${top.authority.name}` : ''}`,
  ]);
}

/** No choice: name the closest councils (most named, else most alike the title's name) and suggest --authority. */
function refuse(
  authorities: readonly AuthorityData[],
  options: DocumentAuthorityOptions,
  mentions: readonly AuthorityMention[],
  problems: string[],
): AuthorityResolution {
  const closest =
    mentions.length > 0
      ? mentions.slice(0, 3).map((m) => `${m.authority.name} (${m.authority.id}, named ${m.count} times)`)
      : options.name
        ? authorities
            .filter((a) => a.current)
            .map((a) => ({ a, score: Math.max(...[a.name, ...a.aliases].map((n) => likeness(n, options.name!))) }))
            .sort((x, y) => y.score - x.score)
            .slice(0, 3)
            .map(({ a }) => `${a.name} (${a.id})`)
        : [];
  const hint = closest.length > 0 ? `; closest: ${closest.join(', ')}` : '';
  return { problems: [`${problems.join('; ')}${hint}; give --authority <id>`] };
}
