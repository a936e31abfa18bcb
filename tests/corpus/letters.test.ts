// Re-imports every focused-visit letter of the corpus (../shared/corpus/ofsted-letters, a dry
// run on all cores) and holds the committed entries to it: each letter's entry in
// content/documents/ofsted-letters is exactly what the importer writes, frontmatter and body.
// Then the traps of reading a letter, across all of them: a "no priority actions" sentence is
// never an action, actions set by an earlier visit are never this letter's, and every letter
// has its dates, its focus and an answer on priority actions.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch, listImportable } from '../../src/importer/batch.ts';
import { serialiseEntry } from '../../src/importer/entry.ts';
import { LETTERS_ROOT } from '../../src/importer/letter/corpus.ts';
import { EARLIER, NONE } from '../../src/importer/letter/priority-actions.ts';
import { readManifest } from '../../src/importer/manifest.ts';
import type { WorkerReply } from '../../src/importer/worker.ts';
import type { InspectionData } from '../../src/schemas/document.ts';
import { readAuthorities, readDocuments, ROOT } from '../../scripts/lib/entries.ts';

const manifest = readManifest(LETTERS_ROOT);
if (!manifest) throw new Error(`the letters' manifest is missing at ${LETTERS_ROOT}: the corpus tests need ../shared beside the repository`);
const rows = manifest.rows;
const entries = readDocuments().entries.filter((e) => e.file.startsWith('content/documents/ofsted-letters/'));
const review = readFileSync(join(ROOT, 'docs/corpus-review.md'), 'utf8');
const replies = new Map<string, WorkerReply>();

beforeAll(async () => {
  const files = listImportable(LETTERS_ROOT).filter((f) => f.endsWith('.pdf'));
  await runBatch(files, { authorities: readAuthorities(), corpusRoot: LETTERS_ROOT }, ({ file, reply }) => {
    replies.set(file.slice(LETTERS_ROOT.length + 1), reply);
  });
});

describe('the letters re-import to the committed entries', () => {
  it('has one manifest row per PDF, each a focused visit, and an entry or a listed refusal for each', () => {
    expect(replies.size).toBe(rows.length);
    for (const row of rows) {
      expect(row.kind, row.file).toBe('focused visit');
      const reply = replies.get(row.file);
      expect(reply, row.file).toBeDefined();
      const entry = entries.find((e) => e.data.source.file === row.file);
      if (reply!.ok) expect(entry, `${row.file} has no entry`).toBeDefined();
      else {
        expect(review, `${row.file} (${reply!.error}) is not listed in docs/corpus-review.md`).toContain(row.file);
        expect(entry, `${row.file} was refused but has an entry`).toBeUndefined();
      }
    }
    for (const entry of entries) expect(replies.has(entry.data.source.file ?? ''), `${entry.file} has no corpus file behind it`).toBe(true);
  });

  it.each(rows.map((r) => [r.file]))('%s', (file) => {
    const reply = replies.get(file)!;
    if (!reply.ok) return; // covered above: listed in docs/corpus-review.md
    const { result } = reply;
    expect(result.entryPath).toBe(`content/documents/ofsted-letters/${result.data.authority}/${manifest.byFile.get(file)!.listed_date}.md`);
    const committed = readFileSync(join(ROOT, result.entryPath), 'utf8');
    expect(committed).toBe(serialiseEntry(result.data, result.body));
  });
});

