// dist/ between builds (integrations/kept-pages.ts): not emptied, and at the end of a build
// every file it neither wrote nor kept is removed. tests/build/incremental.test.ts holds the
// whole rebuild to a clean build.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { removeUnproduced } from '../../integrations/kept-pages.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kept-pages-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (path: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), path);
};

describe('at the end of a build', () => {
  test('a file written before the build that it did not produce is removed, with its folders left empty', () => {
    write('documents/gone/index.html');
    write('_astro/old.abc123.js');
    write('authorities/leeds/index.html');
    const startedAt = Date.now() + 10_000;
    const gone = removeUnproduced(dir, new Set([join(dir, 'authorities/leeds/index.html')]), startedAt);
    expect(gone.sort()).toEqual(['_astro/old.abc123.js', 'documents/gone/index.html']);
    expect(existsSync(join(dir, 'authorities/leeds/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'documents'))).toBe(false);
    expect(existsSync(join(dir, '_astro'))).toBe(false);
  });

  test('a file written during the build stays, though no route lists it (assets, the sitemap)', () => {
    const startedAt = Date.now() - 5_000;
    write('_astro/new.def456.js');
    write('sitemap-index.xml');
    expect(removeUnproduced(dir, new Set(), startedAt)).toEqual([]);
    expect(existsSync(join(dir, '_astro/new.def456.js'))).toBe(true);
  });

  test('a file changed only a moment before the start is taken as the build’s own (the file clock lags)', () => {
    write('index.html');
    expect(removeUnproduced(dir, new Set(), Date.now() + 100)).toEqual([]);
  });

  test('leaves alone the folders another integration owns, and .git', () => {
    write('pagefind/pagefind-entry.json');
    write('pagefind-other/x.json');
    write('.git/HEAD');
    expect(removeUnproduced(dir, new Set(), Date.now() + 10_000, ['pagefind'])).toEqual(['pagefind-other/x.json']);
    expect(existsSync(join(dir, 'pagefind/pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(dir, '.git/HEAD'))).toBe(true);
  });

  test('sweeps only the files selected (the pages first, the rest after the sitemap and _headers are written)', () => {
    write('documents/gone/index.html');
    write('og/documents/gone.png');
    const startedAt = Date.now() + 10_000;
    expect(removeUnproduced(dir, new Set(), startedAt, [], (f) => f.endsWith('.html'))).toEqual(['documents/gone/index.html']);
    expect(existsSync(join(dir, 'og/documents/gone.png'))).toBe(true);
    expect(removeUnproduced(dir, new Set(), startedAt, [], (f) => !f.endsWith('.html'))).toEqual(['og/documents/gone.png']);
  });

  test('of a dist/ that does not exist removes nothing and fails nothing', () => {
    expect(removeUnproduced(join(dir, 'none'), new Set(), Date.now())).toEqual([]);
  });
});
