// Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page that
// getStaticPaths returns with a `cacheKey` is copied from the previous build when its key
// and its code (Astro hashes the page's module graph) are both unchanged. So a key must
// change whenever anything the page shows changes. Each key below hashes the inputs its
// page reads, taken conservatively: the whole authorities file, and every document that
// records an inspection of (or is about) an authority the page shows (its frontmatter; only a
// document's own page shows its body).
// tests/build/incremental.test.ts holds a one-entry rebuild to a clean build, byte for byte.
import { createHash } from 'node:crypto';
import { codeDigest } from './code-digest.ts';
import type { AuthorityData } from '../schemas/authority.ts';
import type { Redirect } from '../domain/redirects.ts';
import type { Preview } from './og-image.ts';
import { authorities, authorityById, currency, documentById, documents, records, recordsByDocument, type DocumentEntry } from './site-data.ts';

const hash = (...parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

/**
 * The site's code. Astro re-renders a page when its own module graph changes, but every
 * page's Content-Security-Policy lists the hashes of every page's scripts, so a change to any
 * script (or to a domain module a browser script imports) changes every page: on any change
 * to src/, every page is rendered again rather than kept with a stale policy.
 */
const codeKey = codeDigest(process.cwd(), ['src']);

/** Every authority's data (names and links appear on most pages), the footer's dates (on every page), and the code. */
const authoritiesKey = hash(authorities, currency, codeKey);

/** The content layer's digest of an entry's file (frontmatter and body): what its own page shows. */
const documentDigest = (d: DocumentEntry) => {
  if (!d.digest) throw new Error(`document ${d.id} has no digest: its loader must give one`);
  return d.digest;
};

/**
 * A digest of an entry's frontmatter alone: what every other page shows of it (authority,
 * comparison and document pages, feeds: grades, dates, quotes, visits; no page but its own
 * reads its body). So an edit to a report's text renders its own page again, not the pages
 * of its authority and their neighbours.
 */
const dataDigests = new Map<DocumentEntry, string>();
const dataDigest = (d: DocumentEntry) => {
  let digest = dataDigests.get(d);
  if (digest === undefined) dataDigests.set(d, (digest = hash(d.data)));
  return digest;
};

/** The documents about an authority or recording one of its inspections, by authority id. */
const documentsTouching = new Map<string, Set<DocumentEntry>>();
const touch = (authorityId: string, d: DocumentEntry | undefined) => {
  if (!d) return;
  const set = documentsTouching.get(authorityId) ?? new Set();
  set.add(d);
  documentsTouching.set(authorityId, set);
};
for (const d of documents) touch(d.data.authority, d);
for (const r of records) touch(r.authority, documentById.get(r.documentId));

/** A digest of the frontmatter of every document touching any of these authorities. */
function documentsKey(authorityIds: Iterable<string>): string {
  const seen = new Set<DocumentEntry>();
  for (const id of authorityIds) for (const d of documentsTouching.get(id) ?? []) seen.add(d);
  return hash([...seen].map((d) => `${d.id}:${dataDigest(d)}`).sort());
}

/** The authorities an authority's pages show beside it: neighbours, predecessors, successors. */
function shownWith(a: AuthorityData): string[] {
  return [a.id, ...a.statistical_neighbours, ...a.predecessors, ...a.successors].filter((id) => authorityById.has(id));
}

/** An authority page, or its pre-rendered comparison with its neighbours. */
export function authorityPageKey(a: AuthorityData): string {
  return hash('authority', authoritiesKey, documentsKey(shownWith(a)));
}

/** An authority's own feed: its documents, the inspections they record, and authorities' names. */
export function authorityFeedKey(a: AuthorityData): string {
  return hash('feed', authoritiesKey, documentsKey([a.id]));
}

/** A document page: the entry itself, and the other sources of the inspections it records (disagreements). */
export function documentPageKey(d: DocumentEntry): string {
  const recorded = (recordsByDocument.get(d.id) ?? []).map((r) => r.authority);
  return hash('document', authoritiesKey, d.id, documentDigest(d), documentsKey([d.data.authority, ...recorded]));
}

/** A redirect page shows the redirect and the name of the authority it leads to. */
export function redirectPageKey(r: Redirect): string {
  return hash('redirect', authoritiesKey, r);
}

/** A link-preview image is drawn from its preview alone. */
export function previewKey(p: Preview): string {
  return hash('preview', p);
}
