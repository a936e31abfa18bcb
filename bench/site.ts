// The sites the benchmarks build, each in its own directory under tests/.tmp/bench/
// (never the repository's dist/ or .astro/, where others build):
// - "full": this site, its src/, scripts/, public/ and config copied from a snapshot of
//   the repository (HEAD by default, see snapshot()), with a given content/ folder; its
//   config is the repository's astro.config.mjs with the cache moved into the copy (a
//   linked node_modules would otherwise share node_modules/.astro/data-store.json with
//   every other build on the machine), and optionally remark/unified in place of
//   Sätteri (in src/lib/markdown.ts, see useUnified). src/ is copied, not linked: Astro
//   drops the CSS of a linked src/ (the imports resolve outside the project root), which
//   would flatter the page weights.
// - "bare": the baseline, a bare Astro 7 site with one minimal page template that
//   renders every entry of the same content/documents with the same processor
//   (Sätteri, smart punctuation off), no schema, no other page.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run, type Measured } from './measure.ts';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
export const BENCH_TMP = join(ROOT, 'tests/.tmp/bench');
const BIN = join(ROOT, 'node_modules/.bin');

export type Variant = 'full' | 'bare';
export type Processor = 'satteri' | 'unified';

export interface BenchSite {
  dir: string;
  dist: string;
  /** A clean build: no dist/, no .astro/, no content cache. */
  cleanBuild(): Promise<Measured>;
  /** A build that keeps the previous build's .astro/ and content cache. */
  rebuild(): Promise<Measured>;
  remove(): void;
}

const BARE_CONFIG = `import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';

export default defineConfig({
  cacheDir: './.cache',
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
});
`;

