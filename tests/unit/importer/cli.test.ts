// The command a user runs: bad input gives one plain line on stderr, a non-zero exit and
// nothing written; an existing entry is kept unless --force, and --force shows the diff.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ilacsReport, makePdf, Page } from './fixtures.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const TIMEOUT = 60_000;
let work: string;

beforeAll(() => {
  mkdirSync(join(ROOT, 'tests/.tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, 'tests/.tmp/cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder (empty when nothing was written). */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

async function textPdf(paragraphs: string[]): Promise<Uint8Array> {
  const page = new Page();
  for (const p of paragraphs) page.paragraph(p);
  return makePdf([page]);
}

async function encryptedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  page.drawText('Inspection of Norfolk local authority children’s services', { font: await pdf.embedFont(StandardFonts.Helvetica) });
  // A standard security handler whose user password is not empty: the document cannot be opened without it.
  const encrypt = pdf.context.obj({
    Filter: PDFName.of('Standard'),
    V: PDFNumber.of(1),
    R: PDFNumber.of(2),
    O: PDFHexString.of('7a'.repeat(32)),
    U: PDFHexString.of('3c'.repeat(32)),
    P: PDFNumber.of(-44),
  });
  pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of('0123456789abcdef0123456789abcdef'), PDFHexString.of('0123456789abcdef0123456789abcdef')]);
  return pdf.save({ useObjectStreams: false });
}

describe('bad input', () => {
  const cases: [string, string, () => Promise<Uint8Array | string>, RegExp][] = [
    ['an empty file', 'empty.pdf', async () => new Uint8Array(), /empty file/],
    ['random bytes named .pdf', 'random.pdf', async () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256), /not a PDF/],
    [
      'a corrupt PDF',
      'corrupt.pdf',
      async () => {
        const good = await textPdf(['Inspection of Norfolk local authority children’s services.']);
        return good.slice(0, 300);
      },
      /corrupt PDF|unreadable PDF|not an inspection report/,
    ],
    ['an encrypted PDF', 'encrypted.pdf', encryptedPdf, /encrypted PDF/],
    ['a saved HTML error page', 'page.pdf', async () => '<!DOCTYPE html><html><head><title>Report not found</title></head><body></body></html>', /not a PDF: an HTML page/],
    [
      'a PDF that is not an inspection report',
      'minutes.pdf',
      () =>
        textPdf([
          'Minutes of the meeting of the parish council held in the village hall on Tuesday evening. The chair welcomed members and the clerk read the minutes of the previous meeting, which were approved.',
          'Members discussed the repair of the bus shelter, the planting of trees along the green and the date of the summer fair. The clerk will write to the county council about the footpath.',
        ]),
      /not an Ofsted inspection report/,
    ],
    [
      'text in another language',
      'francais.pdf',
      () =>
        textPdf([
          'Inspection des services à l’enfance de la collectivité locale. Les inspecteurs ont rencontré les travailleurs sociaux, les familles et les enfants pendant deux semaines.',
          'La qualité des évaluations et des plans pour les enfants s’est améliorée depuis la dernière visite, mais le suivi par les responsables reste insuffisant dans plusieurs équipes.',
        ]),
      /another language/,
    ],
  ];
  for (const [what, name, make, reason] of cases) {
    it(`${what}: one line on stderr, non-zero exit, nothing written`, async () => {
      const file = join(work, name);
      const out = join(work, `out-${name}`);
      writeFileSync(file, await make());
      const { status, stderr, stdout } = run([file, '--out', out, '--authority', 'norfolk', '--date', '2024-01-01']);
      expect(status).not.toBe(0);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(reason);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(stdout).toBe('');
      expect(filesUnder(out)).toEqual([]);
    }, TIMEOUT);
  }
});

