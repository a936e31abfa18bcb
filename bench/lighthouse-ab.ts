// Lighthouse on the same pages of two or more built sites, runs interleaved (A, B, A, B…)
// so that a shared machine's load falls on every variant alike; prints every run and each
// variant's median. For before-and-after comparisons of one change (docs/BENCHMARKS.md,
// "Issue 22: long tables on a phone").
//   node bench/lighthouse-ab.ts --runs 3 [--performance-only] --page /judgements/all/ --page /compare/ before=dist-before after=dist
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { runLighthouse, type LighthouseResult } from './lighthouse.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, 'performance-only': { type: 'boolean', default: false }, page: { type: 'string', multiple: true, default: ['/judgements/all/'] } },
});
const variants = positionals.map((p) => {
  const [name, dir] = p.includes('=') ? (p.split('=', 2) as [string, string]) : [p, p];
  return { name, dist: resolve(dir) };
});
if (variants.length === 0) throw new Error('name=dist-folder, one or more');
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

for (const page of values.page!) {
  const got = new Map<string, LighthouseResult[]>(variants.map((v) => [v.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const v of variants) {
      const [r] = await runLighthouse(v.dist, [page], 1, values['performance-only'] ? ['performance'] : undefined);
      got.get(v.name)!.push(r!);
      const m = r!.metrics;
      console.log(`${page} ${v.name} run ${i + 1}: perf ${r!.scores.performance} a11y ${r!.scores.accessibility} FCP ${Math.round(m.fcpMs)} LCP ${Math.round(m.lcpMs)} TBT ${Math.round(m.tbtMs)} CLS ${m.cls.toFixed(3)} main thread ${Math.round(m.mainThreadMs)} style+layout ${Math.round(m.styleLayoutMs)} bytes ${m.transferBytes} long tasks ${(r!.longTasks ?? []).map((t) => `${t.duration}@${t.startTime}`).join(' ')}`);
    }
  }
  for (const v of variants) {
    const rs = got.get(v.name)!;
    const med = (f: (r: LighthouseResult) => number) => median(rs.map(f));
    console.log(`MEDIAN ${page} ${v.name}: perf ${med((r) => r.scores.performance ?? 0)} (runs ${rs.map((r) => r.scores.performance).join(', ')}) TBT ${Math.round(med((r) => r.metrics.tbtMs))} LCP ${Math.round(med((r) => r.metrics.lcpMs))} CLS ${med((r) => r.metrics.cls).toFixed(3)} style+layout ${Math.round(med((r) => r.metrics.styleLayoutMs))} main thread ${Math.round(med((r) => r.metrics.mainThreadMs))}`);
  }
}
