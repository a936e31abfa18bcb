// axe-core (WCAG 2.0 to 2.2, A and AA) over every page in the sitemap, and the 404 page,
// a few tabs at a time: zero violations.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';

const baseURL = inject('baseURL');
const TABS = 3;

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

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility', () => {
  test('every page in the sitemap, and the 404 page, has zero axe violations', async () => {
    const paths = await sitemapPaths();
    expect(paths).toContain('/');
    expect(paths).toContain('/judgements/');
    expect(paths.some((p) => p.startsWith('/authorities/') && p !== '/authorities/')).toBe(true);
    paths.push('/404.html');
    const failures: string[] = [];
    const queue = [...paths];
    await Promise.all(
      Array.from({ length: TABS }, async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          await page.goto(`${baseURL}${path}`);
          for (const v of await axeViolations(page)) failures.push(`${path}: ${v.id} (${v.help}) at ${v.targets.slice(0, 3).join(', ')}`);
        }
        await context.close();
      }),
    );
    console.log(`axe: ${paths.length} pages, ${failures.length} violations`);
    expect(failures.slice(0, 40)).toEqual([]);
  }, 1_800_000); // ~600 pages once the corpus is in: axe takes 0.5 to 2 s a page
});
