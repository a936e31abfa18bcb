// The focused visits: what each letter's visit carries, the grade its council held at the
// time, the counts by focus against that grade and by year, and the councils whose
// priority actions are outstanding.
import { describe, expect, test } from 'vitest';
import { flattenDocuments, groupInspections, latestGradedInspections } from '../../src/domain/derive.ts';
import {
  focusByHeldGrade,
  heldKey,
  outstandingPriorityActions,
  visitQuoteList,
  visitsByYear,
  visitsFrom,
} from '../../src/domain/visits.ts';
import { DOCUMENTS, letter, report } from '../fixtures/visit-letters.ts';

const site = (documents = DOCUMENTS) => {
  const records = flattenDocuments(documents);
  const groups = groupInspections(records);
  return { visits: visitsFrom(records, groups), latest: latestGradedInspections(groups) };
};

describe('visitsFrom', () => {
  const { visits } = site();

  test('every letter’s visit, newest first, with its dates, focus and priority actions', () => {
    expect(visits.map((v) => [v.authority, v.date, v.focus.area, v.priorityActions.length])).toEqual([
      ['charlie', '2026-10-07', 'other', 1],
      ['alpha', '2025-01-29', 'care_leavers', 0],
      ['alpha', '2024-05-15', 'children_in_need_and_child_protection', 2],
      ['alpha', '2020-01-15', 'front_door', 1],
      ['bravo', '2019-06-05', 'children_in_care', 0],
    ]);
    const v = visits[2]!;
    expect(v.documentId).toBe('ofsted-letters/alpha/2024-06-20');
    expect(v.priorityActions.map((q) => [q.text, q.anchor])).toEqual([
      ['The quality of child protection plans.', 'evidence-1-visit-priority-action-1'],
      ['Management oversight of assessments.', 'evidence-1-visit-priority-action-2'],
    ]);
    expect(v.focus.words.anchor).toBe('evidence-1-visit-focus');
    expect(v.inspectors.find((i) => i.lead)?.name).toBe('Jan Edwards');
  });

  test('the grade held is the latest full inspection’s that ended before the visit began', () => {
    const held = Object.fromEntries(visits.map((v) => [`${v.authority} ${v.date}`, heldKey(v.held)]));
    expect(held).toEqual({
      'alpha 2020-01-15': 'good',
      'alpha 2024-05-15': 'requires_improvement',
      'alpha 2025-01-29': 'requires_improvement',
      'bravo 2019-06-05': 'none',
      // Inspected under the April 2026 framework: no overall grade, never an older one.
      'charlie 2026-10-07': 'no_overall',
    });
  });

  test('an inspection ending after the visit began is not the grade held at it', () => {
    const records = flattenDocuments([
      report('alpha', '2019-03-01', '2019-01-25', 'good'),
      report('alpha', '2024-07-01', '2024-05-14', 'inadequate'),
      letter('alpha', '2024-06-20', { start: '2024-05-14', end: '2024-05-15', area: 'front_door' }),
    ]);
    const [v] = visitsFrom(records, groupInspections(records));
    expect(heldKey(v!.held)).toBe('good');
  });

  test('a report’s mention of a focused visit is not a visit of its own', () => {
    const mention = report('alpha', '2023-01-01', '2022-12-01', 'good');
    mention.data.inspections.push({ ...letter('alpha', '2022-03-01', { start: '2022-02-01', end: '2022-02-02', area: 'front_door' }).data.inspections[0]!, role: 'previous', visit: undefined });
    const records = flattenDocuments([mention]);
    expect(visitsFrom(records, groupInspections(records))).toEqual([]);
  });

  test('each quote of a visit has its own anchor and field, for the letter page to highlight', () => {
    const data = DOCUMENTS[3]!.data.inspections[0]!.visit!;
    expect(visitQuoteList(0, data).map((q) => [q.anchor, q.field])).toEqual([
      ['evidence-1-visit-dates', 'inspections[0].visit.dates_evidence'],
      ['evidence-1-visit-inspectors', 'inspections[0].visit.inspectors_evidence'],
      ['evidence-1-visit-focus', 'inspections[0].visit.focus.words'],
      ['evidence-1-visit-priority-actions', 'inspections[0].visit.priority_actions.evidence'],
      ['evidence-1-visit-priority-action-1', 'inspections[0].visit.priority_actions.areas[0]'],
      ['evidence-1-visit-priority-action-2', 'inspections[0].visit.priority_actions.areas[1]'],
      ['evidence-1-visit-summary', 'inspections[0].visit.summary'],
    ]);
  });
});

describe('counts', () => {
  const { visits } = site();

  test('by area of focus against the grade held, best grade first, areas in the framework’s order', () => {
    const { columns, rows, total } = focusByHeldGrade(visits);
    expect(columns).toEqual(['good', 'requires_improvement', 'no_overall', 'none']);
    expect(rows.map((r) => r.area)).toEqual(['front_door', 'children_in_need_and_child_protection', 'children_in_care', 'care_leavers', 'other']);
    const cp = rows.find((r) => r.area === 'children_in_need_and_child_protection')!;
    expect(cp.byHeld.requires_improvement).toEqual({ visits: 1, withPriorityActions: 1 });
    expect(cp.byHeld.good).toEqual({ visits: 0, withPriorityActions: 0 });
    expect(total).toEqual({ visits: 5, withPriorityActions: 3 });
  });

  test('by year of the visit, with how many set priority actions', () => {
    expect(visitsByYear(visits).map((y) => [y.year, y.total.visits, y.total.withPriorityActions])).toEqual([
      ['2019', 1, 0],
      ['2020', 1, 1],
      ['2024', 1, 1],
      ['2025', 1, 0],
      ['2026', 1, 1],
    ]);
  });
});

