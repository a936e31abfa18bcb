// What the comparison table's pages show: /judgements/ (each current authority's latest
// graded inspection), /judgements/all/ (every inspection of every authority), and the
// pre-rendered views of the first by region and by overall grade. Pure: the site's data is
// an argument (tests/unit/views/comparison.test.ts).
import type * as Site from '../site-data.ts';
import { regionsOf, type ComparisonRow } from '../../domain/explore.ts';
import { GRADES, type Grade } from '../../domain/vocabulary.ts';

export type ComparisonSite = Pick<typeof Site, 'authorities' | 'currentAuthorities' | 'groupsByAuthority' | 'latestByAuthority'>;

/** One row per current authority: its latest graded inspection, if any. */
export function latestRows(site: Pick<ComparisonSite, 'currentAuthorities' | 'latestByAuthority'>): ComparisonRow[] {
  return site.currentAuthorities.map((authority) => ({ authority, group: site.latestByAuthority.get(authority.id) }));
}

/** One row per inspection of any authority, former ones included: A to Z, newest first. */
export function historyRows(site: Pick<ComparisonSite, 'authorities' | 'groupsByAuthority'>): ComparisonRow[] {
  return site.authorities.flatMap((authority) => (site.groupsByAuthority.get(authority.id) ?? []).map((group) => ({ authority, group })));
}

/** The overall effectiveness grades some current authority's latest inspection has, best first: each has a pre-rendered view. */
export function latestOverallGrades(site: Pick<ComparisonSite, 'currentAuthorities' | 'latestByAuthority'>): Grade[] {
  const rows = latestRows(site);
  return GRADES.filter((g) => rows.some((r) => r.group?.judgements.overall_effectiveness?.grade === g));
}

/** Which rows a page shows: the latest of all, of a region or of an overall grade, or every inspection. */
export type ComparisonSelection = { view: 'all' } | { view: 'latest'; region?: string; grade?: Grade };

export interface ComparisonView {
  view: 'latest' | 'all';
  rows: ComparisonRow[];
  /** How many of the rows have an inspection. */
  withInspection: number;
  /** The regions and grades with a pre-rendered view, for the filters' links. */
  regions: string[];
  grades: Grade[];
}

export function comparisonView(selection: ComparisonSelection, site: ComparisonSite): ComparisonView {
  const rows =
    selection.view === 'all'
      ? historyRows(site)
      : latestRows(site).filter(
          (r) =>
            (!selection.region || r.authority.region === selection.region) &&
            (!selection.grade || r.group?.judgements.overall_effectiveness?.grade === selection.grade),
        );
  return {
    view: selection.view,
    rows,
    withInspection: rows.filter((r) => r.group).length,
    regions: regionsOf(site.currentAuthorities),
    grades: latestOverallGrades(site),
  };
}
