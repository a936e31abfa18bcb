// /feed.xml: an Atom feed of the documents most recently added, newest first by the
// document's own date (src/lib/feed.ts).
import type { APIRoute } from 'astro';
import { documents, authorityName, recordsByDocument, visitsByDocument } from '../lib/site-data.ts';
import { SITE_NAME } from '../lib/format.ts';
import { atomFeed } from '../lib/feed.ts';

export const FEED_SIZE = 50;

export const GET: APIRoute = ({ site }) => {
  const url = (path: string) => new URL(path, site).href;
  const xml = atomFeed(
    {
      self: url('/feed.xml'),
      alternate: url('/'),
      title: `${SITE_NAME}: newest documents`,
      subtitle: 'Ofsted reports and letters and council papers on English councils’ children’s services, newest first',
      documents: documents.slice(0, FEED_SIZE),
      pageOf: (id) => url(`/documents/${id}/`),
    },
    { authorityName, recordsByDocument, visitsByDocument },
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
