// Short or standard: stated by the source, else derived from the days on site (one week
// short, two weeks standard), else not derived with the reason; days to publication and
// their median by year.
import { describe, expect, test } from 'vitest';
import { daysOnSite, daysToPublish, ilacsKind, median, publishLagByYear } from '../../src/domain/inspection-kind.ts';
import { flattenDocuments, groupInspections } from '../../src/domain/derive.ts';
import { readDocuments } from '../../src/lib/content-files.ts';

const ilacs = (start?: string, end?: string, type: 'not_stated' | 'short' | 'standard' | 'focused_visit' = 'not_stated') => ({ framework: 'ilacs' as const, type, start, end });

describe('short or standard', () => {
  test('as the source states it', () => {
    expect(ilacsKind(ilacs('2023-01-09', '2023-01-20', 'short'))).toEqual({ kind: 'short', basis: 'stated', reason: 'as the source states it' });
  });
  test('Monday to Friday is one week on site: short, marked derived with the days', () => {
    expect(daysOnSite({ start: '2023-05-08', end: '2023-05-12' })).toBe(5);
    expect(ilacsKind(ilacs('2023-05-08', '2023-05-12'))).toMatchObject({ kind: 'short', basis: 'derived_from_days', reason: expect.stringMatching(/^derived: 5 days on site.*one week/) });
  });
  test('Monday to the next Friday is two weeks: standard', () => {
    expect(ilacsKind(ilacs('2023-01-09', '2023-01-20'))).toMatchObject({ kind: 'standard', basis: 'derived_from_days' });
  });
  test('a month on site, or a date without its day, is not read as either, and says why', () => {
    expect(ilacsKind(ilacs('2019-07-08', '2019-08-08'))).toMatchObject({ kind: undefined, reason: expect.stringMatching(/32 days on site.*neither one week nor two/) });
    expect(ilacsKind(ilacs('2019-03', undefined))).toMatchObject({ kind: undefined, reason: expect.stringMatching(/do not give both/) });
  });
  test('visits and other frameworks have no short or standard kind', () => {
    expect(ilacsKind(ilacs('2023-01-09', '2023-01-10', 'focused_visit'))).toBeUndefined();
    expect(ilacsKind({ framework: 'sif', type: 'not_stated', start: '2016-01-04', end: '2016-01-28' })).toBeUndefined();
  });
});

describe('time to publish', () => {
  test('days from the last day on site to publication, only with both to the day', () => {
    expect(daysToPublish({ start: '2023-05-08', end: '2023-05-12', published: '2023-06-23' })).toBe(42);
    expect(daysToPublish({ end: '2023-05-12', published: '2023-06' })).toBeUndefined();
  });
  test('median by the year the visit ended', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(publishLagByYear([
      { end: '2022-01-07', published: '2022-02-18' },
      { end: '2022-03-04', published: '2022-04-01' },
      { end: '2023-01-06', published: '2023-02-10' },
      { end: '2023-02-03' },
    ])).toEqual([
      { year: '2022', count: 2, median: 35, shortest: 28, longest: 42 },
      { year: '2023', count: 1, median: 35, shortest: 35, longest: 35 },
    ]);
  });
});

test('real content: every full ILACS inspection has a kind, or the reason it has none', () => {
  const { entries } = readDocuments();
  const documents = entries.map((e) => ({ id: e.file, data: e.data }));
  const full = groupInspections(flattenDocuments(documents)).filter((g) => g.framework === 'ilacs' && g.graded);
  expect(full.length).toBeGreaterThan(300);
  let derived = 0;
  for (const g of full) {
    const k = ilacsKind(g)!;
    expect(k.reason, g.id).toBeTruthy();
    if (k.kind && k.basis === 'derived_from_days') derived++;
  }
  // Most are derived from their days on site; only odd spans and undated mentions are not.
  expect(derived / full.length).toBeGreaterThan(0.9);
});
