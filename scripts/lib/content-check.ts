// The content check the build runs (astro.config.mjs) and `npm run check:content` prints.
import { Worker } from 'node:worker_threads';
import { checkEntries, type ContentEntry, type ContentProblem } from '../../src/domain/checks.ts';
import { readAuthorities, readDocuments, ROOT } from './entries.ts';
import type { ContentCheckReply, ContentCheckRequest } from './content-check-worker.ts';

/** What the build keeps of a check: its problems, and each entry's file and frontmatter. */
export interface CheckedContent {
  problems: ContentProblem[];
  entries: Pick<ContentEntry, 'file' | 'data'>[];
}

/**
 * The problems of every entry, and the entries that parsed (the build hands them on to the
 * search index). `cacheFile`: see readDocuments.
 */
export function checkContent(root = ROOT, cacheFile?: string): { problems: ContentProblem[]; entries: ContentEntry[] } {
  const { entries, problems } = readDocuments(root, cacheFile);
  return { problems: [...problems, ...checkEntries(entries, readAuthorities(root))], entries };
}

export function runContentCheck(root = ROOT): ContentProblem[] {
  return checkContent(root).problems;
}

/**
 * checkContent in a worker thread (scripts/lib/content-check-worker.ts), started at once; the
 * promise settles when the check is done. Never rejected: a check that could not run is
 * `{ failed }`, for the build to report when it asks for the result (a rejection nobody awaited
 * yet would end the process with Node's own message instead).
 */
export function startContentCheck(root: string, cacheFile?: string): Promise<ContentCheckReply> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./content-check-worker.ts', import.meta.url), { workerData: { root, cacheFile } satisfies ContentCheckRequest });
    worker.once('message', (reply: ContentCheckReply) => resolve(reply));
    worker.once('error', (error: Error) => resolve({ failed: error.stack ?? error.message }));
    worker.once('exit', (code) => resolve({ failed: `the content check's worker stopped (exit code ${code}) before it reported` }));
  });
}
