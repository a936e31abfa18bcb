// The performance benchmarks (docs/BENCHMARKS.md). Every build runs in its own folder
// under tests/.tmp/bench/, from a snapshot of HEAD (or the working tree with --worktree, or
// an earlier commit with --commit, to measure a change before and after with the same bench).
//
//   npm run bench                                   everything, sizes 2000,10000,20000
//   npm run bench -- --sizes 2000,10000              scale sizes
//   npm run bench -- --only full,weights,lighthouse   some sections (full, markdown, weights, lighthouse, scale, importer)
//   npm run bench -- --repeat 3                      clean builds of the committed content per variant (median)
//   npm run bench -- --write-docs                    also write the figures into docs/BENCHMARKS.md
//   npm run bench -- --markdown-docs 500             synthetic documents built with each Markdown processor
//   npm run bench -- --timeout 40                    minutes a build may take before it is stopped and reported
//   npm run bench -- --lighthouse-runs 3             Lighthouse runs per page (the median performance run is kept)
//   npm run bench -- --commit e995f09                the site as of another commit (its figures replace
//                                                   results.json's sections; results-<date>.json keeps them)
//   npm run bench -- --docs-only                     rewrite docs/BENCHMARKS.md from tests/.tmp/bench/results.json, run nothing
//
// Prints Markdown tables; every build figure stands next to its baseline from the same run.
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { fmtMB, fmtS, run, type Measured } from './measure.ts';
import { BENCH_TMP, BuildFailed, makeSite, ROOT, snapshot, type BenchSite } from './site.ts';
import { summariseProfile } from './profile.ts';
import { outputSize, pageWeight, pagesUnder, type PageWeight } from './weights.ts';
import { benchMarkdown, type MarkdownFigure } from './markdown-processors.ts';
import { runLighthouse, type LighthouseResult } from './lighthouse.ts';
import { generateSynthetic } from './synthetic.ts';
import { readDocuments } from '../src/lib/content-files.ts';
import { mergeResults, render, writeDocs, type Results, type BuildFigure, type ScaleFigure } from './report.ts';

const SECTIONS = ['full', 'markdown', 'weights', 'lighthouse', 'scale', 'importer'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '2000,10000,20000' },
    only: { type: 'string' },
    repeat: { type: 'string', default: '1' },
    worktree: { type: 'boolean', default: false },
    commit: { type: 'string' },
    'write-docs': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'markdown-docs': { type: 'string', default: '500' },
    timeout: { type: 'string', default: '40' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'docs-only': { type: 'boolean', default: false },
  },
});
const timeoutMs = Number(values.timeout) * 60_000;
const sizes = values.sizes.split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const only = new Set<Section>((values.only ? values.only.split(',') : SECTIONS).map((s) => s.trim() as Section));
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`unknown section "${s}" (sections: ${SECTIONS.join(', ')})`);
const repeat = Math.max(1, Number(values.repeat));

if (values['docs-only']) {
  const saved = join(BENCH_TMP, 'results.json');
  if (!existsSync(saved)) throw new Error(`no results in ${saved}: run the benchmarks first`);
  writeDocs(join(ROOT, 'docs/BENCHMARKS.md'), JSON.parse(readFileSync(saved, 'utf8')) as Results);
  console.log(`docs/BENCHMARKS.md written from ${saved}`);
  process.exit(0);
}

const started = Date.now();
const log = (message: string) => {
  const line = `[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${message}`;
  console.error(line);
  appendFileSync(join(BENCH_TMP, 'bench.log'), `${line}\n`);
};
mkdirSync(BENCH_TMP, { recursive: true });

if (values.worktree && values.commit) throw new Error('bench: --worktree or --commit, not both');
const source = snapshot(values.worktree ? 'worktree' : { commit: values.commit ?? 'HEAD' });
const results: Results = {
  date: new Date().toISOString(),
  source: source.label,
  machine: `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 1024 ** 3)} GB, Node ${process.version}`,
  sections: [...only],
  loadAverageAtStart: loadavg()[0]!,
};
log(`snapshot: ${source.label}; sections: ${[...only].join(', ')}; sizes: ${sizes.join(', ')}`);

