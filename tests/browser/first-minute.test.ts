// Issue 12, a reader's first minute on a phone (390×844) and a desktop (1366×900): no page
// scrolls sideways; an authority page gives its latest grades and their change on the
// first phone screen; the comparison table starts within two phone screens, keeps its
// header row in view, and its caption follows the sort and the filters.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { listFiles, urlPathOf } from '../support/built-site.ts';
import { readAuthorities, readDocuments } from '../../src/lib/content-files.ts';
import { flattenDocuments, groupInspections, latestGradedInspections } from '../../src/domain/derive.ts';
import { givesNoOverall } from '../../src/domain/explore.ts';
import { GRADE_LABELS } from '../../src/domain/vocabulary.ts';

const baseURL = inject('baseURL');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const { entries } = readDocuments();
const documents = entries.map((e) => ({ id: e.file.replace(/^content\/documents\//, '').replace(/\.md$/, ''), data: e.data }));
const latest = latestGradedInspections(groupInspections(flattenDocuments(documents)));
const authorities = readAuthorities();

/** Every authority page, and the first, middle and last page of every other kind (the first path segment), redirects aside. */
function pagesToMeasure(): string[] {
  const byKind = new Map<string, string[]>();
  for (const file of listFiles()) {
    const path = urlPathOf(file);
    if (/http-equiv="refresh"/i.test(readFileSync(file, 'utf8').slice(0, 2000))) continue;
    const kind = path.split('/')[1] || 'home';
    byKind.set(kind, [...(byKind.get(kind) ?? []), path]);
  }
  const pages = authorities.map((a) => `/authorities/${a.id}/`);
  for (const [kind, paths] of byKind) {
    if (kind === 'authorities') continue;
    pages.push(...new Set([paths[0]!, paths[Math.floor(paths.length / 2)]!, paths.at(-1)!]));
  }
  return [...new Set([...pages, '/authorities/', '/judgements/all/'])];
}

interface Measure {
  path: string;
  width: number;
  headline?: { top: number; text: string };
  firstGrade?: { top: number; bottom: number };
  changeTop?: number;
  overallRow: boolean;
}

let browser: Browser;
let phone: BrowserContext;
const measured: Measure[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
  phone = await browser.newContext({ viewport: PHONE });
  // Images and fonts do not change a page's width here; leaving them out keeps the loop quick.
  await phone.route(/\.(png|jpe?g|woff2?)$/, (route) => route.abort());
  const page = await phone.newPage();
  for (const path of pagesToMeasure()) {
    await page.goto(`${baseURL}${path}`, { waitUntil: 'load' });
    measured.push(
      await page.evaluate((path) => {
        const box = (el: Element | null) => el?.getBoundingClientRect();
        const headline = document.querySelector('#latest-headline');
        const firstGrade = box(document.querySelector('table.latest-grades tbody tr'));
        const change = document.querySelector('table.latest-grades td.change, .change-summary');
        return {
          path,
          width: document.documentElement.scrollWidth,
          ...(headline ? { headline: { top: box(headline)!.top + scrollY, text: headline.textContent!.replace(/\s+/g, ' ').trim() } } : {}),
          ...(firstGrade ? { firstGrade: { top: firstGrade.top + scrollY, bottom: firstGrade.bottom + scrollY } } : {}),
          ...(change ? { changeTop: box(change)!.top + scrollY } : {}),
          overallRow: [...document.querySelectorAll('table.latest-grades tbody th')].some((th) => /^Overall/.test(th.textContent!.trim())),
        };
      }, path),
    );
  }
}, 600_000);
afterAll(async () => browser?.close());

describe('at 390 px, a phone', () => {
  test('no page is wider than the screen: every authority page and some pages of every other kind', () => {
    expect(measured.length).toBeGreaterThan(authorities.length);
    const wide = measured.filter((m) => m.width > PHONE.width).map((m) => `${m.path} (${m.width} px)`);
    expect(wide).toEqual([]);
  });

  test('every authority page with a graded inspection gives its latest grades and the change on the first screen', () => {
    const withGrades = authorities.filter((a) => latest.has(a.id));
    expect(withGrades.length).toBeGreaterThan(0);
    for (const a of withGrades) {
      const m = measured.find((x) => x.path === `/authorities/${a.id}/`)!;
      const group = latest.get(a.id)!;
      expect(m.headline, a.id).toBeDefined();
      expect(m.headline!.top, a.id).toBeLessThan(PHONE.height);
      expect(m.firstGrade!.top, a.id).toBeLessThan(PHONE.height);
      expect(m.changeTop ?? 0, a.id).toBeLessThan(PHONE.height);
      const overall = group.judgements.overall_effectiveness;
      if (overall) {
        expect(m.headline!.text, a.id).toMatch(new RegExp(`^${GRADE_LABELS[overall.grade]} overall in `));
        // A previous inspection known only from a mention that gives no overall grade: said so, not guessed.
        expect(m.headline!.text, a.id).toMatch(/, (up|down) from .+ in \d{4}\.$|the same as in \d{4}\.$|first graded inspection|no overall grade from \d{4} to compare with\.$/);
      } else if (givesNoOverall(group)) {
        // Never an older overall grade as if it were current.
        expect(m.headline!.text, a.id).toMatch(/^No overall grade: inspections from April 2026 don’t give one/);
        expect(m.overallRow, a.id).toBe(false);
      }
    }
  });

  test('the 2026 inspections just imported say they give no overall grade', () => {
    for (const id of ['lancashire', 'blackpool', 'trafford']) {
      const m = measured.find((x) => x.path === `/authorities/${id}/`)!;
      expect(m.headline?.text, id).toMatch(/^No overall grade/);
      expect(m.overallRow, id).toBe(false);
    }
  });
});

async function tablePage(viewport: typeof PHONE, path = '/judgements/'): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${baseURL}${path}`);
  return page;
}

describe('the comparison table', () => {
  for (const viewport of [PHONE, DESKTOP]) {
    test(`at ${viewport.width}×${viewport.height}: its first row within two phone screens, its header row in view after a scroll`, async () => {
      const page = await tablePage(viewport);
      const firstRow = await page.locator('table.comparison tbody tr').first().boundingBox();
      expect(firstRow!.y).toBeLessThan(2 * PHONE.height);
      // Scroll well down the table (the page and the table's own box), then look for the header row.
      await page.locator('table.comparison tbody tr').nth(60).scrollIntoViewIfNeeded();
      const row = await page.locator('table.comparison tbody tr').nth(60).boundingBox();
      const header = await page.locator('table.comparison thead th').nth(1).boundingBox();
      expect(header!.y).toBeGreaterThanOrEqual(0);
      expect(header!.y + header!.height).toBeLessThanOrEqual(row!.y + 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.context().close();
    });
  }

  test('grades are labels of one size on one line; the full words stay in the text', async () => {
    const page = await tablePage(PHONE);
    const sizes = await page.locator('table.comparison a.grade').evaluateAll((as) =>
      as.map((a) => ({ width: Math.round(a.getBoundingClientRect().width), height: Math.round(a.getBoundingClientRect().height), text: a.textContent, name: a.getAttribute('aria-label') })),
    );
    expect(new Set(sizes.map((s) => s.height)).size).toBe(1);
    expect(Math.max(...sizes.map((s) => s.width)) - Math.min(...sizes.map((s) => s.width))).toBeLessThanOrEqual(2);
    expect(sizes.filter((s) => s.text === 'RI').every((s) => s.name === `RI: ${GRADE_LABELS.requires_improvement}`)).toBe(true);
    expect(sizes.some((s) => s.text === 'RI')).toBe(true);
    await page.context().close();
  });

  test('its caption follows the sort and the filters, and an empty result says so and offers to clear them', async () => {
    const page = await tablePage(DESKTOP);
    const caption = page.locator('table.comparison caption');
    await expect(caption.textContent()).resolves.toBe('Latest graded inspection of each current authority, A to Z');
    await page.locator('table.comparison thead th', { hasText: 'Overall effectiveness' }).getByRole('button').click();
    await expect(caption.textContent()).resolves.toBe('Latest graded inspection of each current authority, sorted by Overall effectiveness, best grade first');
    await page.locator('table.comparison thead th', { hasText: 'Date' }).getByRole('button').click();
    await page.locator('table.comparison thead th', { hasText: 'Date' }).getByRole('button').click();
    await expect(caption.textContent()).resolves.toMatch(/sorted by Date, newest first$/);

    // The LSCB was graded only under the SIF: no current authority's latest inspection has an LSCB grade of Good.
    const current = authorities.filter((a) => a.current);
    expect(current.filter((a) => latest.get(a.id)?.judgements.lscb?.grade === 'good')).toEqual([]);
    await page.locator('#comparison-filters-panel > summary').click();
    await page.getByLabel('Judgement', { exact: true }).selectOption('lscb');
    await page.getByLabel('Grade', { exact: true }).selectOption('good');
    await expect(page.locator('table.comparison tbody tr:not([hidden])').count()).resolves.toBe(0);
    await expect(caption.textContent()).resolves.toMatch(/\(only Judgement: LSCB; Grade: Good: 0 of \d+ authorities\)$/);
    const empty = page.locator('#comparison-empty');
    await expect(empty.isVisible()).resolves.toBe(true);
    await expect(empty.textContent()).resolves.toContain('No authorities match these filters.');
    await empty.getByRole('button', { name: 'Clear the filters' }).click();
    await expect(empty.isVisible()).resolves.toBe(false);
    await expect(page.locator('table.comparison tbody tr:not([hidden])').count()).resolves.toBe(current.length);
    await expect(caption.textContent()).resolves.toMatch(/sorted by Date, newest first$/);
    await page.context().close();
  });

  test('without JavaScript: the first row within two phone screens, the filters folded away', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/judgements/`);
    expect((await page.locator('table.comparison tbody tr').first().boundingBox())!.y).toBeLessThan(2 * PHONE.height);
    await expect(page.locator('#comparison-filters-panel').getAttribute('open')).resolves.toBeNull();
    await expect(page.locator('table.comparison caption').textContent()).resolves.toMatch(/, A to Z$/);
    await context.close();
  });
});
