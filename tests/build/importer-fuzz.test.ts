// The importer meets garbage: at least 200 mutated PDFs, random bytes, truncated files
// and odd text. Whatever it gets, it must not crash, must not show a stack trace, and
// must leave nothing half-written: every file it writes is a complete, valid entry.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ilacsReport, makePdf } from '../unit/importer/fixtures.ts';
import { parseEntry } from '../../src/lib/content-files.ts';
import { ROOT } from '../support/site-copy.ts';

let work: string;
beforeAll(() => {
  mkdirSync(join(ROOT, 'tests/.tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, 'tests/.tmp/fuzz-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A small seeded generator, so a failure can be reproduced. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), bytes: (n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)) };
}

function mutate(base: Uint8Array, rng: ReturnType<typeof random>): Uint8Array {
  const bytes = Uint8Array.from(base);
  switch (rng.int(5)) {
    case 0: // flip some bytes
      for (let i = 0, n = 1 + rng.int(60); i < n; i++) bytes[rng.int(bytes.length)] = rng.int(256);
      return bytes;
    case 1: // truncate
      return bytes.slice(0, rng.int(bytes.length));
    case 2: { // splice random bytes in
      const at = rng.int(bytes.length);
      return Uint8Array.from([...bytes.slice(0, at), ...rng.bytes(1 + rng.int(400)), ...bytes.slice(at)]);
    }
    case 3: { // zero a region
      const at = rng.int(bytes.length);
      bytes.fill(0, at, at + 1 + rng.int(2000));
      return bytes;
    }
    default: { // repeat a region
      const at = rng.int(bytes.length);
      const chunk = bytes.slice(at, at + 1 + rng.int(3000));
      return Uint8Array.from([...bytes.slice(0, at), ...chunk, ...chunk, ...bytes.slice(at)]);
    }
  }
}

const OTHER_TEXT = [
  'Arolygiad o wasanaethau plant yr awdurdod lleol. Mae’r awdurdod lleol yn dda.',
  'Inspection des services de l’enfance de l’autorité locale. Efficacité globale : bien.',
  'Inspektion der Kinderdienste der örtlichen Behörde. Gesamtwirksamkeit: gut.',
  '地方当局儿童服务检查。总体成效：良好。',
  '',
  ' \n\t\n ',
  'Overall effectiveness | Good\n'.repeat(5000),
  '\u0000\u0001\u0002\uFFFD\uD800',
];

test('at least 200 garbage and mutated inputs: no crash, no stack trace, nothing half-written', async () => {
  const rng = random(20261123);
  const { pages, footer } = ilacsReport({
    name: 'Norfolk',
    dates: '7 to 18 November 2022',
    rows: [
      [['The impact of leaders on social work', 'practice with children and families'], ['Good']],
      [['The experiences and progress of', 'children who need help and protection'], ['Requires improvement to be good']],
      [['The experiences and progress of', 'children in care and care leavers'], ['Good']],
      [['Overall effectiveness'], ['Good']],
    ],
  });
  const base = await makePdf(pages, { footer });
  const seed = readFileSync(join(ROOT, '../shared/seeds/000_9a8c5a2d8f3ccc7e.txt'));
  const inputs = join(work, 'inputs');
  mkdirSync(inputs);
  let count = 0;
  const add = (name: string, bytes: Uint8Array | string) => {
    writeFileSync(join(inputs, `${String(count++).padStart(3, '0')}-${name}`), bytes);
  };
  for (let i = 0; i < 130; i++) add('mutated.pdf', mutate(base, rng));
  for (let i = 0; i < 25; i++) add('random.pdf', rng.bytes(rng.int(6000)));
  for (let i = 0; i < 10; i++) add('header-then-noise.pdf', Uint8Array.from([...Buffer.from('%PDF-1.7\n'), ...rng.bytes(rng.int(4000))]));
  add('html-error-page.pdf', '<!DOCTYPE html><html><head><title>Report not found</title></head><body><h1>Report not found</h1></body></html>');
  add('empty.pdf', '');
  for (let i = 0; i < 20; i++) add('mutated-council-report.txt', mutate(seed, rng));
  OTHER_TEXT.forEach((text) => add('text.txt', text));
  for (let i = 0; i < 10; i++) add('binary.txt', rng.bytes(rng.int(3000)));
  expect(count).toBeGreaterThanOrEqual(200);

  const out = join(work, 'out');
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), inputs, '--out', out, '--date', '2023-01-13', '--jobs', '2'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 900_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  console.log(`importer fuzz: ${count} inputs, exit ${result.status}\n${output.split('\n').filter((l) => !/^\[\d+\/\d+\]/.test(l)).slice(0, 12).join('\n')}`);
  expect(result.signal).toBeNull();
  expect([0, 1]).toContain(result.status);
  expect(output).not.toMatch(/\n\s+at \S.*[(:]\d+/); // a stack frame
  expect(output).not.toMatch(/node:internal|TypeError|RangeError|ReferenceError|Unhandled/);
  // Every input gets an answer the user can read: imported, or failed with a reason.
  const unanswered = readdirSync(inputs).filter((name) => !output.includes(name));
  expect(unanswered).toEqual([]);

  const written = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  for (const file of written) {
    expect(file, 'only finished entries, no temporary files').toMatch(/\.md$/);
    const parsed = parseEntry(file, readFileSync(file, 'utf8'));
    expect(parsed.problems, file).toEqual([]);
  }
});
