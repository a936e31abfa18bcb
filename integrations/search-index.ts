// The Pagefind index of every authority and document page (with the filters of
// src/domain/search-filters.ts), written to dist/pagefind/. Any indexing error, or a page
// missing from the index, throws, which fails the build. The documents are indexed from
// their entries while Astro renders the pages (startSearchIndex, at astro:build:start), the
// authority pages from the built pages afterwards (finishSearchIndex, at astro:build:done).
//
// The index is written in shards, merged in the browser (src/browser/search-page.ts): the
// authority pages at /pagefind/ and each region's documents in /pagefind/<shard>/ (a region
// of more than MAX_SHARD_DOCUMENTS in several), listed in /pagefind/shards.json. Each shard
// is kept in .cache/search-index/ under a digest of what it indexes, so a rebuild after
// editing one entry re-indexes one shard. Shards are written by worker threads
// (integrations/search-index-worker.ts), each with its own Pagefind process, largest shard
// first: one while the pages render (the main thread has the other core), two once they
// are written.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AUTHORITY_PAGE_KIND, htmlForIndex, searchFilters, type PageFilters } from '../src/domain/search-filters.ts';
import { dateText, documentShortTitle } from '../src/lib/format.ts';
import { codeDigest } from '../src/lib/code-digest.ts';
import { readAuthorities } from '../src/lib/content-files.ts';
import type { CheckedEntry } from './content-checks.ts';
import type { BuiltPage, DocumentPage, ShardJob, ShardPage, WorkerReply, WorkerRequest } from './search-index-worker.ts';

/** The shard holding the authority pages, written at /pagefind/ itself. */
export const PRIMARY_SHARD = 'authorities';

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Which shard a page is indexed in: authority pages together, documents by their authority's region. */
export function shardOf(filters: PageFilters): string {
  return filters.kind.includes(AUTHORITY_PAGE_KIND) ? PRIMARY_SHARD : `documents-${slug(filters.region[0] ?? 'no region')}`;
}

/**
 * Documents per shard, about at most. A region with more is split into ceil(n / this)
 * parts by a hash of each page's address (so a part holds about n / parts, give or take
 * the hash's spread): a rebuild after editing one entry re-indexes at most about this many
 * documents, and one Pagefind process holds at most this many in memory (London's 2,150 of
 * 10,000 synthetic documents took 1.4 GB). Not smaller: a search fetches files from every
 * shard. With 500 (25 shards at 10,000 documents), "care leavers Leeds" fetched 149 files and
 * took 4.5-5.7 s on loopback; on the committed site's 10 shards, 66 files and 2.3-3.1 s.
 */
export const MAX_SHARD_DOCUMENTS = 1500;

/**
 * A region's shard split into parts of about MAX_SHARD_DOCUMENTS pages at most (`documents-london-1`,
 * `-2`, …), each page placed by a hash of its address so that it stays in its part as others are
 * added (until the region needs one more part). A region small enough keeps its one shard.
 */
export function splitShard<T extends { url: string }>(shard: string, members: readonly T[]): [string, T[]][] {
  const parts = Math.ceil(members.length / MAX_SHARD_DOCUMENTS);
  if (parts <= 1) return [[shard, [...members]]];
  const split = Array.from({ length: parts }, (): T[] => []);
  for (const member of members) split[createHash('sha256').update(member.url).digest().readUInt32BE(0) % parts]!.push(member);
  return split.map((part, i) => [`${shard}-${i + 1}`, part]);
}

/**
 * The code behind every shard's digest (src/, the search index's modules, Pagefind and the
 * Markdown processor): with other code, every shard is written afresh.
 */
const indexCode = (root: string) =>
  codeDigest(root, ['src', 'integrations/search-index.ts', 'integrations/search-index-worker.ts'], ['pagefind', 'satteri', '@astrojs/markdown-satteri']);

/** A shard in the cache, once written (or found there). */
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
  /** The workers writing the shards. */
  workers: IndexWorkers;
  /** The digest of the code behind every shard (indexCode), read once a build. */
  code: string;
}

/**
 * Worker threads (integrations/search-index-worker.ts) that write the shards, each taking the
 * largest waiting shard when it is free: `widen` allows more of them, `close` ends each
 * one's Pagefind process and the thread.
 */
class IndexWorkers {
  private waiting: { job: ShardJob; done: (error?: Error) => void }[] = [];
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private limit = 1;

