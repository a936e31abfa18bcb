// Issue 23: a reader on a phone sees when the council's next full inspection is expected on
// the first screen of its page, opens what it rests on without JavaScript, finds every
// council by window on /next-inspections/ (filtered with JavaScript, ready-made views
// without), downloads the windows, and reaches every page from a header that folds into a
// Menu on a phone. Expected values come from the content (the domain and view functions
// over the entries), not from copies of what the pages print.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { launchBrowser } from '../support/browser.ts';
import { readAuthorities, readDocuments } from '../../src/lib/content-files.ts';
import { flattenDocuments, groupInspections } from '../../src/domain/derive.ts';
import { siteCurrency } from '../../src/domain/currency.ts';
import { allNextInspections, nextInspectionView, type NextInspectionSite } from '../../src/lib/views/next-inspection.ts';
import { nextInspectionRowSchema } from '../../src/domain/downloads.ts';

const baseURL = inject('baseURL');
const { entries } = readDocuments();
const documents = entries.map((e) => ({ id: e.file.replace(/^content\/documents\//, '').replace(/\.md$/, ''), data: e.data }));
const currency = siteCurrency(documents, process.env.SOURCE_DATE_EPOCH);
const authorities = readAuthorities();
const site: NextInspectionSite = { authorities, groups: groupInspections(flattenDocuments(documents)), built: currency.built!, newest: currency.newest?.date };
const all = allNextInspections(site);
const current = authorities.filter((a) => a.current);
const overdue = all.filter((n) => n.status === 'overdue');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function phone(javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
  return context.newPage();
}

describe('the next inspection on an authority page', () => {
  test('every current council’s page says when its next inspection is expected, or why there is no window', async () => {
    expect(all).toHaveLength(current.length);
    for (const a of current) {
      const html = await (await fetch(`${baseURL}/authorities/${a.id}/`)).text();
      const view = nextInspectionView(a.id, site);
      const sentence = /<p class="next-sentence"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
      expect(sentence, a.id).toBe(`${view.statusLabel} ${view.sentence}`);
    }
  });

  test('on a phone without JavaScript it is on the first screen, and what it rests on opens with one click', async () => {
    const n = overdue[0] ?? all.find((x) => x.rule)!;
    const page = await phone(false);
    await page.goto(`${baseURL}/authorities/${n.authority}/`);
    const box = (await page.locator('.next-sentence').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await expect(page.locator('.next-basis a[href^="/documents/"]').first().isVisible()).resolves.toBe(false);
    await page.locator('.next-basis > summary').click();
    await expect(page.locator('.next-basis').getByRole('link', { name: /inspection,/ }).first().getAttribute('href')).resolves.toBe(`/documents/${n.basis!.group.primary.documentId}/`);
    await expect(page.locator('.next-basis blockquote').textContent()).resolves.toMatch(/six months before and six months after the three year anniversary/);
    await page.context().close();
  });

  test('an inadequate council has no window and says it is under monitoring, with the visits we hold', async () => {
    const n = all.find((x) => x.status === 'under_monitoring');
    if (!n) return expect(all.every((x) => x.basis?.grade !== 'inadequate')).toBe(true);
    const html = await (await fetch(`${baseURL}/authorities/${n.authority}/`)).text();
    expect(html).toContain('data-next-status="under_monitoring"');
    expect(html).toMatch(n.monitoring!.visits === 0 ? /We hold no monitoring visit letters/ : /We hold \d+ monitoring visit/);
  });
});

describe('the header on a phone', () => {
  test('under 120 px, its links folded in a Menu that opens without JavaScript; a wide screen shows the bar instead', async () => {
    const page = await phone(false);
    await page.goto(`${baseURL}/authorities/${current[0]!.id}/`);
    const header = (await page.locator('header.site-header').boundingBox())!;
    expect(header.height).toBeLessThan(120);
    await expect(page.locator('.site-menu a[href="/next-inspections/"]').isVisible()).resolves.toBe(false);
    await expect(page.locator('header').getByText('not a government service').isVisible()).resolves.toBe(true);
    await page.locator('.site-menu > summary').click();
    await page.locator('.site-menu a[href="/next-inspections/"]').click();
    expect(new URL(page.url()).pathname).toBe('/next-inspections/');
    await page.setViewportSize({ width: 1366, height: 900 });
    await expect(page.locator('.site-menu').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-nav a[href="/next-inspections/"]').isVisible()).resolves.toBe(true);
    await page.context().close();
  });
});

describe('/next-inspections/', () => {
  const rowsOf = (page: Page) => page.locator('table.windows tbody tr:not([hidden]) th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const hrefs = (ids: string[]) => ids.map((id) => `/authorities/${id}/`).sort();

  test('without JavaScript: every current council, the method and hit rates, and ready-made views that hold exactly their rows', async () => {
    const page = await phone(false);
    await page.goto(`${baseURL}/next-inspections/`);
    expect((await rowsOf(page)).sort()).toEqual(hrefs(current.map((a) => a.id)));
    await expect(page.locator('#hit-grade-caption').isVisible()).resolves.toBe(true);
    await expect(page.locator('#estimate-caption').isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    if (overdue.length > 0) {
      await page.locator('details.views > summary').click();
      await page.locator('details.views').getByRole('link', { name: /^Overdue/ }).click();
      expect(new URL(page.url()).pathname).toBe('/next-inspections/overdue/');
      expect((await rowsOf(page)).sort()).toEqual(hrefs(overdue.map((n) => n.authority)));
    }
    await page.context().close();
  });

  test('with JavaScript: filters by status into the address, and sorts by the window', async () => {
    const page = await phone(true);
    await page.goto(`${baseURL}/next-inspections/`);
    await page.locator('#comparison-filters-panel > summary').click();
    await page.locator('#f-status').selectOption('due_now');
    expect((await rowsOf(page)).sort()).toEqual(hrefs(all.filter((n) => n.status === 'due_now').map((n) => n.authority)));
    expect(new URL(page.url()).searchParams.get('status')).toBe('due_now');
    await expect(page.locator('#comparison-status').textContent()).resolves.toMatch(/^Showing \d+ of \d+ councils\.$/);
    await page.locator('th[data-column="window"] button').click();
    const starts = await page.locator('table.windows tbody tr:not([hidden]) td:nth-of-type(2)').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.sort!));
    expect(starts).toEqual([...starts].sort());
    await page.context().close();
  });
});

test('next-inspections.csv: one record per current council, the schema’s columns, the domain’s windows', async () => {
  const response = await fetch(`${baseURL}/data/next-inspections.csv`);
  expect(response.status).toBe(200);
  const rows = parse(await response.text(), { columns: true, bom: true }) as Record<string, string>[];
  expect(Object.keys(rows[0]!)).toEqual(Object.keys(nextInspectionRowSchema.shape));
  expect(rows.map((r) => r.authority_id).sort()).toEqual(current.map((a) => a.id).sort());
  for (const n of all) {
    const r = rows.find((x) => x.authority_id === n.authority)!;
    expect([r.status, r.window_from, r.window_to, r.as_at], n.authority).toEqual([n.status, n.rule?.from ?? '', n.rule?.to ?? '', currency.built]);
  }
});
