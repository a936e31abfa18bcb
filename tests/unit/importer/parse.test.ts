// The small pure readers behind the importer: grades, judgement names, dates, titles,
// table rows, the SIF and LSCB sentences, earlier inspections and council prose.
import { describe, expect, it } from 'vitest';
import { findGradeTables } from '../../../src/importer/grade-table.ts';
import { buildLines } from '../../../src/importer/lines.ts';
import { boardAcronyms, readCouncilDates, readCouncilJudgements } from '../../../src/importer/parse-council.ts';
import { parseDateRange, parsePageOneDates } from '../../../src/importer/parse-dates.ts';
import { judgementKeyForLabel, parseGrade } from '../../../src/importer/parse-grades.ts';
import { readImprovements } from '../../../src/importer/parse-improvements.ts';
import { readJudgementRows, readLscb, readSifOverall } from '../../../src/importer/parse-judgements.ts';
import { identifyDocument } from '../../../src/importer/parse-kind.ts';
import { readPreviousOfstedInspection, readPreviousSentence } from '../../../src/importer/parse-previous.ts';
import { textToBlocks } from '../../../src/importer/text-blocks.ts';
import type { Block, TextItem } from '../../../src/importer/types.ts';

describe('grades and judgement names', () => {
  it('reads the grade cells reports use, and nothing else', () => {
    expect(parseGrade('Requires improvement to be good')).toBe('requires_improvement');
    expect(parseGrade('Require improvement')).toBe('requires_improvement');
    expect(parseGrade('Inadequate Grade 4')).toBe('inadequate');
    expect(parseGrade('Grade 3 (Adequate)')).toBe('adequate');
    expect(parseGrade('Outstanding')).toBe('outstanding');
    expect(parseGrade('Good with outstanding features')).toBeUndefined();
    expect(parseGrade('Not judged')).toBeUndefined();
  });

  it('names judgements by framework: a SIF label is not an ILACS key', () => {
    expect(judgementKeyForLabel('The experiences and progress of children in care and care leavers', 'ilacs')).toBe('children_in_care_and_care_leavers');
    expect(judgementKeyForLabel('The experiences and progress of children in care', 'ilacs')).toBe('children_in_care');
    expect(judgementKeyForLabel('The experiences and progress of children care leavers', 'ilacs')).toBe('care_leavers');
    expect(judgementKeyForLabel('2.2 Experiences and progress of care leavers', 'sif')).toBe('care_leavers');
    expect(judgementKeyForLabel('2. Children looked after and achieving permanence', 'sif')).toBe('children_looked_after');
    expect(judgementKeyForLabel('2. Children looked after and achieving permanence', 'ilacs')).toBeUndefined();
    expect(judgementKeyForLabel('Capacity to improve', 'pre_2013')).toBeUndefined();
  });
});

describe('dates', () => {
  it.each([
    ['7 to 18 November 2022', '2022-11-07', '2022-11-18'],
    ['6 July 2015 – 30 July 2015', '2015-07-06', '2015-07-30'],
    ['19 November – 11 December 2013', '2013-11-19', '2013-12-11'],
    ['8 – 12 July 2013', '2013-07-08', '2013-07-12'],
    ['30 December 2019 to 10 January 2020', '2019-12-30', '2020-01-10'],
    ['18 Feb 2014 – 12 March 2014', '2014-02-18', '2014-03-12'],
    ['12/09/2016 to 06/10/2016', '2016-09-12', '2016-10-06'],
    ['5 to 9 December 2022 and 14 to 15 February 2023', '2022-12-05', '2023-02-15'],
  ])('%s', (text, start, end) => {
    expect(parseDateRange(text)).toMatchObject({ start, end });
  });

  it('refuses what is not a date range', () => {
    expect(parseDateRange('18 to 7 November 2022')).toBeUndefined();
    expect(parseDateRange('November 2022')).toBeUndefined();
    expect(parseDateRange('31 February 2022')).toBeUndefined();
  });

  it('finds inspection and publication dates on page one, a wrapped date included', () => {
    expect(parsePageOneDates(['Inspection date: 6 July 2015 – 30 July 2015', 'Report published: 19 October 2015'])).toMatchObject({
      start: '2015-07-06',
      end: '2015-07-30',
      published: '2015-10-19',
    });
    expect(parsePageOneDates(['Inspection dates: 8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019'])).toMatchObject({
      start: '2019-07-08',
      end: '2019-08-08',
      inParts: 2,
    });
  });
});

