// Page one of each framework's reports, built as PDFs with pdf-lib and read back through
// the importer: the judgements, their evidence rows in the body, dates, framework and type.
import { describe, expect, it } from 'vitest';
import { quoteInBody } from '../../../src/domain/evidence.ts';
import { importPdf } from '../../../src/importer/report.ts';
import { readAuthorities } from '../../../scripts/lib/entries.ts';
import { filler, ilacsReport, makePdf, Page } from './fixtures.ts';

const authorities = readAuthorities();
const TIMEOUT = 30_000;

async function importPages(pages: Page[], footer: string[] = [], date = '2030-01-01') {
  return importPdf(await makePdf(pages, { footer }), { authorities, date });
}

function grades(judgements: Record<string, { grade: string } | undefined>) {
  return Object.fromEntries(Object.entries(judgements).map(([k, j]) => [k, j!.grade]));
}

describe('ILACS reports', () => {
  it('reads the 2018–2022 table: four judgements, children in care and care leavers together', async () => {
    const { pages, footer } = ilacsReport({
      name: 'Norfolk',
      dates: '7 to 18 November 2022',
      rows: [
        [['The impact of leaders on social work', 'practice with children and families'], ['Good']],
        [['The experiences and progress of', 'children who need help and protection'], ['Requires improvement', 'to be good']],
        [['The experiences and progress of', 'children in care and care leavers'], ['Outstanding']],
        [['Overall effectiveness'], ['Good']],
      ],
    });
    const result = await importPages(pages, footer);
    const subject = result.data.inspections[0]!;
    expect(result.data.authority).toBe('norfolk');
    expect(result.data.kind).toBe('ofsted_inspection_report');
    expect(subject).toMatchObject({ framework: 'ilacs', type: 'not_stated', start: '2022-11-07', end: '2022-11-18' });
    expect(grades(subject.judgements)).toEqual({
      overall_effectiveness: 'good',
      impact_of_leaders: 'good',
      help_and_protection: 'requires_improvement',
      children_in_care_and_care_leavers: 'outstanding',
    });
    expect(subject.judgements.help_and_protection!.evidence).toBe(
      'The experiences and progress of children who need help and protection | Requires improvement to be good',
    );
    // The table is a GFM table in the body, so each row is its own evidence.
    expect(result.body).toMatch(/^\| Judgement +\| Grade +\|$/m);
    for (const j of Object.values(subject.judgements)) expect(quoteInBody(j!.evidence, result.body)).toBe(true);
    expect(subject.improvements).toEqual(['The timeliness of assessments for disabled children.', 'Management oversight of plans for children in care.']);
    // Running footers and page numbers are furniture, not text: the title is the one place the footer's words stay.
    expect(result.body.match(/Inspection of Norfolk local authority children’s services/g)).toHaveLength(1);
    expect(result.body).not.toMatch(/^7 to 18 November 2022$/m);
    expect(result.body).not.toMatch(/^\d+$/m);
    expect(result.needsReview).toBe(false);
  }, TIMEOUT);

  it('reads the 2023 split: children in care and care leavers as two judgements', async () => {
    const { pages, footer } = ilacsReport({
      name: 'Cumberland',
      dates: '7 to 18 October 2024',
      rows: [
        [['The impact of leaders on social work', 'practice with children and families'], ['Requires improvement', 'to be good']],
        [['The experiences and progress of', 'children who need help and protection'], ['Requires improvement', 'to be good']],
        [['The experiences and progress of', 'children in care'], ['Good']],
        [['The experiences and progress of', 'care leavers'], ['Inadequate']],
        [['Overall effectiveness'], ['Requires improvement', 'to be good']],
      ],
    });
    const subject = (await importPages(pages, footer)).data.inspections[0]!;
    expect(grades(subject.judgements)).toEqual({
      overall_effectiveness: 'requires_improvement',
      impact_of_leaders: 'requires_improvement',
      help_and_protection: 'requires_improvement',
      children_in_care: 'good',
      care_leavers: 'inadequate',
    });
    expect(subject.judgements.care_leavers!.evidence).toBe('The experiences and progress of care leavers | Inadequate');
  }, TIMEOUT);

  const april2026 = (withOverall: boolean) =>
    ilacsReport({
      name: 'Wigan',
      dates: '11 to 22 May 2026',
      rows: [
        [['The impact of leaders on social work', 'practice with children and families'], ['Good']],
        [['The experiences and progress of', 'children who need help and protection'], ['Good']],
        [['The experiences and progress of', 'children in care'], ['Outstanding']],
        [['The experiences and progress of', 'care leavers'], ['Good']],
        ...(withOverall ? ([[['Overall effectiveness'], ['Good']]] as [string[], string[]][]) : []),
      ],
    });

  it('reads the April 2026 format: four judgements and no overall effectiveness', async () => {
    const { pages, footer } = april2026(false);
    const result = await importPages(pages, footer);
    const subject = result.data.inspections[0]!;
    expect(Object.keys(subject.judgements).sort()).toEqual(['care_leavers', 'children_in_care', 'help_and_protection', 'impact_of_leaders']);
    expect(result.needsReview).toBe(false);
  }, TIMEOUT);

  it('refuses an overall effectiveness grade dated after April 2026, and says so', async () => {
    const { pages, footer } = april2026(true);
    const result = await importPages(pages, footer);
    expect(result.data.inspections[0]!.judgements.overall_effectiveness).toBeUndefined();
    expect(result.findings.join('\n')).toMatch(/refused overall_effectiveness = good: not a judgement of ilacs/);
    expect(result.needsReview).toBe(true);
  }, TIMEOUT);

  it('flags a section heading that disagrees with page one and keeps page one’s grade', async () => {
    const { pages, footer } = ilacsReport({
      name: 'Norfolk',
      dates: '7 to 18 November 2022',
      rows: [
        [['The impact of leaders on social work', 'practice with children and families'], ['Good']],
        [['The experiences and progress of', 'children who need help and protection'], ['Good']],
        [['The experiences and progress of', 'children in care and care leavers'], ['Good']],
        [['Overall effectiveness'], ['Good']],
      ],
    });
    pages[1]!.space(10).line('The experiences and progress of children in care and care leavers: inadequate', { size: 14, bold: true, gap: 26 });
    filler(pages[1]!, 1);
    const result = await importPages(pages, footer);
    expect(result.data.inspections[0]!.judgements.children_in_care_and_care_leavers!.grade).toBe('good');
    expect(result.data.flags).toHaveLength(1);
    expect(result.data.flags[0]!.message).toContain('inadequate');
    expect(result.needsReview).toBe(true);
  }, TIMEOUT);

  it('records an earlier inspection only when a sentence states its grade, with that sentence as evidence', async () => {
    const { pages, footer } = ilacsReport({
      name: 'Norfolk',
      dates: '7 to 18 November 2022',
      rows: [
        [['Overall effectiveness'], ['Good']],
        [['The impact of leaders on social work', 'practice with children and families'], ['Good']],
      ],
      summary: 'Since the last inspection in 2017, when services were judged to be inadequate, leaders have transformed the help that children receive.',
    });
    const result = await importPages(pages, footer);
    const previous = result.data.inspections.filter((i) => i.role === 'previous');
    expect(previous).toHaveLength(1);
    expect(previous[0]).toMatchObject({ framework: 'sif', start: '2017' });
    expect(previous[0]!.judgements.overall_effectiveness).toEqual({
      grade: 'inadequate',
      evidence: 'Since the last inspection in 2017, when services were judged to be inadequate, leaders have transformed the help that children receive.',
    });
  }, TIMEOUT);
});