/**
 * The search index's times, from the site's build log (the bare baseline has none): what it
 * added after the pages were written (the line's last "in N ms"), and how long the documents
 * took to index while the pages rendered.
 */
const fromLog = (pattern: RegExp) => (m: Measured) => {
  const stated = pattern.exec(m.output);
  return stated ? Number(stated[1]) : undefined;
};
const searchIndexMs = fromLog(/Search index: [^\n]* in (\d+) ms/);
const searchIndexAlongsideMs = fromLog(/Search index: [^\n]*alongside the pages in (\d+) ms/);
const withSearchIndex = (ms: number | undefined, alongside?: number) => ({
  ...(ms === undefined ? {} : { searchIndexMs: ms }),
  ...(alongside === undefined ? {} : { searchIndexAlongsideMs: alongside }),
});
/** What the machine's other processes did meanwhile, in cores: its busy CPU time less the build's own, over the wall time. */
const othersCores = (m: Measured) => (m.machine && m.cpuMs !== undefined ? Math.max(0, m.machine.busyMs - m.cpuMs) / m.wallMs : undefined);
const cpuFigures = (m: Measured) => ({
  ...(m.cpuMs === undefined ? {} : { cpuMs: m.cpuMs }),
  ...(othersCores(m) === undefined ? {} : { othersCores: othersCores(m) }),
});
/** The search index's Pagefind processes in a build: CPU time and peak memory, summed over every one of them. */
const pagefind = (m: Measured) => {
  const used = m.programs.filter((p) => p.name.startsWith('pagefind'));
  return used.length === 0 ? {} : { pagefind: { cpuMs: used.reduce((t, p) => t + p.cpuMs, 0), peakRss: used.reduce((t, p) => t + p.peakRss, 0) } };
};
const figure = (m: Measured): BuildFigure => ({ wallMs: m.wallMs, peakRss: m.peakTreeRss, ...cpuFigures(m), ...withSearchIndex(searchIndexMs(m), searchIndexAlongsideMs(m)), ...pagefind(m) });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
/** Repeated builds as one figure: the median of each measure, with every run kept for the spread. */
function summarise(runs: Measured[]): BuildFigure {
  const stated = (of: (m: Measured) => number | undefined) => {
    const xs = runs.map(of).filter((x) => x !== undefined);
    return xs.length > 0 ? median(xs) : undefined;
  };
  const cpuMs = stated((m) => m.cpuMs);
  const others = stated(othersCores);
  const pagefindCpu = stated((m) => pagefind(m).pagefind?.cpuMs);
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    peakRss: median(runs.map((r) => r.peakTreeRss)),
    ...(cpuMs === undefined ? {} : { cpuMs }),
    ...(others === undefined ? {} : { othersCores: others }),
    ...withSearchIndex(stated(searchIndexMs), stated(searchIndexAlongsideMs)),
    ...(pagefindCpu === undefined ? {} : { pagefind: { cpuMs: pagefindCpu, peakRss: stated((m) => pagefind(m).pagefind?.peakRss)! } }),
    ...(runs.length > 1 ? { runs: runs.map((m) => ({ wallMs: m.wallMs, peakRss: m.peakTreeRss, ...cpuFigures(m) })) } : {}),
  };
}

/** A small edit to one entry of a content/ folder: a sentence appended to its body, so only that entry's digest changes. */
function editOneEntry(contentDir: string, nth = 0): string {
  const files = listMarkdown(join(contentDir, 'documents'));
  // The nth edit of a run takes another entry, spread over the content, so repeated rebuilds each have something new to do.
  const file = files[(Math.floor(files.length / 2) + nth * Math.floor(files.length / 7)) % files.length]!;
  appendFileSync(file, '\nThis sentence was added to measure a rebuild after one entry changed.\n');
  return relative(contentDir, file);
}

