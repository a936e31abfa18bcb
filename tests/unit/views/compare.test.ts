// The compare pages: histories side by side by year, the ready-made comparisons, and the
// JSON the picker draws the same table from.
import { describe, expect, test } from 'vitest';
import { compareAuthorityView, compareIndexView, compareTableView, historiesJson } from '../../../src/lib/views/compare.ts';
import { compareTable } from '../../../src/lib/compare-table.ts';
import { authority, report, smallSite } from './small-site.ts';

const site = smallSite(
  [
    authority('a', 'Ash', { statistical_neighbours: ['b', 'gone'] }), authority('b', 'Birch', { region: 'London' }), authority('c', 'Cedar', { statistical_neighbours: ['unknown'] }),
    authority('old', 'Old', { current: false }),
  ],
  [
    report('ofsted/a/2019', { authority: 'a', framework: 'sif', end: '2019-03-01', grades: { overall_effectiveness: 'inadequate' } }),
    report('ofsted/a/2019-visit', { authority: 'a', type: 'monitoring_visit', end: '2019-11-01' }),
    report('ofsted/a/2022', { authority: 'a', start: '2022-05-09', end: '2022-05-20', grades: { overall_effectiveness: 'good' } }),
    report('ofsted/b/2021', { authority: 'b', end: '2021-06-01', grades: { overall_effectiveness: 'outstanding' } }),
  ],
);

describe('compareTableView', () => {
  const view = compareTableView(['a', 'b'], 'Ash and Birch', site);

  test('a column per authority, a row per year newest first, years with no inspection kept', () => {
    expect(view.columns).toEqual([{ name: 'Ash', href: '/authorities/a/' }, { name: 'Birch', href: '/authorities/b/' }]);
    expect(view.rows.map((r) => r.year)).toEqual(['2022', '2021', '2020', '2019']);
    expect(view.rows[2]!.cells).toEqual([[], []]);
  });

  test('each inspection with its overall grade linked to its sentence, or whether it graded anything, oldest first in a year', () => {
    expect(view.rows[0]!.cells[0]).toEqual([
      { year: '2022', label: 'ILACS standard inspection, 9 to 20 May 2022', graded: true, grade: 'good', gradeLabel: 'Good', evidence: '/documents/ofsted/a/2022/#evidence-1-overall-effectiveness' },
    ]);
    expect(view.rows[3]!.cells[0]!.map((i) => i.grade ?? i.graded)).toEqual(['inadequate', false]);
  });

  test('is the table the picker lays out from historiesJson', () => {
    const json = historiesJson(site);
    expect(view).toEqual(compareTable('Ash and Birch', 'compare-caption', [json.a!, json.b!]));
  });
});

describe('compareAuthorityView', () => {
  test('compares an authority with the neighbours we know', () => {
    const view = compareAuthorityView(site.authorityById.get('a')!, site);
    expect(view.table.columns.map((c) => c.name)).toEqual(['Ash', 'Birch']);
    expect(view.table.caption).toBe('Inspections of Ash and its statistical neighbours, by year');
    expect(view.hasNeighbours).toBe(true);
  });

  test('says when there are none', () => {
    const view = compareAuthorityView(site.authorityById.get('c')!, site);
    expect(view.hasNeighbours).toBe(false);
    expect(view.table.rows).toEqual([]);
  });
});

describe('compareIndexView', () => {
  test('the picker lists current authorities A to Z; the ready-made comparisons are grouped by region', () => {
    const view = compareIndexView(site);
    expect(view.picker.map((a) => a.name)).toEqual(['Ash', 'Birch', 'Cedar']);
    expect(view.readyMade).toEqual([
      { id: 'compare-london', region: 'London', authorities: [{ name: 'Birch', href: '/compare/b/' }] },
      { id: 'compare-north-east', region: 'North East', authorities: [{ name: 'Ash', href: '/compare/a/' }, { name: 'Cedar', href: '/compare/c/' }] },
    ]);
  });
});

describe('historiesJson', () => {
  test('every current authority’s dated inspections, oldest first, as the pre-rendered table shows them', () => {
    const json = historiesJson(site);
    expect(Object.keys(json)).toEqual(['a', 'b', 'c']);
    expect(json.a!.inspections).toEqual([
      { year: '2019', label: 'SIF standard inspection, 1 March 2019', graded: true, grade: 'inadequate', gradeLabel: 'Inadequate', evidence: '/documents/ofsted/a/2019/#evidence-1-overall-effectiveness' },
      { year: '2019', label: 'ILACS monitoring visit, 1 November 2019', graded: false },
      { year: '2022', label: 'ILACS standard inspection, 9 to 20 May 2022', graded: true, grade: 'good', gradeLabel: 'Good', evidence: '/documents/ofsted/a/2022/#evidence-1-overall-effectiveness' },
    ]);
    expect(json.c).toEqual({ name: 'Cedar', href: '/authorities/c/', inspections: [] });
  });
});
