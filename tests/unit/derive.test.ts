import { describe, expect, it } from 'vitest';
import {
  allDateDisagreements,
  allDisagreements,
  DOWNLOAD_COLUMNS,
  flattenDocuments,
  groupInspections,
  gssCodeOn,
  judgementRows,
  latestGradedInspections,
  type DocumentLike,
} from '../../src/domain/derive.ts';
import { documentSchema } from '../../src/schemas/document.ts';
import type { AuthorityData } from '../../src/schemas/authority.ts';

const SOURCE = { licence: 'Open Government Licence v3.0', attribution: '© Crown copyright' };

function doc(id: string, raw: Record<string, unknown>): DocumentLike {
  return { id, data: documentSchema().parse({ source: SOURCE, issuer: 'x', title: id, ...raw }) };
}

const j = (grade: string, evidence = `the grade was ${grade}`) => ({ grade, evidence });

// An Ofsted report and a council report restating it (one grade restated differently),
// a later focused visit, and an earlier SIF inspection the council report mentions.
const ofstedReport = doc('ofsted/exampleshire/2017-06-13', {
  kind: 'ofsted_inspection_report', date: '2017-06-13', authority: 'exampleshire',
  inspections: [{
    authority: 'exampleshire', role: 'subject', framework: 'sif', type: 'standard',
    start: '2017-02-27', end: '2017-03-23', published: '2017-06-13',
    judgements: { overall_effectiveness: j('good'), adoption: j('outstanding'), lscb: j('good') },
  }],
});
const councilReport = doc('seeds/001-exampleshire-cabinet-2017-07-10', {
  kind: 'council_report', date: '2017-07-10', authority: 'exampleshire',
  inspections: [
    {
      authority: 'exampleshire', role: 'subject', framework: 'sif', type: 'not_stated', published: '2017',
      judgements: { overall_effectiveness: j('good'), adoption: j('good', 'adoption was judged good') },
    },
    {
      authority: 'exampleshire', role: 'previous', framework: 'pre_2013', type: 'safeguarding', start: '2012',
      judgements: { safeguarding: j('adequate') },
    },
    {
      authority: 'otherton', role: 'comparison', framework: 'ilacs', type: 'not_stated', published: '2018',
      judgements: { overall_effectiveness: j('requires_improvement') },
    },
  ],
});
const focusedVisit = doc('ofsted/exampleshire/2018-06-04', {
  kind: 'ofsted_letter', date: '2018-06-04', authority: 'exampleshire',
  inspections: [
    {
      authority: 'exampleshire', role: 'subject', framework: 'ilacs', type: 'focused_visit', start: '2018-05-01', end: '2018-05-02',
      // A focused-visit letter records its visit (content model, df040b6).
      visit: {
        dates_evidence: 'a focused visit to Exampleshire children’s services on 1 and 2 May 2018',
        focus: { area: 'front_door', words: 'the local authority’s arrangements for the front door' },
        priority_actions: { areas: [] },
      },
    },
  ],
});

const documents = [ofstedReport, councilReport, focusedVisit];

const AUTHORITY: AuthorityData = {
  id: 'exampleshire', name: 'Exampleshire', aliases: [], delivered_by: [], dfe_number: '999', ofsted_urn: '1', region: 'North East',
  type: 'Unitary Authority', current: true, predecessors: [], successors: [], statistical_neighbours: [], population_0_to_25: null,
  gss_codes: [{ code: 'E10000001', to: '2019-03-31' }, { code: 'E06000999', from: '2019-04-01' }],
};

describe('flattening documents into inspection records', () => {
  it('gives each inspection a stable id, its evidence anchors and all its judgements', () => {
    const records = flattenDocuments(documents);
    expect(records.map((r) => r.id)).toEqual([
      'ofsted/exampleshire/2017-06-13#1',
      'seeds/001-exampleshire-cabinet-2017-07-10#1',
      'seeds/001-exampleshire-cabinet-2017-07-10#2',
      'seeds/001-exampleshire-cabinet-2017-07-10#3',
      'ofsted/exampleshire/2018-06-04#1',
    ]);
    expect(records[0]!.judgements.map((x) => [x.key, x.grade, x.anchor])).toEqual([
      ['overall_effectiveness', 'good', 'evidence-1-overall-effectiveness'],
      ['adoption', 'outstanding', 'evidence-1-adoption'],
      ['lscb', 'good', 'evidence-1-lscb'],
    ]);
    expect(records[2]!.judgements[0]!.anchor).toBe('evidence-2-safeguarding');
  });
});

