// What the authority page and /next-inspections/ say: the plain sentence for each status,
// the window in months, what it rests on, and the rows most pressing first.
import { describe, expect, test } from 'vitest';
import { flattenDocuments, groupInspections } from '../../src/domain/derive.ts';
import { nextInspectionView, nextInspectionsPage, windowText, type NextInspectionSite } from '../../src/lib/views/next-inspection.ts';
import type { AuthorityData } from '../../src/schemas/authority.ts';
import type { DocumentData } from '../../src/schemas/document.ts';
import type { Grade } from '../../src/domain/vocabulary.ts';

const authority = (id: string, name: string): AuthorityData => ({
  id, name, aliases: [], delivered_by: [], gss_codes: [{ code: 'E06000001' }], dfe_number: '805', ofsted_urn: null, region: 'North East', type: 'Unitary Authority',
  current: true, predecessors: [], successors: [], statistical_neighbours: [], population_0_to_25: null,
});
const doc = (who: string, start: string, end: string, grade: Grade): { id: string; data: DocumentData } => ({
  id: `ofsted/${who}/${end}`,
  data: {
    title: 't', kind: 'ofsted_inspection_report', issuer: 'Ofsted', date: end, authority: who, reviewed_by_hand: false, flags: [], source: { licence: 'OGL', attribution: 'Crown' },
    inspections: [{ authority: who, role: 'subject', framework: 'ilacs', type: 'not_stated', start, end, improvements: [], judgements: { overall_effectiveness: { grade, evidence: 'Overall effectiveness | x' } } }],
  },
});
const site: NextInspectionSite = {
  authorities: [authority('good', 'Goodshire'), authority('late', 'Lateham'), authority('bad', 'Badford'), authority('new', 'Newtown')],
  groups: groupInspections(flattenDocuments([
    doc('good', '2025-01-06', '2025-01-10', 'good'),
    doc('late', '2022-01-10', '2022-01-21', 'requires_improvement'),
    doc('bad', '2025-03-03', '2025-03-14', 'inadequate'),
  ])),
  built: '2026-08-20',
  newest: '2026-08-20',
};

describe('the authority page’s sentence', () => {
  test('a window within one year reads “between January and July 2027”', () => {
    expect(windowText({ from: '2027-01-12', to: '2027-07-12' })).toBe('between January and July 2027');
    expect(windowText({ from: '2026-07-12', to: '2027-07-12' })).toBe('between July 2026 and July 2027');
  });
  test('good: the window, the kind and why, and that Ofsted does not announce dates; the inspection and grade behind it', () => {
    const v = nextInspectionView('good', site);
    expect(v.sentence).toBe('Next full inspection expected between July 2027 and July 2028: a short inspection, as it was judged good. Ofsted does not announce dates.');
    expect(v.status).toBe('later');
    expect(v.basis).toMatchObject({ inspection: 'ILACS inspection, 6 to 10 January 2025', reportHref: '/documents/ofsted/good/2025-01-10/', grade: 'good' });
    expect(v.ruleText).toMatch(/third anniversary \(10 January 2028\)/);
  });
  test('overdue: says the window has closed and up to when our documents run', () => {
    const v = nextInspectionView('late', site);
    expect(v.statusLabel).toBe('Overdue');
    expect(v.sentence).toMatch(/^The next full inspection was expected between July 2024 and July 2025 \(a standard inspection, as it was judged to require improvement\); our documents, up to 20 August 2026, hold none since\./);
  });
  test('inadequate: no window, under monitoring, and that we hold no monitoring visits', () => {
    const v = nextInspectionView('bad', site);
    expect(v.sentence).toMatch(/^No window for the next full inspection: judged inadequate in March 2025/);
    expect(v.monitoringText).toMatch(/We hold no monitoring visit letters/);
    expect(v.ruleText).toBeUndefined();
  });
  test('no full inspection: no window, with the reason', () => {
    expect(nextInspectionView('new', site).sentence).toMatch(/No window for the next full inspection\. Our documents hold no full inspection/);
  });
});

test('/next-inspections/: every current council, most pressing first, with counts by status', () => {
  const page = nextInspectionsPage(site);
  expect(page.rows.map((r) => [r.id, r.status])).toEqual([['late', 'overdue'], ['good', 'later'], ['bad', 'under_monitoring'], ['new', 'no_window']]);
  expect(page.counts.find((c) => c.status === 'overdue')?.count).toBe(1);
  expect(page.asAt).toBe('as at 20 August 2026, the date of this build');
});

test('an inspection’s kind in the tables: derived from its days on site, said so; and its days to publish', async () => {
  const { inspectionFacts } = await import('../../src/lib/views/inspection-facts.ts');
  const base = { framework: 'ilacs' as const, type: 'not_stated' as const, graded: true };
  expect(inspectionFacts({ ...base, start: '2022-10-31', end: '2022-11-11', published: '2023-01-13' })).toEqual({
    kind: 'Standard', kindReason: 'derived from its 12 days on site; the report does not say which', derived: true, publish: 'published 63 days after the last day on site',
  });
  expect(inspectionFacts({ ...base, type: 'short', start: '2022-10-31', end: '2022-11-04' })).toMatchObject({ kind: 'Short', derived: false });
  expect(inspectionFacts({ ...base, start: '2019-07-08', end: '2019-08-08' })).toMatchObject({ kind: 'Short or standard not known', kindReason: expect.stringMatching(/32 days on site, neither one week nor two/) });
  expect(inspectionFacts({ framework: 'ilacs', type: 'focused_visit', graded: false, end: '2019-01-10', published: '2019-02-11' })).toEqual({ derived: false, publish: 'published 32 days after the last day on site' });
});
