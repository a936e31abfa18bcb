// What /national/ shows: for each judgement the map can show, how the grades of every
// graded inspection were distributed year by year, as a chart and a table of the same
// numbers. Pure: the site's data is an argument (tests/unit/views/national.test.ts).
import type * as Site from '../site-data.ts';
import { publishLagByYear, type PublishLagYear } from '../../domain/inspection-kind.ts';
import type { ChartSpec } from '../chart-spec.ts';
import { COLUMNS, type ColumnId } from '../../domain/alignment.ts';
import { gradeDistribution } from '../../domain/explore.ts';
import { MAP_COLUMNS } from '../../domain/hexmap.ts';
import { GRADE_LABELS, GRADES, gradeSlug } from '../../domain/vocabulary.ts';

export interface NationalSection {
  id: ColumnId;
  label: string;
  chart: { id: string; spec: ChartSpec; label: string };
  table: {
    id: string;
    caption: string;
    /** The grades some year has, best first (GRADES' order), as column headings. */
    gradeHeadings: string[];
    /** Each year, oldest first: its count of each grade in gradeHeadings' order. */
    rows: { year: string; counts: number[]; total: number; notGiven: number }[];
    /** Whether any year has inspections that gave no grade for the judgement (overall effectiveness from April 2026). */
    showNotGiven: boolean;
  };
}

/** Days from the last day on site to publication, by year (PublishLag): a table each for full inspections and for letters, when they have any. */
export interface PublishLagView {
  tables: {
    id: string;
    caption: string;
    /** Oldest first; the median whole or to one decimal ("35", "35.5"). */
    rows: { year: string; median: string; shortest: number; longest: number; count: number }[];
  }[];
  /** True when no letter gives both dates to the day, which the text then says. */
  noLetters: boolean;
}

export interface NationalView {
  sections: NationalSection[];
  publishLag: PublishLagView;
}

export function nationalView(site: Pick<typeof Site, 'groups'>): NationalView {
  const visits = site.groups.filter((g) => !g.graded && g.records.some((r) => r.documentKind === 'ofsted_letter'));
  return {
    sections: nationalSections(site),
    publishLag: publishLagView(publishLagByYear(site.groups.filter((g) => g.graded)), publishLagByYear(visits)),
  };
}

/** A median of whole days is whole or halfway: printed "35" or "35.5". */
const daysText = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function publishLagView(inspections: readonly PublishLagYear[], letters: readonly PublishLagYear[]): PublishLagView {
  const rows = (years: readonly PublishLagYear[]) => years.map((y) => ({ year: y.year, median: daysText(y.median), shortest: y.shortest, longest: y.longest, count: y.count }));
  return {
    tables: [
      { id: 'lag-inspections', caption: 'Full inspections: days from the last day on site to publication, by the year the inspection ended', rows: rows(inspections) },
      { id: 'lag-letters', caption: 'Visits (letters): days from the last day on site to publication, by the year the visit ended', rows: rows(letters) },
    ].filter((t) => t.rows.length > 0),
    noLetters: letters.length === 0,
  };
}

function nationalSections(site: Pick<typeof Site, 'groups'>): NationalSection[] {
  return MAP_COLUMNS.map((id) => {
    const label = COLUMNS.find((c) => c.id === id)!.label;
    const rows = gradeDistribution(site.groups, id);
    const grades = GRADES.filter((g) => rows.some((r) => r.counts[g]));
    return {
      id,
      label,
      chart: {
        id: `chart-${id}`,
        spec: {
          kind: 'stacked-bar',
          labels: rows.map((r) => r.year),
          series: grades.map((g) => ({ label: GRADE_LABELS[g], grade: gradeSlug(g), values: rows.map((r) => r.counts[g] ?? 0) })),
          yTitle: 'Inspections',
        },
        label: `${label}: grades of inspections by year`,
      },
      table: {
        id: `table-${id}`,
        caption: `${label}: inspections by year and grade`,
        gradeHeadings: grades.map((g) => GRADE_LABELS[g]),
        rows: rows.map((r) => ({ year: r.year, counts: grades.map((g) => r.counts[g] ?? 0), total: r.total, notGiven: r.notGiven })),
        showNotGiven: rows.some((r) => r.notGiven > 0),
      },
    };
  });
}
