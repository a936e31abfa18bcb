// Bad input on the site's own pages (issue 26): every page that reads its address or a
// typed field (search, the comparison tables and their filters, /compare/ and its name
// filter, /find/ and the Find a council field, the map) is fed script and markup payloads,
// names every JavaScript object has, unknown ids, codes, 100,000 characters, broken
// percent-encoding, unicode controls and zero-width characters, and repeated parameters.
// Each must raise no uncaught exception and open no dialog, reach a visible settled state
// within a bounded wait (a wait, not a timing assertion), and say visibly what it ignored
// or did not understand.
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
/** The longest a page may take to show its settled state (a bound on waiting, not a speed target). */
const SETTLE = 15_000;

const LONG = 'ab '.repeat(33_334); // 100,002 characters
const enc = encodeURIComponent;
const PAYLOADS = {
  script: '<script>alert(1)</script>',
  markup: '"><img src=x onerror=alert(1)>',
};
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => browser?.close());

interface Visit {
  page: Page;
  /** Uncaught exceptions and dialogs (alert, confirm, prompt) the page raised. */
  problems: string[];
}

// Every page a test opened: its exceptions and dialogs are checked after the test, whatever
// else failed first.
let visits: Visit[] = [];
afterEach(async () => {
  const opened = visits;
  visits = [];
  for (const v of opened) await v.page.close();
  expect(opened.flatMap((v) => v.problems)).toEqual([]);
});

