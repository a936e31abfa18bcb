// Derivations for exploring and comparing: address slugs for regions, authority types
// and grades, the year an inspection is filed under, and how a region's authorities
// rank. Pure: no Astro imports, so unit tests and scripts use exactly what the pages use.
import type { AuthorityData } from '../schemas/authority.ts';
import { sortKey, type PartialDate } from './dates.ts';
import { frameworkDate, inspectionDate, type InspectionGroup } from './derive.ts';
import { alignCells, type Cell, type ColumnId } from './alignment.ts';
import { allowedJudgements } from './frameworks.ts';
import { GRADE_ORDER, type Grade, type JudgementKey } from './vocabulary.ts';

/** A row of the comparison table: an authority and one inspection of it (its latest graded, or any), if it has one. */
export interface ComparisonRow {
  authority: AuthorityData;
  group: InspectionGroup | undefined;
}

/** The regions of some authorities, each once, A to Z. */
export function regionsOf(authorities: readonly Pick<AuthorityData, 'region'>[]): string[] {
  return [...new Set(authorities.map((a) => a.region))].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** "Yorkshire and the Humber" → "yorkshire-and-the-humber"; "London Borough" → "london-borough". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The year an inspection is filed under: the year of its end, else start, else publication. */
export function inspectionYear(group: Pick<InspectionGroup, 'start' | 'end' | 'published'>): string | undefined {
  return inspectionDate(group)?.slice(0, 4);
}

export interface RankedAuthority {
  authority: AuthorityData;
  latest: InspectionGroup | undefined;
  /** The overall effectiveness grade of the latest graded inspection, when it gives one. */
  grade: Grade | undefined;
  /** 1 = best; authorities with the same grade share a rank ("joint"); undefined when unranked. */
  rank: number | undefined;
  joint: boolean;
  /** Why an authority is not ranked. */
  unranked?: 'no graded inspection' | 'no overall effectiveness grade';
}

export interface RegionRanking {
  region: string;
  /** The latest date any of the ranked inspections can mean: the ranking holds as at this date. */
  asAt: PartialDate | undefined;
  ranked: RankedAuthority[];
  /** Authorities ranked first (the "top performing" claim), empty when none is ranked. */
  top: RankedAuthority[];
}

/** An inspection's grades under the comparison columns (alignCells over its judgements). */
export function groupCells(group: InspectionGroup): Record<ColumnId, Cell<Grade>> {
  const judgements = Object.fromEntries(Object.entries(group.judgements).map(([k, j]) => [k, j.grade])) as Partial<Record<JudgementKey, Grade>>;
  return alignCells({ framework: group.framework, type: group.type, date: frameworkDate(group), judgements });
}

/** True when the inspection's framework, at its date, gives no overall effectiveness grade (ILACS from April 2026). */
export function givesNoOverall(group: Pick<InspectionGroup, 'framework' | 'type' | 'start' | 'end' | 'published'>): boolean {
  const allowed = allowedJudgements(group.framework, group.type, frameworkDate(group));
  return allowed.length > 0 && !allowed.includes('overall_effectiveness');
}

/**
 * Why an inspection has no overall effectiveness grade, in plain words: "not given: ILACS
 * inspections from April 2026 give no overall effectiveness grade", or "not stated in our
 * documents". Undefined when it has one.
 */
export function overallGradeAbsence(group: InspectionGroup): string | undefined {
  const cell = groupCells(group).overall;
  if (cell.status === 'graded') return undefined;
  return cell.status === 'not_given' ? cell.reason : 'not stated in our documents';
}

/**
 * Rank authorities by the overall effectiveness grade of their latest graded inspection,
 * best first. Equal grades share a rank (standard competition ranking: 1, 1, 3); within
 * a rank, authorities read A to Z. An authority whose latest graded inspection gives no
 * overall effectiveness grade (ILACS from April 2026), or that has none, is listed last,
 * unranked, with the reason: a ranking never guesses a grade.
 */
export function rankAuthorities(
  region: string,
  authorities: readonly AuthorityData[],
  latestByAuthority: ReadonlyMap<string, InspectionGroup>,
): RegionRanking {
  const rows = authorities.map((authority) => {
    const latest = latestByAuthority.get(authority.id);
    const grade = latest?.judgements.overall_effectiveness?.grade;
    return { authority, latest, grade };
  });
  const byName = (a: { authority: AuthorityData }, b: { authority: AuthorityData }) =>
    a.authority.name.localeCompare(b.authority.name, 'en-GB');
  const graded = rows.filter((r) => r.grade !== undefined).sort((a, b) => GRADE_ORDER[a.grade!] - GRADE_ORDER[b.grade!] || byName(a, b));
  const ranked: RankedAuthority[] = graded.map((row) => {
    const same = graded.filter((other) => GRADE_ORDER[other.grade!] === GRADE_ORDER[row.grade!]);
    return { ...row, rank: graded.indexOf(same[0]!) + 1, joint: same.length > 1 };
  });
  for (const row of rows.filter((r) => r.grade === undefined).sort(byName)) {
    ranked.push({ ...row, rank: undefined, joint: false, unranked: row.latest ? 'no overall effectiveness grade' : 'no graded inspection' });
  }
  const dates = ranked.map((r) => (r.latest ? inspectionDate(r.latest) : undefined)).filter((d): d is PartialDate => Boolean(d));
  const asAt = dates.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0)).at(-1);
  return { region, asAt, ranked, top: ranked.filter((r) => r.rank === 1) };
}

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

/** How many authorities have each overall effectiveness grade, in grade order. */
export function gradeCounts(ranking: RegionRanking): { grade: Grade; count: number }[] {
  const counts = new Map<Grade, number>();
  for (const r of ranking.ranked) if (r.grade) counts.set(r.grade, (counts.get(r.grade) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => GRADE_ORDER[a[0]] - GRADE_ORDER[b[0]]).map(([grade, count]) => ({ grade, count }));
}

/**
 * How the grades of one comparison column were distributed, year by year: every graded
 * inspection (any authority, any framework) counted once in the year it ended, by the
 * grade it gave under that column (alignCells: a SIF judgement under an ILACS column
 * counts there, as the comparison table shows it). Years oldest first.
 */
export function gradeDistribution(
  groups: readonly InspectionGroup[],
  column: ColumnId,
): { year: string; counts: Partial<Record<Grade, number>>; total: number; notGiven: number }[] {
  const byYear = new Map<string, Partial<Record<Grade, number>>>();
  // Graded inspections whose framework did not give this judgement at all (overall
  // effectiveness from April 2026): counted apart, never as a grade.
  const notGiven = new Map<string, number>();
  for (const g of groups) {
    if (!g.graded) continue;
    const year = inspectionYear(g);
    if (!year) continue;
    const cell = groupCells(g)[column];
    if (cell.status === 'not_given' && column === 'overall') notGiven.set(year, (notGiven.get(year) ?? 0) + 1);
    if (cell.status !== 'graded') continue;
    const counts = byYear.get(year) ?? {};
    counts[cell.value] = (counts[cell.value] ?? 0) + 1;
    byYear.set(year, counts);
  }
  for (const year of notGiven.keys()) byYear.set(year, byYear.get(year) ?? {});
  return [...byYear.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, counts]) => ({ year, counts, total: Object.values(counts).reduce((n, c) => n + c, 0), notGiven: notGiven.get(year) ?? 0 }));
}
