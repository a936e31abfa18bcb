// One Ofsted PDF → one document entry: the body as Markdown, and the frontmatter with
// every judgement the report states, each with its quote. Whatever cannot be read with
// confidence is reported in `findings` and left out; a grade that breaks the framework's
// rules or whose quote is not in the body is never written.
import { quoteInBody } from '../domain/evidence.ts';
import { allowedJudgements, gradeAllowed } from '../domain/frameworks.ts';
import { sortKey, type PartialDate } from '../domain/dates.ts';
import { JUDGEMENT_KEYS, type JudgementKey } from '../domain/vocabulary.ts';
import type { AuthorityData } from '../schemas/authority.ts';
import { documentSchema, type DocumentData, type InspectionData } from '../schemas/document.ts';
import { resolveDocumentAuthority } from './authority.ts';
import { layOut, type LaidOutDocument } from './blocks.ts';
import type { ManifestRow } from './manifest.ts';
import { blocksToMarkdown } from './blocks-to-markdown.ts';
import { firstStandaloneDate, parsePageOneDates, parseVisitDates, type PageOneDates } from './parse-dates.ts';
import { readImprovements } from './parse-improvements.ts';
import { readReportJudgements, readSectionGrades, type FoundJudgement } from './parse-judgements.ts';
import { identifyDocument, type DocumentIdentity } from './parse-kind.ts';
import { readPreviousInspections } from './parse-previous.ts';
import { readPdfDocument } from './pdf.ts';
import { unmodelledLetterKind } from './letter/kind.ts';
import { earlierInspectionFlags, readEarlierInspections, readFocusedVisitLetter, type LetterReading } from './letter/read-letter.ts';
import { ImportError, type Block, type PdfPage } from './types.ts';

export const LICENCE = 'Open Government Licence v3.0';

export interface ImportContext {
  authorities: readonly AuthorityData[];
  manifestRow?: ManifestRow;
  /** --authority: an id or a name. */
  authorityOverride?: string;
  /** --date: the document's date, used only when neither the manifest nor the document gives one. */
  date?: string;
}

export interface ImportedDocument {
  data: DocumentData;
  body: string;
  /** content/documents/ofsted/<authority>/<date>.md, from the repository root. */
  entryPath: string;
  /** What the importer could not determine, refused or dropped: shown to the user. */
  findings: string[];
  /** True when the entry is incomplete: a person should read the PDF. */
  needsReview: boolean;
  /** How the authority and the dates were decided, for the summary. */
  notes: string[];
  /** Page-one grades the report's own section headings repeat: how many agree, how many do not. */
  crossCheck?: { confirmed: number; disagreed: number };
}

/** Graded judgements a report of this framework should state on page one (the LSCB review only when the title says it was done). */
function expectedKeys(
  framework: InspectionData['framework'],
  type: InspectionData['type'],
  date: string | undefined,
  title: string,
  lscbReviewOnly = false,
): JudgementKey[] {
  if (lscbReviewOnly) return ['lscb'];
  const allowed = allowedJudgements(framework, type, date);
  if (framework === 'sif') return allowed.filter((k) => k !== 'lscb' || /safeguarding children board/i.test(title));
  if (framework === 'pre_2013') {
    if (type === 'looked_after_children') return ['looked_after_children'];
    if (type === 'safeguarding') return ['safeguarding'];
    return ['safeguarding', 'looked_after_children'];
  }
  return [...allowed];
}

const ENGLISH = /\b(the|and|of|to|in|for|children|is|are|that|with)\b/gi;

/** Refuse text that is not English (or hardly text at all): a document in another language cannot be read with these rules. */
export function assertEnglish(text: string): void {
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length < 30) throw new ImportError('not an inspection report: the document has almost no text (scanned or empty pages?)');
  const english = text.match(ENGLISH)?.length ?? 0;
  if (english / words.length < 0.08) throw new ImportError('not an inspection report in English: the text is in another language');
}

