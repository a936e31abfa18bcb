// @ts-check
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { markdownConfig } from './src/lib/markdown.ts';
import { siteUrl } from './scripts/lib/site-url.ts';

/**
 * The document entries the content check read at the start of a build (file, frontmatter
 * and digest, not bodies), handed on to the search index rather than read and validated a
 * second time.
 * @type {import('./scripts/lib/content-check.ts').CheckedEntry[] | undefined}
 */
let checkedEntries;

/** The content check's problems, as the build found them at its start. @type {import('./src/domain/checks.ts').ContentProblem[] | undefined} */
let checkedProblems;

const PROBLEMS_MODULE = 'virtual:content-problems';

/** Where the content check keeps each entry's frontmatter and problems between builds, under the project. */
const CHECK_CACHE = '.cache/content-check.json';

/**
 * Runs the content checks before a build; any error stops it with file, field and reason.
 * A build starts the check in a worker thread once its configuration is done and waits for
 * it before the first page (astro:build:start). Its problems are the module
 * `virtual:content-problems` (the data-quality page lists the warnings), so the pages do not
 * check every entry a second time. `astro dev`, which runs no build hooks, checks when the
 * module is first loaded and again after a content edit.
 * @returns {import('astro').AstroIntegration}
 */
function contentChecks() {
  let root = '';
  let command = '';
  /** The check started in a worker once the configuration is done (builds only). @type {Promise<import('./scripts/lib/content-check-worker.ts').ContentCheckReply> | undefined} */
  let started;
  return {
    name: 'content-checks',
    hooks: {
      'astro:config:setup': ({ updateConfig, command: running }) => {
        command = running;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'content-problems',
                resolveId: (id) => (id === PROBLEMS_MODULE ? `\0${PROBLEMS_MODULE}` : undefined),
                async load(id) {
                  if (id !== `\0${PROBLEMS_MODULE}`) return undefined;
                  const { checkContent } = await import('./scripts/lib/content-check.ts');
                  return `export default ${JSON.stringify(checkedProblems ?? checkContent(root).problems)};`;
                },
                configureServer(server) {
                  server.watcher.on('change', (file) => {
                    if (!file.startsWith(join(root, 'content'))) return;
                    const module = server.moduleGraph.getModuleById(`\0${PROBLEMS_MODULE}`);
                    if (module) server.moduleGraph.invalidateModule(module);
                  });
                },
              },
            ],
          },
        });
      },
      'astro:config:done': async ({ config }) => {
        root = fileURLToPath(config.root);
        // A build checks the content on the other core while Astro syncs the content layer on
        // this one (at 10,000 documents the sync takes 11 s and the check 30 s, one after the
        // other before). Entries unchanged since the last build are neither parsed nor checked
        // again (.cache/content-check.json).
        if (command !== 'build') return;
        const { startContentCheck } = await import('./scripts/lib/content-check.ts');
        started = startContentCheck(root, join(root, CHECK_CACHE));
      },
      'astro:build:start': async () => {
        const { startContentCheck } = await import('./scripts/lib/content-check.ts');
        const { formatProblem } = await import('./src/domain/checks.ts');
        // Started at astro:config:done; one path for the check, whoever calls the build.
        const reply = await (started ??= startContentCheck(root, join(root, CHECK_CACHE)));
        if ('failed' in reply) throw new Error(`Content check could not run: ${reply.failed}`);
        // Files, frontmatter and digests: the worker leaves the bodies behind.
        checkedEntries = reply.checked.entries;
        checkedProblems = reply.checked.problems;
        const errors = checkedProblems.filter((p) => p.severity === 'error');
        if (errors.length > 0) {
          throw new Error(`Content check failed with ${errors.length} error(s):\n${errors.map(formatProblem).join('\n')}`);
        }
      },
    },
  };
}

/** Addresses of the redirect pages (other identifiers of authorities), kept out of the sitemap. */
const redirectPaths = new Set();

/**
 * Find and share (issue 5): the redirect pages' addresses for the sitemap filter; the
 * Pagefind search index (started with the build, finished after it; a failed index fails
 * the build) and /sitemap.xml (the same sitemap index as /sitemap-index.xml).
 * @returns {import('astro').AstroIntegration}
 */
function findAndShare() {
  let root = '';
  /** @type {import('./scripts/lib/search-index.ts').StartedSearchIndex} */
  let searchIndex;
  return {
    name: 'find-and-share',
    hooks: {
      'astro:config:done': async ({ config }) => {
        root = fileURLToPath(config.root);
        const { redirects } = await import('./src/domain/redirects.ts');
        const { readAuthorities } = await import('./scripts/lib/entries.ts');
        for (const r of redirects(readAuthorities(root))) redirectPaths.add(r.from);
      },
      // The documents are indexed while the pages render (Pagefind's process, the other core).
      'astro:build:start': async () => {
        const { startSearchIndex } = await import('./scripts/lib/search-index.ts');
        // content-checks' astro:build:start ran first (integrations run in order) and set them.
        if (!checkedEntries) throw new Error('Search index: the content check has not reported the entries');
        searchIndex = startSearchIndex(root, checkedEntries);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const { finishSearchIndex } = await import('./scripts/lib/search-index.ts');
        const started = performance.now();
        const { pages, shards, reused, documentsMs } = await finishSearchIndex(root, dist, searchIndex);
        // `npm run bench` reads the last figure: what the index added after the pages were written.
        logger.info(
          `Search index: ${pages} pages in ${shards} shards (${reused} unchanged, from .cache/search-index); documents indexed alongside the pages in ${Math.round(documentsMs)} ms; done in ${Math.round(performance.now() - started)} ms after the pages`,
        );
        const { copyFileSync } = await import('node:fs');
        copyFileSync(`${dist}/sitemap-index.xml`, `${dist}/sitemap.xml`);
      },
    },
  };
}

/**
 * Ready to publish: `dist/_headers`, the response headers a static host (Netlify,
 * Cloudflare Pages) applies: each page's Content-Security-Policy as a header too, with
 * frame-ancestors 'none', nosniff, a Referrer-Policy and a year's cache for /_astro/.
 * Read back from the built pages (scripts/lib/static-headers.ts), sorted, so two builds
 * of the same pages write the same file.
 * @returns {import('astro').AstroIntegration}
 */
function staticHeaders() {
  return {
    name: 'static-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { writeStaticHeaders } = await import('./scripts/lib/static-headers.ts');
        const { pages, rules, dropped } = writeStaticHeaders(fileURLToPath(dir));
        logger.info(`_headers: ${rules} rules for ${pages} pages (${dropped} script hashes matching no inline script dropped from the policies)`);
      },
    },
  };
}

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
  integrations: [contentChecks(), sitemap({ filter: (page) => !redirectPaths.has(new URL(page).pathname) }), findAndShare(), staticHeaders()],
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
