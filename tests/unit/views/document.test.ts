// A document's page view: its facts, each inspection it records with its grades linked to
// their quotes, its flags in words, where other sources disagree, and the quotes to highlight.
import { describe, expect, test } from 'vitest';
import { flattenDocuments } from '../../../src/domain/derive.ts';
import { documentPageView, type DocumentSite } from '../../../src/lib/views/document.ts';
import { letter } from '../../fixtures/visit-letters.ts';
import type { DocumentEntry } from '../../../src/lib/site-data.ts';
import { authority, report, smallSite } from './small-site.ts';

const leeds = report(
  'ofsted/leeds/2022',
  { authority: 'leeds', start: '2022-05-09', end: '2022-05-20', grades: { overall_effectiveness: 'good' } },
  { flags: [{ field: 'inspections[0].start', message: 'The heading says 10 May.' }], source: { licence: 'OGL', attribution: '© Crown copyright', url: 'https://files.ofsted.gov.uk/v1/file/1', listed_date: '2022-06-30' } },
);
// A council's restatement with another grade: the sources disagree.
const council = report('seeds/leeds-cabinet', { authority: 'leeds', start: '2022-05-09', end: '2022-05-20', grades: { overall_effectiveness: 'outstanding' } }, { kind: 'council_report', issuer: 'Leeds City Council', meeting: 'Executive Board, 20 July 2022', date: '2022-07-20' });
const visit = { ...letter('leeds', '2024-03-01', { start: '2024-01-10', end: '2024-01-11', area: 'front_door', priority: ['Management oversight of referrals.'] }), collection: 'documents' } as unknown as DocumentEntry;

function siteOf(documents: DocumentEntry[]): DocumentSite {
  const small = smallSite([authority('leeds', 'Leeds')], documents);
  const records = flattenDocuments(documents);
  const recordsByDocument = new Map<string, typeof records>();
  for (const r of records) recordsByDocument.set(r.documentId, [...(recordsByDocument.get(r.documentId) ?? []), r]);
  const sourcesOf = <T extends { sources: readonly { record: { documentId: string } }[] }>(items: readonly T[], id: string) => items.filter((d) => d.sources.some((s) => s.record.documentId === id));
  return {
    ...small,
    recordsByDocument,
    disagreementsForDocument: (id) => sourcesOf(small.disagreements, id),
    dateDisagreementsForDocument: (id) => sourcesOf(small.dateDisagreements, id),
    documentPreview: () => ({ description: 'About it' }),
  };
}

describe('documentPageView', () => {
  const site = siteOf([leeds, council, visit]);

  test('gives the document’s facts in words, its source linked', () => {
    const view = documentPageView(leeds, site);
    expect(view.meta).toEqual({
      kind: 'Ofsted inspection report',
      issuer: 'Ofsted',
      date: '20 May 2022',
      authority: { name: 'Leeds', href: '/authorities/leeds/' },
      source: { href: 'https://files.ofsted.gov.uk/v1/file/1', text: 'https://files.ofsted.gov.uk/v1/file/1', listed: '30 June 2022' },
      licence: 'OGL. © Crown copyright',
      entry: 'Read from the source by our importer, not checked by hand.',
    });
    expect(view.shortTitle).toMatch(/Leeds/);
  });

  test('lists each inspection it records, each grade linked to its quote, and highlights those quotes', () => {
    const [record] = documentPageView(leeds, site).records;
    expect(record).toMatchObject({
      anchor: 'inspection-1',
      authority: { name: 'Leeds', href: '/authorities/leeds/' },
      description: 'Inspection of local authority children’s services (ILACS); standard inspection; 9 to 20 May 2022',
      role: 'the subject of this document',
      judgements: [{ label: 'Overall effectiveness', grade: 'good', href: '#evidence-1-overall-effectiveness' }],
    });
    expect(documentPageView(leeds, site).targets).toEqual([{ anchor: 'evidence-1-overall-effectiveness', quote: 'overall_effectiveness was good', field: 'inspections[0].judgements.overall_effectiveness.evidence' }]);
  });

  test('places each flag in the document in words', () => {
    expect(documentPageView(leeds, site).flags).toEqual([{ place: 'The start date of its record of inspection 1 (Leeds)', message: 'The heading says 10 May.' }]);
  });

  test('shows where another source disagrees, each source linked', () => {
    const { grades } = documentPageView(council, site).disagreements;
    expect(grades.map((r) => [r.subject, r.sources.map((s) => s.grade?.grade)])).toEqual([['Overall effectiveness', ['good', 'outstanding']]]);
  });

  test('a letter leads with its findings, says a visit gives no grades, and highlights its quotes too', () => {
    const view = documentPageView(visit, site);
    expect(view.findings).toHaveLength(1);
    expect(view.records[0]!.noGrades).toBe('a focused visit gives none.');
    expect(view.targets.length).toBeGreaterThan(1);
    expect(view.targets.map((t) => t.quote)).toContain('Management oversight of referrals.');
  });
});
