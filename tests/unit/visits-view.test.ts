// What the pages print of the focused visits: the visits page's rows, views and counts,
// an authority's visits and its first-screen notice, a letter's findings.
import { describe, expect, test } from 'vitest';
import { flattenDocuments, groupInspections, latestGradedInspections } from '../../src/domain/derive.ts';
import { outstandingPriorityActions, visitsFrom, type Visit } from '../../src/domain/visits.ts';
import { authorityVisitsView, countText, inspectorsText, letterFindingsView, priorityNoticeText, visitsPageView, type VisitsSite } from '../../src/lib/views/visits.ts';
import { AUTHORITIES, DOCUMENTS } from '../fixtures/visit-letters.ts';

function site(): VisitsSite {
  const records = flattenDocuments(DOCUMENTS);
  const groups = groupInspections(records);
  const visits = visitsFrom(records, groups);
  const by = (key: (v: Visit) => string) => {
    const map = new Map<string, Visit[]>();
    for (const v of visits) map.set(key(v), [...(map.get(key(v)) ?? []), v]);
    return map;
  };
  return {
    visits,
    visitsByAuthority: by((v) => v.authority),
    visitsByDocument: by((v) => v.documentId),
    outstanding: outstandingPriorityActions(visits, latestGradedInspections(groups)),
    authorityById: new Map(AUTHORITIES.map((a) => [a.id, a])),
  };
}

describe('visitsPageView', () => {
  const view = visitsPageView(site());

  test('one row per visit, newest first, each linked to its letter and its quotes', () => {
    expect(view.rows.map((r) => [r.authority.name, r.when, r.focus.short, r.priority.set, r.held.label])).toEqual([
      ['Charlie', '6 to 7 October 2026', 'Other', true, 'No overall grade'],
      ['Alpha', '28 to 29 January 2025', 'Care leavers', false, 'Requires improvement to be good'],
      ['Alpha', '14 to 15 May 2024', 'Children in need and child protection', true, 'Requires improvement to be good'],
      ['Alpha', '14 to 15 January 2020', 'Front door', true, 'Good'],
      ['Bravo', '4 to 5 June 2019', 'Children in care', false, 'No full inspection before it'],
    ]);
    const row = view.rows[2]!;
    expect(row.href).toBe('/documents/ofsted-letters/alpha/2024-06-20/');
    expect(row.priority.areas[0]).toEqual({ text: 'The quality of child protection plans.', href: '/documents/ofsted-letters/alpha/2024-06-20/#evidence-1-visit-priority-action-1' });
    expect(row.held.href).toBe('/documents/ofsted/alpha/2022-07-01/#evidence-1-overall-effectiveness');
    expect(view.rows[1]!.priority.evidence?.text).toBe('There are no priority actions following this focused visit.');
  });

  test('a ready-made view keeps only its visits; the counts are of every visit', () => {
    const priority = visitsPageView(site(), 'priority-actions');
    expect(priority.rows.map((r) => r.authority.name)).toEqual(['Charlie', 'Alpha', 'Alpha']);
    expect(priority.views.find((v) => v.current)?.href).toBe('/visits/priority-actions/');
    expect(priority.byFocus.total).toBe('5 (3)');
    const focus = visitsPageView(site(), 'focus/care-leavers');
    expect(focus.rows.map((r) => r.when)).toEqual(['28 to 29 January 2025']);
    expect(view.views.map((v) => [v.href, v.count])).toContainEqual(['/visits/focus/front-door/', 1]);
  });

  test('each view has its own heading; the page says how many councils have priority actions outstanding', () => {
    expect(view.heading).toBe('Focused visits');
    expect(visitsPageView(site(), 'priority-actions').heading).toBe('Visits that set areas for priority action');
    expect(visitsPageView(site(), 'focus/care-leavers').heading).toBe('Focused visits: Care leavers');
    expect(view.outstandingText).toBe('2 councils have areas for priority action outstanding');
    expect(visitsPageView({ ...site(), outstanding: site().outstanding.slice(0, 1) }).outstandingText).toBe('1 council has areas for priority action outstanding');
  });

  test('counts by focus and the grade held, each cell printed with its priority actions in brackets, and the totals of each grade held', () => {
    expect(view.byFocus.columns.map((c) => c.label)).toEqual(['Good', 'Requires improvement to be good', 'No overall grade', 'No full inspection before it']);
    expect(view.byFocus.rows.map((r) => [r.label, ...r.cells, r.total])).toEqual([
      ['Front door', '1 (1)', '–', '–', '–', '1 (1)'],
      ['Children in need and child protection', '–', '1 (1)', '–', '–', '1 (1)'],
      ['Children in care', '–', '–', '–', '1', '1'],
      ['Care leavers', '–', '1', '–', '–', '1'],
      ['Other', '–', '–', '1 (1)', '–', '1 (1)'],
    ]);
    expect(view.byFocus.totals).toEqual(['1 (1)', '2 (1)', '1 (1)', '1']);
  });

  test('counts by year, oldest first, with what the visits looked at', () => {
    expect(view.byYear.map((y) => [y.year, y.total.visits, y.total.withPriorityActions, y.focus])).toEqual([
      ['2019', 1, 0, 'Children in care 1'],
      ['2020', 1, 1, 'Front door 1'],
      ['2024', 1, 1, 'Children in need and child protection 1'],
      ['2025', 1, 0, 'Care leavers 1'],
      ['2026', 1, 1, 'Other 1'],
    ]);
  });

  test('filters offer only what some visit has', () => {
    expect(view.filters.focus.map((f) => f.value)).toEqual(['front-door', 'children-in-need-and-child-protection', 'children-in-care', 'care-leavers', 'other']);
    expect(view.filters.years).toEqual(['2026', '2025', '2024', '2020', '2019']);
    expect(view.filters.held.map((h) => h.value)).toEqual(['good', 'requires-improvement', 'no-overall', 'none']);
  });

  test('outstanding priority actions name the council, its latest inspection and the areas', () => {
    expect(view.outstanding.map((o) => [o.authority.text, o.latest, o.visits.map((v) => v.areas.length)])).toEqual([
      ['Charlie', 'ILACS standard inspection, 1 May 2026', [1]],
      ['Alpha', 'ILACS standard inspection, 20 May 2022: requires improvement to be good', [2]],
    ]);
  });
});