export async function importPdf(bytes: Uint8Array, context: ImportContext): Promise<ImportedDocument> {
  const { pages, metadataTitle } = await readPdfDocument(bytes);
  return analysePages(pages, context, metadataTitle);
}

export function analysePages(pages: readonly PdfPage[], context: ImportContext, metadataTitle?: string): ImportedDocument {
  const laid = layOut(pages);
  const allText = laid.blocks.map((b) => (b.type === 'table' ? b.rows.flat().join(' ') : b.text)).join('\n');
  assertEnglish(allText);
  const firstPage = laid.blocks.flatMap((b) => (b.page === 1 && b.type !== 'table' ? [b.text] : []));
  // A letter of a kind the content model does not hold is refused by name, whatever else it mentions.
  const unmodelled = unmodelledLetterKind(firstPage);
  if (unmodelled) throw new ImportError(`not imported: ${unmodelled}; only focused-visit letters are modelled`);
  const identity = identifyDocument(firstPage, allText);
  if (!identity) {
    const opening = (firstPage[0] ?? '').slice(0, 80);
    throw new ImportError(`not an Ofsted inspection report or letter about a council's children's services (it opens "${opening}")`);
  }
  // Every word on every page, running headers and footers included: where else the report names its council.
  const everyWord = pages.map((p) => p.items.map((i) => i.str).join(' ')).join('\n');
  return buildEntry(laid, identity, context, { text: everyWord, metadataTitle });
}

/** What an import tells its user, in the order it was found: findings and notes, and whether a person should read the PDF. */
class ImportLog {
  readonly findings: string[] = [];
  readonly notes: string[] = [];
  needsReview = false;
  /** Something the entry should hold and does not (or holds in doubt): reported, and the entry left for review. */
  readonly gap = (message: string): void => {
    this.findings.push(message);
    this.needsReview = true;
  };
}

/** The subject inspection's judgements, as far as they survived the checks, and what the checks found. */
interface SubjectJudgements {
  judgements: InspectionData['judgements'];
  /** The judgements the framework gives at the inspection's date: their order is page one's. */
  allowed: readonly JudgementKey[];
  /** Judgements the report names but does not grade. */
  notJudged: { key: JudgementKey; evidence: string }[];
  flags: { field: string; message: string }[];
  crossCheck: { confirmed: number; disagreed: number };
}

/** The entry, part by part; the parts run in the order their findings and notes are reported in. */
function buildEntry(laid: LaidOutDocument, identity: DocumentIdentity, context: ImportContext, evidence: { text: string; metadataTitle?: string }): ImportedDocument {
  const log = new ImportLog();
  const listed = context.manifestRow?.listed_date;
  const { dates, published } = readDates(laid, identity, listed, log);
  // A letter is dated at its head; a report outside the corpus that states no publication date needs --date.
  const letterDate = identity.kind === 'ofsted_letter' ? firstStandaloneDate(laid.lines[0]?.map((l) => l.text) ?? []) : undefined;
  const letter = readLetter(laid, identity, letterDate, log);
  if (letter) Object.assign(dates, { start: letter.start, end: letter.end });
  if (!dates.start) log.gap('inspection dates: not found on page one');
  const date = listed ?? published ?? letterDate ?? context.date;
  if (!date) {
    throw new ImportError('no date: the report states no publication date and the file is not in the corpus manifest (give --date YYYY-MM-DD)');
  }
  // The day the authority and the framework's rules are taken at: the inspection's start, else its publication.
  const on = dates.start ?? published;
  const authority = resolveAuthority(context, identity, on, evidence, log);

  const body = blocksToMarkdown(laid.blocks);
  const judged = readSubjectJudgements(laid, identity, body, on, log);
  const subject = subjectInspection(laid, identity, authority, { ...dates, published }, judged, letter, log);
  const previous = previousInspections(laid, letter, authority, on, body, log);
  const flags = [...(letter?.flags ?? []), ...judged.flags, ...(letter ? earlierInspectionFlags([subject, ...previous]) : [])];
  const data = validFrontmatter(identity, letter, authority, date, context.manifestRow, flags, [subject, ...previous]);
  return {
    data,
    body,
    entryPath: `content/documents/${identity.kind === 'ofsted_letter' ? 'ofsted-letters' : 'ofsted'}/${authority.id}/${date}.md`,
    findings: log.findings,
    needsReview: log.needsReview,
    notes: log.notes,
    crossCheck: judged.crossCheck,
  };
}

