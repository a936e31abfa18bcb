// Small text helpers the letter reader shares: a block's text as one line, its sentences,
// and a quote written as the entry's Markdown body writes it (the content check looks for
// quotes in the body as stored, where "B&NES" is "B\&NES").
import { quoteInBody } from '../../domain/evidence.ts';
import { blocksToMarkdown } from '../markdown.ts';
import { sentences } from '../parse-previous.ts';
import type { Block } from '../types.ts';

export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A block's first paragraph (list items can hold several), on one line. */
export function blockText(block: Block): string {
  return block.type === 'table' ? block.rows.flat().join(' ') : flat(block.text.split('\n\n')[0]!);
}

export function sentencesOf(text: string): string[] {
  return sentences(flat(text));
}

/** The quote as the body holds it: as written when it is there, else as Markdown escapes it; undefined when neither is in the body. */
export function asQuote(quote: string, body: string): string | undefined {
  const plain = flat(quote);
  if (quoteInBody(plain, body)) return plain;
  const escaped = flat(blocksToMarkdown([{ type: 'paragraph', text: plain, page: 1 }]));
  return quoteInBody(escaped, body) ? escaped : undefined;
}
