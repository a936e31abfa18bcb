// The whole project type-checks in strict mode, .astro files included (astro check).
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { ROOT } from '../support/site-copy.ts';

test('astro check reports no errors', () => {
  const result = spawnSync(`${ROOT}node_modules/.bin/astro`, ['check'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PATH: `${ROOT}node_modules/.bin:${process.env.PATH}`, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const output = `${result.stdout}\n${result.stderr}`;
  const summary = /- (\d+) errors?/.exec(output);
  expect(summary, output.slice(-2000)).not.toBeNull();
  expect(Number(summary![1]), output.slice(-4000)).toBe(0);
  expect(result.status).toBe(0);
});
