// Ready to publish: a build with SITE_URL set puts that address wherever the site names
// itself (sitemap, canonical links, og:url and preview images, feed, robots.txt, downloads)
// and nowhere the placeholder; its _headers gives every page its own <meta> policy with
// frame-ancestors 'none'. One small fixture site (one document), so one cheap build; an
// address that is not a site's root fails the build before it starts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeSiteCopy, type SiteCopy } from '../support/site-copy.ts';
import { listFiles, urlPathOf } from '../support/built-site.ts';
import { directivesOf, headersFor, metaPolicyOf, parseHeaders } from '../../integrations/static-headers.ts';
import { entryText, siteFiles, validDocument } from './fixtures.ts';

const ADDRESS = 'https://example.org';
const PLACEHOLDER = 'childrens-services-inspections.example.org';
const DOCUMENT = 'ofsted/north-tyneside/2022-03-01';

const copies: SiteCopy[] = [];
let dist: string;
const read = (path: string) => readFileSync(join(dist, path), 'utf8');

beforeAll(() => {
  const copy = makeSiteCopy(siteFiles({ [`${DOCUMENT}.md`]: entryText(validDocument()) }));
  copies.push(copy);
  const result = copy.build({ SITE_URL: `${ADDRESS}/` });
  if (result.status !== 0) throw new Error(`the fixture did not build:\n${result.output.slice(-3000)}`);
  dist = join(copy.dir, 'dist');
});
afterAll(() => copies.forEach((c) => c.remove()));

test('SITE_URL is the address in the sitemap, canonical links, link previews, feed, robots.txt and downloads', () => {
  expect(read('sitemap-index.xml')).toContain(`<loc>${ADDRESS}/sitemap-0.xml</loc>`);
  expect(read('sitemap.xml')).toBe(read('sitemap-index.xml'));
  const sitemap = read('sitemap-0.xml');
  expect(sitemap).toContain(`<loc>${ADDRESS}/</loc>`);
  expect(sitemap).toContain(`<loc>${ADDRESS}/authorities/north-tyneside/</loc>`);
  expect(sitemap).toContain(`<loc>${ADDRESS}/documents/${DOCUMENT}/</loc>`);

  const page = read(`documents/${DOCUMENT}/index.html`);
  expect(page).toContain(`<link rel="canonical" href="${ADDRESS}/documents/${DOCUMENT}/">`);
  expect(page).toContain(`<meta property="og:url" content="${ADDRESS}/documents/${DOCUMENT}/">`);
  expect(page).toContain(`<meta property="og:image" content="${ADDRESS}/og/authorities/north-tyneside.png">`);
  expect(read('authorities/north-tyneside/index.html')).toContain(`<link rel="canonical" href="${ADDRESS}/authorities/north-tyneside/">`);
  // The not-found page is served at any missing address: it names no address of its own.
  expect(read('404.html')).not.toMatch(/rel="canonical"|og:url/);

  expect(read('feed.xml')).toContain(`<id>${ADDRESS}/documents/${DOCUMENT}/</id>`);
  expect(read('feed.xml')).toContain(`<link rel="self" type="application/atom+xml" href="${ADDRESS}/feed.xml"/>`);
  expect(read('robots.txt')).toContain(`Sitemap: ${ADDRESS}/sitemap-index.xml`);
  expect(read('data/inspections.csv')).toContain(`,${ADDRESS}/authorities/north-tyneside/`);

  const naming = listFiles(dist, '').filter((f) => /\.(html|xml|txt|csv|json)$/.test(f) && readFileSync(f, 'utf8').includes(PLACEHOLDER));
  expect(naming.map((f) => urlPathOf(f, dist))).toEqual([]);
});

test('_headers gives every page its <meta> policy, with frame-ancestors, and the headers every response needs', () => {
  const rules = parseHeaders(read('_headers'));
  const pages = listFiles(dist);
  expect(pages.length).toBeGreaterThan(10);
  for (const file of pages) {
    const path = urlPathOf(file, dist);
    const meta = metaPolicyOf(readFileSync(file, 'utf8'));
    expect(meta, path).toBeDefined();
    const sent = headersFor(rules, path);
    expect(directivesOf(sent['content-security-policy'] ?? ''), path).toEqual([...directivesOf(meta!), "frame-ancestors 'none'"]);
    expect(sent['x-content-type-options'], path).toBe('nosniff');
    expect(sent['referrer-policy'], path).toBeDefined();
  }
  const asset = listFiles(join(dist, '_astro'), '.js')[0]!;
  expect(headersFor(rules, urlPathOf(asset, dist))['cache-control']).toBe('public, max-age=31536000, immutable');
});

test('a SITE_URL with a path fails the build, saying why', () => {
  const copy = makeSiteCopy(siteFiles({}));
  copies.push(copy);
  const result = copy.build({ SITE_URL: 'https://example.org/inspections/' });
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('SITE_URL must be the root of a host');
});
