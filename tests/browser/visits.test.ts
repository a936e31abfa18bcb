// Ofsted's focused visits on the site: the visits page (sorting, filtering, linked views,
// the ready-made views without JavaScript), an authority's priority-action line on its first
// screen and its visits between inspections, and a letter's page leading with what it found.
// Expected values come from the content entries through the domain's own derivations.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { launchBrowser } from '../support/browser.ts';
import { readAuthorities, readDocuments } from '../../src/lib/content-files.ts';
import { flattenDocuments, groupInspections, latestGradedInspections } from '../../src/domain/derive.ts';
import { normaliseWhitespace } from '../../src/domain/evidence.ts';
import { heldKey, outstandingPriorityActions, visitsFrom, type Visit } from '../../src/domain/visits.ts';
import { focusSlug, priorityNoticeText } from '../../src/lib/views/visits.ts';
import { GRADE_ORDER, type Grade } from '../../src/domain/vocabulary.ts';

const baseURL = inject('baseURL');
const { entries } = readDocuments();
const documents = entries.map((e) => ({ id: e.file.replace(/^content\/documents\//, '').replace(/\.md$/, ''), data: e.data }));
const records = flattenDocuments(documents);
const groups = groupInspections(records);
const latest = latestGradedInspections(groups);
const visits = visitsFrom(records, groups);
const outstanding = outstandingPriorityActions(visits, latest);
const authorities = readAuthorities();
const nameOf = (id: string) => authorities.find((a) => a.id === id)?.name ?? id;
const withPriority = visits.filter((v) => v.priorityActions.length > 0);
const letterHref = (v: Visit) => `/documents/${v.documentId}/`;

/** The letters' addresses of the rows a reader sees, in order. */
async function visibleLetters(page: Page): Promise<string[]> {
  return page.locator('table.visits-table tbody tr:not([hidden]) td:nth-of-type(1) a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

test('the content has focused visits, some setting areas for priority action, some outstanding', () => {
  expect(visits.length).toBeGreaterThan(1);
  expect(withPriority.length).toBeGreaterThan(0);
  expect(outstanding.length).toBeGreaterThan(0);
});

describe('with JavaScript', () => {
  test('the visits page lists every visit, newest first, and sorts by the grade held from its header', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/visits/`);
    const all = await visibleLetters(page);
    expect(all).toHaveLength(visits.length);
    expect(new Set(all)).toEqual(new Set(visits.map(letterHref)));
    const header = page.locator('table.visits-table thead th', { hasText: 'Grade held' });
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('held');
    const byLetter = new Map(visits.map((v) => [letterHref(v), v]));
    const ranks = (await visibleLetters(page)).map((href) => {
      const held = byLetter.get(href)!.held;
      return held.status === 'graded' ? GRADE_ORDER[held.grade as Grade] : 99;
    });
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    await expect(page.locator('#comparison-status').textContent()).resolves.toMatch(/Sorted by Grade held at the time, ascending/);
    await page.close();
  });

  test('filters by focus and priority actions, with the filters in the address', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/visits/`);
    // The focus with most visits that set priority actions: a filter that leaves several rows.
    const area = [...new Set(withPriority.map((v) => v.focus.area))].sort((a, b) => withPriority.filter((v) => v.focus.area === b).length - withPriority.filter((v) => v.focus.area === a).length)[0]!;
    await page.locator('#comparison-filters-panel > summary').click();
    await page.getByLabel('Focus', { exact: true }).selectOption(focusSlug(area));
    await page.getByLabel('Areas for priority action', { exact: true }).selectOption('yes');
    const expected = withPriority.filter((v) => v.focus.area === area).map(letterHref);
    expect((await visibleLetters(page)).sort()).toEqual(expected.sort());
    await expect(page.locator('#comparison-status').textContent()).resolves.toContain(`Showing ${expected.length} of ${visits.length} visits`);
    const params = new URL(page.url()).searchParams;
    expect([params.get('focus'), params.get('priority')]).toEqual([focusSlug(area), 'yes']);
    await page.close();
  });

  test('a linked address opens the filtered, sorted view', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/visits/?priority=no&sort=date&order=ascending`);
    await expect(page.getByLabel('Areas for priority action', { exact: true }).inputValue()).resolves.toBe('no');
    const shown = await visibleLetters(page);
    const none = visits.filter((v) => v.priorityActions.length === 0);
    expect(shown).toHaveLength(none.length);
    const dates = shown.map((href) => visits.find((v) => letterHref(v) === href)!.date);
    expect(dates).toEqual([...dates].sort());
    await page.close();
  });
});

describe('an authority with areas for priority action outstanding', () => {
  const o = outstanding[0]!;
  const newest = o.visits[0]!;

  test('says so on a phone’s first screen, beside its grades, linked to the letter and its areas', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseURL}/authorities/${o.authority}/`);
    const notice = page.locator('[data-priority-notice]');
    await expect(notice.locator('a').first().textContent()).resolves.toBe(priorityNoticeText(newest));
    await expect(notice.locator('a').first().getAttribute('href')).resolves.toBe(letterHref(newest));
    const box = (await notice.boundingBox())!;
    expect(box.y + 40).toBeLessThan(844);
    await notice.locator('summary').click();
    const areas = await notice.locator('ol a').allTextContents();
    expect(areas).toEqual(newest.priorityActions.map((q) => q.text));
    // Following an area reaches the letter's highlighted words.
    await notice.locator('ol a').first().click();
    await page.waitForURL(`**${letterHref(newest)}#${newest.priorityActions[0]!.anchor}`);
    const block = await page.locator(`#${newest.priorityActions[0]!.anchor}`).evaluate((m) => m.closest('.evidence-block')?.textContent ?? '');
    expect(normaliseWhitespace(block)).toContain(normaliseWhitespace(newest.priorityActions[0]!.text));
    await context.close();
  });

  test('lists its visits between inspections, each linked to its letter, with the areas it set', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/authorities/${o.authority}/`);
    const own = visits.filter((v) => v.authority === o.authority);
    const section = page.locator('section[aria-labelledby="visits"]');
    await expect(section.locator('.visit-list > li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(own.map(letterHref));
    const text = normaliseWhitespace((await section.textContent())!);
    for (const q of own.flatMap((v) => v.priorityActions)) expect(text).toContain(normaliseWhitespace(q.text));
    await expect(page.locator(`link[rel="alternate"][href="/authorities/${o.authority}/feed.xml"]`).count()).resolves.toBe(1);
    await page.close();
  });

  test('an authority with no visit since its latest inspection setting priority actions has no such line', async () => {
    const quiet = visits.find((v) => !outstanding.some((x) => x.authority === v.authority))!;
    expect(quiet).toBeDefined();
    const page = await browser.newPage();
    await page.goto(`${baseURL}/authorities/${quiet.authority}/`);
    await expect(page.locator('[data-priority-notice]').count()).resolves.toBe(0);
    await expect(page.locator('section[aria-labelledby="visits"] h3 a', { hasText: 'Focused visit' }).count()).resolves.toBe(visits.filter((v) => v.authority === quiet.authority).length);
    await page.close();
  });
});

describe('a letter’s page', () => {
  const v = withPriority[0]!;

  test('leads with what the letter found, on a phone’s first screen, before its metadata', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseURL}${letterHref(v)}`);
    const findings = page.locator('section.visit-findings');
    await expect(findings.locator('[data-priority-headline]').textContent()).resolves.toMatch(/areas? for priority action/);
    expect((await findings.boundingBox())!.y).toBeLessThan(844 / 2);
    const order = await page.evaluate(() => {
      const f = document.querySelector('section.visit-findings')!;
      const meta = document.querySelector('main > dl.meta')!;
      return f.compareDocumentPosition(meta) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    const focus = findings.locator('dd').first();
    await expect(focus.textContent()).resolves.toContain(normaliseWhitespace(v.focus.words.text));
    await context.close();
  });

  test('every finding links to its words, highlighted in the letter', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}${letterHref(v)}`);
    const links = await page.locator('section.visit-findings a[href*="#evidence-"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const quotes = [v.dates, v.focus.words, ...v.priorityActions, ...(v.summary ? [v.summary] : []), ...(v.inspectorsEvidence ? [v.inspectorsEvidence] : [])];
    for (const q of quotes) {
      expect(links).toContain(`${letterHref(v)}#${q.anchor}`);
      // The highlight (or, for words another finding quotes too, an anchor inside its highlight) sits in the block that holds the whole quote.
      const marked = await page.locator(`#${q.anchor}`).evaluate((m) => (m.closest('mark') ? (m.closest('.evidence-block')?.textContent ?? '') : ''));
      expect(normaliseWhitespace(marked)).toContain(normaliseWhitespace(q.text));
    }
    await page.close();
  });
});

