// The content check: the build's `content-checks` integration (listed in astro.config.mjs)
// runs it before the first page, and `npm run check:content` prints it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { authoritiesById, checkAcrossEntries, checkEntry, formatProblem, type ContentEntry, type ContentProblem } from '../src/domain/checks.ts';
import type { DocumentData } from '../src/schemas/document.ts';
import { codeDigest } from '../src/lib/code-digest.ts';
import { documentFiles, parseEntry, readAuthorities, ROOT } from '../src/lib/content-files.ts';


/** What the build hands the check's worker (integrations/content-checks-worker.ts). */
export interface ContentCheckRequest {
  root: string;
  cacheFile?: string;
}

/** What the worker posts back: the check, or why it could not run. */
export type ContentCheckReply = { checked: CheckedContent } | { failed: string };

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
    'src/lib/content-files.ts',
    'integrations/content-checks.ts',
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
 * checkContent in a worker thread (integrations/content-checks-worker.ts), started at once; the
 * promise settles when the check is done. Never rejected: a check that could not run is
 * `{ failed }`, for the build to report when it asks for the result (a rejection nobody awaited
 * yet would end the process with Node's own message instead).
 */
export function startContentCheck(root: string, cacheFile?: string): Promise<ContentCheckReply> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./content-checks-worker.ts', import.meta.url), { workerData: { root, cacheFile } satisfies ContentCheckRequest });
    worker.once('message', (reply: ContentCheckReply) => resolve(reply));
    worker.once('error', (error: Error) => resolve({ failed: error.stack ?? error.message }));
    worker.once('exit', (code) => resolve({ failed: `the content check's worker stopped (exit code ${code}) before it reported` }));
  });
}

const PROBLEMS_MODULE = 'virtual:content-problems';

/** Where the content check keeps each entry's frontmatter and problems between builds, under the project. */
const CHECK_CACHE = '.cache/content-check.json';

/** The integration, with what the check found for the integrations after it (the search index). */
export interface ContentChecks extends AstroIntegration {
  /** The entries that parsed (files, frontmatter, digests; not bodies), once the build has started. */
  readonly checkedEntries: CheckedEntry[] | undefined;
}

/**
 * Runs the content checks before a build; any error stops it with file, field and reason.
 * A build starts the check in a worker thread once its configuration is done and waits for
 * it before the first page (astro:build:start). Its problems are the module
 * `virtual:content-problems` (the data-quality page lists the warnings), so the pages do not
 * check every entry a second time. `astro dev`, which runs no build hooks, checks when the
 * module is first loaded and again after a content edit.
 */
export function contentChecks(): ContentChecks {
  let root = '';
  let command = '';
  /** The check started in a worker once the configuration is done (builds only). */
  let started: Promise<ContentCheckReply> | undefined;
  let checked: CheckedContent | undefined;
  return {
    name: 'content-checks',
    get checkedEntries() {
      return checked?.entries;
    },
    hooks: {
      'astro:config:setup': ({ updateConfig, command: running }) => {
        command = running;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'content-problems',
                resolveId: (id: string) => (id === PROBLEMS_MODULE ? `\0${PROBLEMS_MODULE}` : undefined),
                load(id: string) {
                  if (id !== `\0${PROBLEMS_MODULE}`) return undefined;
                  return `export default ${JSON.stringify(checked?.problems ?? checkContent(root).problems)};`;
                },
                configureServer(server) {
                  server.watcher.on('change', (file) => {
                    if (!file.startsWith(join(root, 'content'))) return;
                    const module = server.moduleGraph.getModuleById(`\0${PROBLEMS_MODULE}`);
                    if (module) server.moduleGraph.invalidateModule(module);
                  });
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        // A build checks the content on the other core while Astro syncs the content layer on
        // this one (at 10,000 documents the sync takes 11 s and the check 30 s, one after the
        // other before). Entries unchanged since the last build are neither parsed nor checked
        // again (.cache/content-check.json).
        if (command !== 'build') return;
        started = startContentCheck(root, join(root, CHECK_CACHE));
      },
      'astro:build:start': async () => {
        // Started at astro:config:done; one path for the check, whoever calls the build.
        const reply = await (started ??= startContentCheck(root, join(root, CHECK_CACHE)));
        if ('failed' in reply) throw new Error(`Content check could not run: ${reply.failed}`);
        // Files, frontmatter and digests: the worker leaves the bodies behind.
        checked = reply.checked;
        const errors = checked.problems.filter((p) => p.severity === 'error');
        if (errors.length > 0) {
          throw new Error(`Content check failed with ${errors.length} error(s):\n${errors.map(formatProblem).join('\n')}`);
        }
      },
    },
  };
}
