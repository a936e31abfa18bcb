// Find and share: the Pagefind search index (started with the build, finished after it; a
// failed index fails the build), the redirect pages' addresses for the sitemap's filter,
// and /sitemap.xml (the same sitemap index as /sitemap-index.xml).
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { redirects } from '../src/domain/redirects.ts';
import { readAuthorities } from '../src/lib/content-files.ts';
import type { CheckedEntry } from './content-checks.ts';
import { finishSearchIndex, startSearchIndex, type StartedSearchIndex } from './search-index.ts';

export interface FindAndShare extends AstroIntegration {
  /** The sitemap's filter: every page but the redirect pages (other identifiers of an authority). */
  inSitemap(page: string): boolean;
}

/** `checkedEntries`: the entries the content check read (integrations/content-checks.ts), indexed without reading them again. */
export function findAndShare({ checkedEntries }: { checkedEntries: () => readonly CheckedEntry[] | undefined }): FindAndShare {
  let root = '';
  let searchIndex: StartedSearchIndex | undefined;
  const redirectPaths = new Set<string>();
  return {
    name: 'find-and-share',
    inSitemap: (page) => !redirectPaths.has(new URL(page).pathname),
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        for (const r of redirects(readAuthorities(root))) redirectPaths.add(r.from);
      },
      // The documents are indexed while the pages render (Pagefind's process, the other core).
      'astro:build:start': () => {
        // content-checks' astro:build:start ran first (integrations run in order) and set them.
        const entries = checkedEntries();
        if (!entries) throw new Error('Search index: the content check has not reported the entries');
        searchIndex = startSearchIndex(root, entries);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        if (!searchIndex) throw new Error('Search index: the build finished without starting it');
        const started = performance.now();
        const { pages, shards, reused, documentsMs } = await finishSearchIndex(root, dist, searchIndex);
        // `npm run bench` reads the last figure: what the index added after the pages were written.
        logger.info(
          `Search index: ${pages} pages in ${shards} shards (${reused} unchanged, from .cache/search-index); documents indexed alongside the pages in ${Math.round(documentsMs)} ms; done in ${Math.round(performance.now() - started)} ms after the pages`,
        );
        copyFileSync(`${dist}/sitemap-index.xml`, `${dist}/sitemap.xml`);
      },
    },
  };
}
