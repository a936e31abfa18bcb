// A rebuild after one entry changes and another is removed keeps the pages it did not touch
// from the previous build (Astro's incremental build, keyed by src/lib/cache-keys.ts, with
// dist/ not emptied: integrations/kept-pages.ts), and the site it gives is exactly the site a
// clean build of the same content gives: a key that missed something a page shows would leave
// a stale page, a page no longer built would be left behind, and this test would name either.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT, makeSiteCopy, type SiteCopy } from '../support/site-copy.ts';
import { listFiles } from '../support/built-site.ts';

const copies: SiteCopy[] = [];
afterAll(() => copies.forEach((c) => c.remove()));

/** The repository's content/, as files a site copy can be given (and edited). */
function repositoryContent(): Record<string, string> {
  const files = listFiles(join(ROOT, 'content'), '');
  return Object.fromEntries(files.map((f) => [relative(ROOT, f), readFileSync(f, 'utf8')]));
}

// The edit: Leeds's 2025 overall effectiveness grade becomes good (frontmatter, evidence
// and the report's table together). It shows on the document page, on Leeds's page and
// its preview image, on its neighbours' pages and comparisons (their neighbour grades),
// and in the tables and map.
const EDITED = 'content/documents/ofsted/leeds/2025-08-12.md';
const ROW = 'Overall effectiveness';
// A body-only edit: a sentence added to Cornwall's 2019 report. Only its own page shows its
// text; Cornwall's page and its neighbours' show its frontmatter, so they are reused.
const BODY_EDITED = 'content/documents/ofsted/cornwall/2019-11-05.md';
const ADDED_SENTENCE = '\nThis sentence was added to test a rebuild after a change to the text alone.\n';

// Removed: Barnet's 2021 focused-visit letter; its page and preview image must go from dist/.
const REMOVED = 'content/documents/ofsted-letters/barnet/2021-08-02.md';
const REMOVED_PAGE = 'documents/ofsted-letters/barnet/2021-08-02/index.html';

function edit(text: string): string {
  return text
    .replace(`grade: "outstanding"\n        evidence: "${ROW} | Outstanding"`, `grade: "good"\n        evidence: "${ROW} | Good"`)
    .replace(/^(\| Overall effectiveness +\| )Outstanding \|$/m, '$1Good        |');
}

function distHashes(copy: SiteCopy): Map<string, string> {
  const dist = join(copy.dir, 'dist');
  return new Map(listFiles(dist, '').map((f) => [relative(dist, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

function build(copy: SiteCopy): string {
  const result = copy.build();
  if (result.status !== 0) throw new Error(result.output.slice(-3000));
  return result.output;
}

test('a rebuild after an edit and a removal reuses the untouched pages and equals a clean build, byte for byte', () => {
  const content = repositoryContent();
  expect(content[REMOVED]).toBeDefined();
  const edited = edit(content[EDITED]!);
  expect(edited).not.toBe(content[EDITED]);
  expect(edited).toContain(`evidence: "${ROW} | Good"`);
  expect(edited).toMatch(/^\| Overall effectiveness +\| Good +\|$/m);

  const incremental = makeSiteCopy(content);
  copies.push(incremental);
  build(incremental);
  const before = distHashes(incremental);
  expect(before.has(REMOVED_PAGE)).toBe(true);

  // A rebuild with nothing changed leaves every file as it was.
  build(incremental);
  expect(distHashes(incremental)).toEqual(before);

  writeFileSync(join(incremental.dir, EDITED), edited);
  writeFileSync(join(incremental.dir, BODY_EDITED), content[BODY_EDITED] + ADDED_SENTENCE);
  rmSync(join(incremental.dir, REMOVED));
  const log = build(incremental);
  const rebuilt = distHashes(incremental);

  const withoutRemoved = Object.fromEntries(Object.entries(content).filter(([file]) => file !== REMOVED));
  const clean = makeSiteCopy({ ...withoutRemoved, [EDITED]: edited, [BODY_EDITED]: content[BODY_EDITED] + ADDED_SENTENCE });
  copies.push(clean);
  build(clean);
  const expected = distHashes(clean);

  // Pages Astro copied rather than rendered say so in the build log.
  const lines = log.split('\n').filter((l) => l.includes('├─'));
  const reused = lines.filter((l) => /\((cached|restored)\)/.test(l));
  // A rendered page's line ends with its render time: "├─ /authorities/leeds/index.html (+8ms)".
  const rendered = (path: string) => lines.some((l) => l.includes(`├─ ${path} (+`));
  console.log(`incremental rebuild: ${reused.length} of ${lines.length} routes reused, ${expected.size} files compared`);
  expect(reused.length).toBeGreaterThan(lines.length / 2);
  expect(rendered('/documents/ofsted/leeds/2025-08-12/index.html')).toBe(true);
  expect(rendered('/authorities/leeds/index.html')).toBe(true);
  expect(rendered('/documents/ofsted/cornwall/2019-11-05/index.html')).toBe(true);
  expect(rendered('/authorities/cornwall/index.html')).toBe(false);
  expect(rebuilt.get('documents/ofsted/cornwall/2019-11-05/index.html')).not.toBe(before.get('documents/ofsted/cornwall/2019-11-05/index.html'));
  // The search index: the shards holding no page that changed come from the cache
  // (integrations/search-index.ts); Leeds's documents and the authority pages are indexed again.
  const shards = /Search index: \d+ pages in (\d+) shards \((\d+) unchanged/.exec(log);
  expect(shards, 'search index line in the build log').not.toBeNull();
  expect(Number(shards![2])).toBeGreaterThan(0);
  expect(Number(shards![2])).toBeLessThanOrEqual(Number(shards![1]) - 2);
  expect(rebuilt.get('pagefind/shards.json')).toBe(expected.get('pagefind/shards.json'));
  // Pages of authorities that have Leeds among their statistical neighbours show its grade.
  const showingLeeds = (JSON.parse(content['content/authorities.json']!) as { id: string; statistical_neighbours: string[] }[])
    .filter((a) => a.statistical_neighbours.includes('leeds'))
    .map((a) => a.id);
  expect(showingLeeds.length).toBeGreaterThan(0);
  for (const id of showingLeeds) {
    expect(rendered(`/authorities/${id}/index.html`), id).toBe(true);
    expect(rebuilt.get(`authorities/${id}/index.html`), id).not.toBe(before.get(`authorities/${id}/index.html`));
  }

  // The edit reached the pages that show it, and the rebuild is the clean build.
  expect(rebuilt.get('documents/ofsted/leeds/2025-08-12/index.html')).not.toBe(before.get('documents/ofsted/leeds/2025-08-12/index.html'));
  expect(rebuilt.get('authorities/leeds/index.html')).not.toBe(before.get('authorities/leeds/index.html'));
  expect(rebuilt.get('authorities/leeds/feed.xml')).not.toBe(before.get('authorities/leeds/feed.xml'));
  expect(rebuilt.has(REMOVED_PAGE)).toBe(false);
  expect(log).toMatch(/\[kept-pages\] [1-9]\d* pages of an earlier build that this one did not produce removed from dist\//);
  // Pages Astro reused stayed in dist/ rather than being copied back from its cache.
  expect(lines.filter((l) => l.includes('(cached)')).length).toBeGreaterThan(lines.length / 2);
  expect([...rebuilt.keys()].sort()).toEqual([...expected.keys()].sort());
  const stale = [...expected].filter(([file, hash]) => rebuilt.get(file) !== hash).map(([file]) => file);
  expect(stale).toEqual([]);
});