describe('grouping sources of one inspection', () => {
  const groups = groupInspections(flattenDocuments(documents));

  it('puts the council restatement with the Ofsted report it restates, Ofsted first', () => {
    const sif = groups.find((g) => g.framework === 'sif')!;
    expect(sif.records.map((r) => r.documentId)).toEqual(['ofsted/exampleshire/2017-06-13', 'seeds/001-exampleshire-cabinet-2017-07-10']);
    expect(sif.primary.documentKind).toBe('ofsted_inspection_report');
    expect(sif.start).toBe('2017-02-27');
  });

  it('keeps inspections of other frameworks, dates or authorities apart', () => {
    expect(groups).toHaveLength(4);
    expect(groups.filter((g) => g.authority === 'exampleshire').map((g) => g.framework)).toEqual(['ilacs', 'sif', 'pre_2013']);
  });

  it('flags a judgement the sources grade differently, keeping both grades', () => {
    const disagreements = allDisagreements(groups);
    expect(disagreements).toHaveLength(1);
    expect(disagreements[0]!.key).toBe('adoption');
    expect(disagreements[0]!.sources.map((s) => [s.record.documentId, s.judgement.grade])).toEqual([
      ['ofsted/exampleshire/2017-06-13', 'outstanding'],
      ['seeds/001-exampleshire-cabinet-2017-07-10', 'good'],
    ]);
    const sif = groups.find((g) => g.framework === 'sif')!;
    expect(sif.judgements.adoption).toMatchObject({ grade: 'outstanding', disputed: true });
    expect(sif.judgements.overall_effectiveness).toMatchObject({ grade: 'good', disputed: false });
  });

  it('does not merge two inspections of the same framework in different years', () => {
    const later = doc('ofsted/exampleshire/2021-01-10', {
      kind: 'ofsted_inspection_report', date: '2021-01-10', authority: 'exampleshire',
      inspections: [{ authority: 'exampleshire', role: 'subject', framework: 'sif', type: 'reinspection', start: '2020-11-02', end: '2020-11-13', published: '2021-01-10', judgements: { overall_effectiveness: j('inadequate') } }],
    });
    const g = groupInspections(flattenDocuments([ofstedReport, later]));
    expect(g).toHaveLength(2);
    expect(allDisagreements(g)).toEqual([]);
  });
});

describe('sources that date one inspection differently', () => {
  const report = doc('ofsted/haringey/2018-12-14', {
    kind: 'ofsted_inspection_report', date: '2018-12-14', authority: 'haringey',
    inspections: [{ authority: 'haringey', role: 'subject', framework: 'ilacs', type: 'standard', start: '2018-10-29', end: '2018-11-09', published: '2018-12-14', judgements: { overall_effectiveness: j('requires_improvement') } }],
  });
  const council = doc('seeds/004-haringey-scrutiny-panel-2019-03-19', {
    kind: 'council_report', date: '2019-03-19', authority: 'haringey',
    inspections: [{ authority: 'haringey', role: 'subject', framework: 'ilacs', type: 'not_stated', start: '2018-10-22', end: '2018-11-09', published: '2018-12-14', judgements: { overall_effectiveness: j('good', 'judged good') } }],
  });
  const groups = groupInspections(flattenDocuments([report, council]));

  it('are still one inspection when the other dates agree, and the date difference is reported', () => {
    expect(groups).toHaveLength(1);
    expect(groups[0]!.start).toBe('2018-10-29');
    const dates = allDateDisagreements(groups);
    expect(dates.map((d) => [d.field, d.sources.map((s) => s.value)])).toEqual([['start', ['2018-10-29', '2018-10-22']]]);
    expect(allDisagreements(groups).map((d) => [d.key, d.sources.map((s) => s.judgement.grade)])).toEqual([['overall_effectiveness', ['requires_improvement', 'good']]]);
  });

  it('are two inspections when no date they share agrees', () => {
    const other = doc('seeds/x', {
      kind: 'council_report', date: '2019-03-19', authority: 'haringey',
      inspections: [{ authority: 'haringey', role: 'previous', framework: 'ilacs', type: 'not_stated', start: '2018-10-01', end: '2018-11-30', judgements: {} }],
    });
    expect(groupInspections(flattenDocuments([report, other]))).toHaveLength(2);
  });
});

