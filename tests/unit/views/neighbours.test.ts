// The authority page's neighbours table: the authority first, then its statistical
// neighbours, each with its latest overall grade or why there is none.
import { describe, expect, test } from 'vitest';
import { neighbourGradesView } from '../../../src/lib/views/neighbours.ts';
import { authority, report, smallSite } from './small-site.ts';

const site = smallSite(
  [authority('a', 'Ash', { statistical_neighbours: ['b', 'c', 'gone'] }), authority('b', 'Birch'), authority('c', 'Cedar')],
  [
    report('ofsted/a/2022', { authority: 'a', start: '2022-05-09', end: '2022-05-20', grades: { overall_effectiveness: 'good' } }),
    report('ofsted/b/2026', { authority: 'b', type: 'not_stated', start: '2026-05-11', end: '2026-05-22', grades: { impact_of_leaders: 'good', help_and_protection: 'good', children_in_care: 'good', care_leavers: 'good' } }),
  ],
);

describe('neighbourGradesView', () => {
  const view = neighbourGradesView(site.authorityById.get('a')!, site);

  test('the authority first, unlinked, then each neighbour, linked when we have its page', () => {
    expect(view.caption).toBe('Latest overall effectiveness grade of Ash and its statistical neighbours');
    expect(view.rows.map((r) => [r.name, r.self, r.href])).toEqual([
      ['Ash', true, undefined],
      ['Birch', false, '/authorities/b/'],
      ['Cedar', false, '/authorities/c/'],
      ['gone', false, undefined],
    ]);
  });

  test('each latest overall grade links to its sentence; without one, says why', () => {
    expect(view.rows[0]).toMatchObject({ grade: { grade: 'good', href: '/documents/ofsted/a/2022/#evidence-1-overall-effectiveness' }, inspection: 'ILACS standard inspection, 9 to 20 May 2022' });
    expect(view.rows[1]).toMatchObject({ absent: 'not given by this inspection', inspection: 'ILACS inspection, 11 to 22 May 2026' });
    expect(view.rows[2]).toMatchObject({ absent: 'no graded inspection in our documents', inspection: '—' });
  });
});
