// The one Markdown processor of the site: astro.config.mjs gives it to Astro, and document
// pages render their bodies with it (src/lib/document-body.ts), so both make the same HTML.
import { satteri } from '@astrojs/markdown-satteri';

/** Astro's `markdown` config. */
export const markdownConfig = {
  // Sätteri (Astro's default processor), with smart punctuation off: a document page shows
  // the source's own quotes and dashes, and evidence quotes match the text verbatim.
  processor: satteri({ features: { smartPunctuation: false } }),
  // No syntax highlighting: Shiki colours code with inline style attributes, which the
  // strict CSP refuses, and source documents have no code worth colouring.
  syntaxHighlight: false as const,
};

let renderer: ReturnType<typeof markdownConfig.processor.createRenderer> | undefined;

/** A Markdown body as HTML, rendered exactly as Astro's content layer would render it. */
export async function renderMarkdown(body: string, fileURL?: URL): Promise<string> {
  renderer ??= markdownConfig.processor.createRenderer({ syntaxHighlight: markdownConfig.syntaxHighlight });
  return (await (await renderer).render(body, { fileURL })).code;
}
