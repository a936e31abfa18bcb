// The build checks the content in a worker thread (integrations/content-checks-worker.ts) while
// Astro syncs the content layer: the worker must report what the check on the main thread would,
// and a check that cannot run must come back as a reason, not as an unhandled rejection.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT } from '../../src/lib/content-files.ts';
import { checkContent, startContentCheck } from '../../integrations/content-checks.ts';

const root = mkdtempSync(join(tmpdir(), 'content-check-worker-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const LEEDS = 'content/documents/ofsted/leeds/2025-08-12.md';
const SEED = 'content/documents/ofsted/leeds/2015-03-27.md';

test('reports the same problems, files, frontmatter and digests as the check on the main thread', async () => {
  for (const file of [LEEDS, SEED, 'content/authorities.json']) cpSync(join(ROOT, file), join(root, file));
  writeFileSync(join(root, LEEDS), readFileSync(join(root, LEEDS), 'utf8').replace(/grade: "outstanding"/, 'grade: "excellent"'));
  const reply = await startContentCheck(root);
  if (!('checked' in reply)) throw new Error(`the worker failed: ${reply.failed}`);
  const direct = checkContent(root);
  expect(reply.checked.problems).toEqual(direct.problems);
  expect(reply.checked.problems).toContainEqual(expect.objectContaining({ severity: 'error', file: LEEDS }));
  expect(reply.checked.entries).toEqual(direct.entries);
  expect(reply.checked.entries.map((e) => e.file)).toEqual([SEED]);
});

test('a check that cannot run comes back as the reason', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'content-check-worker-empty-'));
  try {
    const reply = await startContentCheck(empty);
    expect(reply).toEqual({ failed: expect.stringMatching(/authorities\.json|ENOENT/) });
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
