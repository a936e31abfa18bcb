// The schema rules an editor relies on: what a framework grades when, which grades
// exist, and that dates keep the precision their source gives.
import { describe, expect, test } from 'vitest';
import { documentSchema, inspectionSchema } from '../../src/schemas/document.ts';
import { allowedJudgements, gradeAllowed } from '../../src/domain/frameworks.ts';
import { datesCompatible, formatDate, isPartialDate, parseLongDate, sortKey } from '../../src/domain/dates.ts';
import { checkEntries } from '../../src/domain/checks.ts';
import { AUTHORITIES, validDocument, VALID_BODY } from '../build/fixtures.ts';

function issuesOf(inspection: Record<string, unknown>) {
  const result = inspectionSchema().safeParse({ authority: 'brent', role: 'subject', ...inspection });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('which judgements a framework grades', () => {
  test('ILACS before 2023: one judgement for children in care and care leavers', () => {
    expect(allowedJudgements('ilacs', 'standard', '2022-11-07')).toEqual([
      'overall_effectiveness', 'impact_of_leaders', 'help_and_protection', 'children_in_care_and_care_leavers',
    ]);
  });
  test('ILACS from January 2023: children in care and care leavers graded apart', () => {
    const keys = allowedJudgements('ilacs', 'standard', '2023-01-16');
    expect(keys).toContain('care_leavers');
    expect(keys).toContain('children_in_care');
    expect(keys).not.toContain('children_in_care_and_care_leavers');
  });
  test('ILACS from April 2026: no overall effectiveness, four judgements', () => {
    expect(allowedJudgements('ilacs', 'standard', '2026-04-01')).toEqual([
      'impact_of_leaders', 'help_and_protection', 'children_in_care', 'care_leavers',
    ]);
  });
  test('a date known only to the year allows what any day of that year allowed', () => {
    // 2026: January to March still had overall effectiveness; April on did not.
    expect(allowedJudgements('ilacs', 'not_stated', '2026')).toContain('overall_effectiveness');
    expect(allowedJudgements('ilacs', 'not_stated', '2026-04')).not.toContain('overall_effectiveness');
    // 2023 starts on the day of the split, so the combined judgement is not allowed.
    expect(allowedJudgements('ilacs', 'not_stated', '2023')).not.toContain('children_in_care_and_care_leavers');
  });
  test('letters give no grades', () => {
    expect(allowedJudgements('ilacs', 'focused_visit', '2019-05-01')).toEqual([]);
    expect(allowedJudgements('ilacs', 'monitoring_visit', '2019-05-01')).toEqual([]);
    expect(allowedJudgements('jtai', 'joint_targeted_area_inspection', '2019-05-01')).toEqual([]);
  });
  test('SIF grades its sub-judgements and the LSCB review', () => {
    expect(allowedJudgements('sif', 'standard', '2015-07-06')).toEqual(
      expect.arrayContaining(['adoption', 'care_leavers', 'children_looked_after', 'leadership_management_governance', 'lscb']),
    );
  });
  test('Adequate belongs to inspections before 2013, Requires improvement after', () => {
    expect(gradeAllowed('pre_2013', 'adequate')).toBe(true);
    expect(gradeAllowed('sif', 'adequate')).toBe(false);
    expect(gradeAllowed('pre_2013', 'requires_improvement')).toBe(false);
  });
});

describe('inspection schema', () => {
  const sifStart = { framework: 'sif', type: 'standard', start: '2017-02-27', end: '2017-03-23' };
  test('accepts a SIF inspection with SIF keys', () => {
    expect(issuesOf({ ...sifStart, judgements: { adoption: { grade: 'good', evidence: 'adoption performance was judged to be Good' } } })).toEqual([]);
  });
  test('rejects an ILACS key on a SIF inspection, naming the key', () => {
    expect(issuesOf({ ...sifStart, judgements: { impact_of_leaders: { grade: 'good', evidence: 'The impact of leaders | Good' } } })).toEqual([
      expect.stringMatching(/^judgements\.impact_of_leaders: "impact_of_leaders" is not a judgement of the sif framework/),
    ]);
  });
  test('rejects Adequate on a SIF inspection', () => {
    expect(issuesOf({ ...sifStart, judgements: { adoption: { grade: 'adequate', evidence: 'adoption was adequate' } } })).toEqual([
      'judgements.adoption.grade: grade "adequate" is not used by the sif framework',
    ]);
  });
  test('rejects a type that is not the framework’s', () => {
    expect(issuesOf({ framework: 'sif', type: 'focused_visit' })).toEqual([expect.stringMatching(/^type: "focused_visit" is not an inspection type of the sif framework/)]);
  });
  test('rejects an end before the start, but not a month containing the start', () => {
    expect(issuesOf({ framework: 'ilacs', type: 'standard', start: '2018-06-25', end: '2018-06-01' })).toEqual(['end: end 2018-06-01 is before start 2018-06-25']);
    expect(issuesOf({ framework: 'ilacs', type: 'standard', start: '2018-06-25', end: '2018-06' })).toEqual([]);
  });
  test('rejects an unquoted YAML date and a date that does not exist', () => {
    expect(issuesOf({ framework: 'ilacs', type: 'standard', start: new Date('2018-06-25') })).toHaveLength(1);
    expect(issuesOf({ framework: 'ilacs', type: 'standard', start: '2018-02-30' })).toHaveLength(1);
  });
  test('keeps unknown fields out of the frontmatter', () => {
    const doc = { ...validDocument(), grade: 'good' };
    const result = documentSchema().safeParse(doc);
    expect(result.success).toBe(false);
  });
});

describe('partial dates keep the source’s precision', () => {
  test('a year, a month and a day are all valid and are not padded', () => {
    expect(['2018', '2018-08', '2018-08-06'].map(isPartialDate)).toEqual([true, true, true]);
    expect(formatDate('2018')).toBe('2018');
    expect(formatDate('2018-08')).toBe('August 2018');
    expect(formatDate('2018-08-06')).toBe('6 August 2018');
  });
  test('a year is compatible with any day in it and sorts after them', () => {
    expect(datesCompatible('2018', '2018-08-06')).toBe(true);
    expect(datesCompatible('2019', '2018-12-14')).toBe(false);
    expect(sortKey('2018') > sortKey('2018-08-06')).toBe(true);
  });
  test('long dates as reports write them', () => {
    expect(parseLongDate('27 February 2017')).toBe('2017-02-27');
    expect(parseLongDate('31 June 2017')).toBeUndefined();
  });
});

describe('content checks', () => {
  const entry = (data = validDocument(), body = VALID_BODY) => ({ file: 'content/documents/x.md', data: documentSchema().parse(data), body });
  test('a valid entry has no problems', () => {
    expect(checkEntries([entry()], AUTHORITIES as never)).toEqual([]);
  });
  test('evidence may wrap across lines in the body', () => {
    const body = VALID_BODY.replace('Children in North Tyneside are well served.', 'Children in North Tyneside\nare well served.');
    const doc = validDocument();
    doc.inspections[0].judgements.overall_effectiveness.evidence = 'Children in North Tyneside are well served.';
    expect(checkEntries([entry(doc, body)], AUTHORITIES as never)).toEqual([]);
  });
  test('a published date before the inspection ended is a warning, not an error', () => {
    const doc = validDocument();
    doc.inspections[0].published = '2022-01-01';
    expect(checkEntries([entry(doc)], AUTHORITIES as never)).toEqual([
      expect.objectContaining({ severity: 'warning', field: 'inspections.0.published' }),
    ]);
  });
});

describe('untrusted markup in a body fails the check', () => {
  const entry = (body: string) => ({ file: 'content/documents/x.md', data: documentSchema().parse(validDocument()), body: `${VALID_BODY}\n${body}\n` });
  const errors = (body: string) => checkEntries([entry(body)], AUTHORITIES as never).map((p) => `${p.severity} ${p.field}: ${p.message}`);
  test.each([
    ['a script element', '<script>alert(1)</script>', /raw HTML is not allowed/],
    ['inline HTML with a handler', 'Text <img src=x onerror=alert(1)> here', /raw HTML is not allowed/],
    ['a javascript: link', '[click](javascript:alert(1))', /link to "javascript:alert\(1\)" is not allowed/],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', /link to "data:text\/html/],
    ['an image', '![x](https://example.org/x.png)', /images are not allowed/],
    ['a javascript: reference definition', 'See [x].\n\n[x]: javascript:alert(1)', /link to "javascript:alert\(1\)" is not allowed/],
    ['a reference definition inside a footnote', 'A point.[^1] See [x].\n\n[^1]: [x]: javascript:alert(1)', /link to "javascript:alert\(1\)" is not allowed/],
  ])('%s', (_name, body, message) => {
    expect(errors(body)).toEqual([expect.stringMatching(new RegExp(`^error body line \\d+: ${message.source}`))]);
  });
  test('footnotes are fine', () => {
    expect(errors('A point.[^1] Another.[^note-2]\n\n[^1]: The first note.\n[^note-2]: The second, with [a link](https://example.org/).')).toEqual([]);
  });
  test('ordinary links and text that mentions tags are fine', () => {
    expect(errors('See [the report](https://files.ofsted.gov.uk/v1/file/1) and the `<p>` tag, and 3 < 4.')).toEqual([]);
  });
});

describe('checks across fields and entries', () => {
  const parse = (data: ReturnType<typeof validDocument>) => documentSchema().parse(data);
  test('a body that states other inspection dates than the frontmatter is a warning naming both', () => {
    const body = `**Inspection dates: 10 to 28 January 2022**\n\n${VALID_BODY}`;
    const doc = validDocument();
    expect(checkEntries([{ file: 'content/documents/a.md', data: parse(doc), body }], AUTHORITIES as never)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'inspections.0.start',
        message: expect.stringContaining('10 January 2022 to 28 January 2022'),
      }),
    ]);
    const agreeing = `Inspection dates: 10 to 21 January 2022\n\n${VALID_BODY}`;
    expect(checkEntries([{ file: 'content/documents/a.md', data: parse(doc), body: agreeing }], AUTHORITIES as never)).toEqual([]);
  });
  test('an authority whose code was not in operation at the inspection date is an error', () => {
    const authorities = structuredClone(AUTHORITIES);
    authorities[0]!.gss_codes = [{ code: 'E08000022', from: '2023-04-01' }];
    expect(checkEntries([{ file: 'content/documents/a.md', data: parse(validDocument()), body: VALID_BODY }], authorities as never)).toEqual([
      expect.objectContaining({ severity: 'error', field: 'inspections.0.authority', message: expect.stringMatching(/no GSS code in operation on 2022-01-10/) }),
    ]);
  });
  test('two entries giving different grades for one inspection are warnings on both files', () => {
    const council = validDocument();
    council.kind = 'council_report';
    council.issuer = 'North Tyneside Council';
    council.inspections[0].judgements.overall_effectiveness.grade = 'outstanding';
    council.inspections[0].judgements.overall_effectiveness.evidence = 'Children in North Tyneside are well served.';
    const problems = checkEntries(
      [
        { file: 'content/documents/ofsted/a.md', data: parse(validDocument()), body: VALID_BODY },
        { file: 'content/documents/seeds/b.md', data: parse(council), body: VALID_BODY },
      ],
      AUTHORITIES as never,
    );
    expect(problems.map((p) => `${p.severity} ${p.file} ${p.field}`).sort()).toEqual([
      'warning content/documents/ofsted/a.md inspections.0.judgements.overall_effectiveness.grade',
      'warning content/documents/seeds/b.md inspections.0.judgements.overall_effectiveness.grade',
    ]);
    expect(problems[0]!.message).toMatch(/good in ofsted\/a.*outstanding in seeds\/b|outstanding in seeds\/b.*good in ofsted\/a/);
  });
});

