// Two clean builds of the same commit are byte-identical, even in different time zones
// and locales: nothing in the output depends on when or where it was built.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { makeSiteCopy, type SiteCopy } from '../support/site-copy.ts';
import { listFiles } from '../support/built-site.ts';

const copies: SiteCopy[] = [];
afterAll(() => copies.forEach((c) => c.remove()));

function buildAndHash(env: Record<string, string>): Map<string, string> {
  const copy = makeSiteCopy({}, { repositoryContent: true });
  copies.push(copy);
  const result = copy.build(env);
  if (result.status !== 0) throw new Error(result.output.slice(-3000));
  const dist = `${copy.dir}/dist`;
  return new Map(listFiles(dist, '').map((f) => [relative(dist, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

test('two clean builds are byte-identical', () => {
  const first = buildAndHash({ TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
  const second = buildAndHash({ TZ: 'Pacific/Kiritimati', LANG: 'en_GB.UTF-8', LC_ALL: 'en_GB.UTF-8' });
  console.log(`reproducible build: ${first.size} files compared`);
  expect(first.size).toBeGreaterThan(10);
  expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
  const differing = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
  expect(differing).toEqual([]);
});
