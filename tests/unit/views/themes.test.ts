// The improvement-theme pages: each theme counted (improvements, from visits, authorities,
// years), and one theme's counts by year and its sentences by authority, each once, linked
// to its place in its document, with an editor's choice marked.
import { describe, expect, test } from 'vitest';
import { improvementsByTheme, tagImprovements } from '../../../src/domain/improvements.ts';
import { THEME_BY_ID } from '../../../src/domain/themes.ts';
import type { DocumentEntry } from '../../../src/lib/site-data.ts';
import { themePaths, themesView, themeView } from '../../../src/lib/views/themes.ts';
import { authority, report, smallSite } from './small-site.ts';

/** A report whose inspection lists these improvements, and an editor's themes for some. */
function withImprovements(doc: DocumentEntry, improvements: string[], themes?: Record<string, string[]>): DocumentEntry {
  Object.assign(doc.data.inspections[0]!, { improvements, ...(themes ? { improvement_themes: themes } : {}) });
  return doc;
}

const small = smallSite(
  [authority('ash', 'Ash'), authority('birch', 'Birch'), authority('cedar', 'Cedar'), authority('zed', 'Aardvark Vale')],
  [
    withImprovements(report('ofsted/ash/2022', { authority: 'ash', start: '2022-05-09', end: '2022-05-20', grades: { overall_effectiveness: 'good' } }), ['Management oversight of casework.', 'The response to domestic abuse.']),
    // The council restates the same inspection and its list: each sentence is counted once.
    withImprovements(report('seeds/ash-cabinet', { authority: 'ash', start: '2022-05-09', end: '2022-05-20', grades: { overall_effectiveness: 'good' } }, { kind: 'council_report', issuer: 'Ash Council', date: '2022-09-01' }), ['Management oversight of casework.']),
    withImprovements(report('ofsted/birch/2019', { authority: 'birch', framework: 'sif', end: '2019-03-01', grades: { overall_effectiveness: 'inadequate' } }), ['Timeliness of visits to children.'], { '1': ['management_oversight'] }),
    withImprovements(report('ofsted/cedar/2024', { authority: 'cedar', type: 'focused_visit', start: '2024-03-05', end: '2024-03-06' }), ['Supervision in the front door.']),
    withImprovements(report('ofsted/zed/2023', { authority: 'zed', end: '2023-01-10', grades: { overall_effectiveness: 'good' } }), ['Supervision of newly qualified social workers.']),
  ],
);
const tagged = tagImprovements(small.groups, small.documentById);
const site = { ...small, taggedImprovements: tagged, improvementsByTheme: improvementsByTheme(tagged) };
const oversight = THEME_BY_ID.get('management_oversight')!;

describe('themesView', () => {
  const view = themesView(site);
  const row = view.rows.find((r) => r.label === oversight.label)!;

  test('counts every improvement once, those from focused visits, and those no theme matches', () => {
    expect([view.total, view.fromVisits, view.untagged]).toEqual([5, 1, 1]);
  });

  test('a row per theme in vocabulary order, linked to its page, with its counts and years', () => {
    expect(view.rows.map((r) => r.href).slice(0, 2)).toEqual(['/themes/management-oversight/', '/themes/assessment-quality/']);
    expect(row).toEqual({ label: 'Management oversight and supervision', href: '/themes/management-oversight/', description: oversight.description, count: 4, fromVisits: 1, authorities: 4, years: '2019 to 2024' });
    expect(view.rows.find((r) => r.href === '/themes/private-fostering/')).toMatchObject({ count: 0, years: '—' });
  });
});

describe('themeView', () => {
  const view = themeView(oversight, site);

  test('says how often and for how many authorities, with the words that tag a sentence', () => {
    expect([view.count, view.authorities]).toEqual([4, 4]);
    expect(view.inSentence).toBe('management oversight and supervision');
    expect(view.examples).toBe('“management oversight”, “oversight by managers” or “supervision”');
  });

  test('counts by year, newest first', () => {
    expect(view.years).toEqual([
      { year: '2024', count: 1, fromVisits: 1, authorities: 1 },
      { year: '2023', count: 1, fromVisits: 0, authorities: 1 },
      { year: '2022', count: 1, fromVisits: 0, authorities: 1 },
      { year: '2019', count: 1, fromVisits: 0, authorities: 1 },
    ]);
  });

  test('the sentences by authority A to Z by name, each linked to its place, an editor’s choice marked', () => {
    expect(view.byAuthority.map((a) => [a.name, a.anchor, a.href])).toEqual([
      ['Aardvark Vale', 'authority-zed', '/authorities/zed/'],
      ['Ash', 'authority-ash', '/authorities/ash/'],
      ['Birch', 'authority-birch', '/authorities/birch/'],
      ['Cedar', 'authority-cedar', '/authorities/cedar/'],
    ]);
    expect(view.byAuthority[1]!.sentences).toEqual([
      { text: 'Management oversight of casework.', href: '/documents/ofsted/ash/2022/#improvement-1-1', note: 'ILACS standard inspection, 9 to 20 May 2022' },
    ]);
    expect(view.byAuthority[2]!.sentences[0]!.note).toMatch(/; theme set by an editor$/);
    expect(view.byAuthority[3]!.sentences[0]!.note).toBe('ILACS focused visit, 5 to 6 March 2024');
  });
});

test('themePaths: one page per theme, addressed by its slug', () => {
  expect(themePaths().slice(0, 2).map((p) => p.slug)).toEqual(['management-oversight', 'assessment-quality']);
});
