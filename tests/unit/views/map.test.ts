// The map pages: a hex per current authority, coloured and lettered by its grade, its key,
// the choice of judgement, and the same grades as lists.
import { describe, expect, test } from 'vitest';
import { mapHref, mapView, type HexLayout } from '../../../src/lib/views/map.ts';
import { GRADE_FILLS } from '../../../src/domain/palette.ts';
import { authority, report, smallSite } from './small-site.ts';

const site = smallSite([authority('a', 'Ash'), authority('b', 'Birch'), authority('c', 'Cedar'), authority('d', 'Dale'), authority('old', 'Old', { current: false })], [
  report('ofsted/a/2022', { authority: 'a', end: '2022-05-20', grades: { overall_effectiveness: 'good', impact_of_leaders: 'outstanding' } }),
  report('ofsted/b/2019', { authority: 'b', end: '2019-06-01', grades: { overall_effectiveness: 'outstanding', impact_of_leaders: 'good' } }),
  report('ofsted/c/2026', { authority: 'c', type: 'not_stated', start: '2026-05-11', end: '2026-05-22', grades: { impact_of_leaders: 'good', help_and_protection: 'good', children_in_care: 'good', care_leavers: 'good' } }),
]);
const layout: HexLayout = { a: { q: 0, r: 0 }, b: { q: 1, r: 1 }, c: { q: 2, r: 0 }, d: { q: 0, r: 1 } };

describe('mapView', () => {
  const view = mapView('overall', site, layout);

  test('draws one hex per current authority, linked and named with its grade in words and its letter', () => {
    expect(view.map.hexes.map((h) => [h.href, h.label, h.letter])).toEqual([
      ['/authorities/a/', 'Ash: Good, G', 'G'],
      ['/authorities/b/', 'Birch: Outstanding, O', 'O'],
      ['/authorities/c/', expect.stringMatching(/^Cedar: not given/), 'N'],
      ['/authorities/d/', 'Dale: no graded inspection in our documents', '–'],
    ]);
    expect(view.map.hexes[0]!.fill).toBe(GRADE_FILLS.good.fill);
    expect(view.map.hexes[3]!.className).toBe('no-grade');
    expect(view.map.caption).toBe('Overall effectiveness: the latest grade of each of the 4 current authorities in England, one hexagon each.');
  });

  test('places hexes by the layout, odd rows shifted half a hex, north at the top', () => {
    const [ash, birch] = view.map.hexes;
    expect(Number(birch!.x)).toBeGreaterThan(Number(ash!.x));
    expect(Number(birch!.y)).toBeLessThan(Number(ash!.y));
    expect(view.map.viewBox).toBe(`0 0 ${Math.round(3.5 * Math.sqrt(3) * 19)} ${Math.round(2 * 1.5 * 19 + 19)}`);
  });

  test('keys each grade shown with its count, then the hexes without one', () => {
    expect(view.map.legend.map((l) => [l.letter, l.text])).toEqual([
      ['O', 'Outstanding (1)'],
      ['G', 'Good (1)'],
      ['RI', 'Requires improvement to be good (0)'],
      ['I', 'Inadequate (0)'],
      ['N', expect.stringMatching(/^Not given: .* \(1\)$/)],
      ['–', 'No graded inspection, or not stated in our documents (1)'],
    ]);
  });

  test('lists the same authorities by grade, best first, then those without a grade and why', () => {
    expect(view.lists.map((l) => l.heading)).toEqual(['Outstanding (1)', 'Good (1)', 'Not given or no graded inspection (2)']);
    expect(view.lists[2]!.authorities).toEqual([
      { name: 'Cedar', href: '/authorities/c/', note: expect.stringMatching(/^not given/) },
      { name: 'Dale', href: '/authorities/d/', note: 'no graded inspection in our documents' },
    ]);
  });

  test('offers each judgement, marking the one shown; the leaders map grades leaders', () => {
    expect(view.choices[0]).toEqual({ href: '/map/', label: 'Overall effectiveness', current: true });
    expect(mapHref('help_and_protection')).toBe('/map/help-and-protection/');
    const leaders = mapView('leaders', site, layout);
    expect(leaders.choices.filter((c) => c.current).map((c) => c.href)).toEqual(['/map/leaders/']);
    expect(leaders.map.hexes.map((h) => h.letter)).toEqual(['O', 'G', 'G', '–']);
  });

  test('refuses an authority the layout has no hex for', () => {
    expect(() => mapView('overall', site, { a: { q: 0, r: 0 } })).toThrow(/no hex for b/);
  });
});