function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listMarkdown(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []))
    .sort();
}

/** One build, as the log shows it: wall, CPU and peak memory, and the other processes' load meanwhile. */
function describe(m: Measured): string {
  const others = othersCores(m);
  const programs = m.programs.slice(0, 3).map((p) => `${p.name} ${fmtS(p.cpuMs)} CPU, ${fmtMB(p.peakRss)}`).join('; ');
  return `${fmtS(m.wallMs)} wall, ${m.cpuMs === undefined ? '? s' : fmtS(m.cpuMs)} CPU, ${fmtMB(m.peakTreeRss)}${others === undefined ? '' : `; other processes ${others.toFixed(2)} cores`}${programs ? ` (${programs})` : ''}`;
}

/** Why a build has no figure: the time limit, the heap, the content layer's store, or its exit status. */
function buildFailure(m: Measured): string {
  const oom = /heap out of memory|Allocation failed/i.test(m.output);
  const store = /Invalid string length[\s\S]*serializeDataStore|serializeDataStore[\s\S]*Invalid string length/.test(m.output);
  const why = m.timedOut
    ? `stopped at the ${values.timeout}-minute limit`
    : oom
      ? 'ran out of JavaScript heap'
      : store
        ? 'failed: the content layer could not write its data store (one string over V8’s limit)'
        : `failed (exit ${m.status})`;
  return `${why} after ${fmtS(m.wallMs)}, peak ${fmtMB(m.peakTreeRss)}`;
}

