// One of the search index's workers (integrations/search-index.ts starts them): a worker
// thread that writes whole shards into the cache. It renders each document's body with the
// site's Markdown processor and indexes the pages with a Pagefind process of its own (the
// pagefind package keeps one process per module instance, so one per thread): two workers
// index two shards at once, and none of this work runs on the build's main thread.
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { documentHtmlForIndex, type PageFilters } from '../src/domain/search-filters.ts';
import { readBody } from '../src/lib/document-body.ts';
import { renderMarkdown } from '../src/lib/markdown.ts';

/** A page indexed as built (the authority pages). */
export interface BuiltPage {
  url: string;
  content: string;
}

/** A document indexed from its entry: its body read from `file` and rendered here. */
export interface DocumentPage {
  url: string;
  file: string;
  title: string;
  about: string;
  date: string;
  filters: PageFilters;
}

export type ShardPage = BuiltPage | DocumentPage;

/** A shard to write: its pages, into `dir` in the cache (replacing older copies of the same shard there). */
export interface ShardJob {
  shard: string;
  dir: string;
  pages: ShardPage[];
}

export type WorkerRequest = { job: ShardJob } | 'close';
/** `failed`: what went wrong, a line per page (or one for the shard). */
export type WorkerReply = { written: number } | { failed: string[] } | 'closed';

/** Indexes a shard's pages into `${dir}.partial`, then renames it to `dir`; returns Pagefind's errors, if any, instead. */
export async function writeShard({ shard, dir, pages }: ShardJob): Promise<string[]> {
  const pending = `${dir}.partial`;
  rmSync(pending, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Search index: Pagefind did not start: ${errors.join('; ')}`);
  const problems: string[] = [];
  // Pages go to Pagefind as they are rendered: its process indexes one while this thread
  // renders the next. Pagefind takes them in order, so the index is the same as one at a time.
  const added: Promise<unknown>[] = [];
  for (const page of pages) {
    const content = 'content' in page ? page.content : await documentPage(page);
    added.push(index.addHTMLFile({ url: page.url, content }).then((a) => a.errors.length > 0 && problems.push(`${page.url}: ${a.errors.join('; ')}`)));
  }
  await Promise.all(added);
  if (problems.length === 0) problems.push(...(await index.writeFiles({ outputPath: pending })).errors);
  await index.deleteIndex();
  if (problems.length > 0) return problems;
  // Older copies of this shard are of content that has since changed.
  const cache = join(dir, '..');
  for (const old of readdirSync(cache)) if (old.split('.')[0] === shard && join(cache, old) !== pending) rmSync(join(cache, old), { recursive: true, force: true });
  renameSync(pending, dir);
  return [];
}

async function documentPage(page: DocumentPage): Promise<string> {
  const bodyHtml = await renderMarkdown(readBody(page.file), pathToFileURL(page.file));
  return documentHtmlForIndex({ title: page.title, about: page.about, date: page.date, bodyHtml }, page.filters);
}

const port = parentPort;
if (port) {
  port.on('message', async (request: WorkerRequest) => {
    if (request === 'close') {
      await pagefind.close();
      port.postMessage('closed' satisfies WorkerReply);
      return;
    }
    const { job } = request;
    try {
      const problems = await writeShard(job);
      port.postMessage((problems.length > 0 ? { failed: problems } : { written: job.pages.length }) satisfies WorkerReply);
    } catch (error) {
      port.postMessage({ failed: [`${job.shard}: ${error instanceof Error ? error.message : String(error)}`] } satisfies WorkerReply);
    }
  });
}
