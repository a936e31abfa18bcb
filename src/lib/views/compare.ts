// What the compare pages show: /compare/ (the picker's list, A to Z, and the ready-made
// comparisons by region), /compare/<id>/ (an authority and its statistical neighbours,
// year by year) and /compare/histories.json (every current authority's inspections, which
// the picker draws in the browser as the same table). Pure: the site's data is an argument
// (tests/unit/views/compare.test.ts).
import type * as Site from '../site-data.ts';
import type { AuthorityData } from '../../schemas/authority.ts';
import { sortKey } from '../../domain/dates.ts';
import { inspectionDate, type InspectionGroup } from '../../domain/derive.ts';
import { historyCell, historyYears, type HistoryJson } from '../../domain/compare.ts';
import { inspectionYear, regionsOf, slugify } from '../../domain/explore.ts';
import { GRADE_LABELS, gradeSlug, type Grade } from '../../domain/vocabulary.ts';
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

/** One inspection in a comparison cell: its overall grade, or why there is none, and what and when it was. */
export interface CompareInspection {
  grade?: { grade: Grade; href: string };
  /** "no overall grade" or "no grades", when there is no grade. */
  absent?: string;
  /** "ILACS standard inspection, 9 to 20 May 2022" */
  label: string;
}

export interface CompareTableView {
  caption: string;
  columns: { name: string; href: string }[];
  /** Newest year first; a cell per column, its inspections oldest first. */
  rows: { year: string; cells: CompareInspection[][] }[];
}

const label = (g: InspectionGroup) => `${inspectionLabel(g.framework, g.type)}, ${inspectionWhen(g)}`;

/** Several authorities' histories side by side: a column per authority, a row per year. */
export function compareTableView(ids: readonly string[], caption: string, site: Pick<CompareSite, 'authorityById' | 'groupsByAuthority'>): CompareTableView {
  return {
    caption,
    columns: ids.map((id) => ({ name: site.authorityById.get(id)?.name ?? id, href: authorityHref(id) })),
    rows: historyYears(site.groupsByAuthority, ids).map((year) => ({
      year,
      cells: ids.map((id) =>
        historyCell(site.groupsByAuthority, id, year).groups.map((g) => {
          const j = g.judgements.overall_effectiveness;
          return { ...(j ? { grade: { grade: j.grade, href: judgementHref(j) } } : { absent: g.graded ? 'no overall grade' : 'no grades' }), label: label(g) };
        }),
      ),
    })),
  };
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

/** /compare/histories.json: each current authority's dated inspections, oldest first. */
export function historiesJson(site: Pick<CompareSite, 'currentAuthorities' | 'groupsByAuthority'>): HistoryJson {
  const data: HistoryJson = {};
  for (const a of site.currentAuthorities) {
    const groups = [...(site.groupsByAuthority.get(a.id) ?? [])].sort((x, y) => (sortKey(inspectionDate(x)) < sortKey(inspectionDate(y)) ? -1 : 1));
    data[a.id] = {
      name: a.name,
      href: authorityHref(a.id),
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
  return data;
}
