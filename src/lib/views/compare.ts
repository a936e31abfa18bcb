// What the compare pages show: /compare/ (the picker's list, A to Z, and the ready-made
// comparisons by region), /compare/<id>/ (an authority and its statistical neighbours,
// year by year) and /compare/histories.json (every current authority's inspections, which
// the picker lays out in the browser as the same table, with src/lib/compare-table.ts).
// Pure: the site's data is an argument (tests/unit/views/compare.test.ts).
import type * as Site from '../site-data.ts';
import type { AuthorityData } from '../../schemas/authority.ts';
import { sortKey } from '../../domain/dates.ts';
import { inspectionDate, type InspectionGroup } from '../../domain/derive.ts';
import { compareTable, type AuthorityHistory, type CompareTableView, type HistoryJson } from '../compare-table.ts';
import { inspectionYear, regionsOf, slugify } from '../../domain/explore.ts';
import { GRADE_LABELS, gradeSlug } from '../../domain/vocabulary.ts';
import { authorityHref, inspectionLabel, inspectionWhen, judgementHref } from '../format.ts';

export type CompareSite = Pick<typeof Site, 'authorityById' | 'currentAuthorities' | 'groupsByAuthority'>;

export interface CompareIndexView {
  /** The picker's authorities, A to Z. */
  picker: { id: string; name: string; region: string }[];
  /** The ready-made comparisons, by region. */
  readyMade: { id: string; region: string; authorities: { name: string; href: string }[] }[];
}

export function compareIndexView(site: Pick<CompareSite, 'currentAuthorities'>): CompareIndexView {
  return {
    picker: site.currentAuthorities.map((a) => ({ id: a.id, name: a.name, region: a.region })),
    readyMade: regionsOf(site.currentAuthorities).map((region) => ({
      id: `compare-${slugify(region)}`,
      region,
      authorities: site.currentAuthorities.filter((a) => a.region === region).map((a) => ({ name: a.name, href: `/compare/${a.id}/` })),
    })),
  };
}

const label = (g: InspectionGroup) => `${inspectionLabel(g.framework, g.type)}, ${inspectionWhen(g)}`;

/** An authority's inspections that have a year, oldest first, each with its overall grade or whether it graded anything. */
function authorityHistory(id: string, name: string, site: Pick<CompareSite, 'groupsByAuthority'>): AuthorityHistory {
  const groups = [...(site.groupsByAuthority.get(id) ?? [])].sort((x, y) => (sortKey(inspectionDate(x)) < sortKey(inspectionDate(y)) ? -1 : 1));
  return {
    name,
    href: authorityHref(id),
    inspections: groups
      .filter((g) => inspectionYear(g))
      .map((g) => {
        const j = g.judgements.overall_effectiveness;
        return {
          year: inspectionYear(g)!,
          label: label(g),
          graded: g.graded,
          ...(j ? { grade: gradeSlug(j.grade), gradeLabel: GRADE_LABELS[j.grade], evidence: judgementHref(j) } : {}),
        };
      }),
  };
}

/** Several authorities' histories side by side: a column per authority, a row per year. */
export function compareTableView(ids: readonly string[], caption: string, site: Pick<CompareSite, 'authorityById' | 'groupsByAuthority'>): CompareTableView {
  return compareTable(caption, 'compare-caption', ids.map((id) => authorityHistory(id, site.authorityById.get(id)?.name ?? id, site)));
}

export interface CompareAuthorityView {
  name: string;
  href: string;
  /** False when the reference data names no statistical neighbour we know. */
  hasNeighbours: boolean;
  table: CompareTableView;
}

/** /compare/<id>/: the authority and those of its statistical neighbours we know. */
export function compareAuthorityView(authority: AuthorityData, site: Pick<CompareSite, 'authorityById' | 'groupsByAuthority'>): CompareAuthorityView {
  const ids = [authority.id, ...authority.statistical_neighbours.filter((id) => site.authorityById.has(id))];
  return {
    name: authority.name,
    href: authorityHref(authority.id),
    hasNeighbours: ids.length > 1,
    table: compareTableView(ids, `Inspections of ${authority.name} and its statistical neighbours, by year`, site),
  };
}

/** /compare/histories.json: each current authority's history, which the picker lays out as compareTableView does. */
export function historiesJson(site: Pick<CompareSite, 'currentAuthorities' | 'groupsByAuthority'>): HistoryJson {
  return Object.fromEntries(site.currentAuthorities.map((a) => [a.id, authorityHistory(a.id, a.name, site)]));
}