const previousPath = join(BENCH_TMP, 'results.json');
const previous: Results | undefined = existsSync(previousPath) ? (JSON.parse(readFileSync(previousPath, 'utf8')) as Results) : undefined;
/** Writes this run's results (also after each section, so a long run that is stopped keeps what it measured). */
function save(): Results {
  results.totalMs = Date.now() - started;
  results.loadAverageAtEnd = loadavg()[0]!;
  writeFileSync(join(BENCH_TMP, `results-${results.date.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const merged = mergeResults(previous, results);
  writeFileSync(previousPath, `${JSON.stringify(merged, null, 2)}\n`);
  writeFileSync(join(BENCH_TMP, 'results.md'), render(merged));
  return merged;
}

// A copy of the committed content that the rebuild benchmark may edit.
const committedContent = join(BENCH_TMP, 'content-committed', 'content');
rmSync(join(BENCH_TMP, 'content-committed'), { recursive: true, force: true });
cpSync(join(source.dir, 'content'), committedContent, { recursive: true });
const committedCount = readDocuments(join(committedContent, '..')).entries.length;
results.committedDocuments = committedCount;

// 1. The committed content, this site against the bare baseline, then rebuilds.
let committedSite: BenchSite | undefined;
if (only.has('full') || only.has('weights') || only.has('lighthouse')) {
  const site = makeSite('committed', { variant: 'full', content: committedContent, source });
  committedSite = site;
  if (only.has('full')) {
    const bare = makeSite('committed-bare', { variant: 'bare', content: committedContent });
    const siteRuns: Measured[] = [];
    const bareRuns: Measured[] = [];
    for (let i = 0; i < repeat; i++) {
      log(`committed content (${committedCount} documents): bare baseline, clean build ${i + 1}/${repeat}`);
      bareRuns.push(await bare.cleanBuild());
      log(`  ${describe(bareRuns.at(-1)!)}`);
      log(`committed content: this site, clean build ${i + 1}/${repeat}`);
      siteRuns.push(await site.cleanBuild());
      log(`  ${describe(siteRuns.at(-1)!)}`);
    }
    // Rebuilds, `repeat` of each (median): with nothing changed, then each after editing
    // another entry (the bare baseline rebuilt after the last edit, as it has no incremental build).
    const unchangedRuns: Measured[] = [];
    const editRuns: Measured[] = [];
    for (let i = 0; i < repeat; i++) {
      log(`committed content: this site, rebuild with nothing changed ${i + 1}/${repeat}`);
      unchangedRuns.push(await site.rebuild());
      log(`  ${describe(unchangedRuns.at(-1)!)}`);
    }
    for (let i = 0; i < repeat; i++) {
      const edited = editOneEntry(committedContent, i);
      log(`committed content: this site, rebuild ${i + 1}/${repeat} after editing ${edited}`);
      editRuns.push(await site.rebuild());
      log(`  ${describe(editRuns.at(-1)!)}`);
    }
    const unchanged = summarise(unchangedRuns);
    const oneEdit = summarise(editRuns);
    const clean = summarise(siteRuns);
    log(`committed content: one-entry rebuild ${fmtS(oneEdit.wallMs)} against a clean build's ${fmtS(clean.wallMs)} (${(oneEdit.wallMs / clean.wallMs).toFixed(2)} of it)`);
    log('committed content: bare baseline, rebuild after the same edit');
    const bareEdit = figure(await bare.rebuild());
    results.full = {
      documents: committedCount,
      repeat,
      site: clean,
      bare: summarise(bareRuns),
      siteRuns: siteRuns.map(figure),
      bareRuns: bareRuns.map(figure),
      rebuildUnchanged: unchanged,
      rebuildOneEntry: oneEdit,
      bareRebuildOneEntry: bareEdit,
      output: outputSize(site.dist),
      bareOutput: outputSize(bare.dist),
    };
    save();
    if (!values.keep) bare.remove();
  } else {
    log(`committed content (${committedCount} documents): this site, clean build (for page weights and Lighthouse)`);
    await site.cleanBuild();
  }
}

// 2. Bytes per page type, and 3. Lighthouse, on the committed content's build.
const pageTypes = (dist: string): { type: string; page: string | undefined; note?: string }[] => {
  const authorities = pagesUnder(dist, 'authorities').map((p) => pageWeight(dist, p));
  const documents = pagesUnder(dist, 'documents').map((p) => pageWeight(dist, p));
  const heaviest = (ws: PageWeight[], key: (w: PageWeight) => number) => [...ws].sort((a, b) => key(b) - key(a))[0]?.page;
  return [
    { type: 'home', page: '/' },
    { type: 'comparison table', page: '/judgements/' },
    // The long tables a phone must still load fast (issue 22): every inspection, every visit.
    { type: 'all inspections', page: '/judgements/all/' },
    { type: 'focused visits', page: '/visits/' },
    { type: 'next inspections', page: '/next-inspections/' },
    { type: 'compare', page: '/compare/' },
    { type: 'map', page: '/map/' },
    { type: 'authority (heaviest)', page: heaviest(authorities, (w) => w.total.gzip) },
    { type: 'document (heaviest without its text)', page: heaviest(documents, (w) => w.withoutText?.gzip ?? 0) },
    { type: 'document (longest text)', page: heaviest(documents, (w) => w.total.gzip - (w.withoutText?.gzip ?? 0)) },
    existsSync(join(dist, 'search/index.html')) ? { type: 'search', page: '/search/' } : { type: 'search', page: undefined, note: 'not built yet' },
  ];
};
if (committedSite && (only.has('weights') || only.has('lighthouse'))) {
  const dist = committedSite.dist;
  const types = pageTypes(dist);
  if (only.has('weights')) {
    log('page weights');
    const authorities = pagesUnder(dist, 'authorities').map((p) => pageWeight(dist, p));
    const documents = pagesUnder(dist, 'documents').map((p) => pageWeight(dist, p));
    results.weights = {
      pages: types.map((t) => ({ type: t.type, ...(t.page ? { weight: pageWeight(dist, t.page) } : { note: t.note ?? 'not built' }) })),
      authorityPages: authorities.length,
      authorityMedianGzip: median(authorities.map((w) => w.total.gzip)),
      authorityMaxGzip: Math.max(0, ...authorities.map((w) => w.total.gzip)),
      authorityPagesWithScript: authorities.filter((w) => w.js.raw > 0 || w.inlineScripts > 0).map((w) => w.page),
      documentPages: documents.length,
      documentMaxWithoutTextGzip: Math.max(0, ...documents.map((w) => w.withoutText?.gzip ?? 0)),
      documentMedianWithoutTextGzip: median(documents.map((w) => w.withoutText?.gzip ?? 0)),
      documentPagesWithScript: documents.filter((w) => w.js.raw > 0 || w.inlineScripts > 0).map((w) => w.page),
    };
    save();
  }
  if (only.has('lighthouse')) {
    const pages = types.filter((t) => t.page && t.type !== 'document (longest text)');
    log(`Lighthouse on ${pages.map((p) => p.page).join(', ')}`);
    const lh: LighthouseResult[] = await runLighthouse(dist, pages.map((p) => p.page!), Number(values['lighthouse-runs']));
    results.lighthouse = lh.map((r, i) => ({ type: pages[i]!.type, ...r }));
    results.lighthouseMissing = types.filter((t) => !t.page).map((t) => `${t.type}: ${t.note}`);
    save();
  }
}
if (committedSite && !values.keep) committedSite.remove();

const synthetic = (count: number) => {
  const out = join(BENCH_TMP, `synthetic-${count}`);
  log(`generating ${count} synthetic entries`);
  const t = performance.now();
  const generated = generateSynthetic({ count, out, from: source.dir });
  log(`  ${fmtS(performance.now() - t)}; body bytes median ${generated.bodyBytes.median}`);
  return generated;
};

// 4. Markdown: Sätteri against remark/unified, in process on the committed bodies, and as
// the processor of a whole build of the same synthetic entries.
if (only.has('markdown')) {
  const committedBodies = readDocuments(join(committedContent, '..')).entries.map((e) => e.body);
  log(`Markdown in process: ${committedBodies.length} committed bodies`);
  const inProcess: MarkdownFigure[] = await benchMarkdown(committedBodies);
  const count = Number(values['markdown-docs']);
  const generated = synthetic(count);
  const builds: Record<string, BuildFigure> = {};
  const profileDir = join(BENCH_TMP, 'profile');
  // Unprofiled builds are compared; a third build, CPU-profiled (which slows it), says
  // where the Sätteri build's time goes.
  for (const [processor, profiled] of [['satteri', false], ['unified', false], ['satteri', true]] as const) {
    rmSync(profileDir, { recursive: true, force: true });
    const env: Record<string, string> = profiled ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim() } : {};
    const site = makeSite(`markdown-${processor}`, { variant: 'full', content: generated.content, source, processor, timeoutMs, env });
    log(`${count} documents: this site with ${processor}, clean build${profiled ? ' (CPU-profiled)' : ''}`);
    const m = await site.cleanBuild();
    log(`  ${fmtS(m.wallMs)}, ${fmtMB(m.peakTreeRss)}`);
    if (profiled) results.profile = { documents: count, ...summariseProfile(profileDir) };
    else builds[processor] = figure(m);
    if (!values.keep) site.remove();
  }
  if (!values.keep) rmSync(join(BENCH_TMP, `synthetic-${count}`), { recursive: true, force: true });
  results.markdown = { bodies: committedBodies.length, inProcess, buildDocuments: count, satteri: builds.satteri!, unified: builds.unified! };
  save();
}

