// The five seed entries, read the way the site reads them: the facts a reader would
// check against the seed documents in ../shared/seeds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocuments, ROOT } from '../../src/lib/content-files.ts';
import { quoteInBody } from '../../src/domain/evidence.ts';
import type { ContentEntry } from '../../src/domain/checks.ts';
import type { InspectionData } from '../../src/schemas/document.ts';

const { entries, problems } = readDocuments();
const seeds = entries.filter((e) => e.file.startsWith('content/documents/seeds/'));

function seed(prefix: string): ContentEntry {
  const found = seeds.find((e) => e.file.startsWith(`content/documents/seeds/${prefix}-`));
  if (!found) throw new Error(`no seed entry ${prefix}`);
  return found;
}

function only(entry: ContentEntry, match: Partial<Pick<InspectionData, 'authority' | 'role' | 'framework'>>): InspectionData {
  const found = entry.data.inspections.filter((i) => Object.entries(match).every(([k, v]) => i[k as keyof InspectionData] === v));
  expect(found, JSON.stringify(match)).toHaveLength(1);
  return found[0]!;
}

function grades(inspection: InspectionData): Record<string, string> {
  return Object.fromEntries(Object.entries(inspection.judgements).map(([k, j]) => [k, j!.grade]));
}

/** Two-column layouts the extraction split out of reading order, as the entries put them back. */
const REFLOWED: Record<string, string> = {
  'Responsible Officer Jacqui Old Head of Health Education Tel 0191 643 7317':
    'Responsible Officer Jacqui Old Head of Health Education Care and Safeguarding Tel 0191 643 7317',
};

describe('seed entries', () => {
  it('are five valid entries, one per seed file', () => {
    expect(problems.filter((p) => p.file.includes('/seeds/'))).toEqual([]);
    expect(seeds.map((e) => e.data.source.file).sort()).toEqual([
      '000_9a8c5a2d8f3ccc7e.txt',
      '001_d8959a356b673e2d.txt',
      '002_f1d32309bba59a3e.txt',
      '003_4a407b2b9b19f25f.txt',
      '004_5d4dd98dd852cfbf.txt',
    ]);
  });

  it('quote every grade verbatim from their own body, with no Markdown in a quote and no raw HTML in a body', () => {
    for (const entry of seeds) {
      expect(entry.body, entry.file).not.toMatch(/<\/?[a-z][^>]*>/i);
      for (const inspection of entry.data.inspections) {
        for (const [key, judgement] of Object.entries(inspection.judgements)) {
          expect(quoteInBody(judgement!.evidence, entry.body), `${entry.file} ${inspection.authority} ${key}`).toBe(true);
          expect(judgement!.evidence, `${entry.file} ${key}`).not.toMatch(/\*\*|__|\]\(/);
        }
      }
    }
  });

  it('keep every word of the source in the body (002 apart from its HTML tags, 003 apart from its „X bullets)', () => {
    const words = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
    for (const entry of seeds) {
      const source = readFileSync(join(ROOT, '../shared/seeds', entry.data.source.file!), 'utf8')
        .replace(/<[^>]+>/g, ' ')
        .replaceAll('„X', ' ');
      const body = words(entry.body);
      // Sentences the extraction split across lines or pages are rejoined, so compare paragraph by paragraph.
      for (const paragraph of source.split(/\n\s*\n/)) {
        const w = REFLOWED[words(paragraph)] ?? words(paragraph);
        if (w) expect(body.includes(w), `${entry.file}: ${w.slice(0, 80)}`).toBe(true);
      }
    }
  });
});

describe('000 North Tyneside cabinet report, 10 July 2017', () => {
  const entry = seed('000');

  it('gives the 2017 SIF inspection all six grades and the LSCB review', () => {
    const sif = only(entry, { role: 'subject' });
    expect(sif).toMatchObject({ authority: 'north-tyneside', framework: 'sif', start: '2017-02-27', end: '2017-03-23', published: '2017-06-13' });
    expect(grades(sif)).toEqual({
      overall_effectiveness: 'good',
      help_and_protection: 'good',
      children_looked_after: 'good',
      adoption: 'good',
      care_leavers: 'outstanding',
      leadership_management_governance: 'good',
      lscb: 'good',
    });
    expect(sif.improvements).toHaveLength(10);
  });

  it('records the March 2012 inspection with the grades the report states', () => {
    const previous = only(entry, { role: 'previous' });
    expect(previous).toMatchObject({ framework: 'pre_2013', start: '2012-03' });
    expect(grades(previous)).toEqual({ safeguarding: 'good', looked_after_children: 'good' });
    expect(entry.data.flags.some((f) => f.message.includes('lan Grayson'))).toBe(true);
  });
});

describe('001 North Tyneside focused visit letter, 4 June 2018', () => {
  const entry = seed('001');

  it('is an Ofsted letter about one ungraded focused visit', () => {
    expect(entry.data).toMatchObject({ kind: 'ofsted_letter', issuer: 'Ofsted', date: '2018-06-04', authority: 'north-tyneside' });
    expect(entry.data.inspections).toHaveLength(1);
    const visit = entry.data.inspections[0]!;
    expect(visit).toMatchObject({ framework: 'ilacs', type: 'focused_visit', start: '2018-05-09' });
    expect(visit.judgements).toEqual({});
    expect(visit.improvements).toHaveLength(3);
  });
});

