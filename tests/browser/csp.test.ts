// Every page type carries a strict Content-Security-Policy (no 'unsafe-inline', no
// 'unsafe-eval', hashes only) and loads under it in Chromium with zero violations. The
// static host sends the same policy as a header, with frame-ancestors 'none' (dist/_headers,
// which the test server applies): checked here for every built page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { DIST, listFiles, urlPathOf } from '../support/built-site.ts';
import { readDocuments } from '../../src/lib/content-files.ts';
import { directivesOf, headersFor, inlineScriptHashes, metaPolicyOf, parseHeaders, policyScriptHashes } from '../../integrations/static-headers.ts';

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

describe.each(Object.entries(PAGE_TYPES))('the %s page', (type, path) => {
  test('declares a strict policy, is sent it as a header with frame-ancestors, and loads with no violation', async () => {
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
    const response = await page.goto(`${baseURL}${path}`, { waitUntil: 'load' });
    await page.waitForTimeout(100);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/script-src 'self'/);
    // 'wasm-unsafe-eval' (WebAssembly only, on the search page) is not 'unsafe-eval'.
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    const headers = response!.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    if (type === 'not found') {
      // An address outside every page folder: no rule gives it a policy header, so its
      // <meta> policy applies, and X-Frame-Options keeps it out of frames.
      expect(headers['content-security-policy']).toBeUndefined();
    } else {
      expect(directivesOf(headers['content-security-policy'] ?? '')).toEqual([...directivesOf(policy!), "frame-ancestors 'none'"]);
    }
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect([...violations, ...consoleErrors]).toEqual([]);
    await page.close();
  });
});

describe('dist/_headers', () => {
  const rules = parseHeaders(readFileSync(join(DIST, '_headers'), 'utf8'));

  test('gives every built page its <meta> policy, with frame-ancestors, nosniff and a referrer policy', () => {
    const pages = listFiles();
    expect(pages.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const file of pages) {
      const path = urlPathOf(file);
      const meta = metaPolicyOf(readFileSync(file, 'utf8'));
      const sent = headersFor(rules, path);
      const expected = meta === undefined ? undefined : [...directivesOf(meta), "frame-ancestors 'none'"].join('; ');
      const got = sent['content-security-policy'] === undefined ? undefined : directivesOf(sent['content-security-policy']).join('; ');
      if (!expected || got !== expected) wrong.push(`${path}: meta ${meta ?? 'none'}; header ${sent['content-security-policy'] ?? 'none'}`);
      if (sent['x-content-type-options'] !== 'nosniff' || sent['referrer-policy'] !== 'strict-origin-when-cross-origin') wrong.push(`${path}: headers ${JSON.stringify(sent)}`);
    }
    expect(wrong).toEqual([]);
    // The search page alone allows WebAssembly, in its header as in its page.
    expect(headersFor(rules, '/search/')['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(headersFor(rules, '/')['content-security-policy']).not.toMatch(/wasm/);
  });

  test('lists no script hash that matches no inline script in the build', () => {
    const inline = new Set<string>();
    const listed = new Set<string>();
    for (const file of listFiles()) {
      const html = readFileSync(file, 'utf8');
      for (const hash of inlineScriptHashes(html)) inline.add(hash);
      for (const hash of policyScriptHashes(metaPolicyOf(html) ?? '')) listed.add(hash);
    }
    expect(inline.size).toBeGreaterThan(0);
    expect([...listed].filter((h) => !inline.has(h))).toEqual([]);
    expect([...inline].filter((h) => !listed.has(h))).toEqual([]);
  });

  test('every response is HTTPS-only once visited and may use no camera, microphone or location', () => {
    for (const path of ['/', '/search/', '/no-such-page/', '/site.css']) {
      const sent = headersFor(rules, path);
      expect(sent['strict-transport-security'], path).toBe('max-age=31536000');
      expect(sent['permissions-policy'], path).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    }
  });

  test('caches the hashed /_astro/ files for a year, and nothing else', async () => {
    const assets = listFiles(join(DIST, '_astro'), '');
    expect(assets.length).toBeGreaterThan(0);
    for (const file of assets) expect(headersFor(rules, urlPathOf(file))['cache-control']).toBe('public, max-age=31536000, immutable');
    const response = await fetch(`${baseURL}${urlPathOf(assets[0]!)}`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/site.css', '/pagefind/pagefind.js', '/feed.xml']) expect(headersFor(rules, path)['cache-control'], path).toBeUndefined();
  });
});
