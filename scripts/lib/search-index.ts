// After the build: the Pagefind index of every authority and document page (with the
// filters of src/domain/search-filters.ts), written to dist/pagefind/. Any indexing error,
// or a page missing from the index, throws, which fails the build.
//
// The index is written in shards, merged in the browser (src/lib/search-client.ts): the
// authority pages at /pagefind/ and each region's documents in /pagefind/<shard>/, listed
// in /pagefind/shards.json. Each shard is kept in .cache/search-index/ under a digest of
// what it indexes, so a rebuild after editing one entry re-indexes one region's documents,
// and Pagefind holds one shard in memory at a time rather than every page.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { AUTHORITY_PAGE_KIND, searchFilters, htmlForIndex, type PageFilters } from '../../src/domain/search-filters.ts';
import type { ContentEntry } from '../../src/domain/checks.ts';
import { readAuthorities, readDocuments } from './entries.ts';

/** The shard holding the authority pages, written at /pagefind/ itself. */
export const PRIMARY_SHARD = 'authorities';

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Which shard a page is indexed in: authority pages together, documents by their authority's region. */
export function shardOf(filters: PageFilters): string {
  return filters.kind.includes(AUTHORITY_PAGE_KIND) ? PRIMARY_SHARD : `documents-${slug(filters.region[0] ?? 'no region')}`;
}

/** Pagefind's version, part of each shard's digest: a new Pagefind writes every shard afresh. */
const PAGEFIND_VERSION = (() => {
  // Its package.json is not among its exports: look for it above its entry point.
  for (let dir = dirname(fileURLToPath(import.meta.resolve('pagefind'))); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'pagefind') return pkg.version;
    }
  }
  throw new Error('Search index: cannot find the version of Pagefind');
})();

interface ShardPage {
  url: string;
  content: string;
}

/** `entries`: the documents as the build's content check read them (read afresh when not given). */
export async function buildSearchIndex(
  root: string,
  dist: string,
  entries: readonly Pick<ContentEntry, 'file' | 'data'>[] = readDocuments(root).entries,
): Promise<{ pages: number; shards: number; reused: number }> {
  const documents = entries.map((e) => ({ id: e.file.replace(/^content\/documents\//, '').replace(/\.md$/, ''), data: e.data }));
  const pages = searchFilters(documents, readAuthorities(root));
  const problems: string[] = [];
  const shards = new Map<string, ShardPage[]>();
  for (const [url, filters] of pages) {
    const content = htmlForIndex(readFileSync(join(dist, url, 'index.html'), 'utf8'), filters);
    if (!content) {
      problems.push(`${url}: no <main> element to index`);
      continue;
    }
    const shard = shardOf(filters);
    if (!shards.has(shard)) shards.set(shard, []);
    shards.get(shard)!.push({ url, content });
  }
  if (!shards.has(PRIMARY_SHARD)) problems.push('no authority pages to index');
  if (problems.length > 0) throw new Error(`Search index failed:\n${problems.join('\n')}`);

  const cache = join(root, '.cache/search-index');
  const out = join(dist, 'pagefind');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  let count = 0;
  let reused = 0;
  try {
    for (const [shard, shardPages] of [...shards].sort(([a], [b]) => a.localeCompare(b))) {
      if (await placeShard(shard, shardPages, cache, out, problems)) reused++;
      if (problems.length > 0) break;
      count += shardPages.length;
    }
  } finally {
    await pagefind.close();
  }
  if (problems.length > 0) throw new Error(`Search index failed:\n${problems.join('\n')}`);
  const others = [...shards.keys()].filter((s) => s !== PRIMARY_SHARD).sort();
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'shards.json'), `${JSON.stringify(others.map((s) => `/pagefind/${s}/`))}\n`);
  return { pages: count, shards: shards.size, reused };
}

/**
 * Puts one shard into the built site: from the cache when a shard of the same pages was
 * written before, else indexed afresh (and cached). Returns whether it came from the cache.
 */
async function placeShard(shard: string, shardPages: readonly ShardPage[], cache: string, out: string, problems: string[]): Promise<boolean> {
  const hash = createHash('sha256').update(PAGEFIND_VERSION);
  for (const page of shardPages) hash.update(`\0${page.url}\0`).update(page.content);
  const digest = hash.digest('base64url').slice(0, 16);
  const cached = join(cache, `${shard}.${digest}`);
  const hit = existsSync(join(cached, 'pagefind-entry.json'));
  if (!hit) {
    const pending = `${cached}.partial`;
    rmSync(pending, { recursive: true, force: true });
    await writeShard(shardPages, pending, problems);
    if (problems.length > 0) return false;
    // Older copies of this shard are of content that has since changed.
    for (const old of readdirSync(cache)) if (old.split('.')[0] === shard && old !== `${shard}.${digest}.partial`) rmSync(join(cache, old), { recursive: true, force: true });
    renameSync(pending, cached);
  }
  // A merged shard is searched with the primary's script and WebAssembly: only its data is copied.
  const dataOnly = (path: string) => shard === PRIMARY_SHARD || !/[\\/](pagefind[^/\\]*\.(js|css)|wasm\.[^/\\]*)$/.test(path);
  cpSync(cached, shard === PRIMARY_SHARD ? out : join(out, shard), { recursive: true, filter: dataOnly });
  return hit;
}

async function writeShard(pages: readonly ShardPage[], outputPath: string, problems: string[]): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Search index: Pagefind did not start: ${errors.join('; ')}`);
  for (const page of pages) {
    const added = await index.addHTMLFile(page);
    if (added.errors.length > 0) problems.push(`${page.url}: ${added.errors.join('; ')}`);
  }
  if (problems.length > 0) return;
  const written = await index.writeFiles({ outputPath });
  problems.push(...written.errors);
  await index.deleteIndex();
}
