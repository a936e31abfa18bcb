// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';

/**
 * Runs the content checks before a build; any error stops it with file, field and reason.
 * @returns {import('astro').AstroIntegration}
 */
function contentChecks() {
  let root = '';
  return {
    name: 'content-checks',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': async () => {
        const { runContentCheck } = await import('./scripts/lib/content-check.ts');
        const { formatProblem } = await import('./src/domain/checks.ts');
        const errors = runContentCheck(root).filter((p) => p.severity === 'error');
        if (errors.length > 0) {
          throw new Error(`Content check failed with ${errors.length} error(s):\n${errors.map(formatProblem).join('\n')}`);
        }
      },
    },
  };
}

export default defineConfig({
  site: 'https://childrens-services-inspections.example.org',
  trailingSlash: 'always',
  integrations: [contentChecks(), sitemap()],
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
  markdown: {
    // Sätteri (the default processor), with smart punctuation off: a document page shows
    // the source's own quotes and dashes, and evidence quotes match the text verbatim.
    processor: satteri({ features: { smartPunctuation: false } }),
  },
});
