// Builds a throwaway copy of the site with chosen content, for tests that need a build
// to fail (or pass) on fixtures. The copy shares node_modules and src/ by symlink; its
// content/ holds only what the test gives it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;
const TMP = join(ROOT, 'tests/.tmp');

export interface SiteCopy {
  dir: string;
  build(env?: Record<string, string>): { status: number; output: string };
  remove(): void;
}

/**
 * files: paths relative to the copy's root (e.g. "content/documents/x.md") → contents.
 * With `repositoryContent`, the copy uses the repository's own content/ instead.
 */
export function makeSiteCopy(files: Record<string, string>, options: { repositoryContent?: boolean } = {}): SiteCopy {
  mkdirSync(TMP, { recursive: true });
  const dir = mkdtempSync(join(TMP, 'site-'));
  const linked = ['node_modules', 'src', 'integrations', 'scripts', 'public', ...(options.repositoryContent ? ['content'] : [])];
  for (const name of linked) symlinkSync(join(ROOT, name), join(dir, name));
  for (const name of ['package.json', 'astro.config.mjs', 'tsconfig.json']) cpSync(join(ROOT, name), join(dir, name));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return {
    dir,
    build(env = {}) {
      const result = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        // The placeholder address unless the test gives SITE_URL (not the caller's own).
        env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`, NO_COLOR: '1', FORCE_COLOR: '0', SITE_URL: '', ...env },
      });
      return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
