// How current the data is: the newest document's date, and a build date that two builds
// of the same content agree on (SOURCE_DATE_EPOCH when given, else the newest date).
import { describe, expect, test } from 'vitest';
import { siteCurrency } from '../../src/domain/currency.ts';
import { documentHeading } from '../../src/lib/document-heading.ts';

const docs = [
  { id: 'ofsted/leeds/2025-08-12', data: { date: '2025-08-12' } },
  { id: 'seeds/x', data: { date: '2019' } },
  { id: 'ofsted/brent/2026-03', data: { date: '2026-03' } },
];

describe('siteCurrency', () => {
  test('the newest document, by the latest day its date can mean', () => {
    expect(siteCurrency(docs).newest).toEqual({ date: '2026-03', id: 'ofsted/brent/2026-03' });
  });
  test('without SOURCE_DATE_EPOCH the build date is the newest date, the same for every build of the same content', () => {
    expect(siteCurrency(docs)).toMatchObject({ built: '2026-03-31', builtFrom: 'newest document' });
    expect(siteCurrency([...docs].reverse())).toEqual(siteCurrency(docs));
  });
  test('with SOURCE_DATE_EPOCH the build date is its day in UTC', () => {
    expect(siteCurrency(docs, '1764806400')).toMatchObject({ built: '2025-12-04', builtFrom: 'SOURCE_DATE_EPOCH' });
    expect(siteCurrency(docs, 'not a number').builtFrom).toBe('newest document');
  });
  test('no documents: nothing to say', () => {
    expect(siteCurrency([])).toEqual({ newest: undefined, built: undefined, builtFrom: 'newest document' });
  });
});

describe('documentHeading', () => {
  test('a council report is headed by the council, the meeting and the date; its source is the paper’s own title; no file digest', () => {
    const h = documentHeading({ kind: 'council_report', title: 'The findings of the Ofsted Inspection of Children’s Services', issuer: 'North Tyneside Council', meeting: 'Cabinet, 10 July 2017 (item 6(g))', date: '2017-07-10' });
    expect(h.h1).toBe('North Tyneside Council: report to Cabinet, 10 July 2017');
    expect(h.sourceText).toBe('“The findings of the Ofsted Inspection of Children’s Services”, North Tyneside Council, Cabinet, 10 July 2017 (item 6(g))');
    expect(h.showFile).toBe(false);
  });
  test('a meeting without its date gets the document’s date', () => {
    expect(documentHeading({ kind: 'council_report', title: 'T', issuer: 'Brent Council', meeting: 'Cabinet', date: '2020-01-02' }).h1).toBe('Brent Council: report to Cabinet, 2 January 2020');
  });
  test('an Ofsted report keeps its own title', () => {
    expect(documentHeading({ kind: 'ofsted_inspection_report', title: 'Inspection of Leeds', issuer: 'Ofsted', date: '2025-08-12' })).toEqual({ h1: 'Inspection of Leeds', showFile: true });
  });
});
