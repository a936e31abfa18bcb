// What one hex of the map says: a letter and a class for the grade (so the grade reads
// without colour), and the words its link is announced with.
import { alignCells, type Cell, type ColumnId } from './alignment.ts';
import { frameworkDate, type InspectionGroup } from './derive.ts';
import { GRADE_LABELS, type Grade, type JudgementKey } from './vocabulary.ts';

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
    return { letter: GRADE_LETTERS[cell.value]!, className: cell.value.replaceAll('_', '-'), text: GRADE_LABELS[cell.value], grade: cell.value };
  }
  if (cell.status === 'not_stated') return { letter: '–', className: 'none', text: 'not stated in our documents' };
  return { letter: '–', className: 'none', text: cell.reason };
}

/** The map cell of one authority's latest graded inspection (undefined: none) for one column. */
export function mapCellFor(group: InspectionGroup | undefined, column: ColumnId): MapCell {
  if (!group) return mapCell(undefined, false);
  const judgements = Object.fromEntries(Object.entries(group.judgements).map(([k, j]) => [k, j.grade])) as Partial<Record<JudgementKey, Grade>>;
  return mapCell(alignCells({ framework: group.framework, type: group.type, date: frameworkDate(group), judgements })[column], true);
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
