// Re-imports every PDF of the corpus (../shared/corpus/ofsted-reports, a dry run on all
// cores) and holds the committed entries to it: each document yields exactly the
// judgements (keys, grades, evidence) and dates of its entry in content/documents/ofsted.
// An entry a person completed by hand (reviewed_by_hand) may hold more than the importer
// reads, but the importer's reading must be part of it, or reported as a gap.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch, listImportable } from '../../src/importer/batch.ts';
import { CORPUS_ROOT, readManifest } from '../../src/importer/manifest.ts';
import type { WorkerReply } from '../../src/importer/worker.ts';
import type { InspectionData } from '../../src/schemas/document.ts';
import { readAuthorities, readDocuments, ROOT } from '../../src/lib/content-files.ts';

const manifest = readManifest(CORPUS_ROOT);
if (!manifest) throw new Error(`the corpus manifest is missing at ${CORPUS_ROOT}: the corpus tests need ../shared beside the repository`);
const rows = manifest.rows;
const entries = readDocuments().entries.filter((e) => e.file.startsWith('content/documents/ofsted/'));
const entryByPath = new Map(entries.map((e) => [e.file, e]));
const review = readFileSync(join(ROOT, 'docs/corpus-review.md'), 'utf8');
const replies = new Map<string, WorkerReply>();

beforeAll(async () => {
  const files = listImportable(CORPUS_ROOT).filter((f) => f.endsWith('.pdf'));
  await runBatch(files, { authorities: readAuthorities(), corpusRoot: CORPUS_ROOT }, ({ file, reply }) => {
    replies.set(file.slice(CORPUS_ROOT.length + 1), reply);
  });
});

/** What must agree between the importer and the entry: dates, framework, type and each judgement with its quote. */
function comparable(inspection: InspectionData) {
  return {
    authority: inspection.authority,
    role: inspection.role,
    framework: inspection.framework,
    type: inspection.type,
    start: inspection.start,
    end: inspection.end,
    published: inspection.published,
    judgements: inspection.judgements,
  };
}

describe('the corpus re-imports to the committed entries', () => {
  it('has one manifest row per PDF and an entry or a reported failure for each', () => {
    expect(replies.size).toBe(rows.length);
    for (const row of rows) expect(replies.has(row.file), row.file).toBe(true);
    const fromCorpus = new Set(entries.map((e) => e.data.source.file));
    for (const [file, reply] of replies) {
      if (reply.ok) expect(fromCorpus.has(file), `${file} has no entry`).toBe(true);
      // A file the importer refuses is listed in docs/corpus-review.md, and has no entry.
      else {
        expect(review, `${file} (${reply.error}) is not listed in docs/corpus-review.md`).toContain(file);
        expect(fromCorpus.has(file), `${file} failed but has an entry`).toBe(false);
      }
    }
    // And no entry without a corpus file behind it.
    for (const entry of entries) expect(replies.has(entry.data.source.file ?? ''), entry.file).toBe(true);
  });

  it.each(rows.map((r) => [r.file]))('%s', (file) => {
    const reply = replies.get(file);
    expect(reply, `${file} was not imported`).toBeDefined();
    if (!reply!.ok) return; // covered above: listed as not a report
    const result = reply!.result;
    const entry = entryByPath.get(`${result.entryPath}`);
    expect(entry, `no committed entry at ${result.entryPath}`).toBeDefined();
    const { data } = entry!;
    expect(data.source.file).toBe(file);
    expect(data.date).toBe(result.data.date);
    expect(data.authority).toBe(result.data.authority);
    expect(data.kind).toBe(result.data.kind);
    if (!data.reviewed_by_hand) {
      expect(data.inspections.map(comparable)).toEqual(result.data.inspections.map(comparable));
      return;
    }
    // Completed by hand: every judgement the importer reads is in the entry, as read, or the importer reported the gap.
    for (const [i, inspection] of result.data.inspections.entries()) {
      const match = data.inspections.find((d) => d.role === inspection.role && d.framework === inspection.framework && (d.start ?? d.published) === (inspection.start ?? inspection.published));
      for (const [key, judgement] of Object.entries(inspection.judgements)) {
        const reported = result.findings.some((f) => f.includes(key));
        if (!reported) expect(match?.judgements[key as keyof InspectionData['judgements']], `${file} inspections[${i}].${key}`).toEqual(judgement);
      }
    }
  });
});

// A reader who downloads one report from Ofsted's site has no manifest and no folder named
// after the council: each PDF, copied to a neutral name and imported with only --date (the
// date Ofsted's site lists), must come out about the same authority, with the same judgements.
describe('every corpus report imports from a neutral file name, without --authority', () => {
  const neutral = mkdtempSync(join(tmpdir(), 'neutral-reports-'));
  const sourceOf = new Map<string, string>();
  const dates: Record<string, string> = {};
  const neutralReplies = new Map<string, WorkerReply>();

  beforeAll(async () => {
    rows.forEach((row, i) => {
      const copy = join(neutral, `report-${i}.pdf`);
      copyFileSync(join(CORPUS_ROOT, row.file), copy);
      sourceOf.set(copy, row.file);
      dates[copy] = row.listed_date;
    });
    await runBatch(Object.keys(dates), { authorities: readAuthorities(), dates }, ({ file, reply }) => {
      neutralReplies.set(sourceOf.get(file)!, reply);
    });
  });
  afterAll(() => rmSync(neutral, { recursive: true, force: true }));

  it.each(rows.map((r) => [r.file]))('%s', (file) => {
    const reply = neutralReplies.get(file);
    const entry = entries.find((e) => e.data.source.file === file);
    expect(reply, `${file} was not imported`).toBeDefined();
    if (!entry) {
      // The saved HTML error pages: refused under any name.
      expect(reply!.ok, `${file} has no entry but imported from a neutral name`).toBe(false);
      return;
    }
    expect(reply!.ok ? '' : reply!.error, file).toBe('');
    if (!reply!.ok) return;
    expect(reply!.result.data.authority).toBe(entry.data.authority);
    const judgements = (d: { inspections: readonly InspectionData[] }) => d.inspections.map((i) => ({ authority: i.authority, judgements: i.judgements }));
    expect(judgements(reply!.result.data)).toEqual(judgements(entry.data));
  });
});
