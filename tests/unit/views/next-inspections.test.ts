// /next-inspections/ and its ready-made views: the statuses with councils and their
// addresses, the filter form's choices, the rule's hit rates as table rows, and one
// status's councils with its own view marked.
import { describe, expect, test } from 'vitest';
import { nextInspectionStatusPaths, nextInspectionsPage, nextInspectionsStatusPage, type NextInspectionSite } from '../../../src/lib/views/next-inspection.ts';
import { authority, report, smallSite } from './small-site.ts';

const small = smallSite(
  [
    authority('ash', 'Ash'), authority('birch', 'Birch', { region: 'London', type: 'London Borough' }), authority('cedar', 'Cedar', { region: 'London', type: 'London Borough' }),
    authority('dove', 'Dove', { region: 'East of England', type: 'County' }), authority('elm', 'Elm'),
  ],
  [
    // Ash: good, then re-inspected inside the rule's window (a hit).
    report('ofsted/ash/2018', { authority: 'ash', start: '2018-06-04', end: '2018-06-15', grades: { overall_effectiveness: 'good' } }),
    report('ofsted/ash/2021', { authority: 'ash', start: '2021-09-06', end: '2021-09-17', grades: { overall_effectiveness: 'good' } }),
    // Birch: requires improvement, then re-inspected a year after the window closed (a miss).
    report('ofsted/birch/2019', { authority: 'birch', start: '2019-01-07', end: '2019-01-18', grades: { overall_effectiveness: 'requires_improvement' } }),
    report('ofsted/birch/2023', { authority: 'birch', start: '2023-06-05', end: '2023-06-16', grades: { overall_effectiveness: 'good' } }),
    // Cedar: inadequate, under monitoring. Dove: good in 2019, and nothing since (overdue). Elm: nothing.
    report('ofsted/cedar/2022', { authority: 'cedar', start: '2022-03-07', end: '2022-03-18', grades: { overall_effectiveness: 'inadequate' } }),
    report('ofsted/dove/2019', { authority: 'dove', start: '2019-05-06', end: '2019-05-17', grades: { overall_effectiveness: 'good' } }),
  ],
);
const site: NextInspectionSite = { authorities: small.authorities, groups: small.groups, built: '2023-06-16', newest: '2023-06-16' };
const page = nextInspectionsPage(site);

describe('nextInspectionsPage', () => {
  test('a ready-made view for each status some council has, most pressing first, with its count and address', () => {
    expect(page.views.map((v) => [v.label, v.count, v.href])).toEqual([
      ['Overdue', 1, '/next-inspections/overdue/'],
      ['Due later', 2, '/next-inspections/later/'],
      ['Under monitoring', 1, '/next-inspections/under-monitoring/'],
      ['No window', 1, '/next-inspections/no-window/'],
    ]);
    expect(page.counts).toHaveLength(6);
  });

  test('the filters offer each status, region and type some council has once: statuses most pressing first, the rest A to Z', () => {
    expect(page.filters.status.map((o) => o.value)).toEqual(['overdue', 'later', 'under_monitoring', 'no_window']);
    expect(page.filters.region).toEqual([
      { value: 'east-of-england', label: 'East of England' },
      { value: 'london', label: 'London' },
      { value: 'north-east', label: 'North East' },
    ]);
    expect(page.filters.type.map((o) => o.label)).toEqual(['County', 'London Borough', 'Unitary Authority']);
  });

  test('the rule’s hit rates as table rows: by the first grade, by the year due, and in all, each with its share', () => {
    expect(page.rule.byGrade).toEqual([
      { label: 'good', grade: 'good', pairs: 1, hits: 1, share: '100%' },
      { label: 'requires_improvement', grade: 'requires_improvement', pairs: 1, hits: 0, share: '0%' },
    ]);
    expect(page.rule.byYear.map((r) => [r.label, r.share])).toEqual([['2021', '100%'], ['2022', '0%']]);
    expect(page.rule.all).toEqual({ label: 'All', pairs: 2, hits: 1, share: '50%' });
    expect(page.rule.allText).toBe('1 of 2 (50%)');
  });
});

describe('nextInspectionsStatusPage', () => {
  test('one page per status some council has', () => {
    expect(nextInspectionStatusPaths(site)).toEqual([
      { slug: 'overdue', status: 'overdue' },
      { slug: 'later', status: 'later' },
      { slug: 'under-monitoring', status: 'under_monitoring' },
      { slug: 'no-window', status: 'no_window' },
    ]);
  });

  test('only that status’s councils, its label in a sentence, and its own view marked among the others', () => {
    const later = nextInspectionsStatusPage('later', site);
    expect(later.rows.map((r) => r.name)).toEqual(['Ash', 'Birch']);
    expect(later.inSentence).toBe('due later');
    expect(later.views.filter((v) => v.current).map((v) => v.href)).toEqual(['/next-inspections/later/']);
    expect(later.views).toHaveLength(4);
    const monitoring = nextInspectionsStatusPage('under_monitoring', site);
    expect([monitoring.label, monitoring.inSentence, monitoring.rows.map((r) => r.id)]).toEqual(['Under monitoring', 'under monitoring', ['cedar']]);
    expect(monitoring.asAt).toBe('as at 16 June 2023, the date of this build');
  });
});
