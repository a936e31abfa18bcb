// The open data of the focused visits: visits.csv/.json, one record per visit with the
// letter's words, and the focus and priority actions of each visit in inspections.csv.
import { describe, expect, test } from 'vitest';
import { flattenDocuments, groupInspections } from '../../src/domain/derive.ts';
import { visitsFrom } from '../../src/domain/visits.ts';
import { DOWNLOADS, inspectionRowSchema, inspectionRows, visitRowSchema, visitRows } from '../../src/domain/downloads.ts';
import { AUTHORITIES, DOCUMENTS } from '../fixtures/visit-letters.ts';

const SITE = 'https://example.org/';
const records = flattenDocuments(DOCUMENTS);
const groups = groupInspections(records);
const visits = visitsFrom(records, groups);

describe('visits download', () => {
  const rows = visitRows(visits, AUTHORITIES, SITE);

  test('one valid record per visit, by authority then date', () => {
    expect(rows.map((r) => [r.authority_id, r.visit_end])).toEqual([
      ['alpha', '2020-01-15'], ['alpha', '2024-05-15'], ['alpha', '2025-01-29'], ['bravo', '2019-06-05'], ['charlie', '2026-10-07'],
    ]);
    for (const r of rows) expect(visitRowSchema.safeParse(r).success, r.visit_id).toBe(true);
    expect(DOWNLOADS.find((d) => d.name === 'visits')?.columns).toEqual(Object.keys(visitRowSchema.shape));
  });

  test('the letter’s words: focus, areas for priority action one a line, lead inspector, grade held', () => {
    const r = rows.find((x) => x.visit_end === '2024-05-15')!;
    expect(r).toMatchObject({
      focus_area: 'children_in_need_and_child_protection',
      priority_actions: 'true',
      priority_action_areas: 'The quality of child protection plans.\nManagement oversight of assessments.',
      lead_inspector: 'Jan Edwards',
      inspectors: 'Jan Edwards; Graham Reiter',
      grade_held: 'requires_improvement',
      grade_held_inspection_id: 'ofsted/alpha/2022-07-01#1',
      source_document: 'ofsted-letters/alpha/2024-06-20',
      page: 'https://example.org/documents/ofsted-letters/alpha/2024-06-20/',
    });
    const none = rows.find((x) => x.authority_id === 'bravo')!;
    expect(none).toMatchObject({ priority_actions: 'false', priority_action_areas: null, priority_actions_evidence: 'There are no priority actions following this focused visit.', grade_held: 'none', grade_held_inspection_id: null });
    expect(rows.find((x) => x.authority_id === 'charlie')).toMatchObject({ focus_area: 'other', focus_reason: 'A visit on disabled children.', grade_held: 'no_overall' });
  });

  test('inspections.csv gives each visit its focus and whether it set priority actions; null for a full inspection', () => {
    const rows = inspectionRows(groups, AUTHORITIES, SITE);
    const visit = rows.find((r) => r.inspection_id === 'ofsted-letters/alpha/2024-06-20#1')!;
    expect([visit.visit_focus, visit.priority_actions, visit.graded]).toEqual(['children_in_need_and_child_protection', 'true', 'false']);
    const report = rows.find((r) => r.inspection_id === 'ofsted/alpha/2022-07-01#1')!;
    expect([report.visit_focus, report.priority_actions]).toEqual([null, null]);
    for (const r of rows) expect(inspectionRowSchema.safeParse(r).success, r.inspection_id).toBe(true);
  });
});