describe('titles', () => {
  it('tells the frameworks and kinds apart', () => {
    expect(identifyDocument(['Inspection of Norfolk local authority children’s services', 'Inspection dates: 7 to 18 November 2022'])).toMatchObject({
      kind: 'ofsted_inspection_report',
      framework: 'ilacs',
      type: 'not_stated',
      authorityName: 'Norfolk',
    });
    expect(identifyDocument(['Norfolk Council', 'Re-inspection of services for children in need of help and protection, children looked after and care leavers', 'Inspection date: 13 November 2017 to 24 November 2017'])).toMatchObject({
      framework: 'sif',
      type: 'reinspection',
      authorityName: 'Norfolk Council',
    });
    expect(identifyDocument(['Inspection of looked after children services', 'Kent County Council', 'Inspection dates: 15 – 19 July 2013'])).toMatchObject({
      framework: 'pre_2013',
      type: 'looked_after_children',
    });
    expect(identifyDocument(['Surrey Safeguarding Children Board', 'Review of the effectiveness of the Local Safeguarding Children Board', 'Inspection date: 15 June 2015 – 17 June 2015'])).toMatchObject({
      framework: 'sif',
      lscbReviewOnly: true,
      authorityName: 'Surrey',
    });
    expect(identifyDocument(['4 June 2018', 'Dear Jacqui', 'Focused visit to North Tyneside children’s services'])).toMatchObject({
      kind: 'ofsted_letter',
      type: 'focused_visit',
    });
    expect(identifyDocument(['Minutes of the parish council', 'The chair welcomed members.'])).toBeUndefined();
  });

  it('says short or standard only when the report says so', () => {
    const title = ['Inspection of Norfolk local authority children’s services', 'Inspection dates: 17 to 21 January 2022'];
    expect(identifyDocument(title, 'A one-week inspection.')!.type).toBe('not_stated');
    expect(identifyDocument(title, 'This was a short inspection of local authority children’s services.')!.type).toBe('short');
    expect(identifyDocument(title, 'The last inspection was a short inspection in 2019.')!.type).toBe('not_stated');
  });
});

describe('page-one judgements', () => {
  it('reads table rows, with cells joined by " | " as evidence, and names the rows it cannot record', () => {
    const reading = readJudgementRows(
      [
        ['Judgement', 'Grade'],
        ['The impact of leaders on social work practice with children and families', 'Good'],
        ['2.1 Adoption performance', 'Not judged'],
        ['Something else', 'Good'],
      ],
      'ilacs',
    );
    expect(reading.judgements).toEqual([
      { key: 'impact_of_leaders', grade: 'good', evidence: 'The impact of leaders on social work practice with children and families | Good' },
    ]);
    expect(reading.unread).toEqual(['2.1 Adoption performance | Not judged (not a judgement the site records)', 'Something else | Good (not a judgement the site records)']);
  });

  it('reads a row whose label has a known slip, and says so', () => {
    const reading = readJudgementRows([['The experiences and progress of children care leavers', 'Good']], 'ilacs');
    expect(reading.judgements.map((j) => j.key)).toEqual(['care_leavers']);
    expect(reading.oddities).toHaveLength(1);
    expect(reading.oddities[0]!.message).toContain('"The experiences and progress of children care leavers"');
  });

  it('gives a pre-2013 overall effectiveness row to the service its section names', () => {
    const rows = [['Overall effectiveness', 'Inadequate']];
    expect(readJudgementRows(rows, 'pre_2013', 'Services for looked after children').judgements[0]!.key).toBe('looked_after_children');
    expect(readJudgementRows(rows, 'pre_2013', 'Safeguarding services').judgements[0]!.key).toBe('safeguarding');
    expect(readJudgementRows(rows, 'pre_2013', 'Record of main findings').judgements).toEqual([]);
  });

  it('reads the SIF overall and LSCB sentences, quoting only the words that state the grade', () => {
    expect(readSifOverall('The overall judgement is that children’s services require improvement.2')).toEqual({
      key: 'overall_effectiveness',
      grade: 'requires_improvement',
      evidence: 'The overall judgement is that children’s services require improvement',
    });
    expect(readSifOverall('Children’s services in the Borough of Redcar and Cleveland area require improvement to be Good')!.grade).toBe('requires_improvement');
    expect(readSifOverall('Children’s services in Torbay are inadequate')!.grade).toBe('inadequate');
    expect(readSifOverall('Children’s services in Torbay are improving')).toBeUndefined();
    expect(readLscb('The Local Safeguarding Children Board is inadequate because:')).toEqual({
      key: 'lscb',
      grade: 'inadequate',
      evidence: 'The Local Safeguarding Children Board is inadequate',
    });
    expect(readLscb('The effectiveness of the Local Safeguarding Children Board (LSCB) is requires improvement')!.grade).toBe('requires_improvement');
    expect(readLscb('The Local Safeguarding Children Board (LSCB) is constructed appropriately to deliver')).toBeUndefined();
  });
});

