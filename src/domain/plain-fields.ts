// Where in a document a flag or a check points, in words for the public pages: "the
// document's text, line 12", "the care leavers judgement of its record of Leeds's
// inspection", not "inspections[0].judgements.care_leavers" (the field paths stay in the
// command-line checks and in the entries, where editors need them).
import { JUDGEMENT_LABELS, type JudgementKey } from './vocabulary.ts';

const DOCUMENT_FIELDS: Record<string, string> = {
  body: 'the document’s text',
  date: 'the document’s date',
  authority: 'the authority the document is about',
  title: 'the document’s title',
  kind: 'the kind of document',
  source: 'the document’s source',
  meeting: 'the meeting',
  issuer: 'who issued it',
};

const INSPECTION_FIELDS: Record<string, string> = {
  start: 'start date',
  end: 'end date',
  published: 'publication date',
  framework: 'framework',
  type: 'type',
  authority: 'authority',
  improvements: 'areas for improvement',
  improvement_themes: 'improvement themes',
};

const JUDGEMENT_PARTS: Record<string, string> = { grade: 'grade', evidence: 'quote' };

/**
 * A field path in words. `inspectionName(i)` names the i-th inspection the document
 * records (e.g. "the inspection of Leeds"); without it, inspections are counted.
 */
export function fieldInWords(field: string, inspectionName?: (index: number) => string | undefined): string {
  const parts = field.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  const [head, ...rest] = parts;
  if (head === undefined) return 'the document';
  const line = /^body line (\d+)$/.exec(field);
  if (line) return `the document’s text, line ${line[1]}`;
  if (head !== 'inspections') return DOCUMENT_FIELDS[head] ?? 'the document';
  const index = Number(rest[0]);
  const name = Number.isInteger(index) ? (inspectionName?.(index) ?? `the ${ordinalWord(index + 1)} inspection it records`) : 'the inspections it records';
  const [field2, key, part] = rest.slice(1);
  if (field2 === undefined) return name;
  if (field2 === 'judgements' && key) {
    const label = JUDGEMENT_LABELS[key as JudgementKey];
    const judgement = label ? `the “${label}” judgement` : 'a judgement';
    const what = part ? (JUDGEMENT_PARTS[part] ? `the ${JUDGEMENT_PARTS[part]} of ${judgement}` : judgement) : judgement;
    return `${what} in ${name}`;
  }
  return `the ${INSPECTION_FIELDS[field2] ?? 'details'} of ${name}`;
}

function ordinalWord(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][n - 1] ?? `${n}th`;
}

/** "1 judgement", "2 judgements", "no judgements". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return n === 0 ? `no ${plural}` : `${n} ${n === 1 ? singular : plural}`;
}