/**
 * The inspection's dates as pages one and two state them (a letter's from its visit sentence), and its
 * publication date: the report's own, else the date Ofsted's site lists it on.
 */
function readDates(laid: LaidOutDocument, identity: DocumentIdentity, listed: PartialDate | undefined, log: ImportLog): { dates: PageOneDates; published?: PartialDate } {
  const pageOneTexts = [
    ...laid.blocks.flatMap((b) => (b.page <= 2 && b.type !== 'table' ? [b.text] : [])),
    ...laid.lines.slice(0, 2).flat().map((l) => l.text),
  ];
  const dates = parsePageOneDates(pageOneTexts);
  if (!dates.start && identity.kind === 'ofsted_letter') Object.assign(dates, parseVisitDates(pageOneTexts.join('\n')));
  if (dates.inParts) log.notes.push(`the inspection took place in ${dates.inParts} parts ("${dates.datesText}"): start is the first part's, end the last part's`);
  let published = dates.published;
  if (!published && listed) {
    published = listed;
    log.notes.push(`published: ${listed}, the date Ofsted's site lists (the report does not state its publication date)`);
  } else if (published && listed && published !== listed) {
    log.notes.push(`the report says it was published ${published}; Ofsted's site lists it on ${listed}`);
  }
  return { dates, published };
}

/** A focused-visit letter: its days, inspectors, focus and priority actions, each with its quote (or it is refused). */
function readLetter(laid: LaidOutDocument, identity: DocumentIdentity, letterDate: PartialDate | undefined, log: ImportLog): LetterReading | undefined {
  if (identity.kind !== 'ofsted_letter' || identity.type !== 'focused_visit') return undefined;
  const letter = readFocusedVisitLetter(laid.blocks, letterDate, readImprovements(laid.blocks));
  log.findings.push(...letter.findings);
  log.notes.push(...letter.notes);
  return letter;
}

/** The council the document is about (refused when it cannot be told), from the --authority override, the manifest's URN or the names the document uses. */
function resolveAuthority(
  context: ImportContext,
  identity: DocumentIdentity,
  on: PartialDate | undefined,
  evidence: { text: string; metadataTitle?: string },
  log: ImportLog,
): AuthorityData {
  const resolution = resolveDocumentAuthority(context.authorities, {
    override: context.authorityOverride,
    urn: context.manifestRow?.urn,
    name: identity.authorityName,
    on: on && on.length === 10 ? on : undefined,
    text: evidence.text,
    metadataTitle: evidence.metadataTitle,
  });
  resolution.problems.forEach(log.gap);
  const authority = resolution.authority;
  if (!authority) throw new ImportError(`unknown authority: ${resolution.problems.join('; ')}`);
  log.notes.push(`authority: ${authority.name} (${authority.id}), from ${resolution.how}`);
  return authority;
}

/**
 * The subject inspection's judgements: page one's, each checked against the framework and the body, then held
 * to the section headings that repeat them; a judgement the framework expects and the report does not give is a gap.
 */
