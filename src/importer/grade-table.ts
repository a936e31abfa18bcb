// The judgement tables of inspection reports (page one of SIF and ILACS reports, the
// "Record of main findings" of the pre-2013 reports): a label column and a grade column
// whose cells can each wrap over several lines. Found from positions alone, so the
// rows come out with their cells as the PDF lays them out.
import { joinItems } from './lines.ts';
import type { Line, Segment } from './types.ts';

export interface GradeTable {
  /** The lines the table is made of (they leave the running text). */
  lines: Line[];
  header?: string[];
  rows: string[][];
}

const GRADE_START = /^(outstanding|good|adequate|inadequate|requires?\b|grade\s+\d|not judged)/i;
/** A grade column's header: "Grade", or the SIF key-judgement box's "Judgement grade". */
const GRADE_HEADER = /^((judgement|inspection) )?grades?$/i;
const ROW_NUMBER = /^\d(\.\d)?\.?\s/;

function isGradeCell(segment: Segment, pageWidth: number): boolean {
  return segment.x > pageWidth * 0.35 && segment.text.length <= 45 && GRADE_START.test(segment.text);
}

function overlaps(a: { x: number; xEnd: number }, b: { x: number; xEnd: number }): boolean {
  return a.x <= b.xEnd && b.x <= a.xEnd;
}

/** Find the grade tables among one page's lines (in reading order, top to bottom). */
/** `bodySize`: the running text's size; a key-judgement box without a header is set at it (a larger title with its grade beside it is a heading). */
export function findGradeTables(lines: readonly Line[], pageWidth: number, bodySize = Infinity): GradeTable[] {
  // Candidate grade cells, clustered into columns by horizontal overlap.
  const columns: { x: number; xEnd: number; lines: Set<Line>; header?: Line }[] = [];
  for (const line of lines) {
    for (const segment of line.segments) {
      const header = GRADE_HEADER.test(segment.text) && segment.x > pageWidth * 0.35;
      if (!header && !isGradeCell(segment, pageWidth)) continue;
      let column = columns.find((c) => overlaps(c, segment));
      if (!column) columns.push((column = { x: segment.x, xEnd: segment.xEnd, lines: new Set() }));
      column.x = Math.min(column.x, segment.x);
      column.xEnd = Math.max(column.xEnd, segment.xEnd);
      if (header) column.header ??= line;
      else column.lines.add(line);
    }
  }
  // A header's grade set close after its label, in the same run of text ("…of children who Requires Improvement", Barnsley
  // 2014): the grade is the text set at or beyond the header's grade column, in the lines right under the header.
  for (const column of columns) {
    if (!column.header || column.lines.size > 0) continue;
    const start = lines.indexOf(column.header);
    for (const line of lines.slice(start + 1, start + 4)) {
      const right = joinItems(line.items.filter((i) => i.x >= column.x - 4)).map((seg) => seg.text).join(' ');
      if (right.length <= 45 && GRADE_START.test(right)) column.lines.add(line);
    }
  }
  const tables: GradeTable[] = [];
  const used = new Set<Line>();
  for (const column of columns) {
    const box = column.lines.size === 1 && !column.header && isGradeBox(lines, [...column.lines][0]!, column.x, bodySize);
    if (column.lines.size < 2 && !(column.header && column.lines.size >= 1) && !box) continue;
    const table = buildTable(lines, column, used, box);
    if (table) tables.push(table);
  }
  return tables;
}

