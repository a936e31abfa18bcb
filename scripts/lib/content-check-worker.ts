// The content check in a worker thread (scripts/lib/content-check.ts starts it): the build
// starts it when its configuration is done, so that reading, parsing and checking every entry
// runs on the other core while Astro syncs the content layer on the main thread, rather than
// after it. It posts the problems and each entry's file and frontmatter (not the bodies: the
// main thread needs them only for the search index, which reads bodies itself).
import { parentPort, workerData } from 'node:worker_threads';
import { checkContent, type CheckedContent } from './content-check.ts';

export interface ContentCheckRequest {
  root: string;
  cacheFile?: string;
}

export type ContentCheckReply = { checked: CheckedContent } | { failed: string };

const { root, cacheFile } = workerData as ContentCheckRequest;
try {
  const { problems, entries } = checkContent(root, cacheFile);
  parentPort!.postMessage({ checked: { problems, entries: entries.map(({ file, data }) => ({ file, data })) } } satisfies ContentCheckReply);
} catch (error) {
  parentPort!.postMessage({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ContentCheckReply);
}
