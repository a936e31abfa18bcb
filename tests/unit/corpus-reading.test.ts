// Corpus-wide checks on what the importer made of every Ofsted report in content/: each
// class of reading error an audit against the PDFs found (issue 14) is looked for in every
// entry, so that none can come back. Each failure names the file and what was found.
import { describe, expect, it } from 'vitest';
import { readDocuments } from '../../scripts/lib/entries.ts';
import { LEAD_IN } from '../../src/importer/parse-improvements.ts';

const reports = readDocuments().entries.filter((e) => e.file.startsWith('content/documents/ofsted/'));
/** Every "file: what" that breaks a rule, for one readable failure. */
const offenders = (find: (entry: (typeof reports)[number]) => string[]) => reports.flatMap((e) => find(e).map((what) => `${e.file}: ${what}`));

describe('the corpus entries read as their reports are written', () => {
  it('has the corpus entries to check', () => {
    expect(reports.length).toBeGreaterThanOrEqual(467);
  });

  it('says "reinspection" only where the report calls itself a re-inspection', () => {
    // "Lancashire Inspection of services…" once read as "re-inspection": the word must stand on its own.
    const found = offenders((e) =>
      e.data.inspections
        .filter((i) => i.role === 'subject' && i.type === 'reinspection')
        .filter(() => !/\bre-?\s?inspection\b/i.test(`${e.data.title}\n${e.body}`))
        .map(() => 'type reinspection, but the report never says "re-inspection"'),
    );
    expect(found).toEqual([]);
  });

  it('keeps no improvement that ends with a colon without the points after it', () => {
    const found = offenders((e) => e.data.inspections.flatMap((i) => (i.improvements ?? []).filter((text) => /:$/.test(text.trim()))));
    expect(found).toEqual([]);
  });

  it('takes no line of a contents page for an improvement', () => {
    const found = offenders((e) => e.data.inspections.flatMap((i) => (i.improvements ?? []).filter((text) => /^[A-Z][^.;:]{3,90}\s\d{1,3}$/.test(text.trim()))));
    expect(found).toEqual([]);
  });

  it('has no title ending in a footnote marker, nor dates run into it', () => {
    const found = offenders((e) => [e.data.title].filter((t) => /[a-z]\d{1,2}$/.test(t) || /inspection dates?:/i.test(t)));
    expect(found).toEqual([]);
  });

  it('has no heading that is a lone conjunction', () => {
    const found = offenders((e) => e.body.split('\n').filter((line) => /^#{1,6}\s+(and|or|&)\s*$/i.test(line)));
    expect(found).toEqual([]);
  });

  it('takes no finding of a judgement section for an improvement', () => {
    // North Lincolnshire 2022: the fourteen numbered findings under "…help and protection: outstanding" were read as improvements.
    const judgementHeading = /^#{1,6}\s+(the )?(experiences and progress|impact of leaders)\b|^#{1,6}\s.*:\s*(outstanding|good|requires improvement|inadequate|adequate)\b/i;
    const found = offenders((e) => {
      const lines = e.body.split('\n');
      const headingOf = (n: number) => lines.slice(0, n).reverse().find((l) => /^#{1,6}\s/.test(l)) ?? '';
      const flat = (t: string) => t.replace(/\s+/g, ' ');
      return e.data.inspections.flatMap((i) =>
        (i.improvements ?? []).filter((text) => {
          const start = flat(text).slice(0, 60);
          const at = lines.flatMap((l, n) => (flat(l).includes(start) ? [n] : []));
          return at.length > 0 && at.every((n) => judgementHeading.test(headingOf(n)));
        }),
      );
    });
    expect(found).toEqual([]);
  });

  it('takes no lead-in sentence for an improvement', () => {
    // Kent and Medway 2013: "…, the local authority should take the following action." introduces the list.
    const found = offenders((e) => e.data.inspections.flatMap((i) => (i.improvements ?? []).filter((text) => LEAD_IN.test(text.trim()))));
    expect(found).toEqual([]);
  });

  it('records a "What needs to improve" written as prose', () => {
    // A section with paragraphs and no list: its paragraphs are the improvements, never an empty list.
    const found = offenders((e) => {
      const m = /^#{1,6}\s+What needs to improve\b.*\n+((?:(?!#|\d+\.\s|[-*]\s).+\n+)+)#/im.exec(e.body);
      if (!m) return [];
      const paragraphs = m[1]!.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 90);
      const recorded = e.data.inspections.filter((i) => i.role === 'subject').flatMap((i) => i.improvements ?? []);
      return paragraphs.filter((p) => !recorded.includes(p)).map((p) => `not recorded: ${p.slice(0, 60)}…`);
    });
    expect(found).toEqual([]);
  });
});