describe('without JavaScript', () => {
  test('the visits page shows every row, no filter form, and ready-made views holding exactly their visits', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/visits/`);
    await expect(page.locator('#comparison-filters').isVisible()).resolves.toBe(false);
    expect(await visibleLetters(page)).toEqual(visits.map(letterHref));
    await page.locator('details.views > summary').click();
    await page.getByRole('link', { name: 'Visits that set areas for priority action' }).click();
    expect(new URL(page.url()).pathname).toBe('/visits/priority-actions/');
    expect(await visibleLetters(page)).toEqual(withPriority.map(letterHref));
    const area = visits[0]!.focus.area;
    await page.goto(`${baseURL}/visits/focus/${focusSlug(area)}/`);
    expect(await visibleLetters(page)).toEqual(visits.filter((v) => v.focus.area === area).map(letterHref));
    await context.close();
  });

  test('the councils with priority actions outstanding are listed, each with its areas', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/visits/`);
    const names = await page.locator('.outstanding-list > li > a').allTextContents();
    expect(names).toEqual(outstanding.map((o) => nameOf(o.authority)));
    await context.close();
  });

  test('an authority’s own feed holds its reports and letters', async () => {
    const o = outstanding[0]!;
    const response = await fetch(`${baseURL}/authorities/${o.authority}/feed.xml`);
    expect(response.headers.get('content-type')).toMatch(/xml/);
    const xml = await response.text();
    const own = documents.filter((d) => d.data.authority === o.authority);
    expect(xml.match(/<entry>/g)).toHaveLength(own.length);
    expect(xml).toContain(`/documents/${o.visits[0]!.documentId}/</id>`);
    expect(xml).toContain('Areas for priority action:');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  });

  test('visits.csv has one record per visit, with the grade held', async () => {
    const rows = parse(await (await fetch(`${baseURL}/data/visits.csv`)).text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(visits.length);
    for (const v of visits) {
      const row = rows.find((r) => r.visit_id === v.id)!;
      expect(row, v.id).toBeDefined();
      expect([row.focus_area, row.priority_actions, row.grade_held]).toEqual([v.focus.area, v.priorityActions.length > 0 ? 'true' : 'false', heldKey(v.held)]);
    }
  });
});