function buildTable(
  lines: readonly Line[],
  column: { x: number; xEnd: number; lines: Set<Line>; header?: Line },
  used: Set<Line>,
  box = false,
): GradeTable | undefined {
  const gradeX = column.x - 4;
  const inColumn = (line: Line) => column.lines.has(line) || line === column.header;
  const first = lines.findIndex(inColumn);
  let last = lines.length - 1;
  while (last > first && !inColumn(lines[last]!)) last--;
  if (first < 0) return undefined;
  const gapOk = (a: Line, b: Line) => a.y - b.y <= 1.6 * Math.max(a.size, b.size) + 0.5;
  // A label cell can start a line or two above its grade (the grade is centred on it).
  let start = first;
  while (start > 0 && gapOk(lines[start - 1]!, lines[start]!) && lines[start - 1]!.xEnd < gradeX && !lines[start - 1]!.text.endsWith('.')) {
    start--;
    if (first - start >= 2) break;
  }
  // After the last grade, only wrapped words in the grade column or a label's last line.
  let end = last;
  while (
    end + 1 < lines.length &&
    gapOk(lines[end]!, lines[end + 1]!) &&
    (lines[end + 1]!.x >= gradeX || (end === last && lines[end + 1]!.y > lines[last]!.y - 1.6 * lines[last]!.size && lines[end + 1]!.xEnd < gradeX))
  ) {
    end++;
  }
  const region = lines.slice(start, end + 1);
  if (region.some((l) => used.has(l))) return undefined;
  // Every line must fit the two columns: no text run may straddle the grade column's edge.
  if (region.some((l) => l.items.some((i) => i.str.trim() !== '' && i.x < gradeX && i.x + i.width > gradeX + 8))) return undefined;

  let header: string[] | undefined;
  const body = [...region];
  if (column.header && body[0] === column.header) {
    header = cells(body.shift()!, gradeX);
  }
  const rows: { label: string[]; grade: string[]; last: Line }[] = [];
  for (const line of body) {
    const [label, grade] = cells(line, gradeX);
    const current = rows.at(-1);
    const newRow =
      !current ||
      line.y < current.last.y - 1.6 * Math.max(line.size, current.last.size) - 0.5 ||
      (label !== '' && ROW_NUMBER.test(label) && current.label.length > 0) ||
      // A grade cell starts a row once the row's grade is complete ("Requires / improvement to be / good" is one cell).
      (grade !== '' && GRADE_START.test(grade) && current.grade.length > 0 && isCompleteGrade(current.grade.join(' ')) && !/^to be good/i.test(grade));
    if (newRow) rows.push({ label: label ? [label] : [], grade: grade ? [grade] : [], last: line });
    else {
      if (label) current.label.push(label);
      if (grade) current.grade.push(grade);
      current.last = line;
    }
  }
  const gradedRows = rows.filter((r) => r.grade.length > 0);
  if (gradedRows.length < 2 && !header && !box) return undefined;
  region.forEach((l) => used.add(l));
  return {
    lines: region,
    header,
    rows: rows.map((r) => [joinCell(r.label), joinCell(r.grade)]),
  };
}

/**
 * A SIF key-judgement box without its header row: a judgement's name on two lines and its grade alone between them,
 * set at the right ("The experiences and progress of children" / "Requires improvement" / "who need help and protection").
 */
function isGradeBox(lines: readonly Line[], gradeLine: Line, gradeX: number, bodySize: number): boolean {
  const i = lines.indexOf(gradeLine);
  const above = lines[i - 1];
  const below = lines[i + 1];
  if (!above || !below || gradeLine.segments.some((s) => s.x < gradeX - 4) || above.size > bodySize + 0.5) return false;
  const close = (a: Line, b: Line) => a.y - b.y <= 0.8 * Math.max(a.size, b.size);
  return close(above, gradeLine) && close(gradeLine, below) && above.xEnd < gradeX && below.xEnd < gradeX && above.size === gradeLine.size && below.size === gradeLine.size;
}

/** A line's text either side of the grade column's edge (split by text run, not by segment: a label can run close to its grade). */
function cells(line: Line, gradeX: number): [string, string] {
  const text = (items: typeof line.items) => joinItems(items).map((s) => s.text).join(' ').trim();
  return [text(line.items.filter((i) => i.x < gradeX)), text(line.items.filter((i) => i.x >= gradeX))];
}

function isCompleteGrade(text: string): boolean {
  return /^(outstanding|good|adequate|inadequate|not judged|requires? improvement( to be good)?)\b/i.test(text) && !/\bto( be)?$/i.test(text.trim());
}

function joinCell(parts: readonly string[]): string {
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
