// The comparison table both the pre-rendered comparisons and the compare page's picker draw:
// its years, its cells and its markup (the built pages hold the rest: a change to the markup
// shows in the diff of dist/, and tests/browser/explore-pages.test.ts reads both tables).
import { describe, expect, test } from 'vitest';
import { compareTable, compareTableHtml, type AuthorityHistory } from '../../src/lib/compare-table.ts';

const ash: AuthorityHistory = {
  name: 'Ash',
  href: '/authorities/ash/',
  inspections: [
    { year: '2019', label: 'SIF standard inspection, 1 March 2019', graded: true, grade: 'inadequate', gradeLabel: 'Inadequate', evidence: '/documents/ash/2019/#overall' },
    { year: '2019', label: 'ILACS monitoring visit, 1 November 2019', graded: false },
    { year: '2021', label: 'ILACS focused visit, 2021', graded: true },
  ],
};
const birch: AuthorityHistory = { name: 'Birch & <Co>', href: '/authorities/birch/', inspections: [{ year: '2022', label: "The council's review", graded: false }] };
const none: AuthorityHistory = { name: 'Cedar', href: '/authorities/cedar/', inspections: [] };

describe('compareTable', () => {
  test('a row per year from the latest inspection of any column to the earliest, newest first, years with none kept', () => {
    const table = compareTable('Ash and Birch', 'the-caption', [ash, birch, none]);
    expect(table.columns).toEqual([{ name: 'Ash', href: '/authorities/ash/' }, { name: 'Birch & <Co>', href: '/authorities/birch/' }, { name: 'Cedar', href: '/authorities/cedar/' }]);
    expect(table.rows.map((r) => r.year)).toEqual(['2022', '2021', '2020', '2019']);
    expect(table.rows[2]!.cells).toEqual([[], [], []]);
    expect(table.rows[3]!.cells[0]!.map((i) => i.label)).toEqual(['SIF standard inspection, 1 March 2019', 'ILACS monitoring visit, 1 November 2019']);
  });

  test('no rows when none of the authorities has an inspection', () => {
    expect(compareTable('Cedar', 'c', [none, none]).rows).toEqual([]);
  });
});

describe('compareTableHtml', () => {
  const html = compareTableHtml(compareTable('Ash & Birch', 'the-caption', [ash, birch]));

  test('a scrolling box labelled by the caption, a linked heading per authority', () => {
    expect(html).toMatch(/^<section class="table-wrap" aria-labelledby="the-caption" tabindex="0"><table class="compare-table"><caption id="the-caption">Ash &amp; Birch<\/caption>/);
    expect(html).toContain('<thead><tr><th scope="col">Year</th><th scope="col"><a href="/authorities/ash/">Ash</a></th><th scope="col"><a href="/authorities/birch/">Birch &amp; &lt;Co&gt;</a></th></tr></thead>');
  });

  test('a grade is its words linked to its sentence; else whether the inspection graded anything', () => {
    expect(html).toContain(
      '<tr><th scope="row">2019</th><td><ul class="grade-list"><li><a class="grade grade-inadequate" href="/documents/ash/2019/#overall">Inadequate</a><br><span class="muted small">SIF standard inspection, 1 March 2019</span></li><li><span class="muted">no grades</span><br><span class="muted small">ILACS monitoring visit, 1 November 2019</span></li></ul></td><td></td></tr>',
    );
    expect(html).toContain('<span class="muted">no overall grade</span><br><span class="muted small">ILACS focused visit, 2021</span>');
  });

  test('escapes text as Astro does', () => {
    expect(html).toContain('<span class="muted small">The council&#39;s review</span>');
    expect(html).not.toMatch(/<Co>|& /);
  });
});