// A reader who saves one letter from Ofsted's site has no manifest and no folder named after
// the council: each PDF, copied to a neutral name and imported with only --date (the date
// Ofsted's site lists), must come out about the same authority with the same visit.
describe('every letter imports from a neutral file name, without --authority', () => {
  const neutral = mkdtempSync(join(tmpdir(), 'neutral-letters-'));
  const sourceOf = new Map<string, string>();
  const dates: Record<string, string> = {};
  const neutralReplies = new Map<string, WorkerReply>();

  beforeAll(async () => {
    rows.forEach((row, i) => {
      const copy = join(neutral, `letter-${i}.pdf`);
      copyFileSync(join(LETTERS_ROOT, row.file), copy);
      sourceOf.set(copy, row.file);
      dates[copy] = row.listed_date;
    });
    await runBatch(Object.keys(dates), { authorities: readAuthorities(), dates }, ({ file, reply }) => {
      neutralReplies.set(sourceOf.get(file)!, reply);
    });
  });
  afterAll(() => rmSync(neutral, { recursive: true, force: true }));

  /** All the entry says of the inspections but the publication date, which only the manifest gives. */
  const inspections = (list: readonly InspectionData[]) => list.map(({ published: _published, ...rest }) => rest);

  it.each(rows.map((r) => [r.file]))('%s', (file) => {
    const reply = neutralReplies.get(file)!;
    const entry = entries.find((e) => e.data.source.file === file);
    expect(reply, `${file} was not imported`).toBeDefined();
    if (!entry) {
      expect(reply.ok, `${file} has no entry but imported from a neutral name`).toBe(false);
      return;
    }
    expect(reply.ok ? '' : reply.error, file).toBe('');
    if (!reply.ok) return;
    expect(reply.result.data.authority).toBe(entry.data.authority);
    expect(reply.result.data.title).toBe(entry.data.title);
    expect(reply.result.data.flags).toEqual(entry.data.flags);
    expect(inspections(reply.result.data.inspections)).toEqual(inspections(entry.data.inspections));
  });
});

describe('the traps of reading a letter, across every letter', () => {
  const visits = entries.map((e) => ({ entry: e, subject: e.data.inspections.find((i) => i.role === 'subject')! }));

  it('has a letter entry for most of the corpus, each a focused visit with its dates, focus and a priority-actions answer', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const { entry, subject } of visits) {
      expect(subject.type, entry.file).toBe('focused_visit');
      expect(subject.start, `${entry.file}: start`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(subject.end, `${entry.file}: end`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(subject.visit, entry.file).toBeDefined();
      expect(subject.visit!.dates_evidence.length, entry.file).toBeGreaterThan(20);
      expect(subject.visit!.focus.words.length, entry.file).toBeGreaterThan(8);
      expect(Array.isArray(subject.visit!.priority_actions.areas), entry.file).toBe(true);
    }
  });

  it('never counts a "no priority actions" sentence, or actions an earlier visit set, as one of this letter’s', () => {
    for (const { entry, subject } of visits) {
      const { areas, evidence, earlier } = subject.visit!.priority_actions;
      for (const area of areas) {
        expect(NONE.test(area), `${entry.file}: "${area}" says there are none`).toBe(false);
        expect(EARLIER.test(area), `${entry.file}: "${area}" recalls an earlier visit's actions`).toBe(false);
        expect(/priority action/i.test(area), `${entry.file}: "${area}" is a sentence about priority actions, not an area`).toBe(false);
      }
      if (earlier) expect(areas, `${entry.file}: the recalled actions ("${earlier}") are not this letter's`).not.toContain(earlier);
      // A letter that says it sets none sets none.
      if (evidence && NONE.test(evidence)) expect(areas, entry.file).toEqual([]);
      // What needs to improve is never also an area for priority action.
      for (const area of areas) expect(subject.improvements, `${entry.file}: "${area}"`).not.toContain(area);
    }
  });

  it('lists the areas of every letter that tells the Department for Education of them, with their evidence', () => {
    for (const { entry, subject } of visits) {
      const notified = /notified the (?:Department for Education|DfE) of the areas?(?:\(s\))? for priority action/i.test(entry.body);
      const { areas, evidence } = subject.visit!.priority_actions;
      if (notified) expect(areas.length, `${entry.file} notifies the DfE of areas for priority action`).toBeGreaterThan(0);
      if (areas.length > 0) expect(evidence, `${entry.file}: the areas' evidence`).toBeDefined();
      // A heading "Areas for priority action" is always answered: the areas, or the sentence saying there are none.
      if (/^#+ Areas? for priority action/im.test(entry.body)) expect(evidence, `${entry.file}: the heading is not answered`).toBeDefined();
    }
  });
});
