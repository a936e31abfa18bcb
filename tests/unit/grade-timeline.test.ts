// The authority page's timeline of overall grades: what a screen reader hears, where each
// mark sits, and what is marked besides the grades (src/lib/grade-timeline.ts).
import { describe, expect, test } from 'vitest';
import { flattenDocuments, groupInspections } from '../../src/domain/derive.ts';
import { gradeTimelineModel, yearFraction, type TimelineVisit } from '../../src/lib/grade-timeline.ts';
import { DOCUMENTS, report } from '../fixtures/visit-letters.ts';

// Alpha: good (January 2019), requires improvement (May 2022), and an ILACS inspection of
// May 2026, which gives no overall grade. Its letters are groups too, with no grade.
const alpha = groupInspections(flattenDocuments([...DOCUMENTS, report('alpha', '2026-06-01', '2026-05-01', undefined)])).filter((g) => g.authority === 'alpha');
const visits: TimelineVisit[] = [
  { date: '2025-01-29', priority: false, label: 'focused visit, 28 to 29 January 2025, care leavers: no areas for priority action' },
  { date: '2020-01-15', priority: true, label: 'focused visit, 14 to 15 January 2020, front door: areas for priority action' },
];
const timeline = gradeTimelineModel('Alpha', alpha, visits)!;
const xs = (marks: readonly { x: string }[]) => marks.map((m) => Number(m.x));

describe('gradeTimelineModel', () => {
  test('its label reads every grade, the inspection without one and each visit, oldest first', () => {
    expect(timeline.label).toBe(
      'Overall effectiveness of Alpha over time: ' +
        'Good (ILACS standard inspection, 25 January 2019); ' +
        'focused visit, 14 to 15 January 2020, front door: areas for priority action; ' +
        'Requires improvement to be good (ILACS standard inspection, 20 May 2022); ' +
        'focused visit, 28 to 29 January 2025, care leavers: no areas for priority action; ' +
        'no overall grade: not given from April 2026 (ILACS standard inspection, 1 May 2026).',
    );
  });

  test('grades run oldest to newest from left to right, the better grade higher, each with its letter', () => {
    expect(timeline.points.map((p) => [p.letter, p.slug])).toEqual([['G', 'good'], ['RI', 'requires-improvement']]);
    const [good, ri] = timeline.points;
    expect(Number(good!.x)).toBeLessThan(Number(ri!.x));
    expect(good!.y).toBeLessThan(ri!.y);
    expect(timeline.rows.map((r) => r.label)).toEqual(['Outstanding', 'Good', 'Requires improvement / Adequate', 'Inadequate']);
    expect(timeline.rows[1]!.y).toBe(good!.y);
    expect(timeline.rows[2]!.y).toBe(ri!.y);
    expect(timeline.line).toBe(`${good!.x},${good!.y} ${ri!.x},${ri!.y}`);
  });

  test('marks the inspection without an overall grade after the last grade, so the line does not seem current', () => {
    expect(timeline.ungraded).toHaveLength(1);
    expect(Number(timeline.ungraded[0]!.x)).toBeGreaterThan(Math.max(...xs(timeline.points)));
  });

  test('marks focused visits on a row of their own, in date order; a triangle for priority actions', () => {
    expect(timeline.visitRow).toBeDefined();
    expect(timeline.visitRow!.y).toBeGreaterThan(timeline.plot.bottom);
    expect(timeline.visits.map((v) => v.priority)).toEqual([false, true]);
    const [later, earlier] = xs(timeline.visits);
    expect(earlier).toBeLessThan(later!);
    expect(timeline.visits[1]).toMatchObject({ path: `M ${timeline.visits[1]!.x} 165 l 9 16 h -18 z` });
    expect(timeline.viewBox).toBe('0 0 640 220');
  });

  test('without visits: no visits row, and a shorter figure', () => {
    const plain = gradeTimelineModel('Alpha', alpha)!;
    expect(plain.visitRow).toBeUndefined();
    expect(plain.visits).toEqual([]);
    expect(plain.viewBox).toBe('0 0 640 190');
  });

  test('labels every other year when the years shown are more than 12, and the frameworks’ starts', () => {
    // From 2013 (always shown, for the frameworks' starts) to 2027, after the 2026 inspection.
    expect(timeline.years.map((y) => y.year)).toEqual([2013, 2015, 2017, 2019, 2021, 2023, 2025, 2027]);
    const yearXs = timeline.years.map((y) => y.x);
    expect(yearXs).toEqual([...yearXs].sort((a, b) => a - b));
    const short = gradeTimelineModel('Alpha', alpha.filter((g) => g.end?.startsWith('2019')))!;
    expect(short.years.map((y) => y.year)).toEqual([2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    expect(short.line).toBeUndefined();
    expect(timeline.boundaries.map((b) => b.label)).toEqual(['SIF', 'ILACS']);
  });

  test('no timeline when no inspection gave an overall grade', () => {
    const charlie = groupInspections(flattenDocuments(DOCUMENTS)).filter((g) => g.authority === 'charlie');
    expect(charlie.some((g) => g.graded)).toBe(true);
    expect(gradeTimelineModel('Charlie', charlie, visits)).toBeUndefined();
  });

  test('a date becomes a year and its fraction', () => {
    expect(yearFraction('2019-01-01')).toBe(2019);
    expect(yearFraction('2019-07-01')).toBe(2019.5);
  });
});
