// The search page's filter menus: one per filter, in order, each offering only the values
// some indexed page has, in an order a reader expects.
import { describe, expect, test } from 'vitest';
import { searchView } from '../../../src/lib/views/search.ts';
import { authority, report, smallSite } from './small-site.ts';

const site = smallSite(
  [authority('ash', 'Ash'), authority('birch', 'Birch', { region: 'London' }), authority('cedar', 'Cedar', { region: 'London' })],
  [
    report('ofsted/ash/2019', { authority: 'ash', framework: 'sif', end: '2019-03-01', grades: { overall_effectiveness: 'inadequate' } }),
    report('ofsted/birch/2023', { authority: 'birch', end: '2023-02-10', grades: { overall_effectiveness: 'good' } }),
    report('ofsted/ash/2022', { authority: 'ash', end: '2022-05-20', grades: { overall_effectiveness: 'outstanding' } }),
  ],
);
const { filters } = searchView(site);
const values = (name: string) => filters.find((f) => f.name === name)!.values;

describe('searchView', () => {
  test('a menu per filter, in the page’s order, each labelled and named for the address', () => {
    expect(filters.map((f) => f.name)).toEqual(['authority', 'region', 'kind', 'framework', 'grade', 'focus', 'priority', 'year']);
    expect(filters[0]).toMatchObject({ id: 'search-authority', label: 'Authority' });
    expect(filters.find((f) => f.name === 'grade')!.label).toBe('Grade stated');
  });

  test('offers only the values some page has: authorities and regions A to Z, grades best first, years newest first', () => {
    expect(values('authority')).toEqual(['Ash', 'Birch', 'Cedar']);
    expect(values('region')).toEqual(['London', 'North East']);
    expect(values('grade')).toEqual(['Outstanding', 'Good', 'Inadequate']);
    expect(values('year')).toEqual(['2023', '2022', '2019']);
    expect(values('focus')).toEqual([]);
  });
});
