// The body of a document page: the Markdown-rendered HTML, sanitised (the content is
// untrusted: no script, no on* handlers, no javascript: URLs, no style attributes),
// headings moved below the page's own, and every judgement's quote highlighted in
// <mark id="evidence-…"> so a grade can link to the sentence that states it.
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { htmlToHast } from 'satteri';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { normaliseWhitespace } from '../domain/evidence.ts';

export interface EvidenceTarget {
  /** The id the grade links to, from evidenceAnchor(). */
  anchor: string;
  /** The quote as the entry gives it. */
  quote: string;
  /** The frontmatter field, for the build error: inspections[0].judgements.overall_effectiveness.evidence */
  field: string;
}

export class EvidenceNotFoundError extends Error {}

/** The blocks a quote is looked for in, as docs/content-model.md says. */
const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr']);
/** Elements a quote may be found in when raw HTML in the source put text outside any block. */
const CONTAINERS = new Set(['blockquote', 'div', 'dd', 'dt', 'td', 'th', 'caption', 'figcaption', 'pre', 'ol', 'ul', 'section']);

/** What the sanitiser puts before the source's ids. */
const PREFIX = 'doc-';

const SCHEMA: Schema = {
  ...defaultSchema,
  // Ids from the source are kept but prefixed, so they cannot collide with the page's.
  clobberPrefix: PREFIX,
  strip: ['script', 'style', 'template', 'noscript'],
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !['img', 'input', 'picture', 'source'].includes(t)),
};

/** Characters of a block's text as the content model defines it, each traced to its text node. */
interface BlockText {
  text: string;
  origin: ({ node: Text; offset: number } | null)[];
}

/** Visits a block's content in reading order; a table row's cells with `betweenCells` between them (its text is the cells' joined by " | "). */
function walkBlock(block: Element, visit: (node: ElementContent) => void, betweenCells: () => void) {
  if (block.tagName !== 'tr') {
    block.children.forEach(visit);
    return;
  }
  const cells = block.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
  cells.forEach((cell, i) => {
    if (i > 0) betweenCells();
    cell.children.forEach(visit);
  });
}

export function blockText(block: Element): BlockText {
  const chars: string[] = [];
  const origin: BlockText['origin'] = [];
  const push = (ch: string, from: BlockText['origin'][number]) => {
    chars.push(ch);
    origin.push(from);
  };
  const trimEnd = () => {
    while (chars.length > 0 && chars[chars.length - 1] === ' ') {
      chars.pop();
      origin.pop();
    }
  };
  const walk = (node: ElementContent) => {
    if (node.type === 'text') {
      for (let i = 0; i < node.value.length; i++) {
        const ch = node.value[i]!;
        if (/\s/.test(ch)) {
          if (chars.length > 0 && chars[chars.length - 1] !== ' ') push(' ', { node, offset: i });
        } else push(ch, { node, offset: i });
      }
    } else if (node.type === 'element') {
      node.children.forEach(walk);
    }
  };
  walkBlock(block, walk, () => {
    trimEnd();
    for (const ch of ' | ') push(ch, null);
  });
  trimEnd();
  return { text: chars.join(''), origin };
}

/**
 * The same text as blockText(block).text, without tracing each character to its node: the
 * quotes are looked for in every block of a document, and only the block that holds one
 * needs the trace (a character-by-character trace of every block was most of a document
 * page's build time, docs/BENCHMARKS.md).
 */
export function plainBlockText(block: Element): string {
  let text = '';
  const walk = (node: ElementContent) => {
    if (node.type === 'text') {
      const collapsed = node.value.replace(/\s+/g, ' ');
      text += collapsed.startsWith(' ') && (text.length === 0 || text.endsWith(' ')) ? collapsed.slice(1) : collapsed;
    } else if (node.type === 'element') {
      node.children.forEach(walk);
    }
  };
  const trimEnd = () => {
    text = text.replace(/ +$/, '');
  };
  walkBlock(block, walk, () => {
    trimEnd();
    text += ' | ';
  });
  trimEnd();
  return text;
}

type Parent = Root | Element;

/** Block texts of one document, each worked out once however many quotes are looked for (marking a quote keeps its block's text). */
type TextCache = Map<Element, string>;

function findBlock(parent: Parent, quote: string, accept: Set<string>, texts: TextCache): Element | undefined {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    const inner = findBlock(child, quote, accept, texts);
    if (inner) return inner;
    if (!accept.has(child.tagName)) continue;
    let text = texts.get(child);
    if (text === undefined) texts.set(child, (text = plainBlockText(child)));
    if (text.includes(quote)) return child;
  }
  return undefined;
}

function addClass(element: Element, name: string) {
  const current: unknown = element.properties.className;
  const list = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(' ') : [];
  if (!list.includes(name)) element.properties.className = [...list, name];
}

