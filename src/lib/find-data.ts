// What the A to Z list of councils (/find/ and the letter jump of /authorities/) shows:
// every council under its first letter, a former council with what replaced it.
import { authorities, authorityName } from './site-data.ts';
import { byLetter } from '../domain/find-council.ts';
import { authorityHref } from './format.ts';

export interface AzCouncil {
  name: string;
  href: string;
  /** For a former council: "replaced by Cumberland and Westmorland and Furness". */
  note?: string;
}

export const councilsAz = byLetter(
  authorities.map((a): AzCouncil => ({
    name: a.name,
    href: authorityHref(a.id),
    ...(a.current ? {} : { note: `former council${a.successors.length > 0 ? `, replaced by ${a.successors.map(authorityName).join(' and ')}` : ''}` }),
  })),
);
