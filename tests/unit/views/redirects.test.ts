// The redirect pages: one per other address of an authority (its GSS codes and other names
// under /authorities/, its Ofsted URN under /ofsted/), each naming the authority and saying
// what the address was.
import { describe, expect, test } from 'vitest';
import { redirectPages } from '../../../src/lib/views/redirects.ts';
import { authority, smallSite } from './small-site.ts';

const site = smallSite([
  authority('haringey', 'Haringey', { aliases: ['LB Haringey'], gss_codes: [{ code: 'E09000014' }], ofsted_urn: '80000' }),
  authority('brent', 'Brent', { gss_codes: [{ code: 'E09000005' }] }),
], []);

describe('redirectPages', () => {
  const under = redirectPages('/authorities/', site);

  test('under /authorities/: a page for each GSS code and other name, none for an authority’s own address', () => {
    expect(under.map((p) => [p.param, p.target])).toEqual(expect.arrayContaining([
      ['E09000014', '/authorities/haringey/'],
      ['lb-haringey', '/authorities/haringey/'],
      ['E09000005', '/authorities/brent/'],
    ]));
    expect(under.map((p) => p.param)).not.toContain('haringey');
  });

  test('says what the address was, naming the authority', () => {
    expect(under.find((p) => p.param === 'lb-haringey')).toMatchObject({ name: 'Haringey', sentence: '“LB Haringey” is another name for Haringey.' });
    expect(under.find((p) => p.param === 'E09000005')!.sentence).toBe('GSS code E09000005 is Brent.');
  });

  test('under /ofsted/: a page for each Ofsted URN, and nothing else', () => {
    expect(redirectPages('/ofsted/', site).map((p) => [p.param, p.name, p.sentence])).toEqual([['80000', 'Haringey', 'Ofsted URN 80000 is Haringey.']]);
  });
});
