// The focused-visit letter reader on small fixtures: the visit's days in each way letters
// write them, the inspectors and the lead, the focus, the areas for priority action and
// their traps, the earlier inspection a letter states, the kinds of letter it refuses, and a
// whole letter as a PDF through the importer.
import { describe, expect, it } from 'vitest';
import { readAuthorities } from '../../../scripts/lib/entries.ts';
import { readVisitDays } from '../../../src/importer/letter/dates.ts';
import { classifyFocus, focusWords } from '../../../src/importer/letter/focus.ts';
import { readInspectors, readSignatory } from '../../../src/importer/letter/inspectors.ts';
import { unmodelledLetterKind } from '../../../src/importer/letter/kind.ts';
import { compareWithOurs, type OurInspection } from '../../../src/importer/letter/ours.ts';
import { readLetterPrevious } from '../../../src/importer/letter/previous.ts';
import { readPriorityActions } from '../../../src/importer/letter/priority-actions.ts';
import { readFocusedVisitLetter } from '../../../src/importer/letter/read-letter.ts';
import { importPdf } from '../../../src/importer/report.ts';
import type { Block } from '../../../src/importer/types.ts';
import { makePdf, Page } from './fixtures.ts';

const heading = (text: string): Block => ({ type: 'heading', depth: 1, text, page: 1 });
const para = (text: string): Block => ({ type: 'paragraph', text, page: 1 });
const item = (text: string): Block => ({ type: 'list_item', ordered: false, text, page: 1 });

describe('the visit’s days', () => {
  it.each([
    ['This letter summarises the findings of a focused visit to Rutland children’s services on 19 March 2019.', '2019-03-19', '2019-03-19'],
    ['… a focused visit to Dorset children’s services on 17 and 18 May 2023.', '2023-05-17', '2023-05-18'],
    ['… the focused visit to Wiltshire children’s services on 3 to 4 December 2025.', '2025-12-03', '2025-12-04'],
    ['… a focused visit to North East Lincolnshire children’s services on 22–23 October 2019.', '2019-10-22', '2019-10-23'],
    ['… a focused visit to Gloucestershire children’s services between 20 October and 22 October 2020.', '2020-10-20', '2020-10-22'],
    ['… a focused visit to Wakefield children’s services between 3 and 5 November 2020.', '2020-11-03', '2020-11-05'],
    ['… the focused visit to Slough children’s services on 30 April and 1 May 2024.', '2024-04-30', '2024-05-01'],
    ['… a focused visit to Bury children’s services on 29 and 30 September, and 1 October 2020.', '2020-09-29', '2020-10-01'],
    ['… a focused visit to Camden children’s services on the 15 and 16 of May 2018.', '2018-05-15', '2018-05-16'],
    ['… a focused visit on 23 and 24 February 2021 to Doncaster Metropolitan Borough Council children’s services.', '2021-02-23', '2021-02-24'],
  ])('%s', (sentence, start, end) => {
    expect(readVisitDays(sentence)).toMatchObject({ start, end });
  });

  it('takes the year of the letter’s own date when the sentence gives none, and says so', () => {
    expect(readVisitDays('… a focused visit to Coventry City Council children’s services on 30 and 31 January.', '2018-02-22')).toEqual({
      start: '2018-01-30',
      end: '2018-01-31',
      words: '30 and 31 January',
      yearFromLetter: 2018,
    });
    // A December visit in a January letter was the year before.
    expect(readVisitDays('… on 11 and 12 December.', '2019-01-17')).toMatchObject({ start: '2018-12-11', yearFromLetter: 2018 });
    // Without the letter's date, a date with no year is not read.
    expect(readVisitDays('… on 30 and 31 January.')).toBeUndefined();
  });

  it('keeps two years as the letter writes them (the letter is flagged elsewhere)', () => {
    expect(readVisitDays('… the focused visit to Darlington children’s services on 24 October 2022 to 25 October 2023.')).toMatchObject({
      start: '2022-10-24',
      end: '2023-10-25',
    });
  });

  it('reads no days from a sentence without them, or from an impossible day', () => {
    expect(readVisitDays('Inspectors looked at the local authority’s arrangements for care leavers.')).toBeUndefined();
    expect(readVisitDays('… on 31 and 32 June 2021.')).toBeUndefined();
  });
});

