// The national picture: per judgement, each year's count of each grade, as a chart and a
// table of the same numbers; inspections that give no overall grade counted apart.
import { describe, expect, test } from 'vitest';
import { nationalView, publishLagView } from '../../../src/lib/views/national.ts';
import { authority, report, smallSite } from './small-site.ts';

const site = smallSite([authority('a', 'Ash'), authority('b', 'Birch')], [
  report('ofsted/a/2019', { authority: 'a', end: '2019-03-01', published: '2019-04-12', grades: { overall_effectiveness: 'inadequate', impact_of_leaders: 'inadequate' } }),
  report('ofsted/b/2019', { authority: 'b', end: '2019-06-01', published: '2019-07-06', grades: { overall_effectiveness: 'good', impact_of_leaders: 'requires_improvement' } }),
  report('ofsted/a/2022', { authority: 'a', end: '2022-05-20', published: '2022-06-24', grades: { overall_effectiveness: 'good', impact_of_leaders: 'good' } }),
  report('ofsted/b/2026', { authority: 'b', type: 'not_stated', start: '2026-05-11', end: '2026-05-22', grades: { impact_of_leaders: 'outstanding', help_and_protection: 'good', children_in_care: 'good', care_leavers: 'good' } }),
]);
const { sections, publishLag } = nationalView(site);
const overall = sections.find((s) => s.id === 'overall')!;
const leaders = sections.find((s) => s.id === 'leaders')!;

describe('nationalView', () => {
  test('a section per judgement the map shows, in the map’s order', () => {
    expect(sections.map((s) => s.id)).toEqual(['overall', 'leaders', 'help_and_protection', 'children_in_care', 'care_leavers']);
    expect(overall.table.caption).toBe('Overall effectiveness: inspections by year and grade');
  });

  test('counts each year’s grades in columns best first, only the grades some year has', () => {
    expect(overall.table.gradeHeadings).toEqual(['Good', 'Inadequate']);
    expect(overall.table.rows).toEqual([
      { year: '2019', counts: [1, 1], total: 2, notGiven: 0 },
      { year: '2022', counts: [1, 0], total: 1, notGiven: 0 },
      { year: '2026', counts: [0, 0], total: 0, notGiven: 1 },
    ]);
    expect(leaders.table.gradeHeadings).toEqual(['Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate']);
  });

  test('counts an inspection that gives no overall grade in a column of its own, only where there is one', () => {
    expect(overall.table.showNotGiven).toBe(true);
    expect(leaders.table.showNotGiven).toBe(false);
  });

  test('charts the same numbers, each series coloured by its grade’s slug', () => {
    expect(overall.chart.spec).toEqual({
      kind: 'stacked-bar',
      labels: ['2019', '2022', '2026'],
      series: [
        { label: 'Good', grade: 'good', values: [1, 1, 0] },
        { label: 'Inadequate', grade: 'inadequate', values: [1, 0, 0] },
      ],
      yTitle: 'Inspections',
    });
    expect(leaders.chart.spec.series.map((s) => s.grade)).toContain('requires-improvement');
    expect(overall.chart).toMatchObject({ id: 'chart-overall', label: 'Overall effectiveness: grades of inspections by year' });
  });
});

describe('time to publish', () => {
  test('a table of full inspections by year: the median whole or to one decimal, the shortest, longest and how many', () => {
    // 2019: 42 and 35 days; 2022: 35 days.
    expect(publishLag.tables.map((t) => t.id)).toEqual(['lag-inspections']);
    expect(publishLag.tables[0]!.rows).toEqual([
      { year: '2019', median: '38.5', shortest: 35, longest: 42, count: 2 },
      { year: '2022', median: '35', shortest: 35, longest: 35, count: 1 },
    ]);
  });

  test('without letters that give both dates there is no letters’ table, and the text says so', () => {
    expect(publishLag.noLetters).toBe(true);
    const both = publishLagView([], [{ year: '2024', count: 3, median: 21, shortest: 14, longest: 30 }]);
    expect(both.noLetters).toBe(false);
    expect(both.tables.map((t) => [t.id, t.caption])).toEqual([
      ['lag-letters', 'Visits (letters): days from the last day on site to publication, by the year the visit ended'],
    ]);
  });
});