// 5. Scale: synthetic entries at each size. This site and the bare baseline, clean builds
// alternated `repeat` times (median and spread), then `repeat` rebuilds of this site, each
// after one more entry is edited.
if (only.has('scale')) {
  results.scale = [];
  for (const count of sizes) {
    const generated = synthetic(count);
    const row: ScaleFigure = { documents: count, date: new Date().toISOString(), bodyBytesMedian: generated.bodyBytes.median };
    const site = makeSite(`scale-${count}`, { variant: 'full', content: generated.content, source, timeoutMs });
    const bare = makeSite(`scale-${count}-bare`, { variant: 'bare', content: generated.content, timeoutMs });
    const cleanRuns: Measured[] = [];
    const bareRuns: Measured[] = [];
    const failure = (error: unknown, what: string) => {
      if (!(error instanceof BuildFailed)) throw error;
      const why = `${what} ${buildFailure(error.measured)}`;
      log(`  ${why}`);
      if (!error.measured.timedOut) console.error(error.measured.output.slice(-3000));
      return why;
    };
    /** One clean build added to `runs`, logged; on failure, why (the row keeps it instead of a figure). */
    const cleanBuild = async (target: BenchSite, label: string, runs: Measured[]): Promise<string | undefined> => {
      log(`${count} documents: ${label}, clean build ${runs.length + 1}/${repeat}`);
      try {
        runs.push(await target.cleanBuild());
        log(`  ${describe(runs.at(-1)!)}`);
        return undefined;
      } catch (error) {
        return failure(error, 'clean build');
      }
    };
    for (let i = 0; i < repeat; i++) {
      if (!row.bareFailed) {
        const why = await cleanBuild(bare, 'bare baseline', bareRuns);
        if (why) row.bareFailed = why;
      }
      if (!row.failed) {
        const why = await cleanBuild(site, 'this site', cleanRuns);
        if (why) row.failed = why;
      }
    }
    if (bareRuns.length > 0) row.bare = summarise(bareRuns);
    if (!values.keep) bare.remove();
    if (cleanRuns.length > 0 && !row.failed) {
      row.clean = summarise(cleanRuns);
      row.output = outputSize(site.dist);
      const rebuilds: Measured[] = [];
      try {
        for (let i = 0; i < repeat; i++) {
          const edited = editOneEntry(generated.content, i);
          log(`${count} documents: rebuild ${i + 1}/${repeat} after editing ${edited}`);
          rebuilds.push(await site.rebuild());
          log(`  ${describe(rebuilds.at(-1)!)}`);
        }
        row.rebuildOneEntry = summarise(rebuilds);
      } catch (error) {
        row.failed = failure(error, 'rebuild');
      }
    }
    results.scale.push(row);
    save();
    if (!values.keep) {
      site.remove();
      rmSync(join(BENCH_TMP, `synthetic-${count}`), { recursive: true, force: true });
    }
  }
}

// 6. Importer throughput: bench/import.ts (bare unpdf text extraction, then the
// importer's dry run, over the corpus), as a child process; it prints its figures as JSON.
if (only.has('importer')) {
  log('importer: bare text extraction and the dry-run import of the corpus');
  const m = await run(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'bench/import.ts'), '--json'], { cwd: ROOT, quiet: true });
  const last = m.output.trim().split('\n').reverse().find((l) => l.startsWith('{"jobs"'));
  if (m.status !== 0 || !last) throw new Error(`bench-import failed (exit ${m.status}):\n${m.output.slice(-3000)}`);
  results.importer = JSON.parse(last) as NonNullable<Results['importer']>;
  for (const s of results.importer.steps) log(`  ${s.name}: ${fmtS(s.wallMs)} wall, ${fmtS(s.cpuMs)} CPU, ${fmtMB(s.peakRss)}`);
  save();
}

const merged = save();
const markdown = render(merged);
console.log(markdown);
if (values['write-docs']) {
  writeDocs(join(ROOT, 'docs/BENCHMARKS.md'), merged);
  log('docs/BENCHMARKS.md updated');
}
log(`done in ${fmtS(Date.now() - started)}`);
