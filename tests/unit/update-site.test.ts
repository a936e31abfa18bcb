// Reading a provider page of Ofsted's reports site (src/importer/ofsted-site.ts) and
// fetching with retries (src/importer/fetch-retry.ts), against the pages in
// tests/fixtures/ofsted-reports-site/ and a server on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithRetry, pdfProblem, type FetchPolicy } from '../../src/importer/fetch-retry.ts';
import { classifyPublication, downloadUrl, parseProviderPage, providerPageUrl, readNonvisual } from '../../src/importer/ofsted-site.ts';
import { html, pdf, startFakeSite, status, type FakeSite } from '../support/ofsted-site-server.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ofsted-reports-site/${name}`, import.meta.url), 'utf8');

describe('a provider page', () => {
  it('is found by URN under provider/44/', () => {
    expect(providerPageUrl('https://reports.ofsted.gov.uk', '80481')).toBe('https://reports.ofsted.gov.uk/provider/44/80481');
    expect(providerPageUrl('http://127.0.0.1:4000/', '80481')).toBe('http://127.0.0.1:4000/provider/44/80481');
  });

  it('lists every publication with its kind, listed date and link, in the page order', () => {
    const page = parseProviderPage(fixture('provider-80481-leeds.html'), 'https://reports.ofsted.gov.uk/provider/44/80481');
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    expect(page.unreadable).toEqual([]);
    expect(page.publications.map((p) => [p.kind, p.listedDate, p.href])).toEqual([
      ['report', '2025-08-12', 'https://files.ofsted.gov.uk/v1/file/50284438'],
      ['report', '2022-05-09', 'https://files.ofsted.gov.uk/v1/file/50182665'],
      ['focused_visit', '2021-08-31', 'https://files.ofsted.gov.uk/v1/file/59990101'],
      ['report', '2018-12-18', 'https://files.ofsted.gov.uk/v1/file/50045174'],
      ['focused_visit', '2018-02-22', 'https://files.ofsted.gov.uk/v1/file/59990102'],
      ['report', '2015-03-27', 'https://files.ofsted.gov.uk/v1/file/50004291'],
    ]);
    expect(page.publications[0]!.description).toBe("Children's services inspection");
  });

  it('names a monitoring visit as another kind, with the words the page uses', () => {
    const page = parseProviderPage(fixture('provider-80554-solihull.html'), 'https://reports.ofsted.gov.uk/provider/44/80554');
    expect(page.ok && page.publications[0]).toMatchObject({ kind: 'other', description: "Children's services monitoring visit", listedDate: '2026-05-14' });
  });

  it('says so when the layout changed (no publication list), rather than "nothing new"', () => {
    const page = parseProviderPage(fixture('provider-80445-cambridgeshire-changed-layout.html'), 'https://reports.ofsted.gov.uk/provider/44/80445');
    expect(page).toEqual({ ok: false, reason: expect.stringMatching(/no publication list found .*layout may have changed/) });
  });

  it('says so when links are there but none can be read', () => {
    const page = parseProviderPage('<a class="publication-link" href="/x">Download</a>', 'https://reports.ofsted.gov.uk/provider/44/1');
    expect(page).toEqual({ ok: false, reason: expect.stringMatching(/no publication on the page could be read .*no <span class="nonvisual">/) });
  });

  it('keeps the readable publications and names an unreadable one', () => {
    const page = parseProviderPage(
      '<a class="publication-link" href="https://files.ofsted.gov.uk/v1/file/1"><span class="nonvisual">Children’s services inspection - 3 March 2026, pdf</span></a>' +
        '<a class="publication-link" href="https://files.ofsted.gov.uk/v1/file/2"><span class="nonvisual">Children’s services inspection - sometime, pdf</span></a>',
      'https://reports.ofsted.gov.uk/provider/44/1',
    );
    expect(page.ok && page.publications.map((p) => [p.kind, p.listedDate])).toEqual([['report', '2026-03-03']]);
    expect(page.ok && page.unreadable[0]!.reason).toMatch(/sometime, pdf" is not "<kind> - <day month year>, pdf"/);
  });
});

describe('kinds and dates', () => {
  it('tells reports and focused visits from other publications', () => {
    expect(classifyPublication("Children's services inspection")).toBe('report');
    expect(classifyPublication('Children’s services focused visit')).toBe('focused_visit');
    expect(classifyPublication("Children's services monitoring visit")).toBe('other');
    expect(classifyPublication('Joint targeted area inspection')).toBe('other');
  });

  it('reads "<kind> - <date>, pdf" and refuses an impossible date', () => {
    expect(readNonvisual("children's services focused visit - 22 june 2023, pdf")).toEqual({ description: "children's services focused visit", listedDate: '2023-06-22' });
    expect(readNonvisual("Children's services inspection - 31 February 2025, pdf")).toBeUndefined();
  });

  it('fetches only links to Ofsted’s file server, from the configured address', () => {
    expect(downloadUrl('https://files.ofsted.gov.uk/v1/file/50284438', 'http://127.0.0.1:4000/')).toBe('http://127.0.0.1:4000/v1/file/50284438');
    expect(downloadUrl('https://files.ofsted.gov.uk/v1/file/50284438', 'https://files.ofsted.gov.uk')).toBe('https://files.ofsted.gov.uk/v1/file/50284438');
    expect(downloadUrl('https://example.org/v1/file/1', 'http://127.0.0.1:4000/')).toBeUndefined();
  });

  it('knows a PDF by its first bytes, and an HTML error page from one', () => {
    expect(pdfProblem(new TextEncoder().encode('%PDF-1.7\n...'), 'application/pdf')).toBeUndefined();
    expect(pdfProblem(new TextEncoder().encode('<!DOCTYPE html><html><head><title>Sorry, something went wrong</title></head></html>'), 'application/pdf')).toBe(
      'the server sent an HTML page, not a PDF ("Sorry, something went wrong")',
    );
    expect(pdfProblem(new Uint8Array(), 'application/pdf')).toMatch(/empty file/);
  });
});

describe('fetching with retries', () => {
  const policy: FetchPolicy = { timeoutMs: 300, attempts: 3, backoffMs: 5, maxBytes: 1024 };
  let site: FakeSite;
  beforeAll(async () => {
    site = await startFakeSite(
      new Map([
        ['/flaky', [status(503), status(502), html('<p>ok</p>')]],
        ['/down', [status(500)]],
        ['/missing', [status(404)]],
        ['/slow', ['hang']],
        ['/cut', [{ truncate: new Uint8Array(200).fill(37) }]],
        ['/huge', [pdf(new Uint8Array(4096))]],
      ]),
      () => undefined,
    );
  });
  afterAll(() => site.close());

  it('retries a 5xx and gets the page when the server recovers', async () => {
    const result = await fetchWithRetry(`${site.url}flaky`, policy);
    expect(result).toMatchObject({ ok: true, tries: 3 });
    expect(site.hits.get('/flaky')).toBe(3);
  });

  it('gives up on a 5xx after the last try, and says how many', async () => {
    const result = await fetchWithRetry(`${site.url}down`, policy);
    expect(result).toMatchObject({ ok: false, status: 500, message: 'HTTP 500 Internal Server Error (gave up after 3 tries)' });
  });

  it('does not retry a 404', async () => {
    const result = await fetchWithRetry(`${site.url}missing`, policy);
    expect(result).toMatchObject({ ok: false, status: 404, message: expect.stringMatching(/^not found \(HTTP 404\) \(not retried/) });
    expect(site.hits.get('/missing')).toBe(1);
  });

  it('times out, retries, and says it timed out', async () => {
    const result = await fetchWithRetry(`${site.url}slow`, policy);
    expect(result).toMatchObject({ ok: false, message: 'timed out after 0.3 s (gave up after 3 tries)' });
    expect(site.hits.get('/slow')).toBe(3);
  });

  it('retries a body cut off part-way, and keeps none of it', async () => {
    const result = await fetchWithRetry(`${site.url}cut`, policy);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/while reading the body \(gave up after 3 tries\)$/) });
  });

  it('refuses a body larger than the limit', async () => {
    const result = await fetchWithRetry(`${site.url}huge`, policy);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^too large/) });
  });
});