const BARE_CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  documents: defineCollection({ loader: glob({ pattern: '**/*.md', base: './content/documents' }) }),
};
`;

const BARE_PAGE = `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const entries = await getCollection('documents');
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<!doctype html>
<html lang="en-GB">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><main><h1>{entry.data.title}</h1><Content /></main></body>
</html>
`;

function fullConfig(): string {
  const base = JSON.stringify('./astro.config.site.mjs');
  return `import base from ${base};\nexport default { ...base, cacheDir: './.cache' };\n`;
}

/**
 * The same site with remark/unified (smart punctuation off, GFM on, as with Sätteri): the
 * site's one processor is in src/lib/markdown.ts (Astro's config and the document pages
 * both take it from there), so that is the line changed. Throws if the line has moved,
 * rather than measure Sätteri under the name of unified.
 */
function useUnified(siteDir: string): void {
  const file = join(siteDir, 'src/lib/markdown.ts');
  const text = readFileSync(file, 'utf8');
  const line = 'processor: satteri({ features: { smartPunctuation: false } }),';
  if (!text.includes(line)) throw new Error(`bench: ${file} no longer has "${line}"; update bench/site.ts`);
  writeFileSync(file, `import { unified } from '@astrojs/markdown-remark';\n${text.replace(line, 'processor: unified({ smartypants: false, gfm: true }),')}`);
}

export interface Snapshot {
  dir: string;
  /** The commit, or "working tree" with the commit it sits on. */
  label: string;
}

const SNAPSHOT_PATHS = ['src', 'integrations', 'scripts', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * The site as committed (git archive of HEAD, or of an earlier commit to measure beside it:
 * what the figures in docs/BENCHMARKS.md are about, whatever others have in progress in the
 * working tree), or the working tree. Benches run one at a time: this folder is shared.
 */
export function snapshot(from: 'worktree' | { commit: string } = { commit: 'HEAD' }): Snapshot {
  const dir = join(BENCH_TMP, 'source');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const shortRev = (rev: string) => execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', rev], { encoding: 'utf8' }).trim();
  if (from !== 'worktree') {
    const tar = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', from.commit, ...SNAPSHOT_PATHS], { maxBuffer: 1024 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    return { dir, label: `commit ${shortRev(from.commit)}` };
  }
  for (const path of SNAPSHOT_PATHS) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  return { dir, label: `working tree on commit ${shortRev('HEAD')}` };
}

/**
 * Makes (or remakes) tests/.tmp/bench/<name>. `content` is the content/ folder the site
 * builds (linked, not copied; it must hold documents/ and, for "full", authorities.json).
 */
export class BuildFailed extends Error {
  measured: Measured;
  constructor(message: string, measured: Measured) {
    super(message);
    this.measured = measured;
  }
}

export function makeSite(
  name: string,
  options: { variant: Variant; content: string; processor?: Processor; source?: Snapshot; timeoutMs?: number; env?: Record<string, string> },
): BenchSite {
  const dir = join(BENCH_TMP, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(resolve(options.content), join(dir, 'content'));
  if (options.variant === 'full') {
    const source = options.source?.dir ?? ROOT;
    for (const copied of ['src', 'integrations', 'scripts', 'public', 'package.json', 'tsconfig.json']) {
      // An older commit (--commit) may have no integrations/ folder yet.
      if (existsSync(join(source, copied))) cpSync(join(source, copied), join(dir, copied), { recursive: true });
    }
    cpSync(join(source, 'astro.config.mjs'), join(dir, 'astro.config.site.mjs'));
    writeFileSync(join(dir, 'astro.config.mjs'), fullConfig());
    if (options.processor === 'unified') useUnified(dir);
  } else {
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-baseline', private: true, type: 'module' }, null, 2)}\n`);
    writeFileSync(join(dir, 'astro.config.mjs'), BARE_CONFIG);
    mkdirSync(join(dir, 'src/pages'), { recursive: true });
    writeFileSync(join(dir, 'src/content.config.ts'), BARE_CONTENT_CONFIG);
    writeFileSync(join(dir, 'src/pages/[...id].astro'), BARE_PAGE);
  }
  const build = () =>
    run(join(BIN, 'astro'), ['build'], {
      cwd: dir,
      quiet: true,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      env: {
        PATH: `${BIN}:${process.env.PATH}`,
        ASTRO_TELEMETRY_DISABLED: '1',
        // Astro's CLI turns on Node's compile cache, by default one folder in /tmp shared by
        // every build on the machine. A build whose bundled modules (the bare baseline's holds
        // every rendered entry) were compiled by an earlier build of the same content skipped
        // that work: the bare baseline's clean build took 15-18 s with a warm cache and 40-44 s
        // with a cold one, the source of its 2.3x swing (docs/BENCHMARKS.md). Each site keeps
        // its own cache in .cache/, so a clean build starts cold, as on a new machine, and a
        // rebuild has what its own previous build compiled.
        NODE_COMPILE_CACHE: join(dir, '.cache', 'node-compile-cache'),
        ...options.env,
      },
    });
  // Each build's log is kept (tests/.tmp/bench/logs/<site>-<n>-<clean build|rebuild>.log):
  // Astro's phase times and the search index's line say where a figure's time went.
  let builds = 0;
  const keepLog = (m: Measured, what: string) => {
    mkdirSync(join(BENCH_TMP, 'logs'), { recursive: true });
    writeFileSync(join(BENCH_TMP, 'logs', `${name}-${++builds}-${what.replace(' ', '-')}.log`), m.output);
  };
  const check = (m: Measured, what: string) => {
    keepLog(m, what);
    if (m.timedOut) throw new BuildFailed(`${what} of ${dir} stopped at the time limit (${Math.round(m.wallMs / 1000)} s)`, m);
    if (m.status !== 0) throw new BuildFailed(`${what} of ${dir} failed (exit ${m.status}):\n${m.output.slice(-4000)}`, m);
    return m;
  };
  return {
    dir,
    dist: join(dir, 'dist'),
    async cleanBuild() {
      for (const generated of ['dist', '.astro', '.cache']) rmSync(join(dir, generated), { recursive: true, force: true });
      return check(await build(), 'clean build');
    },
    async rebuild() {
      if (!existsSync(join(dir, '.cache'))) throw new Error(`no previous build in ${dir}`);
      return check(await build(), 'rebuild');
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