describe('the inspectors and the lead', () => {
  it.each([
    ['The inspectors were Jan Edwards, Her Majesty’s Inspector, and Graham Reiter, Her Majesty’s Inspector.', ['Jan Edwards', 'Graham Reiter']],
    ['The inspectors were John Roughton, HMI, and Andy Waugh, HMI.', ['John Roughton', 'Andy Waugh']],
    ['The inspectors were Margaret Burke HMI and Nigel Parkes HMI.', ['Margaret Burke', 'Nigel Parkes']],
    ['The inspectors were Nigel Parkes and Steve Lowe, Her Majesty’s Inspectors.', ['Nigel Parkes', 'Steve Lowe']],
    ['His Majesty’s Inspectors for this visit were Tracey Ledder and Joy Howick.', ['Tracey Ledder', 'Joy Howick']],
    [
      'The visit was carried out by Her Majesty’s Inspectors Caroline Walsh, Michele Costello, Paula Thomson-Jones, Mandy Nightingale and Jan Edwards.',
      ['Caroline Walsh', 'Michele Costello', 'Paula Thomson-Jones', 'Mandy Nightingale', 'Jan Edwards'],
    ],
    [
      'The visit was carried out by Nick Stacey, Tracey Scott and Lee Selby, all of whom are Her Majesty’s Inspectors (HMI).',
      ['Nick Stacey', 'Tracey Scott', 'Lee Selby'],
    ],
    ['The visit was conducted by Alison Smale and Tara Geere, two of Her Majesty’s Inspectors.', ['Alison Smale', 'Tara Geere']],
    ['The inspectors were Tara Geere, Her Majesty’s Inspector, and Máire Atherton, Her Majesty’s Inspector.', ['Tara Geere', 'Máire Atherton']],
  ])('%s', (sentence, names) => {
    const read = readInspectors(sentence)!;
    expect(read.inspectors.map((i) => i.name)).toEqual(names);
    expect(read.inspectors.every((i) => !i.lead)).toBe(true);
  });

  it('marks the lead only where the letter names one, in either order', () => {
    expect(readInspectors('His Majesty’s Inspectors for this visit were lead inspector Sophie Wales and team inspectors Sally Sinclair and Mark Scanlon.')!.inspectors).toEqual([
      { name: 'Sophie Wales', lead: true },
      { name: 'Sally Sinclair', lead: false },
      { name: 'Mark Scanlon', lead: false },
    ]);
    const read = readInspectors(
      'Her Majesty’s Inspectors for this visit were Brenda McLaughlin, lead inspector, Tracey Ledder, team inspector and Nhlanganiso Nyathi, who observed the visit.',
    )!;
    expect(read.inspectors).toEqual([
      { name: 'Brenda McLaughlin', lead: true },
      { name: 'Tracey Ledder', lead: false },
    ]);
    expect(read.observers).toEqual(['Nhlanganiso Nyathi']);
  });

  it('records no inspectors when a part of the list is not a name', () => {
    expect(readInspectors('The inspectors were pleased with the progress made since the last visit.')).toBeUndefined();
  });

  it('reads who signed the letter, with or without "Yours sincerely" on its own line', () => {
    expect(readSignatory(['Yours sincerely', 'Tracey Ledder', 'His Majesty’s Inspector'])).toBe('Tracey Ledder');
    expect(readSignatory(['Yours sincerely', 'Caroline Walsh Her Majesty’s Inspector'])).toBe('Caroline Walsh');
    expect(readSignatory(['Yours sincerely Brenda McLaughlin.', 'Her Majesty’s Inspector'])).toBe('Brenda McLaughlin');
    expect(readSignatory(['Ofsted will take the findings into account.'])).toBeUndefined();
  });
});

describe('the focus', () => {
  it('takes what inspectors looked at, in the letter’s words', () => {
    expect(focusWords('Inspectors looked at the local authority’s arrangements for care leavers aged 18 to 25, with a particular focus on:')).toBe(
      'the local authority’s arrangements for care leavers aged 18 to 25',
    );
    expect(focusWords('The focus of this visit was on planning and achieving permanence for children.')).toBe('planning and achieving permanence for children');
    expect(focusWords('Inspectors looked at a range of evidence, including case discussions with social workers.')).toBeUndefined();
  });

  it.each([
    ['the local authority’s arrangements for the ‘front door’, the service that receives contacts and referrals', 'front_door'],
    ['the local authority’s arrangements for receiving referrals about children who may be in need or at risk of significant harm, the effectiveness of child protection enquiries', 'front_door'],
    ['the local authority’s arrangements for children in need and those subject to a child protection plan', 'children_in_need_and_child_protection'],
    ['the local authority’s arrangements for the protection of vulnerable children from extra-familial risk', 'children_at_risk_outside_the_home'],
    ['the local authority’s arrangements for children in care', 'children_in_care'],
    ['the local authority’s arrangements for planning and achieving permanence for children in care', 'permanence'],
    ['the local authority’s arrangements for care leavers aged 18 to 25', 'care_leavers'],
    ['the local authority’s arrangements for placement decision-making for older children aged 14 to 17 years old', 'older_children_in_care_placements'],
  ])('%s → %s', (words, area) => {
    expect(classifyFocus(words)).toEqual({ area });
  });

  it('calls words that name several areas, or none, "other" with the reason', () => {
    const several = classifyFocus('the local authority’s arrangements for children in need, children subject to a plan and children in care');
    expect(several.area).toBe('other');
    expect(several.reason).toMatch(/more than one/);
    const none = classifyFocus('the local authority’s arrangements for children subject to a letter before proceedings');
    expect(none).toEqual({ area: 'other', reason: 'the words name none of the ILACS areas of focus' });
  });
});

