// The region pages: authorities ranked by their latest overall grade, what the panel says,
// the chart's numbers, and the list of regions.
import { describe, expect, test } from 'vitest';
import { regionPaths, regionsView, regionView } from '../../../src/lib/views/region.ts';
import { authority, report, smallSite } from './small-site.ts';

const site = smallSite(
  [
    authority('alpha', 'Alpha'), authority('bravo', 'Bravo'), authority('charlie', 'Charlie'), authority('delta', 'Delta'), authority('echo', 'Echo'),
    authority('camden', 'Camden', { region: 'London' }), authority('old', 'Old County', { current: false }),
  ],
  [
    report('ofsted/alpha/2022', { authority: 'alpha', start: '2022-05-09', end: '2022-05-20', grades: { overall_effectiveness: 'outstanding' } }),
    report('ofsted/bravo/2023', { authority: 'bravo', end: '2023-02-10', grades: { overall_effectiveness: 'good' } }),
    report('ofsted/charlie/2021', { authority: 'charlie', end: '2021-11-20', grades: { overall_effectiveness: 'good' } }),
    report('ofsted/delta/2026', { authority: 'delta', type: 'not_stated', start: '2026-05-11', end: '2026-05-22', grades: { impact_of_leaders: 'good', help_and_protection: 'good', children_in_care: 'good', care_leavers: 'good' } }),
    report('ofsted/camden/2024', { authority: 'camden', end: '2024-03-01', grades: { overall_effectiveness: 'inadequate' } }),
  ],
);

describe('regionView', () => {
  const view = regionView('North East', site);

  test('ranks best grade first, shares a rank between equal grades, and lists the unranked last with the reason', () => {
    expect(view.rows.map((r) => [r.name, r.rank, r.grade?.grade ?? r.unranked])).toEqual([
      ['Alpha', '1st', 'outstanding'],
      ['Bravo', '=2nd', 'good'],
      ['Charlie', '=2nd', 'good'],
      ['Delta', undefined, 'no overall effectiveness grade'],
      ['Echo', undefined, 'no graded inspection'],
    ]);
    expect(view.authorities).toBe(5);
  });

  test('links each grade to the sentence that states it, and says what inspection gave it', () => {
    const alpha = view.rows[0]!;
    expect(alpha.href).toBe('/authorities/alpha/');
    expect(alpha.grade!.href).toBe('/documents/ofsted/alpha/2022/#evidence-1-overall-effectiveness');
    expect(alpha.inspection).toBe('ILACS standard inspection, 9 to 20 May 2022');
    expect(view.rows.at(-1)!.inspection).toBe('—');
  });

  test('holds as at the latest inspection it uses, and says who is top and how many have each grade', () => {
    expect(view.asAt).toBe('22 May 2026');
    expect(view.summary).toBe(
      'As at 22 May 2026, the top-graded authority in North East is Alpha: overall effectiveness “Outstanding” at its latest graded inspection. ' +
        '1 of 3 ranked authorities: Outstanding; 2 of 3 ranked authorities: Good.',
    );
  });

  test('names joint top authorities together', () => {
    const joint = regionView('North East', smallSite([authority('a', 'Ash'), authority('b', 'Birch'), authority('c', 'Cedar')], [
      report('ofsted/a/2022', { authority: 'a', end: '2022-01-10', grades: { overall_effectiveness: 'good' } }),
      report('ofsted/b/2022', { authority: 'b', end: '2022-02-10', grades: { overall_effectiveness: 'good' } }),
      report('ofsted/c/2022', { authority: 'c', end: '2022-03-10', grades: { overall_effectiveness: 'good' } }),
    ]));
    expect(joint.summary).toMatch(/^As at 10 March 2022, the top-graded authorities in North East are Ash, Birch and Cedar, joint first: overall effectiveness “Good” at their latest graded inspection\. /);
  });

  test('charts the ranked authorities’ grades, 1 for outstanding to 4 for inadequate', () => {
    expect(view.chart!.spec.labels).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(view.chart!.spec.series).toEqual([{ label: 'Overall effectiveness', grade: 'none', values: [1, 2, 2] }]);
    expect(view.comparisonHref).toBe('/judgements/region/north-east/');
  });

  test('has no panel and no chart when no authority has a grade', () => {
    const empty = regionView('North East', smallSite([authority('echo', 'Echo')], []));
    expect(empty.summary).toBeUndefined();
    expect(empty.chart).toBeUndefined();
    expect(empty.asAt).toBe('no date');
  });
});

describe('regionsView', () => {
  test('one row per region of the current authorities, A to Z, with its grades in order', () => {
    expect(regionsView(site)).toEqual([
      { region: 'London', href: '/regions/london/', authorities: 1, grades: 'Inadequate: 1', asAt: '1 March 2024' },
      { region: 'North East', href: '/regions/north-east/', authorities: 5, grades: 'Outstanding: 1; Good: 2', asAt: '22 May 2026' },
    ]);
  });
});

describe('regionPaths', () => {
  test('a page for each region of the current authorities, A to Z, addressed by its slug', () => {
    expect(regionPaths(site)).toEqual([{ slug: 'london', region: 'London' }, { slug: 'north-east', region: 'North East' }]);
  });
});
