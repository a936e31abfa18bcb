// Atom feeds: the site's newest documents (/feed.xml) and each authority's own reports and
// letters (/authorities/<id>/feed.xml). Pure: the routes hand it the documents, so a test
// builds a feed from plain entries. Entry ids are the documents' page addresses (stable: a
// document's id never changes).
import type { DocumentLike, InspectionRecord } from '../domain/derive.ts';
import type { Visit } from '../domain/visits.ts';
import { dateRange } from '../domain/dates.ts';
import { DOCUMENT_KIND_LABELS, FOCUS_AREA_SHORT_LABELS, GRADE_LABELS } from '../domain/vocabulary.ts';
import { SHORT_JUDGEMENT_LABELS, SITE_NAME, dateText, spanText } from './format.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A partial date as an RFC 3339 timestamp: its first day, at midnight UTC. */
const timestamp = (date: string) => `${dateRange(date)[0]}T00:00:00Z`;

export interface FeedSource {
  authorityName: (id: string) => string;
  recordsByDocument: ReadonlyMap<string, InspectionRecord[]>;
  visitsByDocument: ReadonlyMap<string, Visit[]>;
}

/** What an entry says: the kind, whose and when; the grades, or a visit's focus and priority actions. */
export function entrySummary(d: DocumentLike, source: FeedSource): string {
  const name = source.authorityName(d.data.authority);
  const subject = (source.recordsByDocument.get(d.id) ?? []).find((r) => r.authority === d.data.authority && r.role === 'subject' && r.judgements.length > 0);
  const grades = subject ? ` Grades: ${subject.judgements.map((j) => `${SHORT_JUDGEMENT_LABELS[j.key]}: ${GRADE_LABELS[j.grade]}`).join('; ')}.` : '';
  const visits = (source.visitsByDocument.get(d.id) ?? [])
    .map((v) => {
      const when = spanText(v.start, v.end);
      const actions = v.priorityActions.length > 0 ? `Areas for priority action: ${v.priorityActions.map((q) => q.text).join(' ')}` : 'No areas for priority action.';
      return ` Focused visit${when ? ` on ${when}` : ''}, focus: ${FOCUS_AREA_SHORT_LABELS[v.focus.area].toLowerCase()}. ${actions}`;
    })
    .join('');
  return `${DOCUMENT_KIND_LABELS[d.data.kind]} on ${name}, ${dateText(d.data.date)}.${grades}${visits}`;
}

export interface FeedOptions {
  /** The feed's own address, and its page's, both absolute. */
  self: string;
  alternate: string;
  title: string;
  subtitle: string;
  /** Newest first. */
  documents: readonly DocumentLike[];
  /** Absolute address of a document's page. */
  pageOf: (id: string) => string;
}

export function atomFeed(options: FeedOptions, source: FeedSource): string {
  const entries = options.documents.map((d) => {
    const page = options.pageOf(d.id);
    const name = source.authorityName(d.data.authority);
    return `  <entry>
    <id>${escape(page)}</id>
    <title>${escape(`${name}: ${d.data.title}`)}</title>
    <updated>${timestamp(d.data.date)}</updated>
    <link rel="alternate" type="text/html" href="${escape(page)}"/>
    <category term="${d.data.kind}" label="${escape(DOCUMENT_KIND_LABELS[d.data.kind])}"/>
    <summary>${escape(entrySummary(d, source))}</summary>
  </entry>`;
  });
  const updated = options.documents[0] ? timestamp(options.documents[0].data.date) : '2000-01-01T00:00:00Z';
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escape(options.self)}</id>
  <title>${escape(options.title)}</title>
  <subtitle>${escape(options.subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${escape(options.self)}"/>
  <link rel="alternate" type="text/html" href="${escape(options.alternate)}"/>
  <updated>${updated}</updated>
  <author><name>${escape(SITE_NAME)}</name></author>
  <rights>Ofsted material © Crown copyright, Open Government Licence v3.0</rights>
${entries.join('\n')}
</feed>
`;
}
