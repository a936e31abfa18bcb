// Which authority a document is about: the --authority option, else the manifest's Ofsted
// URN, else the name the document gives, resolved through src/domain/authorities.ts.
import { indexAuthorities, normaliseAuthorityName, resolveAuthority, type AuthorityIndex } from '../domain/authorities.ts';
import type { AuthorityData } from '../schemas/authority.ts';

export interface AuthorityResolution {
  authority?: AuthorityData;
  /** How it was decided, for the summary: "--authority", "manifest URN 80418", "the report's title". */
  how?: string;
  problems: string[];
}

const indexes = new WeakMap<readonly AuthorityData[], AuthorityIndex<AuthorityData>>();

function indexOf(authorities: readonly AuthorityData[]): AuthorityIndex<AuthorityData> {
  let index = indexes.get(authorities);
  if (!index) indexes.set(authorities, (index = indexAuthorities(authorities)));
  return index;
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

export function resolveDocumentAuthority(
  authorities: readonly AuthorityData[],
  options: { override?: string; urn?: string; name?: string; on?: string },
): AuthorityResolution {
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
  if (byName) return { authority: byName, how: `the name "${options.name}"`, problems };
  problems.push(options.name ? `could not resolve the authority name "${options.name}"` : 'the report does not name its authority in a way the importer can read');
  return { problems };
}