async function visit(path: string): Promise<Visit> {
  const page = await context.newPage();
  const problems: string[] = [];
  visits.push({ page, problems });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${baseURL}${path}`, { timeout: SETTLE });
  return { page, problems };
}

/** Waits (at most SETTLE) for `locator` to say `pattern`, then requires it to be on screen, not only for a screen reader. */
async function seen(locator: Locator, pattern: RegExp): Promise<string> {
  const shown = async () => ((await locator.isVisible()) ? ((await locator.textContent({ timeout: 1_000 }).catch(() => null)) ?? '') : '');
  await expect.poll(shown, { timeout: SETTLE, interval: 100 }).toMatch(pattern);
  const box = await locator.boundingBox();
  expect(box!.width).toBeGreaterThan(10);
  expect(box!.height).toBeGreaterThan(10);
  return (await locator.textContent())!;
}

/** No uncaught exception and no dialog so far (checked again after the test). */
async function done({ problems }: Visit): Promise<void> {
  expect(problems).toEqual([]);
}

// The search page's status once a search has finished (not "Searching…").
const SEARCHED = /\bresults?\b|Nothing to search/;

describe('/search/', () => {
  const status = (page: Page) => page.locator('#search-status');

  test.each([
    ['a script payload', enc(PAYLOADS.script)],
    ['a markup payload', enc(PAYLOADS.markup)],
    ...PROTOTYPE_NAMES.map((name) => [`the name ${name}`, name]),
  ])('%s as the query: a finished search, nothing run', async (_what, q) => {
    const v = await visit(`/search/?q=${q}`);
    await seen(status(v.page), SEARCHED);
    expect(await v.page.locator('#search-results img, #search-results script').count()).toBe(0);
    await done(v);
  });

  test('100,000 characters in the address: cut, and the cut said', async () => {
    const v = await visit(`/search/?q=${enc(LONG)}`);
    const said = await seen(status(v.page), SEARCHED);
    expect(said).toMatch(/only the first \d+ characters/i);
    await done(v);
  });

  test('broken percent-encoding in the address: said, and the search finishes', async () => {
    const v = await visit('/search/?q=%E0%A4%A');
    const said = await seen(status(v.page), SEARCHED);
    expect(said).toMatch(/could not be read/i);
    await done(v);
  });

  test('zero-width and control characters are dropped: Bar\\u200Bnet finds Barnet', async () => {
    const v = await visit(`/search/?q=${enc('\u202EBar\u200Bnet\u0007')}`);
    expect(await seen(status(v.page), SEARCHED)).toMatch(/results? for “Barnet”/);
    expect(await v.page.locator('#search-results li').first().textContent()).toMatch(/Barnet/);
    await done(v);
  });

  test('"AAAAA" does not report pages that only have the word "a"', async () => {
    const v = await visit('/search/?q=AAAAA');
    expect(await seen(status(v.page), SEARCHED)).toMatch(/No results for “AAAAA”/);
    const marks = await v.page.locator('#search-results mark').allTextContents();
    expect(marks.filter((m) => /^a\W*$/i.test(m))).toEqual([]);
    await done(v);
  });

  test.each([
    ['kind', 'bogus'],
    ['region', PAYLOADS.script],
    ['year', '__proto__'],
  ])('a %s the menus do not offer (%s): said to be ignored', async (name, value) => {
    const v = await visit(`/search/?${name}=${enc(value)}`);
    const said = await seen(status(v.page), /ignored/i);
    expect(said).toContain(value.slice(0, 20));
    await done(v);
  });

  test('a repeated parameter: the first is used and the repeat said', async () => {
    const v = await visit('/search/?q=barnet&q=camden&region=London&region=London');
    const said = await seen(status(v.page), SEARCHED);
    expect(said).toMatch(/more than once/i);
    expect(said).toMatch(/for “barnet”/);
    await done(v);
  });

  test('typed: 100,000 characters are cut by the field, and a search right after it answers', async () => {
    const v = await visit('/search/');
    const field = v.page.locator('#search-q');
    await field.fill(LONG);
    expect((await field.inputValue()).length).toBeLessThanOrEqual(200);
    await field.press('Enter');
    await field.fill('camden');
    await field.press('Enter');
    await seen(status(v.page), /results? for “camden”/);
    await done(v);
  });

  test('typed: a long query in the address, then a new search supersedes it', async () => {
    const v = await visit(`/search/?q=${enc(LONG)}`);
    const field = v.page.locator('#search-q');
    await field.fill('haringey');
    await field.press('Enter');
    await seen(status(v.page), /results? for “haringey”/);
    await done(v);
  });
});

describe('the comparison tables and their filters', () => {
  const status = (page: Page) => page.locator('#comparison-status');

  test.each([
    ['an unknown region', '/judgements/?region=bogus', /region “bogus”/i],
    ['a payload and prototype names', `/judgements/?region=${enc(PAYLOADS.script)}&grade=__proto__&sort=constructor&order=valueOf`, /grade “__proto__”/i],
    ['prototype names on all inspections', '/judgements/all/?year=toString&judgement=hasOwnProperty', /year “toString”/i],
    ['100,000 characters', `/judgements/?type=${enc(LONG)}`, /type “ab ab/i],
    ['broken percent-encoding', '/judgements/?framework=%E0%A4%A', /framework/i],
    ['an unknown grade on a region’s table', '/judgements/region/north-east/?grade=bogus', /grade “bogus”/i],
  ])('%s: the filter is said to be ignored', async (_what, path, pattern) => {
    const v = await visit(path);
    const said = await seen(status(v.page), /ignored/i);
    expect(said).toMatch(pattern);
    // The whole table is still there.
    expect(await v.page.locator('table[data-sortable] tbody tr:not([hidden])').count()).toBeGreaterThan(0);
    await done(v);
  });

  test('a repeated filter: the first applies, the repeat is said', async () => {
    const v = await visit('/judgements/?region=london&region=north-east');
    const said = await seen(status(v.page), /more than once/i);
    expect(said).toMatch(/Showing \d+ of \d+/);
    expect(await v.page.locator('#f-region').inputValue()).toBe('london');
    await done(v);
  });
});

describe('/compare/', () => {
  const status = (page: Page) => page.locator('#compare-status');
  const caption = (page: Page) => page.locator('#picked-caption');

  test.each(PROTOTYPE_NAMES)('?a=barnet,camden,%s: the table of the two, the name said to be unknown', async (name) => {
    const v = await visit(`/compare/?a=barnet,camden,${name}`);
    expect(await seen(status(v.page), /did not recognise/i)).toContain(name);
    expect(await caption(v.page).textContent()).toMatch(/Barnet, Camden/);
    // Ticking another box still works.
    await v.page.locator('#pick-brent').check();
    await expect.poll(() => caption(v.page).textContent(), { timeout: SETTLE }).toMatch(/Barnet, Camden, Brent/);
    await done(v);
  });

  test.each(PROTOTYPE_NAMES)('?a=%s alone: said to be unknown', async (name) => {
    const v = await visit(`/compare/?a=${name}`);
    expect(await seen(status(v.page), /did not recognise/i)).toContain(name);
    await done(v);
  });

  test('unknown names are named to the reader', async () => {
    const v = await visit('/compare/?a=nowhere,atlantis');
    expect(await seen(status(v.page), /did not recognise/i)).toMatch(/nowhere, atlantis/);
    await done(v);
  });

  test('GSS codes, Ofsted URNs and other names resolve to their authority', async () => {
    // Barnet's GSS code, Haringey's URN, an alias, a zero-width space, and an ampersand.
    const v = await visit(`/compare/?a=E09000003,80498,${enc('LB Camden')},${enc('Bren\u200Bt')},${enc('Brighton & Hove')}`);
    await seen(status(v.page), /Comparing 5 authorities/);
    expect(await caption(v.page).textContent()).toMatch(/Barnet, Haringey, Camden, Brent, Brighton and Hove/);
    expect(await status(v.page).textContent()).not.toMatch(/recognise/);
    await done(v);
  });

  test.each([
    ['script and markup payloads', `${enc(PAYLOADS.script)},${enc(PAYLOADS.markup)}`],
    ['100,000 characters', enc(LONG)],
    ['100,000 characters of commas and names', enc('x,'.repeat(50_000))],
    ['broken percent-encoding', '%E0%A4%A'],
    ['unicode controls only', enc('\u202E\u0000\u200B')],
  ])('%s: said, and nothing run', async (_what, a) => {
    const v = await visit(`/compare/?a=${a}`);
    await seen(status(v.page), /did not recognise|Choose two or more/i);
    expect(await v.page.locator('#compare-result img, #compare-result script').count()).toBe(0);
    await done(v);
  });

  test('a repeated parameter adds its authorities', async () => {
    const v = await visit('/compare/?a=barnet&a=camden');
    await seen(status(v.page), /Comparing 2 authorities/);
    await done(v);
  });

  test('the name filter uses Find a council’s matcher', async () => {
    const v = await visit('/compare/');
    const field = v.page.locator('#compare-find');
    const shown = (id: string) => v.page.locator(`li:has(#pick-${id})`).isVisible();
    for (const [typed, id] of [['Brighton & Hove', 'brighton-and-hove'], ['Bárnét', 'barnet'], ['E09000003', 'barnet'], ['80498', 'haringey']] as const) {
      await field.fill(typed);
      await expect.poll(() => shown(id), { timeout: SETTLE }).toBe(true);
    }
    await field.fill('atlantis');
    await seen(v.page.locator('#compare-find-none'), /No authority/);
    await field.fill(LONG);
    expect((await field.inputValue()).length).toBeLessThanOrEqual(100);
    await done(v);
  });
});