  /** Writes a shard's pages into the cache, in the first worker free. */
  write(job: ShardJob): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, done: (error) => (error ? reject(error) : resolve()) });
      // Shards asked for together are sorted before the first is taken.
      queueMicrotask(() => this.dispatch());
    });
  }

  /** Allows up to `count` workers. */
  widen(count: number): void {
    this.limit = Math.max(this.limit, count);
    this.dispatch();
  }

  private dispatch(): void {
    this.waiting.sort((a, b) => b.job.pages.length - a.job.pages.length);
    while (this.waiting.length > 0) {
      let worker = this.idle.pop();
      if (!worker && this.workers.length < this.limit) worker = this.start();
      if (!worker) return;
      const { job, done } = this.waiting.shift()!;
      const taken = worker;
      // A worker keeps the process alive only while it is writing a shard.
      taken.ref();
      ask(taken, { job }).then(
        (reply) => {
          done(typeof reply === 'object' && 'failed' in reply ? new Error(`Search index failed:\n${reply.failed.join('\n')}`) : undefined);
          taken.unref();
          this.idle.push(taken);
          this.dispatch();
        },
        (error: Error) => {
          // The thread itself failed: it takes no more shards.
          done(new Error(`Search index failed:\n${job.shard}: the worker writing it stopped: ${error.message}`));
          this.workers = this.workers.filter((w) => w !== taken);
          this.dispatch();
        },
      );
    }
  }

  private start(): Worker {
    const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url));
    this.workers.push(worker);
    // A thread that has ended (failed) is neither given a shard nor asked to close.
    worker.once('exit', () => {
      this.workers = this.workers.filter((w) => w !== worker);
      this.idle = this.idle.filter((w) => w !== worker);
    });
    return worker;
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    this.idle = [];
    await Promise.all(
      workers.map(async (worker) => {
        await ask(worker, 'close').catch(() => {});
        await worker.terminate();
      }),
    );
  }
}

/** Sends a worker one request and waits for its reply (a worker takes one request at a time). */
function ask(worker: Worker, request: WorkerRequest): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const settle = () => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    };
    const onMessage = (reply: WorkerReply) => {
      settle();
      resolve(reply);
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    const onExit = (code: number) => onError(new Error(`exited with code ${code}`));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(request);
  });
}

