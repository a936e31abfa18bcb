// The search index (integrations/search-index.ts) on a two-authority site with one document:
// a page the build did not write fails the index, naming the page; so does a document its
// worker cannot read; a complete site gets a shard per region with documents, listed in
// shards.json, and a second run reuses them all, but for the shard of a document whose body
// was edited.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { finishSearchIndex, startSearchIndex } from '../../integrations/search-index.ts';
import { checkContent } from '../../integrations/content-checks.ts';
import { entryText, siteFiles, validDocument } from '../build/fixtures.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A project of its own (content and .cache/search-index) for each test. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'search-index-'));
  roots.push(root);
  for (const [file, text] of Object.entries(siteFiles({ 'ofsted/north-tyneside/2022-03-01.md': entryText(validDocument()) }))) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}
const DOCUMENT_PAGE = '/documents/ofsted/north-tyneside/2022-03-01/';

function writePage(dist: string, url: string, heading: string) {
  mkdirSync(join(dist, url), { recursive: true });
  writeFileSync(join(dist, url, 'index.html'), `<!DOCTYPE html><html lang="en-GB"><head><title>${heading}</title></head><body><main><h1>${heading}</h1></main></body></html>`);
}

const index = (root: string, dist: string) => finishSearchIndex(root, dist, startSearchIndex(root, checkContent(root).entries));

test('a page the build did not write fails the index, and the message names it', async () => {
  const root = project();
  const dist = join(root, 'dist');
  writePage(dist, '/authorities/brent/', 'Brent');
  const failed = index(root, dist);
  await expect(failed).rejects.toThrow(/^Search index failed:/);
  await expect(failed).rejects.toThrow(`${DOCUMENT_PAGE}: indexed, but the build wrote no page there`);
  await expect(failed).rejects.toThrow('/authorities/north-tyneside/: no page with a <main> element to index');
});

test('a document the index cannot read fails it, and the message names the shard and the file', async () => {
  const root = project();
  const dist = join(root, 'dist');
  for (const [url, heading] of [['/authorities/brent/', 'Brent'], ['/authorities/north-tyneside/', 'North Tyneside'], [DOCUMENT_PAGE, 'Inspection']]) writePage(dist, url!, heading!);
  const started = startSearchIndex(root, checkContent(root).entries);
  // Gone before the worker reads it (the worker is started after this synchronous step).
  rmSync(join(root, 'content/documents/ofsted/north-tyneside/2022-03-01.md'));
  await expect(finishSearchIndex(root, dist, started)).rejects.toThrow(/^Search index failed:\ndocuments-north-east: ENOENT.*ofsted\/north-tyneside\/2022-03-01\.md/);
});

test('each region with documents gets its shard, listed for the search page; a second run reuses every shard', async () => {
  const root = project();
  const dist = join(root, 'dist');
  writePage(dist, '/authorities/brent/', 'Brent');
  writePage(dist, '/authorities/north-tyneside/', 'North Tyneside');
  writePage(dist, DOCUMENT_PAGE, 'Inspection of North Tyneside');
  const first = await index(root, dist);
  expect(first).toMatchObject({ pages: 3, shards: 2, reused: 0 });
  expect(JSON.parse(readFileSync(join(dist, 'pagefind/shards.json'), 'utf8'))).toEqual(['/pagefind/documents-north-east/']);
  expect(existsSync(join(dist, 'pagefind/pagefind-entry.json'))).toBe(true);
  expect(existsSync(join(dist, 'pagefind/documents-north-east/pagefind-entry.json'))).toBe(true);
  // A merged shard carries its data only: the search page loads the primary's script.
  expect(existsSync(join(dist, 'pagefind/documents-north-east/pagefind.js'))).toBe(false);

  const second = await index(root, dist);
  expect(second).toMatchObject({ pages: 3, shards: 2, reused: 2 });

  // Only the body changes: the document's shard is indexed again, and finds the new words.
  const file = join(root, 'content/documents/ofsted/north-tyneside/2022-03-01.md');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nPostscript about zanzibarian fostering.\n`);
  const third = await index(root, dist);
  expect(third).toMatchObject({ pages: 3, shards: 2, reused: 1 });
  expect(indexedWords(join(dist, 'pagefind/documents-north-east'))).toContain('zanzibarian');
});

/** The words of a Pagefind index, as its gzipped index chunks hold them. */
function indexedWords(shard: string): string {
  const chunks = readdirSync(join(shard, 'index')).map((name) => gunzipSync(readFileSync(join(shard, 'index', name))).toString('latin1'));
  return chunks.join('\n');
}
