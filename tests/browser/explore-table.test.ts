// Sorting and filtering the comparison table, with the state in the address, and the
// pre-rendered views that stand in for the filters without JavaScript.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { readAuthorities, readDocuments } from '../../src/lib/content-files.ts';
import { flattenDocuments, groupInspections, latestGradedInspections } from '../../src/domain/derive.ts';
import { slugify } from '../../src/domain/explore.ts';
import { GRADE_ORDER, gradeSlug } from '../../src/domain/vocabulary.ts';

const baseURL = inject('baseURL');
const { entries } = readDocuments();
const documents = entries.map((e) => ({ id: e.file.replace(/^content\/documents\//, '').replace(/\.md$/, ''), data: e.data }));
const groups = groupInspections(flattenDocuments(documents));
const latest = latestGradedInspections(groups);
const current = readAuthorities().filter((a) => a.current);
const overall = (id: string) => latest.get(id)?.judgements.overall_effectiveness?.grade;
const hrefs = (ids: string[]) => ids.map((id) => `/authorities/${id}/`).sort();

// The region with most authorities graded Good overall: a filter that leaves several rows.
const region = [...new Set(current.map((a) => a.region))]
  .map((r) => ({ r, n: current.filter((a) => a.region === r && overall(a.id) === 'good').length }))
  .sort((a, b) => b.n - a.n)[0]!.r;

async function visibleRows(page: Page): Promise<string[]> {
  return page.locator('table.comparison tbody tr:not([hidden]) th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the comparison table with JavaScript', () => {
  test('sorts by a grade column from a button in its header, with aria-sort, an announcement and the address', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/judgements/`);
    const header = page.locator('table.comparison thead th', { hasText: 'Overall effectiveness' });
    await header.getByRole('button', { name: 'Overall effectiveness' }).click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(page.locator('#comparison-status').textContent()).resolves.toMatch(/Sorted by Overall effectiveness, ascending/);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('overall');
    const order = (await visibleRows(page)).map((h) => h.split('/')[2]!);
    const ranks = order.map((id) => (overall(id) ? GRADE_ORDER[overall(id)!] : 99));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(Math.min(...current.map((a) => (overall(a.id) ? GRADE_ORDER[overall(a.id)!] : 99))));

    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    const graded = (await visibleRows(page)).map((h) => h.split('/')[2]!).filter((id) => overall(id));
    const down = graded.map((id) => GRADE_ORDER[overall(id)!]);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(new URL(page.url()).searchParams.get('order')).toBe('descending');
    await page.close();
  });

  test('filters by region and grade, puts the filters in the address, and the view switch keeps them', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/judgements/`);
    await page.locator('#comparison-filters-panel > summary').click();
    await page.getByLabel('Region', { exact: true }).selectOption({ label: region });
    expect(await visibleRows(page)).toEqual(hrefs(current.filter((a) => a.region === region).map((a) => a.id)));
    await page.getByLabel('Grade', { exact: true }).selectOption({ label: 'Good' });
    const expected = hrefs(current.filter((a) => a.region === region && overall(a.id) === 'good').map((a) => a.id));
    expect(expected.length).toBeGreaterThan(0);
    expect(await visibleRows(page)).toEqual(expected);
    await expect(page.locator('#comparison-status').textContent()).resolves.toContain(`Showing ${expected.length} of ${current.length} authorities`);
    const params = new URL(page.url()).searchParams;
    expect(params.get('region')).toBe(slugify(region));
    expect(params.get('grade')).toBe('good');
    const allLink = page.getByRole('link', { name: /All inspections/ });
    expect(new URL((await allLink.getAttribute('href'))!, baseURL).searchParams.get('region')).toBe(slugify(region));
    await page.close();
  });

  test('a linked address opens the filtered, sorted view', async () => {
    const page = await browser.newPage();
    const framework = 'ilacs';
    await page.goto(`${baseURL}/judgements/?framework=${framework}&judgement=leaders&grade=good&sort=authority&order=descending`);
    await expect(page.getByLabel('Framework', { exact: true }).inputValue()).resolves.toBe(framework);
    const expected = current
      .filter((a) => {
        const g = latest.get(a.id);
        return g?.framework === framework && g.judgements.impact_of_leaders?.grade === 'good';
      })
      .sort((a, b) => b.name.localeCompare(a.name, 'en-GB'))
      .map((a) => `/authorities/${a.id}/`);
    expect(expected.length).toBeGreaterThan(0);
    expect(await visibleRows(page)).toEqual(expected);
    await expect(page.locator('table.comparison thead th', { hasText: 'Authority' }).getAttribute('aria-sort')).resolves.toBe('descending');
    await expect(page.locator('#comparison-filters-panel').getAttribute('open')).resolves.not.toBeNull();
    await expect(page.locator('table.comparison caption').textContent()).resolves.toMatch(
      new RegExp(`sorted by Authority, Z to A \\(only Framework: ILACS; Judgement: [^;]+; Grade: Good: ${expected.length} of ${current.length} authorities\\)$`),
    );
    await page.close();
  });

  test('a linked sort alone sorts without opening the filters', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/judgements/?sort=date&order=descending`);
    await expect(page.locator('table.comparison caption').textContent()).resolves.toMatch(/sorted by Date, newest first$/);
    await expect(page.locator('#comparison-filters-panel').getAttribute('open')).resolves.toBeNull();
    await expect(page.locator('#comparison-status').textContent()).resolves.toMatch(/^Sorted by Date, descending\. Showing \d+ of \d+ authorities\.$/);
    await page.close();
  });

  test('the all-inspections view lists every inspection of every authority and filters by year', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/judgements/all/`);
    await expect(page.locator('table.comparison tbody tr').count()).resolves.toBe(groups.length);
    const year = '2019';
    await page.locator('#comparison-filters-panel > summary').click();
    await page.getByLabel('Year', { exact: true }).selectOption(year);
    const expected = groups.filter((g) => (g.end ?? g.start ?? g.published)?.startsWith(year)).length;
    expect(expected).toBeGreaterThan(0);
    await expect(page.locator('table.comparison tbody tr:not([hidden])').count()).resolves.toBe(expected);
    await page.close();
  });
});

describe('the comparison table without JavaScript', () => {
  test('shows the whole table, no filter form, and links to views per region and per grade that hold exactly those rows', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/judgements/`);
    await expect(page.locator('#comparison-filters').isVisible()).resolves.toBe(false);
    expect(await visibleRows(page)).toHaveLength(current.length);
    await expect(page.locator('details.views > summary', { hasText: 'Ready-made views' }).isVisible()).resolves.toBe(true);
    await page.locator('details.views > summary').click();
    await page.locator('details.views').getByRole('link', { name: region, exact: true }).click();
    expect(new URL(page.url()).pathname).toBe(`/judgements/region/${slugify(region)}/`);
    expect((await visibleRows(page)).sort()).toEqual(hrefs(current.filter((a) => a.region === region).map((a) => a.id)));
    await page.goto(`${baseURL}/judgements/`);
    await page.locator('details.views > summary').click();
    await page.locator('details.views').getByRole('link', { name: 'Inadequate', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe(`/judgements/grade/${gradeSlug('inadequate')}/`);
    expect((await visibleRows(page)).sort()).toEqual(hrefs(current.filter((a) => overall(a.id) === 'inadequate').map((a) => a.id)));
    await context.close();
  });
});
