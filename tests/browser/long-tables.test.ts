// Issue 22: long tables stay fast on a phone without losing what a reader sees. The
// comparison table's rows are laid out one by one (lazy-rows in public/site.css), so these
// check what that could break: on a 390 px phone, a row far down /judgements/all/ reads
// under the right headers, with the header row and the authority column still in place;
// the table keeps its semantics; and /compare/'s picker does not push the page down.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH, launchBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('on a phone, a row far down the long table sits under its column headers, which stay at the top of the box', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${baseURL}/judgements/all/`);
  const box = page.locator('.scroll-box');
  await box.evaluate((b) => b.scrollIntoView({ block: 'start' }));
  // A row far down with a cell under every column (a visit's row has one cell across the grades).
  const index = await page.locator('table.comparison').evaluate((table) => {
    const columns = table.querySelectorAll('thead th').length;
    const rows = [...table.querySelectorAll('tbody tr')];
    return rows.findIndex((tr, i) => i >= 500 && tr.children.length === columns);
  });
  expect(index).toBeGreaterThanOrEqual(500);
  const row = page.locator('table.comparison tbody tr').nth(index);
  // Deep in the box and scrolled sideways, as a reader reaching the later columns would.
  await row.evaluate((tr) => {
    const b = tr.closest('.scroll-box')!;
    b.scrollTo({ top: (tr as HTMLElement).offsetTop - 150, left: 300 });
  });
  await page.waitForTimeout(200);
  const geometry = await row.evaluate((tr) => {
    const b = tr.closest('.scroll-box')!.getBoundingClientRect();
    const heads = [...tr.closest('table')!.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect());
    const cells = [...tr.children].map((c) => c.getBoundingClientRect());
    return { box: { top: b.top, left: b.left, bottom: b.bottom }, heads: heads.map((h) => ({ left: h.left, width: h.width, top: h.top })), cells: cells.map((c) => ({ left: c.left, width: c.width, top: c.top, bottom: c.bottom })) };
  });
  // The row is drawn on screen, inside the box.
  expect(geometry.cells[0]!.top).toBeGreaterThan(geometry.box.top);
  expect(geometry.cells[0]!.bottom).toBeLessThan(geometry.box.bottom);
  // Every cell under its header, at the header's width (this row has a cell per column).
  expect(geometry.cells).toHaveLength(geometry.heads.length);
  geometry.cells.slice(1).forEach((cell, i) => {
    expect(cell.left).toBeCloseTo(geometry.heads[i + 1]!.left, 0);
    expect(cell.width).toBeCloseTo(geometry.heads[i + 1]!.width, 0);
  });
  // The header row at the top of the box, and the authority's name at its left edge.
  for (const head of geometry.heads) expect(Math.abs(head.top - geometry.box.top)).toBeLessThan(3);
  expect(Math.abs(geometry.heads[0]!.left - geometry.box.left)).toBeLessThan(3);
  expect(Math.abs(geometry.cells[0]!.left - geometry.box.left)).toBeLessThan(3);
  // Its grade links are there to follow.
  await expect(row.locator('td a.grade').first().getAttribute('href')).resolves.toMatch(/^\/documents\/.+#evidence-/);
  await page.close();
});

test('the long table keeps its caption, header cells and every row for assistive technology', async () => {
  // Chromium's own accessibility tree, built from the start as when a screen reader runs:
  // rows not yet drawn (content-visibility: auto) must be in it with their cells.
  const withAccessibility = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--force-renderer-accessibility'] });
  try {
    const context = await withAccessibility.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseURL}/judgements/all/`);
    const rows = await page.locator('table.comparison tbody tr').count();
    const cells = await page.locator('table.comparison tbody td').count();
    const cdp = await context.newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string } }[] };
    const count = (role: string) => nodes.filter((n) => n.role?.value === role).length;
    expect(nodes.find((n) => n.role?.value === 'table')?.name?.value).toMatch(/^Every inspection of every authority/);
    expect(count('columnheader')).toBe(11);
    expect(count('rowheader')).toBe(rows);
    expect(count('cell')).toBe(cells);
    expect(count('row')).toBe(rows + 1);
  } finally {
    await withAccessibility.close();
  }
});

test('with JavaScript, the compare page does not move once it has loaded its picker', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.addInitScript(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number }[]) (window as unknown as { shifts: number }).shifts += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${baseURL}/compare/`);
  await page.locator('#compare-form input[name="a"]').first().waitFor();
  await page.waitForFunction(() => document.getElementById('compare-status')?.textContent !== '');
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
  await page.close();
});
