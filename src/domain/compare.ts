// Inspection histories side by side: for each authority, its inspections by the year
// they ended (else started, else were published), as the compare pages lay them out.
import { sortKey } from './dates.ts';
import { inspectionDate, type InspectionGroup } from './derive.ts';
import { inspectionYear } from './explore.ts';

/** /compare/histories.json: every current authority's inspections, for the compare page's picker (src/browser/compare-page.ts). */
export interface HistoryJson {
  [id: string]: {
    name: string;
    href: string;
    inspections: { year: string; label: string; grade?: string; gradeLabel?: string; evidence?: string; graded: boolean }[];
  };
}

export interface HistoryCell {
  authority: string;
  year: string;
  /** Oldest first within the year. */
  groups: InspectionGroup[];
}

/** Years (newest first) from the earliest to the latest inspection of any of the authorities. */
export function historyYears(groupsByAuthority: ReadonlyMap<string, readonly InspectionGroup[]>, ids: readonly string[]): string[] {
  const years = ids.flatMap((id) => (groupsByAuthority.get(id) ?? []).map((g) => inspectionYear(g)).filter((y): y is string => Boolean(y)));
  if (years.length === 0) return [];
  const first = Math.min(...years.map(Number));
  const last = Math.max(...years.map(Number));
  return Array.from({ length: last - first + 1 }, (_, i) => String(last - i));
}

export function historyCell(groupsByAuthority: ReadonlyMap<string, readonly InspectionGroup[]>, authority: string, year: string): HistoryCell {
  const groups = (groupsByAuthority.get(authority) ?? [])
    .filter((g) => inspectionYear(g) === year)
    .sort((a, b) => (sortKey(inspectionDate(a)) < sortKey(inspectionDate(b)) ? -1 : 1));
  return { authority, year, groups };
}