describe('002 Peterborough cabinet report, 26 September 2018', () => {
  const entry = seed('002');

  it('gives the 2018 ILACS inspection four Goods, on site 25 June to 6 July 2018', () => {
    const own = only(entry, { role: 'subject' });
    expect(own).toMatchObject({ authority: 'peterborough', framework: 'ilacs', start: '2018-06-25', end: '2018-07-06', published: '2018' });
    expect(grades(own)).toEqual({
      impact_of_leaders: 'good',
      help_and_protection: 'good',
      children_in_care_and_care_leavers: 'good',
      overall_effectiveness: 'good',
    });
    expect(own.improvements).toHaveLength(5);
    expect(own.note).toContain('Peterborough | Good | Good | Good | Good');
    expect(entry.data.flags.some((f) => f.field === 'inspections[0].start' && f.message.includes('18 June'))).toBe(true);
  });

  it('gives the 2015 SIF inspection requires improvement everywhere but adoption, which was good', () => {
    const sif2015 = only(entry, { role: 'previous' });
    expect(sif2015).toMatchObject({ authority: 'peterborough', framework: 'sif', start: '2015' });
    const g = grades(sif2015);
    expect(g.adoption).toBe('good');
    const others = Object.entries(g).filter(([k]) => k !== 'adoption');
    expect(others.length).toBeGreaterThanOrEqual(4);
    expect(others.every(([, grade]) => grade === 'requires_improvement')).toBe(true);
  });

  it('accounts for all fifteen rows of the comparison table: fourteen comparisons plus Peterborough itself', () => {
    const comparisons = entry.data.inspections.filter((i) => i.role === 'comparison');
    expect(comparisons.map((i) => i.authority)).toEqual([
      'buckinghamshire', 'bolton', 'darlington', 'herefordshire', 'brent', 'havering', 'hillingdon',
      'lambeth', 'north-yorkshire', 'oxfordshire', 'rochdale', 'sunderland', 'surrey', 'wakefield',
    ]);
    expect(comparisons.every((i) => i.published === '2018')).toBe(true);
    const tableRows = entry.body.split('\n').filter((line) => /^\| (?!---|\s*\|)/.test(line) && !line.includes('Impact of Leadership'));
    const fifteen = tableRows.filter((row) => row.split('|').length === 7);
    expect(fifteen).toHaveLength(15);
  });

  it('reads each comparison row cell by cell, SIF rows with SIF keys', () => {
    const row = (authority: string) => grades(only(entry, { authority, role: 'comparison' }));
    expect(row('brent')).toEqual({ impact_of_leaders: 'good', help_and_protection: 'requires_improvement', children_in_care_and_care_leavers: 'outstanding', overall_effectiveness: 'good' });
    expect(row('lambeth')).toEqual({
      leadership_management_governance: 'requires_improvement',
      help_and_protection: 'requires_improvement',
      children_looked_after: 'requires_improvement',
      adoption: 'inadequate',
      overall_effectiveness: 'requires_improvement',
    });
    expect(row('buckinghamshire')).toMatchObject({ children_looked_after: 'inadequate', adoption: 'good', overall_effectiveness: 'inadequate' });
    expect(row('herefordshire')).toEqual({ impact_of_leaders: 'inadequate', help_and_protection: 'requires_improvement', children_in_care_and_care_leavers: 'requires_improvement', overall_effectiveness: 'requires_improvement' });
    const sifRows = entry.data.inspections.filter((i) => i.role === 'comparison' && i.framework === 'sif').map((i) => i.authority);
    expect(sifRows).toEqual(['buckinghamshire', 'darlington', 'lambeth', 'sunderland', 'surrey']);
    expect(only(entry, { authority: 'brent', role: 'comparison' }).judgements.help_and_protection?.evidence).toBe('LB Brent | Good | RI | Outstanding | Good');
  });

  it('flags the raw HTML it converted and paragraph 4.6 against the table', () => {
    expect(entry.data.flags.some((f) => /raw HTML/.test(f.message))).toBe(true);
    expect(entry.data.flags.some((f) => f.message.includes('Hillingdon'))).toBe(true);
    expect(entry.body).toContain('1. Notes the positive outcome of the Ofsted inspection');
  });
});

describe('003 Stockton-on-Tees cabinet decision record, 1 September 2016', () => {
  const entry = seed('003');

  it('records the overall grade only, with a note about the sub-judgements', () => {
    const own = only(entry, { role: 'subject' });
    expect(own).toMatchObject({ authority: 'stockton-on-tees', framework: 'sif' });
    expect(grades(own)).toEqual({ overall_effectiveness: 'good' });
    expect(own.note).toMatch(/sub-judg/);
    expect(entry.data.inspections).toHaveLength(1);
  });

  it('flags the counts that do not add up and keeps the „X bullets as list items', () => {
    expect(entry.data.flags.some((f) => f.message.includes('107'))).toBe(true);
    expect(entry.body).not.toContain('„X');
    expect(entry.body).toContain('- Children who were at risk of Child Sexual Exploitation');
  });
});

describe('004 Haringey scrutiny panel report, 19 March 2019', () => {
  const entry = seed('004');

  it('records the 2018 ILACS inspection in 2018, all requires improvement, and flags paragraph 3.1', () => {
    const own = only(entry, { role: 'subject' });
    expect(own).toMatchObject({ authority: 'haringey', framework: 'ilacs', start: '2018-10-22', end: '2018-11-09', published: '2018-12-14' });
    expect(Object.values(grades(own))).toEqual(['requires_improvement', 'requires_improvement', 'requires_improvement', 'requires_improvement']);
    expect(own.improvements).toHaveLength(9);
    expect(entry.data.flags.some((f) => f.message.includes('3.1') && f.message.includes('2019'))).toBe(true);
  });

  it('mentions the 2014 inspection and the December 2017 JTAI without grades', () => {
    const previous = entry.data.inspections.filter((i) => i.role === 'previous');
    expect(previous.map((i) => [i.framework, i.start])).toEqual([['sif', '2014'], ['jtai', '2017-12']]);
    expect(previous.every((i) => Object.keys(i.judgements).length === 0)).toBe(true);
  });
});
