// The helpers every page shares: the grade's one slug, and the one way to link a grade to
// the sentence that states it.
import { describe, expect, test } from 'vitest';
import { flattenDocuments, groupInspections } from '../../src/domain/derive.ts';
import { GRADES, gradeFromSlug, gradeSlug } from '../../src/domain/vocabulary.ts';
import { judgementHref, listText, sourceHref } from '../../src/lib/format.ts';
import { documentSchema } from '../../src/schemas/document.ts';

describe('gradeSlug', () => {
  test('writes a grade as addresses and classes spell it, and gradeFromSlug reads it back', () => {
    expect(gradeSlug('requires_improvement')).toBe('requires-improvement');
    for (const g of GRADES) expect(gradeFromSlug(gradeSlug(g))).toBe(g);
  });

  test('names no grade for anything else', () => {
    expect(gradeFromSlug('requires_improvement')).toBeUndefined();
    expect(gradeFromSlug('')).toBeUndefined();
    expect(gradeFromSlug(undefined)).toBeUndefined();
  });
});

describe('judgementHref', () => {
  const SOURCE = { licence: 'Open Government Licence v3.0', attribution: '© Crown copyright' };
  const report = (id: string, kind: string, grade: string) => ({
    id,
    data: documentSchema().parse({
      source: SOURCE, issuer: 'Ofsted', title: 't', kind, date: '2022-07-01', authority: 'exampleshire',
      inspections: [{ authority: 'exampleshire', role: 'subject', framework: 'ilacs', type: 'standard', start: '2022-05-09', end: '2022-05-20',
        judgements: { overall_effectiveness: { grade, evidence: `overall ${grade}` } } }],
    }),
  });

  test('links to the sentence in the first source, where every table links', () => {
    const [group] = groupInspections(flattenDocuments([report('council/exampleshire/2022', 'council_report', 'good'), report('ofsted/exampleshire/2022', 'ofsted_inspection_report', 'outstanding')]));
    const j = group!.judgements.overall_effectiveness!;
    expect(j.disputed).toBe(true);
    expect(judgementHref(j)).toBe('/documents/ofsted/exampleshire/2022/#evidence-1-overall-effectiveness');
    expect(j.sources.map(sourceHref)).toEqual([
      '/documents/ofsted/exampleshire/2022/#evidence-1-overall-effectiveness',
      '/documents/council/exampleshire/2022/#evidence-1-overall-effectiveness',
    ]);
  });
});

describe('listText', () => {
  test('joins names as a sentence reads them', () => {
    expect(listText([])).toBe('');
    expect(listText(['Ash'])).toBe('Ash');
    expect(listText(['Ash', 'Birch'])).toBe('Ash and Birch');
    expect(listText(['Ash', 'Birch', 'Cedar'])).toBe('Ash, Birch and Cedar');
  });
});