describe('areas for priority action', () => {
  it('lists the areas under the heading, with the lead-in as the evidence', () => {
    const read = readPriorityActions([
      heading('Areas for priority action'),
      para('The local authority needs to take swift and decisive action to address the following areas of weakness in child protection:'),
      item('delays in case allocation, assessment and seeing children at risk of harm'),
      item('management oversight and decision-making in relation to safeguarding practice.'),
      heading('What needs to improve in this area of social work practice'),
      item('The quality of plans.'),
    ]);
    expect(read).toEqual({
      areas: ['delays in case allocation, assessment and seeing children at risk of harm', 'management oversight and decision-making in relation to safeguarding practice.'],
      evidence: 'The local authority needs to take swift and decisive action to address the following areas of weakness in child protection:',
    });
  });

  it('never counts a "no priority actions" sentence as one', () => {
    expect(readPriorityActions([heading('Areas for priority action'), para('There are no priority actions following this focused visit.'), heading('Findings')])).toEqual({
      areas: [],
      evidence: 'There are no priority actions following this focused visit.',
    });
    expect(readPriorityActions([heading('Overview'), para('Leaders know the service well. There are no priority actions.')])).toEqual({
      areas: [],
      evidence: 'There are no priority actions.',
    });
  });

  it('keeps actions an earlier visit set apart from this letter’s', () => {
    expect(
      readPriorityActions([
        heading('Areas for priority action'),
        para('The areas for priority action set at the last focused visit in February 2020 remain. There are no additional priority actions.'),
        heading('What needs to improve in this area of social work practice?'),
      ]),
    ).toEqual({
      areas: [],
      evidence: 'There are no additional priority actions.',
      earlier: 'The areas for priority action set at the last focused visit in February 2020 remain.',
    });
    // "In addition to the existing areas for priority action, the following areas for improvement …": improvements, not actions.
    const recalled = readPriorityActions([
      heading('What needs to improve in this area of social work practice'),
      para('In addition to the existing areas for priority action, the following areas for improvement have been identified at this visit:'),
      item('social worker caseloads'),
    ]);
    expect(recalled.areas).toEqual([]);
    expect(recalled.earlier).toBe('In addition to the existing areas for priority action, the following areas for improvement have been identified at this visit:');
  });

  it('cannot read a heading with nothing under it, or actions notified but not listed', () => {
    expect(readPriorityActions([heading('Areas for priority action'), heading('What needs to improve')]).unreadable).toMatch(/nothing under it/);
    expect(readPriorityActions([para('We have notified the Department for Education of the areas for priority action.')]).unreadable).toMatch(/lists none/);
  });

  it('answers "none" with no evidence when the letter never mentions priority actions', () => {
    expect(readPriorityActions([heading('Headline findings'), para('Care leavers receive strong support.')])).toEqual({ areas: [] });
  });
});

