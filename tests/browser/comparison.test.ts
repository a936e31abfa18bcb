// The comparison table: one row per current authority; the grades read there are the
// grades the source documents state, under the right columns, each linking to its quote.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { readAuthorities, readDocuments } from '../../src/lib/content-files.ts';
import { flattenDocuments, frameworkDate, groupInspections, latestGradedInspections } from '../../src/domain/derive.ts';
import { alignCells, COLUMNS } from '../../src/domain/alignment.ts';
import { GRADE_LABELS, type Grade, type JudgementKey } from '../../src/domain/vocabulary.ts';

const baseURL = inject('baseURL');
const { entries } = readDocuments();
const documents = entries.map((e) => ({ id: e.file.replace(/^content\/documents\//, '').replace(/\.md$/, ''), data: e.data }));
const latest = latestGradedInspections(groupInspections(flattenDocuments(documents)));
const current = readAuthorities().filter((a) => a.current);
const labelToGrade = new Map(Object.entries(GRADE_LABELS).map(([k, v]) => [v, k as Grade]));

interface CellText { text: string; grade: string | null; href: string | null; note: boolean }
interface Row { authority: string; href: string; cells: CellText[] }

let browser: Browser;
let page: Page;
let rows: Row[];
let headers: string[];
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${baseURL}/judgements/`);
  headers = await page.locator('table.comparison thead th').allTextContents();
  rows = await page.locator('table.comparison tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      authority: tr.querySelector('th a')!.textContent!.trim(),
      href: tr.querySelector('th a')!.getAttribute('href')!,
      cells: [...tr.querySelectorAll('td')].map((td) => ({
        text: td.textContent!.replace(/\s+/g, ' ').trim(),
        // A compact label (RI) keeps the full words in the link's name, "RI: Requires improvement to be good".
        grade: td.querySelector('a.grade')?.getAttribute('aria-label')?.replace(/^RI: /, '') ?? td.querySelector('a.grade')?.textContent?.trim() ?? null,
        href: td.querySelector('a.grade')?.getAttribute('href') ?? null,
        note: td.querySelector('a.note-ref') !== null,
      })),
    })),
  );
});
afterAll(async () => {
  await browser?.close();
});

describe('the comparison table', () => {
  test('has a caption, scoped headers and the aligned columns', async () => {
    await expect(page.locator('table.comparison caption').textContent()).resolves.toMatch(/latest graded inspection/i);
    expect(headers.map((h) => h.trim())).toEqual(['Authority', ...COLUMNS.map((c) => c.label), 'Date', 'Framework', 'Region']);
    const unscoped = await page.locator('table.comparison th:not([scope])').count();
    expect(unscoped).toBe(0);
  });

  test('lists every current authority once, with a link to its page', () => {
    expect(rows.map((r) => r.href).sort()).toEqual(current.map((a) => `/authorities/${a.id}/`).sort());
  });

  test('shows the grades the documents give for each authority’s latest inspection, under the right columns', () => {
    expect(latest.size).toBeGreaterThan(0);
    for (const authority of current) {
      const row = rows.find((r) => r.href === `/authorities/${authority.id}/`)!;
      const group = latest.get(authority.id);
      if (!group) {
        expect(row.cells.slice(0, -1).map((c) => c.text), authority.id).toEqual(['no graded inspection in our documents yet']);
        continue;
      }
      const judgements: Partial<Record<JudgementKey, { grade: Grade; href: string }>> = {};
      for (const [key, j] of Object.entries(group.judgements)) {
        judgements[key as JudgementKey] = { grade: j.grade, href: `/documents/${j.source.record.documentId}/#${j.source.judgement.anchor}` };
      }
      const cells = alignCells({ framework: group.framework, type: group.type, date: frameworkDate(group), judgements });
      const shown = row.cells.slice(0, COLUMNS.length); // the grades come first, then date, framework, region
      COLUMNS.forEach((column, i) => {
        const cell = cells[column.id];
        const td = shown[i]!;
        const where = `${authority.id} / ${column.label}`;
        if (cell.status === 'graded') {
          expect(td.grade, where).toBe(GRADE_LABELS[cell.value.grade]);
          expect(td.href, where).toBe(cell.value.href);
          expect(td.note, where).toBe(cell.aligned);
        } else {
          expect(td.grade, where).toBeNull();
          expect(td.text, where).toMatch(cell.status === 'not_given' ? /^not given/ : /^not stated/);
        }
      });
    }
  });

  test('every grade in the table is the grade its linked quote’s entry gives, for that authority', () => {
    let checked = 0;
    for (const row of rows) {
      const authorityId = row.href.split('/')[2];
      for (const cell of row.cells.filter((c) => c.href)) {
        const [, documentId, n, key] = /^\/documents\/(.+)\/#evidence-(\d+)-(.+)$/.exec(cell.href!)!;
        const inspection = documents.find((d) => d.id === documentId)!.data.inspections[Number(n) - 1]!;
        expect(inspection.authority).toBe(authorityId);
        expect(inspection.judgements[key!.replaceAll('-', '_') as JudgementKey]?.grade).toBe(labelToGrade.get(cell.grade!));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  test('a judgement the framework did not give reads “not given”, never a grade or a blank', () => {
    const texts = rows.flatMap((r) => r.cells.slice(0, COLUMNS.length).map((c) => c.text)).filter((t) => t !== '');
    expect(rows.every((r) => r.cells.every((c) => c.text.length > 0))).toBe(true);
    expect(texts.some((t) => /missing/i.test(t))).toBe(false);
  });
});