describe('the judgement table from positions', () => {
  const item = (str: string, x: number, y: number): TextItem => ({ str, x, y, width: str.length * 5.5, size: 12, bold: false });

  it('keeps a wrapped label and a two-line grade in one row, and splits a label running close to its grade', () => {
    const lines = buildLines({
      number: 1,
      width: 595,
      height: 842,
      items: [
        item('Judgement', 79, 552), item('Grade', 395, 552),
        item('The impact of leaders on social work practice with', 79, 519), item('Good', 395, 511.6), item('children and families', 79, 504.4),
        item('The experiences and progress of children who need', 79, 478), item('Requires improvement', 395, 478),
        item('help and protection', 79, 463.5), item('to be good', 395, 463.5),
        item('Overall effectiveness', 79, 389), item('Good', 395, 389),
      ],
    });
    const [table] = findGradeTables(lines, 595);
    expect(table!.header).toEqual(['Judgement', 'Grade']);
    expect(table!.rows).toEqual([
      ['The impact of leaders on social work practice with children and families', 'Good'],
      ['The experiences and progress of children who need help and protection', 'Requires improvement to be good'],
      ['Overall effectiveness', 'Good'],
    ]);
  });

  it('finds no table in running text that mentions grades', () => {
    const lines = buildLines({
      number: 1,
      width: 595,
      height: 842,
      items: [item('Most children receive good help, and practice is good in', 71, 500), item('the front door, where decisions are good and timely.', 71, 485)],
    });
    expect(findGradeTables(lines, 595)).toEqual([]);
  });
});

describe('earlier inspections', () => {
  it('reads one whose sentence dates it and grades the whole service', () => {
    expect(readPreviousSentence('At the last inspection in 2015, the overall effectiveness of children’s services in Brighton and Hove was judged to require improvement to be good.', '2018-06-01')).toMatchObject({
      framework: 'sif',
      start: '2015',
      judgements: [{ key: 'overall_effectiveness', grade: 'requires_improvement' }],
    });
    expect(readPreviousSentence('Following the last inspection in 2019, when Trafford was judged to be inadequate, the pace of improvement was too slow.', '2022-11-21', ['Trafford'])).toMatchObject({
      framework: 'ilacs',
      judgements: [{ grade: 'inadequate' }],
    });
  });

  it('leaves alone what does not say unambiguously', () => {
    const refused = [
      'Both were judged to be outstanding at their most recent inspection in 2015.', // "both" is not the authority
      'Services have improved since the last inspection in 2016 and are now good.', // the grade is today's
      'At the last full inspection in 2017, services were found to have improved from a previous judgement of inadequate and were judged to require improvement.', // two grades
      'The last inspection, in May 2018, judged all services as requiring improvement to be good.', // 2018: SIF or ILACS?
      'Since the last inspection, when services were judged to be inadequate, leaders have made progress.', // no date
      'The previous inspection of the local authority adoption services in June 2011 judged the service as good.', // another service
      'Since the focused visit in 2019, when practice was judged to be good, leaders have continued to improve.', // a visit gives no grade
      'In the last inspection of safeguarding and looked after children services in 2012, the local authority was judged to be good.', // which of the two?
    ];
    for (const sentence of refused) expect(readPreviousSentence(sentence, '2020-01-01', ['Norfolk']), sentence).toBeUndefined();
  });

  it('reads an overall grade with one area\'s, "in all areas", "they" for the services, and "had previously been judged"', () => {
    const islington = readPreviousSentence('Children in Islington benefit from services that have gone from strength to strength since the last inspection in 2017, when they were judged good overall, and outstanding for leadership, management and governance.', '2020-01-01');
    expect(islington?.judgements.map((j) => `${j.key}=${j.grade}`)).toEqual(['overall_effectiveness=good', 'leadership_management_governance=outstanding']);
    const sandwell = readPreviousSentence('Since the last inspection in 2022, when Sandwell children’s services were judged as requires improvement to be good in all areas, most services have significantly improved.', '2025-10-01', ['Sandwell']);
    expect(sandwell?.judgements.map((j) => j.key)).toEqual(['overall_effectiveness', 'impact_of_leaders', 'help_and_protection', 'children_in_care_and_care_leavers']);
    expect(readPreviousSentence('Children’s services in Croydon have improved dramatically since the last inspection in 2017, when they were judged to be inadequate.', '2020-01-01')).toMatchObject({ framework: 'sif', judgements: [{ key: 'overall_effectiveness', grade: 'inadequate' }] });
    // "they" are one area's services here: left alone.
    expect(readPreviousSentence('Services for children in care have deteriorated since the previous inspection in 2015, when they were judged to be good.', '2019-06-01')).toBeUndefined();
    expect(readPreviousSentence('The local authority had previously been judged inadequate in 2016, and following statutory direction the council agreed to work in partnership to create a company.', '2023-05-01')).toMatchObject({ start: '2016', judgements: [{ grade: 'inadequate' }] });
  });

  it('reads the "Previous Ofsted inspections" items of SIF reports, one service each', () => {
    expect(
      readPreviousOfstedInspection('The previous inspection of the local authority’s arrangements for the protection of children was in March 2012. The local authority was judged to be adequate.'),
    ).toMatchObject({ framework: 'pre_2013', type: 'safeguarding', start: '2012-03', judgements: [{ key: 'safeguarding', grade: 'adequate' }] });
    expect(
      readPreviousOfstedInspection('The previous inspection of the local authority’s services for children looked after was published in May 2011. The local authority was judged to be good.'),
    ).toMatchObject({ type: 'looked_after_children', published: '2011-05', judgements: [{ key: 'looked_after_children', grade: 'good' }] });
    // A combined inspection given one grade: the authority's grade as a whole (overall effectiveness), not either service's.
    expect(
      readPreviousOfstedInspection('The previous inspection of the local authority’s services for safeguarding and children looked after was in October 2010. The local authority was judged to be inadequate.'),
    ).toMatchObject({ type: 'safeguarding_and_looked_after_children', judgements: [{ key: 'overall_effectiveness', grade: 'inadequate' }] });
    // The authority named instead of "the local authority", and a year without a month.
    expect(
      readPreviousOfstedInspection('The previous inspection of Rochdale’s arrangements for the protection of children was in 2012. The local authority was judged to be inadequate.'),
    ).toMatchObject({ type: 'safeguarding', start: '2012', judgements: [{ key: 'safeguarding', grade: 'inadequate' }] });
    // A grade with a qualification is left alone.
    expect(
      readPreviousOfstedInspection('The previous inspection of Exampleshire’s safeguarding and looked after children services was in May 2012. The local authority was judged to be good for safeguarding but adequate overall.'),
    ).toBeUndefined();
  });
});

