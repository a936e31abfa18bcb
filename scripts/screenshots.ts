// npm run screenshots [-- --only <name>] [--dist <dir>] [--out <dir>]
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
  // Issue 22, long tables on a phone: the 622 rows of /judgements/all/ at the table's top, then
  // deep inside its box and scrolled sideways (rows drawn as they come near the screen, the header
  // row and the authority column still in place); the compare page's picker, there from the start.
  { name: 'table-all', path: '/judgements/all/', act: scrollTo('.scroll-box') },
  { name: 'table-all-scrolled', path: '/judgements/all/', act: scrollInside('.scroll-box', 15_000, 250) },
  { name: 'compare-picker', path: '/compare/' },
];

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
  for (const shot of SHOTS.filter((s) => !only || s.name === only)) {
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
