// Issue 13: the pages beyond the main journeys, readable by everyone and in plain words.
// The map names every hex (a <title> for a pointer, a name for assistive technology),
// keeps the grades apart in luminance, marks the judgement shown and fills a phone's
// width; public pages show no regular expressions or source paths and say how current
// the data is; /national/ prints with every chart drawn; a shared comparison opens on
// its result; a council report's page says what it is. axe finds nothing on each.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { listFiles, urlPathOf } from '../support/built-site.ts';
import { axeViolations } from '../support/axe.ts';
import { readAuthorities, readDocuments } from '../../src/lib/content-files.ts';
import { flattenDocuments, groupInspections, latestGradedInspections } from '../../src/domain/derive.ts';
import { hexTitle, mapCellFor, MAP_COLUMNS } from '../../src/domain/hexmap.ts';
import { contrastRatio, fillFor } from '../../src/domain/palette.ts';
import { GRADE_LABELS } from '../../src/domain/vocabulary.ts';
import { siteCurrency } from '../../src/domain/currency.ts';
import { formatDate } from '../../src/domain/dates.ts';

const baseURL = inject('baseURL');
const { entries } = readDocuments();
const documents = entries.map((e) => ({ id: e.file.replace(/^content\/documents\//, '').replace(/\.md$/, ''), data: e.data }));
const latest = latestGradedInspections(groupInspections(flattenDocuments(documents)));
const authorities = readAuthorities();
const current = authorities.filter((a) => a.current);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function noViolations(path: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseURL}${path}`);
  expect(await axeViolations(page)).toEqual([]);
  await context.close();
}

const mapPath = (column: string) => (column === 'overall' ? '/map/' : `/map/${column.replaceAll('_', '-')}/`);

describe('the map', () => {
  test('every hex has an SVG <title> naming its authority and grade, and a link name for assistive technology', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/map/`);
    const hexes = await page.locator('.hexmap > svg a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, title: a.querySelector(':scope > title')?.textContent ?? '' })));
    expect(hexes).toHaveLength(current.length);
    const snapshot = await page.locator('.hexmap > svg').ariaSnapshot();
    for (const a of current) {
      const cell = mapCellFor(latest.get(a.id), 'overall');
      const hex = hexes.find((h) => h.href === `/authorities/${a.id}/`)!;
      expect(hex.title, a.id).toBe(hexTitle(a.name, cell));
      expect(hex.title.startsWith(`${a.name}: `), a.id).toBe(true);
      // The computed accessible name (Chromium's accessibility tree), not just an attribute.
      expect(snapshot, a.id).toContain(`link "${a.name}: ${cell.text}`);
    }
    // A council whose latest inspection is under the April 2026 framework: no overall grade, said so, its own letter and key line.
    const lancashire = page.locator('.hexmap > svg a[href="/authorities/lancashire/"]');
    await expect(lancashire.locator('title').textContent()).resolves.toBe('Lancashire: not given: ILACS inspections from April 2026 give no overall effectiveness grade');
    await expect(lancashire.locator('text').textContent()).resolves.toBe('N');
    await expect(page.locator('.hexmap-legend').textContent()).resolves.toContain('Not given: ILACS inspections from April 2026 give no overall effectiveness grade');
    await page.close();
  });

  test('pointing at a hex or tabbing to it names its authority above the map', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/map/`);
    const hex = page.locator('.hexmap > svg a[href="/authorities/haringey/"]');
    await hex.hover();
    await expect.poll(() => page.locator('.hexmap-readout').textContent()).toMatch(/^Haringey: /);
    await hex.focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.querySelector('title')?.textContent);
    expect(await page.locator('.hexmap-readout').textContent()).toBe(focused);
    expect(await page.locator('.hexmap-readout').isVisible()).toBe(true);
    await page.close();
  });

  test('the four grade fills differ in luminance (1.5:1 or more between any two), and the key shows each one as a swatch', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/map/`);
    const fills = await page.locator('.hexmap > svg a').evaluateAll((as) => as.map((a) => ({ label: a.getAttribute('aria-label')!, fill: getComputedStyle(a.querySelector('polygon')!).fill })));
    const hex = (rgb: string) => `#${rgb.match(/\d+/g)!.slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
    const byGrade = new Map<string, Set<string>>();
    for (const f of fills) {
      const grade = f.label.split(': ')[1]!.split(',')[0]!;
      byGrade.set(grade, (byGrade.get(grade) ?? new Set()).add(hex(f.fill)));
    }
    const shown = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
    for (const g of shown) expect([...byGrade.get(GRADE_LABELS[g])!], g).toEqual([fillFor(g).fill]);
    for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) expect(contrastRatio(fillFor(shown[i]).fill, fillFor(shown[j]).fill)).toBeGreaterThanOrEqual(1.5);
    const key = await page.locator('.hexmap-legend li').evaluateAll((lis) => lis.map((li) => ({ text: li.querySelector('span')!.textContent!.trim(), fill: li.querySelector('polygon')?.getAttribute('fill') })));
    for (const g of shown) {
      expect(key.find((k) => k.text.startsWith(`${GRADE_LABELS[g]} (`))?.fill, g).toBe(fillFor(g).fill);
    }
    await page.close();
  });

  test.each(MAP_COLUMNS)('the judgement shown (%s) is marked, for assistive technology and visibly', async (column) => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}${mapPath(column)}`);
    const links = await page.locator('nav[aria-label="Judgement shown on the map"] a').evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute('href'), current: a.getAttribute('aria-current'), background: getComputedStyle(a).backgroundColor, weight: getComputedStyle(a).fontWeight })),
    );
    const marked = links.filter((l) => l.current === 'page');
    expect(marked.map((l) => l.href)).toEqual([mapPath(column)]);
    for (const other of links.filter((l) => l.current !== 'page')) {
      expect(other.background).not.toBe(marked[0]!.background);
      expect(Number(other.weight)).toBeLessThan(Number(marked[0]!.weight));
    }
    await page.close();
  });

  test('on a 390 px phone the map is at least 340 px wide and its letters at least 8 px', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseURL}/map/`);
    const size = await page.evaluate(() => ({
      map: document.querySelector('.hexmap > svg')!.getBoundingClientRect().width,
      letter: document.querySelector('.hexmap > svg text')!.getBoundingClientRect().height,
      page: document.documentElement.scrollWidth,
    }));
    expect(size.map).toBeGreaterThanOrEqual(340);
    expect(size.letter).toBeGreaterThanOrEqual(8);
    expect(size.page).toBeLessThanOrEqual(390);
    await context.close();
  });

  test.each(['/map/', '/map/care-leavers/'])('%s: axe finds no violations', noViolations);
});

/** A built page's visible text: no scripts, styles or tags, entities decoded enough for the checks. */
function pageText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('plain words on every public page', () => {
  const pages = listFiles()
    .map((file) => ({ path: urlPathOf(file), html: readFileSync(file, 'utf8') }))
    .filter((p) => !/<meta http-equiv="refresh"/i.test(p.html));
  const currency = siteCurrency(documents);

  test('the built site has its pages (redirects left out)', () => {
    expect(pages.length).toBeGreaterThan(500);
    expect(pages.map((p) => p.path)).toContain('/themes/chronologies/');
  });

  test('no page shows a regular expression, a source path or a field path', () => {
    const REGEX = /\\[bdswBDSW]|\(\?[:=!<]|\[\^|\/[gimsuy]*i\b(?=\s*[,)\]])/;
    const PATH = /(^|[\s(“"'])(src|content|scripts|tests)\/[\w./-]+|\.(ts|astro|mjs)\b(?![\w-])/;
    const FIELD = /\binspections(\[\d+\]|\.\d+\b)|\bjudgements\.(?!csv|json|schema)[a-z_]+/;
    const found = pages.flatMap((p) => {
      const text = pageText(p.html);
      return [REGEX, PATH, FIELD].flatMap((re) => {
        const m = re.exec(text);
        return m ? [`${p.path}: “${text.slice(Math.max(0, m.index - 40), m.index + 40)}”`] : [];
      });
    });
    expect(found).toEqual([]);
  });

  test('no page counts “0 grades and 1 dates”', () => {
    const found = pages.filter((p) => /\b0 \w+s and \d|(?<![\d.])1 (dates|grades|flags|warnings|reports|documents)\b/.test(pageText(p.html))).map((p) => p.path);
    expect(found).toEqual([]);
  });

  test('every page’s footer says how current the data is: the newest report’s date and the build date', () => {
    expect(currency.newest).toBeDefined();
    const newest = `<time datetime="${currency.newest!.date}">${formatDate(currency.newest!.date)}</time>`;
    const missing = pages.filter((p) => {
      const footer = p.html.slice(p.html.lastIndexOf('<footer'));
      return !(footer.includes('class="data-currency"') && footer.includes(`Data current to ${newest}`) && footer.includes(`Site built <time datetime="${currency.built}">`));
    });
    expect(missing.map((p) => p.path)).toEqual([]);
    expect(pages.find((p) => p.path === '/data/')!.html).toMatch(/<main[\s\S]*class="data-currency"[\s\S]*<\/main>/);
  });

  test.each(['/themes/', '/themes/chronologies/', '/data-quality/', '/data/'])('%s: axe finds no violations', noViolations);
});

describe('council reports’ pages', () => {
  const councilReports = entries.filter((e) => e.data.kind === 'council_report');

  test('there are council reports to check', () => {
    expect(councilReports.length).toBeGreaterThanOrEqual(4);
  });

  test('each says what it is (the council, the meeting, the date) and names the paper as its source, not a file digest', async () => {
    const page = await browser.newPage();
    for (const e of councilReports) {
      const id = e.file.replace(/^content\/documents\//, '').replace(/\.md$/, '');
      await page.goto(`${baseURL}/documents/${id}/`);
      const h1 = (await page.locator('h1').textContent())!;
      expect(h1, id).toContain(e.data.issuer);
      expect(h1, id).toContain(formatDate(e.data.date));
      expect(h1, id).not.toBe(e.data.title);
      const source = (await page.locator('dl.meta dt:text-is("Source") + dd').textContent())!;
      expect(source, id).toContain(e.data.title);
      expect(source, id).not.toContain(e.data.source.file!);
      expect(await page.locator('main').textContent(), id).not.toContain(e.data.source.file!);
    }
    await page.close();
  });

  test('a council report’s page: axe finds no violations', () => noViolations('/documents/seeds/000-north-tyneside-cabinet-2017-07-10/'));
});

describe('print and share', () => {
  test('/national/ printed: every chart is drawn (non-blank canvas) before Chromium makes the PDF, without scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseURL}/national/`);
    const boxes = await page.locator('.chart-box[data-chart]').count();
    expect(boxes).toBeGreaterThanOrEqual(5);
    // As loaded, only the charts near the first screen are drawn.
    expect(await page.locator('.chart-box[data-drawn]').count()).toBeLessThan(boxes);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.chart-box[data-drawn]').count()).toBe(boxes);
    const inked = await page.locator('.chart-box canvas').evaluateAll((canvases) =>
      (canvases as HTMLCanvasElement[]).map((c) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return { width: c.width, inked: n };
      }),
    );
    for (const c of inked) {
      expect(c.width).toBeGreaterThan(0);
      expect(c.inked).toBeGreaterThan(1000);
    }
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    await context.close();
  });

  test('/national/: a beforeprint event (the browser’s print command) draws every chart too', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/national/`);
    const boxes = await page.locator('.chart-box[data-chart]').count();
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await expect.poll(() => page.locator('.chart-box[data-drawn]').count()).toBe(boxes);
    await page.close();
  });

  test('a printed table leaves out its controls: no filter form, view switch or sort arrows', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/judgements/`);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => ({
      controls: [...document.querySelectorAll('main form, .filters, .view-switch, .views')].filter((e) => getComputedStyle(e).display !== 'none').length,
      arrows: [...document.querySelectorAll('.sort-button')].filter((b) => !['none', 'normal', ''].includes(getComputedStyle(b, '::after').content)).length,
      table: Boolean(document.querySelector('main table')),
    }));
    expect(shown).toEqual({ controls: 0, arrows: 0, table: true });
    await page.close();
  });

  test.each([
    { width: 390, height: 844 },
    { width: 1366, height: 900 },
  ])('a shared /compare/?a=… link opens on its result ($width px)', async (viewport) => {
    const [a, b] = ['haringey', 'camden'];
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${baseURL}/compare/?a=${a},${b}`);
    await page.locator('#compare-result table.compare-table').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('compare-heading');
    const place = await page.evaluate(() => ({
      top: document.getElementById('compare-heading')!.getBoundingClientRect().top,
      table: document.querySelector('#compare-result table')!.getBoundingClientRect().top,
      beforePicker: Boolean(document.getElementById('compare-result')!.compareDocumentPosition(document.getElementById('compare-form')!) & Node.DOCUMENT_POSITION_FOLLOWING),
    }));
    expect(place.top).toBeGreaterThanOrEqual(0);
    expect(place.table).toBeLessThan(viewport.height);
    expect(place.beforePicker).toBe(true);
    await context.close();
  });

  test('the picker finds an authority by name', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/compare/`);
    await page.getByLabel('Find an authority by name').fill('hackn');
    const visible = await page.locator('#compare-form li[data-id]:visible label').allTextContents();
    expect(visible).toEqual(['Hackney']);
    await page.getByLabel('Hackney', { exact: true }).check();
    await page.getByLabel('Find an authority by name').fill('islington');
    await page.getByLabel('Islington', { exact: true }).check();
    expect(new URL(page.url()).searchParams.get('a')).toBe('hackney,islington');
    await page.locator('#compare-result table.compare-table').waitFor();
    await page.getByLabel('Find an authority by name').fill('zzz');
    expect(await page.locator('#compare-find-none').isVisible()).toBe(true);
    await page.close();
  });

  test.each(['/national/', '/compare/?a=haringey,camden'])('%s: axe finds no violations', noViolations);
});
