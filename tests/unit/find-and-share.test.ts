// The downloads' schemas, the spreadsheet guard and the redirect addresses.
import { describe, expect, test } from 'vitest';
import { DOWNLOADS, jsonSchemaOf, spreadsheetSafe } from '../../src/domain/downloads.ts';
import { nameSlug, redirects } from '../../src/domain/redirects.ts';
import { readAuthorities } from '../../src/lib/content-files.ts';
import { AUTHORITY_PAGE_KIND, documentHtmlForIndex, htmlForIndex, spaceBlocks } from '../../src/domain/search-filters.ts';
import { MAX_SHARD_DOCUMENTS, PRIMARY_SHARD, shardOf, splitShard } from '../../integrations/search-index.ts';

describe('download schemas', () => {
  test.each(DOWNLOADS.map((d) => [d.name, d] as const))('%s: a JSON Schema of an array of rows, every column described, in column order', (_name, d) => {
    const schema = jsonSchemaOf(d, 'https://example.org/') as { type: string; items: { properties: Record<string, { description?: string }>; required: string[]; additionalProperties: boolean } };
    expect(schema.type).toBe('array');
    expect(Object.keys(schema.items.properties)).toEqual(d.columns);
    expect(schema.items.required).toEqual(d.columns);
    expect(schema.items.additionalProperties).toBe(false);
    for (const c of d.columns) expect(schema.items.properties[c]!.description, c).toBeTruthy();
  });
});

