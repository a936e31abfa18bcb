// A folder in a batch: files shared out to worker threads (one per core by default), each
// result handed back in completion order. Also lists the files a folder holds.
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerInit, WorkerReply } from './worker.ts';

export interface BatchItem {
  file: string;
  reply: WorkerReply;
}

/** PDFs and text files under a folder, sorted, at any depth (the corpus has one folder per authority). */
export function listImportable(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...listImportable(path));
    else if (/\.(pdf|txt)$/i.test(entry.name)) found.push(path);
  }
  return found.sort();
}

export async function runBatch(
  files: readonly string[],
  init: WorkerInit,
  onItem: (item: BatchItem) => void,
  jobs = availableParallelism(),
): Promise<void> {
  if (files.length === 0) return;
  const count = Math.max(1, Math.min(jobs, files.length));
  let next = 0;
  const live = new Set<Worker>();
  // One worker's loop: take the next file, post its result, repeat. A worker that dies
  // (out of memory on a hostile PDF) loses only its file: it is reported, and a fresh worker goes on.
  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: init });
      live.add(worker);
      let current: { id: number; file: string } | undefined;
      let finished = false;
      const finish = (then: Promise<void>) => {
        if (finished) return;
        finished = true;
        live.delete(worker);
        void worker.terminate().finally(() => resolve(then));
      };
      const send = () => {
        if (next >= files.length) return finish(Promise.resolve());
        current = { id: next, file: files[next]! };
        next++;
        worker.postMessage(current);
      };
      worker.on('message', (reply: WorkerReply) => {
        onItem({ file: current!.file, reply });
        current = undefined;
        send();
      });
      worker.on('error', (error: Error) => {
        if (current) onItem({ file: current.file, reply: { id: current.id, ok: false, error: `internal error: ${error.message.split('\n')[0]}`, ms: 0 } });
        finish(runWorker());
      });
      worker.on('exit', (code) => {
        if (finished) return;
        if (current) onItem({ file: current.file, reply: { id: current.id, ok: false, error: `internal error: the worker stopped (exit code ${code})`, ms: 0 } });
        finish(current ? runWorker() : Promise.resolve());
      });
      send();
    });
  try {
    await Promise.all(Array.from({ length: count }, runWorker));
  } finally {
    await Promise.all([...live].map((w) => w.terminate()));
  }
}
