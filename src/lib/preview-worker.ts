// The worker thread that draws preview images (src/lib/preview-images.ts): satori and
// resvg are CPU work, which here runs beside the build's main thread rather than on it.
import { parentPort } from 'node:worker_threads';
import { previewImage, type Preview } from './og-image.ts';

parentPort!.on('message', async ({ id, preview }: { id: number; preview: Preview }) => {
  try {
    const png = new Uint8Array(await previewImage(preview));
    parentPort!.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
