// What the redirect pages show (/authorities/<GSS code or other name>/ and /ofsted/<URN>/):
// the authority's name, its page's address and a sentence saying what the address was.
// Pure: the site's data is an argument (tests/unit/views/redirects.test.ts).
import type * as Site from '../site-data.ts';
import { redirects, type Redirect } from '../../domain/redirects.ts';
import { authorityHref } from '../format.ts';

export type RedirectSite = Pick<typeof Site, 'authorities' | 'authorityName'>;

export interface RedirectPageView {
  redirect: Redirect;
  /** The address under its folder, without slashes at either end: the route's parameter. */
  param: string;
  /** The authority's name. */
  name: string;
  /** The authority's page. */
  target: string;
  /** "“LB Haringey” is another name for Haringey.", "GSS code E09000014 is Haringey." */
  sentence: string;
}

/** Every redirect page under one folder, "/authorities/" or "/ofsted/". */
export function redirectPages(folder: '/authorities/' | '/ofsted/', site: RedirectSite): RedirectPageView[] {
  return redirects(site.authorities)
    .filter((r) => r.from.startsWith(folder))
    .map((redirect) => {
      const name = site.authorityName(redirect.to);
      return {
        redirect,
        param: redirect.from.slice(folder.length, -1),
        name,
        target: authorityHref(redirect.to),
        sentence: redirect.by === 'other name' ? `“${redirect.value}” is another name for ${name}.` : `${redirect.by} ${redirect.value} is ${name}.`,
      };
    });
}
