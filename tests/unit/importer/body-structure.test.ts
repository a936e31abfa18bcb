// The body's structure as the PDF lays it out: footnotes linked to their markers, nested lists,
// headings split by a grade box, and judgement sections at one level.
import { describe, expect, it } from 'vitest';
import { FOOTNOTE_MARK_CLOSE as C, FOOTNOTE_MARK_OPEN as O, footnoteNumber, linkFootnotes, takeMarks } from '../../../src/importer/footnotes.ts';
import { ListNesting, levelJudgementSections } from '../../../src/importer/blocks.ts';
import { isRaisedFootnoteMark } from '../../../src/importer/lines.ts';
import { blocksToMarkdown } from '../../../src/importer/blocks-to-markdown.ts';
import type { Block, TextItem } from '../../../src/importer/types.ts';

const item = (str: string, y: number, size: number): TextItem => ({ str, x: 0, y, width: 5, size, bold: false });

describe('footnotes', () => {
  it('takes a small digit raised above the baseline for a marker, and nothing else', () => {
    expect(isRaisedFootnoteMark(item('2', 710.9, 9), 14, 705.8)).toBe(true);
    expect(isRaisedFootnoteMark(item('2', 705.8, 9), 14, 705.8)).toBe(false); // on the baseline
    expect(isRaisedFootnoteMark(item('2', 710.9, 14), 14, 705.8)).toBe(false); // full size
    expect(isRaisedFootnoteMark(item('th', 710.9, 9), 14, 705.8)).toBe(false);
  });

  it('keeps the text as it was and says where each marker stands', () => {
    expect(takeMarks(`special schools,${O}3${C} of whom`)).toEqual({ text: 'special schools,3 of whom', marks: [{ offset: 16, length: 1, number: '3' }] });
    expect(footnoteNumber(`${O}3${C} These are residential special schools`)).toBe('3');
    expect(footnoteNumber('3 These are')).toBeUndefined();
  });

  it('links a marker to the note of its number on its page, and leaves either alone without the other', () => {
    const blocks: Block[] = [
      { type: 'heading', depth: 3, text: 'Information about this local authority area2', page: 4, marks: [{ offset: 43, length: 1, number: '2' }] },
      { type: 'paragraph', text: 'In 2015 it grew by 5', page: 4, marks: [{ offset: 19, length: 1, number: '5' }] },
      { type: 'paragraph', text: '2 The local authority was given the opportunity.', page: 4, footnote: { number: '2' } },
      { type: 'paragraph', text: '7 A note nothing refers to.', page: 4, footnote: { number: '7' } },
    ];
    const linked = linkFootnotes(blocks);
    expect(linked[0]).toMatchObject({ references: [{ offset: 43, length: 1, label: '2' }] });
    expect(linked[1]).not.toHaveProperty('references');
    expect(linked[2]).toMatchObject({ footnote: { number: '2', label: '2' } });
    expect(linked[3]).not.toHaveProperty('footnote');
    expect(linked.some((b) => 'marks' in b)).toBe(false);
    expect(blocksToMarkdown(linked)).toBe(
      '### Information about this local authority area[^2]\n\nIn 2015 it grew by 5\n\n7 A note nothing refers to.\n\n[^2]: The local authority was given the opportunity.\n',
    );
  });

  it('takes a full-size number glued to a word for the marker only when it is the one such place', () => {
    const note: Block = { type: 'paragraph', text: '3 These are residential special schools.', page: 6, footnote: { number: '3' } };
    const once: Block[] = [{ type: 'list_item', ordered: false, text: '4 live in residential special schools3, all of whom', page: 6 }, note];
    expect(linkFootnotes(once)[0]).toMatchObject({ references: [{ offset: 37, length: 1, label: '3' }] });
    const twice: Block[] = [{ type: 'paragraph', text: 'schools3 and homes3', page: 6 }, note];
    expect(linkFootnotes(twice)[0]).not.toHaveProperty('references');
  });

  it('gives a number used again later in the report a label of its own', () => {
    const blocks: Block[] = [
      { type: 'paragraph', text: 'Board1', page: 1, marks: [{ offset: 5, length: 1, number: '1' }] },
      { type: 'paragraph', text: '1 First.', page: 1, footnote: { number: '1' } },
      { type: 'paragraph', text: 'Board1', page: 30, marks: [{ offset: 5, length: 1, number: '1' }] },
      { type: 'paragraph', text: '1 Second.', page: 30, footnote: { number: '1' } },
    ];
    expect(blocksToMarkdown(linkFootnotes(blocks))).toBe('Board[^1]\n\nBoard[^1-2]\n\n[^1]: First.\n\n[^1-2]: Second.\n');
  });
});

describe('lists', () => {
  it('nests an item set in at its parent’s text, and returns to the margin', () => {
    const nesting = new ListNesting();
    expect(nesting.levelOf(71, 89)).toBe(0);
    expect(nesting.levelOf(116, 133)).toBe(1);
    expect(nesting.levelOf(116, 133)).toBe(1);
    expect(nesting.levelOf(71, 89)).toBe(0);
    expect(nesting.levelOf(80, 89)).toBe(0); // a little further in, but not under the text above
  });

  it('writes nested items under their parent, and a footnote between them does not end the list', () => {
    const blocks: Block[] = [
      { type: 'list_item', ordered: false, text: 'The proportion of children entitled to free school meals:', page: 5 },
      { type: 'list_item', ordered: false, text: 'in primary schools is 14%', page: 5, level: 1 },
      { type: 'paragraph', text: '2 A note.', page: 5, footnote: { number: '2', label: '2' } },
      { type: 'list_item', ordered: false, text: 'in secondary schools is 12%', page: 6, level: 1 },
      { type: 'list_item', ordered: false, text: 'Children from minority ethnic groups', page: 6 },
    ];
    expect(blocksToMarkdown(blocks)).toBe(
      '- The proportion of children entitled to free school meals:\n  - in primary schools is 14%\n  - in secondary schools is 12%\n- Children from minority ethnic groups\n\n[^2]: A note.\n',
    );
  });
});

describe('headings', () => {
  it('gives judgement sections the shallowest level among them', () => {
    const blocks: Block[] = [
      { type: 'heading', depth: 3, text: 'The experiences and progress of children who need help and protection: outstanding', page: 2 },
      { type: 'heading', depth: 4, text: 'The experiences and progress of children in care and care leavers: good', page: 4 },
      { type: 'heading', depth: 4, text: 'Summary', page: 4 },
      { type: 'heading', depth: 4, text: 'The experiences and progress of children Requires improvement who need help', page: 5 },
    ];
    expect(levelJudgementSections(blocks).map((b) => b.type === 'heading' && b.depth)).toEqual([3, 3, 4, 4]);
  });
});
