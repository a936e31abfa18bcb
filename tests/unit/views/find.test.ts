// The A to Z list of /find/: every council under its first letter, former councils with
// what replaced them, and the letter jump's targets.
import { describe, expect, test } from 'vitest';
import { findView } from '../../../src/lib/views/find.ts';
import { authority, smallSite } from './small-site.ts';

const site = smallSite(
  [
    authority('barnet', 'Barnet'), authority('bath', 'Bath and North East Somerset'), authority('enfield', 'Enfield'),
    authority('cumberland', 'Cumberland'), authority('wf', 'Westmorland and Furness'),
    authority('cumbria', 'Cumbria', { current: false, successors: ['cumberland', 'wf'] }),
    authority('gone', 'Gone Borough', { current: false }),
  ],
  [],
);
const view = findView(site);

describe('findView', () => {
  test('one group per first letter, A to Z, each with its councils A to Z', () => {
    expect(view.groups.map((g) => [g.letter, g.councils.map((c) => c.name)])).toEqual([
      ['B', ['Barnet', 'Bath and North East Somerset']],
      ['C', ['Cumberland', 'Cumbria']],
      ['E', ['Enfield']],
      ['G', ['Gone Borough']],
      ['W', ['Westmorland and Furness']],
    ]);
  });

  test('the jump offers the letters that have councils, each group its target', () => {
    expect(view.letters).toEqual(['B', 'C', 'E', 'G', 'W']);
    expect(view.groups.map((g) => g.id)).toEqual(['letter-b', 'letter-c', 'letter-e', 'letter-g', 'letter-w']);
  });

  test('links each council to its page; a former council says so and names what replaced it', () => {
    const [cumberland, cumbria] = view.groups[1]!.councils;
    expect(cumberland).toEqual({ name: 'Cumberland', href: '/authorities/cumberland/' });
    expect(cumbria).toEqual({ name: 'Cumbria', href: '/authorities/cumbria/', note: 'former council, replaced by Cumberland and Westmorland and Furness' });
    expect(view.groups[3]!.councils[0]!.note).toBe('former council');
  });
});
