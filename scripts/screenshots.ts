// npm run screenshots [-- --only <name>[,<name>…]] [--dist <dir>] [--out <dir>]
//
// Screenshots of the built site (dist/, so run `npm run build` first) as a reader meets it:
// each page at 390×844 (a phone) and at 1366×900, with and without JavaScript, written to
// docs/screenshots/<name>-<width>-<js|nojs>.png (the first screen; `full: true` adds a
// full-page image). A page with `print: true` is also printed to PDF by Chromium, and the
// PDF's first page is kept as PNG when pdftoppm is installed. Look at every image before
// calling a page done: the script makes them, it does not judge them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

interface Shot {
  /** File-name stem. */
  name: string;
  /** Address on the built site. */
  path: string;
  /** Also a full-page image (long pages: to see what follows the first screen). */
  full?: boolean;
  /** Also printed to PDF (print styles, charts drawn before printing). */
  print?: boolean;
  /** Something to do before the picture, e.g. type into a field. */
  act?: (page: Page) => Promise<void>;
}

/** Scrolls the first element matching `selector` to the top of the screen. */
const scrollTo = (selector: string) => (page: Page) => page.locator(selector).first().evaluate((element) => element.scrollIntoView({ block: 'start' }));

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
] as const;

/** The pages each issue asked to be looked at; add to this list rather than writing another script. */
const SHOTS: Shot[] = [
  { name: 'home', path: '/' },
  { name: 'authority', path: '/authorities/haringey/', full: true },
  { name: 'authority-2026', path: '/authorities/lancashire/' },
  { name: 'table', path: '/judgements/', full: true },
  // Find a council (issue 12): the field with its suggestions open, the A to Z list, the search.
  { name: 'find-typing', path: '/', act: typeInFind('hari') },
  { name: 'find-alias', path: '/judgements/', act: typeInFind('E0900') },
  { name: 'find', path: '/find/', full: true },
  { name: 'authorities', path: '/authorities/' },
  { name: 'search-haringey', path: '/search/?q=haringey', act: (page) => page.waitForSelector('#search-results li', { timeout: 10_000 }).then(() => undefined, () => undefined) },
  // Issue 13: the map, a theme page, /national/ printed, a shared comparison's result.
  { name: 'map', path: '/map/', full: true, act: (page) => page.locator('.hexmap > svg a[href="/authorities/haringey/"]').hover().catch(() => undefined) },
  { name: 'theme', path: '/themes/chronologies/' },
  { name: 'national', path: '/national/', print: true },
  { name: 'compare', path: '/compare/?a=haringey,camden,islington' },
  // Issue 14, class 5: a report's nested points, and its footnotes as links to their text and back.
  { name: 'document-nested', path: '/documents/ofsted/lancashire/2015-11-27/', act: scrollTo('li > ul') },
  { name: 'document-footnotes', path: '/documents/ofsted/lancashire/2015-11-27/', act: scrollTo('[data-footnotes]') },
  // Issue 26: bad input said on the page (unknown names, an unknown filter, no such council).
  { name: 'bad-compare', path: '/compare/?a=nowhere,atlantis', act: waitForText('#compare-status') },
  { name: 'bad-find', path: '/find/?q=atlantis', act: waitForText('.find-none:not([hidden])') },
  { name: 'bad-filter', path: '/judgements/?region=bogus', act: waitForText('#comparison-status') },
  { name: 'bad-search', path: `/search/?kind=bogus&q=${'ab '.repeat(200)}`, act: waitForText('#search-status', /result/) },
  // Issue 24, the views: a region's ranking and chart, and a linked, filtered and sorted table (the script reads data-grade).
  { name: 'region', path: '/regions/london/', full: true },
  { name: 'table-linked', path: '/judgements/?region=london&sort=overall&order=descending', act: scrollTo('table.comparison') },
  // Issue 23: the next-inspection line on authority pages judged good, requires improvement and
  // inadequate, one overdue, its "what this rests on" opened, the windows page, and the phone's menu open.
  { name: 'next-good', path: '/authorities/barnet/' },
  { name: 'next-ri', path: '/authorities/barking-and-dagenham/' },
  { name: 'next-inadequate', path: '/authorities/devon/' },
  { name: 'next-overdue', path: '/authorities/dudley/' },
  { name: 'next-basis', path: '/authorities/dudley/', act: (page) => page.locator('.next-basis > summary').click().then(() => page.locator('.next-inspection').evaluate((e) => e.scrollIntoView({ block: 'start' }))) },
  { name: 'next-inspections', path: '/next-inspections/', full: true },
  { name: 'next-inspections-overdue', path: '/next-inspections/overdue/' },
  { name: 'history-kind', path: '/authorities/dudley/', act: scrollTo('#history-caption') },
  { name: 'table-kind', path: '/judgements/', act: scrollTo('#comparison-caption') },
  { name: 'menu-open', path: '/authorities/dudley/', act: (page) => page.locator('.site-menu > summary').click().catch(() => undefined) },
  // Issue 25: a SIF key-judgement box read as the small table it is, and a paragraph mended across a page break.
  { name: 'document-key-judgement', path: '/documents/ofsted/rotherham/2014-11-19/', act: scrollTo('table:has-text("Judgement grade")') },
  { name: 'document-page-break', path: '/documents/ofsted/bradford/2014-05-23/', act: scrollTo('li:has-text("disappeared from Bradford")') },
  // Issue 22: focused visits. The visits page, a letter leading with its findings, and an
  // authority whose latest visit set areas for priority action (SCREENSHOT_PRIORITY_AUTHORITY).
  { name: 'visits', path: '/visits/', full: true },
  { name: 'visits-priority', path: '/visits/priority-actions/?sort=held&order=descending' },
  { name: 'letter', path: process.env.SCREENSHOT_LETTER ?? '/documents/ofsted-letters/slough/2026-01-12/', full: true },
  { name: 'authority-priority', path: `/authorities/${process.env.SCREENSHOT_PRIORITY_AUTHORITY ?? 'slough'}/`, full: true },
  // Issue 22, long tables on a phone: the 622 rows of /judgements/all/ at the table's top, then
  // deep inside its box and scrolled sideways (rows drawn as they come near the screen, the header
  // row and the authority column still in place); the compare page's picker, there from the start.
  { name: 'table-all', path: '/judgements/all/', act: scrollTo('.scroll-box') },
  { name: 'table-all-scrolled', path: '/judgements/all/', act: scrollInside('.scroll-box', 15_000, 250) },
  { name: 'compare-picker', path: '/compare/' },
];

