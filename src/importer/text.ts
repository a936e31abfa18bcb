// A text file (../shared/seeds: council reports and an Ofsted letter as extracted text) →
// a draft entry under content/drafts/ (not built by the site): the body as Markdown and
// at least the subject inspection's judgements, for a person to complete and check.
import { basename } from 'node:path';
import { quoteInBody } from '../domain/evidence.ts';
import { allowedJudgements } from '../domain/frameworks.ts';
import type { PartialDate } from '../domain/dates.ts';
import type { AuthorityData } from '../schemas/authority.ts';
import { documentSchema, type DocumentData, type InspectionData } from '../schemas/document.ts';
import { authorityMentions, resolveName } from './authority.ts';
import { blocksToMarkdown } from './blocks-to-markdown.ts';
import { councilFramework, readCouncilDates, readCouncilJudgements } from './parse-council.ts';
import { firstDateMentioned, parseVisitDates } from './parse-dates.ts';
import { readImprovements } from './parse-improvements.ts';
import { identifyDocument, type DocumentIdentity } from './parse-kind.ts';
import { assertEnglish, LICENCE, orderJudgements, type ImportContext, type ImportedDocument } from './report.ts';
import { textToBlocks } from './text-blocks.ts';
import { readFocusedVisitLetter } from './letter/read-letter.ts';
import { ImportError, type Block } from './types.ts';

/** The authority a council text is about: the one it names most often (a tie is no answer). */
function mostNamedAuthority(authorities: readonly AuthorityData[], text: string): AuthorityData | undefined {
  const [first, second] = authorityMentions(authorities, text);
  return first && (!second || first.count > second.count) ? first.authority : undefined;
}

export function importText(text: string, fileName: string, context: ImportContext): ImportedDocument {
  if (text.trim() === '') throw new ImportError('empty file');
  if (/\u0000/.test(text) || (text.match(/[\uFFFD]/g)?.length ?? 0) > 10) throw new ImportError('not a text document: the file holds binary data');
  const blocks = textToBlocks(text);
  assertEnglish(text);
  if (!/ofsted/i.test(text) || !/inspect/i.test(text)) throw new ImportError('not about an Ofsted inspection: the text never mentions Ofsted inspecting');

  const findings: string[] = [];
  const notes: string[] = [];
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const firstLines = lines.slice(0, 25);
  const identity = identifyDocument(blocks.slice(0, 40).map((b) => (b.type === 'table' ? b.rows.flat().join(' ') : b.text)), text);
  const letterIdentity = identity?.kind === 'ofsted_letter' ? identity : undefined;

  const authority = draftAuthority(context, identity, text);
  notes.push(`authority: ${authority.name} (${authority.id})`);
  const date = firstDateMentioned(firstLines);
  if (!date) throw new ImportError('no date: the text does not open with the date of its meeting or letter');

  const body = blocksToMarkdown(blocks);
  const subject = letterIdentity ? letterSubject(blocks, text, letterIdentity, authority, date, findings) : councilReportSubject(blocks, text, body, authority, findings);
  const data = validDraft(text, fileName, firstLines, letterIdentity, authority, date, subject);
  return {
    data,
    body,
    entryPath: `content/drafts/${letterIdentity ? 'ofsted-letters' : 'council-reports'}/${authority.id}/${date}.md`,
    findings,
    needsReview: true, // a draft is always for a person to complete and check
    notes,
  };
}

/** The authority the text is about: the one --authority names, else the one its title names, else the one it names most. */
function draftAuthority(context: ImportContext, identity: DocumentIdentity | undefined, text: string): AuthorityData {
  const authority = context.authorityOverride
    ? resolveName(context.authorities, context.authorityOverride)
    : (identity?.authorityName && resolveName(context.authorities, identity.authorityName)) || mostNamedAuthority(context.authorities, text);
  if (!authority) {
    throw new ImportError(
      context.authorityOverride ? `--authority "${context.authorityOverride}" is not a known authority` : 'cannot tell which authority the text is about: give --authority',
    );
  }
  return authority;
}

