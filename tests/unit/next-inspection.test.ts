// The next-inspection window: the framework's rule (six months either side of the third
// anniversary; short after good or outstanding, standard after requires improvement; no
// window when inadequate), the status on the build's date, the rule's hit rate on pairs
// of consecutive inspections, the estimate from recent gaps, and every current council
// of the real content with a window or the reason it has none.
import { describe, expect, test } from 'vitest';
import { flattenDocuments, groupInspections, type InspectionGroup } from '../../src/domain/derive.ts';
import {
  addMonths,
  estimateWindows,
  inspectionPairs,
  nextInspection,
  ruleHitRates,
  ruleKind,
  ruleWindow,
  type Estimate,
} from '../../src/domain/next-inspection.ts';
import { siteCurrency } from '../../src/domain/currency.ts';
import { readAuthorities, readDocuments } from '../../src/lib/content-files.ts';
import type { DocumentData } from '../../src/schemas/document.ts';
import type { Grade, InspectionType } from '../../src/domain/vocabulary.ts';

type Inspection = DocumentData['inspections'][number];
const inspection = (who: string, start: string, end: string, grade: Grade | undefined, type: InspectionType = 'not_stated', framework: Inspection['framework'] = 'ilacs'): Inspection => ({
  authority: who, role: 'subject', framework, type, start, end, improvements: [],
  judgements: grade ? { overall_effectiveness: { grade, evidence: 'Overall effectiveness | x' } } : type === 'monitoring_visit' ? {} : { impact_of_leaders: { grade: 'good', evidence: 'x' } },
});
const doc = (id: string, i: Inspection): { id: string; data: DocumentData } => ({
  id,
  data: { title: 't', kind: i.type === 'monitoring_visit' ? 'ofsted_letter' : 'ofsted_inspection_report', issuer: 'Ofsted', date: i.end!, authority: i.authority, reviewed_by_hand: false, flags: [], source: { licence: 'OGL', attribution: 'Crown' }, inspections: [i] },
});
const groupsOf = (...inspections: Inspection[]): InspectionGroup[] => groupInspections(flattenDocuments(inspections.map((i, n) => doc(`d${n}`, i))));
const none = new Map<'short' | 'standard', Estimate>();

describe('the rule', () => {
  test('six months either side of the third anniversary of the last day on site', () => {
    expect(ruleWindow('2023-05-12')).toEqual({ from: '2025-11-12', to: '2026-11-12', anniversary: '2026-05-12' });
  });
  test('a month-end day stays inside the shorter month; a date known to the month widens the window', () => {
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(ruleWindow('2023-05')).toEqual({ from: '2025-11-01', to: '2026-11-30', anniversary: '2026-05-01' });
  });
  test('short after good or outstanding, standard after requires improvement, none after inadequate', () => {
    expect(ruleKind('good')).toBe('short');
    expect(ruleKind('outstanding')).toBe('short');
    expect(ruleKind('requires_improvement')).toBe('standard');
    expect(ruleKind('inadequate')).toBeUndefined();
  });
});

describe('where a council stands on the build date', () => {
  const today = '2026-08-20';
  test('due now inside the window, with the kind the grade gives', () => {
    const n = nextInspection('a', groupsOf(inspection('a', '2023-05-08', '2023-05-12', 'good')), today, none);
    expect(n.status).toBe('due_now');
    expect(n.kind).toBe('short');
    expect(n.kindReason).toBe('a short inspection, as it was judged good');
    expect(n.basis?.date).toBe('2023-05-12');
  });
  test('due in the next six months, later, and overdue once the window has closed with no inspection since', () => {
    expect(nextInspection('a', groupsOf(inspection('a', '2024-06-03', '2024-06-14', 'requires_improvement')), today, none)).toMatchObject({ status: 'due_soon', kind: 'standard' });
    expect(nextInspection('a', groupsOf(inspection('a', '2025-01-06', '2025-01-10', 'good')), today, none).status).toBe('later');
    expect(nextInspection('a', groupsOf(inspection('a', '2021-11-01', '2021-11-12', 'requires_improvement')), today, none).status).toBe('overdue');
  });
  test('the latest inspection counts: an older one does not make a council overdue', () => {
    const n = nextInspection('a', groupsOf(inspection('a', '2019-01-07', '2019-01-11', 'good'), inspection('a', '2025-06-02', '2025-06-06', 'outstanding')), today, none);
    expect(n.basis?.grade).toBe('outstanding');
    expect(n.status).toBe('later');
  });
  test('inadequate: no window, under monitoring, with the visits held since (or none)', () => {
    const without = nextInspection('a', groupsOf(inspection('a', '2025-02-03', '2025-02-14', 'inadequate')), today, none);
    expect(without).toMatchObject({ status: 'under_monitoring', monitoring: { visits: 0 } });
    expect(without.rule).toBeUndefined();
    const withVisits = nextInspection('a', groupsOf(
      inspection('a', '2025-02-03', '2025-02-14', 'inadequate'),
      inspection('a', '2025-07-01', '2025-07-02', undefined, 'monitoring_visit'),
      inspection('a', '2026-01-13', '2026-01-14', undefined, 'monitoring_visit'),
    ), today, none);
    expect(withVisits.monitoring).toEqual({ visits: 2, latest: '2026-01-14' });
  });
  test('no full inspection: no window, and the reason', () => {
    const n = nextInspection('a', [], today, none);
    expect(n.status).toBe('no_window');
    expect(n.reason).toMatch(/no full inspection/);
  });
  test('an inspection from April 2026 gives no overall grade: a window, the kind not guessed', () => {
    const n = nextInspection('a', groupsOf(inspection('a', '2026-05-04', '2026-05-08', undefined)), today, none);
    expect(n.rule).toBeDefined();
    expect(n.kind).toBeUndefined();
    expect(n.kindReason).toMatch(/gave no overall grade/);
  });
});

