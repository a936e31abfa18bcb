import { describe, expect, it } from 'vitest';
import { alignCells, alignmentNoteNumber, COLUMNS, type Cell } from '../../src/domain/alignment.ts';
import type { JudgementKey } from '../../src/domain/vocabulary.ts';

function cells(framework: 'ilacs' | 'sif' | 'pre_2013' | 'jtai', type: any, date: string | undefined, keys: JudgementKey[]) {
  const judgements = Object.fromEntries(keys.map((k) => [k, `grade of ${k}`]));
  return alignCells<string>({ framework, type, date, judgements });
}

const graded = (c: Cell<string>) => (c.status === 'graded' ? { key: c.key, value: c.value, aligned: c.aligned } : c.status);

describe('alignment of judgements across frameworks', () => {
  it('has the seven comparison columns in order', () => {
    expect(COLUMNS.map((c) => c.label)).toEqual([
      'Overall effectiveness', 'Leaders', 'Help and protection', 'Children in care', 'Care leavers', 'Adoption', 'LSCB',
    ]);
  });

  it('ILACS 2018-22: the combined judgement sits under Children in care, marked; care leavers is "not given separately"', () => {
    const c = cells('ilacs', 'standard', '2018-06-25', ['overall_effectiveness', 'impact_of_leaders', 'help_and_protection', 'children_in_care_and_care_leavers']);
    expect(graded(c.overall)).toEqual({ key: 'overall_effectiveness', value: 'grade of overall_effectiveness', aligned: false });
    expect(graded(c.leaders)).toEqual({ key: 'impact_of_leaders', value: 'grade of impact_of_leaders', aligned: false });
    expect(graded(c.children_in_care)).toMatchObject({ key: 'children_in_care_and_care_leavers', aligned: true });
    expect(c.care_leavers.status).toBe('not_given');
    expect(c.care_leavers.status === 'not_given' && c.care_leavers.reason).toMatch(/not given separately/);
    expect(c.adoption.status).toBe('not_given');
    expect(c.lscb.status).toBe('not_given');
  });

  it('ILACS from 2023: children in care and care leavers are their own columns, not marked', () => {
    const c = cells('ilacs', 'standard', '2023-03-06', ['overall_effectiveness', 'impact_of_leaders', 'help_and_protection', 'children_in_care', 'care_leavers']);
    expect(graded(c.children_in_care)).toMatchObject({ key: 'children_in_care', aligned: false });
    expect(graded(c.care_leavers)).toMatchObject({ key: 'care_leavers', aligned: false });
  });

  it('ILACS from April 2026: overall effectiveness is "not given", never missing', () => {
    const c = cells('ilacs', 'standard', '2026-05-11', ['impact_of_leaders', 'help_and_protection', 'children_in_care', 'care_leavers']);
    expect(c.overall).toMatchObject({ status: 'not_given' });
  });

  it('SIF: leadership and children looked after are aligned and marked; adoption, care leavers and LSCB shown', () => {
    const c = cells('sif', 'standard', '2017-02-27', [
      'overall_effectiveness', 'help_and_protection', 'children_looked_after', 'adoption', 'care_leavers', 'leadership_management_governance', 'lscb',
    ]);
    expect(graded(c.leaders)).toMatchObject({ key: 'leadership_management_governance', aligned: true });
    expect(graded(c.children_in_care)).toMatchObject({ key: 'children_looked_after', aligned: true });
    expect(graded(c.care_leavers)).toMatchObject({ key: 'care_leavers', aligned: false });
    expect(graded(c.adoption)).toMatchObject({ key: 'adoption', aligned: false });
    expect(graded(c.lscb)).toMatchObject({ key: 'lscb', aligned: false });
  });

  it('a judgement the framework had but the source does not state is "not stated", not "not given"', () => {
    const c = cells('sif', 'standard', '2016-05', ['overall_effectiveness']);
    expect(c.overall.status).toBe('graded');
    expect(c.help_and_protection.status).toBe('not_stated');
    expect(c.adoption.status).toBe('not_stated');
  });

  it('an ungraded visit gives nothing: every column is "not given"', () => {
    const c = cells('ilacs', 'focused_visit', '2018-05-01', []);
    for (const column of COLUMNS) expect(c[column.id].status).toBe('not_given');
  });

  it('every aligned key has a numbered note; own keys have none', () => {
    expect(alignmentNoteNumber('leadership_management_governance')).toBeGreaterThan(0);
    expect(alignmentNoteNumber('children_in_care_and_care_leavers')).toBeGreaterThan(0);
    expect(alignmentNoteNumber('children_looked_after')).toBeGreaterThan(0);
    expect(alignmentNoteNumber('impact_of_leaders')).toBeUndefined();
  });
});
