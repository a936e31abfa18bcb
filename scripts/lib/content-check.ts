// The content check the build runs (astro.config.mjs) and `npm run check:content` prints.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { authoritiesById, checkAcrossEntries, checkEntry, type ContentEntry, type ContentProblem } from '../../src/domain/checks.ts';
import type { DocumentData } from '../../src/schemas/document.ts';
import { codeDigest } from '../../src/lib/code-digest.ts';
import { documentFiles, parseEntry, readAuthorities, ROOT } from './entries.ts';
import type { ContentCheckReply, ContentCheckRequest } from './content-check-worker.ts';

/** An entry that parsed: its file, its frontmatter, and a digest of the file's bytes. */
export interface CheckedEntry extends Pick<ContentEntry, 'file' | 'data'> {
  /** sha256 of the file, base64url: the search index keys its shards by it rather than read every body again. */
  digest: string;
}

/** What the build keeps of a check: its problems, and the entries that parsed (not their bodies). */
export interface CheckedContent {
  problems: ContentProblem[];
  entries: CheckedEntry[];
}

/**
 * Every entry's problems (parsing, checkEntry, then the checks across entries), and the
 * entries that parsed (the build hands them on to the search index). With `cacheFile` (the
 * build's, in .cache/), an entry whose file is unchanged since the last check, while the code
 * that checks it and content/authorities.json are unchanged too, keeps its frontmatter and
 * its own problems from the cache: it is neither decoded, parsed nor checked again. Only the
 * checks across entries run on every entry every time.
 */
export function checkContent(root = ROOT, cacheFile?: string): CheckedContent {
  const byId = authoritiesById(readAuthorities(root));
  const cache = cacheFile ? loadCheckCache(root, cacheFile) : undefined;
  const fresh: CheckCache['files'] = {};
  const entries: CheckedEntry[] = [];
  const problems: ContentProblem[] = [];
  for (const file of documentFiles(root)) {
    const bytes = readFileSync(join(root, file));
    const digest = createHash('sha256').update(bytes).digest('base64url');
    let checked = cache?.files[file];
    if (checked?.digest !== digest) {
      const parsed = parseEntry(file, bytes.toString('utf8'));
      checked = parsed.entry
        ? { digest, data: parsed.entry.data, problems: checkEntry(parsed.entry, byId) }
        : { digest, problems: parsed.problems };
    }
    fresh[file] = checked;
    if (checked.data) entries.push({ file, data: checked.data, digest });
    problems.push(...checked.problems);
  }
  if (cache && cacheFile) {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify({ key: cache.key, files: fresh } satisfies CheckCache));
  }
  return { problems: [...problems, ...checkAcrossEntries(entries)], entries };
}

export function runContentCheck(root = ROOT): ContentProblem[] {
  return checkContent(root).problems;
}

interface CheckCache {
  /** A digest of the code that reads and checks entries, and of the authorities: a change to any of it empties the cache. */
  key: string;
  /** Each file's digest, its frontmatter if it parsed, and its own problems. */
  files: Record<string, { digest: string; data?: DocumentData; problems: ContentProblem[] }>;
}

function loadCheckCache(root: string, cacheFile: string): CheckCache {
  const wanted = codeDigest(root, [
    'src/schemas',
    'src/domain',
    'src/lib/document-body.ts',
    'scripts/lib/entries.ts',
    'scripts/lib/content-check.ts',
    'content/authorities.json',
    'package-lock.json',
  ]);
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as CheckCache;
    if (cached.key === wanted) return cached;
  } catch {
    // No cache yet, or an unreadable one: check every entry.
  }
  return { key: wanted, files: {} };
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