describe('a focused visit letter', () => {
  const visit = {
    dates_evidence: 'a focused visit to Dorset children’s services on 17 and 18 May 2023',
    inspectors: [{ name: 'Jan Edwards', lead: true }],
    focus: { area: 'front_door', words: 'the local authority’s arrangements for the front door' },
    priority_actions: { areas: [] },
  };
  const letter = (inspection: Record<string, unknown>) =>
    documentSchema().safeParse({
      title: 'Focused visit to Dorset children’s services',
      kind: 'ofsted_letter',
      issuer: 'Ofsted',
      date: '2023-06-22',
      authority: 'dorset',
      source: { licence: 'OGL', attribution: 'Crown copyright' },
      inspections: [{ authority: 'dorset', role: 'subject', framework: 'ilacs', type: 'focused_visit', start: '2023-05-17', end: '2023-05-18', ...inspection }],
    });
  const messages = (r: ReturnType<typeof letter>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));

  test('records its visit', () => {
    expect(messages(letter({ visit }))).toEqual([]);
  });
  test('without its visit record names the field', () => {
    expect(messages(letter({}))).toEqual([expect.stringMatching(/^inspections\.0\.visit: a focused-visit letter must record the visit/)]);
  });
  test('a focus of "other" needs its reason', () => {
    expect(messages(letter({ visit: { ...visit, focus: { area: 'other', words: 'the local authority’s arrangements for X' } } }))).toEqual([
      expect.stringMatching(/^inspections\.0\.visit\.focus\.reason: a focus of "other" needs the reason/),
    ]);
  });
  test('only a focused visit has visit details', () => {
    expect(issuesOf({ framework: 'ilacs', type: 'standard', visit })).toEqual([expect.stringMatching(/^visit: only a focused visit has visit details/)]);
  });
  test('each priority action must be in the body, like a grade', () => {
    const data = letter({ visit: { ...visit, priority_actions: { areas: ['Words this body does not have at all'], evidence: 'Areas for priority action' } } });
    expect(data.success).toBe(true);
    if (!data.success) return;
    const problems = checkEntries([{ file: 'content/documents/x.md', data: { ...data.data, authority: 'brent', inspections: data.data.inspections.map((i) => ({ ...i, authority: 'brent' })) }, body: VALID_BODY }], AUTHORITIES);
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(['inspections.0.visit.priority_actions.areas.0', 'inspections.0.visit.dates_evidence', 'inspections.0.visit.focus.words']));
  });
  test('the letter’s date and the earlier visit’s actions it recalls are quotes too', () => {
    const data = letter({
      visit: {
        ...visit,
        letter_date: { date: '2023-06-22', evidence: '22 June 2023' },
        signed_by: 'Jan Edwards',
        priority_actions: { areas: [], earlier: 'The areas for priority action set at the last focused visit remain.' },
      },
    });
    expect(messages(data)).toEqual([]);
    if (!data.success) return;
    const problems = checkEntries([{ file: 'content/documents/x.md', data: { ...data.data, authority: 'brent', inspections: data.data.inspections.map((i) => ({ ...i, authority: 'brent' })) }, body: VALID_BODY }], AUTHORITIES);
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(['inspections.0.visit.letter_date.evidence', 'inspections.0.visit.priority_actions.earlier']));
    // Who signed is a name, not a quote.
    expect(problems.map((p) => p.field)).not.toContain('inspections.0.visit.signed_by');
  });
  test('a letter date must be a real date', () => {
    expect(messages(letter({ visit: { ...visit, letter_date: { date: '2025-11-31', evidence: '31 November 2025' } } }))).toEqual([
      expect.stringMatching(/^inspections\.0\.visit\.letter_date\.date: must be a real date/),
    ]);
  });
});
