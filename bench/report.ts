// The benchmark results as Markdown tables (printed, and written into docs/BENCHMARKS.md
// between generated-section markers, leaving every other section, such as the
// importer's, as it is), with each target judged against its figure.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fmtKB, fmtMB, fmtS, MB } from './measure.ts';
import type { MarkdownFigure } from './markdown-processors.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { Bytes, PageWeight } from './weights.ts';
import type { ProfileSummary } from './profile.ts';
import type { ImportStep } from './import.ts';

export interface BuildFigure {
  wallMs: number;
  peakRss: number;
  /** CPU time of the build's whole process tree (user + system), when /usr/bin/time reported it. */
  cpuMs?: number;
  /** Cores the machine's other processes kept busy on average during the build (its load, not the build's). */
  othersCores?: number;
  /** With repeated builds: each build's wall time and peak RSS (the figure above is their median). */
  runs?: { wallMs: number; peakRss: number; cpuMs?: number; othersCores?: number }[];
  /** What the site's search index added after the pages were written, as its build log states it ("… done in N ms after the pages"). */
  searchIndexMs?: number;
  /** How long indexing the documents took while the pages were rendered ("documents indexed alongside the pages in N ms"). */
  searchIndexAlongsideMs?: number;
  /** The search index's Pagefind processes (Rust, outside Node): their CPU time, and the peak of their summed RSS. */
  pagefind?: { cpuMs: number; peakRss: number };
}

export interface ScaleFigure {
  documents: number;
  date: string;
  bodyBytesMedian: number;
  clean?: BuildFigure;
  /** The bare baseline's clean build of the same synthetic entries. */
  bare?: BuildFigure;
  /** Why the bare baseline has no figure at this size. */
  bareFailed?: string;
  rebuildOneEntry?: BuildFigure;
  output?: { bytes: number; files: number };
  /** Why a build of this size has no figure (time limit, out of memory). */
  failed?: string;
}

export interface RunInfo {
  date: string;
  source: string;
  load: string;
}

export interface Results {
  date: string;
  source: string;
  machine: string;
  sections: string[];
  loadAverageAtStart?: number;
  loadAverageAtEnd?: number;
  totalMs?: number;
  committedDocuments?: number;
  /** When and from what each section's figures were taken (sections can come from different runs). */
  runs?: Record<string, RunInfo>;
  full?: {
    documents: number;
    repeat: number;
    site: BuildFigure;
    bare: BuildFigure;
    siteRuns: BuildFigure[];
    bareRuns: BuildFigure[];
    rebuildUnchanged: BuildFigure;
    rebuildOneEntry: BuildFigure;
    bareRebuildOneEntry: BuildFigure;
    output: { bytes: number; files: number };
    bareOutput: { bytes: number; files: number };
  };
  weights?: {
    pages: { type: string; weight?: PageWeight; note?: string }[];
    authorityPages: number;
    authorityMedianGzip: number;
    authorityMaxGzip: number;
    authorityPagesWithScript: string[];
    documentPages: number;
    documentMaxWithoutTextGzip: number;
    documentMedianWithoutTextGzip: number;
    documentPagesWithScript: string[];
  };
  lighthouse?: (LighthouseResult & { type: string })[];
  lighthouseMissing?: string[];
  markdown?: { bodies: number; inProcess: MarkdownFigure[]; buildDocuments: number; satteri: BuildFigure; unified: BuildFigure };
  scale?: ScaleFigure[];
  profile?: { documents: number } & ProfileSummary;
  /** bench/import.ts over the corpus: bare text extraction, then the importer's dry run. */
  importer?: { jobs: number; steps: ImportStep[] };
}

const SECTION_KEYS = ['full', 'weights', 'lighthouse', 'markdown', 'profile', 'scale', 'importer'] as const;

