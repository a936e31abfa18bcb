// The Pagefind index of every authority and document page (with the filters of
// src/domain/search-filters.ts), written to dist/pagefind/. Any indexing error, or a page
// missing from the index, throws, which fails the build. The documents are indexed from
// their entries while Astro renders the pages (startSearchIndex, at astro:build:start), the
// authority pages from the built pages afterwards (finishSearchIndex, at astro:build:done).
//
// The index is written in shards, merged in the browser (src/lib/search-client.ts): the
// authority pages at /pagefind/ and each region's documents in /pagefind/<shard>/, listed
// in /pagefind/shards.json. Each shard is kept in .cache/search-index/ under a digest of
// what it indexes, so a rebuild after editing one entry re-indexes one region's documents,
// and Pagefind holds one shard in memory at a time rather than every page.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import { AUTHORITY_PAGE_KIND, documentHtmlForIndex, htmlForIndex, searchFilters, type PageFilters } from '../../src/domain/search-filters.ts';
import type { ContentEntry } from '../../src/domain/checks.ts';
import { readBody } from '../../src/lib/document-body.ts';
import { dateText, documentShortTitle } from '../../src/lib/format.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { codeDigest } from '../../src/lib/code-digest.ts';
import { readAuthorities } from './entries.ts';

/** The shard holding the authority pages, written at /pagefind/ itself. */
export const PRIMARY_SHARD = 'authorities';

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Which shard a page is indexed in: authority pages together, documents by their authority's region. */
export function shardOf(filters: PageFilters): string {
  return filters.kind.includes(AUTHORITY_PAGE_KIND) ? PRIMARY_SHARD : `documents-${slug(filters.region[0] ?? 'no region')}`;
}

/**
 * The code behind every shard's digest (src/, this module, Pagefind and the Markdown
 * processor): with other code, every shard is written afresh.
 */
const indexCode = (root: string) => codeDigest(root, ['src', 'scripts/lib/search-index.ts'], ['pagefind', 'satteri', '@astrojs/markdown-satteri']);

interface ShardPage {
  url: string;
  content: string;
}

/** A shard written to (or found in) the cache. */
interface CachedShard {
  shard: string;
  dir: string;
  pages: number;
  /** Whether it was in the cache already. */
  hit: boolean;
}

/** The index as started before the pages are rendered (startSearchIndex). */
export interface StartedSearchIndex {
  /** The document pages indexed, which the build must have written. */
  documentUrls: string[];
  /** The authority pages to index once they are built, with their filters. */
  authorityPages: [string, PageFilters][];
  /** The documents' shards, in the cache. */
  documents: Promise<{ shards: CachedShard[]; ms: number }>;
}