describe('SIF reports', () => {
  function sifReport(): Page[] {
    const one = new Page(722)
      .line('Norfolk County Council', { size: 26, gap: 25 })
      .line('Inspection of services for children in need of help and', { size: 14, bold: true, gap: 17 })
      .line('protection, children looked after and care leavers', { size: 14, bold: true, gap: 23 })
      .line('and', { size: 14, gap: 23 })
      .line('Review of the effectiveness of the Local Safeguarding Children', { size: 14, bold: true, gap: 17 })
      .line('Board', { size: 14, bold: true, gap: 23 })
      .line('Inspection date: 6 July 2015 – 30 July 2015', { size: 14, bold: true, gap: 23 })
      .line('Report published: 19 October 2015', { size: 14, bold: true, gap: 29 })
      .line('Children’s services in Norfolk are inadequate', { size: 14, bold: true, gap: 27 });
    one.paragraph('There are widespread or serious failures that mean the welfare of looked after children is not safeguarded and promoted.');
    one.space(30);
    one.row(['1. Children who need help and protection'], ['Requires improvement'], 388, { labelX: 71 });
    // A two-line label with its grade centred between the lines.
    const y = one.y;
    one.at('2. Children looked after and achieving', 71, y, { bold: true }).at('permanence', 89, y - 14.5, { bold: true }).at('Inadequate', 388, y - 7.2);
    one.y = y - 14.5 - 12.5;
    one.row(['2.1 Adoption performance'], ['Requires improvement'], 388, { labelX: 119 });
    one.row(['2.2 Experiences and progress of care leavers'], ['Inadequate'], 388, { labelX: 119 });
    one.row(['3. Leadership, management and governance'], ['Requires improvement'], 388, { labelX: 71 });
    const two = new Page(734).line('What does the local authority need to improve?', { size: 14, bold: true, gap: 27 });
    two.line('Priority and immediate action', { bold: true, gap: 20 });
    two.at('1.', 71, two.y).line('Ensure that all children at risk of harm are seen promptly.', { x: 99, gap: 20 });
    two.line('Areas for improvement', { bold: true, gap: 20 });
    two.at('2.', 71, two.y).line('Improve the quality of plans for children looked after.', { x: 99, gap: 26 });
    two.line('The local authority’s strengths', { size: 14, bold: true, gap: 27 });
    filler(two, 2, { numberFrom: 3 });
    const three = new Page(734).line('The Local Safeguarding Children Board requires improvement', { size: 14, bold: true, gap: 27 });
    filler(three, 2);
    return [one, two, three];
  }

  it('reads the overall sentence, the numbered table (a wrapped label, a centred grade) and the LSCB grade', async () => {
    const result = await importPages(sifReport());
    const subject = result.data.inspections[0]!;
    expect(subject).toMatchObject({ framework: 'sif', type: 'not_stated', start: '2015-07-06', end: '2015-07-30', published: '2015-10-19' });
    expect(grades(subject.judgements)).toEqual({
      overall_effectiveness: 'inadequate',
      help_and_protection: 'requires_improvement',
      children_looked_after: 'inadequate',
      adoption: 'requires_improvement',
      care_leavers: 'inadequate',
      leadership_management_governance: 'requires_improvement',
      lscb: 'requires_improvement',
    });
    expect(subject.judgements.overall_effectiveness!.evidence).toBe('Children’s services in Norfolk are inadequate');
    expect(subject.judgements.children_looked_after!.evidence).toBe('2. Children looked after and achieving permanence | Inadequate');
    expect(subject.judgements.lscb!.evidence).toBe('The Local Safeguarding Children Board requires improvement');
    for (const j of Object.values(subject.judgements)) expect(quoteInBody(j!.evidence, result.body)).toBe(true);
    expect(subject.improvements).toEqual([
      'Ensure that all children at risk of harm are seen promptly.',
      'Improve the quality of plans for children looked after.',
    ]);
    // The report's own date wins over --date.
    expect(result.data.date).toBe('2015-10-19');
  }, TIMEOUT);
});

