// Keeps dist/ from one build to the next instead of letting Astro empty it, so that the pages
// Astro's incremental build reuses stay where they are.
//
// Astro empties dist/ at the start of every build, and the incremental build
// (`experimental.incrementalBuild`, src/lib/cache-keys.ts) then copies each unchanged page
// back from .cache/astro/dist/: on the committed content about 2,000 files deleted and
// written again on every rebuild, each then rewritten by static-headers to prune its policy.
// When a reusable page is already in dist/, Astro leaves it there ("cached" in the build log,
// rather than "restored"), so with dist/ not emptied an unchanged page is not touched at all.
//
// So this integration turns Astro's emptying off and, at the end of the build, removes what
// an emptied build would not have: every file in dist/ that this build neither wrote (its
// change time is older than the build) nor kept as a reusable page (Astro lists those among
// the routes' files). It does so in two sweeps: the pages (.html) first, before the response
// headers and the search index read the built pages; the other files last, after the
// integrations that write files of their own (the sitemap, _headers). The folders other
// integrations keep up to date themselves (the search index's) are left to them. tests/build/incremental.test.ts holds a rebuild, an entry edited
// and another removed, to a clean build of the same content, byte for byte and file for file.
import { existsSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * How much older than the build's start a file must have been changed to count as not
 * written by it: the coarse clock file times are taken from may lag a little, and the previous
 * build ended seconds before this one's start hook (Node, the config and the content sync
 * come between).
 */
const CLOCK_MARGIN_MS = 500;

/** Every file under `dir` but those in the `skipped` folders, relative to it, '/'-separated. */
function filesUnder(dir: string, skipped: ReadonlySet<string>, base = dir): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    const name = relative(base, path).split(sep).join('/');
    if (!e.isDirectory()) return [name];
    return skipped.has(name) ? [] : filesUnder(path, skipped, base);
  });
}

/** Removes the folders of the `deleted` files (relative to `dist`) left empty, and their parents likewise, never `dist` itself. */
function removeEmptyFolders(dist: string, deleted: readonly string[]): void {
  const folders = new Set<string>();
  for (const file of deleted) for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) folders.add(folder);
  // Deepest first, so a folder is tried after its subfolders.
  for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    const path = join(dist, folder);
    if (existsSync(path) && readdirSync(path).length === 0) rmdirSync(path);
  }
}

/**
 * Deletes from `dist` every file (of those `selected`) changed before `startedAt` (ms since the
 * epoch) that is not among `produced` (absolute paths), except in the `owned` folders and a
 * .git folder (which Astro spares too). Returns the files deleted, relative to `dist`.
 */
export function removeUnproduced(
  dist: string,
  produced: ReadonlySet<string>,
  startedAt: number,
  owned: readonly string[] = [],
  selected: (file: string) => boolean = () => true,
): string[] {
  if (!existsSync(dist)) return [];
  const stale = filesUnder(dist, new Set(['.git', ...owned])).filter((file) => {
    if (!selected(file)) return false;
    const path = join(dist, file);
    return !produced.has(path) && statSync(path).ctimeMs < startedAt - CLOCK_MARGIN_MS;
  });
  for (const file of stale) rmSync(join(dist, file), { force: true });
  removeEmptyFolders(dist, stale);
  return stale;
}

const isPage = (file: string) => file.endsWith('.html');

export interface KeptPages extends AstroIntegration {
  /** The last sweep, listed after every integration that writes into dist/. */
  sweep: AstroIntegration;
}

/** `owned`: folders of dist/ that another integration keeps up to date itself (the search index's). */
export function keptPages({ owned = [] }: { owned?: readonly string[] } = {}): KeptPages {
  let startedAt = 0;
  let produced = new Set<string>();
  const report = (logger: { info(message: string): void }, gone: string[], what: string) => {
    if (gone.length > 0) logger.info(`${gone.length} ${what} of an earlier build that this one did not produce removed from dist/`);
  };
  return {
    name: 'kept-pages',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:build:start': () => {
        startedAt = Date.now();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        produced = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        report(logger, removeUnproduced(fileURLToPath(dir), produced, startedAt, owned, isPage), 'pages');
      },
    },
    sweep: {
      name: 'kept-pages-sweep',
      hooks: {
        'astro:build:done': ({ dir, logger }) => {
          report(logger, removeUnproduced(fileURLToPath(dir), produced, startedAt, owned, (file) => !isPage(file)), 'other files');
        },
      },
    },
  };
}
