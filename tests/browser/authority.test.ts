// A reader opens an authority page, reads its latest grades, and follows a grade to the
// sentence in the source document that states it. Expected values come from the
// content entries (src/lib/content-files.ts), not from copies of what the pages print.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { readAuthorities, readDocuments } from '../../src/lib/content-files.ts';
import { flattenDocuments, groupInspections, latestGradedInspections } from '../../src/domain/derive.ts';
import { normaliseWhitespace } from '../../src/domain/evidence.ts';
import { GRADE_LABELS, JUDGEMENT_KEYS, JUDGEMENT_LABELS } from '../../src/domain/vocabulary.ts';
import { SHORT_JUDGEMENT_LABELS } from '../../src/lib/format.ts';

const baseURL = inject('baseURL');
const { entries } = readDocuments();
const documents = entries.map((e) => ({ id: e.file.replace(/^content\/documents\//, '').replace(/\.md$/, ''), data: e.data }));
const latest = latestGradedInspections(groupInspections(flattenDocuments(documents)));
const authorities = readAuthorities();
const withGrades = authorities.filter((a) => latest.has(a.id));

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('an authority page', () => {
  test('the content has authorities with graded inspections to read', () => {
    expect(withGrades.length).toBeGreaterThan(0);
  });

  test('shows the latest graded inspection’s grades, each as a word linked to its source', async () => {
    for (const authority of withGrades) {
      const group = latest.get(authority.id)!;
      await page.goto(`${baseURL}/authorities/${authority.id}/`);
      await expect(page.locator('h1').textContent()).resolves.toContain(authority.name);
      const rows = await page.locator('table:has(caption#latest-caption) tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          judgement: tr.querySelector('th')!.textContent!.trim(),
          fullJudgement: tr.querySelector('th [title]')!.getAttribute('title'),
          grade: tr.querySelector('td a.grade')!.textContent!.trim(),
          href: tr.querySelector('a.grade')!.getAttribute('href'),
        })),
      );
      const expected = JUDGEMENT_KEYS.filter((k) => group.judgements[k]).map((k) => {
        const j = group.judgements[k]!;
        return {
          judgement: SHORT_JUDGEMENT_LABELS[k],
          fullJudgement: JUDGEMENT_LABELS[k],
          grade: GRADE_LABELS[j.grade],
          href: `/documents/${j.source.record.documentId}/#${j.source.judgement.anchor}`,
        };
      });
      expect(rows, authority.id).toEqual(expected);
    }
  });

  test('says plainly when there is no graded inspection, and only then', async () => {
    const without = authorities.filter((a) => !latest.has(a.id));
    // Every authority without one says so; a sample of those with one do not.
    for (const authority of [...without, ...withGrades.slice(0, 5)]) {
      await page.goto(`${baseURL}/authorities/${authority.id}/`);
      const text = (await page.locator('#latest + *').textContent()) ?? '';
      expect(/No graded inspection in our documents yet/.test(text), authority.id).toBe(!latest.has(authority.id));
    }
  });

  test('following a grade lands on its quote, visible and highlighted', async () => {
    for (const authority of withGrades.slice(0, 5)) {
      await page.goto(`${baseURL}/authorities/${authority.id}/`);
      const link = page.locator('table:has(caption#latest-caption) td:nth-child(2) a.grade').first();
      const href = (await link.getAttribute('href'))!;
      await link.click();
      await page.waitForURL((url) => url.pathname + url.hash === href);
      const [documentId, anchor] = href.replace(/^\/documents\//, '').split('/#') as [string, string];
      const entry = documents.find((d) => d.id === documentId)!;
      const [, n, key] = /^evidence-(\d+)-(.+)$/.exec(anchor)!;
      const quote = entry.data.inspections[Number(n) - 1]!.judgements[key!.replaceAll('-', '_') as 'overall_effectiveness']!.evidence;

      const state = await page.evaluate(() => {
        const target = document.querySelector(':target')!;
        const mark = target.closest('mark.evidence')!;
        const block = mark.closest('.evidence-block')!;
        const other = document.querySelector('mark.evidence:not(:target):not(:has(:target))');
        const rect = mark.getBoundingClientRect();
        return {
          tag: mark.tagName,
          blockText: block.textContent,
          markText: mark.textContent,
          inView: rect.bottom > 0 && rect.top < window.innerHeight && rect.width > 0,
          targetOutline: getComputedStyle(mark).outlineStyle,
          targetBackground: getComputedStyle(mark).backgroundColor,
          otherBackground: other ? getComputedStyle(other).backgroundColor : null,
        };
      });
      expect(state.tag).toBe('MARK');
      expect(normaliseWhitespace(state.blockText!)).toContain(normaliseWhitespace(quote).split(' | ')[0]);
      expect(normaliseWhitespace(quote).startsWith(normaliseWhitespace(state.markText!))).toBe(true);
      expect(state.inView).toBe(true);
      expect(state.targetOutline).toBe('solid');
      if (state.otherBackground) expect(state.targetBackground).not.toBe(state.otherBackground);
    }
  });
});

describe('an inspection under the framework used from April 2026', () => {
  test('the timeline marks it as giving no overall grade, so the line never ends at an older grade as if current', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/authorities/lancashire/`);
    const label = await page.locator('figure.timeline svg').getAttribute('aria-label');
    expect(label).toMatch(/no overall grade: not given from April 2026 \(ILACS[^)]*May 2026\)\.$/);
    expect(await page.locator('figure.timeline .tl-ungraded').count()).toBe(1);
    await page.close();
  });
});
