// Preview images (src/lib/og-image.ts) are drawn in one worker thread
// (src/lib/preview-worker.ts), all of them as soon as the image route lists its pages, so
// that the drawing runs beside the main thread's rendering of the other pages rather than on
// it. Each is kept in .cache/preview-images/ under its page's cache key and a digest of the
// code that draws it (src/ and the drawing packages' versions), so a rebuild draws only images that changed.
// The worker is started from the source tree, which Node runs as TypeScript (as it runs
// scripts/); the build's bundle does not carry it.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Preview } from './og-image.ts';
import { codeDigest } from './code-digest.ts';

const project = (path: string) => resolve(process.cwd(), path);
const CACHE = project('.cache/preview-images');

/** A digest of the code that draws the images: src/ and the drawing packages. */
let drawingCode: string | undefined;
const codeKey = () => (drawingCode ??= codeDigest(process.cwd(), ['src'], ['satori', '@resvg/resvg-js', '@fontsource/atkinson-hyperlegible']));

const cacheFile = (key: string) => join(CACHE, `${codeKey()}.${key}.png`);

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (png: Uint8Array<ArrayBuffer>) => void; reject: (error: Error) => void }>();

function startWorker(): Worker {
  const w = new Worker(project('src/lib/preview-worker.ts'));
  w.on('message', ({ id, png, error }: { id: number; png?: Uint8Array<ArrayBuffer>; error?: string }) => {
    const request = waiting.get(id);
    waiting.delete(id);
    // The worker keeps the process alive only while a drawing is pending.
    if (waiting.size === 0) w.unref();
    if (error !== undefined || !png) request?.reject(new Error(`Preview image: ${error ?? 'no image'}`));
    else request?.resolve(png);
  });
  w.on('error', (error: Error) => {
    for (const request of waiting.values()) request.reject(error);
    waiting.clear();
    worker = undefined;
  });
  // Images drawn with other code are of no use any more.
  mkdirSync(CACHE, { recursive: true });
  for (const old of readdirSync(CACHE)) if (!old.startsWith(`${codeKey()}.`)) rmSync(join(CACHE, old), { force: true });
  return w;
}

function draw(preview: Preview): Promise<Uint8Array<ArrayBuffer>> {
  worker ??= startWorker();
  worker.ref();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker!.postMessage({ id, preview });
  });
}

const drawing = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/** Starts drawing a page's image unless it is in the cache. `key`: the page's cache key. */
export function prepareImage(key: string, preview: Preview): void {
  if (drawing.has(key) || existsSync(cacheFile(key))) return;
  const png = draw(preview).then((image) => {
    writeFileSync(cacheFile(key), image);
    return image;
  });
  // Awaited by previewPng if the page is rendered; a failure is reported there.
  png.catch(() => {});
  drawing.set(key, png);
}

/** A page's image: from the drawing started for it, else from the cache, else drawn now. */
export async function previewPng(key: string, preview: Preview): Promise<Uint8Array<ArrayBuffer>> {
  prepareImage(key, preview);
  return drawing.get(key) ?? new Uint8Array(readFileSync(cacheFile(key)));
}
