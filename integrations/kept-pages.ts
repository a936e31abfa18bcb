// Keeps in dist/, from one build to the next, the pages Astro's incremental build may reuse,
// instead of letting Astro empty dist/ and copy them back from its cache.
//
// Astro empties dist/ at the start of every build, and the incremental build
// (`experimental.incrementalBuild`, src/lib/cache-keys.ts) then copies each unchanged page
// back from .cache/astro/dist/: on the committed content that is about 2,000 files deleted
// and written again on every rebuild, and static-headers rewrites each copy to prune its
// policy. When a reusable page is already in dist/, Astro leaves it there ("cached" in the
// build log, rather than "restored"), so with dist/ not emptied an unchanged page is not
// touched at all.
//
// So this integration turns Astro's emptying off and does it itself, sparing only those
// pages:
// - at the start, it deletes from dist/ every file except the pages the previous build
//   recorded as reusable (.cache/astro/incremental-build.json); Astro then either keeps each
//   of them or renders it again over it;
// - at the end, it deletes the spared pages this build did not produce (a page whose path
//   has gone, an authority or document removed).
// dist/ then holds exactly what this build produced, as after an emptied build:
// tests/build/incremental.test.ts holds a rebuild, an entry edited and another removed, to
// a clean build of the same content, byte for byte and file for file.
import { existsSync, readdirSync, readFileSync, rmSync, rmdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's record of the previous build's reusable pages: for each route, each path's output file (relative to dist/). */
interface IncrementalManifest {
  routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
}

/** The output files the previous build recorded as reusable, relative to dist/ ('/'-separated); none if there is no readable record. */
export function reusableOutputs(manifestFile: string): Set<string> {
  let manifest: IncrementalManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as IncrementalManifest;
  } catch {
    return new Set();
  }
  const files = new Set<string>();
  for (const route of Object.values(manifest.routes ?? {})) {
    for (const { outputFile } of Object.values(route.paths ?? {})) if (outputFile) files.add(decodeURI(outputFile));
  }
  return files;
}

/** Every file under `dir`, relative to it, '/'-separated. */
function filesUnder(dir: string, base = dir): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), base) : [relative(base, join(dir, e.name)).split(sep).join('/')]));
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

/** Deletes every file in `dist` but those in `keep` (and a .git folder, which Astro spares too); returns the files kept. */
export function emptyAllBut(dist: string, keep: ReadonlySet<string>): string[] {
  if (!existsSync(dist)) return [];
  const kept: string[] = [];
  const deleted: string[] = [];
  for (const file of filesUnder(dist)) {
    if (file.startsWith('.git/')) continue;
    if (keep.has(file)) kept.push(file);
    else {
      rmSync(join(dist, file), { force: true });
      deleted.push(file);
    }
  }
  removeEmptyFolders(dist, deleted);
  return kept;
}

/** Deletes the `spared` files this build did not produce (`produced`: absolute paths of every route's output). */
export function removeUnproduced(dist: string, spared: readonly string[], produced: ReadonlySet<string>): string[] {
  const gone = spared.filter((file) => !produced.has(join(dist, file)));
  for (const file of gone) rmSync(join(dist, file), { force: true });
  removeEmptyFolders(dist, gone);
  return gone;
}

export function keptPages(): AstroIntegration {
  let dist = '';
  let manifestFile = '';
  let spared: string[] = [];
  return {
    name: 'kept-pages',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        dist = fileURLToPath(config.outDir);
        manifestFile = join(fileURLToPath(config.cacheDir), 'incremental-build.json');
      },
      'astro:build:start': () => {
        spared = emptyAllBut(dist, reusableOutputs(manifestFile));
      },
      'astro:build:done': ({ assets, logger }) => {
        const produced = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const gone = removeUnproduced(dist, spared, produced);
        logger.info(`${spared.length - gone.length} reusable pages kept in place from the previous build${gone.length > 0 ? `; ${gone.length} no longer built, removed` : ''}`);
      },
    },
  };
}
