// Ready to publish: the site's address from SITE_URL, and the _headers rules a static host
// applies (integrations/site-url.ts, integrations/static-headers.ts), on their own.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { siteUrl } from '../../integrations/site-url.ts';
import {
  directivesOf,
  formatHeaders,
  headerPolicy,
  headerRules,
  headersFor,
  inlineScriptHashes,
  metaPolicyOf,
  parseHeaders,
  policyRules,
  policyScriptHashes,
  pruneScriptHashes,
  readBuiltPages,
  savePageCache,
  ruleMatches,
} from '../../integrations/static-headers.ts';

const PLACEHOLDER = 'https://childrens-services-inspections.example.org';

describe('the site address', () => {
  test.each([
    [undefined, PLACEHOLDER],
    ['', PLACEHOLDER],
    ['  ', PLACEHOLDER],
    ['https://example.org/', 'https://example.org'],
    ['https://example.org', 'https://example.org'],
    ['HTTPS://Example.ORG/', 'https://example.org'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
  ])('SITE_URL=%j gives %s', (value, expected) => {
    expect(siteUrl({ SITE_URL: value }, PLACEHOLDER)).toBe(expected);
  });

  test.each([
    ['example.org', /not an absolute address/],
    ['ftp://example.org/', /http or https/],
    ['https://example.org/inspections/', /root of a host/],
    ['https://example.org/?x=1', /root of a host/],
  ])('SITE_URL=%j is refused', (value, message) => {
    expect(() => siteUrl({ SITE_URL: value }, PLACEHOLDER)).toThrow(message);
  });
});

describe('the _headers file', () => {
  const STRICT = "default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-abc=' ; style-src 'self' ;";
  const WASM = "default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc=' ; style-src 'self' ;";

  test('a page’s header policy is its <meta> policy with frame-ancestors', () => {
    expect(headerPolicy(STRICT)).toBe("default-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-abc='; style-src 'self'; frame-ancestors 'none'");
    expect(directivesOf(headerPolicy(STRICT)).slice(0, -1)).toEqual(directivesOf(STRICT));
  });

  test('the policy is read from the <meta> in the head, entities decoded', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src &#39;self&#x27;; img-src &apos;none&apos; &amp;"></head><body></body></html>`;
    expect(metaPolicyOf(html)).toBe("default-src 'self'; img-src 'none' &");
    expect(metaPolicyOf('<html><head><meta name="description" content="x"></head></html>')).toBeUndefined();
  });

  test.each([
    ['/documents/*', '/documents/ofsted/leeds/2025-08-12/', true],
    ['/documents/*', '/documents/', true],
    ['/documents/*', '/documents', false],
    ['/documents/*', '/documentsx/', false],
    ['/search/', '/search/', true],
    ['/search/', '/search/x/', false],
    ['/', '/', true],
    ['/', '/a/', false],
    ['/*', '/anything/at/all', true],
    ['/authorities/:id/', '/authorities/leeds/', true],
    ['/authorities/:id/', '/authorities/leeds/x/', false],
    ['/404.html', '/404xhtml', false],
  ])('the rule %s matches %s: %s', (rule, path, expected) => {
    expect(ruleMatches(rule, path)).toBe(expected);
  });

  const policies = new Map([
    ['/', headerPolicy(STRICT)],
    ['/404.html', headerPolicy(STRICT)],
    ['/authorities/', headerPolicy(STRICT)],
    ['/authorities/leeds/', headerPolicy(STRICT)],
    ['/documents/ofsted/leeds/2025-08-12/', headerPolicy(STRICT)],
    ['/search/', headerPolicy(WASM)],
    ['/tools/', headerPolicy(STRICT)],
    ['/tools/find/', headerPolicy(WASM)],
    ['/tools/list/', headerPolicy(STRICT)],
  ]);

  test('a folder of pages with one policy is one rule; a folder with two is split; rules never overlap', () => {
    const rules = policyRules(policies);
    expect(rules.map((r) => r.path)).toEqual(['/', '/404.html', '/authorities/*', '/documents/*', '/search/*', '/tools/', '/tools/find/*', '/tools/list/*']);
    for (const [path, policy] of policies) {
      const matching = rules.filter((r) => ruleMatches(r.path, path));
      expect(matching.map((r) => r.path), path).toHaveLength(1);
      expect(headersFor(rules, path)['content-security-policy'], path).toBe(policy);
    }
  });

  test('a site with one policy has it under /*, beside the headers of every response', () => {
    const one = new Map([...policies].filter(([, p]) => p === headerPolicy(STRICT)));
    const rules = headerRules(one);
    expect(rules.map((r) => r.path)).toEqual(['/*', '/_astro/*']);
    expect(headersFor(rules, '/tools/')['content-security-policy']).toBe(headerPolicy(STRICT));
  });

  test('every response: nosniff, a referrer policy and no frames; hashed assets cached for a year; the file reads back as written', () => {
    const rules = headerRules(policies);
    const text = formatHeaders(rules);
    expect(parseHeaders(text)).toEqual(rules);
    const page = headersFor(rules, '/search/');
    expect(page['x-content-type-options']).toBe('nosniff');
    expect(page['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(page['x-frame-options']).toBe('DENY');
    expect(page['strict-transport-security']).toBe('max-age=31536000');
    expect(page['permissions-policy']).toMatch(/^(?:[a-z-]+=\(\)(?:, |$))+$/);
    expect(page['permissions-policy']).toContain('geolocation=()');
    expect(page['content-security-policy']).toBe(headerPolicy(WASM));
    expect(page['cache-control']).toBeUndefined();
    expect(headersFor(rules, '/_astro/chart-setup.DpYpCnmG.js')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/_astro/chart-setup.DpYpCnmG.js')['content-security-policy']).toBeUndefined();
  });
});

describe('script hashes in the policies', () => {
  const sha = (body: string) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;

  test('an inline script is hashed as the browser hashes it; a script with a src is not', () => {
    const html = '<script type="module">console.log(1)</script><script src="/a.js"></script><SCRIPT>\nx()\n</SCRIPT >';
    expect(inlineScriptHashes(html)).toEqual([sha('console.log(1)'), sha('\nx()\n')]);
    expect(policyScriptHashes(`default-src 'self'; script-src 'self' ${sha('a')} ${sha('b')}; style-src 'self'`)).toEqual([sha('a'), sha('b')]);
  });

  test('the build keeps only the hashes of inline scripts some page has, in every page alike', () => {
    const dist = mkdtempSync(join(tmpdir(), 'prune-hashes-'));
    try {
      const policy = `default-src 'self'; script-src 'self' ${sha('used()')} ${sha('never()')} ${sha('other()')}`;
      const page = (body: string) => `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;
      mkdirSync(join(dist, 'a'));
      writeFileSync(join(dist, 'index.html'), page('<script>used()</script>'));
      writeFileSync(join(dist, 'a', 'index.html'), page('<p>no script here; the text sha256 stays</p>'));
      expect(pruneScriptHashes(dist).sort()).toEqual([sha('never()'), sha('other()')].sort());
      for (const file of [join(dist, 'index.html'), join(dist, 'a', 'index.html')]) {
        const html = readFileSync(file, 'utf8');
        expect(policyScriptHashes(metaPolicyOf(html)!)).toEqual([sha('used()')]);
      }
      expect(readFileSync(join(dist, 'a', 'index.html'), 'utf8')).toContain('<body><p>no script here; the text sha256 stays</p></body>');
      expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('<body><script>used()</script></body>');
      // A second run finds nothing more to drop.
      expect(pruneScriptHashes(dist)).toEqual([]);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('pages read by the previous build', () => {
  test('are not read again while their size and time are unchanged; a changed page is', () => {
    const dist = mkdtempSync(join(tmpdir(), 'page-cache-'));
    const cacheFile = join(dist, '..', `${dist.split('/').at(-1)}.json`);
    try {
      const page = (policy: string, body: string) => `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;
      writeFileSync(join(dist, 'index.html'), page("script-src 'self'", '<script>a()</script>'));
      savePageCache(readBuiltPages(dist), cacheFile);
      // The same size and time, other text: the record is used, so this is what the cache holds.
      const when = new Date('2026-01-01T00:00:00Z');
      utimesSync(join(dist, 'index.html'), when, when);
      savePageCache(readBuiltPages(dist), cacheFile);
      writeFileSync(join(dist, 'index.html'), page("script-src 'none'", '<script>b()</script>'));
      utimesSync(join(dist, 'index.html'), when, when);
      expect(readBuiltPages(dist, cacheFile)[0]!.metaPolicy).toBe("script-src 'self'");
      // Written again (a new time): read again.
      writeFileSync(join(dist, 'index.html'), page("script-src 'none'", '<script>b()</script>'));
      const [read] = readBuiltPages(dist, cacheFile);
      expect(read!.metaPolicy).toBe("script-src 'none'");
      expect(read!.inlineHashes).toEqual([`'sha256-${createHash('sha256').update('b()', 'utf8').digest('base64')}'`]);
    } finally {
      rmSync(dist, { recursive: true, force: true });
      rmSync(cacheFile, { force: true });
    }
  });
});
