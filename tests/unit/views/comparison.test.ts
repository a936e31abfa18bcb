// The comparison table's pages: which rows each shows, and the views its filters link to.
import { describe, expect, test } from 'vitest';
import { comparisonView, historyRows, latestOverallGrades } from '../../../src/lib/views/comparison.ts';
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
const ids = (rows: { authority: { id: string }; group?: { id: string } | undefined }[]) => rows.map((r) => r.authority.id);

describe('comparisonView', () => {
  test('the latest view: one row per current authority, its latest graded inspection if any', () => {
    const view = comparisonView({ view: 'latest' }, site);
    expect(ids(view.rows)).toEqual(['a', 'b', 'c']);
    expect(view.rows[0]!.group!.judgements.overall_effectiveness!.grade).toBe('good');
    expect(view.withInspection).toBe(2);
  });

  test('the views by region and by overall grade hold exactly those rows', () => {
    expect(ids(comparisonView({ view: 'latest', region: 'London' }, site).rows)).toEqual(['b']);
    expect(ids(comparisonView({ view: 'latest', grade: 'good' }, site).rows)).toEqual(['a']);
  });

  test('the history: every inspection of every authority, former ones too, A to Z and newest first', () => {
    const view = comparisonView({ view: 'all' }, site);
    expect(view.view).toBe('all');
    expect(view.rows.map((r) => `${r.authority.id} ${r.group!.end}`)).toEqual(['a 2022-05-20', 'a 2019-03-01', 'b 2021-06-01', 'old 2015-06-01']);
    expect(historyRows(site)).toEqual(view.rows);
  });

  test('the filters link to each region and each overall grade some current authority has, best first', () => {
    const view = comparisonView({ view: 'latest' }, site);
    expect(view.regions).toEqual(['London', 'North East']);
    expect(view.grades).toEqual(['outstanding', 'good']);
    expect(latestOverallGrades(site)).toEqual(['outstanding', 'good']);
  });
});