describe('the earlier inspection a letter states', () => {
  it('reads the overall grade and the judgements it names', () => {
    const [read] = readLetterPrevious(
      ['At the last inspection, in April 2022, the overall effectiveness of services was judged to be outstanding, and the experiences and progress of children in need of help and protection were judged to be good.'],
      '2023-11-01',
    );
    expect(read).toMatchObject({ framework: 'ilacs', start: '2022-04' });
    expect(read!.judgements.map((j) => [j.key, j.grade])).toEqual([
      ['overall_effectiveness', 'outstanding'],
      ['help_and_protection', 'good'],
    ]);
    const [subjectFirst] = readLetterPrevious(['Knowsley children’s services were last inspected by Ofsted in 2017 and were judged to require improvement to be good.'], '2020-01-01');
    expect(subjectFirst).toMatchObject({ framework: 'sif', start: '2017', judgements: [{ key: 'overall_effectiveness', grade: 'requires_improvement' }] });
  });

  it('leaves a grade whose subject is not named', () => {
    expect(readLetterPrevious(['Services for children in need and child protection in Lambeth have improved significantly since the last Ofsted inspection in 2022, when they were judged as requires improvement.'], '2024-12-01')).toEqual([]);
    expect(readLetterPrevious(['Tangible progress is evident in the adoption service, which was judged inadequate at the last inspection in 2018.'], '2019-05-01')).toEqual([]);
  });

  it('flags where it disagrees with the reports the site holds, or the site holds none from then', () => {
    const ours: OurInspection[] = [{ authority: 'x', start: '2022-04-04', end: '2022-04-14', published: '2022-05-20', judgements: { overall_effectiveness: 'good' }, file: 'content/documents/ofsted/x/2022-05-20.md' }];
    expect(compareWithOurs('x', '2022-04', [{ key: 'overall_effectiveness', grade: 'good' }], ours)).toEqual([]);
    expect(compareWithOurs('x', '2022-04', [{ key: 'overall_effectiveness', grade: 'outstanding' }], ours)[0]).toMatch(/gives good/);
    expect(compareWithOurs('x', '2017', [{ key: 'overall_effectiveness', grade: 'good' }], ours)[0]).toMatch(/holds no inspection report of the authority from then \(its reports: 2022-04-04\)/);
  });
});

describe('letters of other kinds', () => {
  it.each([
    [['Dear Ms Smith', 'Monitoring visit to Sandwell children’s services', 'This letter summarises the findings of the monitoring visit to Sandwell children’s services on 5 May 2022.'], /monitoring visit/],
    [['Dear Mr Jones', 'Joint targeted area inspection of the multi-agency response to children in Leeds'], /joint targeted area inspection/],
    [['Dear Ms Brown', 'Assurance visit to Kent children’s services', 'This letter summarises the findings of the assurance visit to Kent children’s services.'], /assurance visit/],
  ])('refuses %j by name', (firstPage, kind) => {
    expect(unmodelledLetterKind(firstPage)).toMatch(kind);
  });

  it('takes a focused-visit letter that mentions a monitoring visit', () => {
    expect(unmodelledLetterKind(['Dear Ms Old', 'Focused visit to North Tyneside children’s services', 'This letter summarises the findings of a focused visit, the first since the last monitoring visit of 2019.'])).toBeUndefined();
  });
});

describe('a whole letter', () => {
  const letterBlocks = (actions: Block[]): Block[] => [
    para('22 June 2023'),
    para('Jane Doe Director of Children’s Services Dorset Council County Hall Dorchester DT1 1XJ'),
    para('Dear Ms Doe'),
    heading('Focused visit to Dorset children’s services'),
    para('This letter summarises the findings of the focused visit to Dorset children’s services on 17 and 18 May 2023. His Majesty’s Inspectors for this visit were Tracey Ledder and Joy Howick.'),
    para('Inspectors looked at the local authority’s arrangements for 16- and 17-year-old care leavers.'),
    heading('Headline findings'),
    para('Leaders have significantly strengthened support and services for care leavers.'),
    ...actions,
    heading('What needs to improve in this area of social work practice?'),
    item('The quality and timeliness of supervision.'),
    heading('Main findings'),
    para('Care leavers receive strong and effective support.'),
    para('Yours sincerely'),
    para('Tracey Ledder'),
    heading('His Majesty’s Inspector'),
  ];

  it('records every value with its quote', () => {
    const read = readFocusedVisitLetter(letterBlocks([]), '2023-06-22', ['The quality and timeliness of supervision.']);
    expect(read.start).toBe('2023-05-17');
    expect(read.end).toBe('2023-05-18');
    expect(read.title).toBe('Focused visit to Dorset children’s services');
    expect(read.visit).toEqual({
      dates_evidence: 'This letter summarises the findings of the focused visit to Dorset children’s services on 17 and 18 May 2023.',
      letter_date: { date: '2023-06-22', evidence: '22 June 2023' },
      inspectors: [
        { name: 'Tracey Ledder', lead: false },
        { name: 'Joy Howick', lead: false },
      ],
      inspectors_evidence: 'His Majesty’s Inspectors for this visit were Tracey Ledder and Joy Howick.',
      signed_by: 'Tracey Ledder',
      focus: { area: 'care_leavers', words: 'the local authority’s arrangements for 16- and 17-year-old care leavers' },
      priority_actions: { areas: [] },
      summary: 'Leaders have significantly strengthened support and services for care leavers.',
    });
    expect(read.improvements).toEqual(['The quality and timeliness of supervision.']);
  });

  it('finds the summary under a heading that lost its style ("Headline Findings." as a line of text)', () => {
    const blocks = letterBlocks([]).map((b) => (b.type === 'heading' && b.text === 'Headline findings' ? para('Headline Findings.') : b));
    expect(readFocusedVisitLetter(blocks, '2023-06-22', []).visit.summary).toBe('Leaders have significantly strengthened support and services for care leavers.');
  });

  it('does not list a sentence saying the earlier areas for improvement stand as an improvement', () => {
    const stand = 'The areas for improvement continue to be those identified at the ILACS inspection in September 2018. They have not yet been fully addressed.';
    expect(readFocusedVisitLetter(letterBlocks([]), '2023-06-22', [stand]).improvements).toEqual([]);
    const remain = 'The areas for improvement set at the last focused visit in February 2020 remain. There are no additional areas for improvement.';
    expect(readFocusedVisitLetter(letterBlocks([]), '2023-06-22', [remain, 'The quality of plans.']).improvements).toEqual(['The quality of plans.']);
  });

  it('is refused, with the reason, when its priority actions cannot be read', () => {
    expect(() => readFocusedVisitLetter(letterBlocks([heading('Areas for priority action')]), '2023-06-22', [])).toThrow(/priority action.*nothing under it/);
  });

  it('is refused when its opening states no days', () => {
    const blocks = letterBlocks([]).map((b) => (b.type === 'paragraph' && b.text.startsWith('This letter') ? para('This letter summarises the findings of the focused visit to Dorset children’s services.') : b));
    expect(() => readFocusedVisitLetter(blocks, '2023-06-22', [])).toThrow(/no sentence in its opening states the visit’s days/);
  });
});