describe('outstandingPriorityActions', () => {
  test('councils whose priority actions were set since their latest full inspection, newest first', () => {
    const { visits, latest } = site();
    const outstanding = outstandingPriorityActions(visits, latest);
    expect(outstanding.map((o) => [o.authority, o.visits.map((v) => v.date)])).toEqual([
      ['charlie', ['2026-10-07']],
      // The 2020 actions were followed by the 2022 inspection; the 2025 visit set none.
      ['alpha', ['2024-05-15']],
    ]);
  });

  test('a full inspection after the visit clears them', () => {
    const { visits, latest } = site([...DOCUMENTS, report('alpha', '2025-09-01', '2025-07-10', 'good')]);
    expect(outstandingPriorityActions(visits, latest).map((o) => o.authority)).toEqual(['charlie']);
  });

  test('a council never fully inspected in our documents keeps the actions its visit set', () => {
    const { visits, latest } = site([letter('bravo', '2019-07-01', { start: '2019-06-04', end: '2019-06-05', area: 'children_in_care', priority: ['Plans for children in care.'] })]);
    expect(outstandingPriorityActions(visits, latest).map((o) => [o.authority, o.latest])).toEqual([['bravo', undefined]]);
  });
});

describe('search filters', () => {
  test('a letter is found by its visit’s focus and whether it set priority actions; a report and an authority page by neither', async () => {
    const { searchFilters, PRIORITY_NONE, PRIORITY_SET } = await import('../../src/domain/search-filters.ts');
    const { AUTHORITIES } = await import('../fixtures/visit-letters.ts');
    const pages = searchFilters(DOCUMENTS, AUTHORITIES);
    expect(pages.get('/documents/ofsted-letters/alpha/2024-06-20/')).toMatchObject({ kind: ['Ofsted letter'], focus: ['Children in need and child protection'], priority: [PRIORITY_SET] });
    expect(pages.get('/documents/ofsted-letters/alpha/2025-03-01/')).toMatchObject({ focus: ['Care leavers'], priority: [PRIORITY_NONE] });
    expect(pages.get('/documents/ofsted/alpha/2022-07-01/')).toMatchObject({ focus: [], priority: [] });
    expect(pages.get('/authorities/alpha/')).toMatchObject({ focus: [], priority: [] });
  });
});

describe('visitQuality', () => {
  test('a letter silent on priority actions, a focus of "other", a visit before any full inspection', async () => {
    const { visitQuality } = await import('../../src/domain/visits.ts');
    const silent = letter('bravo', '2022-01-01', { start: '2021-11-02', end: '2021-11-03', area: 'front_door' });
    delete silent.data.inspections[0]!.visit!.priority_actions.evidence;
    const { visits } = site([...DOCUMENTS, silent]);
    const q = visitQuality(visits);
    expect(q.unmentioned.map((v) => v.documentId)).toEqual(['ofsted-letters/bravo/2022-01-01']);
    expect(q.otherFocus.map((v) => v.authority)).toEqual(['charlie']);
    expect(q.noInspectionBefore.map((v) => v.date)).toEqual(['2019-06-05']);
  });
});

describe('quoteText', () => {
  test('undoes the Markdown escapes an entry’s quote copied from its body, and nothing else', async () => {
    const { quoteText } = await import('../../src/domain/visits.ts');
    expect(quoteText('the Assessment and Intervention team (A\\&I)')).toBe('the Assessment and Intervention team (A&I)');
    expect(quoteText('Bath and North East Somerset (B\\&NES), 1\\. item \\*not\\* bold')).toBe('Bath and North East Somerset (B&NES), 1. item *not* bold');
    expect(quoteText('a back\\slash before a letter stays')).toBe('a back\\slash before a letter stays');
  });
});

describe('what else a letter records', () => {
  test('actions recalled from an earlier visit and the date at the letter’s head are quoted and linked, never counted as its actions', async () => {
    const { visitView } = await import('../../src/lib/views/visits.ts');
    const recalled = letter('alpha', '2021-06-18', { start: '2021-05-04', end: '2021-05-05', area: 'front_door' });
    const visit = recalled.data.inspections[0]!.visit!;
    visit.priority_actions.earlier = 'In addition to the existing areas for priority action, the following areas for improvement have been identified.';
    visit.letter_date = { date: '2021-06-15', evidence: '15 June 2021' };
    visit.signed_by = 'Jane Doe';
    const { visits } = site([recalled]);
    const v = visits[0]!;
    expect(v.priorityActions).toEqual([]);
    expect(v.earlierPriority?.anchor).toBe('evidence-1-visit-priority-actions-earlier');
    expect(visitQuoteList(0, visit).map((q) => q.field)).toEqual(expect.arrayContaining(['inspections[0].visit.priority_actions.earlier', 'inspections[0].visit.letter_date.evidence']));
    const view = visitView(v, undefined);
    expect(view.priority).toMatchObject({ set: false, earlier: { href: '/documents/ofsted-letters/alpha/2021-06-18/#evidence-1-visit-priority-actions-earlier' } });
    expect(view.letterDate).toEqual({ text: '15 June 2021', href: '/documents/ofsted-letters/alpha/2021-06-18/#evidence-1-visit-letter-date' });
    expect(view.signedBy).toBe('Jane Doe');
  });
});
