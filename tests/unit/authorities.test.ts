// content/authorities.json as a reader of the site relies on it: every authority once,
// every name a document uses resolving to it, successions linked both ways.
import { describe, expect, it } from 'vitest';
import { readAuthorities } from '../../src/lib/content-files.ts';
import { indexAuthorities, resolveAuthority } from '../../src/domain/authorities.ts';

const authorities = readAuthorities();
const index = indexAuthorities(authorities);
const byId = new Map(authorities.map((a) => [a.id, a]));

describe('content/authorities.json', () => {
  it('lists the 153 current authorities once each, plus their predecessors', () => {
    expect(authorities.filter((a) => a.current)).toHaveLength(153);
    expect(new Set(authorities.map((a) => a.id)).size).toBe(authorities.length);
    for (const id of ['dorset-county-council', 'bournemouth', 'poole', 'northamptonshire', 'cumbria']) {
      expect(byId.get(id)?.current, id).toBe(false);
    }
  });

  it('uses one GSS code per authority at a time and never the same code twice', () => {
    const codes = authorities.flatMap((a) => a.gss_codes.map((c) => c.code));
    expect(new Set(codes).size).toBe(codes.length);
    expect(byId.get('north-yorkshire')?.gss_codes.map((c) => c.code)).toEqual(['E10000023', 'E06000065']);
    expect(byId.get('north-yorkshire')?.gss_codes[0]).toEqual({ code: 'E10000023', from: '2009-01-01', to: '2023-03-31' });
    expect(byId.get('buckinghamshire')?.gss_codes.map((c) => c.code)).toEqual(['E10000002', 'E06000060']);
    expect(byId.get('sheffield')?.gss_codes.map((c) => c.code)).toEqual(['E08000019', 'E08000039']);
  });

  it('resolves every name and alias to its own authority (by date where a name is shared across time)', () => {
    for (const authority of authorities) {
      const on = authority.gss_codes[0]?.from ?? authority.gss_codes[0]?.to;
      for (const name of [authority.name, ...authority.aliases]) {
        const found = resolveAuthority(index, name) ?? resolveAuthority(index, name, on);
        expect(found?.id, `${name} → ${authority.id}`).toBe(authority.id);
      }
    }
  });

  it('resolves the ways documents name London boroughs and cities', () => {
    for (const name of ['LB Brent', 'London Borough of Brent', 'Brent', 'Brent Council']) {
      expect(resolveAuthority(index, name)?.id, name).toBe('brent');
    }
    for (const name of ['Bristol', 'City of Bristol', 'Bristol, City of', 'Bristol City Council']) {
      expect(resolveAuthority(index, name)?.id, name).toBe('bristol');
    }
    expect(resolveAuthority(index, 'Kingston upon Hull, City of')?.id).toBe('kingston-upon-hull');
    expect(resolveAuthority(index, 'Hull')?.id).toBe('kingston-upon-hull');
    expect(resolveAuthority(index, 'LB Lambeth')?.id).toBe('lambeth');
    expect(resolveAuthority(index, 'Stockton-on-Tees Borough Council')?.id).toBe('stockton-on-tees');
  });

  it('tells the old Dorset county from the 2019 unitary by date, and refuses to guess without one', () => {
    expect(resolveAuthority(index, 'Dorset', '2018-05-01')?.id).toBe('dorset-county-council');
    expect(resolveAuthority(index, 'Dorset', '2022-01-01')?.id).toBe('dorset');
    expect(resolveAuthority(index, 'Dorset County Council', '2018')?.id).toBe('dorset-county-council');
    expect(resolveAuthority(index, 'dorset', '2018-05-01')?.id).toBe('dorset-county-council');
    expect(resolveAuthority(index, 'Dorset')).toBeUndefined();
    expect(byId.get('dorset')?.id).not.toBe(byId.get('dorset-county-council')?.id);
  });

  it('links successors and predecessors both ways', () => {
    for (const a of authorities) {
      for (const s of a.successors) expect(byId.get(s)?.predecessors, `${a.id} → ${s}`).toContain(a.id);
      for (const p of a.predecessors) expect(byId.get(p)?.successors, `${p} → ${a.id}`).toContain(a.id);
    }
    expect(byId.get('cumbria')?.successors).toEqual(['cumberland', 'westmorland-and-furness']);
    expect(byId.get('northamptonshire')?.successors).toEqual(['north-northamptonshire', 'west-northamptonshire']);
    expect(byId.get('dorset-county-council')?.successors).toEqual(['bournemouth-christchurch-and-poole', 'dorset']);
    expect(byId.get('bournemouth-christchurch-and-poole')?.predecessors).toEqual(['bournemouth', 'dorset-county-council', 'poole']);
  });

  it('names statistical neighbours that exist and are current, never the authority itself', () => {
    for (const a of authorities) {
      for (const n of a.statistical_neighbours) {
        expect(byId.get(n)?.current, `${a.id} neighbour ${n}`).toBe(true);
        expect(n).not.toBe(a.id);
      }
    }
    expect(byId.get('north-tyneside')?.statistical_neighbours).toHaveLength(10);
  });

  it('keeps the identifiers the lookup gives', () => {
    expect(byId.get('north-tyneside')).toMatchObject({ dfe_number: '392', ofsted_urn: '80529', region: 'North East', type: 'Metropolitan District' });
    expect(byId.get('dorset-county-council')).toMatchObject({ dfe_number: '835', ofsted_urn: null, type: 'County', region: 'South West' });
  });
});
