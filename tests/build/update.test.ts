// `npm run update` end to end, against a stand-in for Ofsted's reports site and file
// server on 127.0.0.1 (tests/support/ofsted-site-server.ts) and a temporary copy of
// content/ (never the real one): the provider pages of tests/fixtures/ofsted-reports-site/,
// real PDFs read from ../shared/corpus at test time, and one fault of each kind. A dry run
// lists exactly the recorded new items; a real run imports the good ones and leaves
// content/ untouched for every item that failed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, pdf, startFakeSite, status, type Answer, type FakeSite } from '../support/ofsted-site-server.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'tests/fixtures/ofsted-reports-site');
const CORPUS = join(ROOT, '../shared/corpus');
const fixture = (name: string) => html(readFileSync(join(FIXTURES, name), 'utf8'));
const corpusPdf = (path: string) => pdf(new Uint8Array(readFileSync(join(CORPUS, path))));

/** The newest Ofsted document (report or letter) the copy holds for each fixture authority: later entries are removed from the copy. */
const HELD_UNTIL: Record<string, string> = {
  leeds: '2022-05-09',
  bristol: '2023-03-10',
  solihull: '2026-01-12',
  calderdale: '2024-05-15',
  derbyshire: '2024-01-12',
  dudley: '2023-01-13',
  'east-sussex': '2024-02-06',
  essex: '2023-08-11',
};

/** What the recorded pages list after those dates: reports and focused-visit letters. */
const NEW_ITEMS = [
  'bristol: "Children\'s services focused visit" listed 2026-01-12, https://files.ofsted.gov.uk/v1/file/59990201',
  'calderdale: "Children\'s services focused visit" listed 2025-05-20, https://files.ofsted.gov.uk/v1/file/59990401',
  'derbyshire: "Children\'s services focused visit" listed 2025-06-09, https://files.ofsted.gov.uk/v1/file/59990501',
  'dudley: "Children\'s services focused visit" listed 2025-11-20, https://files.ofsted.gov.uk/v1/file/59990601',
  'east-sussex: "Children\'s services focused visit" listed 2025-09-01, https://files.ofsted.gov.uk/v1/file/59990701',
  'essex: "Children\'s services focused visit" listed 2025-02-14, https://files.ofsted.gov.uk/v1/file/59990901',
  'leeds: "Children\'s services inspection" listed 2025-08-12, https://files.ofsted.gov.uk/v1/file/50284438',
];

const PAGE_FAULTS = [
  /^ {2}barnsley: provider page, http:\/\/127\.0\.0\.1:\d+\/provider\/44\/80426: not found \(HTTP 404\) \(not retried: another try would get the same answer\); nothing checked for this authority$/,
  /^ {2}bolton: provider page, http:\/\/127\.0\.0\.1:\d+\/provider\/44\/80432: timed out after 0\.5 s \(gave up after 3 tries\); nothing checked for this authority$/,
  /^ {2}cambridgeshire: provider page, http:\/\/127\.0\.0\.1:\d+\/provider\/44\/80445: no publication list found \(no <a class="publication-link"> on the page\): the page’s layout may have changed; not read as "nothing new"$/,
];

const PDF_FAULTS = [
  /^ {2}derbyshire: focused-visit letter listed 2025-06-09, https:\/\/files\.ofsted\.gov\.uk\/v1\/file\/59990501: download not found \(HTTP 404\) \(not retried: another try would get the same answer\); nothing written$/,
  /^ {2}dudley: focused-visit letter listed 2025-11-20, https:\/\/files\.ofsted\.gov\.uk\/v1\/file\/59990601: the server sent an HTML page, not a PDF \("Service unavailable"\); nothing written$/,
  /^ {2}east-sussex: focused-visit letter listed 2025-09-01, https:\/\/files\.ofsted\.gov\.uk\/v1\/file\/59990701: download timed out after 0\.5 s \(gave up after 3 tries\); nothing written$/,
  // A PDF cut short but served whole (status 200, no error): it starts %PDF, so only the importer can tell.
  /^ {2}essex: focused-visit letter listed 2025-02-14, https:\/\/files\.ofsted\.gov\.uk\/v1\/file\/59990901: downloaded to \S+\/80468-essex\/2025-02-14\.pdf, but the importer could not read it: .+; content\/ untouched$/,
];

let site: FakeSite;
let work: string;
let out: string;

