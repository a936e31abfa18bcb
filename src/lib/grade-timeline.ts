// One authority's overall effectiveness grades over time, as the authority page's SVG
// timeline draws them (src/components/GradeTimeline.astro): every position, label and the
// sentence a screen reader hears, worked out here so the component only lays them out.
// Pure (tests/unit/grade-timeline.test.ts).
import { inspectionDate, type InspectionGroup } from '../domain/derive.ts';
import { sortKey, type PartialDate } from '../domain/dates.ts';
import { givesNoOverall } from '../domain/explore.ts';
import { GRADE_LETTERS } from '../domain/hexmap.ts';
import { GRADE_LABELS, GRADE_ORDER, gradeSlug, type Grade } from '../domain/vocabulary.ts';
import { inspectionLabel, inspectionWhen } from './format.ts';

/** A focused visit as the timeline marks it, on a row of its own below the grades: a letter gives no grade. */
export interface TimelineVisit {
  date: PartialDate;
  /** Whether it set areas for priority action (a triangle with "!", else a circle). */
  priority: boolean;
  /** Its words in the summary: "focused visit, 14 to 15 May 2024, front door: areas for priority action". */
  label: string;
}

/** Numbers print as they are (SVG coordinates); strings are coordinates already rounded to one decimal. */
export interface GradeTimelineModel {
  viewBox: string;
  /** "Overall effectiveness of <name> over time: Good (ILACS …, …); …." — every mark, oldest first. */
  label: string;
  /** The plotting area: gridlines run from left to right, boundaries and ungraded marks from top to bottom; row labels end at labelX. */
  plot: { left: number; right: number; top: number; bottom: number; labelX: number };
  /** A gridline per grade row, best first. */
  rows: { label: string; y: number; labelY: number }[];
  /** Where the single inspection framework and ILACS began, when inside the years shown. */
  boundaries: { label: string; x: number; labelX: number; labelY: number }[];
  /** The years along the bottom (every other one when there are more than 12). */
  years: { year: number; x: number; y: number }[];
  /** The polyline's points through the grades, oldest first; absent for a single grade. */
  line?: string;
  /** Graded inspections that gave no overall grade (ILACS from April 2026). */
  ungraded: { x: string; labelX: string; labelY: number }[];
  /** The focused visits' row, when there are any. */
  visitRow?: { y: number; labelY: number };
  visits: ({ priority: true; x: string; path: string; letterY: number } | { priority: false; x: string; y: number })[];
  /** Each overall grade, oldest first, with its letter so it reads without colour. */
  points: { x: string; y: number; letterY: number; slug: string; letter: string }[];
}

const WIDTH = 640;
const LEFT = 190;
const RIGHT = 20;
const TOP = 15;
const ROW_HEIGHT = 36;
const GRADE_ROWS = ['Outstanding', 'Good', 'Requires improvement / Adequate', 'Inadequate'];
const FRAMEWORK_STARTS = [
  { t: 2013 + 10 / 12, label: 'SIF' },
  { t: 2018, label: 'ILACS' },
];

/** A date as a year with its fraction: "2019-07-01" → 2019.5. */
export function yearFraction(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y + (m - 1) / 12 + (d - 1) / 365;
}

/**
 * The timeline of an authority's inspections (`history`) and focused visits; undefined when
 * no inspection gave an overall grade, since then there is no line to draw.
 */
export function gradeTimelineModel(name: string, history: readonly InspectionGroup[], visits: readonly TimelineVisit[] = []): GradeTimelineModel | undefined {
  const points = history
    .filter((g) => g.judgements.overall_effectiveness && inspectionDate(g))
    .map((g) => ({ g, grade: g.judgements.overall_effectiveness!.grade as Grade, t: yearFraction(sortKey(inspectionDate(g))) }))
    .sort((a, b) => a.t - b.t);
  if (points.length === 0) return undefined;
  // Graded inspections that gave no overall grade (ILACS from April 2026): marked on the
  // timeline as such, so that the line never seems to end at an older grade.
  const ungraded = history
    .filter((g) => g.graded && !g.judgements.overall_effectiveness && inspectionDate(g) && givesNoOverall(g))
    .map((g) => ({ g, t: yearFraction(sortKey(inspectionDate(g))) }));
  const visitMarks = visits.map((v) => ({ ...v, t: yearFraction(sortKey(v.date)) }));

  const height = 190 + (visitMarks.length > 0 ? 30 : 0);
  const bottom = TOP + 4 * ROW_HEIGHT;
  const first = Math.floor(Math.min(...points.map((p) => p.t), 2013));
  const last = Math.ceil(Math.max(...points.map((p) => p.t), ...ungraded.map((u) => u.t), ...visitMarks.map((v) => v.t), 2018) + 0.01);
  const x = (t: number) => LEFT + ((t - first) / (last - first)) * (WIDTH - LEFT - RIGHT);
  const rowY = (order: number) => TOP + (order - 1) * ROW_HEIGHT + ROW_HEIGHT / 2;
  const y = (grade: Grade) => rowY(GRADE_ORDER[grade]);

  const summary = [
    ...points.map((p) => ({ t: p.t, text: `${GRADE_LABELS[p.grade]} (${inspectionLabel(p.g.framework, p.g.type)}, ${inspectionWhen(p.g)})` })),
    ...ungraded.map((u) => ({ t: u.t, text: `no overall grade: not given from April 2026 (${inspectionLabel(u.g.framework, u.g.type)}, ${inspectionWhen(u.g)})` })),
    ...visitMarks.map((v) => ({ t: v.t, text: v.label })),
  ]
    .sort((a, b) => a.t - b.t)
    .map((s) => s.text)
    .join('; ');

  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i).filter((yr, _, all) => all.length <= 12 || (yr - first) % 2 === 0);
  return {
    viewBox: `0 0 ${WIDTH} ${height}`,
    label: `Overall effectiveness of ${name} over time: ${summary}.`,
    plot: { left: LEFT, right: WIDTH - RIGHT, top: TOP, bottom, labelX: LEFT - 8 },
    rows: GRADE_ROWS.map((label, i) => ({ label, y: rowY(i + 1), labelY: rowY(i + 1) + 4 })),
    boundaries: FRAMEWORK_STARTS.filter((b) => b.t > first && b.t < last).map((b) => ({ label: b.label, x: x(b.t), labelX: x(b.t) + 3, labelY: TOP + 8 })),
    years: years.map((year) => ({ year, x: x(year), y: height - 8 })),
    ...(points.length > 1 ? { line: points.map((p) => `${x(p.t).toFixed(1)},${y(p.grade)}`).join(' ') } : {}),
    ungraded: ungraded.map((u) => ({ x: x(u.t).toFixed(1), labelX: (x(u.t) - 3).toFixed(1), labelY: bottom - 4 })),
    ...(visitMarks.length > 0 ? { visitRow: { y: bottom + 16, labelY: bottom + 20 } } : {}),
    visits: visitMarks.map((v) =>
      v.priority
        ? { priority: true as const, x: x(v.t).toFixed(1), path: `M ${x(v.t).toFixed(1)} ${bottom + 6} l 9 16 h -18 z`, letterY: bottom + 20 }
        : { priority: false as const, x: x(v.t).toFixed(1), y: bottom + 16 },
    ),
    points: points.map((p) => ({ x: x(p.t).toFixed(1), y: y(p.grade), letterY: y(p.grade) + 4, slug: gradeSlug(p.grade), letter: GRADE_LETTERS[p.grade]! })),
  };
}