const cacheDir = (root: string) => join(root, '.cache/search-index');
const documentId = (file: string) => file.replace(/^content\/documents\//, '').replace(/\.md$/, '');

/**
 * Before the pages are rendered: starts indexing the documents' shards from the entries'
 * files rather than their built pages (documentHtmlForIndex), so that Pagefind's process
 * does the work on the other core while Astro renders the pages. Shards are written to the
 * cache only; finishSearchIndex puts them into the built site.
 */
export function startSearchIndex(root: string, entries: readonly Pick<ContentEntry, 'file' | 'data'>[]): StartedSearchIndex {
  const authorities = readAuthorities(root);
  const names = new Map(authorities.map((a) => [a.id, a.name]));
  const filters = searchFilters(entries.map((e) => ({ id: documentId(e.file), data: e.data })), authorities);
  const shards = new Map<string, { url: string; entry: Pick<ContentEntry, 'file' | 'data'>; filters: PageFilters }[]>();
  for (const entry of entries) {
    const url = `/documents/${documentId(entry.file)}/`;
    const pageFilters = filters.get(url)!;
    const shard = shardOf(pageFilters);
    if (!shards.has(shard)) shards.set(shard, []);
    shards.get(shard)!.push({ url, entry, filters: pageFilters });
  }
  const documentUrls = [...shards.values()].flat().map((p) => p.url);
  const authorityPages = [...filters].filter(([, f]) => f.kind.includes(AUTHORITY_PAGE_KIND));
  const documents = (async () => {
    const started = performance.now();
    const cache = cacheDir(root);
    mkdirSync(cache, { recursive: true });
    const code = indexCode(root);
    const written: CachedShard[] = [];
    for (const [shard, members] of [...shards].sort(([a], [b]) => a.localeCompare(b))) {
      // What each page's index input is made of, so that a shard found in the cache is
      // not rendered at all: its pages' addresses, titles, lines and filters, and bodies.
      const pages = members.map(({ url, entry, filters: pageFilters }) => ({
        url,
        file: join(root, entry.file),
        title: entry.data.title,
        about: `${documentShortTitle(entry.data, names.get(entry.data.authority) ?? entry.data.authority)}. Issued by ${entry.data.issuer}.`,
        date: dateText(entry.data.date),
        filters: pageFilters,
        body: readBody(join(root, entry.file)),
      }));
      const hash = createHash('sha256').update(code);
      for (const page of pages) hash.update(`\0${page.url}\0${page.title}\0${page.about}\0${page.date}\0${JSON.stringify(page.filters)}\0`).update(page.body);
      written.push(
        await cacheShard(shard, hash, cache, pages.length, async () => {
          const rendered: ShardPage[] = [];
          for (const { url, file, title, about, date, filters: pageFilters, body } of pages) {
            const bodyHtml = await renderMarkdown(body, pathToFileURL(file));
            rendered.push({ url, content: documentHtmlForIndex({ title, about, date, bodyHtml }, pageFilters) });
          }
          return rendered;
        }),
      );
    }
    return { shards: written, ms: performance.now() - started };
  })();
  // Awaited by finishSearchIndex; until then a failure must not end the process unreported.
  documents.catch(() => {});
  return { documentUrls, authorityPages, documents };
}

/**
 * After the build: the authority pages' shard from the built pages, and the documents'
 * shards (started before the pages were rendered), all copied into dist/pagefind/ with
 * /pagefind/shards.json. Any indexing error, or a document page the build did not write,
 * throws.
 */
export async function finishSearchIndex(
  root: string,
  dist: string,
  started: StartedSearchIndex,
): Promise<{ pages: number; shards: number; reused: number; documentsMs: number }> {
  const problems: string[] = [];
  for (const url of started.documentUrls) if (!existsSync(join(dist, url, 'index.html'))) problems.push(`${url}: indexed, but the build wrote no page there`);
  const authorityPages: ShardPage[] = [];
  for (const [url, filters] of started.authorityPages) {
    const file = join(dist, url, 'index.html');
    const content = existsSync(file) ? htmlForIndex(readFileSync(file, 'utf8'), filters) : undefined;
    if (content) authorityPages.push({ url, content });
    else problems.push(`${url}: no page with a <main> element to index`);
  }
  if (authorityPages.length === 0) problems.push('no authority pages to index');
  try {
    if (problems.length > 0) throw new Error(`Search index failed:\n${problems.join('\n')}`);
    const { shards: documentShards, ms } = await started.documents;
    // The authority pages are digested as built: what they show depends on every document.
    const hash = createHash('sha256').update(indexCode(root));
    for (const page of authorityPages) hash.update(`\0${page.url}\0`).update(page.content);
    const shards = [await cacheShard(PRIMARY_SHARD, hash, cacheDir(root), authorityPages.length, async () => authorityPages), ...documentShards];
    const out = join(dist, 'pagefind');
    rmSync(out, { recursive: true, force: true });
    for (const s of shards) {
      // A merged shard is searched with the primary's script and WebAssembly: only its data is copied.
      const dataOnly = (path: string) => s.shard === PRIMARY_SHARD || !/[\\/](pagefind[^/\\]*\.(js|css)|wasm\.[^/\\]*)$/.test(path);
      cpSync(s.dir, s.shard === PRIMARY_SHARD ? out : join(out, s.shard), { recursive: true, filter: dataOnly });
    }
    writeFileSync(join(out, 'shards.json'), `${JSON.stringify(documentShards.map((s) => `/pagefind/${s.shard}/`))}\n`);
    return { pages: shards.reduce((n, s) => n + s.pages, 0), shards: shards.length, reused: shards.filter((s) => s.hit).length, documentsMs: ms };
  } finally {
    // Pagefind's process is closed once the documents' indexing has ended, failed or not.
    await started.documents.catch(() => {});
    await pagefind.close();
  }
}

/**
 * One shard in the cache: found there when a shard of the same digest (`hash`, over what
 * its `count` pages are made of) was written before, else its `pages` indexed afresh. Pagefind
 * holds one shard in memory at a time.
 */
async function cacheShard(shard: string, hash: Hash, cache: string, count: number, pages: () => Promise<ShardPage[]>): Promise<CachedShard> {
  const digest = hash.digest('base64url').slice(0, 16);
  const dir = join(cache, `${shard}.${digest}`);
  const hit = existsSync(join(dir, 'pagefind-entry.json'));
  if (hit) return { shard, dir, pages: count, hit };
  const shardPages = await pages();
  const pending = `${dir}.partial`;
  rmSync(pending, { recursive: true, force: true });
  const problems = await writeShard(shardPages, pending);
  if (problems.length > 0) throw new Error(`Search index failed:\n${problems.join('\n')}`);
  // Older copies of this shard are of content that has since changed.
  for (const old of readdirSync(cache)) if (old.split('.')[0] === shard && old !== `${shard}.${digest}.partial`) rmSync(join(cache, old), { recursive: true, force: true });
  renameSync(pending, dir);
  return { shard, dir, pages: shardPages.length, hit };
}

/** Indexes `pages` into `outputPath`; returns Pagefind's errors. */
async function writeShard(pages: readonly ShardPage[], outputPath: string): Promise<string[]> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Search index: Pagefind did not start: ${errors.join('; ')}`);
  // Every page is sent at once: Pagefind's process takes them in order (the index is the
  // same as one page at a time) and is never left waiting on a main thread busy rendering.
  const added = await Promise.all(pages.map((page) => index.addHTMLFile(page)));
  const problems = added.flatMap((a, i) => (a.errors.length > 0 ? [`${pages[i]!.url}: ${a.errors.join('; ')}`] : []));
  if (problems.length === 0) problems.push(...(await index.writeFiles({ outputPath })).errors);
  await index.deleteIndex();
  return problems;
}
