// Plain text (council reports and letters extracted from their PDFs, ../shared/seeds) to
// the same blocks a PDF gives: paragraphs split at blank lines, "- " and "„X" bullets,
// numbered items, tab-separated rows as tables, "**bold**" lines as headings. Raw HTML
// fragments are kept as text (the body is plain Markdown text, never HTML).
import type { Block } from './types.ts';

/** "- ", "• ", and the "„X" debris of a bullet font, alone or after a dash. */
const BULLET = /^\s*(?:[-•◼▪●*]\s+(?:(?:„X|)\s*)?|(?:„X|)\s+)/;
const NUMBERED = /^\s*(?:-\s+)?(\d{1,3})\.\s+(?=\S)/;

function clean(text: string): string {
  return text.replace(/\*\*/g, '').replace(/[ \t]+/g, ' ').trim();
}

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let table: string[][] = [];
  const flushParagraph = () => {
    const paragraphText = paragraph.join(' ').trim();
    const single = paragraph.length === 1;
    const joined = clean(paragraphText);
    paragraph = [];
    if (!joined) return;
    const bold = /^\*\*.*\*\*$/.test(paragraphText);
    // A lone short line without closing punctuation reads as a heading ("Overview", "What needs to improve ...").
    const title = single && joined.length <= 90 && /^[A-Z]/.test(joined) && !/[.,;:!?]$/.test(joined) && !/^Dear\b/.test(joined);
    if ((bold || title) && joined.length <= 120) blocks.push({ type: 'heading', depth: 2, text: joined, page: 1 });
    else blocks.push({ type: 'paragraph', text: joined, page: 1 });
  };
  const flushTable = () => {
    if (table.length === 0) return;
    const width = Math.max(...table.map((r) => r.length));
    if (table.length === 1 && width < 2) blocks.push({ type: 'paragraph', text: clean(table[0]!.join(' ')), page: 1 });
    else {
      // A first row whose cells are all short labels is the header ("Judgement | Grade").
      const header = /^(judgement|grade|area)/i.test(table[0]![0] ?? '') && table[0]!.length === width;
      blocks.push({ type: 'table', rows: table.map((r) => r.map(clean)), header, page: 1, judgementTable: true });
    }
    table = [];
  };
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '' || /^[-|\s]+$/.test(line.trim()) && line.includes('---')) {
      flushParagraph();
      flushTable();
      continue;
    }
    if (line.includes('\t')) {
      flushParagraph();
      const cells = line.split('\t').map((c) => c.trim());
      while (cells.length > 1 && cells.at(-1) === '') cells.pop();
      if (cells.filter((c) => c !== '').length >= 2) {
        table.push(cells);
        continue;
      }
      paragraph.push(cells.join(' '));
      continue;
    }
    flushTable();
    const numbered = NUMBERED.exec(line);
    const bullet = BULLET.exec(line);
    if (numbered || bullet) {
      flushParagraph();
      const body = clean(line.slice((numbered ?? bullet)![0].length));
      blocks.push(numbered ? { type: 'list_item', ordered: true, number: Number(numbered[1]), text: body, page: 1 } : { type: 'list_item', ordered: false, text: body, page: 1 });
      continue;
    }
    // A wrapped line goes on the open list item, else on the paragraph.
    const last = blocks.at(-1);
    if (paragraph.length === 0 && last?.type === 'list_item' && /^\s{2,}\S/.test(raw)) {
      last.text = clean(`${last.text} ${line}`);
      continue;
    }
    paragraph.push(line);
  }
  flushParagraph();
  flushTable();
  return blocks;
}
