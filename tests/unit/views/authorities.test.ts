// The list of authorities: current ones A to Z with their headline grade, former ones after
// with what replaced them, and the letter jump landing on the first name of each letter.
import { describe, expect, test } from 'vitest';
import { authoritiesView } from '../../../src/lib/views/authorities.ts';
import { authority, report, smallSite } from './small-site.ts';

const site = smallSite(
  [
    authority('ash', 'Ash'), authority('aspen', 'Aspen'), authority('birch', 'Birch', { region: 'London' }), authority('cedar', 'Cedar'), authority('dove', 'Dove'),
    authority('old', 'Old County', { current: false, successors: ['ash', 'birch'] }),
  ],
  [
    report('ofsted/ash/2022', { authority: 'ash', start: '2022-05-09', end: '2022-05-20', grades: { overall_effectiveness: 'good', help_and_protection: 'good' } }),
    // The council restates Ash's inspection with another overall grade: the sources disagree.
    report('seeds/ash-cabinet', { authority: 'ash', start: '2022-05-09', end: '2022-05-20', grades: { overall_effectiveness: 'requires_improvement' } }, { kind: 'council_report', issuer: 'Ash Council', date: '2022-09-01' }),
    report('ofsted/birch/2026', { authority: 'birch', type: 'not_stated', start: '2026-05-11', end: '2026-05-22', grades: { impact_of_leaders: 'good', help_and_protection: 'requires_improvement', children_in_care: 'good', care_leavers: 'outstanding' } }),
    report('ofsted/cedar/2024', { authority: 'cedar', type: 'focused_visit', end: '2024-03-01' }),
  ],
);
const view = authoritiesView(site);
const [current, former] = view.tables;

describe('authoritiesView', () => {
  test('current authorities A to Z, then the former ones, each table captioned with its count', () => {
    expect(view.tables.map((t) => t.id)).toEqual(['current', 'former']);
    expect(current!.rows.map((r) => r.name)).toEqual(['Ash', 'Aspen', 'Birch', 'Cedar', 'Dove']);
    expect(current!.caption).toBe('Current authorities (5), A to Z, with their latest graded inspection');
    expect(former!.caption).toBe('Former authorities (1), replaced by the authorities named');
    expect([view.current, view.former]).toEqual([5, 1]);
  });

  test('the letter jump lands on the first current authority of each letter, and only there', () => {
    expect(view.letters).toEqual(['A', 'B', 'C', 'D']);
    expect(current!.rows.map((r) => r.anchor)).toEqual(['letter-a', undefined, 'letter-b', 'letter-c', 'letter-d']);
    expect(former!.rows[0]!.anchor).toBeUndefined();
  });

  test('the headline is the overall grade, linked to its sentence and to the disagreement about it', () => {
    const ash = current!.rows[0]!;
    expect(ash.href).toBe('/authorities/ash/');
    expect(ash.latest!.what).toBe('ILACS standard inspection, 9 to 20 May 2022');
    expect(ash.latest!.noOverall).toBe(false);
    expect(ash.latest!.grades).toEqual([
      { grade: 'good', href: '/documents/ofsted/ash/2022/#evidence-1-overall-effectiveness', disputedHref: '/authorities/ash/#disagreements' },
    ]);
  });

  test('an inspection that gives no overall grade shows the grades it gives, each named, and says so', () => {
    const birch = current!.rows[2]!;
    expect(birch.latest!.noOverall).toBe(true);
    expect(birch.latest!.grades.map((g) => [g.label, g.grade])).toEqual([
      ['Impact of leaders', 'good'],
      ['Help and protection', 'requires_improvement'],
      ['Children in care', 'good'],
      ['Care leavers', 'outstanding'],
    ]);
  });

  test('without a graded inspection, says whether there are documents at all', () => {
    expect(current!.rows.find((r) => r.id === 'cedar')!.empty).toBe('no graded inspection in our documents yet');
    expect(current!.rows.find((r) => r.id === 'dove')!.empty).toBe('no documents yet');
  });

  test('a former authority names what replaced it', () => {
    expect(former!.rows[0]).toMatchObject({ name: 'Old County', replacedBy: 'Ash and Birch', empty: 'no documents yet' });
  });

  test('with no former authorities there is no second table', () => {
    const only = authoritiesView(smallSite([authority('ash', 'Ash')], []));
    expect(only.tables.map((t) => t.id)).toEqual(['current']);
    expect(only.former).toBe(0);
  });
});
