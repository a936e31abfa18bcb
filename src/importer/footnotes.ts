// Footnotes as the PDF sets them: a small raised number glued to a word ("area²", "schools,³")
// and, at the foot of the same page, a smaller line opening with that number ("² The local
// authority was given…"). Both are found from the layout (lines.ts marks raised numbers,
// blocks.ts the notes at a page's foot); they are linked only when both are there, and a
// number with no note (or a note with no number) stays the plain text it always was.
import type { Block, FootnoteParts, FootnoteReference } from './types.ts';

/** Wraps a raised marker's digits in a line's `marked` text: control characters no PDF text holds. */
export const FOOTNOTE_MARK_OPEN = '\u0001';
export const FOOTNOTE_MARK_CLOSE = '\u0002';

const MARK = /\u0001(\d{1,2})\u0002/g;
const WRAPPERS = /[\u0001\u0002]/g;

/** Marked text without its wrappers: what the text has always been. */
export function withoutMarks(marked: string): string {
  return marked.replace(WRAPPERS, '');
}

/** Marked text → the plain text, and where in it each raised marker's digits stand. */
export function takeMarks(marked: string): { text: string; marks: NonNullable<FootnoteParts['marks']> } {
  const marks: NonNullable<FootnoteParts['marks']> = [];
  let text = '';
  let last = 0;
  for (const m of marked.matchAll(MARK)) {
    text += withoutMarks(marked.slice(last, m.index));
    marks.push({ offset: text.length, length: m[1]!.length, number: m[1]! });
    text += m[1]!;
    last = m.index + m[0].length;
  }
  text += withoutMarks(marked.slice(last));
  return { text, marks };
}

/** The number a footnote's text opens with, when the line opens with a raised marker ("¹ Ofsted produces…"). */
export function footnoteNumber(marked: string): string | undefined {
  return /^\u0001(\d{1,2})\u0002\s*\S/.exec(marked)?.[1];
}

/** A footnote's own text, without the number it opens with. */
export function footnoteText(text: string): string {
  return text.replace(/^\d{1,2}\s*/, '');
}

/**
 * Links each note at a page's foot to the raised marker of the same number above it on that page
 * (or in a block begun on the page before), and gives the pair a label unique in the document.
 * Blocks come back without `marks`: a linked marker is a reference, an unlinked one plain text; a
 * note nothing refers to loses its `footnote` and stays a paragraph.
 */
export function linkFootnotes(blocks: readonly Block[]): Block[] {
  const out = blocks.map((b): Block => ({ ...b }));
  const labels = new Set<string>();
  const linkedMarks = new Set<object>();
  for (const [i, note] of out.entries()) {
    if (note.type !== 'paragraph' || !note.footnote) continue;
    const number = note.footnote.number;
    const found: { block: Exclude<Block, { type: 'table' }>; mark: NonNullable<FootnoteParts['marks']>[number] }[] = [];
    const scanned: Exclude<Block, { type: 'table' }>[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const block = out[j]!;
      if (block.page < note.page - 1) break;
      // An earlier page's notes close that page: its markers were theirs.
      if (block.type === 'paragraph' && block.footnote && block.page < note.page) break;
      if (block.type === 'table' || (block.type === 'paragraph' && block.footnote)) continue;
      scanned.push(block);
      for (const mark of block.marks ?? []) if (mark.number === number && !linkedMarks.has(mark)) found.push({ block, mark });
    }
    // A marker the PDF sets at full size in the word's own text run ("special schools3"): taken only when the
    // number follows a lower-case word once, and only once, in the blocks the note can belong to.
    if (found.length === 0) {
      const glued = new RegExp(`(?<=\\p{Ll}[,.;:)’”]?)${number}(?!\\d)`, 'gu');
      const candidates = scanned.flatMap((block) => [...block.text.matchAll(glued)].map((m) => ({ block, offset: m.index })));
      if (candidates.length === 1) {
        const { block, offset } = candidates[0]!;
        found.push({ block, mark: { offset, length: number.length, number } });
      }
    }
    if (found.length === 0) continue;
    let label = number;
    for (let n = 2; labels.has(label); n++) label = `${number}-${n}`;
    labels.add(label);
    note.footnote = { number, label };
    for (const { block, mark } of found) {
      linkedMarks.add(mark);
      const reference: FootnoteReference = { offset: mark.offset, length: mark.length, label };
      block.references = [...(block.references ?? []), reference].sort((a, b) => a.offset - b.offset);
    }
  }
  return out.map((block): Block => {
    if (block.type === 'table') return block;
    const { marks: _marks, ...rest } = block;
    if (rest.type === 'paragraph' && rest.footnote && !rest.footnote.label) delete rest.footnote;
    return rest;
  });
}
