// The content check in a worker thread (integrations/content-checks.ts starts it): the build
// starts it when its configuration is done, so that reading, parsing and checking every entry
// runs on the other core while Astro syncs the content layer on the main thread, rather than
// after it. It posts the problems and each entry's file, frontmatter and digest (not the
// bodies: the search index, which needs them, reads them in its own workers).
import { parentPort, workerData } from 'node:worker_threads';
import { checkContent, type ContentCheckReply, type ContentCheckRequest } from './content-checks.ts';

const { root, cacheFile } = workerData as ContentCheckRequest;
try {
  parentPort!.postMessage({ checked: checkContent(root, cacheFile) } satisfies ContentCheckReply);
} catch (error) {
  parentPort!.postMessage({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ContentCheckReply);
}