const cacheDir = (root: string) => join(root, '.cache/search-index');
const documentId = (file: string) => file.replace(/^content\/documents\//, '').replace(/\.md$/, '');

/**
 * Before the pages are rendered: starts indexing the documents' shards from the entries'
 * files rather than their built pages (documentHtmlForIndex), in one worker, so that the
 * work runs on the other core while Astro renders the pages. Shards are written to the
 * cache only; finishSearchIndex puts them into the built site.
 */
export function startSearchIndex(root: string, entries: readonly CheckedEntry[]): StartedSearchIndex {
  const authorities = readAuthorities(root);
  const names = new Map(authorities.map((a) => [a.id, a.name]));
  const filters = searchFilters(entries.map((e) => ({ id: documentId(e.file), data: e.data })), authorities);
  const regions = new Map<string, DocumentPage[]>();
  const fileDigests = new Map<string, string>();
  for (const entry of entries) {
    const url = `/documents/${documentId(entry.file)}/`;
    fileDigests.set(url, entry.digest);
    const pageFilters = filters.get(url)!;
    const shard = shardOf(pageFilters);
    if (!regions.has(shard)) regions.set(shard, []);
    regions.get(shard)!.push({
      url,
      file: join(root, entry.file),
      title: entry.data.title,
      about: `${documentShortTitle(entry.data, names.get(entry.data.authority) ?? entry.data.authority)}. Issued by ${entry.data.issuer}.`,
      date: dateText(entry.data.date),
      filters: pageFilters,
    });
  }
  const shards = [...regions].sort(([a], [b]) => a.localeCompare(b)).flatMap(([region, members]) => splitShard(region, members));
  const documentUrls = shards.flatMap(([, pages]) => pages.map((p) => p.url));
  const authorityPages = [...filters].filter(([, f]) => f.kind.includes(AUTHORITY_PAGE_KIND));
  const workers = new IndexWorkers();
  const code = indexCode(root);
  const documents = (async () => {
    const started = performance.now();
    const cache = cacheDir(root);
    mkdirSync(cache, { recursive: true });
    const written = shards.map(([shard, pages]) => {
      // What each page's index input is made of, so that a shard found in the cache is
      // not rendered at all: its pages' addresses, titles, lines and filters, and their files'
      // digests (the content check's: the bodies are not read again for this).
      const hash = createHash('sha256').update(code);
      for (const page of pages) {
        hash.update(`\0${page.url}\0${page.title}\0${page.about}\0${page.date}\0${JSON.stringify(page.filters)}\0${fileDigests.get(page.url)}`);
      }
      return cacheShard(workers, shard, hash, cache, pages);
    });
    return { shards: await Promise.all(written), ms: performance.now() - started };
  })();
  // Awaited by finishSearchIndex; until then a failure must not end the process unreported.
  documents.catch(() => {});
  return { documentUrls, authorityPages, documents, workers, code };
}

/**
 * After the build: the authority pages' shard from the built pages, and the documents'
 * shards (started before the pages were rendered), with a second worker now that the
 * pages are written; all copied into dist/pagefind/ with /pagefind/shards.json. Any
 * indexing error, or a document page the build did not write, throws.
 */
export async function finishSearchIndex(
  root: string,
  dist: string,
  started: StartedSearchIndex,
): Promise<{ pages: number; shards: number; reused: number; documentsMs: number }> {
  const problems: string[] = [];
  for (const url of started.documentUrls) if (!existsSync(join(dist, url, 'index.html'))) problems.push(`${url}: indexed, but the build wrote no page there`);
  const authorityPages: BuiltPage[] = [];
  for (const [url, filters] of started.authorityPages) {
    const file = join(dist, url, 'index.html');
    const content = existsSync(file) ? htmlForIndex(readFileSync(file, 'utf8'), filters) : undefined;
    if (content) authorityPages.push({ url, content });
    else problems.push(`${url}: no page with a <main> element to index`);
  }
  if (authorityPages.length === 0) problems.push('no authority pages to index');
  try {
    if (problems.length > 0) throw new Error(`Search index failed:\n${problems.join('\n')}`);
    // The main thread is free now: a second worker takes the shards still waiting.
    started.workers.widen(2);
    // The authority pages are digested as built: what they show depends on every document.
    const hash = createHash('sha256').update(started.code);
    for (const page of authorityPages) hash.update(`\0${page.url}\0`).update(page.content);
    const [primary, { shards: documentShards, ms }] = await Promise.all([
      cacheShard(started.workers, PRIMARY_SHARD, hash, cacheDir(root), authorityPages),
      started.documents,
    ]);
    const shards = [primary, ...documentShards];
    const out = join(dist, OUTPUT_FOLDER);
    placeShards(out, primary, documentShards);
    writeFileSync(join(out, 'shards.json'), `${JSON.stringify(documentShards.map((s) => `/pagefind/${s.shard}/`))}\n`);
    return { pages: shards.reduce((n, s) => n + s.pages, 0), shards: shards.length, reused: shards.filter((s) => s.hit).length, documentsMs: ms };
  } finally {
    // The workers and their Pagefind processes are closed once the documents' indexing has ended, failed or not.
    await started.documents.catch(() => {});
    await started.workers.close();
  }
}

/** The folder of dist/ the search index owns (integrations/kept-pages.ts leaves it to it). */
export const OUTPUT_FOLDER = 'pagefind';

/** Written last when a shard is put in place, so that finding it there means the whole shard is. */
const SHARD_MARKER = 'pagefind-entry.json';

/** A merged shard is searched with the primary's script and WebAssembly: only its data is put in place. */
const dataOnly = (path: string) => !/[\\/](pagefind[^/\\]*\.(js|css)|wasm\.[^/\\]*)$/.test(path);

/** Whether `folder` in dist/ holds the cached shard `from` already, as links to its files. */
function linkedAlready(from: string, folder: string): boolean {
  try {
    const cached = statSync(join(from, SHARD_MARKER));
    const placed = statSync(join(folder, SHARD_MARKER));
    return cached.ino === placed.ino && cached.dev === placed.dev;
  } catch {
    return false;
  }
}

/**
 * Puts the shards into dist/pagefind/: the primary's files at its top, each other shard in a
 * folder of its name. A shard that the previous build put there from the same cached copy is
 * left as it is (a rebuild after one edit replaces one shard, not 1,300 files); the others are
 * put there afresh, and whatever else is there (a shard no longer built) is removed.
 */
function placeShards(out: string, primary: CachedShard, others: readonly CachedShard[]): void {
  mkdirSync(out, { recursive: true });
  const shardFolders = new Set(others.map((s) => s.shard));
  const primaryInPlace = linkedAlready(primary.dir, out);
  const primaryEntries = new Set(readdirSync(primary.dir));
  for (const name of readdirSync(out)) {
    const stale = primaryInPlace ? !shardFolders.has(name) && !primaryEntries.has(name) : !shardFolders.has(name);
    if (stale) rmSync(join(out, name), { recursive: true, force: true });
  }
  if (!primaryInPlace) linkTree(primary.dir, out, () => true);
  for (const shard of others) {
    const folder = join(out, shard.shard);
    if (linkedAlready(shard.dir, folder)) continue;
    rmSync(folder, { recursive: true, force: true });
    linkTree(shard.dir, folder, dataOnly);
  }
}

/**
 * Puts a cached shard's files into dist/ as hard links (falling back to a copy where the
 * two folders are on different file systems): the shard's 1,000-odd small files are not
 * written again, and nothing writes to either copy once it is made. The shard's marker
 * file goes last.
 */
function linkTree(from: string, to: string, keep: (path: string) => boolean): void {
  mkdirSync(to, { recursive: true });
  const entries = readdirSync(from, { withFileTypes: true }).sort((a, b) => Number(a.name === SHARD_MARKER) - Number(b.name === SHARD_MARKER));
  for (const entry of entries) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (!keep(source)) continue;
    if (entry.isDirectory()) {
      linkTree(source, target, keep);
      continue;
    }
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}

/**
 * One shard in the cache: found there when a shard of the same digest (`hash`, over what
 * its pages are made of) was written before, else its `pages` indexed afresh by a worker.
 */
async function cacheShard(workers: IndexWorkers, shard: string, hash: Hash, cache: string, pages: ShardPage[]): Promise<CachedShard> {
  const dir = join(cache, `${shard}.${hash.digest('base64url').slice(0, 16)}`);
  const hit = existsSync(join(dir, 'pagefind-entry.json'));
  if (!hit) await workers.write({ shard, dir, pages });
  return { shard, dir, pages: pages.length, hit };
}
