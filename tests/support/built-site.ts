// Walks the built site (dist/) for the checks that read every page.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export const DIST = new URL('../../dist/', import.meta.url).pathname;

export function listFiles(dir = DIST, suffix = '.html'): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), suffix) : e.name.endsWith(suffix) ? [join(dir, e.name)] : []))
    .sort();
}

/** The URL path a built file is served at: dist/authorities/brent/index.html → /authorities/brent/ */
export function urlPathOf(file: string, dist = DIST): string {
  const path = `/${relative(dist, file)}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}
