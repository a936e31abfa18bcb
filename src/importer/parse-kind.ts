// What a document is, from its opening words: an inspection report or a letter, which
// framework, which type of inspection, and the authority's name as the title gives it.
import type { DocumentKind, Framework, InspectionType } from '../domain/vocabulary.ts';

export interface DocumentIdentity {
  kind: DocumentKind;
  framework: Framework;
  type: InspectionType;
  /** The title as the document gives it (its opening heading lines). */
  title: string;
  /** The name of the authority as the title writes it, when it can be told apart. */
  authorityName?: string;
  /** A SIF-era review of the Local Safeguarding Children Board published on its own: its one grade is the LSCB's. */
  lscbReviewOnly?: boolean;
}

const APOS = '[’\'`]';
// "\\b": the "re" that ends "Lancashire" before "Inspection" is not a re-inspection.
const SIF_TITLE = new RegExp(
  `\\b(re-?\\s?inspection|inspection) of services for children in need of help and\\s+protection,? children looked after and care leavers`,
  'i',
);
const LETTER_SUBJECT = /\b(focused visit|monitoring visit|joint targeted area inspection)\b/i;

/**
 * Identify a document from its first page's text blocks (headings and paragraphs, in
 * order); the title is what comes before the inspection dates. `fullText` is searched for
 * the words that say whether an ILACS inspection was short or standard. Undefined when the
 * text is not an Ofsted inspection report or letter about a local authority's children's
 * services.
 */
export function identifyDocument(firstPage: readonly string[], fullText = firstPage.join('\n')): DocumentIdentity | undefined {
  const text = firstPage.join('\n');
  const datesAt = firstPage.findIndex((l) => /^(inspection|visit) dates?\b/i.test(l) || /^(report )?published\b/i.test(l));
  const titleBlocks = (datesAt > 0 ? firstPage.slice(0, datesAt) : firstPage.slice(0, 6)).filter((l) => !/^\d{1,3}$/.test(l.trim()));
  const title = titleBlocks.join(' ').replace(/\s+/g, ' ')
    // A footnote marker glued to a word ("…children board1") and dates run into the title block are not the title.
    .replace(/\s*\binspection dates?:.*$/i, '')
    .replace(/([a-z])\d{1,2}(?=\s|$)/g, '$1')
    .trim();

  // Letters: addressed to someone and about a visit or a joint inspection.
  const isLetter = /^\s*Dear\b/m.test(text) || /^(focused visit|monitoring visit|joint targeted area inspection)/im.test(titleBlocks.join('\n'));
  const letterSubject = LETTER_SUBJECT.exec(text)?.[1]?.toLowerCase();
  if (isLetter && letterSubject) {
    const name = new RegExp(`(?:focused visit|monitoring visit)(?: to| of)? (.+?)(?: local authority)? children${APOS}s services`, 'i').exec(text)?.[1];
    if (letterSubject === 'joint targeted area inspection') {
      return { kind: 'ofsted_letter', framework: 'jtai', type: 'joint_targeted_area_inspection', title, authorityName: jtaiName(text) };
    }
    return {
      kind: 'ofsted_letter',
      framework: 'ilacs',
      type: letterSubject === 'focused visit' ? 'focused_visit' : 'monitoring_visit',
      title,
      authorityName: name?.trim(),
    };
  }

  const sif = SIF_TITLE.exec(title);
  if (sif) {
    const before = title.slice(0, sif.index).replace(/^\d+\s+/, '').trim();
    return {
      kind: 'ofsted_inspection_report',
      framework: 'sif',
      type: /^re/i.test(sif[1]!) ? 'reinspection' : 'not_stated',
      title,
      authorityName: before || undefined,
    };
  }

  const lscbReview = /^(.*?)\s*review of the effectiveness of the local safeguarding children board$/i.exec(title);
  if (lscbReview) {
    return {
      kind: 'ofsted_inspection_report',
      framework: 'sif',
      type: 'not_stated',
      title,
      authorityName: lscbReview[1]!.replace(/^\d+\s+/, '').replace(/\s*(local )?safeguarding children(['’]s)? board$/i, '').trim() || undefined,
      lscbReviewOnly: true,
    };
  }

  const pre2013 = /inspection of (safeguarding and looked after children|looked after children|safeguarding) services/i.exec(title);
  if (pre2013) {
    const what = pre2013[1]!.toLowerCase();
    const rest = title.replace(pre2013[0], ' ').replace(/\s+/g, ' ').trim();
    return {
      kind: 'ofsted_inspection_report',
      framework: 'pre_2013',
      type: what === 'looked after children' ? 'looked_after_children' : what === 'safeguarding' ? 'safeguarding' : 'safeguarding_and_looked_after_children',
      title,
      authorityName: rest || undefined,
    };
  }

  const ilacs = new RegExp(`inspection of (?:(.+?) )?(?:local authority )?children${APOS}s (?:social care )?services`, 'i').exec(title);
  if (ilacs) {
    const inTitle = ilacs[1]?.trim();
    const before = title.slice(0, ilacs.index).replace(/^\d+\s+/, '').trim();
    return { kind: 'ofsted_inspection_report', framework: 'ilacs', type: ilacsType(title, fullText), title, authorityName: inTitle || before || undefined };
  }
  // A children's services trust or company inspected in the council's place ("Inspection of Bradford Children
  // and Families Trust"): an ILACS report when its judgement table names ILACS judgements.
  const provider = /^inspection of (.+)$/i.exec(title.replace(/\s*inspection dates?\b.*$/i, ''));
  if (provider && /experiences and progress of children/i.test(fullText) && /impact of leaders on/i.test(fullText)) {
    return { kind: 'ofsted_inspection_report', framework: 'ilacs', type: ilacsType(title, fullText), title, authorityName: provider[1]!.trim() };
  }
  return undefined;
}

/** Short or standard only when the report says this inspection was one; otherwise "not stated". */
function ilacsType(title: string, fullText: string): InspectionType {
  const stated = /\b(?:this|the) (?:inspection )?(?:was|is) an? (short|standard) (?:ILACS )?inspection\b/i.exec(fullText)?.[1] ??
    /\b(short|standard) inspection of\b/i.exec(title)?.[1];
  return stated ? (stated.toLowerCase() as 'short' | 'standard') : 'not_stated';
}

function jtaiName(text: string): string | undefined {
  return /joint targeted area inspection of (?:the )?(?:multi-agency )?[^\n]*? in ([A-Z][\w ,&’'-]+?)(?:\.|\n|$)/.exec(text)?.[1]?.trim();
}
