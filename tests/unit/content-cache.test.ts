// The build's content check keeps each entry's frontmatter and problems in
// .cache/content-check.json: an entry whose file is unchanged is taken from there, and the
// check then reports exactly what it reports without a cache; an edited entry, or any entry
// after content/authorities.json changed, is parsed and checked again.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT } from '../../src/lib/content-files.ts';
import { checkContent } from '../../integrations/content-checks.ts';

const root = mkdtempSync(join(tmpdir(), 'content-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const cacheFile = join(root, '.cache/content-check.json');
const LEEDS = 'content/documents/ofsted/leeds/2025-08-12.md';
const SEED = 'content/documents/ofsted/leeds/2015-03-27.md';
const AUTHORITIES = 'content/authorities.json';
const cached = () => checkContent(root, cacheFile);
const uncached = () => checkContent(root);

test('unchanged entries come from the cache as they were checked; an edited entry is checked again', () => {
  for (const file of [LEEDS, SEED, AUTHORITIES]) cpSync(join(ROOT, file), join(root, file));
  const first = cached();
  expect(first.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(first.entries.map((e) => e.file)).toEqual([SEED, LEEDS]);
  expect(JSON.parse(readFileSync(cacheFile, 'utf8')).files[LEEDS].data.authority).toBe('leeds');

  // A second check, nothing changed: the same result, equal to an uncached check.
  expect(cached()).toEqual(first);
  expect(cached()).toEqual(uncached());

  // An edit that breaks a grade is seen, with file and field, though the file was cached.
  const text = readFileSync(join(root, LEEDS), 'utf8');
  writeFileSync(join(root, LEEDS), text.replace(/grade: "outstanding"/, 'grade: "excellent"'));
  const badGrade = cached();
  expect(badGrade.entries.map((e) => e.file)).toEqual([SEED]);
  expect(badGrade.problems).toContainEqual(expect.objectContaining({ severity: 'error', file: LEEDS, field: expect.stringMatching(/^inspections\.0\.judgements\.\w+\.grade$/) }));
  // A broken entry is cached with its problems: checked again unchanged, it is still broken.
  expect(cached()).toEqual(badGrade);
  expect(cached()).toEqual(uncached());

  // An edit to the body alone that loses a graded sentence is seen too.
  const bodyStart = text.indexOf('\n---', 4) + 4;
  writeFileSync(join(root, LEEDS), text.slice(0, bodyStart) + text.slice(bodyStart).replaceAll('Overall effectiveness', 'Overall'));
  expect(cached().problems).toContainEqual(expect.objectContaining({ severity: 'error', file: LEEDS, field: expect.stringMatching(/\.evidence$/) }));

  // Put right, it is checked again and valid.
  writeFileSync(join(root, LEEDS), text);
  expect(cached()).toEqual(first);
});

test('a change to the authorities checks every entry again', () => {
  for (const file of [LEEDS, SEED, AUTHORITIES]) cpSync(join(ROOT, file), join(root, file));
  const first = cached();
  const authorities = readFileSync(join(root, AUTHORITIES), 'utf8');
  const withoutLeeds = (JSON.parse(authorities) as { id: string }[]).filter((a) => a.id !== 'leeds');
  writeFileSync(join(root, AUTHORITIES), JSON.stringify(withoutLeeds));
  const unknown = cached().problems.filter((p) => p.severity === 'error' && p.field === 'authority');
  expect(unknown.map((p) => p.file)).toEqual([SEED, LEEDS]);
  writeFileSync(join(root, AUTHORITIES), authorities);
  expect(cached()).toEqual(first);
});