function routes(): Map<string, Answer[]> {
  return new Map<string, Answer[]>([
    ['/provider/44/80481', [fixture('provider-80481-leeds.html')]],
    ['/provider/44/80441', [fixture('provider-80441-bristol.html')]],
    ['/provider/44/80554', [fixture('provider-80554-solihull.html')]],
    // Two server errors, then the page: a retry helps.
    ['/provider/44/80444', [status(503), status(502), fixture('provider-80444-calderdale.html')]],
    ['/provider/44/80460', [fixture('provider-80460-derbyshire.html')]],
    ['/provider/44/80464', [fixture('provider-80464-dudley.html')]],
    ['/provider/44/80467', [fixture('provider-80467-east-sussex.html')]],
    ['/provider/44/80468', [fixture('provider-80468-essex.html')]],
    ['/provider/44/80445', [fixture('provider-80445-cambridgeshire-changed-layout.html')]],
    ['/provider/44/80432', ['hang']],
    ['/provider/44/80426', [status(404, '<!DOCTYPE html><title>Page not found</title>')]],
    ['/v1/file/50284438', [corpusPdf('ofsted-reports/80481-leeds/2025-08-12.pdf')]],
    ['/v1/file/59990201', [corpusPdf('ofsted-letters/80441-bristol/2026-01-12.pdf')]],
    ['/v1/file/59990401', [corpusPdf('ofsted-letters/80444-calderdale/2025-05-20.pdf')]],
    ['/v1/file/59990601', [{ status: 200, type: 'application/pdf', body: '<!DOCTYPE html><html><head><title>Service unavailable</title></head><body>Try later</body></html>' }]],
    ['/v1/file/59990701', ['hang']],
    ['/v1/file/59990901', [pdf(new Uint8Array(readFileSync(join(CORPUS, 'ofsted-letters/80468-essex/2025-02-14.pdf'))).subarray(0, 2000))]],
  ]);
}