function readSubjectJudgements(laid: LaidOutDocument, identity: DocumentIdentity, body: string, judgementDate: PartialDate | undefined, log: ImportLog): SubjectJudgements {
  const { framework, type } = identity;
  const allowed = allowedJudgements(framework, type, judgementDate);
  const reading = readReportJudgements(laid.blocks, framework);
  reading.unread.forEach((u) => log.findings.push(`table row not recorded: ${u}`));
  const judgements: InspectionData['judgements'] = {};
  for (const found of reading.judgements) {
    if (acceptJudgement(found, identity, allowed, judgementDate, body, log)) judgements[found.key] = { grade: found.grade, evidence: found.evidence };
  }
  const { flags, crossCheck } = crossCheckSections(laid.blocks, framework, judgements, log);
  for (const oddity of reading.oddities) {
    if (judgements[oddity.key]) flags.push({ field: `inspections[0].judgements.${oddity.key}`, message: oddity.message });
  }
  const notJudged = reading.notJudged.filter((n) => allowed.includes(n.key));
  if (identity.kind === 'ofsted_inspection_report') {
    for (const key of expectedKeys(framework, type, judgementDate, identity.title, identity.lscbReviewOnly)) {
      if (!judgements[key] && !notJudged.some((n) => n.key === key)) log.gap(`could not find the ${key} judgement`);
    }
  }
  return { judgements, allowed, notJudged, flags, crossCheck };
}

/** A grade is written only when the framework gives that judgement at that date, uses that grade, and its quote is in the body. */
function acceptJudgement(
  found: FoundJudgement,
  { framework, type }: DocumentIdentity,
  allowed: readonly JudgementKey[],
  judgementDate: PartialDate | undefined,
  body: string,
  log: ImportLog,
): boolean {
  if (!allowed.includes(found.key)) {
    log.gap(
      allowed.length === 0
        ? `refused ${found.key} = ${found.grade}: a ${type.replaceAll('_', ' ')} gives no grades`
        : `refused ${found.key} = ${found.grade}: not a judgement of ${framework} on ${judgementDate ?? 'an unknown date'} ("${found.evidence}")`,
    );
    return false;
  }
  if (!gradeAllowed(framework, found.grade)) {
    log.gap(`refused ${found.key} = ${found.grade}: ${framework} does not use that grade ("${found.evidence}")`);
    return false;
  }
  if (!quoteInBody(found.evidence, body)) {
    log.gap(`dropped ${found.key} = ${found.grade}: its quote is not in the body as written ("${found.evidence}")`);
    return false;
  }
  return true;
}

/** Section headings that repeat a grade must agree with page one; a disagreement is the source's, and is flagged. */
function crossCheckSections(
  blocks: readonly Block[],
  framework: InspectionData['framework'],
  judgements: InspectionData['judgements'],
  log: ImportLog,
): { flags: { field: string; message: string }[]; crossCheck: { confirmed: number; disagreed: number } } {
  const flags: { field: string; message: string }[] = [];
  const sections = readSectionGrades(blocks, framework);
  const confirmed = sections.filter((sec) => judgements[sec.key]?.grade === sec.grade).length;
  let disagreed = 0;
  if (sections.length > 0) log.notes.push(`section headings confirm ${confirmed} of the ${Object.keys(judgements).length} page-one grades`);
  for (const section of sections) {
    const stated = judgements[section.key];
    if (stated && stated.grade !== section.grade) {
      disagreed++;
      flags.push({
        field: `inspections[0].judgements.${section.key}`,
        message: `Page one gives "${stated.evidence}", but the section heading says "${section.evidence}". The page-one grade is recorded.`,
      });
      log.gap(`page one and a section heading disagree on ${section.key}: "${stated.evidence}" vs "${section.evidence}"`);
    }
  }
  return { flags, crossCheck: { confirmed, disagreed } };
}

/** The inspection the document reports: its dates, its judgements in the framework's order, what needs to improve and (a letter's) the visit. */
function subjectInspection(
  laid: LaidOutDocument,
  { framework, type }: DocumentIdentity,
  authority: AuthorityData,
  dates: { start?: PartialDate; end?: PartialDate; published?: PartialDate },
  judged: SubjectJudgements,
  letter: LetterReading | undefined,
  log: ImportLog,
): InspectionData {
  const improvements = letter?.improvements ?? readImprovements(laid.blocks);
  if (improvements.length === 0) log.findings.push('no "what needs to improve" list found');
  const { notJudged } = judged;
  return {
    authority: authority.id,
    role: 'subject',
    framework,
    type,
    ...(dates.start ? { start: dates.start } : {}),
    ...(dates.end ? { end: dates.end } : {}),
    ...(dates.published ? { published: dates.published } : {}),
    judgements: orderJudgements(judged.judgements, judged.allowed),
    improvements,
    ...(notJudged.length > 0 ? { note: `The report gives no grade for: ${notJudged.map((n) => `"${n.evidence}"`).join(', ')}.` } : {}),
    ...(letter ? { visit: letter.visit } : {}),
  };
}

