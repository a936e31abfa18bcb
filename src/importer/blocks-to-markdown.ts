// Blocks to Markdown through an mdast tree printed by remark-stringify (+ GFM tables), so
// escaping, lists and tables are the library's business, not string concatenation.
import type { FootnoteDefinition, List, ListItem, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { footnoteText } from './footnotes.ts';
import type { Block, FootnoteReference } from './types.ts';

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

/** A block's text as inline nodes: its linked footnote markers become references (`area[^2]`). */
function inline(value: string, references: readonly FootnoteReference[] = [], from = 0): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let at = 0;
  for (const reference of references) {
    const offset = reference.offset - from;
    if (offset < at || offset + reference.length > value.length) continue;
    if (offset > at) nodes.push(text(value.slice(at, offset)));
    nodes.push({ type: 'footnoteReference', identifier: reference.label, label: reference.label });
    at = offset + reference.length;
  }
  if (at < value.length || nodes.length === 0) nodes.push(text(value.slice(at)));
  return nodes;
}

/** A list item's paragraphs (split at blank lines), each with the references that fall in it. */
function itemParagraphs(block: Extract<Block, { type: 'list_item' }>) {
  const parts = block.text.split('\n\n');
  let from = 0;
  return parts.map((part) => {
    const children = inline(part, block.references, from);
    from += part.length + 2;
    return { type: 'paragraph' as const, children };
  });
}

export function blocksToMdast(blocks: readonly Block[]): Root {
  const children: RootContent[] = [];
  const definitions: FootnoteDefinition[] = [];
  /** The open lists, one per nesting level: lists[0] at the margin. */
  let lists: List[] = [];
  for (const block of blocks) {
    // A footnote's text goes to the end of the document (it stood at the foot of a page, often mid-list).
    if (block.type === 'paragraph' && block.footnote?.label) {
      const { label } = block.footnote;
      definitions.push({ type: 'footnoteDefinition', identifier: label, label, children: [{ type: 'paragraph', children: [text(footnoteText(block.text))] }] });
      continue;
    }
    if (block.type !== 'list_item') {
      lists = [];
      if (block.type === 'heading') children.push({ type: 'heading', depth: block.depth, children: inline(block.text, block.references) });
      else if (block.type === 'paragraph') children.push({ type: 'paragraph', children: inline(block.text, block.references) });
      else children.push(tableNode(block));
      continue;
    }
    const paragraphs = itemParagraphs(block);
    const item: ListItem = { type: 'listItem', spread: paragraphs.length > 1, children: paragraphs };
    // At most one level deeper than the lists open: an item cannot nest under nothing.
    const level = Math.min(block.level ?? 0, lists.length);
    lists = lists.slice(0, level + 1);
    const list = lists[level];
    const previousNumber = list?.ordered ? (list.start ?? 1) + list.children.length - 1 : undefined;
    const continues = list && list.ordered === block.ordered && (!block.ordered || block.number === (previousNumber ?? 0) + 1);
    if (!continues) {
      const fresh: List = { type: 'list', ordered: block.ordered, spread: false, children: [] };
      if (block.ordered) fresh.start = block.number ?? 1;
      const parentItem = level > 0 ? lists[level - 1]!.children.at(-1) : undefined;
      if (parentItem) parentItem.children.push(fresh);
      else children.push(fresh);
      lists[level] = fresh;
    }
    lists[level]!.children.push(item);
  }
  return { type: 'root', children: [...children, ...definitions] };
}

const processor = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', listItemIndent: 'one', incrementListMarker: true, rule: '-', fences: true });

export function blocksToMarkdown(blocks: readonly Block[]): string {
  return processor.stringify(blocksToMdast(blocks));
}
