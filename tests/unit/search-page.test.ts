// The search page's ordering and labels (src/browser/search-page.ts): a query that names a
// council puts its authority page first; each result says what it is.
import { describe, expect, it } from 'vitest';
import { readAuthorities } from '../../src/lib/content-files.ts';
import { findEntries } from '../../src/domain/find-council.ts';
import { councilNamed, resultKind, searchFirst } from '../../src/browser/search-page.ts';

const entries = findEntries(readAuthorities());

describe('councilNamed', () => {
  it('is the council a query names exactly, by name, alias or code, in any case', () => {
    expect(councilNamed(entries, 'Haringey')?.id).toBe('haringey');
    expect(councilNamed(entries, 'lb haringey')?.id).toBe('haringey');
    expect(councilNamed(entries, 'E09000014')?.id).toBe('haringey');
  });
  it('is nothing for part of a name or other words', () => {
    expect(councilNamed(entries, 'Harin')).toBeUndefined();
    expect(councilNamed(entries, 'care leavers')).toBeUndefined();
  });
});

describe('searchFirst', () => {
  const results = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('moves the chosen result to the front, keeping the others in order', () => {
    expect(searchFirst(results, 'c').map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
  it('changes nothing when the chosen result is absent or none is chosen', () => {
    expect(searchFirst(results, 'z').map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(searchFirst(results, undefined).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('resultKind', () => {
  it('says an authority page and its region, or a document’s kind and date', () => {
    expect(resultKind({ kind: ['Authority page'], region: ['London'] }, {})).toBe('Authority page, London');
    expect(resultKind({ kind: ['Ofsted inspection report'], region: ['London'] }, { date: '11 April 2023' })).toBe('Ofsted inspection report, 11 April 2023');
    expect(resultKind({}, {})).toBe('');
  });
});
