// axe-core (WCAG 2.0 to 2.2, A and AA: the tags of tests/support/axe.ts) over every page
// in the sitemap, and the 404 page, a few tabs at a time: zero violations.
//
// With ~600 pages, AxeBuilder (which opens a blank page per analysis to finish the run)
// costs about a second a page on this 2-core machine; running axe-core in the page with
// the same tags costs a third of that. The sweep runs axe-core directly; the helper
// axeViolations() checks one page of each kind, so the two stay in agreement.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { axeViolations, WCAG_TAGS } from '../support/axe.ts';

const baseURL = inject('baseURL');
const TABS = 2;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function sitemapPaths(): Promise<string[]> {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  const index = await (await fetch(`${baseURL}/sitemap-index.xml`)).text();
  const paths: string[] = [];
  for (const sitemap of locs(index)) {
    const xml = await (await fetch(`${baseURL}${new URL(sitemap).pathname}`)).text();
    paths.push(...locs(xml).map((loc) => new URL(loc).pathname));
  }
  return paths;
}

async function axeInPage(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_TAGS);
}

let browser: Browser;
let paths: string[];
beforeAll(async () => {
  browser = await launchBrowser();
  paths = await sitemapPaths();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility', () => {
  test('the sitemap lists the site’s pages', () => {
    expect(paths).toContain('/');
    expect(paths).toContain('/judgements/');
    expect(paths).toContain('/data/');
    expect(paths).toContain('/data-quality/');
    expect(paths.some((p) => /^\/authorities\/[^/]+\/$/.test(p))).toBe(true);
  });

  test('one page of each kind has zero violations with the shared axe helper', async () => {
    const kinds = ['/', '/authorities/', '/judgements/', '/data/', '/data-quality/', '/404.html'];
    const authority = paths.find((p) => /^\/authorities\/[^/]+\/$/.test(p));
    const document = paths.find((p) => p.startsWith('/documents/'));
    const context = await browser.newContext();
    const page = await context.newPage();
    const failures: string[] = [];
    for (const path of [...kinds, authority, document].filter((p): p is string => Boolean(p))) {
      await page.goto(`${baseURL}${path}`);
      for (const v of await axeViolations(page)) failures.push(`${path}: ${v.id} (${v.help}) at ${v.targets.slice(0, 3).join(', ')}`);
    }
    await context.close();
    expect(failures).toEqual([]);
  });

  test('every page in the sitemap, and the 404 page, has zero axe violations', async () => {
    const all = [...paths, '/404.html'];
    const queue = [...all];
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: TABS }, async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          await page.goto(`${baseURL}${path}`);
          for (const v of await axeInPage(page)) failures.push(`${path}: ${v}`);
        }
        await context.close();
      }),
    );
    console.log(`axe: ${all.length} pages, ${failures.length} violations`);
    expect(failures.slice(0, 40)).toEqual([]);
  }, 1_800_000);
});
