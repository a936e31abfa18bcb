// Find, share and reuse: a phrase from a report finds it and filters narrow the results;
// other addresses of an authority land on its page; link previews state the authority
// and its grades; the downloads parse and validate against their JSON Schemas and trace
// back to pages; the Atom feed is well formed and links to pages that exist. Expected
// values come from the content entries (src/lib/content-files.ts).
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { launchBrowser } from '../support/browser.ts';
import { readAuthorities, readDocuments } from '../../src/lib/content-files.ts';
import { flattenDocuments, groupInspections, latestGradedInspections } from '../../src/domain/derive.ts';
import { GRADE_LABELS } from '../../src/domain/vocabulary.ts';
import { nameSlug } from '../../src/domain/redirects.ts';

const baseURL = inject('baseURL');
const { entries } = readDocuments();
const documents = entries.map((e) => ({ id: e.file.replace(/^content\/documents\//, '').replace(/\.md$/, ''), data: e.data, body: e.body }));
const authorities = readAuthorities();
const authorityById = new Map(authorities.map((a) => [a.id, a]));
const ids = new Set(authorities.map((a) => a.id));
const latest = latestGradedInspections(groupInspections(flattenDocuments(documents)));

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => browser?.close());

async function fetchText(path: string) {
  const response = await fetch(`${baseURL}${path}`);
  expect(response.status, path).toBe(200);
  return { type: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** Six consecutive words from the middle of a plain paragraph of a report, found in no other document: a phrase a reader might remember. */
function rememberedPhrase(body: string, others: string[]): string {
  const paragraphs = body.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => /^[A-Z][a-z]/.test(p) && !/[|*#[\]_`<>]/.test(p));
  const flat = others.map((o) => o.replace(/\s+/g, ' '));
  for (const paragraph of paragraphs.sort((a, b) => b.length - a.length)) {
    const words = paragraph.split(' ');
    for (let start = Math.floor(words.length / 3); start + 6 <= words.length; start++) {
      const window = words.slice(start, start + 6);
      const phrase = window.join(' ');
      if (window.every((w) => /^[A-Za-z]+$/.test(w)) && !flat.some((o) => o.includes(phrase))) return phrase;
    }
  }
  throw new Error('no distinctive phrase');
}

describe('search', () => {
  const report = documents.find((d) => d.data.kind === 'ofsted_inspection_report' && d.body.length > 5000)!;
  const phrase = rememberedPhrase(report.body, documents.filter((d) => d !== report).map((d) => d.body));
  const authorityName = authorityById.get(report.data.authority)!.name;

  async function resultUrls(): Promise<string[]> {
    const items = page.locator('#search-results > li');
    while (await page.locator('#search-more').isVisible()) {
      const before = await items.count();
      await page.locator('#search-more').press('Enter');
      await expect.poll(() => items.count()).toBeGreaterThan(before);
    }
    return page.locator('#search-results a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  }

  test('a phrase remembered from a report finds it, typed and submitted by keyboard; the count is announced', async () => {
    await page.goto(`${baseURL}/search/`);
    await page.locator('#search-q').focus();
    await page.keyboard.type(phrase);
    await page.keyboard.press('Enter');
    const status = page.locator('#search-status[role="status"]');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^\d+ results? for/);
    const urls = await resultUrls();
    expect(urls, phrase).toContain(`/documents/${report.id}/`);
    const announced = Number((await status.textContent())!.match(/^(\d+)/)![1]);
    expect(urls).toHaveLength(announced);
    expect(new URL(page.url()).searchParams.get('q')).toBe(phrase);
  });

  test('filters narrow the results to the chosen authority and kind, and the address keeps them', async () => {
    await page.goto(`${baseURL}/search/?q=${encodeURIComponent('children')}`);
    const status = page.locator('#search-status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^\d+ results?/);
    const before = Number((await status.textContent())!.match(/^(\d+)/)![1]);
    // The filters are folded away until asked for.
    await page.locator('#search-narrow summary').click();
    await page.locator('#search-authority').selectOption(authorityName);
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/with the chosen filters/);
    const urls = await resultUrls();
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.length).toBeLessThan(before);
    const ofAuthority = new Set([
      `/authorities/${report.data.authority}/`,
      ...documents.filter((d) => d.data.authority === report.data.authority).map((d) => `/documents/${d.id}/`),
    ]);
    for (const url of urls) expect(ofAuthority.has(url), url).toBe(true);
    expect(urls).toContain(`/documents/${report.id}/`);
    await page.locator('#search-kind').selectOption('Authority page');
    await expect.poll(() => resultUrls(), { timeout: 20_000 }).toEqual([`/authorities/${report.data.authority}/`]);
    expect(new URL(page.url()).searchParams.get('authority')).toBe(authorityName);
    // The address reproduces the search.
    await page.goto(page.url());
    await expect.poll(() => resultUrls(), { timeout: 20_000 }).toEqual([`/authorities/${report.data.authority}/`]);
  });

  test('only the search page allows WebAssembly', async () => {
    const policy = async (path: string) => {
      await page.goto(`${baseURL}${path}`);
      return page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    };
    expect(await policy('/search/')).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    for (const path of ['/', `/authorities/${report.data.authority}/`, `/documents/${report.id}/`]) expect(await policy(path)).not.toMatch(/wasm/);
  });

  test('without JavaScript the search page says so and points to the authorities and the comparison table', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${baseURL}/search/?q=children`);
    await expect(noJs.locator('#search-no-js').textContent()).resolves.toMatch(/needs JavaScript/);
    expect(await noJs.locator('#search-no-js a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/authorities/', '/judgements/']);
    expect(await noJs.locator('#search-form').isVisible()).toBe(false);
    await context.close();
  });

  test('the page-not-found page offers a search that lands on the search page', async () => {
    await page.goto(`${baseURL}/no-such-page/`);
    await page.getByLabel('Search the reports and authority pages').fill(authorityName);
    await page.getByLabel('Search the reports and authority pages').press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/^\d+ results? for/);
    expect(await resultUrls()).toContain(`/authorities/${report.data.authority}/`);
  });
});

describe('other addresses of an authority', () => {
  const withUrn = authorities.find((a) => a.ofsted_urn && a.current)!;
  const alias = authorities.flatMap((a) => a.aliases.map((name) => ({ a, slug: nameSlug(name) }))).find(
    ({ a, slug }) => !ids.has(slug) && authorities.every((b) => b.id === a.id || !b.aliases.concat(b.name).some((n) => nameSlug(n) === slug)),
  )!;
  const codeOwners = (code: string) => authorities.filter((a) => a.gss_codes.some((c) => c.code === code)).length;
  const formerCode = authorities.find((a) => a.gss_codes.length > 1 && codeOwners(a.gss_codes[0]!.code) === 1)!;
  const cases = [
    ['a GSS code', `/authorities/${withUrn.gss_codes[0]!.code}/`, withUrn.id],
    ['an earlier GSS code', `/authorities/${formerCode.gss_codes[0]!.code}/`, formerCode.id],
    ['an Ofsted URN', `/ofsted/${withUrn.ofsted_urn}/`, withUrn.id],
    ['another name', `/authorities/${alias.slug}/`, alias.a.id],
  ] as const;

  test.each(cases)('%s (%s) lands on the authority’s page', async (_kind, path, id) => {
    await page.goto(`${baseURL}${path}`);
    await page.waitForURL(`${baseURL}/authorities/${id}/`);
    await expect(page.locator('h1').textContent()).resolves.toContain(authorityById.get(id)!.name);
  });

  test('redirect pages name their target as canonical, and stay out of the sitemap', async () => {
    const { text } = await fetchText(cases[0][1]);
    expect(text).toContain(`<link rel="canonical" href="https://childrens-services-inspections.example.org/authorities/${withUrn.id}/">`);
    expect(text).toMatch(/<meta http-equiv="refresh" content="0; url=\/authorities\//);
    const sitemap = (await fetchText('/sitemap-0.xml')).text;
    for (const [, path] of cases) expect(sitemap).not.toContain(`${path}<`);
  });

  test('a predecessor’s page points to its successors', async () => {
    const former = authorities.find((a) => !a.current && a.successors.length > 0)!;
    await page.goto(`${baseURL}/authorities/${former.id}/`);
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const s of former.successors) expect(links).toContain(`/authorities/${s}/`);
  });
});

describe('link previews', () => {
  const sampled = authorities.filter((a) => latest.has(a.id)).filter((_a, i) => i % 25 === 0);
  const meta = (name: string) => page.locator(`meta[property="${name}"], meta[name="${name}"]`).getAttribute('content');

  async function checkImage(url: string) {
    const response = await fetch(`${baseURL}${new URL(url).pathname}`);
    expect(response.status, url).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const view = new DataView(bytes.buffer);
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
  }

  test.each(sampled.map((a) => [a.id, a] as const))('the authority page %s states the authority and its latest grades', async (id, authority) => {
    await page.goto(`${baseURL}/authorities/${id}/`);
    const grades = latest.get(id)!;
    const description = (await meta('og:description'))!;
    expect(await meta('og:title')).toBe(authority.name);
    expect(await meta('twitter:card')).toBe('summary_large_image');
    expect(description).toContain(authority.name);
    expect(description).toBe(await meta('description'));
    expect(description).toContain(`Overall effectiveness: ${GRADE_LABELS[grades.judgements.overall_effectiveness!.grade]}`);
    for (const j of Object.values(grades.judgements)) expect(description).toContain(GRADE_LABELS[j!.grade]);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toBe(`https://childrens-services-inspections.example.org/authorities/${id}/`);
    expect(await meta('og:url')).toBe(canonical);
    const image = (await meta('og:image'))!;
    expect(image).toBe(`https://childrens-services-inspections.example.org/og/authorities/${id}.png`);
    expect(await meta('og:image:alt')).toContain(authority.name);
    await checkImage(image);
  });

  const sampledDocs = documents.filter((_d, i) => i % 60 === 0);
  test.each(sampledDocs.map((d) => [d.id, d] as const))('the document page %s states the authority and the grades it gives', async (id, d) => {
    await page.goto(`${baseURL}/documents/${id}/`);
    const name = authorityById.get(d.data.authority)!.name;
    const description = (await meta('og:description'))!;
    expect(description).toContain(name);
    const subject = d.data.inspections.find((i) => i.authority === d.data.authority && i.role === 'subject' && Object.keys(i.judgements).length > 0);
    for (const j of Object.values(subject?.judgements ?? {})) expect(description).toContain(GRADE_LABELS[j!.grade]);
    if (!subject) expect(description).toMatch(/states no grades/);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`https://childrens-services-inspections.example.org/documents/${id}/`);
    // The image is the authority's own preview: the authority and its latest grades.
    const image = (await meta('og:image'))!;
    expect(image).toBe(`https://childrens-services-inspections.example.org/og/authorities/${d.data.authority}.png`);
    expect(await meta('og:image:alt')).toContain(name);
    await checkImage(image);
  });
});

describe('open data', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const names = ['judgements', 'inspections', 'authorities'] as const;

  test('the downloads page lists every file, its schema, the licences and how to cite', async () => {
    const { text } = await fetchText('/data/');
    for (const n of names) for (const ext of ['csv', 'json', 'schema.json']) expect(text).toContain(`href="/data/${n}.${ext}"`);
    expect(text).toMatch(/Open Government Licence v3\.0/);
    expect(text).toMatch(/MIT licence/);
    expect(text).toMatch(/How to cite/);
    expect(text).toMatch(/apostrophe/);
  });

  test.each(names)('%s.csv and %s.json parse, hold the same records and validate against the schema', async (name) => {
    const schema = JSON.parse((await fetchText(`/data/${name}.schema.json`)).text) as Record<string, unknown>;
    expect(schema.$schema).toMatch(/2020-12/);
    const validate = ajv.compile(schema);
    const json = JSON.parse((await fetchText(`/data/${name}.json`)).text) as Record<string, string | null>[];
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const raw = new Uint8Array(await (await fetch(`${baseURL}/data/${name}.csv`)).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parse(Buffer.from(raw), { columns: true, bom: true }) as Record<string, string>[];
    const asJson = csv.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v])));
    expect(validate(asJson), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(csv).toHaveLength(json.length);
    const guarded = (v: string | null) => (v === null ? '' : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
    expect(csv).toEqual(json.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, guarded(v)]))));
  });

  test('every judgement and inspection record traces back to a document page, and every authority is listed', async () => {
    const judgements = JSON.parse((await fetchText('/data/judgements.json')).text) as { source_document: string }[];
    const inspections = JSON.parse((await fetchText('/data/inspections.json')).text) as { sources: string; authority_id: string }[];
    const known = new Set(documents.map((d) => d.id));
    const cited = new Set([...judgements.map((j) => j.source_document), ...inspections.flatMap((i) => i.sources.split('; '))]);
    for (const id of cited) expect(known.has(id), id).toBe(true);
    const recorded = new Set(documents.filter((d) => d.data.inspections.length > 0).map((d) => d.id));
    expect(new Set(inspections.flatMap((i) => i.sources.split('; ')))).toEqual(recorded);
    for (const id of [...cited].filter((_x, i) => i % 40 === 0)) await fetchText(`/documents/${id}/`);
    const rows = JSON.parse((await fetchText('/data/authorities.json')).text) as { authority_id: string; page: string }[];
    expect(rows.map((r) => r.authority_id).sort()).toEqual([...ids].sort());
    for (const r of rows.slice(0, 5)) await fetchText(new URL(r.page).pathname);
  });
});