describe('writing entries', () => {
  const report = (careGrade: string) =>
    ilacsReport({
      name: 'Norfolk',
      dates: '7 to 18 November 2022',
      rows: [
        [['The impact of leaders on social work', 'practice with children and families'], ['Good']],
        [['The experiences and progress of', 'children who need help and protection'], ['Good']],
        [['The experiences and progress of', 'children in care and care leavers'], [careGrade]],
        [['Overall effectiveness'], ['Good']],
      ],
    });

  it('prints what it found, writes the entry, keeps it without --force, and replaces it with --force after showing the diff', async () => {
    const file = join(work, 'norfolk.pdf');
    const out = join(work, 'out-write');
    const entry = join(out, 'content/documents/ofsted/norfolk/2023-01-13.md');
    const first = report('Good');
    writeFileSync(file, await makePdf(first.pages, { footer: first.footer }));

    const written = run([file, '--out', out, '--date', '2023-01-13']);
    expect(written.status).toBe(0);
    expect(written.stdout).toContain('Norfolk (norfolk)');
    expect(written.stdout).toMatch(/children_in_care_and_care_leavers +Good +“The experiences and progress of children in care and care leavers \| Good”/);
    expect(written.stdout).toContain('wrote ');
    const before = readFileSync(entry, 'utf8');
    expect(before).toMatch(/^---\ntitle: "Inspection of Norfolk local authority children’s services"/);

    // --json prints the grades and writes nothing.
    const json = run([file, '--out', join(work, 'out-json'), '--date', '2023-01-13', '--json']);
    expect(json.status).toBe(0);
    const printed = JSON.parse(json.stdout);
    expect(printed).toMatchObject({ authority: { id: 'norfolk', name: 'Norfolk', gss_code: 'E10000020' }, kind: 'ofsted_inspection_report' });
    expect(printed.inspections[0]).toEqual({
      authority_id: 'norfolk',
      role: 'subject',
      framework: 'ilacs',
      inspection_type: 'not_stated',
      inspection_start: '2022-11-07',
      inspection_end: '2022-11-18',
      published: null,
      judgements: { overall_effectiveness: 'good', impact_of_leaders: 'good', help_and_protection: 'good', children_in_care_and_care_leavers: 'good' },
    });
    expect(filesUnder(join(work, 'out-json'))).toEqual([]);

    const second = report('Outstanding');
    writeFileSync(file, await makePdf(second.pages, { footer: second.footer }));
    const kept = run([file, '--out', out, '--date', '2023-01-13']);
    expect(kept.status).not.toBe(0);
    expect(kept.stderr.trim().split('\n')).toHaveLength(1);
    expect(kept.stderr).toMatch(/exists and differs; not overwritten \(use --force/);
    expect(readFileSync(entry, 'utf8')).toBe(before);

    const forced = run([file, '--out', out, '--date', '2023-01-13', '--force']);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/^-\s+grade: "good"$/m);
    expect(forced.stdout).toMatch(/^\+\s+grade: "outstanding"$/m);
    expect(forced.stdout.indexOf('@@')).toBeLessThan(forced.stdout.indexOf('replaced '));
    expect(readFileSync(entry, 'utf8')).toContain('grade: "outstanding"');
    // Written through a temporary file and a rename: nothing else is left in the folder.
    expect(filesUnder(join(out, 'content/documents/ofsted/norfolk'))).toEqual([entry]);
  }, TIMEOUT);

  it('imports a folder in a batch with a summary on stdout and plain progress lines on stderr', async () => {
    const folder = join(work, 'batch');
    mkdirSync(folder, { recursive: true });
    const good = report('Good');
    writeFileSync(join(folder, 'a.pdf'), await makePdf(good.pages, { footer: good.footer }));
    writeFileSync(join(folder, 'b.pdf'), new Uint8Array());
    const result = run([folder, '--out', join(work, 'out-batch'), '--date', '2023-01-13', '--authority', 'norfolk']);
    expect(result.status).toBe(1); // one file failed
    expect(result.stderr).toMatch(/\[1\/2\]/);
    expect(result.stderr).toMatch(/\[2\/2\]/);
    expect(result.stdout).toContain('1 documents imported, 1 failed');
    expect(result.stdout).toMatch(/ILACS +1/);
    // Four on page one, and the earlier inspection the summary states a grade for.
    expect(result.stdout).toContain('judgements found: 5 (1 of them of 1 earlier inspections the documents mention)');
    expect(result.stdout).toMatch(/b\.pdf: empty file/);
    expect(filesUnder(join(work, 'out-batch'))).toHaveLength(1);
  }, TIMEOUT);
});