describe('Pre-2013 inspections', () => {
  it('reads the looked after children grade from the record of main findings', async () => {
    const one = new Page(700)
      .line('Inspection of looked after children', { size: 26, gap: 31 })
      .line('services', { size: 26, gap: 40 })
      .line('Kent County Council', { size: 18, gap: 40 })
      .line('Inspection dates: 15 – 19 July 2013')
      .line('Reporting inspector Helen Cawston HMI')
      .line('Age group: All')
      .line('Published: 23 August 2013');
    const two = filler(new Page(734).line('About this inspection', { size: 14, bold: true, gap: 27 }), 3, { numberFrom: 1 });
    const three = new Page(744).line('Record of main findings', { size: 18, bold: true, gap: 30 }).line('Services for looked after children', { size: 14, bold: true, gap: 32 });
    three.row(['Overall effectiveness'], ['Adequate'], 366, { labelX: 90 });
    three.row(['Capacity to improve'], ['Good'], 366, { labelX: 90 });
    three.row(['Outcomes for looked after children and', 'young people'], ['Adequate'], 366, { labelX: 90 });
    const result = await importPages([one, two, three]);
    const subject = result.data.inspections[0]!;
    expect(result.data.authority).toBe('kent');
    expect(subject).toMatchObject({ framework: 'pre_2013', type: 'looked_after_children', start: '2013-07-15', end: '2013-07-19', published: '2013-08-23' });
    expect(grades(subject.judgements)).toEqual({ looked_after_children: 'adequate' });
    expect(subject.judgements.looked_after_children!.evidence).toBe('Overall effectiveness | Adequate');
    // Rows that are not judgements of the vocabulary stay in the body, and are reported.
    expect(result.body).toContain('| Capacity to improve');
    expect(result.findings.join('\n')).toContain('Capacity to improve | Good');
  }, TIMEOUT);
});

