// The home page: what the site holds, counted and written as a reader reads numbers, what
// the sources disagree on, and the newest documents.
import { describe, expect, test } from 'vitest';
import { homeView } from '../../../src/lib/views/home.ts';
import { authority, report, smallSite } from './small-site.ts';

// Newest first, as src/lib/site-data.ts sorts them.
const documents = [
  // The council restates Ash's inspection with another overall grade.
  report('seeds/ash-cabinet', { authority: 'ash', start: '2022-05-09', end: '2022-05-20', grades: { overall_effectiveness: 'requires_improvement' } }, { kind: 'council_report', issuer: 'Ash Council', date: '2022-09-01' }),
  report('ofsted/ash/2022', { authority: 'ash', start: '2022-05-09', end: '2022-05-20', grades: { overall_effectiveness: 'good', help_and_protection: 'good' } }),
  report('ofsted/birch/2019', { authority: 'birch', end: '2019-03-01', grades: { overall_effectiveness: 'inadequate' } }),
];
const authorities = [authority('ash', 'Ash'), authority('birch', 'Birch'), authority('cedar', 'Cedar'), authority('old', 'Old County', { current: false })];

describe('homeView', () => {
  const view = homeView(smallSite(authorities, documents));

  test('counts what the site holds: authorities (and former ones), documents, inspections, judgements', () => {
    expect(view.counts).toMatchObject({ authorities: '3', formerAuthorities: '1', documents: '3', inspections: '2', gradedInspections: '2', judgements: '4', authoritiesWithGrades: '2' });
    expect(view.noDocuments).toBe(false);
  });

  test('says how many grades and dates the sources disagree on', () => {
    expect(view.disagreements).toBe('1 grade and no dates');
  });

  test('lists the first five of the documents (the newest), each linked to its page', () => {
    expect(view.recent.map((d) => d.href)).toEqual(['/documents/seeds/ash-cabinet/', '/documents/ofsted/ash/2022/', '/documents/ofsted/birch/2019/']);
    expect(view.recent[1]!.title).toBe('Inspection of ash');
    const many = homeView({ ...smallSite(authorities, documents), documents: Array.from({ length: 7 }, (_, i) => report(`ofsted/ash/${2010 + i}`, { authority: 'ash', end: `${2010 + i}-01-01` })) });
    expect(many.recent.map((d) => d.href.slice(-5))).toEqual(['2010/', '2011/', '2012/', '2013/', '2014/']);
  });

  test('writes large counts with thousands separators, and leaves out former authorities when there are none', () => {
    const site = smallSite([authority('ash', 'Ash')], []);
    const big = homeView({ ...site, counts: { ...site.counts, judgements: 12345 } });
    expect(big.counts.judgements).toBe('12,345');
    expect(big.counts.formerAuthorities).toBeUndefined();
    expect(big.noDocuments).toBe(true);
    expect(big.recent).toEqual([]);
  });
});
