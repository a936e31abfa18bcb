// A batch worker: imports the files it is sent, one at a time, and posts back each
// result (or the one-line reason it failed). Writing stays with the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { AuthorityData } from '../schemas/authority.ts';
import { importFile } from './import-file.ts';
import { readManifest } from './manifest.ts';
import type { ImportedDocument } from './report.ts';
import { ImportError } from './types.ts';

export interface WorkerInit {
  authorities: AuthorityData[];
  corpusRoot?: string;
  authorityOverride?: string;
  date?: string;
  /** A date per file (its absolute path), as --date gives one: for reports outside the corpus layout. */
  dates?: Record<string, string>;
}

export type WorkerReply =
  | { id: number; ok: true; result: ImportedDocument; ms: number }
  | { id: number; ok: false; error: string; ms: number };

const init = workerData as WorkerInit;
const manifest = init.corpusRoot ? readManifest(init.corpusRoot) : undefined;

parentPort!.on('message', async (job: { id: number; file: string }) => {
  const started = performance.now();
  try {
    const result = await importFile(job.file, { authorities: init.authorities, manifest, authorityOverride: init.authorityOverride, date: init.dates?.[job.file] ?? init.date });
    parentPort!.postMessage({ id: job.id, ok: true, result, ms: performance.now() - started } satisfies WorkerReply);
  } catch (error) {
    const message = error instanceof ImportError ? error.message : `internal error: ${((error as Error)?.message ?? String(error)).split('\n')[0]}`;
    parentPort!.postMessage({ id: job.id, ok: false, error: message, ms: performance.now() - started } satisfies WorkerReply);
  }
});