/** Every file under a folder with its digest, by path from the folder. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return files;
}

function run(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/update.ts'), '--out', out, '--timeout', '0.5', '--backoff', '0.02', ...args], {
      cwd: ROOT,
      env: { ...process.env, OFSTED_REPORTS_URL: site.url, OFSTED_FILES_URL: site.url, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ status: code, stdout, stderr }));
  });
}

/** The lines of one section of the report ("would add", "skipped", "failed"). */
function section(stdout: string, name: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${name} (`));
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => !l.startsWith('  '));
  return rest.slice(0, end < 0 ? rest.length : end);
}

beforeAll(async () => {
  mkdirSync(join(ROOT, 'tests/.tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, 'tests/.tmp/update-'));
  out = join(work, 'site');
  cpSync(join(ROOT, 'content'), join(out, 'content'), { recursive: true });
  for (const [id, until] of Object.entries(HELD_UNTIL)) {
    for (const kind of ['ofsted', 'ofsted-letters']) {
      const folder = join(out, 'content/documents', kind, id);
      if (!existsSync(folder)) continue;
      for (const name of readdirSync(folder)) if (name.replace(/\.md$/, '') > until) rmSync(join(folder, name));
    }
  }
  site = await startFakeSite(routes(), (path) => (path.startsWith('/provider/44/') ? fixture('provider-quiet.html') : undefined));
});

afterAll(async () => {
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run update', () => {
  it('--dry-run lists exactly the recorded new items, the skipped and the faults, and writes nothing', async () => {
    const before = snapshot(out);
    const result = await run(['--dry-run']);
    expect(result.status, result.stderr).toBe(1);
    expect(section(result.stdout, 'would add').map((l) => l.trim()).sort()).toEqual(NEW_ITEMS);
    expect(section(result.stdout, 'skipped')).toEqual([
      '  solihull: "Children\'s services monitoring visit" listed 2026-05-14: a "Children\'s services monitoring visit", neither an inspection report nor a focused-visit letter',
    ]);
    const failed = section(result.stdout, 'failed');
    expect(failed).toHaveLength(PAGE_FAULTS.length);
    for (const pattern of PAGE_FAULTS) expect(failed.some((l) => pattern.test(l)), `${pattern}\n${failed.join('\n')}`).toBe(true);
    expect(result.stdout).toMatch(/^153 authorities checked; 142 with nothing listed since the newest document held; dry run: nothing downloaded or written$/m);
    expect(snapshot(out)).toEqual(before);
    expect([...site.hits.keys()].filter((p) => p.startsWith('/v1/file/'))).toEqual([]);
  });

  it('--authority limits it to one council', async () => {
    const result = await run(['--dry-run', '--authority', 'leeds']);
    expect(result.status, result.stderr).toBe(0);
    expect(section(result.stdout, 'would add').map((l) => l.trim())).toEqual([NEW_ITEMS[6]]);
    expect(result.stdout).toMatch(/^1 authorities checked; 0 with nothing listed/m);
    const unknown = await run(['--dry-run', '--authority', 'atlantis']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no authority with id "atlantis"');
  });

  it('imports the new report and letters, reports each fault, and leaves content/ untouched for every failed item', async () => {
    site.hits.clear();
    const into = join(work, 'downloads');
    const before = snapshot(out);
    const result = await run(['--into', into]);
    expect(result.status, result.stderr).toBe(1);

    expect(section(result.stdout, 'added')).toEqual([
      expect.stringMatching(/^ {2}bristol: "Children's services focused visit" listed 2026-01-12: content\/documents\/ofsted-letters\/bristol\/2026-01-12\.md/),
      expect.stringMatching(/^ {2}calderdale: "Children's services focused visit" listed 2025-05-20: content\/documents\/ofsted-letters\/calderdale\/2025-05-20\.md/),
      expect.stringMatching(/^ {2}leeds: "Children's services inspection" listed 2025-08-12: content\/documents\/ofsted\/leeds\/2025-08-12\.md/),
    ]);
    const failed = section(result.stdout, 'failed');
    expect(failed).toHaveLength(PAGE_FAULTS.length + PDF_FAULTS.length);
    for (const pattern of [...PAGE_FAULTS, ...PDF_FAULTS]) expect(failed.some((l) => pattern.test(l)), `${pattern}\n${failed.join('\n')}`).toBe(true);

    // content/: the three new entries, and not one other byte changed.
    const after = snapshot(out);
    const added = [...after.keys()].filter((k) => !before.has(k)).sort();
    expect(added).toEqual([
      'content/documents/ofsted-letters/bristol/2026-01-12.md',
      'content/documents/ofsted-letters/calderdale/2025-05-20.md',
      'content/documents/ofsted/leeds/2025-08-12.md',
    ]);
    for (const [path, digest] of before) expect(after.get(path), path).toBe(digest);

    // The downloads: complete PDFs, the same bytes as served, and no partial file anywhere.
    // The cut-short PDF is kept for a person to look at; it was never imported.
    expect([...snapshot(into).keys()].sort()).toEqual([
      '80441-bristol/2026-01-12.pdf',
      '80444-calderdale/2025-05-20.pdf',
      '80468-essex/2025-02-14.pdf',
      '80481-leeds/2025-08-12.pdf',
    ]);
    expect(readFileSync(join(into, '80481-leeds/2025-08-12.pdf')).equals(readFileSync(join(CORPUS, 'ofsted-reports/80481-leeds/2025-08-12.pdf')))).toBe(true);
    expect([...snapshot(work).keys()].filter((k) => /\.(part|tmp)$/.test(k))).toEqual([]);

    // Retried where it helps, once where it cannot.
    expect(site.hits.get('/provider/44/80444')).toBe(3);
    expect(site.hits.get('/provider/44/80432')).toBe(3);
    expect(site.hits.get('/v1/file/59990701')).toBe(3);
    expect(site.hits.get('/provider/44/80426')).toBe(1);
    expect(site.hits.get('/v1/file/59990501')).toBe(1);
    expect(site.hits.get('/v1/file/59990601')).toBe(1);
  });

  it('writes entries that say where they came from, with the grades the committed entry has', () => {
    const read = (path: string) => parseYaml(readFileSync(path, 'utf8').split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, any>;
    const imported = read(join(out, 'content/documents/ofsted/leeds/2025-08-12.md'));
    const committed = read(join(ROOT, 'content/documents/ofsted/leeds/2025-08-12.md'));
    expect(imported.source).toMatchObject({ url: 'https://files.ofsted.gov.uk/v1/file/50284438', listed_date: '2025-08-12', file: '80481-leeds/2025-08-12.pdf' });
    expect(imported.inspections[0].judgements).toEqual(committed.inspections[0].judgements);

    const letter = read(join(out, 'content/documents/ofsted-letters/bristol/2026-01-12.md'));
    expect(letter).toMatchObject({ kind: 'ofsted_letter', authority: 'bristol', date: '2026-01-12' });
    expect(letter.source).toMatchObject({ url: 'https://files.ofsted.gov.uk/v1/file/59990201', listed_date: '2026-01-12' });
    expect(letter.inspections[0]).toMatchObject({ type: 'focused_visit', start: '2025-12-03', end: '2025-12-04' });
  });

  it('run again, finds nothing new where it added, and still reports the faults', async () => {
    const result = await run(['--into', join(work, 'downloads')]);
    expect(section(result.stdout, 'added')).toEqual([]);
    expect(section(result.stdout, 'failed')).toHaveLength(PAGE_FAULTS.length + PDF_FAULTS.length);
  });
});
