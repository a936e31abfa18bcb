// Corpus-wide checks on what the importer made of every Ofsted report in content/: each
// class of reading error an audit against the PDFs found (issue 14) is looked for in every
// entry, so that none can come back. Each failure names the file and what was found.
import { describe, expect, it } from 'vitest';
import { readDocuments } from '../../scripts/lib/entries.ts';

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
});