describe('spreadsheetSafe', () => {
  test('puts an apostrophe before cells a spreadsheet would run as formulas, and only those', () => {
    expect(['=SUM(A1)', '+1', '-2', '@x', '\tx'].map(spreadsheetSafe)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@x", "'\tx"]);
    expect(['Good', 'The council’s “leaders” - a quote', '', '1 = 1'].map(spreadsheetSafe)).toEqual(['Good', 'The council’s “leaders” - a quote', '', '1 = 1']);
    expect(spreadsheetSafe(null)).toBe('');
  });
});

describe('redirects', () => {
  const authorities = readAuthorities();
  const all = redirects(authorities);
  test('never shadow an authority’s own page, and each address leads to one authority', () => {
    const own = new Set(authorities.map((a) => `/authorities/${a.id}/`));
    for (const r of all) expect(own.has(r.from), r.from).toBe(false);
    expect(new Set(all.map((r) => r.from)).size).toBe(all.length);
  });
  test('every GSS code held by one authority, and every Ofsted URN, leads to it', () => {
    const from = new Map(all.map((r) => [r.from, r.to]));
    for (const a of authorities) {
      for (const c of a.gss_codes) {
        if (authorities.filter((b) => b.gss_codes.some((x) => x.code === c.code)).length === 1) expect(from.get(`/authorities/${c.code}/`)).toBe(a.id);
      }
      if (a.ofsted_urn) expect(from.get(`/ofsted/${a.ofsted_urn}/`)).toBe(a.id);
    }
  });
  test('names become the slugs people type', () => {
    expect(nameSlug('London Borough of Barking & Dagenham')).toBe('london-borough-of-barking-and-dagenham');
    expect(nameSlug('St. Helens')).toBe('st-helens');
    expect(nameSlug('King’s Lynn')).toBe('kings-lynn');
  });
});

describe('search index shards', () => {
  const filters = (kind: string, region: string[]) => ({ authority: [], region, kind: [kind], framework: [], grade: [], focus: [], priority: [], year: [] });
  test('authority pages share the primary shard; documents go to their authority’s region', () => {
    expect(shardOf(filters(AUTHORITY_PAGE_KIND, ['London']))).toBe(PRIMARY_SHARD);
    expect(shardOf(filters('Ofsted inspection report', ['Yorkshire and the Humber']))).toBe('documents-yorkshire-and-the-humber');
    expect(shardOf(filters('Ofsted inspection report', []))).toBe('documents-no-region');
  });
  const pages = (count: number, from = 0) => Array.from({ length: count }, (_, i) => ({ url: `/documents/synthetic/${from + i}/` }));
  test('a region of at most the maximum keeps its one shard', () => {
    expect(splitShard('documents-london', pages(MAX_SHARD_DOCUMENTS))).toEqual([['documents-london', pages(MAX_SHARD_DOCUMENTS)]]);
  });
  test('a larger region is split into numbered parts, each page in one of them, near the maximum at most', () => {
    const london = pages(3 * MAX_SHARD_DOCUMENTS - 100);
    const parts = splitShard('documents-london', london);
    expect(parts.map(([name]) => name)).toEqual(['documents-london-1', 'documents-london-2', 'documents-london-3']);
    expect(parts.flatMap(([, members]) => members.map((p) => p.url)).sort()).toEqual(london.map((p) => p.url).sort());
    for (const [, members] of parts) expect(members.length).toBeGreaterThan(MAX_SHARD_DOCUMENTS * 0.8);
    for (const [, members] of parts) expect(members.length).toBeLessThanOrEqual(MAX_SHARD_DOCUMENTS);
  });
  test('a page added to a region changes one part only, so a rebuild re-indexes that part alone', () => {
    const region = 2.4 * MAX_SHARD_DOCUMENTS;
    const before = splitShard('documents-london', pages(region));
    const after = splitShard('documents-london', [...pages(region), ...pages(1, region)]);
    const changed = after.filter(([name, members], i) => before[i]![0] !== name || before[i]![1].length !== members.length);
    expect(changed).toHaveLength(1);
    expect(changed[0]![1].map((p) => p.url)).toContain(`/documents/synthetic/${region}/`);
  });
});

describe('what the index reads for a document page', () => {
  const filters = { authority: ['Leeds'], region: ['Yorkshire and the Humber'], kind: ['Ofsted inspection report'], framework: [], grade: ['Good'], focus: [], priority: [], year: ['2025'] };
  const html = documentHtmlForIndex({ title: 'Leeds <children’s> services & more', about: 'Ofsted inspection report: Leeds, 12 August 2025.', date: '12 August 2025', bodyHtml: '<p>Children are safe.</p>' }, filters);
  test('the page’s heading (escaped) is the first heading, before the document’s text, all inside the indexed body', () => {
    expect(html).toMatch(/<main data-pagefind-body><h1>Leeds &lt;children’s&gt; services &amp; more<\/h1><p>Ofsted inspection report: Leeds, 12 August 2025\.<\/p>/);
    expect(html.indexOf('<p>Children are safe.</p>')).toBeGreaterThan(html.indexOf('</h1>'));
    expect(html.indexOf('<p>Children are safe.</p>')).toBeLessThan(html.indexOf('</main>'));
  });
  test('the document’s date is metadata, for the result to say when', () => {
    expect(html).toContain('<span data-pagefind-meta="date:12 August 2025"></span>');
  });
  test('every filter value is a Pagefind filter', () => {
    for (const mark of ['authority:Leeds', 'region:Yorkshire and the Humber', 'kind:Ofsted inspection report', 'grade:Good', 'year:2025']) {
      expect(html).toContain(`<span data-pagefind-filter="${mark}"></span>`);
    }
  });
});

describe('words kept apart in the index', () => {
  test('a space follows every block element, so adjacent fields are not read as one word', () => {
    expect(spaceBlocks('<dl><dt>Region</dt><dd>London</dd><dt>Type</dt><dd>London Borough</dd></dl>')).toBe('<dl><dt>Region</dt> <dd>London</dd> <dt>Type</dt> <dd>London Borough</dd> </dl> ');
    expect(spaceBlocks('<p>A <a href="/">link</a> and <em>words</em></p>')).toBe('<p>A <a href="/">link</a> and <em>words</em></p> ');
  });
  test('an authority page is indexed with its words apart', () => {
    const page = htmlForIndex('<html><body><main id="main"><dl><dt>Region</dt><dd>London</dd></dl></main></body></html>', { authority: [], region: [], kind: [], framework: [], grade: [], focus: [], priority: [], year: [] })!;
    expect(page).toContain('<dt>Region</dt> <dd>London</dd>');
    expect(page).toContain('<main data-pagefind-body id="main">');
  });
});
