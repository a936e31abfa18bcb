// /feed.xml: an Atom feed of the documents most recently added, newest first by the
// document's own date. Entry ids are the documents' page addresses (stable: a
// document's id never changes).
import type { APIRoute } from 'astro';
import { documents, authorityName, recordsByDocument } from '../lib/site-data.ts';
import { DOCUMENT_KIND_LABELS, GRADE_LABELS } from '../domain/vocabulary.ts';
import { SHORT_JUDGEMENT_LABELS, SITE_NAME, dateText } from '../lib/format.ts';
import { dateRange } from '../domain/dates.ts';

export const FEED_SIZE = 50;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A partial date as an RFC 3339 timestamp: its first day, at midnight UTC. */
const timestamp = (date: string) => `${dateRange(date)[0]}T00:00:00Z`;

export const GET: APIRoute = ({ site }) => {
  const url = (path: string) => new URL(path, site).href;
  const latest = documents.slice(0, FEED_SIZE);
  const entries = latest.map((d) => {
    const page = url(`/documents/${d.id}/`);
    const name = authorityName(d.data.authority);
    const subject = (recordsByDocument.get(d.id) ?? []).find((r) => r.authority === d.data.authority && r.role === 'subject' && r.judgements.length > 0);
    const grades = subject ? ` Grades: ${subject.judgements.map((j) => `${SHORT_JUDGEMENT_LABELS[j.key]}: ${GRADE_LABELS[j.grade]}`).join('; ')}.` : '';
    return `  <entry>
    <id>${escape(page)}</id>
    <title>${escape(`${name}: ${d.data.title}`)}</title>
    <updated>${timestamp(d.data.date)}</updated>
    <link rel="alternate" type="text/html" href="${escape(page)}"/>
    <category term="${d.data.kind}" label="${escape(DOCUMENT_KIND_LABELS[d.data.kind])}"/>
    <summary>${escape(`${DOCUMENT_KIND_LABELS[d.data.kind]} on ${name}, ${dateText(d.data.date)}.${grades}`)}</summary>
  </entry>`;
  });
  const updated = latest[0] ? timestamp(latest[0].data.date) : '2000-01-01T00:00:00Z';
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escape(url('/feed.xml'))}</id>
  <title>${escape(SITE_NAME)}: newest documents</title>
  <subtitle>Ofsted reports and council papers on English councils’ children’s services, newest first</subtitle>
  <link rel="self" type="application/atom+xml" href="${escape(url('/feed.xml'))}"/>
  <link rel="alternate" type="text/html" href="${escape(url('/'))}"/>
  <updated>${updated}</updated>
  <author><name>${escape(SITE_NAME)}</name></author>
  <rights>Ofsted material © Crown copyright, Open Government Licence v3.0</rights>
${entries.join('\n')}
</feed>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
