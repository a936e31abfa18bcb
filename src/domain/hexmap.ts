// What one hex of the map says: a letter and a class for the grade (so the grade reads
// without colour), and the words its link is announced with.
import type { Cell, ColumnId } from './alignment.ts';
import type { InspectionGroup } from './derive.ts';
import { groupCells } from './explore.ts';
import { GRADE_LABELS, GRADES, gradeSlug, type Grade } from './vocabulary.ts';

export const GRADE_LETTERS: Partial<Record<Grade, string>> = {
  outstanding: 'O',
  good: 'G',
  requires_improvement: 'RI',
  adequate: 'A',
  inadequate: 'I',
};

export interface MapCell {
  letter: string;
  className: string;
  text: string;
  grade?: Grade;
}

export function mapCell(cell: Cell<Grade> | undefined, hasInspection: boolean): MapCell {
  if (!hasInspection || !cell) return { letter: '–', className: 'none', text: 'no graded inspection in our documents' };
  if (cell.status === 'graded') {
    return { letter: GRADE_LETTERS[cell.value]!, className: gradeSlug(cell.value), text: GRADE_LABELS[cell.value], grade: cell.value };
  }
  if (cell.status === 'not_stated') return { letter: '–', className: 'none', text: 'not stated in our documents' };
  // A judgement the framework did not give (overall effectiveness from April 2026) is not a missing grade: its own letter.
  return { letter: 'N', className: 'not-given', text: cell.reason };
}

/** The map cell of one authority's latest graded inspection (undefined: none) for one column. */
export function mapCellFor(group: InspectionGroup | undefined, column: ColumnId): MapCell {
  if (!group) return mapCell(undefined, false);
  return mapCell(groupCells(group)[column], true);
}

/** The judgements the map can show (one page each; /map/ is overall effectiveness). */
export const MAP_COLUMNS: readonly ColumnId[] = ['overall', 'leaders', 'help_and_protection', 'children_in_care', 'care_leavers'];

/**
 * A hex link's accessible name: the authority, the grade in words and the letter shown,
 * so the visible text is part of the name (WCAG 2.5.3). Not in parentheses: axe's
 * label-content-name-mismatch drops parentheticals before comparing, and so would some
 * speech-input software.
 */
export function hexLabel(name: string, cell: MapCell): string {
  return cell.grade ? `${name}: ${cell.text}, ${cell.letter}` : `${name}: ${cell.text}`;
}

/** A hex's <title> (the tooltip a pointer shows): the authority and the grade in words. */
export function hexTitle(name: string, cell: MapCell): string {
  return `${name}: ${cell.text}`;
}

export interface LegendItem {
  grade?: Grade;
  letter: string;
  text: string;
  count: number;
}

/**
 * The map's key: one item per grade shown (in grade order; requires improvement and
 * adequate apart, as they share a colour but not a letter), then the hexes with no
 * grade, each with its count.
 */
export function mapLegend(cells: readonly MapCell[]): LegendItem[] {
  const items: LegendItem[] = GRADES
    .map((grade) => ({ grade, letter: GRADE_LETTERS[grade]!, text: GRADE_LABELS[grade], count: cells.filter((c) => c.grade === grade).length }))
    .filter((item) => item.count > 0 || item.grade !== 'adequate');
  const notGiven = cells.filter((c) => c.className === 'not-given');
  if (notGiven.length > 0) {
    const reasons = new Set(notGiven.map((c) => c.text));
    const text = reasons.size === 1 ? `Not given: ${[...reasons][0]!.replace(/^not given:? /, '')}` : 'Not given by the framework of the latest inspection';
    items.push({ letter: 'N', text, count: notGiven.length });
  }
  const none = cells.filter((c) => !c.grade && c.className !== 'not-given').length;
  if (none > 0) items.push({ letter: '–', text: 'No graded inspection, or not stated in our documents', count: none });
  return items;
}