describe('a mention dated only by the month the inspection took place', () => {
  // Isle of Wight: the report's inspection ran from 30 October to 3 November 2023; a 2024
  // letter recalls "the last inspection in November 2023", recorded as a start of 2023-11.
  const report = doc('ofsted/isle-of-wight/2023-12-15', {
    kind: 'ofsted_inspection_report', date: '2023-12-15', authority: 'isle-of-wight',
    inspections: [{ authority: 'isle-of-wight', role: 'subject', framework: 'ilacs', type: 'not_stated', start: '2023-10-30', end: '2023-11-03', published: '2023-12-15', judgements: { overall_effectiveness: j('good') } }],
  });
  const letter = (start: string) =>
    doc(`ofsted-letters/isle-of-wight/${start}`, {
      kind: 'council_report', date: '2024-12-05', authority: 'isle-of-wight',
      inspections: [{ authority: 'isle-of-wight', role: 'previous', framework: 'ilacs', type: 'not_stated', start, judgements: { overall_effectiveness: j('good', 'judged as good overall') } }],
    });

  it('is the inspection whose days fall in that month, with no date disagreement, and the report stays the latest', () => {
    const groups = groupInspections(flattenDocuments([report, letter('2023-11')]));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.records.map((r) => r.documentId)).toEqual(['ofsted/isle-of-wight/2023-12-15', 'ofsted-letters/isle-of-wight/2023-11']);
    expect(allDateDisagreements(groups)).toEqual([]);
    expect(latestGradedInspections(groups).get('isle-of-wight')!.primary.documentId).toBe('ofsted/isle-of-wight/2023-12-15');
  });

  it('is another inspection when none of its days fall in that month', () => {
    expect(groupInspections(flattenDocuments([report, letter('2023-09')]))).toHaveLength(2);
  });
});

describe('an undated restatement', () => {
  const earlier = doc('ofsted/stockton-on-tees/2012-10-01', {
    kind: 'ofsted_inspection_report', date: '2012-10-01', authority: 'stockton-on-tees',
    inspections: [{ authority: 'stockton-on-tees', role: 'subject', framework: 'pre_2013', type: 'safeguarding', start: '2012-08-01', judgements: { overall_effectiveness: j('adequate') } }],
  });
  const sif = doc('ofsted/stockton-on-tees/2016-08-05', {
    kind: 'ofsted_inspection_report', date: '2016-08-05', authority: 'stockton-on-tees',
    inspections: [{ authority: 'stockton-on-tees', role: 'subject', framework: 'sif', type: 'standard', start: '2016-05-23', end: '2016-06-16', published: '2016-08-05', judgements: { overall_effectiveness: j('good') } }],
  });
  const later = doc('ofsted/stockton-on-tees/2019-01-10', {
    kind: 'ofsted_inspection_report', date: '2019-01-10', authority: 'stockton-on-tees',
    inspections: [{ authority: 'stockton-on-tees', role: 'subject', framework: 'sif', type: 'reinspection', start: '2018-11-05', end: '2018-11-16', judgements: { overall_effectiveness: j('good') } }],
  });
  const council = doc('seeds/003-stockton', {
    kind: 'council_report', date: '2016-09-01', authority: 'stockton-on-tees',
    inspections: [{ authority: 'stockton-on-tees', role: 'subject', framework: 'sif', type: 'not_stated', judgements: { overall_effectiveness: j('outstanding', 'judged outstanding') } }],
  });

  it('joins the latest inspection of its framework that ended by the document date, and is compared with it', () => {
    const groups = groupInspections(flattenDocuments([earlier, sif, later, council]));
    expect(groups).toHaveLength(3);
    const joined = groups.find((g) => g.records.some((r) => r.documentId === 'seeds/003-stockton'))!;
    expect(joined.primary.documentId).toBe('ofsted/stockton-on-tees/2016-08-05');
    expect(allDisagreements(groups).map((d) => d.sources.map((s) => s.judgement.grade))).toEqual([['good', 'outstanding']]);
  });

  it('stays on its own when no inspection of its framework came before it', () => {
    const groups = groupInspections(flattenDocuments([earlier, later, council]));
    expect(groups).toHaveLength(3);
    expect(groups.find((g) => g.records.some((r) => r.documentId === 'seeds/003-stockton'))!.records).toHaveLength(1);
  });
});

