// The benchmark's measurements (bench/): CPU time counts a service the build's
// process killed without waiting for it (Pagefind's), and the report states memory per
// document between sizes.
import { describe, expect, test } from 'vitest';
import { run } from '../../bench/measure.ts';
import { memorySlopes, targets, type ScaleFigure } from '../../bench/report.ts';

describe('run', () => {
  test('counts the CPU time of a descendant its parent killed without waiting for it', async () => {
    // The parent starts a child that spins for a second, then kills it and exits at once,
    // never waiting: /usr/bin/time alone would not see the child's CPU time.
    const parent = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['-e', 'const end = Date.now() + 1000; while (Date.now() < end);'], { stdio: 'ignore' });
      setTimeout(() => { child.kill('SIGKILL'); process.exit(0); }, 900);
    `;
    const m = await run(process.execPath, ['-e', parent], { cwd: process.cwd(), quiet: true });
    expect(m.status).toBe(0);
    expect(m.cpuMs).toBeGreaterThan(500);
    expect(m.machine?.busyMs ?? 0).toBeGreaterThanOrEqual(0);
  });

  test("splits the tree's CPU time and memory by program, so the search index's own processes can be told from Node's", async () => {
    // A child under another program name (sh, which runs a spinning awk) beside a parent that idles.
    const parent = `
      const { spawn } = require('node:child_process');
      const child = spawn('sh', ['-c', 'exec awk "BEGIN { while (1) n++ }"'], { stdio: 'ignore' });
      setTimeout(() => { child.kill('SIGKILL'); process.exit(0); }, 1200);
    `;
    const m = await run(process.execPath, ['-e', parent], { cwd: process.cwd(), quiet: true });
    // Heaviest first: the spinning child, not the idle parent (Node names its process "MainThread").
    expect(m.programs[0]?.name).toBe('awk');
    expect(m.programs[0]?.cpuMs).toBeGreaterThan(500);
    expect(m.programs[0]?.peakRss).toBeGreaterThan(0);
  });
});

describe('scale report', () => {
  const MB = 1024 * 1024;
  const row = (documents: number, peakMb: number, wallS: number): ScaleFigure => ({
    documents,
    date: '2026-12-04T05:00:00Z',
    bodyBytesMedian: 50_000,
    clean: { wallMs: wallS * 1000, peakRss: peakMb * MB },
  });

  test('states the memory each added document cost between sizes', () => {
    const slopes = memorySlopes([row(10_000, 3000, 170), row(2000, 1400, 40), row(20_000, 4000, 400)]);
    expect(slopes.map((s) => [s.from, s.to, Number(s.mbPerDocument.toFixed(2))])).toEqual([
      [2000, 10_000, 0.2],
      [10_000, 20_000, 0.1],
    ]);
  });

  test('judges the scale targets from the figures, and a rising memory per document as not met', () => {
    const judged = Object.fromEntries(targets({ date: '', source: '', machine: '', sections: [], scale: [row(2000, 1000, 40), row(10_000, 6000, 170)] }).map((t) => [t.target, t.met]));
    expect(judged['10,000 documents: clean build within 3 minutes']).toBe(true);
    expect(judged['10,000 documents: peak RSS of the process tree within 3 GB']).toBe(false);
    expect(judged['20,000 documents: clean build completes within 8 minutes and 4 GB']).toBeUndefined();
    expect(judged['Peak memory per document flat or falling as documents are added']).toBe(false);
  });

  test('a bare baseline that cannot build a size gives no ratio, rather than a target met', () => {
    const failed = { ...row(10_000, 6000, 170), bareFailed: 'clean build failed after 55.7 s' };
    const judged = Object.fromEntries(targets({ date: '', source: '', machine: '', sections: [], scale: [failed] }).map((t) => [t.target, t.met]));
    expect(judged['10,000 documents: clean build within 3× the bare baseline']).toBe('no ratio: the baseline cannot build this size');
  });
});
