// The seeds (../shared/seeds: four council reports and a letter, as text) import to drafts
// whose subject inspection has exactly the judgements of the hand-checked seed entries in
// content/documents/seeds, with every quote in the draft's own body.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteInBody } from '../../../src/domain/evidence.ts';
import { importText } from '../../../src/importer/text.ts';
import { readAuthorities, readDocuments } from '../../../scripts/lib/entries.ts';

const SEEDS = new URL('../../../../shared/seeds/', import.meta.url).pathname;
const authorities = readAuthorities();
const seeds = readDocuments().entries.filter((e) => e.file.startsWith('content/documents/seeds/'));

function grades(judgements: Record<string, { grade: string } | undefined>) {
  return Object.fromEntries(Object.entries(judgements).map(([k, j]) => [k, j!.grade]));
}

describe('council report drafts', () => {
  it('has the five hand-checked seed entries to compare with', () => {
    expect(seeds.map((s) => s.data.source.file).sort()).toHaveLength(5);
  });

  for (const seed of seeds) {
    const file = seed.data.source.file!;
    it(`${file}: the draft's subject inspection matches ${seed.file}`, () => {
      const draft = importText(readFileSync(join(SEEDS, file), 'utf8'), file, { authorities });
      const expected = seed.data.inspections.find((i) => i.role === 'subject')!;
      const actual = draft.data.inspections.find((i) => i.role === 'subject')!;
      expect(draft.entryPath).toMatch(/^content\/drafts\/(council-reports|ofsted-letters)\//);
      expect(draft.data.kind).toBe(seed.data.kind);
      expect(draft.data.authority).toBe(seed.data.authority);
      expect(draft.data.date).toBe(seed.data.date);
      expect(actual.framework).toBe(expected.framework);
      expect(actual.type).toBe(expected.type);
      expect(grades(actual.judgements)).toEqual(grades(expected.judgements));
      for (const judgement of Object.values(actual.judgements)) expect(quoteInBody(judgement!.evidence, draft.body)).toBe(true);
      // The letter's visit as a person recorded it by hand: the letter reader records the same (and may add to it).
      if (expected.visit) expect(actual.visit).toMatchObject(expected.visit);
      // Dates the draft gives agree with the seed entry's; a date the draft cannot read is left out, never guessed.
      for (const field of ['start', 'end', 'published'] as const) {
        if (actual[field] !== undefined) expect(actual[field]).toBe(expected[field]);
      }
    });
  }
});
