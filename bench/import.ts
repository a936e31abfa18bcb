// node bench/import.ts [folder] [--jobs <n>] [--json]
//
// Time and peak memory of importing the whole corpus (a dry run: nothing is written),
// side by side in the same run with bare unpdf text extraction (extractText) of the same
// PDFs on the same number of worker threads. Prints a table (with --json, the figures as
// JSON on the last line: `npm run bench`'s importer section reads them).
// Peak memory is the process's resident set (main thread and workers), sampled every 25 ms.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { extractText, getDocumentProxy } from 'unpdf';
import { readAuthorities } from '../src/lib/content-files.ts';
import { listImportable, runBatch } from '../src/importer/batch.ts';
import { CORPUS_ROOT } from '../src/importer/manifest.ts';

export interface ImportStep {
  name: string;
  /** The 1-minute load average when the step started: the cores are shared. */
  load: number;
  files: number;
  ok: number;
  wallMs: number;
  cpuMs: number;
  peakRss: number;
}

/** Runs `work` while sampling the resident set; returns wall time, CPU time and the peak. */
async function measure(name: string, files: number, work: () => Promise<number>): Promise<ImportStep> {
  const load = loadavg()[0]!;
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 25);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const ok = await work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { name, load, files, ok, wallMs, cpuMs: (used.user + used.system) / 1000, peakRss: peak };
}

/** Bare extraction: each worker thread runs this file's worker branch below. */
function bareExtraction(files: readonly string[], jobs: number): Promise<number> {
  let next = 0;
  let ok = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url));
      const send = () => {
        if (next >= files.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage(files[next++]);
      };
      worker.on('message', (success: boolean) => {
        if (success) ok++;
        send();
      });
      worker.on('error', reject);
      send();
    });
  return Promise.all(Array.from({ length: Math.min(jobs, files.length) }, one)).then(() => ok);
}

if (!isMainThread) {
  parentPort!.on('message', async (file: string) => {
    try {
      const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)), { verbosity: 0 } as never);
      await extractText(pdf, { mergePages: true });
      await pdf.loadingTask.destroy();
      parentPort!.postMessage(true);
    } catch {
      parentPort!.postMessage(false);
    }
  });
} else {
  const args = process.argv.slice(2);
  const jobsAt = args.indexOf('--jobs');
  const jobs = jobsAt >= 0 ? Number(args[jobsAt + 1]) : availableParallelism();
  const folder = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--jobs') ?? CORPUS_ROOT;
  const files = listImportable(folder).filter((f) => f.endsWith('.pdf'));
  const authorities = readAuthorities();

  const steps: ImportStep[] = [];
  steps.push(await measure('unpdf extractText (bare text)', files.length, () => bareExtraction(files, jobs)));
  steps.push(
    await measure('importer, dry run (the batch `npm run import -- <folder> --dry-run` runs)', files.length, async () => {
      let ok = 0;
      await runBatch(files, { authorities, corpusRoot: CORPUS_ROOT }, ({ reply }) => {
        if (reply.ok) ok++;
      }, jobs);
      return ok;
    }),
  );

  if (args.includes('--json')) {
    console.log(JSON.stringify({ jobs, node: process.version, steps }));
    process.exit(0);
  }
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(`${files.length} PDFs from ${folder}; ${jobs} worker threads; Node ${process.version}; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
  console.log('| step | PDFs read | wall time | CPU time | CPU per PDF | peak RSS | load average at start |');
  console.log('|---|---|---|---|---|---|---|');
  for (const s of steps) {
    console.log(
      `| ${s.name} | ${s.ok} of ${s.files} | ${(s.wallMs / 1000).toFixed(1)} s | ${(s.cpuMs / 1000).toFixed(1)} s | ${(s.cpuMs / s.files).toFixed(0)} ms | ${mb(s.peakRss)} MB | ${s.load.toFixed(1)} |`,
    );
  }
  const [bare, full] = steps as [ImportStep, ImportStep];
  console.log(
    `full import / bare extraction: ${(full.cpuMs / bare.cpuMs).toFixed(2)}× the CPU time, ${(full.wallMs / bare.wallMs).toFixed(2)}× the wall time, ${(full.peakRss / bare.peakRss).toFixed(2)}× the peak memory`,
  );
}
