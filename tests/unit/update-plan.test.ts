// What the update command counts as new (src/importer/update.ts): publications listed after
// the newest Ofsted document held for the authority, and how the report reads.
import { describe, expect, it } from 'vitest';
import { describeReport, listedAfter, newestHeld, type UpdateReport } from '../../src/importer/update.ts';
import type { DocumentData } from '../../src/schemas/document.ts';
import type { Publication } from '../../src/importer/ofsted-site.ts';

const doc = (authority: string, date: string, extra: Partial<DocumentData> = {}) =>
  ({ data: { authority, date, issuer: 'Ofsted', source: { licence: 'OGL', attribution: '' }, ...extra } as DocumentData });

describe('the newest document held', () => {
  it('is the latest Ofsted document of each authority, by the date Ofsted’s site lists where the entry has it', () => {
    const newest = newestHeld([
      doc('leeds', '2022-05-09'),
      doc('leeds', '2025-08-11', { source: { listed_date: '2025-08-12', licence: 'OGL', attribution: '' } }),
      doc('leeds', '2026-02-01', { issuer: 'Leeds City Council' }),
      doc('bristol', '2023-03-10'),
    ]);
    expect(Object.fromEntries(newest)).toEqual({ leeds: '2025-08-12', bristol: '2023-03-10' });
  });

  it('makes new only what is listed after it, oldest first; everything when nothing is held', () => {
    const listed = (listedDate: string): Publication => ({ description: "Children's services inspection", kind: 'report', listedDate, href: `https://files.ofsted.gov.uk/v1/file/${listedDate}` });
    const page = [listed('2026-03-01'), listed('2025-08-12'), listed('2025-09-30'), listed('2018-12-18')];
    expect(listedAfter(page, '2025-08-12').map((p) => p.listedDate)).toEqual(['2025-09-30', '2026-03-01']);
    expect(listedAfter(page, undefined)).toHaveLength(4);
  });
});

describe('the report', () => {
  const report: UpdateReport = {
    checked: [{ id: 'leeds', urn: '80481', page: 'p' }, { id: 'kent', urn: '80476', page: 'p' }],
    added: [
      {
        authority: 'leeds',
        description: "Children's services focused visit",
        listedDate: '2026-03-01',
        href: 'https://files.ofsted.gov.uk/v1/file/1',
        entry: 'content/documents/ofsted/leeds/2026-03-01.md',
        file: '/tmp/x.pdf',
        needsReview: true,
        kindDisagrees: 'the page lists it as a focused-visit letter; the importer reads it as an inspection report',
      },
    ],
    wouldAdd: [],
    skipped: [],
    failed: [],
  };

  it('names each added entry, flags one to review, and shows where the page and the document disagree', () => {
    expect(describeReport(report, false)).toBe(
      [
        'added (1):',
        '  leeds: "Children\'s services focused visit" listed 2026-03-01: content/documents/ofsted/leeds/2026-03-01.md (needs review: see npm run check:content), from https://files.ofsted.gov.uk/v1/file/1',
        '    check: the page lists it as a focused-visit letter; the importer reads it as an inspection report',
        'skipped (0):',
        'failed (0):',
        '2 authorities checked; 1 with nothing listed since the newest document held',
      ].join('\n'),
    );
  });
});
