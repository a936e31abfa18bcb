// Which council a report is about when no manifest says so: from the title, a trust's name,
// and the councils the report's pages name (src/importer/authority.ts).
import { describe, expect, it } from 'vitest';
import { authorityMentions, resolveDocumentAuthority, resolveName } from '../../../src/importer/authority.ts';
import { readAuthorities } from '../../../src/lib/content-files.ts';

const authorities = readAuthorities();
const pages = (name: string, times: number) => Array.from({ length: times }, () => `Children in ${name} are seen promptly.`).join('\n');

describe('a council named as reports name it', () => {
  it.each([
    ['Portsmouth City', 'portsmouth'],
    ['Derby City Council', 'derby'],
    ['Council of the Isles of Scilly', 'isles-of-scilly'],
    ['Wakefield District Metropolitan Council', 'wakefield'],
    ['Medway Children’s Services', 'medway'],
    ['Royal Borough of Greenwich', 'greenwich'],
    ['East Riding', 'east-riding-of-yorkshire'],
  ])('"%s" is %s', (name, id) => {
    expect(resolveName(authorities, name, '2024-01-01')?.id).toBe(id);
  });
});

describe('mentions in running text', () => {
  it('counts the longest name, so North Lincolnshire is not Lincolnshire', () => {
    const mentions = authorityMentions(authorities, 'North Lincolnshire Council. North Lincolnshire is a unitary.');
    expect(mentions.map((m) => [m.authority.id, m.count])).toEqual([['north-lincolnshire', 2]]);
  });
  it('does not read "London Borough of Hackney" as the City of London', () => {
    expect(authorityMentions(authorities, 'London Borough of Hackney').map((m) => m.authority.id)).toEqual(['hackney']);
  });
});

describe('resolving a report without a manifest', () => {
  it('takes the title when the pages agree', () => {
    const found = resolveDocumentAuthority(authorities, { name: 'Portsmouth City', text: pages('Portsmouth', 5), on: '2026-07-06' });
    expect(found.authority?.id).toBe('portsmouth');
  });
  it('reads a title that says only "the local authority" from the pages', () => {
    const found = resolveDocumentAuthority(authorities, { name: 'local authority', text: pages('Halton', 6) + pages('Cheshire West and Chester', 1), on: '2020-02-01' });
    expect(found.authority?.id).toBe('halton');
    expect(found.how).toContain('name Halton 6 times');
  });
  it('narrows a shared trust name to its councils and lets the pages choose', () => {
    const text = `Inspection of Northamptonshire Children's Trust\n${pages('North Northamptonshire', 8)}\n${pages('West Northamptonshire', 1)}`;
    const found = resolveDocumentAuthority(authorities, { name: "Northamptonshire Children's Trust", text, on: '2026-05-11' });
    expect(found.authority?.id).toBe('north-northamptonshire');
  });
  it('takes a trust that runs one council\'s services', () => {
    const found = resolveDocumentAuthority(authorities, { name: 'Bradford Children and Families Trust', text: pages('Bradford', 3), on: '2026-01-12' });
    expect(found.authority?.id).toBe('bradford');
  });
  it('stops, naming the candidates and --authority, when the pages name two councils alike', () => {
    const text = `Inspection of Achieving for Children\n${pages('Kingston upon Thames', 4)}\n${pages('Richmond upon Thames', 4)}`;
    const found = resolveDocumentAuthority(authorities, { name: 'Achieving for Children', text, on: '2019-05-01' });
    expect(found.authority).toBeUndefined();
    expect(found.problems.join(' ')).toMatch(/Kingston upon Thames \(kingston-upon-thames, named 5 times\), Richmond upon Thames \(richmond-upon-thames, named 5 times\)/);
    expect(found.problems.join(' ')).toContain('--authority');
  });
  it('stops when the title names one council and every page another', () => {
    const found = resolveDocumentAuthority(authorities, { name: 'Leeds', text: pages('Bradford', 9), on: '2024-01-01' });
    expect(found.authority).toBeUndefined();
    expect(found.problems.join(' ')).toContain('name Bradford 9 times and Leeds never');
  });
  it('names the councils most like an unknown name', () => {
    const found = resolveDocumentAuthority(authorities, { name: 'Portsmuth', text: 'nothing here' });
    expect(found.problems.join(' ')).toContain('Portsmouth (portsmouth)');
  });
});
