// The comparison table's pages: which rows each shows, and the views its filters link to.
import { describe, expect, test } from 'vitest';
import { comparisonGradePaths, comparisonGradeView, comparisonRegionPaths, comparisonRegionView, comparisonView, historyRows, latestOverallGrades } from '../../../src/lib/views/comparison.ts';
import { noGradesText } from '../../../src/lib/format.ts';
import { authority, report, smallSite } from './small-site.ts';

const site = smallSite(
  [authority('a', 'Ash'), authority('b', 'Birch', { region: 'London' }), authority('c', 'Cedar'), authority('old', 'Old', { current: false })],
  [
    report('ofsted/a/2019', { authority: 'a', framework: 'sif', end: '2019-03-01', grades: { overall_effectiveness: 'inadequate' } }),
    report('ofsted/a/2022', { authority: 'a', end: '2022-05-20', grades: { overall_effectiveness: 'good' } }),
    report('ofsted/b/2021', { authority: 'b', end: '2021-06-01', grades: { overall_effectiveness: 'outstanding' } }),
    report('ofsted/old/2015', { authority: 'old', framework: 'sif', end: '2015-06-01', grades: { overall_effectiveness: 'requires_improvement' } }),
  ],
);
const ids = (rows: { authority: { href: string } }[]) => rows.map((r) => r.authority.href.split('/')[2]);

describe('comparisonView', () => {
  test('the latest view: one row per current authority, its latest graded inspection if any', () => {
    const view = comparisonView({ view: 'latest' }, site);
    expect(ids(view.rows)).toEqual(['a', 'b', 'c']);
    expect(view.rows[0]!.inspection!.grades).toMatchObject({ cells: { framework: 'ilacs', judgements: { overall_effectiveness: { grade: 'good', href: '/documents/ofsted/a/2022/#evidence-1-overall-effectiveness' } } } });
    expect(view.rows[2]!.inspection).toBeUndefined();
    expect(view.withInspection).toBe(2);
  });

  test('each row carries what the filtering script reads, and its date sorts', () => {
    const [ash] = comparisonView({ view: 'latest' }, site).rows;
    expect(ash!.data).toEqual({ region: 'north-east', type: 'unitary-authority', framework: 'ilacs', year: '2022' });
    expect(ash!.inspection!.date).toEqual({ sort: '2022-05-20', text: '20 May 2022' });
    expect(ash!.inspection!.framework).toBe('ILACS');
  });

  test('the views by region and by overall grade hold exactly those rows', () => {
    expect(ids(comparisonView({ view: 'latest', region: 'London' }, site).rows)).toEqual(['b']);
    expect(ids(comparisonView({ view: 'latest', grade: 'good' }, site).rows)).toEqual(['a']);
  });

  test('the history: every inspection of every authority, former ones too, A to Z and newest first', () => {
    const view = comparisonView({ view: 'all' }, site);
    expect(view.filters.view).toBe('all');
    expect(view.rows.map((r) => `${r.authority.name} ${r.inspection!.date.sort}${r.authority.former ? ' (former)' : ''}`)).toEqual([
      'Ash 2022-05-20', 'Ash 2019-03-01', 'Birch 2021-06-01', 'Old 2015-06-01 (former)',
    ]);
    expect(historyRows(site).map((r) => r.group!.end)).toEqual(['2022-05-20', '2019-03-01', '2021-06-01', '2015-06-01']);
  });

  test('the filters offer what the rows have, and link to each region and overall grade some current authority has, best first', () => {
    const { filters } = comparisonView({ view: 'all' }, site);
    expect(filters.options.framework).toEqual([{ value: 'sif', label: 'SIF' }, { value: 'ilacs', label: 'ILACS' }]);
    expect(filters.options.year.map((o) => o.value)).toEqual(['2022', '2021', '2019', '2015']);
    expect(filters.options.region).toEqual([{ value: 'london', label: 'London' }, { value: 'north-east', label: 'North East' }]);
    expect(filters.options.grade.map((o) => o.value)).toEqual(['outstanding', 'good', 'requires-improvement', 'adequate', 'inadequate']);
    expect(filters.views.region.map((v) => v.value)).toEqual(['/judgements/region/london/', '/judgements/region/north-east/']);
    expect(filters.views.grade).toEqual([{ value: '/judgements/grade/outstanding/', label: 'Outstanding' }, { value: '/judgements/grade/good/', label: 'Good' }]);
    expect(latestOverallGrades(site)).toEqual(['outstanding', 'good']);
  });

  test('an inspection without grades fills the grade columns with why', () => {
    const visit = smallSite([authority('a', 'Ash')], [report('ofsted/a/2023', { authority: 'a', type: 'monitoring_visit', end: '2023-01-10' })]);
    expect(comparisonView({ view: 'all' }, visit).rows[0]!.inspection!.grades).toEqual({ none: 'no grades: a monitoring visit gives none' });
    expect(noGradesText({ graded: true, type: 'standard' })).toBe('not stated in our documents');
  });
});

describe('the pre-rendered views by grade and by region', () => {
  test('a page for each overall grade some current authority has, best first, named in words', () => {
    expect(comparisonGradePaths(site)).toEqual([{ slug: 'outstanding', grade: 'outstanding' }, { slug: 'good', grade: 'good' }]);
    const good = comparisonGradeView('good', site);
    expect([good.label, ids(good.rows)]).toEqual(['Good', ['a']]);
  });

  test('a page for each region of the current authorities, A to Z, linking to how its authorities rank', () => {
    expect(comparisonRegionPaths(site)).toEqual([{ slug: 'london', region: 'London' }, { slug: 'north-east', region: 'North East' }]);
    const northEast = comparisonRegionView('North East', site);
    expect([northEast.region, northEast.rankingHref, ids(northEast.rows)]).toEqual(['North East', '/regions/north-east/', ['a', 'c']]);
  });
});
