// A document's body is read from its file when something needs it (its page, the content
// checks), not kept in the content layer's store: with every body and its rendered HTML in
// it, the store of 10,000 documents is one string over V8's length limit, and every build
// holds all of it in memory (docs/BENCHMARKS.md). The loader keeps frontmatter only:
// src/lib/documents-loader.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderMarkdown } from './markdown.ts';

/** A Markdown file split at its YAML frontmatter (between `---` lines). */
export function splitFrontmatter(text: string): { frontmatter: string; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return match ? { frontmatter: match[1]!, body: match[2]! } : undefined;
}

/** The entry's file, from its path relative to the project (as Astro's glob loader records it). */
const absolute = (filePath: string) => resolve(process.cwd(), filePath);

/** The body of an entry's file, as Astro's Markdown loader gives it (trimmed). */
export function readBody(filePath: string): string {
  const text = readFileSync(absolute(filePath), 'utf8');
  const split = splitFrontmatter(text);
  if (!split) throw new Error(`${filePath}: no YAML frontmatter between --- lines`);
  return split.body.trim();
}

/** The body rendered to HTML with the site's Markdown processor. */
export function renderBody(filePath: string): Promise<string> {
  return renderMarkdown(readBody(filePath), pathToFileURL(absolute(filePath)));
}
