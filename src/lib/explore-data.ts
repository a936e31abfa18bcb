// What the explore pages (comparison views, regions, compare, map) share, derived once
// per build from site-data.ts.
import { authorities, authorityById, currentAuthorities, groups, latestByAuthority } from './site-data.ts';
import { rankAuthorities, slugify, type ComparisonRow, type RegionRanking } from '../domain/explore.ts';
import { GRADE_ORDER, GRADES, type Grade } from '../domain/vocabulary.ts';

/** Regions of the current authorities, A to Z. */
export const regions: string[] = [...new Set(currentAuthorities.map((a) => a.region))].sort((a, b) => a.localeCompare(b, 'en-GB'));
export const regionBySlug = new Map(regions.map((r) => [slugify(r), r]));

/** One row per current authority: its latest graded inspection. */
export const latestRows: ComparisonRow[] = currentAuthorities.map((authority) => ({ authority, group: latestByAuthority.get(authority.id) }));

/** One row per inspection of any authority, former ones included: A to Z, newest first. */
export const historyRows: ComparisonRow[] = authorities.flatMap((authority) =>
  groups.filter((g) => g.authority === authority.id).map((group) => ({ authority, group })),
);

/** Overall effectiveness grades some current authority's latest inspection has, best first. */
export const latestOverallGrades: Grade[] = GRADES.filter((g) => latestRows.some((r) => r.group?.judgements.overall_effectiveness?.grade === g)).sort(
  (a, b) => GRADE_ORDER[a] - GRADE_ORDER[b],
);

export const regionRankings: Map<string, RegionRanking> = new Map(
  regions.map((region) => [region, rankAuthorities(region, currentAuthorities.filter((a) => a.region === region), latestByAuthority)]),
);

export { regionHref } from './format.ts';

export { authorityById };
