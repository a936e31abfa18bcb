// "Find a council": the ranked match the name field runs as a reader types, over the real
// list of authorities (content/authorities.json).
import { describe, expect, it } from 'vitest';
import { readAuthorities } from '../../src/lib/content-files.ts';
import { byLetter, findCouncils, findEntries, fold, letterId, letterStarts, matchHint } from '../../src/domain/find-council.ts';

const entries = findEntries(readAuthorities());
const first = (query: string) => findCouncils(entries, query)[0];
const ids = (query: string, limit?: number) => findCouncils(entries, query, limit).map((m) => m.entry.id);

describe('findEntries', () => {
  it('lists every authority once, A to Z, current and former', () => {
    expect(entries).toHaveLength(readAuthorities().length);
    const names = entries.map((e) => e.name);
    expect([...names].sort((a, b) => a.localeCompare(b, 'en-GB'))).toEqual(names);
    expect(entries.find((e) => e.id === 'cumbria')?.current).toBe(false);
  });

  it('gives each council its aliases, codes, and the councils it replaced or that replaced it', () => {
    const haringey = entries.find((e) => e.id === 'haringey')!;
    expect(haringey.names).toEqual(expect.arrayContaining([['LB Haringey', 'alias'], ['E09000014', 'code'], ['80498', 'code'], ['309', 'code']]));
    const bcp = entries.find((e) => e.id === 'bournemouth-christchurch-and-poole')!;
    expect(bcp.names).toEqual(expect.arrayContaining([['Bournemouth', 'replaced'], ['Poole', 'replaced']]));
    expect(entries.find((e) => e.id === 'cumbria')!.names).toEqual(expect.arrayContaining([['Cumberland', 'replaced-by']]));
  });

  it('lists no name twice for one council', () => {
    for (const e of entries) {
      const folded = [e.name, ...e.names.map(([n]) => n)].map(fold);
      expect(new Set(folded).size, e.id).toBe(folded.length);
    }
  });
});

describe('findCouncils', () => {
  it('finds a council from the first letters of its name', () => {
    expect(first('hari')?.entry.id).toBe('haringey');
    expect(first('Haringey')?.kind).toBe('name');
    expect(first('  HARINGEY ')?.entry.id).toBe('haringey');
  });

  it('finds a council by an alias, saying which', () => {
    const match = first('LB Haringey')!;
    expect(match.entry.id).toBe('haringey');
    expect(matchHint(match)).toBe('Also called LB Haringey');
    expect(first('London Borough of Hari')?.entry.id).toBe('haringey');
    expect(first('BCP')?.entry.id).toBe('bournemouth-christchurch-and-poole');
  });

  it('finds a council by its GSS code, Ofsted URN or DfE number, from the code’s start', () => {
    expect(first('E09000014')?.entry.id).toBe('haringey');
    expect(first('e09000014')?.entry.id).toBe('haringey');
    expect(first('80498')?.entry.id).toBe('haringey');
    expect(matchHint(first('E09000014')!)).toBe('Code E09000014');
    // Digits inside a code are not a match.
    expect(ids('9000014')).toEqual([]);
  });

  it('puts a whole name first, then names that start with the text, then a word inside a name', () => {
    // Bournemouth (former) matches whole; Bournemouth, Christchurch and Poole starts with it.
    expect(ids('bournemouth').slice(0, 2)).toEqual(['bournemouth', 'bournemouth-christchurch-and-poole']);
    expect(ids('york')[0]).toBe('york');
    expect(ids('york')).toEqual(expect.arrayContaining(['north-yorkshire', 'east-riding-of-yorkshire']));
    expect(ids('sussex')).toEqual(expect.arrayContaining(['east-sussex', 'west-sussex']));
  });

  it('finds former councils and the councils that replaced them', () => {
    const cumbria = findCouncils(entries, 'cumbria');
    expect(cumbria[0]?.entry.id).toBe('cumbria');
    expect(matchHint(cumbria[0]!)).toBe('Former council');
    expect(cumbria.map((m) => m.entry.id)).toEqual(expect.arrayContaining(['cumberland', 'westmorland-and-furness']));
    expect(matchHint(cumbria.find((m) => m.entry.id === 'cumberland')!)).toBe('Replaced Cumbria');
  });

  it('treats "&" as "and" and ignores punctuation', () => {
    expect(first('Bournemouth, Christchurch & Poole')?.entry.id).toBe('bournemouth-christchurch-and-poole');
    expect(first('kingston upon hull')?.entry.id).toBe(first('Kingston-upon-Hull')?.entry.id);
  });

  it('matches inside a word only from three letters', () => {
    expect(ids('ham', 200)).toEqual(expect.arrayContaining(['oldham', 'rotherham']));
    expect(ids('h', 200)).not.toContain('oldham');
    expect(ids('am', 200)).not.toContain('oldham');
  });

  it('returns nothing for empty text or text no council has, and at most the limit', () => {
    expect(findCouncils(entries, '')).toEqual([]);
    expect(findCouncils(entries, ' , ')).toEqual([]);
    expect(findCouncils(entries, 'zzzz')).toEqual([]);
    expect(findCouncils(entries, 'e', 5)).toHaveLength(5);
  });
});

describe('byLetter', () => {
  it('groups names A to Z under their first letter, skipping letters no name starts with', () => {
    const groups = byLetter([{ name: 'Brent' }, { name: 'Barnet' }, { name: 'Ealing' }]);
    expect(groups).toEqual([
      { letter: 'B', items: [{ name: 'Barnet' }, { name: 'Brent' }] },
      { letter: 'E', items: [{ name: 'Ealing' }] },
    ]);
    expect(byLetter(readAuthorities()).flatMap((g) => g.items)).toHaveLength(readAuthorities().length);
  });
});

describe('the letter jump', () => {
  it('lands on the first name of each letter, by an id the letter names', () => {
    expect(letterStarts(['Barnet', 'Bexley', 'Camden', 'Ealing', 'Enfield'])).toEqual(['B', undefined, 'C', 'E', undefined]);
    expect(letterId('B')).toBe('letter-b');
  });
});