/** Earlier inspections the document states a grade for, oldest first; a grade its framework did not give then, or whose quote is not in the body, is left out. */
function previousInspections(
  laid: LaidOutDocument,
  letter: LetterReading | undefined,
  authority: AuthorityData,
  since: PartialDate | undefined,
  body: string,
  log: ImportLog,
): InspectionData[] {
  const texts = laid.blocks.flatMap((b) => (b.type === 'paragraph' || b.type === 'list_item' ? [b.text] : []));
  const previous: InspectionData[] = [];
  const names = [authority.name, ...authority.aliases];
  // A letter states its council's last inspection in its own phrases (letter/previous.ts).
  const earlierReadings = letter ? readEarlierInspections(laid.blocks, letter.start, names, authority.id) : readPreviousInspections(texts, since, names);
  for (const earlier of earlierReadings) {
    const kept: InspectionData['judgements'] = {};
    const when = (earlier.start ?? earlier.published)!;
    const allowedThen = allowedJudgements(earlier.framework, earlier.type, when);
    for (const j of earlier.judgements) {
      if (!allowedThen.includes(j.key) || !quoteInBody(j.evidence, body)) {
        log.findings.push(`previous inspection (${when}): left out ${j.key} = ${j.grade} ("${j.evidence}")`);
        continue;
      }
      kept[j.key] = { grade: j.grade, evidence: j.evidence };
    }
    if (Object.keys(kept).length === 0) continue;
    previous.push({
      authority: authority.id,
      role: 'previous',
      framework: earlier.framework,
      type: earlier.type,
      ...(earlier.start ? { start: earlier.start } : {}),
      ...(earlier.published ? { published: earlier.published } : {}),
      judgements: orderJudgements(kept, allowedThen),
      improvements: [],
      note: `An earlier inspection this report mentions, dated as the report dates it${earlier.published ? ' (its publication)' : ''}; the framework follows from that date.${earlier.note ? ` ${earlier.note}` : ''}`,
    });
  }
  previous.sort((a, b) => sortKey(a.start ?? a.published).localeCompare(sortKey(b.start ?? b.published)));
  return previous;
}

/** The entry's frontmatter, checked against the schema: an entry that would not validate is refused, never written. */
function validFrontmatter(
  identity: DocumentIdentity,
  letter: LetterReading | undefined,
  authority: AuthorityData,
  date: PartialDate,
  row: ManifestRow | undefined,
  flags: { field: string; message: string }[],
  inspections: InspectionData[],
): DocumentData {
  const raw = {
    // A letter whose heading the layout lost is titled as its heading would be.
    title: letter ? (letter.title ?? `Focused visit to ${authority.name} children’s services`) : identity.title,
    kind: identity.kind,
    issuer: 'Ofsted',
    date,
    authority: authority.id,
    source: {
      ...(row ? { file: row.file, url: row.source_url, listed_date: row.listed_date } : {}),
      licence: LICENCE,
      attribution: `© Crown copyright. Ofsted ${identity.kind === 'ofsted_letter' ? 'letter' : 'inspection report'}, reused under the ${LICENCE}.`,
    },
    reviewed_by_hand: false,
    flags,
    inspections,
  };
  const parsed = documentSchema().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(`the entry would not be valid: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** Judgements in the order the framework lists them (page one's order), then any others. */
export function orderJudgements(judgements: InspectionData['judgements'], order: readonly JudgementKey[] = []): InspectionData['judgements'] {
  const ordered: InspectionData['judgements'] = {};
  for (const key of [...order, ...JUDGEMENT_KEYS]) if (judgements[key] && !ordered[key]) ordered[key] = judgements[key];
  return ordered;
}
