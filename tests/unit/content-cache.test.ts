// The build's content check keeps parsed entries in .cache/content-check.json: an entry
// whose file is unchanged is taken from there, an edited one is parsed and checked again.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT, readDocuments } from '../../scripts/lib/entries.ts';

const root = mkdtempSync(join(tmpdir(), 'content-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const cacheFile = join(root, '.cache/content-check.json');
const LEEDS = 'content/documents/ofsted/leeds/2025-08-12.md';
const SEED = 'content/documents/ofsted/leeds/2015-03-27.md';

test('unchanged entries come from the cache as they were read; an edited entry is read again', () => {
  for (const file of [LEEDS, SEED]) cpSync(join(ROOT, file), join(root, file));
  const first = readDocuments(root, cacheFile);
  expect(first.problems).toEqual([]);
  expect(first.entries.map((e) => e.file).sort()).toEqual([SEED, LEEDS].sort());
  expect(JSON.parse(readFileSync(cacheFile, 'utf8')).files[LEEDS].data.authority).toBe('leeds');

  // A second read, nothing changed: the same entries, equal to an uncached read.
  expect(readDocuments(root, cacheFile)).toEqual(readDocuments(root));

  // An edit that breaks a grade is seen, with file and field, though the file was cached.
  const text = readFileSync(join(root, LEEDS), 'utf8');
  writeFileSync(join(root, LEEDS), text.replace(/grade: "outstanding"/, 'grade: "excellent"'));
  const edited = readDocuments(root, cacheFile);
  expect(edited.entries.map((e) => e.file)).toEqual([SEED]);
  expect(edited.problems).toEqual([expect.objectContaining({ severity: 'error', file: LEEDS, field: expect.stringMatching(/^inspections\.0\.judgements\.\w+\.grade$/) })]);
  // The broken entry is not cached: put right, it is read again and valid.
  writeFileSync(join(root, LEEDS), text);
  expect(readDocuments(root, cacheFile)).toEqual(readDocuments(root));
});
