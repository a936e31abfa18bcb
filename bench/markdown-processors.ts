// Markdown processing in one process, on the same bodies: Sätteri (Astro 7's default,
// as astro.config.mjs configures it) against remark/unified (@astrojs/markdown-remark),
// both to HTML (what the build does per entry) and to a syntax tree only (what the
// content check's body-safety rule and an importer need). Sequential, after a warm-up.
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { markdownToMdast } from 'satteri';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

export interface MarkdownFigure {
  name: string;
  ms: number;
  docsPerSecond: number;
  mbPerSecond: number;
}

async function time(name: string, bodies: readonly string[], fn: (body: string) => unknown): Promise<MarkdownFigure> {
  for (const body of bodies.slice(0, 20)) await fn(body);
  const start = performance.now();
  for (const body of bodies) await fn(body);
  const ms = performance.now() - start;
  const bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b), 0);
  return { name, ms, docsPerSecond: (bodies.length / ms) * 1000, mbPerSecond: bytes / 1024 / 1024 / (ms / 1000) };
}

export async function benchMarkdown(bodies: readonly string[]): Promise<MarkdownFigure[]> {
  const satteri = await createSatteriMarkdownProcessor({ features: { smartPunctuation: false } });
  const remark = await createMarkdownProcessor({ smartypants: false, gfm: true });
  const remarkTree = unified().use(remarkParse).use(remarkGfm);
  const figures: MarkdownFigure[] = [];
  figures.push(await time('Sätteri → HTML (the build)', bodies, (b) => satteri.render(b)));
  figures.push(await time('remark/unified → HTML', bodies, (b) => remark.render(b)));
  figures.push(await time('Sätteri → mdast (parse only)', bodies, (b) => markdownToMdast(b, { features: { gfm: true } })));
  figures.push(await time('remark-parse + GFM → mdast (content check)', bodies, (b) => remarkTree.runSync(remarkTree.parse(b))));
  return figures;
}
