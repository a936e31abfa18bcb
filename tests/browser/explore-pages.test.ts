// The explore pages: the hex map (links reachable by keyboard, grades readable without
// colour), regions and their ranking, neighbours on authority pages, compare (with and
// without JavaScript), charts with their tables, and the improvement themes.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { readAuthorities, readDocuments } from '../../src/lib/content-files.ts';
import { flattenDocuments, groupInspections, latestGradedInspections } from '../../src/domain/derive.ts';
import { gradeDistribution, ordinal, rankAuthorities, slugify } from '../../src/domain/explore.ts';
import { mapCellFor } from '../../src/domain/hexmap.ts';
import { improvementAnchor, themesByRule, THEMES } from '../../src/domain/themes.ts';
import { GRADE_LABELS } from '../../src/domain/vocabulary.ts';

const baseURL = inject('baseURL');
const { entries } = readDocuments();
const documents = entries.map((e) => ({ id: e.file.replace(/^content\/documents\//, '').replace(/\.md$/, ''), data: e.data }));
const groups = groupInspections(flattenDocuments(documents));
const latest = latestGradedInspections(groups);
const authorities = readAuthorities();
const current = authorities.filter((a) => a.current);
const name = (id: string) => authorities.find((a) => a.id === id)!.name;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the hex map', () => {
  test('has one link per current authority, named with the grade its latest inspection gave, and a letter in each hex', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/map/`);
    const links = await page.locator('svg a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, label: a.getAttribute('aria-label')!, letter: a.querySelector('text')!.textContent })));
    expect(links.map((l) => l.href).sort()).toEqual(current.map((a) => `/authorities/${a.id}/`).sort());
    for (const a of current) {
      const cell = mapCellFor(latest.get(a.id), 'overall');
      const link = links.find((l) => l.href === `/authorities/${a.id}/`)!;
      expect(link.label, a.id).toBe(cell.grade ? `${a.name}: ${cell.text}, ${cell.letter}` : `${a.name}: ${cell.text}`);
      expect(link.letter, a.id).toBe(cell.letter);
    }
    await page.close();
  });

  test('a hex is reached with the Tab key and opens its authority with Enter', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/map/leaders/`);
    await page.locator('nav[aria-label="Judgement shown on the map"] a').last().focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName.toLowerCase(), href: document.activeElement?.getAttribute('href'), inSvg: Boolean(document.activeElement?.closest('svg')) }));
    expect(focused.inSvg).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${focused.href}`);
    expect(new URL(page.url()).pathname).toBe(focused.href);
    await page.close();
  });
});

describe('regions', () => {
  const region = 'North East';
  const ranking = rankAuthorities(region, current.filter((a) => a.region === region), latest);

  test('a region page ranks its authorities as computed from their latest grades, as at a stated date', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/regions/${slugify(region)}/`);
    const rows = await page.locator('#ranking-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    expect(rows.map((r) => r[1])).toEqual(ranking.ranked.map((r) => r.authority.name));
    ranking.ranked.forEach((r, i) => {
      expect(rows[i]![0]).toBe(r.rank === undefined ? 'not ranked' : `${r.joint ? '=' : ''}${ordinal(r.rank)}`);
      if (r.grade) expect(rows[i]![2]).toBe(GRADE_LABELS[r.grade]);
    });
    const lead = await page.locator('.panel').textContent();
    for (const top of ranking.top) expect(lead).toContain(top.authority.name);
    await page.close();
  });
});

