// Link previews: the description and Open Graph image content of authority and
// document pages, stating the authority and its latest grades (from the same derived
// data the pages show). The images are drawn by src/lib/og-image.ts.
import { authorityById, authorityName, latestByAuthority, recordsByDocument, type DocumentEntry } from './site-data.ts';
import { SHORT_JUDGEMENT_LABELS, SITE_NAME, dateText, inspectionWhen } from './format.ts';
import { DOCUMENT_KIND_LABELS, FRAMEWORK_SHORT_LABELS, GRADE_LABELS, JUDGEMENT_KEYS } from '../domain/vocabulary.ts';
import type { Preview } from './og-image.ts';
import { overallGradeAbsence } from '../domain/explore.ts';
export type { Preview } from './og-image.ts';

const gradeSentence = (grades: Preview['grades']) => grades.map((g) => `${g.label}: ${GRADE_LABELS[g.grade]}`).join('; ');

export function authorityPreview(id: string): Preview {
  const authority = authorityById.get(id)!;
  const latest = latestByAuthority.get(id);
  const name = `${authority.name}${authority.current ? '' : ' (former authority)'}`;
  if (!latest) {
    const note = 'No graded inspection in our documents yet.';
    return { heading: name, subheading: `Children’s services, ${authority.region}`, grades: [], note, description: `${authority.name} children’s services: ${note} Every Ofsted inspection we hold, with its sources.`, alt: `${name}: ${note}` };
  }
  const grades = JUDGEMENT_KEYS.filter((k) => latest.judgements[k]).map((k) => ({ label: SHORT_JUDGEMENT_LABELS[k], grade: latest.judgements[k]!.grade }));
  const when = inspectionWhen(latest);
  const subheading = `Latest graded Ofsted inspection (${FRAMEWORK_SHORT_LABELS[latest.framework]}), ${when}`;
  // An inspection from April 2026 gives no overall grade: say so, rather than leave a reader to assume one.
  const absence = overallGradeAbsence(latest);
  const noOverall = absence ? `No overall effectiveness grade (${absence}). ` : '';
  return {
    heading: name,
    subheading,
    grades,
    note: absence ? `No overall effectiveness grade: ${absence.replace(/^not given: /, '')}` : `Source: ${latest.primary.documentTitle}`,
    description: `${authority.name} children’s services, latest Ofsted grades (${FRAMEWORK_SHORT_LABELS[latest.framework]}, ${when}): ${noOverall}${gradeSentence(grades)}. Every inspection over time, each grade linked to its source.`,
    alt: `${name}. ${subheading}: ${noOverall}${gradeSentence(grades)}.`,
  };
}

/**
 * A document page's link preview: its description states the grades the document gives;
 * its image is its authority's (the authority and its latest grades). Drawing an image per
 * document cost a third of a build and does not scale to tens of thousands of documents.
 */
export function documentPreview(entry: DocumentEntry): { description: string; image?: { path: string; alt: string } } {
  const data = entry.data;
  const name = authorityName(data.authority);
  const subject = (recordsByDocument.get(entry.id) ?? []).find((r) => r.authority === data.authority && r.role === 'subject' && r.judgements.length > 0);
  const grades = subject ? subject.judgements.map((j) => ({ label: SHORT_JUDGEMENT_LABELS[j.key], grade: j.grade })) : [];
  const kind = `${DOCUMENT_KIND_LABELS[data.kind]}, ${dateText(data.date)}`;
  const stated = grades.length > 0 ? `Grades it states for ${name}: ${gradeSentence(grades)}.` : `It states no grades for ${name}’s own inspection.`;
  return {
    description: `${kind} on ${name}’s children’s services. ${stated} The source document, with each grade it states highlighted.`,
    image: authorityById.has(data.authority) ? { path: `/og/authorities/${data.authority}.png`, alt: authorityPreview(data.authority).alt } : undefined,
  };
}

export const SITE_PREVIEW: Preview = {
  heading: SITE_NAME,
  subheading: 'Ofsted inspection outcomes of English councils’ children’s services',
  grades: [],
  note: 'Every grade linked to the sentence in its source that states it.',
  description: '',
  alt: `${SITE_NAME}: Ofsted inspection outcomes of English councils’ children’s services.`,
};