describe('latest graded inspection', () => {
  it('skips focused visits and letters: the latest graded one is the SIF inspection', () => {
    const latest = latestGradedInspections(groupInspections(flattenDocuments(documents)));
    expect(latest.get('exampleshire')?.framework).toBe('sif');
    expect(latest.get('otherton')?.framework).toBe('ilacs');
  });

  it('an authority with only a focused visit has no latest graded inspection', () => {
    expect(latestGradedInspections(groupInspections(flattenDocuments([focusedVisit]))).has('exampleshire')).toBe(false);
  });

  it('a newer graded inspection replaces an older one', () => {
    const later = doc('ofsted/exampleshire/2019-01-10', {
      kind: 'ofsted_inspection_report', date: '2019-01-10', authority: 'exampleshire',
      inspections: [{ authority: 'exampleshire', role: 'subject', framework: 'ilacs', type: 'standard', start: '2018-11-05', end: '2018-11-16', judgements: { overall_effectiveness: j('good') } }],
    });
    const latest = latestGradedInspections(groupInspections(flattenDocuments([...documents, later])));
    expect(latest.get('exampleshire')?.primary.documentId).toBe('ofsted/exampleshire/2019-01-10');
  });
});

describe('downloads', () => {
  it('uses the GSS code in operation at the inspection date', () => {
    expect(gssCodeOn(AUTHORITY, '2017-02-27')).toBe('E10000001');
    expect(gssCodeOn(AUTHORITY, '2020-01-01')).toBe('E06000999');
  });

  it('gives one row per judgement with exactly the documented columns', () => {
    const rows = judgementRows(flattenDocuments(documents), [AUTHORITY]);
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(Object.keys(row)).toEqual([...DOWNLOAD_COLUMNS]);
    const adoption = rows.filter((r) => r.judgement === 'adoption');
    expect(adoption.map((r) => [r.source_document, r.grade, r.evidence])).toEqual([
      ['ofsted/exampleshire/2017-06-13', 'outstanding', 'the grade was outstanding'],
      ['seeds/001-exampleshire-cabinet-2017-07-10', 'good', 'adoption was judged good'],
    ]);
    const safeguarding = rows.find((r) => r.judgement === 'safeguarding')!;
    expect(safeguarding).toMatchObject({ authority_name: 'Exampleshire', gss_code: 'E10000001', inspection_start: '2012', inspection_end: null, grade: 'adequate', framework: 'pre_2013' });
    expect(rows.find((r) => r.authority_id === 'otherton')).toMatchObject({ authority_name: null, inspection_id: 'seeds/001-exampleshire-cabinet-2017-07-10#3' });
  });
});

describe('sources that disagree on a date, in the real content', () => {
  // Issue 14, class 6: Haringey's scrutiny report (seed 004) starts the 2018 inspection on 22 October, Ofsted's report on 29 October.
  it('finds that Haringey’s scrutiny report and Ofsted’s report disagree on the 2018 inspection’s start', async () => {
    const { readDocuments } = await import('../../src/lib/content-files.ts');
    const documents = readDocuments().entries.map((e) => ({ id: e.file.replace(/^content\/documents\//, '').replace(/\.md$/, ''), data: e.data }));
    const found = allDateDisagreements(groupInspections(flattenDocuments(documents))).filter((d) => d.authority === 'haringey');
    const start = found.find((d) => d.field === 'start' && d.sources.some((s) => s.value === '2018-10-22'));
    expect(start, JSON.stringify(found.map((d) => [d.field, d.sources.map((s) => [s.record.id, s.value])]))).toBeDefined();
    expect(start!.sources.map((s) => s.value).sort()).toEqual(['2018-10-22', '2018-10-29']);
    expect(start!.sources.map((s) => s.record.documentId ?? s.record.id).join(' ')).toMatch(/ofsted\/haringey\/2018-12-14/);
  });
});
