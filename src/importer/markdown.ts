// Blocks to Markdown through an mdast tree printed by remark-stringify (+ GFM tables), so
// escaping, lists and tables are the library's business, not string concatenation.
import type { List, ListItem, Root, RootContent, Table, TableRow } from 'mdast';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Block } from './types.ts';

function text(value: string) {
  return { type: 'text' as const, value };
}

function tableNode(block: Extract<Block, { type: 'table' }>): Table {
  const width = Math.max(...block.rows.map((r) => r.length));
  const row = (cells: readonly string[]): TableRow => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, i) => ({ type: 'tableCell', children: cells[i] ? [text(cells[i]!)] : [] })),
  });
  // GFM needs a header row; a table printed without one gets an empty header rather than invented words.
  const rows = block.header ? block.rows : [Array.from({ length: width }, () => ''), ...block.rows];
  return { type: 'table', align: Array.from({ length: width }, () => null), children: rows.map(row) };
}

export function blocksToMdast(blocks: readonly Block[]): Root {
  const children: RootContent[] = [];
  let list: List | undefined;
  for (const block of blocks) {
    if (block.type !== 'list_item') {
      list = undefined;
      if (block.type === 'heading') children.push({ type: 'heading', depth: block.depth, children: [text(block.text)] });
      else if (block.type === 'paragraph') children.push({ type: 'paragraph', children: [text(block.text)] });
      else children.push(tableNode(block));
      continue;
    }
    const paragraphs = block.text.split('\n\n');
    const item: ListItem = {
      type: 'listItem',
      spread: paragraphs.length > 1,
      children: paragraphs.map((p) => ({ type: 'paragraph' as const, children: [text(p)] })),
    };
    const previousNumber = list?.ordered ? (list.start ?? 1) + list.children.length - 1 : undefined;
    const continues = list && list.ordered === block.ordered && (!block.ordered || block.number === (previousNumber ?? 0) + 1);
    if (!continues) {
      list = { type: 'list', ordered: block.ordered, spread: false, children: [] };
      if (block.ordered) list.start = block.number ?? 1;
      children.push(list);
    }
    list!.children.push(item);
  }
  return { type: 'root', children };
}

const processor = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', listItemIndent: 'one', incrementListMarker: true, rule: '-', fences: true });

export function blocksToMarkdown(blocks: readonly Block[]): string {
  return processor.stringify(blocksToMdast(blocks));
}
