// The shared reader of PDF pages (reports and focused-visit letters alike) on laid-out pages made here:
// a numbered paragraph that runs onto the next page, one that a footnote interrupts, a new numbered paragraph
// at a page's top, a bracketed footnote marker, a line-end hyphen in a hyphenated name, and numbers past 99.
import { describe, expect, it } from 'vitest';
import { layOut, mendHyphens } from '../../../src/importer/blocks.ts';
import { blocksToMarkdown } from '../../../src/importer/blocks-to-markdown.ts';
import type { PdfPage, TextItem } from '../../../src/importer/types.ts';

const HEIGHT = 842;
const run = (str: string, x: number, y: number, size = 12): TextItem => ({ str, x, y, width: str.length * size * 0.45, size, bold: false });
/** A numbered paragraph: its number hung at 71, its text at 99, one line every 14.5pt from `top`. */
const numbered = (number: number, lines: string[], top: number, textX = 99): TextItem[] =>
  lines.flatMap((text, i) => (i === 0 ? [run(`${number}.`, 71, top), run(text, textX, top)] : [run(text, textX, top - 14.5 * i)]));
const page = (number: number, items: TextItem[]): PdfPage => ({ number, width: 595, height: HEIGHT, items });
/** Enough full pages of numbered paragraphs before the pages under test that the reader learns where a full page ends. */
const filler = (from: number, count: number): PdfPage[] =>
  Array.from({ length: count }, (_, p) => page(p + 1, numbered(from + p, Array.from({ length: 46 }, (_, i) => `filler text of paragraph ${from + p} line ${i} goes on`), 740)));

describe('a paragraph broken by a page', () => {
  it('goes on when the sentence runs on, whatever case the next page opens with', () => {
    const pages = [
      ...filler(1, 3),
      page(4, numbered(4, ['Work with agencies in Eastern Europe has located children who suddenly', 'disappeared from'], 86)),
      page(5, [run('Bradford. Partnership working is reducing exclusions.', 99, 740), ...numbered(5, ['The next paragraph.'], 700)]),
    ];
    const markdown = blocksToMarkdown(layOut(pages).blocks);
    expect(markdown).toContain('4. Work with agencies in Eastern Europe has located children who suddenly disappeared from Bradford. Partnership working is reducing exclusions.\n5. The next paragraph.');
  });

  it('goes on after a full stop when the item filled its page and the next page opens at its text, not under a number', () => {
    const pages = [
      ...filler(1, 3),
      page(4, numbered(4, ['Staying Put agreements are formalised too late in some cases, causing', 'anxiety for the young person and their carers.'], 86)),
      page(5, [run('Some foster carers report financial concerns.', 99, 740), ...numbered(5, ['The next paragraph.'], 700)]),
    ];
    const markdown = blocksToMarkdown(layOut(pages).blocks);
    expect(markdown).toContain('their carers. Some foster carers report financial concerns.\n5. The next paragraph.');
  });

  it('does not run a paragraph that ended mid-page into the next page', () => {
    const pages = [
      ...filler(1, 3),
      page(4, numbered(4, ['A paragraph that ends well above the foot of its page.'], 400)),
      page(5, [run('A heading-like line set at the text.', 99, 740), ...numbered(5, ['The next paragraph.'], 700)]),
    ];
    const markdown = blocksToMarkdown(layOut(pages).blocks);
    expect(markdown).toContain('4. A paragraph that ends well above the foot of its page.\n\nA heading-like line set at the text.');
  });

  it('goes on past a footnote at the foot of the page it was interrupted by', () => {
    const pages = [
      ...filler(1, 3),
      page(4, [
        ...numbered(4, ['Children and families benefit from early help services; most children receive', 'the right help, and multi-agency assessments'], 150),
        run('1', 71, 86, 8),
        run('The areas for improvement have been cross-referenced with the framework.', 80, 83, 10),
      ]),
      page(5, [run('are resulting in effective and positive change for children.', 99, 740), ...numbered(5, ['The next paragraph.'], 700)]),
    ];
    const markdown = blocksToMarkdown(layOut(pages).blocks);
    expect(markdown).toContain('4. Children and families benefit from early help services; most children receive the right help, and multi-agency assessments are resulting in effective and positive change for children.\n');
  });
});

describe('numbers, markers and hyphens', () => {
  it('takes a paragraph numbered 100 or more, its number and text one run, for a list item like 1 to 99', () => {
    // Paragraphs 1 to 99 of one or two lines, their text at 107 (Lancashire 2015), then 100 and 101 whose numbers run into their text.
    const pages = Array.from({ length: 5 }, (_, p) =>
      page(p + 1, Array.from({ length: 22 }, (_, i) => p * 22 + i + 1).filter((n) => n <= 99).flatMap((n, i) => numbered(n, [`Paragraph ${n} starts`, 'and ends.'], 740 - 32 * i, 107))),
    );
    pages[4]!.items.push(run('100. The hundredth paragraph.', 71, 300), run('101. The next.', 71, 268));
    const markdown = blocksToMarkdown(layOut(pages).blocks);
    expect(markdown).toContain('99. Paragraph 99 starts and ends.\n100. The hundredth paragraph.\n101. The next.\n');
  });

  it('keeps a hyphenated word broken at a line end whole, whatever follows the hyphen, and a suspended hyphen spaced', () => {
    expect(mendHyphens('Paula Thomson- Jones, a 20- mile journey, 17- year-old, Multi- Agency')).toBe('Paula Thomson-Jones, a 20-mile journey, 17-year-old, Multi-Agency');
    expect(mendHyphens('pre- and post-16, short- and long-term, two- to three-year')).toBe('pre- and post-16, short- and long-term, two- to three-year');
  });

  it('reads a bracketed raised marker ("[1]") as a footnote marker linked to its note', () => {
    const items = [
      run('three live in residential special schools', 125, 700),
      { ...run('[1]', 345, 704, 8) },
      run(', of whom 100% live out of the authority area', 350, 700),
      { ...run('[1]', 71, 90, 6.5) },
      run('These are residential special schools that look after children for 295 days or less.', 83, 86.5, 10),
    ];
    const markdown = blocksToMarkdown(layOut([page(1, items)]).blocks);
    expect(markdown).not.toContain('[1]');
    expect(markdown).toMatch(/special schools\[\^1\], of whom/);
    expect(markdown).toContain('[^1]: These are residential special schools');
  });
});