describe('a letter PDF through the importer', () => {
  const authorities = readAuthorities();
  const letterPdf = (subject: string, opening: string) =>
    makePdf([
      new Page(760)
        .line('Ofsted')
        .line('Piccadilly Gate')
        .line('Manchester')
        .space(20)
        .line('4 June 2024')
        .space(20)
        .line('Jane Doe')
        .line('Director of Children’s Services')
        .space(20)
        .line('Dear Ms Doe')
        .space(16)
        .line(subject, { size: 14, bold: true, gap: 24 })
        .paragraph(opening)
        .paragraph('Inspectors looked at the local authority’s arrangements for children in care. The findings in this letter relate only to this visit and the children seen during it.')
        .line('Headline findings', { size: 14, bold: true, gap: 24 })
        .paragraph('Children in care in Rutland receive good help from social workers who know them well, and leaders understand the service and what it needs next.')
        .line('Areas for priority action', { size: 14, bold: true, gap: 24 })
        .paragraph('There are no priority actions following this focused visit.')
        .line('What needs to improve in this area of social work practice?', { size: 14, bold: true, gap: 24 })
        .line('•', { x: 71, gap: 0 })
        .line('The quality of plans for children in care.', { x: 89, gap: 20 })
        .space(10)
        .line('Yours sincerely')
        .line('Sally Sinclair')
        .line('His Majesty’s Inspector', { size: 14, bold: true }),
    ]);

  it('prints the entry of a focused-visit letter named by its own text', async () => {
    const pdf = await letterPdf(
      'Focused visit to Rutland children’s services',
      'This letter summarises the findings of the focused visit to Rutland children’s services on 1 and 2 May 2024. His Majesty’s Inspectors for this visit were Sally Sinclair and Steve Lowe.',
    );
    const result = await importPdf(pdf, { authorities, date: '2024-06-04' });
    expect(result.entryPath).toBe('content/documents/ofsted-letters/rutland/2024-06-04.md');
    const [subject] = result.data.inspections;
    expect(subject).toMatchObject({ authority: 'rutland', type: 'focused_visit', start: '2024-05-01', end: '2024-05-02' });
    expect(subject!.visit!.focus.area).toBe('children_in_care');
    expect(subject!.visit!.priority_actions).toEqual({ areas: [], evidence: 'There are no priority actions following this focused visit.' });
    expect(subject!.visit!.inspectors.map((i) => i.name)).toEqual(['Sally Sinclair', 'Steve Lowe']);
    expect(result.data.title).toBe('Focused visit to Rutland children’s services');
  });

  it('refuses a monitoring-visit letter, naming its kind', async () => {
    const pdf = await letterPdf(
      'Monitoring visit to Rutland children’s services',
      'This letter summarises the findings of the monitoring visit to Rutland children’s services on 1 and 2 May 2024. His Majesty’s Inspectors for this visit were Sally Sinclair and Steve Lowe.',
    );
    await expect(importPdf(pdf, { authorities, date: '2024-06-04' })).rejects.toThrow(/monitoring visit letter.*only focused-visit letters are modelled/);
  });
});