describe('feeds and crawlers', () => {
  test('the Atom feed is well formed, newest first, and every entry links to an existing document page', async () => {
    const { text, type } = await fetchText('/feed.xml');
    expect(type).toMatch(/xml/);
    await page.goto(`${baseURL}/`);
    const feed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const ns = 'http://www.w3.org/2005/Atom';
      const root = doc.documentElement;
      const child = (el: Element, name: string) => [...el.children].filter((c) => c.namespaceURI === ns && c.localName === name);
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        root: `${root.namespaceURI} ${root.localName}`,
        id: child(root, 'id')[0]?.textContent,
        title: child(root, 'title')[0]?.textContent,
        updated: child(root, 'updated')[0]?.textContent,
        author: child(root, 'author').length,
        self: child(root, 'link').find((l) => l.getAttribute('rel') === 'self')?.getAttribute('href'),
        entries: child(root, 'entry').map((e) => ({
          id: child(e, 'id')[0]?.textContent,
          title: child(e, 'title')[0]?.textContent,
          updated: child(e, 'updated')[0]?.textContent,
          link: child(e, 'link')[0]?.getAttribute('href'),
        })),
      };
    }, text);
    expect(feed.error).toBe(false);
    expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(feed.id).toBeTruthy();
    expect(feed.title).toBeTruthy();
    expect(feed.author).toBeGreaterThan(0);
    expect(feed.self).toMatch(/\/feed\.xml$/);
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
    expect(feed.updated).toMatch(rfc3339);
    expect(feed.entries.length).toBe(Math.min(50, documents.length));
    expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);
    const known = new Set(documents.map((d) => `/documents/${d.id}/`));
    feed.entries.forEach((e, i) => {
      expect(e.title).toBeTruthy();
      expect(e.updated).toMatch(rfc3339);
      if (i > 0) expect(e.updated! <= feed.entries[i - 1]!.updated!).toBe(true);
      expect(known.has(new URL(e.link!).pathname), e.link!).toBe(true);
      const d = documents.find((x) => `/documents/${x.id}/` === new URL(e.link!).pathname)!;
      expect(e.updated!.startsWith(d.data.date), `${e.updated} ${d.data.date}`).toBe(true);
    });
    for (const e of feed.entries.slice(0, 5)) await fetchText(new URL(e.link!).pathname);
  });

  test('robots.txt names the sitemap, and /sitemap.xml serves it too', async () => {
    const robots = (await fetchText('/robots.txt')).text;
    const line = robots.split('\n').find((l) => l.startsWith('Sitemap: '))!;
    expect(line).toBeDefined();
    const index = (await fetchText(new URL(line.slice('Sitemap: '.length)).pathname)).text;
    expect((await fetchText('/sitemap.xml')).text).toBe(index);
    expect(index).toContain('<sitemapindex');
    expect(index).toMatch(/sitemap-0\.xml/);
  });
});

describe('printing', () => {
  test('an authority page prints without navigation, with the addresses of its document links, tables whole', async () => {
    const authority = authorities.find((a) => latest.has(a.id))!;
    await page.goto(`${baseURL}/authorities/${authority.id}/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    const after = await page.locator('main a[href^="/documents/"]:not(.grade)').first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toMatch(/\/documents\//);
    const overflow = await page.locator('.table-wrap').first().evaluate((el) => getComputedStyle(el).overflow);
    expect(overflow).toBe('visible');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.site-nav').isVisible()).toBe(true);
  });
});
