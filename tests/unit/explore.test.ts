// Region ranking: computed from the latest graded inspections, ties shared, unranked
// authorities never given a grade, and the "as at" date is the latest inspection used.
import { describe, expect, test } from 'vitest';
import { ordinal, rankAuthorities, slugify } from '../../src/domain/explore.ts';
import { flattenDocuments, groupInspections, inspectionDate, latestGradedInspections } from '../../src/domain/derive.ts';
import { sortKey } from '../../src/domain/dates.ts';
import { GRADE_ORDER } from '../../src/domain/vocabulary.ts';
import { readAuthorities, readDocuments } from '../../src/lib/content-files.ts';
import type { DocumentData } from '../../src/schemas/document.ts';
import type { AuthorityData } from '../../src/schemas/authority.ts';

const authority = (id: string, name: string): AuthorityData => ({
  id, name, aliases: [], delivered_by: [], gss_codes: [{ code: 'E06000001' }], dfe_number: '805', ofsted_urn: null, region: 'North East', type: 'Unitary Authority',
  current: true, predecessors: [], successors: [], statistical_neighbours: [], population_0_to_25: null,
});
const doc = (id: string, who: string, end: string, overall: 'good' | 'outstanding' | 'inadequate' | undefined): { id: string; data: DocumentData } => ({
  id,
  data: {
    title: 't', kind: 'ofsted_inspection_report', issuer: 'Ofsted', date: end, authority: who, reviewed_by_hand: false, flags: [],
    source: { licence: 'OGL', attribution: 'Crown' },
    inspections: [{
      authority: who, role: 'subject', framework: 'ilacs', type: 'standard', start: end, end, improvements: [],
      judgements: overall ? { overall_effectiveness: { grade: overall, evidence: 'Overall effectiveness | x' } } : { impact_of_leaders: { grade: 'good', evidence: 'Impact of leaders | Good' } },
    }],
  },
});

describe('rankAuthorities', () => {
  const as = [authority('a', 'Alpha'), authority('b', 'Bravo'), authority('c', 'Charlie'), authority('d', 'Delta'), authority('e', 'Echo')];
  const latest = latestGradedInspections(groupInspections(flattenDocuments([
    doc('1', 'a', '2022-05-01', 'good'),
    doc('2', 'b', '2023-02-10', 'outstanding'),
    doc('3', 'c', '2021-11-20', 'good'),
    doc('4', 'd', '2026-06-01', undefined),
  ])));
  const ranking = rankAuthorities('North East', as, latest);

  test('best grade first; equal grades share a rank and read A to Z; competition ranking skips', () => {
    expect(ranking.ranked.map((r) => [r.authority.id, r.rank, r.joint])).toEqual([
      ['b', 1, false],
      ['a', 2, true],
      ['c', 2, true],
      ['d', undefined, false],
      ['e', undefined, false],
    ]);
    expect(ranking.top.map((r) => r.authority.id)).toEqual(['b']);
  });

  test('an authority without an overall grade or without a graded inspection is unranked, with the reason', () => {
    expect(ranking.ranked.find((r) => r.authority.id === 'd')!.unranked).toBe('no overall effectiveness grade');
    expect(ranking.ranked.find((r) => r.authority.id === 'e')!.unranked).toBe('no graded inspection');
  });

  test('the ranking holds as at the latest inspection it uses', () => {
    expect(ranking.asAt).toBe('2026-06-01');
  });
});

describe('the regions of the real content', () => {
  const { entries } = readDocuments();
  const documents = entries.map((e) => ({ id: e.file.replace(/^content\/documents\//, '').replace(/\.md$/, ''), data: e.data }));
  const latest = latestGradedInspections(groupInspections(flattenDocuments(documents)));
  const current = readAuthorities().filter((a) => a.current);
  const regions = [...new Set(current.map((a) => a.region))];

  test.each(regions)('%s: ranks follow the grades, and every current authority appears once', (region) => {
    const members = current.filter((a) => a.region === region);
    const ranking = rankAuthorities(region, members, latest);
    expect(ranking.ranked.map((r) => r.authority.id).sort()).toEqual(members.map((a) => a.id).sort());
    const ranked = ranking.ranked.filter((r) => r.rank !== undefined);
    for (const r of ranked) {
      expect(r.grade).toBe(latest.get(r.authority.id)!.judgements.overall_effectiveness!.grade);
      const better = ranked.filter((o) => GRADE_ORDER[o.grade!] < GRADE_ORDER[r.grade!]).length;
      expect(r.rank).toBe(better + 1);
    }
    const dates = members.map((a) => latest.get(a.id)).filter(Boolean).map((g) => sortKey(inspectionDate(g!)));
    expect(sortKey(ranking.asAt)).toBe(dates.sort().at(-1));
  });
});

test('slugify and ordinal', () => {
  expect(slugify('Yorkshire and the Humber')).toBe('yorkshire-and-the-humber');
  expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']);
});
