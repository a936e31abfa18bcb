// What a reader types or puts in an address (issue 26): cleaned, cut, read once, resolved
// to authorities by any name Find a council knows, and what was not used said in words.
import { describe, expect, it } from 'vitest';
import { readAuthorities } from '../../src/lib/content-files.ts';
import { findEntries } from '../../src/domain/find-council.ts';
import {
  COMPARE_MAX,
  NAME_MAX,
  SEARCH_MAX,
  cleanText,
  councilNamed,
  firstParam,
  inputNotice,
  matchingIds,
  onlyStandIns,
  quoted,
  readFilters,
  resolveCouncils,
  unrecognisedNotice,
} from '../../src/domain/reader-input.ts';

const entries = findEntries(readAuthorities());
const current = new Set(readAuthorities().filter((a) => a.current).map((a) => a.id));
const comparable = (id: string) => current.has(id);

describe('cleanText', () => {
  it('drops zero-width, bidirectional and control characters, and collapses spaces', () => {
    expect(cleanText('\u202EBar\u200Bnet\u0000', SEARCH_MAX)).toEqual({ text: 'Barnet', cut: false, unreadable: false });
    expect(cleanText('  care\t\n leavers\u00AD ', SEARCH_MAX).text).toBe('care leavers');
  });

  it('cuts long text to the limit and says so', () => {
    const { text, cut } = cleanText('ab '.repeat(33_334), SEARCH_MAX);
    expect(cut).toBe(true);
    expect(text.length).toBeLessThanOrEqual(SEARCH_MAX);
    expect(text.startsWith('ab ab')).toBe(true);
    expect(cleanText('x'.repeat(SEARCH_MAX), SEARCH_MAX).cut).toBe(false);
  });

  it('never cuts a character outside the Basic Multilingual Plane in half', () => {
    const { text } = cleanText(`${'a'.repeat(NAME_MAX - 1)}😀`, NAME_MAX);
    expect(text).toBe('a'.repeat(NAME_MAX - 1));
  });

  it('says when broken percent-encoding left text it could not read', () => {
    const decoded = new URLSearchParams('q=%E0%A4%A').get('q')!;
    expect(cleanText(decoded, SEARCH_MAX)).toEqual({ text: '%A', cut: false, unreadable: true });
  });
});

describe('firstParam and readFilters', () => {
  it('uses the first of a repeated parameter and says it was repeated', () => {
    expect(firstParam(new URLSearchParams('q=barnet&q=camden'), 'q')).toEqual({ value: 'barnet', repeated: true });
    expect(firstParam(new URLSearchParams('x=1'), 'q')).toEqual({ value: undefined, repeated: false });
  });

  it('keeps the values a menu offers and reports the rest, prototype names included', () => {
    const offered = new Map([
      ['region', { label: 'region', values: ['london', 'north-east'] }],
      ['grade', { label: 'grade', values: ['good'] }],
    ]);
    const { values, problems } = readFilters(new URLSearchParams('region=london&region=bogus&grade=__proto__&utm_source=x'), offered);
    expect([...values]).toEqual([['region', 'london']]);
    expect(problems).toEqual([
      { kind: 'repeated', label: 'region' },
      { kind: 'unknown', label: 'grade', value: '__proto__' },
    ]);
  });
});

describe('inputNotice', () => {
  it('says in one sentence what was ignored, cut or unreadable', () => {
    expect(inputNotice([])).toBe('');
    expect(inputNotice([{ kind: 'unknown', label: 'region', value: 'bogus' }])).toBe('Part of the address is ignored: region “bogus” is not one of the choices.');
    expect(inputNotice([{ kind: 'cut', label: 'search', max: 200 }, { kind: 'repeated', label: 'search (q)' }])).toBe(
      'Part of the address is ignored: only the first 200 characters of the search are used; search (q) is given more than once (the first is used).',
    );
    expect(inputNotice([{ kind: 'unreadable', label: 'search' }])).toBe('Part of the search could not be read (it is not valid text) and is left out.');
  });

  it('quotes a value short and without invisible characters', () => {
    expect(quoted('<script>alert(1)</script>')).toBe('“<script>alert(1)</script>”');
    expect(quoted('ab '.repeat(1000))).toMatch(/^“(ab ){13}a?b?…”$/);
    expect(quoted('Bar\u200Bnet')).toBe('“Barnet”');
  });
});