describe('authorityVisitsView', () => {
  test('a council with priority actions since its latest inspection gets the first-screen line', () => {
    const view = authorityVisitsView('alpha', site());
    expect(view.notice?.text).toBe('Focused visit, May 2024: 2 areas for priority action in children in need and child protection');
    expect(view.notice?.href).toBe('/documents/ofsted-letters/alpha/2024-06-20/');
    expect(view.visits.map((v) => v.when)).toEqual(['28 to 29 January 2025', '14 to 15 May 2024', '14 to 15 January 2020']);
    expect(view.timeline.map((t) => [t.date, t.priority])).toEqual([['2025-01-29', false], ['2024-05-15', true], ['2020-01-15', true]]);
    expect(view.feedHref).toBe('/authorities/alpha/feed.xml');
  });

  test('no line when the only priority actions were followed by an inspection, or none were set', () => {
    expect(authorityVisitsView('bravo', site()).notice).toBeUndefined();
    expect(authorityVisitsView('delta', site())).toMatchObject({ visits: [], timeline: [] });
  });
});

describe('words', () => {
  test('one area, the front door', () => {
    expect(priorityNoticeText({ date: '2023-11-02', focus: { area: 'front_door' } as Visit['focus'], priorityActions: [{ text: 'x', anchor: 'a', field: 'f' }] })).toBe(
      'Focused visit, November 2023: an area for priority action in the “front door”',
    );
  });
  test('inspectors, the lead marked', () => {
    expect(inspectorsText([{ name: 'A B', lead: false }, { name: 'C D', lead: true }, { name: 'E F', lead: false }])).toBe('A B, C D (lead) and E F');
  });
  test('a letter’s findings', () => {
    const [finding] = letterFindingsView('ofsted-letters/alpha/2024-06-20', site());
    expect(finding?.focus.words.href).toBe('/documents/ofsted-letters/alpha/2024-06-20/#evidence-1-visit-focus');
    expect(finding?.summary?.text).toBe('Senior leaders know the service well.');
    expect(letterFindingsView('ofsted/alpha/2022-07-01', site())).toEqual([]);
  });
});

test('a focus reads after “in”', async () => {
  const { focusPhrase } = await import('../../src/lib/views/visits.ts');
  expect(focusPhrase('care_leavers')).toBe('services for care leavers');
  expect(focusPhrase('other')).toBe('another area of its work');
});

describe('countText', () => {
  test('a dash for no visit, the count alone when none set priority actions, else those that did in brackets', () => {
    expect(countText({ visits: 0, withPriorityActions: 0 })).toBe('–');
    expect(countText({ visits: 4, withPriorityActions: 0 })).toBe('4');
    expect(countText({ visits: 4, withPriorityActions: 1 })).toBe('4 (1)');
  });
});