/** Waits (up to 10 s, with JavaScript) for an element to have text, or text matching `pattern`. */
function waitForText(selector: string, pattern = /\S/): (page: Page) => Promise<void> {
  return (page) =>
    page
      .waitForFunction(([s, p]) => new RegExp(p).test(document.querySelector(s)?.textContent ?? ''), [selector, pattern.source] as const, { timeout: 10_000 })
      .then(() => undefined, () => undefined);
}

/** Scrolls the box to the top of the screen, then its content down and sideways. */
function scrollInside(selector: string, top: number, left: number): (page: Page) => Promise<void> {
  return async (page) => {
    await scrollTo(selector)(page);
    await page.locator(selector).first().evaluate((box, [y, x]) => box.scrollTo({ top: y!, left: x! }), [top, left]);
    await page.waitForTimeout(300);
  };
}

/** Types into the page's "Find a council" field, when it has JavaScript (else leaves the page as it is). */
function typeInFind(text: string): (page: Page) => Promise<void> {
  return async (page) => {
    if (!(await page.evaluate(() => Boolean(document.querySelector('[data-find-council-init]'))))) return;
    await page.locator('main [data-find-input]').first().pressSequentially(text);
    await page.waitForSelector('main [data-find-list]:not([hidden])', { timeout: 5_000 }).catch(() => {});
  };
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const dist = resolve(option('--dist') ?? 'dist');
const out = resolve(option('--out') ?? 'docs/screenshots');
const only = option('--only');
mkdirSync(out, { recursive: true });

const { server, url } = await serveStatic(dist);
const browser = await launchBrowser();
try {
  for (const shot of SHOTS.filter((s) => !only || only.split(',').includes(s.name))) {
    for (const viewport of VIEWPORTS) {
      for (const javaScriptEnabled of [true, false]) {
        const context = await browser.newContext({ viewport, javaScriptEnabled, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.goto(url + shot.path, { waitUntil: 'networkidle' });
        if (shot.act) await shot.act(page);
        const stem = join(out, `${shot.name}-${viewport.width}-${javaScriptEnabled ? 'js' : 'nojs'}`);
        await page.screenshot({ path: `${stem}.png` });
        if (shot.full) {
          // A long table draws its rows as they come near the screen (lazy-rows in public/site.css),
          // which a full-page image, taken without scrolling, never does: draw them all for it.
          await page.evaluate(() => document.querySelectorAll<HTMLElement>('.lazy-rows > tbody > tr').forEach((tr) => tr.style.setProperty('content-visibility', 'visible')));
          await page.screenshot({ path: `${stem}-full.png`, fullPage: true });
        }
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > viewport.width) console.warn(`${shot.name} at ${viewport.width}: the page is ${width} px wide`);
        if (shot.print && javaScriptEnabled && viewport.width === 1366) {
          await page.emulateMedia({ media: 'print' });
          // Charts draw when printing starts (src/browser/charts.ts): wait for every one.
          await page.waitForFunction(() => document.querySelectorAll('.chart-box[data-chart]:not([data-drawn])').length === 0, undefined, { timeout: 10_000 }).catch(() => console.warn(`${shot.name}: not every chart was drawn for printing`));
          writeFileSync(`${stem}-print.pdf`, await page.pdf({ format: 'A4', printBackground: true }));
          try {
            execFileSync('pdftoppm', ['-png', '-r', '60', `${stem}-print.pdf`, `${stem}-print`]);
          } catch {
            console.warn('pdftoppm is not installed: the printed PDF is kept, without PNG pages');
          }
        }
        await context.close();
        console.log(`${stem}.png`);
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
