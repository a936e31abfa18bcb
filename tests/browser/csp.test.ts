// Every page type carries a strict Content-Security-Policy (no 'unsafe-inline', no
// 'unsafe-eval', hashes only) and loads under it in Chromium with zero violations.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { readDocuments } from '../../scripts/lib/entries.ts';

const baseURL = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const someDocument = readDocuments().entries[0]!;
const documentPath = `/documents/${someDocument.file.replace(/^content\/documents\//, '').replace(/\.md$/, '')}/`;

const PAGE_TYPES: Record<string, string> = {
  home: '/',
  authorities: '/authorities/',
  'find a council': '/find/',
  authority: `/authorities/${someDocument.data.authority}/`,
  document: documentPath,
  comparison: '/judgements/',
  downloads: '/data/',
  'data quality': '/data-quality/',
  'not found': '/no-such-page/',
  search: '/search/?q=children',
  'all inspections': '/judgements/all/?region=london&sort=date&order=descending',
  'comparison by region': '/judgements/region/north-east/',
  'comparison by grade': '/judgements/grade/good/',
  regions: '/regions/',
  region: '/regions/north-east/',
  map: '/map/',
  'map of a judgement': '/map/care-leavers/',
  compare: `/compare/?a=${someDocument.data.authority},north-tyneside`,
  'compare with neighbours': `/compare/${someDocument.data.authority}/`,
  national: '/national/',
  themes: '/themes/',
  theme: '/themes/workforce-stability/',
};

describe.each(Object.entries(PAGE_TYPES))('the %s page', (_type, path) => {
  test('declares a strict policy and loads with no violation', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
    });
    await page.goto(`${baseURL}${path}`, { waitUntil: 'load' });
    await page.waitForTimeout(100);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/script-src 'self'/);
    // 'wasm-unsafe-eval' (WebAssembly only, on the search page) is not 'unsafe-eval'.
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect([...violations, ...consoleErrors]).toEqual([]);
    await page.close();
  });
});