describe('/find/ and the Find a council field', () => {
  const none = (page: Page) => page.locator('.find-none').first();
  const notice = (page: Page) => page.locator('.find-notice').first();

  test.each([
    ['an unknown name', 'atlantis'],
    ['a script payload', enc(PAYLOADS.script)],
    ['a prototype name', '__proto__'],
  ])('/find/?q= %s: "No council has that name", visibly', async (_what, q) => {
    const v = await visit(`/find/?q=${q}`);
    await seen(none(v.page), /No council has that name/);
    await done(v);
  });

  test('/find/?q= 100,000 characters: cut to the field, the cut said, no council has that name', async () => {
    const v = await visit(`/find/?q=${enc(LONG)}`);
    await seen(none(v.page), /No council has that name/);
    await seen(notice(v.page), /only the first 100 characters/i);
    expect((await v.page.locator('#find-page-q').inputValue()).length).toBeLessThanOrEqual(100);
    await done(v);
  });

  test('/find/?q= broken percent-encoding: said', async () => {
    const v = await visit('/find/?q=%E0%A4%A');
    await seen(notice(v.page), /could not be read/i);
    await done(v);
  });

  test('a repeated q: the first is kept, the repeat said', async () => {
    const v = await visit('/find/?q=atlantis&q=barnet');
    await seen(none(v.page), /No council has that name/);
    await seen(notice(v.page), /more than once/i);
    expect(await v.page.locator('#find-page-q').inputValue()).toBe('atlantis');
    await done(v);
  });

  test('typed: 100,000 characters and Enter send a short address to /search/, which answers', async () => {
    const v = await visit('/');
    const field = v.page.locator('main [data-find-input]').first();
    await field.fill(LONG);
    expect((await field.inputValue()).length).toBeLessThanOrEqual(100);
    await Promise.all([v.page.waitForURL(/\/search\//, { timeout: SETTLE }), field.press('Enter')]);
    expect(v.page.url().length).toBeLessThan(500);
    await seen(v.page.locator('#search-status'), SEARCHED);
    await done(v);
  });

  test('typed: a zero-width space inside a name still finds the council', async () => {
    const v = await visit('/');
    const field = v.page.locator('main [data-find-input]').first();
    await field.fill('Bar\u200Bnet');
    await Promise.all([v.page.waitForURL(/\/authorities\//, { timeout: SETTLE }), field.press('Enter')]);
    expect(new URL(v.page.url()).pathname).toBe('/authorities/barnet/');
    await done(v);
  });

  test('typed: a markup payload says no council has that name, and runs nothing', async () => {
    const v = await visit('/');
    const field = v.page.locator('main [data-find-input]').first();
    await field.fill(PAYLOADS.markup);
    await seen(none(v.page), /No council has that name/);
    await done(v);
  });
});

describe('pages that read nothing from the address stay whole', () => {
  test.each([
    ['the map, with prototype names and a payload', `/map/?column=__proto__&q=${enc(PAYLOADS.script)}`],
    ['a judgement’s map, with broken encoding and markup in the fragment', `/map/care-leavers/?a=%E0%A4%A#${enc(PAYLOADS.markup)}`],
    ['an authority page, with 100,000 characters', `/authorities/barnet/?q=${enc(LONG)}`],
  ])('%s', async (_what, path) => {
    const v = await visit(path);
    await expect.poll(() => v.page.locator('h1').textContent(), { timeout: SETTLE }).toBeTruthy();
    await done(v);
  });
});
