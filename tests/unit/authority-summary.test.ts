import { describe, expect, it } from 'vitest';
import { flattenDocuments, groupInspections, latestGradedInspections, type DocumentLike } from '../../src/domain/derive.ts';
import { documentSchema } from '../../src/schemas/document.ts';
import { authoritySummary, direction, NO_OVERALL_TEXT, previousGraded } from '../../src/lib/views/authority-summary.ts';
import { givesNoOverall } from '../../src/domain/explore.ts';

const SOURCE = { licence: 'Open Government Licence v3.0', attribution: '© Crown copyright' };
const j = (grade: string) => ({ grade, evidence: `the grade was ${grade}` });

function report(authority: string, date: string, inspection: Record<string, unknown>): DocumentLike {
  const id = `ofsted/${authority}/${date}`;
  return {
    id,
    data: documentSchema().parse({
      source: SOURCE, issuer: 'Ofsted', title: `Inspection of ${authority}`, kind: 'ofsted_inspection_report', date, authority,
      inspections: [{ authority, role: 'subject', ...inspection }],
    }),
  };
}

function summaryOf(...documents: DocumentLike[]) {
  const groups = groupInspections(flattenDocuments(documents));
  const latest = latestGradedInspections(groups);
  const id = documents[0]!.data.authority;
  return authoritySummary(groups.filter((g) => g.authority === id), latest.get(id));
}

const sif2019 = report('exampleshire', '2019-03-01', {
  framework: 'sif', type: 'standard', start: '2019-01-14', end: '2019-01-25',
  judgements: { overall_effectiveness: j('requires_improvement'), help_and_protection: j('requires_improvement'), lscb: j('good') },
});
const ilacs2022 = report('exampleshire', '2022-07-01', {
  framework: 'ilacs', type: 'standard', start: '2022-05-09', end: '2022-05-20',
  judgements: {
    overall_effectiveness: j('good'), impact_of_leaders: j('good'), help_and_protection: j('good'), children_in_care_and_care_leavers: j('requires_improvement'),
  },
});
const focused2024 = {
  id: 'ofsted/exampleshire/2024-02-01',
  data: documentSchema().parse({
    source: SOURCE, issuer: 'Ofsted', title: 'Focused visit', kind: 'ofsted_letter', date: '2024-02-01', authority: 'exampleshire',
    inspections: [{ authority: 'exampleshire', role: 'subject', framework: 'ilacs', type: 'focused_visit', start: '2024-01-10', end: '2024-01-11', visit: { dates_evidence: 'This letter summarises the findings of a focused visit.', focus: { area: 'front_door', words: 'the arrangements for the front door' }, priority_actions: { areas: [] } } }],
  }),
};
const ilacs2026 = report('exampleshire', '2026-08-20', {
  framework: 'ilacs', type: 'not_stated', start: '2026-05-11', end: '2026-05-22',
  judgements: { impact_of_leaders: j('outstanding'), help_and_protection: j('good'), children_in_care: j('good'), care_leavers: j('outstanding') },
});

describe('the answer an authority page gives first', () => {
  it('is undefined without a graded inspection', () => {
    expect(authoritySummary([], undefined)).toBeUndefined();
  });

  it('gives the latest overall grade with its month and the change from the inspection before', () => {
    const s = summaryOf(ilacs2022, sif2019)!;
    expect(s.headline.grade).toBe('good');
    expect(`Good${s.headline.text}`).toBe('Good overall in May 2022, up from Requires improvement to be good in 2019');
    expect(s.inspection).toBe('ILACS standard inspection');
    expect(s.when).toBe('9 to 20 May 2022');
    expect(s.previous).toEqual({ label: 'SIF standard inspection', year: '2019' });
    expect(s.sources).toEqual([{ href: '/documents/ofsted/exampleshire/2022-07-01/', title: 'Inspection of exampleshire', kind: 'Ofsted inspection report' }]);
  });

  it('compares like with like: a change only for judgements both inspections graded', () => {
    const s = summaryOf(ilacs2022, sif2019)!;
    const byKey = Object.fromEntries(s.judgements.map((x) => [x.key, x.change?.text]));
    expect(byKey).toEqual({
      overall_effectiveness: 'up from Requires improvement to be good',
      impact_of_leaders: undefined,
      help_and_protection: 'up from Requires improvement to be good',
      children_in_care_and_care_leavers: undefined,
    });
    expect(s.judgements[0]!.href).toBe('/documents/ofsted/exampleshire/2022-07-01/#evidence-1-overall-effectiveness');
  });

  it('says when it is the first graded inspection, and skips visits that give no grades', () => {
    expect(`Good${summaryOf(ilacs2022)!.headline.text}`).toBe('Good overall in May 2022, its first graded inspection in our documents');
    const groups = groupInspections(flattenDocuments([ilacs2022, sif2019, focused2024]));
    const latest = latestGradedInspections(groups).get('exampleshire')!;
    expect(previousGraded(groups, latest)?.framework).toBe('sif');
  });

  it('for an ILACS inspection from April 2026, says there is no overall grade and never shows the older one as current', () => {
    const s = summaryOf(ilacs2026, ilacs2022, sif2019)!;
    expect(s.headline).toEqual({ text: NO_OVERALL_TEXT });
    expect(s.noOverall).toBe(NO_OVERALL_TEXT);
    expect(s.judgements.map((x) => x.key)).toEqual(['impact_of_leaders', 'help_and_protection', 'children_in_care', 'care_leavers']);
    expect(s.judgements.some((x) => x.key === 'overall_effectiveness')).toBe(false);
    expect(s.judgements.map((x) => x.change?.direction)).toEqual(['up', 'same', undefined, undefined]);
    expect(s.changeSummary).toBe('Against 2022, of the 2 judgements both inspections graded: 1 up, 1 the same. 2 were not graded as such in 2022.');
    expect(s.month).toBe('May 2026');
  });

  it('knows which inspections give no overall grade', () => {
    expect(givesNoOverall({ framework: 'ilacs', type: 'standard', start: '2026-04-01' })).toBe(true);
    expect(givesNoOverall({ framework: 'ilacs', type: 'standard', start: '2026-03-31' })).toBe(false);
    expect(givesNoOverall({ framework: 'sif', type: 'standard', start: '2016-03-01' })).toBe(false);
    expect(givesNoOverall({ framework: 'ilacs', type: 'focused_visit', start: '2026-05-01' })).toBe(false);
  });

  it('ranks Adequate with Requires improvement, as the grade that sat in its place', () => {
    expect(direction('requires_improvement', 'adequate')).toBe('same');
    expect(direction('good', 'inadequate')).toBe('up');
    expect(direction('inadequate', 'good')).toBe('down');
  });
});