/** The latest run's sections over the previous results; scale rows merged by size. */
export function mergeResults(previous: Results | undefined, latest: Results): Results {
  const load = `load average ${latest.loadAverageAtStart?.toFixed(2) ?? '?'} at start, ${latest.loadAverageAtEnd?.toFixed(2) ?? '?'} at end`;
  const info: RunInfo = { date: latest.date, source: latest.source, load };
  const merged: Results = { ...(previous ?? {}), ...latest, runs: { ...(previous?.runs ?? {}) } };
  for (const key of SECTION_KEYS) {
    if (latest[key] !== undefined) merged.runs![key] = info;
    else if (previous?.[key] !== undefined) (merged as unknown as Record<string, unknown>)[key] = previous[key];
  }
  if (latest.lighthouse === undefined && previous?.lighthouseMissing) merged.lighthouseMissing = previous.lighthouseMissing;
  if (latest.scale && previous?.scale) {
    const sizes = new Set(latest.scale.map((s) => s.documents));
    merged.scale = [...previous.scale.filter((s) => !sizes.has(s.documents)), ...latest.scale].sort((a, b) => a.documents - b.documents);
  }
  return merged;
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const kb = (b: Bytes) => `${fmtKB(b.raw)} / ${fmtKB(b.gzip)}`;
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const when = (r: Results, key: string) => {
  const run = r.runs?.[key];
  return run ? `_Run ${run.date.slice(0, 16).replace('T', ' ')} UTC on ${run.source}; ${run.load}._` : '';
};
const met = (ok: Target['met']) => (ok === undefined ? 'not measured' : typeof ok === 'string' ? ok : ok ? '**met**' : '**not met**');

export interface Target {
  target: string;
  figure: string;
  /** Met or not; undefined when not measured; a text when neither applies (a baseline that cannot build). */
  met: boolean | string | undefined;
}

export function targets(r: Results): Target[] {
  const out: Target[] = [];
  if (r.full) {
    out.push({
      target: 'Full build of the committed content within 1.5× the bare baseline',
      figure: `${fmtS(r.full.site.wallMs)} vs ${fmtS(r.full.bare.wallMs)}: ${ratio(r.full.site.wallMs, r.full.bare.wallMs)}`,
      met: r.full.site.wallMs <= 1.5 * r.full.bare.wallMs,
    });
  }
  // Issue 15's scale targets, on this 2-core machine.
  const at = (n: number) => r.scale?.find((s) => s.documents === n);
  const gb = (x: number) => x * 1024 * MB;
  const scaleTarget = (n: number, target: string, figure: (s: ScaleFigure) => [string, Target['met']] | undefined) => {
    const s = at(n);
    const judged = s ? figure(s) : undefined;
    out.push({ target, figure: judged?.[0] ?? s?.failed ?? 'not run', met: judged ? judged[1] : s?.failed ? false : undefined });
  };
  scaleTarget(10_000, '10,000 documents: clean build within 3 minutes', (s) => (s.clean ? [withSpread(s.clean), s.clean.wallMs <= 180_000] : undefined));
  scaleTarget(10_000, '10,000 documents: peak RSS of the process tree within 3 GB', (s) => (s.clean ? [fmtMB(s.clean.peakRss), s.clean.peakRss <= gb(3)] : undefined));
  scaleTarget(10_000, '10,000 documents: one-entry rebuild within 30 s', (s) =>
    s.rebuildOneEntry ? [withSpread(s.rebuildOneEntry), s.rebuildOneEntry.wallMs <= 30_000] : undefined,
  );
  scaleTarget(10_000, '10,000 documents: clean build within 3× the bare baseline', (s) =>
    s.clean && s.bare ? [`${fmtS(s.clean.wallMs)} vs ${fmtS(s.bare.wallMs)}: ${ratio(s.clean.wallMs, s.bare.wallMs)}`, s.clean.wallMs <= 3 * s.bare.wallMs] : s.clean && s.bareFailed ? [`bare baseline ${s.bareFailed}`, 'no ratio: the baseline cannot build this size'] : undefined,
  );
  scaleTarget(20_000, '20,000 documents: clean build completes within 8 minutes and 4 GB', (s) =>
    s.clean ? [`${withSpread(s.clean)}, ${fmtMB(s.clean.peakRss)}`, s.clean.wallMs <= 480_000 && s.clean.peakRss <= gb(4)] : undefined,
  );
  const perDocument = (r.scale ?? []).filter((s) => s.clean).sort((a, b) => a.documents - b.documents).map((s) => ({ n: s.documents, mb: s.clean!.peakRss / MB / s.documents }));
  if (perDocument.length > 1) {
    out.push({
      target: 'Peak memory per document flat or falling as documents are added',
      figure: perDocument.map((p) => `${p.n.toLocaleString('en-GB')}: ${p.mb.toFixed(2)} MB`).join(', '),
      met: perDocument.every((p, i) => i === 0 || p.mb <= perDocument[i - 1]!.mb * 1.05),
    });
  }
  const rebuilds: [string, BuildFigure, BuildFigure][] = [];
  if (r.full) rebuilds.push([`${r.full.documents} committed`, r.full.site, r.full.rebuildOneEntry]);
  for (const [label, clean, rebuild] of rebuilds) {
    out.push({
      target: `One-entry rebuild at least 5× faster than a clean build (${label} documents)`,
      figure: `${fmtS(rebuild.wallMs)} vs ${fmtS(clean.wallMs)}: ${(clean.wallMs / rebuild.wallMs).toFixed(1)}× faster`,
      met: clean.wallMs >= 5 * rebuild.wallMs,
    });
  }
  if (r.weights) {
    const w = r.weights;
    const comparison = w.pages.find((p) => p.type === 'comparison table')?.weight;
    out.push({ target: 'Authority page ≤ 30 KB gzip (heaviest of all)', figure: fmtKB(w.authorityMaxGzip), met: w.authorityMaxGzip <= 30 * 1024 });
    out.push({
      target: 'Document page ≤ 30 KB gzip plus its text (heaviest without its text)',
      figure: fmtKB(w.documentMaxWithoutTextGzip),
      met: w.documentMaxWithoutTextGzip <= 30 * 1024,
    });
    out.push({ target: 'Comparison table ≤ 40 KB gzip', figure: comparison ? fmtKB(comparison.total.gzip) : 'not built', met: comparison ? comparison.total.gzip <= 40 * 1024 : undefined });
    out.push({
      target: 'No JavaScript on authority and document pages',
      figure: `${w.authorityPagesWithScript.length} of ${w.authorityPages} authority pages, ${w.documentPagesWithScript.length} of ${w.documentPages} document pages load or inline a script`,
      met: w.authorityPagesWithScript.length === 0 && w.documentPagesWithScript.length === 0,
    });
  }
  for (const l of r.lighthouse ?? []) {
    const scores = Object.values(l.scores);
    out.push({ target: `Lighthouse 100 in all four categories: ${l.type}`, figure: scores.map((s) => s ?? '–').join(' / '), met: scores.every((s) => s === 100) });
  }
  for (const missing of r.lighthouseMissing ?? []) out.push({ target: `Lighthouse 100 in all four categories: ${missing.split(':')[0]}`, figure: missing.split(': ')[1] ?? '', met: undefined });
  return out;
}

/** The median wall time, with the range of the runs when there were several. */
const withSpread = (b: BuildFigure) => {
  const walls = (b.runs ?? []).map((x) => x.wallMs);
  return walls.length > 1 ? `${fmtS(b.wallMs)} (${fmtS(Math.min(...walls))}–${fmtS(Math.max(...walls))})` : fmtS(b.wallMs);
};
const cpuS = (b: BuildFigure) => (b.cpuMs === undefined ? 'not stated' : fmtS(b.cpuMs));
/** The Pagefind processes' part of a build, when it was sampled: " (Pagefind: 230.1 s CPU, 2,800 MB at peak)". */
const pagefindS = (b: BuildFigure) => (b.pagefind ? ` (Pagefind: ${fmtS(b.pagefind.cpuMs)}, ${fmtMB(b.pagefind.peakRss)} at peak)` : '');

/** How much peak memory each added document cost, between consecutive sizes with a clean build. */
export function memorySlopes(scale: readonly ScaleFigure[]): { from: number; to: number; mbPerDocument: number }[] {
  const built = scale.filter((s) => s.clean).sort((a, b) => a.documents - b.documents);
  return built.slice(1).map((s, i) => {
    const before = built[i]!;
    return { from: before.documents, to: s.documents, mbPerDocument: (s.clean!.peakRss - before.clean!.peakRss) / MB / (s.documents - before.documents) };
  });
}

const searchS = (b: BuildFigure) =>
  b.searchIndexMs === undefined
    ? 'not stated'
    : b.searchIndexAlongsideMs === undefined
      ? fmtS(b.searchIndexMs)
      : `${fmtS(b.searchIndexMs)} after the pages, documents ${fmtS(b.searchIndexAlongsideMs)} alongside them`;

export function render(r: Results): string {
  const parts: string[] = [];
  parts.push(`Machine: ${r.machine}. Latest run ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${r.source}${r.totalMs ? `, ${fmtS(r.totalMs)} in all` : ''}.`);
  if (r.full) {
    const f = r.full;
    parts.push(`### Full build of the committed content (${f.documents} documents)\n\n${when(r, 'full')}`);
    parts.push(
      table(
        ['build', 'this site', 'bare baseline', 'ratio'],
        [
          [`clean build, wall time${f.repeat > 1 ? ` (median of ${f.repeat}, range)` : ''}`, withSpread(f.site), withSpread(f.bare), ratio(f.site.wallMs, f.bare.wallMs)],
          ['clean build, CPU time of the process tree', cpuS(f.site), cpuS(f.bare), f.site.cpuMs && f.bare.cpuMs ? ratio(f.site.cpuMs, f.bare.cpuMs) : ''],
          ['clean build, peak RSS of the process tree', fmtMB(f.site.peakRss), fmtMB(f.bare.peakRss), ratio(f.site.peakRss, f.bare.peakRss)],
          [`rebuild, one entry changed${f.rebuildOneEntry.runs ? ` (median of ${f.rebuildOneEntry.runs.length}, range)` : ''}`, withSpread(f.rebuildOneEntry), fmtS(f.bareRebuildOneEntry.wallMs), ratio(f.rebuildOneEntry.wallMs, f.bareRebuildOneEntry.wallMs)],
          ['one-entry rebuild against this site’s clean build', `${(f.rebuildOneEntry.wallMs / f.site.wallMs).toFixed(2)}`, '', ''],
          [`rebuild, nothing changed${f.rebuildUnchanged.runs ? ` (median of ${f.rebuildUnchanged.runs.length}, range)` : ''}`, withSpread(f.rebuildUnchanged), '', ''],
          ['search index (clean / one entry changed)', `${searchS(f.site)} / ${searchS(f.rebuildOneEntry)}`, '', ''],
          ['output', `${fmtMB(f.output.bytes)} in ${f.output.files} files`, `${fmtMB(f.bareOutput.bytes)} in ${f.bareOutput.files} files`, ''],
        ],
      ),
    );
    if (f.repeat > 1) parts.push(`Each clean build: this site ${f.siteRuns.map((x) => fmtS(x.wallMs)).join(', ')}; bare ${f.bareRuns.map((x) => fmtS(x.wallMs)).join(', ')}.`);
  }
  if (r.scale && r.scale.length > 0) {
    parts.push(`### Scale: synthetic documents\n\n${when(r, 'scale')}`);
    const repeated = r.scale.some((s) => (s.clean?.runs?.length ?? 0) > 1);
    parts.push(
      table(
        ['documents', 'clean build', 'bare baseline', 'ratio', 'peak RSS (bare)', 'per document', 'rebuild, one entry changed', 'output', 'run'],
        r.scale.map((s) => [
          s.documents.toLocaleString('en-GB'),
          s.clean ? `${withSpread(s.clean)}; CPU ${cpuS(s.clean)}${pagefindS(s.clean)}; search index ${searchS(s.clean)}` : (s.failed ?? ''),
          s.bare ? `${withSpread(s.bare)}; CPU ${cpuS(s.bare)}` : (s.bareFailed ?? 'not run'),
          s.clean && s.bare ? ratio(s.clean.wallMs, s.bare.wallMs) : '',
          s.clean ? `${fmtMB(s.clean.peakRss)}${s.bare ? ` (${fmtMB(s.bare.peakRss)})` : ''}` : '',
          s.clean ? `${(s.clean.peakRss / MB / s.documents).toFixed(2)} MB` : '',
          s.rebuildOneEntry ? `${withSpread(s.rebuildOneEntry)} (${fmtMB(s.rebuildOneEntry.peakRss)}; search index ${searchS(s.rebuildOneEntry)})` : s.clean ? (s.failed ?? '') : '',
          s.output ? `${fmtMB(s.output.bytes)}, ${s.output.files.toLocaleString('en-GB')} files` : '',
          s.date.slice(0, 16).replace('T', ' '),
        ]),
      ),
    );
    const slopes = memorySlopes(r.scale);
    if (slopes.length > 0) parts.push(`Peak memory added per document between sizes (this site): ${slopes.map((x) => `${x.from.toLocaleString('en-GB')} → ${x.to.toLocaleString('en-GB')}: ${x.mbPerDocument.toFixed(2)} MB`).join('; ')}.`);
    parts.push(
      `${repeated ? 'Each figure is the median of the runs, with their range in brackets. ' : ''}CPU is the build's whole process tree (user + system). ` +
        'Wall times move with the other processes on the machine, CPU times less (the load of each run is in results.json, `othersCores`), but not nothing: the same build has used a quarter more CPU in one session than in another on this machine. Compare figures from one run. ' +
          "Pagefind's part is its processes' CPU and the peak of their summed memory, sampled from /proc every 100 ms.",
    );
  }
  if (r.markdown) {
    const m = r.markdown;
    parts.push(`### Markdown: Sätteri against remark/unified\n\n${when(r, 'markdown')}\n\nIn one process, sequentially, on the ${m.bodies} committed bodies:`);
    const base = m.inProcess[0]!;
    parts.push(
      table(
        ['processing', 'time', 'documents/s', 'MB/s', 'vs Sätteri → HTML'],
        m.inProcess.map((x) => [x.name, fmtS(x.ms), x.docsPerSecond.toFixed(1), x.mbPerSecond.toFixed(2), ratio(x.ms, base.ms)]),
      ),
    );
    parts.push(`The whole site built with each processor, ${m.buildDocuments.toLocaleString('en-GB')} synthetic documents:`);
    parts.push(
      table(
        ['processor', 'clean build', 'peak RSS'],
        [
          ['Sätteri (as configured)', fmtS(m.satteri.wallMs), fmtMB(m.satteri.peakRss)],
          ['remark/unified', `${fmtS(m.unified.wallMs)} (${ratio(m.unified.wallMs, m.satteri.wallMs)})`, fmtMB(m.unified.peakRss)],
        ],
      ),
    );
  }
  if (r.profile) {
    const p = r.profile;
    parts.push(
      `### Where the build's time goes (CPU profile of the Sätteri build of ${p.documents.toLocaleString('en-GB')} synthetic documents, ${fmtS(p.totalMs)} sampled)\n\n${when(r, 'profile')}`,
    );
    parts.push(table(['the site\'s own functions (inclusive)', 'time', 'share'], p.own.map((x) => [`\`${x.name}\``, fmtS(x.ms), `${Math.round((x.ms / p.totalMs) * 100)}%`])));
    parts.push(table(['package (self time)', 'time', 'share'], p.packages.map((x) => [x.name, fmtS(x.ms), `${Math.round((x.ms / p.totalMs) * 100)}%`])));
  }
  if (r.weights) {
    const w = r.weights;
    parts.push(`### Bytes per page type (what a page loads before interaction; raw / gzip)\n\n${when(r, 'weights')}`);
    parts.push(
      table(
        ['page type', 'page', 'HTML', 'CSS', 'JS', 'images', 'total', 'without its text'],
        w.pages.map((p) =>
          p.weight
            ? [p.type, `\`${p.weight.page}\``, kb(p.weight.html), kb(p.weight.css), p.weight.js.raw || p.weight.inlineScripts ? `${kb(p.weight.js)}${p.weight.inlineScripts ? ` + ${p.weight.inlineScripts} inline` : ''}` : 'none', kb(p.weight.images), kb(p.weight.total), p.weight.withoutText ? kb(p.weight.withoutText) : '']
            : [p.type, p.note ?? '', '', '', '', '', '', ''],
        ),
      ),
    );
    parts.push(
      `Authority pages: ${w.authorityPages}, gzip total median ${fmtKB(w.authorityMedianGzip)}, heaviest ${fmtKB(w.authorityMaxGzip)}. ` +
        `Document pages: ${w.documentPages}, gzip without their text median ${fmtKB(w.documentMedianWithoutTextGzip)}, heaviest ${fmtKB(w.documentMaxWithoutTextGzip)}. ` +
        `Pages of these two types with a script: ${w.authorityPagesWithScript.length + w.documentPagesWithScript.length}.`,
    );
  }
  if (r.lighthouse || r.lighthouseMissing) {
    parts.push(`### Lighthouse (mobile, simulated throttling; served with gzip from loopback; the median-performance run of each page)\n\n${when(r, 'lighthouse')}`);
    parts.push(
      table(
        ['page type', 'page', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP / LCP', 'TBT', 'CLS', 'transfer', 'every run'],
        [
          ...(r.lighthouse ?? []).map((l) => [
            l.type,
            `\`${l.page}\``,
            ...Object.values(l.scores).map((s) => String(s ?? '–')),
            `${(l.metrics.fcpMs / 1000).toFixed(1)} s / ${(l.metrics.lcpMs / 1000).toFixed(1)} s`,
            `${Math.round(l.metrics.tbtMs)} ms`,
            l.metrics.cls.toFixed(3),
            fmtKB(l.metrics.transferBytes),
            (l.runs ?? []).join(', '),
          ]),
          ...(r.lighthouseMissing ?? []).map((m) => [m.split(':')[0]!, m.split(': ')[1] ?? '', '', '', '', '', '', '', '', '', '']),
        ],
      ),
    );
    const failed = (r.lighthouse ?? []).flatMap((l) => l.failed.map((f) => `- ${l.type} (\`${l.page}\`): ${f}`));
    parts.push(failed.length > 0 ? `Audits below full marks:\n\n${failed.join('\n')}` : 'No audit below full marks.');
  }
  if (r.importer) {
    const i = r.importer;
    parts.push(`### Importer throughput against bare text extraction (${i.jobs} worker threads)\n\n${when(r, 'importer')}`);
    parts.push(
      table(
        ['step', 'PDFs read', 'wall time', 'CPU time', 'CPU per PDF', 'peak RSS'],
        i.steps.map((s) => [s.name, `${s.ok} of ${s.files}`, fmtS(s.wallMs), fmtS(s.cpuMs), `${(s.cpuMs / s.files).toFixed(0)} ms`, fmtMB(s.peakRss)]),
      ),
    );
    const [bare, full] = i.steps;
    if (bare && full) parts.push(`The importer takes ${ratio(full.cpuMs, bare.cpuMs)} the CPU time of bare extraction, ${ratio(full.wallMs, bare.wallMs)} its wall time and ${ratio(full.peakRss, bare.peakRss)} its peak memory.`);
  }
  parts.push(`### Targets\n\n${table(['target', 'figure', ''], targets(r).map((t) => [t.target, t.figure, met(t.met)]))}`);
  return `${parts.join('\n\n')}\n`;
}

export const DOCS_START = '<!-- bench:results:start (written by `npm run bench -- --write-docs`; edit bench/report.ts, not this block) -->';
export const DOCS_END = '<!-- bench:results:end -->';

/** Replaces the generated block of docs/BENCHMARKS.md (read just before writing), or appends it under "## Results". */
export function writeDocs(path: string, r: Results): void {
  const block = `${DOCS_START}\n${render(r)}${DOCS_END}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(DOCS_START.slice(0, 25));
  const end = current.indexOf(DOCS_END);
  const next = start >= 0 && end > start ? `${current.slice(0, start)}${block}${current.slice(end + DOCS_END.length)}` : `${current.trimEnd()}\n\n## Results\n\n${block}\n`;
  writeFileSync(path, next);
}
