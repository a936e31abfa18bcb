// What the comparison table's pages show: /judgements/ (each current authority's latest
// graded inspection), /judgements/all/ (every inspection of every authority), and the
// pre-rendered views of the first by region and by overall grade. Pure: the site's data is
// an argument (tests/unit/views/comparison.test.ts).
import type * as Site from '../site-data.ts';
import { sortKey } from '../../domain/dates.ts';
import { frameworkDate, inspectionDate, type InspectionGroup } from '../../domain/derive.ts';
import { inspectionFacts } from './inspection-facts.ts';
import { inspectionYear, regionsOf, slugify, type ComparisonRow } from '../../domain/explore.ts';
import { FRAMEWORK_SHORT_LABELS, FRAMEWORKS, GRADE_LABELS, GRADES, gradeSlug, type Grade } from '../../domain/vocabulary.ts';
import { authorityHref, groupCellValues, inspectionWhen, noGradesText, regionHref, type AlignedGrades } from '../format.ts';

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

/** A filter's choices: the value the address and the rows carry, and its words. */
export type FilterOption = { value: string; label: string };

export interface ComparisonFiltersView {
  view: 'latest' | 'all';
  /** The choices the rows offer: regions and types A to Z, frameworks in order, years newest first, grades best first. */
  options: { region: FilterOption[]; type: FilterOption[]; framework: FilterOption[]; year: FilterOption[]; grade: FilterOption[] };
  /** The regions and grades with a pre-rendered view. */
  views: { region: FilterOption[]; grade: FilterOption[] };
}

export interface ComparisonView {
  rows: ComparisonRowView[];
  /** How many of the rows have an inspection. */
  withInspection: number;
  filters: ComparisonFiltersView;
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
    rows: rows.map(comparisonRowView),
    withInspection: rows.filter((r) => r.group).length,
    filters: {
      view: selection.view,
      options: filterOptions(rows),
      views: {
        region: regionsOf(site.currentAuthorities).map((r) => ({ value: `/judgements/region/${slugify(r)}/`, label: r })),
        grade: latestOverallGrades(site).map((g) => ({ value: `/judgements/grade/${gradeSlug(g)}/`, label: GRADE_LABELS[g] })),
      },
    },
  };
}

/** The pre-rendered views by overall grade: their addresses, best grade first. */
export function comparisonGradePaths(site: Pick<ComparisonSite, 'currentAuthorities' | 'latestByAuthority'>): { slug: string; grade: Grade }[] {
  return latestOverallGrades(site).map((grade) => ({ slug: gradeSlug(grade), grade }));
}

/** /judgements/grade/<grade>/: the current authorities whose latest overall grade is this one. */
export function comparisonGradeView(grade: Grade, site: ComparisonSite): ComparisonView & { label: string } {
  return { ...comparisonView({ view: 'latest', grade }, site), label: GRADE_LABELS[grade] };
}

/** The pre-rendered views by region: their addresses, A to Z. */
export function comparisonRegionPaths(site: Pick<ComparisonSite, 'currentAuthorities'>): { slug: string; region: string }[] {
  return regionsOf(site.currentAuthorities).map((region) => ({ slug: slugify(region), region }));
}

/** /judgements/region/<region>/: the region's current authorities, with a link to how they rank. */
export function comparisonRegionView(region: string, site: ComparisonSite): ComparisonView & { region: string; rankingHref: string } {
  return { ...comparisonView({ view: 'latest', region }, site), region, rankingHref: regionHref(region) };
}

function filterOptions(rows: readonly ComparisonRow[]): ComparisonFiltersView['options'] {
  const aToZ = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en-GB'));
  const bySlug = (values: string[]) => aToZ(values).map((v) => ({ value: slugify(v), label: v }));
  const years = aToZ(rows.map((r) => (r.group ? inspectionYear(r.group) : undefined)).filter((y): y is string => Boolean(y))).reverse();
  return {
    region: bySlug(rows.map((r) => r.authority.region)),
    type: bySlug(rows.map((r) => r.authority.type)),
    framework: FRAMEWORKS.filter((f) => rows.some((r) => r.group?.framework === f)).map((f) => ({ value: f, label: FRAMEWORK_SHORT_LABELS[f] })),
    year: years.map((y) => ({ value: y, label: y })),
    grade: GRADES.map((g) => ({ value: gradeSlug(g), label: GRADE_LABELS[g] })),
  };
}

/** The comparison table's row, ready to lay out (src/components/ComparisonTable.astro). */
export interface ComparisonRowView {
  /** For the filtering script: region and type as slugs, the framework, the year. */
  data: { region: string; type: string; framework: string; year: string };
  authority: { name: string; href: string; former: boolean };
  region: string;
  /** Absent when the authority has no graded inspection in our documents. */
  inspection?: {
    /** The seven grade columns: AlignedCells' props, or one text across them when the inspection has no grades. */
    grades: { cells: AlignedGrades } | { none: string };
    date: { sort: string; text: string; disputedHref?: string };
    framework: string;
    /** Short or standard, lower case ("short"), and whether it is derived from the days on site rather than stated. */
    kind?: { text: string; derived: boolean };
  };
}

function kindOf(g: InspectionGroup): { kind?: { text: string; derived: boolean } } {
  const facts = inspectionFacts(g);
  return facts.kind ? { kind: { text: facts.kind.toLowerCase(), derived: facts.derived } } : {};
}

export function comparisonRowView({ authority: a, group: g }: ComparisonRow): ComparisonRowView {
  const disputedHref = `${authorityHref(a.id)}#disagreements`;
  return {
    data: { region: slugify(a.region), type: slugify(a.type), framework: g?.framework ?? '', year: g ? (inspectionYear(g) ?? '') : '' },
    authority: { name: a.name, href: authorityHref(a.id), former: !a.current },
    region: a.region,
    ...(g
      ? {
          inspection: {
            grades:
              Object.keys(g.judgements).length === 0
                ? { none: noGradesText(g) }
                : { cells: { framework: g.framework, type: g.type, date: frameworkDate(g), judgements: groupCellValues(g, disputedHref) } },
            date: { sort: sortKey(inspectionDate(g)), text: inspectionWhen(g), ...(g.dateDisagreements.length > 0 ? { disputedHref } : {}) },
            framework: FRAMEWORK_SHORT_LABELS[g.framework],
            ...kindOf(g),
          },
        }
      : {}),
  };
}