describe('resolveCouncils', () => {
  it('turns ids, names, aliases, GSS codes and Ofsted URNs into ids, in order, once each', () => {
    const names = ['barnet', 'E09000014', '80491', 'Brighton & Hove', 'LB Brent', 'Bar\u200Bnet', 'BARNET'];
    expect(resolveCouncils(names, entries, comparable)).toEqual({ ids: ['barnet', 'haringey', 'camden', 'brighton-and-hove', 'brent'], unknown: [], former: [], unread: 0 });
  });

  it('names what it did not recognise, prototype names and payloads included', () => {
    const names = ['nowhere', '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '<script>alert(1)</script>', 'atlantis', 'nowhere'];
    const { ids, unknown } = resolveCouncils(names, entries, comparable);
    expect(ids).toEqual([]);
    expect(unknown).toEqual(['nowhere', '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '<script>alert(1)</script>', 'atlantis']);
  });

  it('does not take part of a name for the whole; a former council is named apart', () => {
    expect(resolveCouncils(['barn', 'cumbria', 'E10000006'], entries, comparable)).toEqual({ ids: [], unknown: ['barn'], former: ['Cumbria'], unread: 0 });
  });

  it('reads at most COMPARE_MAX different names', () => {
    const many = Array.from({ length: COMPARE_MAX + 50 }, (_, i) => `place${i}`);
    const { unknown, unread } = resolveCouncils([...many, ...many], entries, comparable);
    expect(unknown).toHaveLength(COMPARE_MAX);
    expect(unread).toBe(50);
  });
});

describe('unrecognisedNotice', () => {
  it('names the first few, and counts the rest', () => {
    expect(unrecognisedNotice([])).toBe('');
    expect(unrecognisedNotice(['nowhere', 'atlantis'])).toBe('We did not recognise: nowhere, atlantis.');
    expect(unrecognisedNotice(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('We did not recognise: a, b, c, d, e and 2 more.');
    expect(unrecognisedNotice(['x'], 3)).toBe(`We did not recognise: x. Only the first ${COMPARE_MAX} different names in the address were read.`);
    expect(unrecognisedNotice([], 0, ['Cumbria'])).toBe('Not compared: Cumbria (a former council; its page has its inspections).');
  });
});

describe('councilNamed and matchingIds: the Find a council matcher', () => {
  it('finds a council only by a whole name, alias or code', () => {
    expect(councilNamed(entries, 'Bárnét')?.id).toBe('barnet');
    expect(councilNamed(entries, 'E09000003')?.id).toBe('barnet');
    expect(councilNamed(entries, 'Barn')).toBeUndefined();
    expect(councilNamed(entries, 'toString')).toBeUndefined();
  });

  it('matches every council whose name, former name or code fits what is typed', () => {
    expect(matchingIds(entries, 'Brighton & Hove').has('brighton-and-hove')).toBe(true);
    expect(matchingIds(entries, 'Bárnét').has('barnet')).toBe(true);
    expect(matchingIds(entries, 'E09000003')).toEqual(new Set(['barnet']));
    expect(matchingIds(entries, 'atlantis').size).toBe(0);
    expect(matchingIds(entries, 'ham').size).toBeGreaterThan(8);
  });
});

describe('onlyStandIns', () => {
  it('is true when every match is a short start of a query word (Pagefind’s stand-in for a missing word)', () => {
    expect(onlyStandIns('AAAAA', ['a', 'A'])).toBe(true);
    expect(onlyStandIns('orchid', ['or'])).toBe(true);
    // The word around the stand-in is marked whole: a postcode's "2AA.", an abbreviation's "(A&A)".
    expect(onlyStandIns('AAAAA', ['2AA.', '(A&A)', 'a'])).toBe(true);
  });

  it('is false for real matches: longer words, near-whole words, and other words of the query', () => {
    expect(onlyStandIns('a', ['after', 'August'])).toBe(false);
    expect(onlyStandIns('ofsteds', ['Ofsted’s', 'Ofsted'])).toBe(false);
    expect(onlyStandIns('aaaaa barnet', ['a', 'Barnet.'])).toBe(false);
    expect(onlyStandIns('AAAAA', [])).toBe(false);
  });
});
