// Source documents are untrusted. A fixture entry carries script, handler, URL and style
// payloads in every frontmatter field the pages show and in its body (as text the check
// lets through: code, entities, escaped tags). Built and opened in Chromium, nothing may
// run: no dialog, no global set by a payload, no handler or inline style from content.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeSiteCopy, type SiteCopy } from '../support/site-copy.ts';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic } from '../support/static-server.ts';
import { entryText, siteFiles, validDocument, VALID_BODY } from './fixtures.ts';

// Each payload, if it ever ran, would set window.__pwned or open a dialog.
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">',
  "'><iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
  'javascript:window.__pwned=1',
  '<a href="javascript:alert(1)">x</a>',
  '<style>body{display:none}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '</textarea><script>alert(1)</script>',
  '<details open ontoggle=alert(1)>',
  '<base href="javascript:/">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
];

function hostileDocument() {
  const doc = validDocument();
  const p = (i: number) => PAYLOADS[i % PAYLOADS.length]!;
  doc.title = `Hostile ${p(0)} title ${p(1)}`;
  doc.issuer = `Issuer ${p(2)}`;
  doc.meeting = `Meeting ${p(3)}`;
  doc.source = { licence: `Licence ${p(5)}`, attribution: `Attribution ${p(6)}`, file: `file ${p(7)}.pdf` };
  doc.flags = PAYLOADS.map((payload, i) => ({ field: `body ${p(i + 4)}`, message: `Flag ${payload}` }));
  doc.inspections[0].improvements = PAYLOADS.map((payload) => `Improve ${payload}`);
  doc.inspections[0].note = `Note ${p(8)}`;
  // A judgement whose quote is itself a payload, shown in the body as code.
  doc.inspections[0].judgements.impact_of_leaders.evidence = PAYLOADS[1]!;
  return doc;
}

const HOSTILE_BODY = `${VALID_BODY}
Payloads as code: ${PAYLOADS.map((p) => `\`${p}\``).join(' and ')}

Escaped: \\<script>window.__pwned=1\\</script> and &lt;img src=x onerror=alert(1)&gt;

[an ordinary link](https://example.org/"onmouseover="window.__pwned=1)

\`\`\`html
${PAYLOADS.join('\n')}
\`\`\`
`;

let copy: SiteCopy;
let browser: Browser;
let baseURL: string;
let close: () => void;

beforeAll(async () => {
  copy = makeSiteCopy(siteFiles({ 'ofsted/north-tyneside/2022-03-01.md': entryText(hostileDocument(), HOSTILE_BODY) }));
  const result = copy.build();
  if (result.status !== 0) throw new Error(`the hostile fixture did not build:\n${result.output.slice(-3000)}`);
  const served = await serveStatic(`${copy.dir}/dist`);
  baseURL = served.url;
  close = () => served.server.close();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  close?.();
  copy?.remove();
});

async function openAndWatch(path: string): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(`${baseURL}${path}`);
  expect(response?.status(), path).toBe(200);
  // Give any handler a chance to fire: hover and focus everything, toggle details.
  await page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('*'))) {
      el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      el.dispatchEvent(new FocusEvent('focus'));
    }
  });
  await page.waitForTimeout(200);
  return { page, dialogs, errors };
}

describe.each(['/documents/ofsted/north-tyneside/2022-03-01/', '/authorities/north-tyneside/', '/judgements/', '/data-quality/', '/'])(
  'hostile text on %s',
  (path) => {
    test('runs nothing and is shown as text', async () => {
      const { page, dialogs } = await openAndWatch(path);
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      // The site's own scripts are allowed: bundled files under /_astro/, or inline
      // scripts whose hash Astro put in the page's policy. Anything else came from content.
      const ownScripts = await page.evaluate(async () => {
        const policy = document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
        const own: string[] = [];
        for (const script of Array.from(document.querySelectorAll('main script'))) {
          const src = script.getAttribute('src');
          if (src) {
            if (src.startsWith('/_astro/')) own.push(src);
            continue;
          }
          const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script.textContent ?? ''));
          const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
          if (policy.includes(`'sha256-${hash}'`)) own.push(`inline sha256-${hash}`);
        }
        return own.length;
      });
      const fromContent = await page.evaluate(() => {
        const found: string[] = [];
        for (const el of Array.from(document.querySelectorAll('main *'))) {
          for (const attr of Array.from(el.attributes)) {
            if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'srcdoc') found.push(`${el.tagName} ${attr.name}`);
            if (/^\s*(javascript|data|vbscript):/i.test(attr.value)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
          }
          // The site's own "Find a council" form is not content.
          if (el.matches('form[data-find-council]')) continue;
          if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'FORM', 'STYLE'].includes(el.tagName)) found.push(el.tagName);
        }
        return found;
      });
      const scripts = fromContent.filter((f) => f === 'SCRIPT').length;
      expect(scripts, 'script elements in main that are not the site’s own').toBe(ownScripts);
      expect(fromContent.filter((f) => f !== 'SCRIPT')).toEqual([]);
      await page.close();
    });
  },
);

test('the document page shows the payloads as visible text', async () => {
  const { page } = await openAndWatch('/documents/ofsted/north-tyneside/2022-03-01/');
  const text = await page.locator('main').innerText();
  expect(text).toContain('<script>window.__pwned=1</script>');
  expect(text).toContain('<img src=x onerror="window.__pwned=1">');
  await page.close();
});
