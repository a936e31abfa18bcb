// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { markdownConfig } from './src/lib/markdown.ts';
import { siteUrl } from './integrations/site-url.ts';
import { contentChecks } from './integrations/content-checks.ts';
import { findAndShare } from './integrations/find-and-share.ts';
import { OUTPUT_FOLDER as SEARCH_INDEX_FOLDER } from './integrations/search-index.ts';
import { staticHeaders } from './integrations/static-headers.ts';
import { keptPages } from './integrations/kept-pages.ts';

// The build's own integrations, one file each in integrations/: dist/ emptied but for the
// pages the incremental build may reuse, the content check before the first page, the search
// index and sitemap, and the static host's response headers.
const checks = contentChecks();
const share = findAndShare({ checkedEntries: () => checks.checkedEntries });
const kept = keptPages({ owned: [SEARCH_INDEX_FOLDER] });

export default defineConfig({
  // The site's public address: SITE_URL in the environment (`SITE_URL=https://example.org/
  // npm run build`), or this placeholder for local builds and the tests. Canonical links,
  // og:url and preview images, the sitemap, /feed.xml, /robots.txt and the downloads use it.
  site: siteUrl(process.env, 'https://childrens-services-inspections.example.org'),
  trailingSlash: 'always',
  // The content layer's store and the incremental build's copies of pages, in the project
  // itself rather than the shared node_modules/.astro: the test harness's site copies
  // share node_modules by symlink, and each must build from its own cache (or none).
  cacheDir: './.cache/astro',
  experimental: {
    // Pages whose getStaticPaths gives a cacheKey (src/lib/cache-keys.ts: documents,
    // authorities, comparisons, redirects, preview images) are copied from the previous
    // build when neither their data nor their code changed.
    incrementalBuild: true,
  },
  // In this order: kept-pages removes pages no longer built before static-headers reads the
  // pages, and static-headers prunes their policies before find-and-share indexes the
  // authority pages, so the search index digests each page as it stays in dist/; kept-pages'
  // sweep of other files comes after everything that writes into dist/.
  integrations: [kept, checks, staticHeaders(), sitemap({ filter: share.inSitemap }), share, kept.sweep],
  // A strict Content-Security-Policy in every page: Astro hashes the scripts and styles
  // it emits, nothing inline runs unless hashed, and no 'unsafe-inline' or 'unsafe-eval'.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  // Sätteri without smart punctuation or highlighting; document pages render their bodies
  // with the same processor (src/lib/markdown.ts).
  markdown: markdownConfig,
});
