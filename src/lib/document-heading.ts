// What a document page calls its document. An Ofsted report or letter keeps its own title
// as the heading. A council report (a paper to a council meeting about an inspection) is
// headed by the council, the meeting and the date, so it does not read as Ofsted's report;
// its source is the paper's own title, the council and the meeting, not our copy's file name.
import type { PartialDate } from '../domain/dates.ts';
import type { DocumentKind } from '../domain/vocabulary.ts';
import { dateText } from './format.ts';

export interface DocumentHeadingInput {
  kind: DocumentKind;
  title: string;
  issuer: string;
  meeting?: string | undefined;
  date: PartialDate;
}

export interface DocumentHeading {
  h1: string;
  /** A sentence under the heading (council reports: what the paper is). */
  lead?: string;
  /** The source in words, when the document has no web address to show. */
  sourceText?: string;
  /** Whether to show our copy's file name (never for a council report: it is a digest, not the paper's name). */
  showFile: boolean;
}

export function documentHeading(data: DocumentHeadingInput): DocumentHeading {
  if (data.kind !== 'council_report') return { h1: data.title, showFile: true };
  const date = dateText(data.date);
  // "Cabinet, 10 July 2017 (item 6(g))" → "Cabinet, 10 July 2017": the heading leaves out the parenthesis.
  const meeting = data.meeting?.replace(/\s*\(.*\)\s*$/, '').trim();
  const when = meeting ? (meeting.includes(date) ? meeting : `${meeting}, ${date}`) : date;
  return {
    h1: `${data.issuer}: report to ${when}`,
    lead: `A paper to a meeting of ${data.issuer}, about an Ofsted inspection of its children’s services, titled “${data.title}”. It is the council’s account, not Ofsted’s report.`,
    sourceText: `“${data.title}”, ${data.issuer}${data.meeting ? `, ${data.meeting}` : `, ${date}`}`,
    showFile: false,
  };
}
