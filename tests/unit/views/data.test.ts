// The downloads page: each file with its record count and its three addresses, each
// file's fields in order with their meanings, the keys and grades, the host to cite.
import { describe, expect, test } from 'vitest';
import { authorityRows, type Download } from '../../../src/domain/downloads.ts';
import { dataView } from '../../../src/lib/views/data.ts';
import { authority, report, smallSite } from './small-site.ts';

const small = smallSite([authority('ash', 'Ash'), authority('birch', 'Birch')], [
  report('ofsted/ash/2022', { authority: 'ash', end: '2022-05-20', grades: { overall_effectiveness: 'good' } }),
]);
const asked: string[] = [];
/** The authorities file from its real rows; the judgements file as if it had 1,234 records. */
const rowsOf = (d: Download, siteUrl: string) => {
  asked.push(siteUrl);
  if (d.name === 'authorities') return authorityRows(small.authorities, small.latestByAuthority, siteUrl);
  return d.name === 'judgements' ? Array.from({ length: 1234 }, () => ({}) as never) : [];
};
const view = dataView({ ...small, rowsOf }, new URL('https://inspections.example/'));
const file = (name: string) => view.files.find((f) => f.name === name)!;

describe('dataView', () => {
  test('lists every file in order, each with its record count as a reader reads it', () => {
    expect(view.files.map((f) => [f.name, f.records])).toEqual([
      ['judgements', '1,234'],
      ['inspections', '0'],
      ['visits', '0'],
      ['next-inspections', '0'],
      ['authorities', '2'],
    ]);
    expect(asked.every((u) => u === 'https://inspections.example/')).toBe(true);
  });

  test('links each file as CSV, JSON and its JSON Schema', () => {
    expect(file('visits')).toMatchObject({ title: 'Focused visits', csvHref: '/data/visits.csv', jsonHref: '/data/visits.json', schemaHref: '/data/visits.schema.json' });
  });

  test('gives each file’s fields in column order, each with its meaning', () => {
    const fields = file('authorities').fields;
    expect(fields[0]!.name).toBe('authority_id');
    expect(fields.map((f) => f.name)).toContain('latest_overall_effectiveness');
    expect(fields.every((f) => f.description.length > 0)).toBe(true);
  });

  test('lists the judgement keys and the grades with their words, and the host to cite', () => {
    expect(view.judgementKeys[0]).toEqual({ key: 'overall_effectiveness', label: 'Overall effectiveness' });
    expect(view.grades.map((g) => g.grade)).toEqual(['outstanding', 'good', 'requires_improvement', 'adequate', 'inadequate']);
    expect(view.grades[2]!.label).toBe('Requires improvement to be good');
    expect(view.host).toBe('inspections.example');
  });

  test('says how current the data is, and whether there are no documents yet', () => {
    expect(view.currency.newest).toEqual({ date: '2022-05-20', id: 'ofsted/ash/2022' });
    expect(view.noDocuments).toBe(false);
    expect(dataView({ ...smallSite([], []), rowsOf: () => [] }, new URL('https://inspections.example/')).noDocuments).toBe(true);
  });
});