describe('improvements', () => {
  it('lists the items under "What needs to improve", through its sub-headings, and stops at the next section', () => {
    const blocks: Block[] = [
      { type: 'heading', depth: 2, text: 'What does the local authority need to improve?', page: 2 },
      { type: 'heading', depth: 3, text: 'Priority and immediate action', page: 2 },
      { type: 'list_item', ordered: true, number: 1, text: 'Ensure that all children are seen.', page: 2 },
      { type: 'paragraph', text: 'Care leavers', page: 2 },
      { type: 'list_item', ordered: true, number: 2, text: 'Improve pathway plans.', page: 2 },
      { type: 'heading', depth: 2, text: 'The local authority’s strengths', page: 3 },
      { type: 'list_item', ordered: true, number: 3, text: 'Social workers know children well.', page: 3 },
    ];
    expect(readImprovements(blocks)).toEqual(['Ensure that all children are seen.', 'Improve pathway plans.']);
  });
});

describe('council reports', () => {
  it('turns tab-separated rows into a table and bullets into list items', () => {
    const blocks = textToBlocks('Judgement\tGrade\nOverall effectiveness\tGood\n\n- „X first point\n- second point\n');
    expect(blocks[0]).toMatchObject({ type: 'table', header: true, rows: [['Judgement', 'Grade'], ['Overall effectiveness', 'Good']] });
    expect(blocks.slice(1).map((b) => b.type === 'list_item' && b.text)).toEqual(['first point', 'second point']);
  });

  it('reads "judged to be" sentences, a defined board acronym, and "in all four areas"; not other years', () => {
    const text = [
      'Ofsted report that it judges the overall effectiveness of children’s services in North Tyneside to be ‘Good’.',
      '- adoption performance was judged to be ‘Outstanding’;',
      'The North Tyneside Safeguarding Children Board (NTSCB) was concurrently inspected. Ofsted judged the overall effectiveness of the NTSCB to be ‘Good’.',
      'At the last inspection in 2012, leadership, management and governance was judged to be ‘Inadequate’.',
    ].join('\n\n');
    const blocks = textToBlocks(text);
    expect(boardAcronyms(text)).toEqual(['NTSCB']);
    const { judgements } = readCouncilJudgements(blocks, 'sif', '2017-02-27');
    expect(Object.fromEntries(judgements.map((j) => [j.key, j.grade]))).toEqual({ overall_effectiveness: 'good', adoption: 'outstanding', lscb: 'good' });
    const ilacs = readCouncilJudgements(textToBlocks('The outcome was that Peterborough was assessed as ‘Good’ in all four inspection areas.'), 'ilacs', undefined);
    expect(ilacs.judgements.map((j) => j.key).sort()).toEqual(['children_in_care_and_care_leavers', 'help_and_protection', 'impact_of_leaders', 'overall_effectiveness']);
    expect(readCouncilDates('Children’s services were inspected by Ofsted between 22 October and 9 November 2018. The findings were published on 14 December 2018.')).toEqual({
      start: '2018-10-22',
      end: '2018-11-09',
      published: '2018-12-14',
    });
  });
});
