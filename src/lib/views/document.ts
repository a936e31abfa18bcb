// What a document's page shows, ready to print: its heading, what a focused-visit letter
// found (first, before the metadata), the facts about the document, each inspection it
// records with its grades linked to their quotes, its flags, where other sources disagree,
// and the quotes to highlight in its text. Pure: the page passes the site's data in
// (src/lib/site-data.ts) and renders the body itself (src/lib/document-body.ts);
// tests/unit/views/document.test.ts passes a small hand-made site.
import type * as Site from '../site-data.ts';
import type { DocumentEntry } from '../site-data.ts';
import type { InspectionRecord } from '../../domain/derive.ts';
import { fieldInWords } from '../../domain/plain-fields.ts';
import { improvementAnchor } from '../../domain/themes.ts';
import { visitQuoteList } from '../../domain/visits.ts';
import { DOCUMENT_KIND_LABELS, FRAMEWORK_LABELS, INSPECTION_TYPE_LABELS, JUDGEMENT_LABELS, type Grade } from '../../domain/vocabulary.ts';
import { dateDisagreementRows, gradeDisagreementRows, type DisagreementRow } from '../disagreement-rows.ts';
import { documentHeading, type DocumentHeading } from '../document-heading.ts';
import type { EvidenceTarget } from '../evidence-html.ts';
import { authorityHref, dateText, documentShortTitle, inspectionWhen } from '../format.ts';
import { letterFindingsView, type VisitsSite, type VisitView } from './visits.ts';

/** The parts of the site's data a document page reads. */
export type DocumentSite = Pick<
  typeof Site,
  'authorityById' | 'authorityName' | 'groupById' | 'recordsByDocument' | 'disagreementsForDocument' | 'dateDisagreementsForDocument' | 'documentFile'
> &
  VisitsSite & { documentPreview: (entry: DocumentEntry) => { description: string; image?: { path: string; alt: string } } };

export interface RecordView {
  /** The section's id: "inspection-1". */
  anchor: string;
  number: number;
  authority: { name: string; href: string };
  /** "Inspection of local authority children’s services (ILACS); standard inspection; 7 to 18 November 2022, published 13 January 2023" */
  description: string;
  /** "the subject of this document", … */
  role: string;
  note?: string;
  /** Why there are no grades, when there are none. */
  noGrades?: string;
  judgements: { label: string; grade: Grade; href: string }[];
  improvements: { id: string; text: string }[];
}

export interface DocumentPageView {
  shortTitle: string;
  preview: { description: string; image?: { path: string; alt: string } };
  heading: DocumentHeading;
  /** A focused-visit letter's findings, led with. */
  findings: VisitView[];
  meta: {
    kind: string;
    issuer: string;
    meeting?: string;
    date: string;
    authority: { name: string; href?: string };
    source: { href?: string; text: string; file?: string; listed?: string };
    licence: string;
    entry: string;
  };
  records: RecordView[];
  flags: { place: string; message: string }[];
  disagreements: { grades: DisagreementRow[]; dates: DisagreementRow[] };
  /** The file the body is rendered from, and the quotes to highlight in it. */
  file: string;
  targets: EvidenceTarget[];
}

export const DOCUMENT_ROLE_TEXT = { subject: 'the subject of this document', previous: 'an earlier inspection this document mentions', comparison: 'another authority, in a comparison' } as const;

const UNGRADED_BY_TYPE = new Set(['focused_visit', 'monitoring_visit', 'joint_targeted_area_inspection']);

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function recordView(r: InspectionRecord, site: Pick<DocumentSite, 'authorityName'>): RecordView {
  const published = r.published && (r.start || r.end) ? `, published ${dateText(r.published)}` : '';
  return {
    anchor: `inspection-${r.index + 1}`,
    number: r.index + 1,
    authority: { name: site.authorityName(r.authority), href: authorityHref(r.authority) },
    description: `${FRAMEWORK_LABELS[r.framework]}; ${INSPECTION_TYPE_LABELS[r.type].toLowerCase()}; ${inspectionWhen(r)}${published}`,
    role: DOCUMENT_ROLE_TEXT[r.role],
    ...(r.note ? { note: r.note } : {}),
    ...(r.judgements.length === 0
      ? { noGrades: UNGRADED_BY_TYPE.has(r.type) ? `a ${INSPECTION_TYPE_LABELS[r.type].toLowerCase()} gives none.` : 'the document states none.' }
      : {}),
    judgements: r.judgements.map((j) => ({ label: JUDGEMENT_LABELS[j.key], grade: j.grade, href: `#${j.anchor}` })),
    improvements: r.improvements.map((text, i) => ({ id: improvementAnchor(r.index, i), text })),
  };
}

/** Every quote the page highlights: each grade's evidence, and each of a visit's quotes. */
function evidenceTargets(records: readonly InspectionRecord[]): EvidenceTarget[] {
  return records
    .flatMap((r) => r.judgements.map((j) => ({ anchor: j.anchor, quote: j.evidence, field: `inspections[${r.index}].judgements.${j.key}.evidence` })))
    .concat(records.flatMap((r) => (r.visit ? visitQuoteList(r.index, r.visit).map((q) => ({ anchor: q.anchor, quote: q.text, field: q.field })) : [])));
}

export function documentPageView(entry: DocumentEntry, site: DocumentSite): DocumentPageView {
  const data = entry.data;
  const records = site.recordsByDocument.get(entry.id) ?? [];
  const authority = site.authorityById.get(data.authority);
  // A flag's place in the document, in words ("the start date of its record of inspection 1 (Haringey)").
  const flagPlace = (field: string) =>
    capital(fieldInWords(field, (i) => (data.inspections[i] ? `its record of inspection ${i + 1} (${site.authorityName(data.inspections[i]!.authority)})` : undefined)));
  const heading = documentHeading(data);
  return {
    shortTitle: documentShortTitle(data, site.authorityName(data.authority)),
    preview: site.documentPreview(entry),
    heading,
    findings: letterFindingsView(entry.id, site),
    meta: {
      kind: DOCUMENT_KIND_LABELS[data.kind],
      issuer: data.issuer,
      ...(data.meeting ? { meeting: data.meeting } : {}),
      date: dateText(data.date),
      authority: authority ? { name: authority.name, href: authorityHref(data.authority) } : { name: data.authority },
      source: {
        ...(data.source.url ? { href: data.source.url } : {}),
        text: data.source.url ?? heading.sourceText ?? 'no web address recorded',
        ...(data.source.file && heading.showFile ? { file: data.source.file } : {}),
        ...(data.source.listed_date ? { listed: dateText(data.source.listed_date) } : {}),
      },
      licence: `${data.source.licence}. ${data.source.attribution}`,
      entry: data.reviewed_by_hand ? 'Completed or corrected by hand from the source.' : 'Read from the source by our importer, not checked by hand.',
    },
    records: records.map((r) => recordView(r, site)),
    flags: data.flags.map((f) => ({ place: flagPlace(f.field), message: f.message })),
    disagreements: {
      grades: gradeDisagreementRows(site.disagreementsForDocument(entry.id), site),
      dates: dateDisagreementRows(site.dateDisagreementsForDocument(entry.id), site),
    },
    file: site.documentFile(entry),
    targets: evidenceTargets(records),
  };
}