describe('statistical neighbours on an authority page', () => {
  const authority = current.find((a) => a.statistical_neighbours.length > 0 && latest.has(a.id))!;
  test('show each neighbour’s latest overall effectiveness grade beside the authority’s own', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/authorities/${authority.id}/`);
    const rows = await page.locator('table.neighbours tbody tr').evaluateAll((trs) => trs.map((tr) => ({ name: tr.querySelector('th')!.textContent!.trim(), grade: tr.querySelector('.grade')?.textContent?.trim() ?? null })));
    expect(rows.map((r) => r.name.replace(/ \(this authority\)$/, ''))).toEqual([authority.id, ...authority.statistical_neighbours].map(name));
    [authority.id, ...authority.statistical_neighbours].forEach((id, i) => {
      const grade = latest.get(id)?.judgements.overall_effectiveness?.grade;
      expect(rows[i]!.grade, id).toBe(grade ? GRADE_LABELS[grade] : null);
    });
    await page.close();
  });
});

describe('compare', () => {
  const authority = current.find((a) => a.statistical_neighbours.length >= 3)!;
  test('without JavaScript, the pre-rendered comparison with statistical neighbours has a column each', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/compare/`);
    await expect(page.locator('#compare-form').isVisible()).resolves.toBe(false);
    await page.locator(`a[href="/compare/${authority.id}/"]`).click();
    const heads = (await page.locator('table.compare-table thead th').allTextContents()).map((t) => t.trim());
    expect(heads).toEqual(['Year', ...[authority.id, ...authority.statistical_neighbours].map(name)]);
    await context.close();
  });

  test('with JavaScript, picked authorities are compared side by side and the choice is in the address', async () => {
    const [a, b, c] = [authority.id, ...authority.statistical_neighbours];
    const page = await browser.newPage();
    await page.goto(`${baseURL}/compare/?a=${a},${b}`);
    await expect(page.locator('#compare-result table.compare-table').waitFor()).resolves.toBeUndefined();
    expect((await page.locator('#compare-result thead th').allTextContents()).map((t) => t.trim())).toEqual(['Year', name(a!), name(b!)]);
    // The picker finds an authority by its name.
    await page.getByLabel('Find an authority by name').fill(name(c!).toLowerCase());
    await page.getByLabel(name(c!), { exact: true }).check();
    expect(new URL(page.url()).searchParams.get('a')).toBe(`${a},${b},${c}`);
    expect((await page.locator('#compare-result thead th').allTextContents()).map((t) => t.trim())).toEqual(['Year', name(a!), name(b!), name(c!)]);
    // Every grade shown is the latest-first history's grade, linked to its quote.
    const grades = await page.locator('#compare-result a.grade').evaluateAll((as) => as.map((x) => x.getAttribute('href')!));
    expect(grades.length).toBeGreaterThan(0);
    for (const href of grades) expect(href).toMatch(/^\/documents\/.+\/#evidence-\d+-overall-effectiveness$/);
    await page.close();
  });

  test('picking an authority and its statistical neighbours draws the table pre-rendered for them, its caption aside', async () => {
    // The picker lists current authorities only.
    const isCurrent = (id: string) => current.some((a) => a.id === id);
    const chosen = current.find((a) => a.statistical_neighbours.length >= 3 && a.statistical_neighbours.every(isCurrent))!;
    const ids = [chosen.id, ...chosen.statistical_neighbours];
    const page = await browser.newPage();
    const tableBody = () => page.locator('table.compare-table').evaluate((table) => [...table.querySelectorAll('thead, tbody')].map((part) => part.outerHTML).join(''));
    await page.goto(`${baseURL}/compare/${chosen.id}/`);
    const preRendered = await tableBody();
    await page.goto(`${baseURL}/compare/?a=${ids.join(',')}`);
    await page.locator('#compare-result table.compare-table').waitFor();
    expect(await tableBody()).toBe(preRendered);
    expect(preRendered).toContain('class="grade grade-');
    await page.close();
  });
});

describe('charts', () => {
  test('the national page draws its charts with chart.js and shows a table of the same numbers', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${baseURL}/national/`);
    const rows = gradeDistribution(groups, 'overall');
    const table = await page.locator('#table-overall tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    // Overall effectiveness: graded total, then the inspections from April 2026 that give no overall grade.
    expect(table.map((r) => [r[0], r.at(-2), r.at(-1)])).toEqual(rows.map((r) => [r.year, String(r.total), String(r.notGiven)]));
    expect(rows.find((r) => r.year === '2026')?.notGiven).toBeGreaterThan(0);
    await expect(page.locator('#table-overall thead th').last().textContent()).resolves.toBe('Not given (from April 2026)');
    await page.locator('#chart-overall canvas').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector('#chart-overall canvas') as HTMLCanvasElement).width > 0 && document.querySelector('#chart-overall canvas')!.hasAttribute('style'));
    await expect(page.locator('#chart-overall canvas').getAttribute('aria-describedby')).resolves.toBe('table-overall');
    await page.close();
  });

  test('pages without a chart load no chart code; without JavaScript the table stands alone', async () => {
    const page = await browser.newPage();
    const loaded: string[] = [];
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script') loaded.push(await r.text());
    });
    await page.goto(`${baseURL}/judgements/`);
    await page.waitForLoadState('networkidle');
    expect(loaded.some((text) => text.includes('BarController') || text.includes('chart.js'))).toBe(false);
    await page.close();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${baseURL}/national/`);
    await expect(noJs.locator('#chart-overall').isVisible()).resolves.toBe(false);
    await expect(noJs.locator('#table-overall').isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('improvement themes', () => {
  test('every theme is listed, and a theme’s sentences link to the same sentence on their document page', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/themes/`);
    const listed = (await page.locator('table tbody th a').allTextContents()).map((t) => t.trim());
    expect(listed).toEqual(THEMES.map((t) => t.label));
    const theme = THEMES.find((t) => t.id === 'private_fostering')!;
    await page.getByRole('link', { name: theme.label }).click();
    const links = await page.locator('#sentences ~ ul li > a:first-child').evaluateAll((as) => as.map((a) => ({ text: a.textContent!.trim(), href: a.getAttribute('href')! })));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(themesByRule(l.text)).toContain(theme.id);
    const first = links[0]!;
    const [, documentId, n, m] = /^\/documents\/(.+)\/#improvement-(\d+)-(\d+)$/.exec(first.href)!;
    const inspection = documents.find((d) => d.id === documentId)!.data.inspections[Number(n) - 1]!;
    expect(inspection.improvements[Number(m) - 1]).toBe(first.text);
    expect(improvementAnchor(Number(n) - 1, Number(m) - 1)).toBe(first.href.split('#')[1]);
    await page.goto(`${baseURL}${first.href}`);
    await expect(page.locator(`[id="${first.href.split('#')[1]}"]`).textContent()).resolves.toBe(first.text);
    await page.close();
  });
});
