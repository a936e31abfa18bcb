// Lining inspections up across frameworks for the comparison table. Columns follow the
// ILACS judgements (from 2023); a SIF or earlier judgement set under an ILACS column is
// "aligned" and the table says so. A judgement the framework did not have at the
// inspection's date is "not given": never "missing", never a grade.
import { allowedJudgements } from './frameworks.ts';
import type { PartialDate } from './dates.ts';
import { FRAMEWORK_SHORT_LABELS, JUDGEMENT_LABELS, type Framework, type InspectionType, type JudgementKey } from './vocabulary.ts';

export const COLUMN_IDS = ['overall', 'leaders', 'help_and_protection', 'children_in_care', 'care_leavers', 'adoption', 'lscb'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface Column {
  id: ColumnId;
  label: string;
  /** The judgement the column is named after; any other key shown in it is aligned. */
  reference: JudgementKey;
  /** Keys that may fill the column, in the order they are tried. */
  keys: readonly JudgementKey[];
}

export const COLUMNS: readonly Column[] = [
  { id: 'overall', label: 'Overall effectiveness', reference: 'overall_effectiveness', keys: ['overall_effectiveness'] },
  {
    id: 'leaders',
    label: 'Leaders',
    reference: 'impact_of_leaders',
    keys: ['impact_of_leaders', 'leadership_management_governance'],
  },
  {
    id: 'help_and_protection',
    label: 'Help and protection',
    reference: 'help_and_protection',
    keys: ['help_and_protection', 'safeguarding'],
  },
  {
    id: 'children_in_care',
    label: 'Children in care',
    reference: 'children_in_care',
    keys: ['children_in_care', 'children_in_care_and_care_leavers', 'children_looked_after', 'looked_after_children'],
  },
  { id: 'care_leavers', label: 'Care leavers', reference: 'care_leavers', keys: ['care_leavers'] },
  { id: 'adoption', label: 'Adoption', reference: 'adoption', keys: ['adoption'] },
  { id: 'lscb', label: 'LSCB', reference: 'lscb', keys: ['lscb'] },
];

/** Why a key other than the column's own is shown under it: the footnote of the table. */
export const ALIGNMENT_NOTES: Partial<Record<JudgementKey, string>> = {
  leadership_management_governance:
    'SIF judgement “Leadership, management and governance”, shown under Leaders beside the ILACS judgement “Impact of leaders on social work practice with children and families”. Different judgements.',
  children_in_care_and_care_leavers:
    'ILACS 2018 to 2022 judgement “Experiences and progress of children in care and care leavers”: one judgement covering children in care and care leavers, shown under Children in care.',
  children_looked_after:
    'SIF judgement “Children looked after and achieving permanence”, shown under Children in care. Different judgement; in the SIF, adoption and care leavers were graded as its sub-judgements.',
  safeguarding:
    'Pre-2013 judgement “Safeguarding services”, shown under Help and protection. Different judgement from a different framework.',
  looked_after_children:
    'Pre-2013 judgement “Services for looked after children”, shown under Children in care. Different judgement from a different framework.',
};

/** The order the notes are numbered in ([note 1], [note 2] ...). */
export const ALIGNMENT_NOTE_KEYS = Object.keys(ALIGNMENT_NOTES) as JudgementKey[];

export function alignmentNoteNumber(key: JudgementKey): number | undefined {
  const i = ALIGNMENT_NOTE_KEYS.indexOf(key);
  return i < 0 ? undefined : i + 1;
}

export type Cell<T> =
  /** The source gives this judgement. `aligned` when the key is not the column's own (mark it). */
  | { status: 'graded'; key: JudgementKey; value: T; aligned: boolean }
  /** The framework graded it at that date but no source we hold states it. */
  | { status: 'not_stated'; keys: JudgementKey[] }
  /** The framework did not give this judgement at that date (or gave it only as part of another). */
  | { status: 'not_given'; reason: string };

export interface AlignInput<T> {
  framework: Framework;
  type: InspectionType;
  /** The date framework rules apply at: start, else end, else published. */
  date: PartialDate | undefined;
  judgements: Partial<Record<JudgementKey, T>>;
}

function notGivenReason(framework: Framework, column: Column, allowed: readonly JudgementKey[]): string {
  const fw = FRAMEWORK_SHORT_LABELS[framework];
  if (allowed.length === 0) return `not given: this ${fw} inspection gives no grades`;
  if (column.id === 'care_leavers' && allowed.includes('children_in_care_and_care_leavers')) {
    return 'not given separately: part of the combined children in care and care leavers judgement';
  }
  if (column.id === 'overall' && framework === 'ilacs') return 'not given: ILACS inspections from April 2026 give no overall effectiveness grade';
  return `not given: not a judgement of the ${fw} framework at that date`;
}

export function alignCells<T>(input: AlignInput<T>): Record<ColumnId, Cell<T>> {
  const allowed = allowedJudgements(input.framework, input.type, input.date);
  const cells = {} as Record<ColumnId, Cell<T>>;
  for (const column of COLUMNS) {
    const key = column.keys.find((k) => input.judgements[k] !== undefined);
    if (key !== undefined) {
      cells[column.id] = { status: 'graded', key, value: input.judgements[key] as T, aligned: key !== column.reference };
      continue;
    }
    // A combined ILACS 2018-22 judgement covers care leavers: say so rather than "not stated".
    if (column.id === 'care_leavers' && input.judgements.children_in_care_and_care_leavers !== undefined) {
      cells[column.id] = { status: 'not_given', reason: notGivenReason(input.framework, column, ['children_in_care_and_care_leavers']) };
      continue;
    }
    const possible = column.keys.filter((k) => allowed.includes(k));
    cells[column.id] = possible.length > 0 ? { status: 'not_stated', keys: possible } : { status: 'not_given', reason: notGivenReason(input.framework, column, allowed) };
  }
  return cells;
}

export function columnKeyLabel(key: JudgementKey): string {
  return JUDGEMENT_LABELS[key];
}