describe('how good the rule is', () => {
  const groups = groupsOf(
    inspection('a', '2018-01-08', '2018-01-19', 'requires_improvement'),
    inspection('a', '2021-03-01', '2021-03-05', 'good'), // 3 years 2 months later: inside
    inspection('a', '2025-06-02', '2025-06-06', 'good'), // 4 years 3 months later: outside
    inspection('b', '2018-02-05', '2018-02-16', 'inadequate'),
    inspection('b', '2020-02-03', '2020-02-14', 'requires_improvement'), // after inadequate: no window to test
    inspection('c', '2016-01-11', '2016-02-04', 'good', 'standard', 'sif'),
    inspection('c', '2019-01-07', '2019-01-11', 'good'), // the SIF inspection's window holds this ILACS one
  );
  const pairs = inspectionPairs(groups);
  test('pairs exclude those after an inadequate inspection; hits are counted by grade and by the year due', () => {
    expect(pairs.map((p) => [p.authority, p.grade, p.ruleHit])).toEqual([
      ['a', 'requires_improvement', true],
      ['a', 'good', false],
      ['c', 'good', true],
    ]);
    const rates = ruleHitRates(pairs);
    expect(rates.all).toEqual({ label: 'All', pairs: 3, hits: 2 });
    expect(rates.byGrade).toEqual([{ label: 'good', pairs: 2, hits: 1 }, { label: 'requires_improvement', pairs: 1, hits: 1 }]);
    expect(rates.byYear.map((r) => [r.label, r.pairs, r.hits])).toEqual([['2019', 1, 1], ['2021', 1, 1], ['2024', 1, 0]]);
  });
  test('the estimate is the middle 80% of recent gaps, and reports its own and the rule’s hit rates', () => {
    // Twenty councils judged good, each re-inspected 1,100 + 10n days later, all due in the last three years.
    const many = Array.from({ length: 20 }, (_, n) => [
      inspection(`x${n}`, '2022-01-03', '2022-01-07', 'good'),
      inspection(`x${n}`, new Date(Date.parse('2022-01-07') + (1100 + 10 * n) * 86400000).toISOString().slice(0, 10), new Date(Date.parse('2022-01-07') + (1104 + 10 * n) * 86400000).toISOString().slice(0, 10), 'good'),
    ]).flat();
    const estimate = estimateWindows(inspectionPairs(groupsOf(...many)), '2026-08-20').get('short')!;
    expect([estimate.fromDays, estimate.toDays, estimate.pairs]).toEqual([1110, 1270, 20]);
    expect(estimate.recent).toMatchObject({ pairs: 20, hits: 17 });
    expect(estimate.ruleOnRecent.pairs).toBe(20);
  });
});

describe('the real content', () => {
  const { entries } = readDocuments();
  const documents = entries.map((e) => ({ id: e.file.replace(/^content\/documents\//, '').replace(/\.md$/, ''), data: e.data }));
  const groups = groupInspections(flattenDocuments(documents));
  const today = siteCurrency(documents).built!;
  const pairs = inspectionPairs(groups);
  const estimates = estimateWindows(pairs, today);
  const current = readAuthorities().filter((a) => a.current);

  test('every current council has a window, or no window and the reason it has none', () => {
    expect(current.length).toBeGreaterThan(150);
    for (const a of current) {
      const n = nextInspection(a.id, groups.filter((g) => g.authority === a.id), today, estimates);
      if (n.rule) {
        expect(n.rule.from < n.rule.to, a.id).toBe(true);
        expect(n.kindReason, a.id).toBeTruthy();
      } else {
        expect(['under_monitoring', 'no_window'], a.id).toContain(n.status);
        expect(n.reason, a.id).toBeTruthy();
      }
      if (n.status === 'under_monitoring') expect(n.basis?.grade).toBe('inadequate');
    }
  });
  test('the hit rates are counted over real pairs, each pair of one council, the second after the first', () => {
    expect(pairs.length).toBeGreaterThan(100);
    const rates = ruleHitRates(pairs);
    expect(rates.byGrade.reduce((n, r) => n + r.pairs, 0)).toBe(rates.all.pairs);
    expect(rates.byYear.reduce((n, r) => n + r.hits, 0)).toBe(rates.all.hits);
    for (const p of pairs) {
      expect(p.first.authority).toBe(p.second.authority);
      if (p.gapDays !== undefined) expect(p.gapDays).toBeGreaterThan(0);
    }
    expect(estimates.get('short')?.pairs).toBeGreaterThanOrEqual(10);
  });
});
