// The data quality page: the sources' flags and the checks' warnings, each placed in its
// report in words, the disagreements between sources, and the counts its contents give.
import { describe, expect, test } from 'vitest';
import { dataQualityView } from '../../../src/lib/views/data-quality.ts';
import { authority, report, smallSite } from './small-site.ts';
import { AUTHORITIES, DOCUMENTS, letter } from '../../fixtures/visit-letters.ts';
import type { DocumentEntry } from '../../../src/lib/site-data.ts';

const flagged = report(
  'ofsted/leeds/2022',
  { authority: 'leeds', end: '2022-05-20', grades: { overall_effectiveness: 'good', help_and_protection: 'good' } },
  { flags: [{ field: 'inspections[0].judgements.help_and_protection.grade', message: 'The table and the text differ.' }, { field: 'date', message: 'Dated after publication.' }] },
);
const site = smallSite([authority('leeds', 'Leeds'), authority('york', 'York')], [
  flagged,
  report('ofsted/york/2021', { authority: 'york', end: '2021-03-01', grades: { overall_effectiveness: 'good' } }),
  report('council/york/2021', { authority: 'york', end: '2021-03-01', grades: { overall_effectiveness: 'outstanding' } }),
]);

describe('dataQualityView', () => {
  test('lists each flag with its report, where it is in words, and what was found', () => {
    const view = dataQualityView(site, []);
    expect(view.flags).toEqual([
      {
        href: '/documents/ofsted/leeds/2022/#flags', title: 'Inspection of leeds', from: 'Leeds, 20 May 2022',
        where: 'The grade of the “Experiences and progress of children who need help and protection” judgement in its record of the inspection of Leeds',
        message: 'The table and the text differ.',
      },
      { href: '/documents/ofsted/leeds/2022/#flags', title: 'Inspection of leeds', from: 'Leeds, 20 May 2022', where: expect.any(String), message: 'Dated after publication.' },
    ]);
  });

  test('counts what it holds in its contents, in words', () => {
    const view = dataQualityView(site, [{ severity: 'warning', file: 'content/documents/ofsted/leeds/2022.md', field: 'date', message: 'm' }]);
    expect(view.contents).toEqual([
      { href: '#flags', text: '2 things that do not add up, flagged in 1 document' },
      { href: '#disagreements', text: '1 judgement the reports grade differently, and no inspections they date differently' },
      { href: '#letters', text: 'What to know about the no focused-visit letters' },
      { href: '#checks', text: '1 warning from our checks' },
    ]);
    expect(view.disagreements.map((d) => [d.authority.name, d.subject])).toEqual([['York', 'Overall effectiveness']]);
  });

  test('places a warning in its report when it knows the file, else names the file', () => {
    const view = dataQualityView(site, [
      { severity: 'warning', file: 'content/documents/ofsted/leeds/2022.md', field: 'inspections[0]', message: 'odd' },
      { severity: 'warning', file: 'content/documents/ofsted/elsewhere.md', field: 'title', message: 'also odd' },
    ]);
    expect(view.warnings).toEqual([
      { document: { href: '/documents/ofsted/leeds/2022/', title: 'Inspection of leeds' }, file: '2022.md', where: 'Its record of the inspection of Leeds', message: 'odd' },
      { file: 'elsewhere.md', where: expect.any(String), message: 'also odd' },
    ]);
    expect(view.errors).toBeUndefined();
  });

  test('says when the checks found serious problems, which should have stopped publication', () => {
    const view = dataQualityView(site, [{ severity: 'error', file: 'x.md', field: 'title', message: 'bad' }]);
    expect(view.errors).toBe('The checks found 1 serious problem; the site should not have been published.');
    expect(view.warnings).toEqual([]);
  });
});

describe('what to know about the focused-visit letters', () => {
  /** A letter that never mentions priority actions. */
  const silent = (day: number) => {
    const d = letter('bravo', `2023-02-${String(day).padStart(2, '0')}`, { start: '2023-01-10', end: '2023-01-11', area: 'front_door' });
    delete d.data.inspections[0]!.visit!.priority_actions.evidence;
    return d;
  };
  const withLetters = (extra: ReturnType<typeof letter>[]) => dataQualityView(smallSite(AUTHORITIES, [...DOCUMENTS, ...extra] as DocumentEntry[]), []).visitQuality;

  test('three parts in order, each listing its letters by council and visit, linked to the letter', () => {
    const view = withLetters([silent(1)]);
    expect(view.letters).toBe(6);
    expect(view.parts.map((p) => [p.id, p.letters.length])).toEqual([['letters-unmentioned', 1], ['letters-other', 1], ['letters-no-inspection', 1]]);
    expect(view.parts[0]!.letters).toEqual([{ href: '/documents/ofsted-letters/bravo/2023-02-01/', text: 'Bravo, focused visit 10 to 11 January 2023' }]);
    expect(view.parts[2]!.letters[0]!.text).toBe('Bravo, focused visit 4 to 5 June 2019');
  });

  test('a visit outside the framework’s areas says why', () => {
    expect(withLetters([]).parts[1]!.letters).toEqual([{ href: '/documents/ofsted-letters/charlie/2026-11-01/', text: 'Charlie, focused visit 6 to 7 October 2026', note: 'A visit on disabled children.' }]);
  });

  test('lists up to 20 letters open, and more folded away', () => {
    const days = (n: number) => Array.from({ length: n }, (_, i) => silent(i + 1));
    expect(withLetters(days(20)).parts[0]!.folded).toBe(false);
    const many = withLetters(days(21)).parts[0]!;
    expect([many.letters.length, many.folded]).toEqual([21, true]);
    expect(withLetters([]).parts[0]).toMatchObject({ letters: [], folded: false });
  });
});