describe('Letters', () => {
  it('reads a focused visit letter: no grades, the visit date, what needs to improve', async () => {
    const one = new Page(760)
      .line('4 June 2018', { gap: 30 })
      .line('Ms Jane Example')
      .line('Director of Children’s Services', { gap: 30 })
      .line('Dear Ms Example', { gap: 26 })
      .line('Focused visit to North Tyneside children’s services', { bold: true, gap: 26 });
    one.paragraph(
      'This letter summarises the findings of a focused visit to North Tyneside children’s services on 9 May 2018. The inspectors were Jan Edwards and Graham Reiter, Her Majesty’s Inspectors.',
    );
    one.paragraph('Inspectors looked at the local authority’s arrangements for the ‘front door’, the service that receives contacts and referrals.');
    filler(one, 1);
    one.line('What needs to improve in this area of social work practice', { bold: true, gap: 22 });
    one.at('•', 71, one.y).line('Ensure that manager guidance with clear timescales is given at the start of an assessment.', { x: 89, gap: 22 });
    filler(one, 1);
    const result = await importPages([one]);
    const subject = result.data.inspections[0]!;
    expect(result.data.kind).toBe('ofsted_letter');
    expect(result.data.authority).toBe('north-tyneside');
    expect(result.data.date).toBe('2018-06-04');
    expect(subject).toMatchObject({ framework: 'ilacs', type: 'focused_visit', start: '2018-05-09', end: '2018-05-09' });
    expect(subject.judgements).toEqual({});
    expect(subject.improvements).toEqual(['Ensure that manager guidance with clear timescales is given at the start of an assessment.']);
    expect(subject.visit).toMatchObject({
      dates_evidence: 'This letter summarises the findings of a focused visit to North Tyneside children’s services on 9 May 2018.',
      inspectors: [
        { name: 'Jan Edwards', lead: false },
        { name: 'Graham Reiter', lead: false },
      ],
      focus: { area: 'front_door', words: 'the local authority’s arrangements for the ‘front door’, the service that receives contacts and referrals' },
      priority_actions: { areas: [] },
    });
  }, TIMEOUT);
});
