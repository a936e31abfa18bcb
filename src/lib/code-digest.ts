// A digest of the code a cache depends on, so that changing that code empties the cache:
// every file under the given paths (folders read recursively, in name order) and the
// installed version of each given package. Used by the content check's parse cache, the
// search index's shards and the preview images.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `paths` and `packages` are relative to `root` and its node_modules/. */
export function codeDigest(root: string, paths: readonly string[], packages: readonly string[] = []): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    const full = join(root, path);
    if (!existsSync(full)) hash.update(`\0${path}\0missing`);
    else if (statSync(full).isDirectory()) for (const name of readdirSync(full).sort()) add(join(path, name));
    else hash.update(`\0${path}\0`).update(readFileSync(full));
  };
  for (const path of paths) add(path);
  for (const name of packages) {
    const manifest = join(root, 'node_modules', name, 'package.json');
    hash.update(`\0${name}@${existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : 'missing'}`);
  }
  return hash.digest('base64url').slice(0, 16);
}
