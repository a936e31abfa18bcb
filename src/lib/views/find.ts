// What /find/ shows under the "Find a council" field (and what the field falls back to
// without JavaScript): every council under its first letter, A to Z, a former council with
// what replaced it. Pure: the site's data is an argument (tests/unit/views/find.test.ts).
import type * as Site from '../site-data.ts';
import { byLetter, letterId } from '../../domain/find-council.ts';
import { authorityHref } from '../format.ts';

export type FindSite = Pick<typeof Site, 'authorities' | 'authorityName'>;

export interface AzCouncil {
  name: string;
  href: string;
  /** For a former council: "former council, replaced by Cumberland and Westmorland and Furness". */
  note?: string;
}

export interface FindView {
  /** The letters some council's name starts with, for the letter jump. */
  letters: string[];
  /** One group per letter, A to Z; `id` is the jump's target. */
  groups: { letter: string; id: string; councils: AzCouncil[] }[];
}

export function findView(site: FindSite): FindView {
  const groups = byLetter(
    site.authorities.map((a): AzCouncil => ({
      name: a.name,
      href: authorityHref(a.id),
      ...(a.current ? {} : { note: `former council${a.successors.length > 0 ? `, replaced by ${a.successors.map(site.authorityName).join(' and ')}` : ''}` }),
    })),
  );
  return {
    letters: groups.map((g) => g.letter),
    groups: groups.map((g) => ({ letter: g.letter, id: letterId(g.letter), councils: g.items })),
  };
}