/** Wraps the quote's characters in <mark>s (one per text node it crosses); returns the first. */
function markRange(block: Element, bt: BlockText, start: number, end: number, anchor: string): Element {
  const perNode = new Map<Text, [number, number]>();
  for (let i = start; i < end; i++) {
    const from = bt.origin[i];
    if (!from) continue;
    const range = perNode.get(from.node);
    perNode.set(from.node, range ? [Math.min(range[0], from.offset), Math.max(range[1], from.offset + 1)] : [from.offset, from.offset + 1]);
  }
  const marks: Element[] = [];
  const replace = (parent: Parent) => {
    parent.children = parent.children.flatMap((child): RootContent[] => {
      if (child.type === 'element') {
        replace(child);
        return [child];
      }
      if (child.type !== 'text' || !perNode.has(child)) return [child];
      const [a, b] = perNode.get(child)!;
      const mark: Element = {
        type: 'element',
        tagName: 'mark',
        properties: { className: ['evidence'] },
        children: [{ type: 'text', value: child.value.slice(a, b) }],
      };
      marks.push(mark);
      const out: RootContent[] = [];
      if (a > 0) out.push({ type: 'text', value: child.value.slice(0, a) });
      out.push(mark);
      if (b < child.value.length) out.push({ type: 'text', value: child.value.slice(b) });
      return out;
    }) as typeof parent.children;
  };
  replace(block);
  addClass(block, 'evidence-block');
  marks[0]!.properties.id = anchor;
  return marks[0]!;
}

/**
 * Moves the source's headings below the page's h2, without skipped levels: the
 * source's first heading becomes an h3, and each heading is at most one level deeper
 * than the one before it (capped at h6).
 */
function relevelHeadings(tree: Root) {
  const stack: number[] = [];
  const walk = (parent: Parent) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const level = /^h([1-6])$/.exec(child.tagName);
      if (level) {
        const original = Number(level[1]);
        while (stack.length > 0 && stack[stack.length - 1]! >= original) stack.pop();
        stack.push(original);
        child.tagName = `h${Math.min(6, 2 + stack.length)}`;
      }
      walk(child);
    }
  };
  walk(tree);
}

/**
 * In-page links keep pointing at their targets once the sanitiser has prefixed the targets' ids: a
 * footnote reference "#user-content-fn-2" goes to "#doc-user-content-fn-2", and its back link likewise.
 */
function relinkInPageAnchors(tree: Root) {
  const ids = new Set<string>();
  const links: Element[] = [];
  const walk = (parent: Parent) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (typeof child.properties.id === 'string') ids.add(child.properties.id);
      if (child.tagName === 'a' && typeof child.properties.href === 'string' && child.properties.href.startsWith('#')) links.push(child);
      walk(child);
    }
  };
  walk(tree);
  for (const link of links) {
    const target = (link.properties.href as string).slice(1);
    if (!ids.has(target) && ids.has(`${PREFIX}${target}`)) link.properties.href = `#${PREFIX}${target}`;
  }
}

/** Header cells of the source's tables get a scope, as the site's own tables have. */
function scopeHeaderCells(parent: Parent, inHead = false) {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'th' && child.properties.scope === undefined) child.properties.scope = inHead ? 'col' : 'row';
    scopeHeaderCells(child, inHead || child.tagName === 'thead');
  }
}

/**
 * Sanitises rendered Markdown and highlights each target's quote. Throws an
 * EvidenceNotFoundError naming the file and field when a quote is not in one block.
 */
export function prepareBody(html: string, targets: readonly EvidenceTarget[], file: string): string {
  // Parsed by Sätteri's native HTML parser, the Markdown processor's own package: the same
  // tree as parse5 gives (every committed body and 2,000 synthetic ones come out byte-identical),
  // and parsing, sanitising and serialising take about 60% of the time (2,000 bodies: 3.4-4.8 s,
  // not 5.3-8.1 s), on the main thread of the build (docs/BENCHMARKS.md).
  const tree = sanitize(htmlToHast(html, { fragment: true }) as Root, SCHEMA) as Root;
  relevelHeadings(tree);
  scopeHeaderCells(tree);
  relinkInPageAnchors(tree);
  const placed = new Map<string, Element>();
  const texts: TextCache = new Map();
  for (const target of targets) {
    const quote = normaliseWhitespace(target.quote);
    const existing = placed.get(quote);
    if (existing) {
      // Another judgement quoting the same words: an extra anchor inside the same mark.
      existing.children.unshift({ type: 'element', tagName: 'span', properties: { id: target.anchor, className: ['evidence-anchor'] }, children: [] });
      continue;
    }
    const block = findBlock(tree, quote, BLOCKS, texts) ?? findBlock(tree, quote, CONTAINERS, texts);
    if (!block) {
      throw new EvidenceNotFoundError(
        `${file}: ${target.field}: quote not found in the text of one block (paragraph, list item, heading or table row) of the rendered document: "${target.quote}"`,
      );
    }
    const bt = blockText(block);
    const start = bt.text.indexOf(quote);
    placed.set(quote, markRange(block, bt, start, start + quote.length, target.anchor));
  }
  return toHtml(tree);
}
