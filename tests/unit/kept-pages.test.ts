// dist/ between builds (integrations/kept-pages.ts): emptied at the start but for the pages
// the previous build recorded as reusable, and those removed at the end if this build did
// not produce them. tests/build/incremental.test.ts holds the whole rebuild to a clean build.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { emptyAllBut, removeUnproduced, reusableOutputs } from '../../integrations/kept-pages.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kept-pages-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (path: string, text = path) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};

describe('the previous build’s reusable pages', () => {
  test('are read from every route’s paths in Astro’s record', () => {
    const manifest = join(dir, 'incremental-build.json');
    writeFileSync(
      manifest,
      JSON.stringify({
        version: 1,
        routes: {
          'src/pages/authorities/[id].astro': { paths: { '/authorities/leeds/': { cacheKey: 'a', outputFile: 'authorities/leeds/index.html' } } },
          'src/pages/og/[...path].png.ts': { paths: { '/og/a%20b.png': { cacheKey: 'b', outputFile: 'og/a%20b.png' } } },
        },
      }),
    );
    expect([...reusableOutputs(manifest)].sort()).toEqual(['authorities/leeds/index.html', 'og/a b.png']);
  });

  test('are none when there is no record, or it does not parse', () => {
    expect(reusableOutputs(join(dir, 'missing.json')).size).toBe(0);
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(reusableOutputs(join(dir, 'broken.json')).size).toBe(0);
  });
});

describe('emptying dist/', () => {
  test('deletes everything but the reusable pages, and the folders left empty', () => {
    write('authorities/leeds/index.html');
    write('authorities/index.html');
    write('_astro/old.abc123.js');
    write('pagefind/fragment/x.pf_fragment');
    write('judgements/all/index.html');
    const kept = emptyAllBut(dir, new Set(['authorities/leeds/index.html', 'documents/gone/index.html']));
    expect(kept).toEqual(['authorities/leeds/index.html']);
    expect(readFileSync(join(dir, 'authorities/leeds/index.html'), 'utf8')).toBe('authorities/leeds/index.html');
    for (const gone of ['authorities/index.html', '_astro', 'pagefind', 'judgements']) expect(existsSync(join(dir, gone)), gone).toBe(false);
  });

  test('spares a .git folder, as Astro does', () => {
    write('.git/HEAD');
    write('index.html');
    emptyAllBut(dir, new Set());
    expect(existsSync(join(dir, '.git/HEAD'))).toBe(true);
    expect(existsSync(join(dir, 'index.html'))).toBe(false);
  });

  test('of a dist/ that does not exist keeps nothing and fails nothing', () => {
    expect(emptyAllBut(join(dir, 'none'), new Set(['index.html']))).toEqual([]);
  });
});

describe('after the build', () => {
  test('a kept page this build did not produce is removed; one it produced stays', () => {
    write('documents/a/index.html');
    write('documents/b/index.html');
    const gone = removeUnproduced(dir, ['documents/a/index.html', 'documents/b/index.html'], new Set([join(dir, 'documents/a/index.html')]));
    expect(gone).toEqual(['documents/b/index.html']);
    expect(existsSync(join(dir, 'documents/a/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'documents/b'))).toBe(false);
  });
});