/** An Ofsted letter's visit: a focused-visit letter records its visit as the PDF reader reads it (or is refused with the reason). */
function letterSubject(blocks: Block[], text: string, identity: DocumentIdentity, authority: AuthorityData, date: PartialDate, findings: string[]): InspectionData {
  const letter = identity.type === 'focused_visit' ? readFocusedVisitLetter(blocks, date, readImprovements(blocks)) : undefined;
  const range = letter ? { start: letter.start, end: letter.end } : parseVisitDates(text);
  if (!range) findings.push('visit dates: not found');
  return {
    authority: authority.id,
    role: 'subject',
    framework: identity.framework,
    type: identity.type,
    ...(range ?? {}),
    judgements: {},
    improvements: letter?.improvements ?? readImprovements(blocks),
    ...(letter ? { visit: letter.visit } : {}),
  };
}

/** The inspection a council's report is about: its dates and the judgements it quotes, each quote in the body; the rest is for a person to add. */
function councilReportSubject(blocks: Block[], text: string, body: string, authority: AuthorityData, findings: string[]): InspectionData {
  const dates = readCouncilDates(text);
  const framework = councilFramework(text, dates.start);
  if (!framework) throw new ImportError('cannot tell which inspection framework the report is about');
  if (!dates.start) findings.push('inspection dates: not found (or given without a year)');
  if (!dates.published) findings.push('publication date of the Ofsted report: not found');
  const reading = readCouncilJudgements(blocks, framework, dates.start ?? dates.published);
  reading.conflicts.forEach((c) => findings.push(`conflicting grades: ${c}`));
  const judgements: InspectionData['judgements'] = {};
  for (const j of reading.judgements) {
    if (!quoteInBody(j.evidence, body)) {
      findings.push(`dropped ${j.key} = ${j.grade}: quote not in the body ("${j.evidence}")`);
      continue;
    }
    judgements[j.key] = { grade: j.grade, evidence: j.evidence };
  }
  const ordered = orderJudgements(judgements, allowedJudgements(framework, 'not_stated', dates.start ?? dates.published));
  if (Object.keys(ordered).length === 0) findings.push('no judgement of the inspection could be read');
  return {
    authority: authority.id,
    role: 'subject',
    framework,
    type: 'not_stated',
    ...(dates.start ? { start: dates.start } : {}),
    ...(dates.end ? { end: dates.end } : {}),
    ...(dates.published ? { published: dates.published } : {}),
    judgements: ordered,
    improvements: [],
    note: 'Drafted by the importer from the council report: only the subject inspection is read; earlier inspections, comparison tables and the improvement list are for a person to add.',
  };
}

/** The draft's frontmatter, its issuer and title as the text gives them, checked against the schema: a draft that would not validate is refused. */
function validDraft(
  text: string,
  fileName: string,
  firstLines: readonly string[],
  letterIdentity: DocumentIdentity | undefined,
  authority: AuthorityData,
  date: PartialDate,
  subject: InspectionData,
): DocumentData {
  const issuer = letterIdentity ? 'Ofsted' : (/\b((?:[A-Z][A-Za-z-]+ )+(?:Borough |City |County |Metropolitan Borough )?Council)\b/.exec(firstLines.join('\n'))?.[1] ?? `${authority.name} Council`);
  const titleLine = /^Title:\s*(.+)$/im.exec(text)?.[1]?.trim();
  const title = letterIdentity?.title || titleLine || firstLines.find((l) => /ofsted/i.test(l) && l.length < 160) || `${issuer} report on an Ofsted inspection`;
  const raw = {
    title: title.replace(/\*\*/g, ''),
    kind: letterIdentity ? 'ofsted_letter' : 'council_report',
    issuer,
    date,
    authority: authority.id,
    source: {
      file: basename(fileName),
      licence: letterIdentity ? LICENCE : 'Public council document, reproduced for reference (no open licence stated)',
      attribution: letterIdentity
        ? `© Crown copyright. Ofsted letter, reused under the ${LICENCE}.`
        : `${issuer}, ${date}. A public council document, reproduced for reference.`,
    },
    reviewed_by_hand: false,
    flags: [],
    inspections: [subject],
  };
  const parsed = documentSchema().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(`the draft would not be valid: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
