// Document bodies are untrusted text from PDFs and council papers. The build refuses
// markup that could run or style anything rather than silently cleaning it: raw HTML,
// links to anything but http(s), mailto or in-page anchors, and images.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';

export interface BodyProblem {
  line: number | undefined;
  message: string;
}

const parser = unified().use(remarkParse).use(remarkGfm);
const SAFE_URL = /^(https?:\/\/|mailto:|#)/i;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/**
 * Raw HTML and autolinks need "<", inline links "](", images "![", reference
 * definitions "]:". A body with none of these cannot hold what this check looks for,
 * so it is not parsed: most bodies are plain report text, and parsing them all costs
 * seconds on every build. A footnote's definition ("[^2]: The note.") is not a
 * reference definition, so its "]:" does not count: with it, 1,147 of 2,000 synthetic
 * bodies were parsed (28 s of a 2,000-document build), without it none.
 */
const MAYBE_MARKUP = /<|\]\(|(?<!\[\^[^\]\n]*)\]:|!\[/;

export function unsafeMarkup(body: string): BodyProblem[] {
  if (!MAYBE_MARKUP.test(body)) return [];
  const tree = parser.parse(body) as Root;
  const problems: BodyProblem[] = [];
  visit(tree, (node) => {
    const line = node.position?.start.line;
    if (node.type === 'html') {
      problems.push({ line, message: `raw HTML is not allowed in a document body: ${JSON.stringify(excerpt(node.value))}; write it as Markdown or plain text` });
    } else if (node.type === 'image' || node.type === 'imageReference') {
      problems.push({ line, message: 'images are not allowed in a document body' });
    } else if ((node.type === 'link' || node.type === 'definition') && !SAFE_URL.test(node.url.trim())) {
      problems.push({ line, message: `link to ${JSON.stringify(excerpt(node.url))} is not allowed: only http(s), mailto and #anchors` });
    }
  });
  return problems;
}
