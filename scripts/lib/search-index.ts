// After the build: the Pagefind index of every authority and document page (with the
// filters of src/domain/search-filters.ts), written to dist/pagefind/. Any indexing error,
// or a page missing from the index, throws, which fails the build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchFilters, htmlForIndex } from '../../src/domain/search-filters.ts';
import type { ContentEntry } from '../../src/domain/checks.ts';
import { readAuthorities, readDocuments } from './entries.ts';

/** `entries`: the documents as the build's content check read them (read afresh when not given). */
export async function buildSearchIndex(root: string, dist: string, entries: readonly ContentEntry[] = readDocuments(root).entries): Promise<{ pages: number }> {
  const documents = entries.map((e) => ({ id: e.file.replace(/^content\/documents\//, '').replace(/\.md$/, ''), data: e.data }));
  const pages = searchFilters(documents, readAuthorities(root));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Search index: Pagefind did not start: ${errors.join('; ')}`);
  try {
    const problems: string[] = [];
    let count = 0;
    for (const [url, filters] of pages) {
      const file = join(dist, url, 'index.html');
      const html = htmlForIndex(readFileSync(file, 'utf8'), filters);
      if (!html) {
        problems.push(`${url}: no <main> element to index`);
        continue;
      }
      const added = await index.addHTMLFile({ url, content: html });
      if (added.errors.length > 0) problems.push(`${url}: ${added.errors.join('; ')}`);
      else count++;
    }
    const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
    problems.push(...written.errors);
    if (problems.length > 0) throw new Error(`Search index failed:\n${problems.join('\n')}`);
    return { pages: count };
  } finally {
    await pagefind.close();
  }
}
