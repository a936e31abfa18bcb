// /authorities/<id>/feed.xml: one authority's own feed, every report and letter from or about
// it, newest first, so a reader can follow one council (src/lib/feed.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { authorities, authorityName, documentsByAuthority, recordsByDocument, visitsByDocument } from '../../../lib/site-data.ts';
import { SITE_NAME } from '../../../lib/format.ts';
import { atomFeed } from '../../../lib/feed.ts';
import { authorityFeedKey } from '../../../lib/cache-keys.ts';
import type { AuthorityData } from '../../../schemas/authority.ts';

export const getStaticPaths = (() => authorities.map((authority) => ({ params: { id: authority.id }, props: { authority }, cacheKey: authorityFeedKey(authority) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { authority } = props as { authority: AuthorityData };
  const url = (path: string) => new URL(path, site).href;
  const xml = atomFeed(
    {
      self: url(`/authorities/${authority.id}/feed.xml`),
      alternate: url(`/authorities/${authority.id}/`),
      title: `${authority.name}: Ofsted reports and letters – ${SITE_NAME}`,
      subtitle: `Ofsted’s reports and letters, and council papers, on ${authority.name}’s children’s services, newest first`,
      documents: documentsByAuthority.get(authority.id) ?? [],
      pageOf: (id) => url(`/documents/${id}/`),
    },
    { authorityName, recordsByDocument, visitsByDocument },
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
