// A focused-visit letter read for what it records: the visit's days, the letter's date, the
// inspectors (and the lead, when the letter names one), the focus, the areas for priority
// action it sets, its summary and what needs to improve. Every value is a quote of the body,
// checked here as the content check will check it. What cannot be read with confidence is
// refused with the reason (an ImportError: nothing is written), or left out and reported.
import { parseLongDate, type PartialDate } from '../../domain/dates.ts';
import type { InspectionData, VisitData } from '../../schemas/document.ts';
import type { JudgementKey } from '../../domain/vocabulary.ts';
import type { PreviousInspection } from '../parse-previous.ts';
import { compareWithOurs, ourFramework } from './ours.ts';
import { readLetterPrevious } from './previous.ts';
import { blocksToMarkdown } from '../blocks-to-markdown.ts';
import { ImportError, type Block } from '../types.ts';
import { readVisitDays, type VisitDays } from './dates.ts';
import { classifyFocus, focusWords, PANDEMIC_SENTENCE } from './focus.ts';
import { readInspectors, readSignatory, type ReadInspectors } from './inspectors.ts';
import { readPriorityActions } from './priority-actions.ts';
import { asQuote, blockText, flat, sentencesOf } from './text.ts';

export interface LetterReading {
  /** The letter's heading: "Focused visit to Dorset children’s services"; undefined when it has none. */
  title?: string;
  start: PartialDate;
  end: PartialDate;
  visit: VisitData;
  /** What needs to improve, as the letter lists it (a sentence saying there is nothing new is not an item). */
  improvements: string[];
  findings: string[];
  flags: { field: string; message: string }[];
  notes: string[];
}

/** Headings that end the letter's opening paragraphs. */
const SECTION = /^(?:overview|headline findings|summary|areas? for priority action|what needs to improve|findings|main findings|areas? for improvement)\b/i;
const SUMMARY = /^(?:overview|headline findings|summary)\s*[:.]?$/i;
/** A "what needs to improve" paragraph that says there is nothing new to improve: not an improvement. */
const NO_IMPROVEMENTS =
  /\bno (?:additional |further |new )?areas for improvement\b|\bareas for improvement (?:set|identified) at the (?:last|previous)\b|^the areas for improvement continue to be those\b/i;

/** What reading a letter reports besides its values: findings and notes for the user, flags on the entry. */
type LetterLog = Pick<LetterReading, 'findings' | 'flags' | 'notes'>;

/** A quote of the body as written, or the letter is refused: every value a letter's entry holds is a quote. */
type Quote = (field: string, text: string) => string;

export function readFocusedVisitLetter(blocks: readonly Block[], letterDate: PartialDate | undefined, improvements: readonly string[]): LetterReading {
  const body = blocksToMarkdown(blocks);
  const log: LetterLog = { findings: [], flags: [], notes: [] };
  const quote: Quote = (field, text) => {
    const q = asQuote(text, body);
    if (!q) throw new ImportError(`focused-visit letter: the ${field} is not in the body as written ("${text.slice(0, 100)}")`);
    return q;
  };
  const openingSentences = openingParagraphs(blocks).flatMap(sentencesOf);

  const { days, datesSentence } = readDays(openingSentences, letterDate);
  log.flags.push(...dayFlags(days, letterDate));
  // The letter's own date, as it stands at its head (alone, or at the start of the address block).
  const letterDateText = letterDate ? letterDateWords(blocks, letterDate) : undefined;
  const inspectors = readLetterInspectors(openingSentences, log);
  const paragraphs = blocks.flatMap((b) => (b.type === 'table' ? [] : b.text.split('\n\n').map(flat).filter(Boolean)));
  const signatory = readSignatory(paragraphs);
  const focus = readFocus(openingSentences, body, quote);
  const priority = readLetterPriorityActions(blocks, quote);
  const summary = readSummary(blocks, body, log);
  const kept = newImprovements(improvements, blocks, log);

  // The quotes of the days, the date and the inspectors are checked last, as the visit is written.
  const visit: VisitData = {
    dates_evidence: quote('dates sentence', datesSentence),
    ...(letterDateText && letterDate ? { letter_date: { date: letterDate, evidence: quote('letter date', letterDateText) } } : {}),
    inspectors: inspectors?.inspectors ?? [],
    ...(inspectors ? { inspectors_evidence: quote('inspectors sentence', inspectors.sentence) } : {}),
    ...(signatory ? { signed_by: signatory } : {}),
    focus,
    priority_actions: priority,
    ...(summary ? { summary } : {}),
  };
  const heading = blocks.find((b) => b.type !== 'table' && /^focused visit (?:to|of|on)\b/i.test(flat(b.text)));
  const title = heading ? flat((heading as { text: string }).text) : undefined;
  return { ...(title ? { title } : {}), start: days.start, end: days.end, visit, improvements: kept, findings: log.findings, flags: log.flags, notes: log.notes };
}

/** The visit's days, from the first sentence of the opening that states them (one that says "visit" first), or the letter is refused. */
function readDays(openingSentences: readonly string[], letterDate: PartialDate | undefined): { days: VisitDays; datesSentence: string } {
  for (const sentence of [...openingSentences.filter((s) => /\bvisit\b/i.test(s)), ...openingSentences]) {
    const days = readVisitDays(sentence, letterDate);
    if (days) return { days, datesSentence: sentence };
  }
  throw new ImportError('focused-visit letter: no sentence in its opening states the visit’s days ("… a focused visit to … on 17 and 18 May 2023")');
}

/** The visit's days as the letter gives them, flagged where they are in doubt: a year taken from the letter's date, days too far apart, a letter dated before the visit ended. */
function dayFlags(days: VisitDays, letterDate: PartialDate | undefined): LetterReading['flags'] {
  const flags: LetterReading['flags'] = [];
  if (days.yearFromLetter) {
    flags.push({
      field: 'inspections[0].start',
      message: `The letter dates the visit "${days.words}" without a year; ${days.yearFromLetter} is the year of the letter's own date (${letterDate}).`,
    });
  }
  // A focused visit lasts a day or two: dates further apart are the letter's, and are flagged.
  const spanDays = (Date.parse(days.end) - Date.parse(days.start)) / 86_400_000;
  if (spanDays > 7) {
    flags.push({
      field: 'inspections[0].end',
      message: `The letter dates the visit "${days.words}", ${Math.round(spanDays)} days from first to last; focused visits last one or two days, so one of the dates may be a typing error. The dates are recorded as the letter gives them.`,
    });
  }
  if (letterDate && letterDate < days.end) {
    flags.push({ field: 'inspections[0].visit.letter_date', message: `The letter is dated ${letterDate}, before the last day of the visit it reports (${days.end}).` });
  }
  return flags;
}

/** The inspectors and the lead, from the first sentence of the opening that names them; observers named with them are not inspectors. */
function readLetterInspectors(openingSentences: readonly string[], log: LetterLog): ReadInspectors | undefined {
  let inspectors: ReadInspectors | undefined;
  for (const sentence of openingSentences) {
    inspectors = readInspectors(sentence);
    if (inspectors) break;
  }
  if (!inspectors) log.findings.push('inspectors: no sentence naming them could be read');
  else if (inspectors.observers.length > 0) log.notes.push(`not recorded as inspectors: ${inspectors.observers.join(', ')} (observed the visit)`);
  return inspectors;
}

/** What inspectors looked at, from the opening; a 2020–21 visit on the pandemic is one whatever areas its words name. A letter that does not say is refused. */
function readFocus(openingSentences: readonly string[], body: string, quote: Quote): VisitData['focus'] {
  let focusSentenceWords: string | undefined;
  for (const [i, sentence] of openingSentences.entries()) {
    focusSentenceWords = focusWords(sentence);
    if (!focusSentenceWords) continue;
    // "Inspectors considered … children who need help and protection. Specifically, they considered the ‘front door’ …": the focus is both sentences.
    const next = openingSentences[i + 1];
    if (next && /^(?:Specifically|In particular),/.test(next) && sentence.endsWith('.')) {
      const both = `${focusSentenceWords}. ${next.replace(/[.:]$/, '')}`;
      if (asQuote(both, body)) focusSentenceWords = both;
    }
    break;
  }
  const pandemic = openingSentences.find((s) => PANDEMIC_SENTENCE.test(s));
  if (focusSentenceWords) {
    const reading = classifyFocus(focusSentenceWords);
    const focus: VisitData['focus'] = { area: reading.area, words: quote('focus', focusSentenceWords), ...(reading.reason ? { reason: reading.reason } : {}) };
    // The 2020–21 visits on the pandemic looked across services: their words name several areas at once.
    if (pandemic && reading.area === 'other') {
      return { ...focus, area: 'pandemic_response', reason: `one of the 2020–21 visits in Her Majesty’s Chief Inspector’s work on the COVID-19 pandemic, as the letter’s opening says; ${reading.reason}` };
    }
    return focus;
  }
  if (!pandemic) throw new ImportError('focused-visit letter: its opening does not say what inspectors looked at ("Inspectors looked at …")');
  const words = /\b(how England[’']s social care system .+?)\.?$/.exec(pandemic)![1]!;
  return { area: 'pandemic_response', words: quote('focus', words) };
}

/** The areas for priority action the letter sets, each a quote; a letter whose actions cannot be read is refused. */
function readLetterPriorityActions(blocks: readonly Block[], quote: Quote): VisitData['priority_actions'] {
  const actions = readPriorityActions(blocks);
  if (actions.unreadable) throw new ImportError(`focused-visit letter: its areas for priority action cannot be read: ${actions.unreadable}`);
  return {
    areas: actions.areas.map((a, i) => quote(`area for priority action ${i + 1}`, a)),
    ...(actions.evidence ? { evidence: quote('priority actions evidence', actions.evidence) } : {}),
    ...(actions.earlier ? { earlier: quote('earlier priority actions', actions.earlier) } : {}),
  };
}

/**
 * The summary: the first paragraph under "Overview" or "Headline findings". The heading may have lost its
 * style in the PDF ("Overview", "Headline Findings." as a line of text). Without one, the entry has no summary.
 */
function readSummary(blocks: readonly Block[], body: string, log: LetterLog): string | undefined {
  const summaryAt = blocks.findIndex((b) => (b.type === 'heading' || b.type === 'paragraph') && SUMMARY.test(flat(b.text)));
  const summaryBlock = summaryAt >= 0 ? blocks.slice(summaryAt + 1).find((b) => b.type !== 'table') : undefined;
  const summaryText = summaryBlock && summaryBlock.type !== 'heading' ? blockText(summaryBlock) : undefined;
  const summary = summaryText ? asQuote(summaryText, body) : undefined;
  if (!summary) log.findings.push(summaryAt >= 0 ? 'summary: the first paragraph under the summary heading is not in the body as written' : 'summary: no "Overview" or "Headline findings" section');
  return summary;
}

/** What needs to improve, as the letter lists it: a sentence saying the earlier areas still stand is not a new one. */
function newImprovements(improvements: readonly string[], blocks: readonly Block[], log: LetterLog): string[] {
  const listed = improvements.length > 0 ? improvements : improvementsUnderLooseHeading(blocks);
  const kept = listed.filter((item) => !NO_IMPROVEMENTS.test(item));
  if (kept.length < listed.length) log.notes.push('what needs to improve: the letter sets no new areas for improvement (its sentence saying the earlier ones stand is not listed as one)');
  return kept;
}

/**
 * The list under a "what needs to improve" heading the general reader does not take: one set as a
 * plain line ("What needs to improve in this area of social work practice" without heading type) or
 * written "Areas for improvement:".
 */
function improvementsUnderLooseHeading(blocks: readonly Block[]): string[] {
  const at = blocks.findIndex((b) => (b.type === 'heading' || b.type === 'paragraph') && /^(?:what needs to improve\b[^.]*|areas? for improvement:?)$/i.test(flat(b.text)));
  if (at < 0) return [];
  const items: string[] = [];
  for (const block of blocks.slice(at + 1)) {
    if (block.type !== 'list_item') break;
    items.push(blockText(block));
  }
  return items;
}

const LONG_DATE = /^(\d{1,2})(?:st|nd|rd|th)? (January|February|March|April|May|June|July|August|September|October|November|December),? (\d{4})\b/;

/** The words of the letter's date at its head ("22 June 2023"), in one of its first blocks. */
function letterDateWords(blocks: readonly Block[], letterDate: PartialDate): string | undefined {
  for (const block of blocks.slice(0, 8)) {
    if (block.type === 'table') continue;
    const m = LONG_DATE.exec(flat(block.text));
    if (m && parseLongDate(`${m[1]} ${m[2]} ${m[3]}`) === letterDate) return m[0];
  }
  return undefined;
}

/** The letter's opening: the paragraphs after "Dear …" up to its first section heading. */
function openingParagraphs(blocks: readonly Block[]): string[] {
  const dear = blocks.findIndex((b) => b.type === 'paragraph' && /^\s*Dear\b/.test(b.text));
  const out: string[] = [];
  for (const block of blocks.slice(dear + 1)) {
    // A section heading, or one that lost its style and stands as a short line ("Headline Findings.").
    if ((block.type === 'heading' || (block.type === 'paragraph' && flat(block.text).length <= 60)) && SECTION.test(flat(block.text))) break;
    if (block.type === 'paragraph' || block.type === 'list_item') out.push(flat(block.text));
  }
  return out;
}

/** The earlier inspections the letter states (see previous.ts), each quote written as the body holds it. */
export function readEarlierInspections(blocks: readonly Block[], visitStart: PartialDate, authorityNames: readonly string[], authorityId?: string): PreviousInspection[] {
  const body = blocksToMarkdown(blocks);
  const sentences = blocks.flatMap((b) => (b.type === 'paragraph' || b.type === 'list_item' ? b.text.split('\n\n').flatMap(sentencesOf) : []));
  const held = (date: PartialDate) => (authorityId ? ourFramework(authorityId, date) : undefined);
  return readLetterPrevious(sentences, visitStart, authorityNames, held).flatMap((earlier) => {
    const evidence = asQuote(earlier.sentence, body);
    if (!evidence) return [];
    const { sentence: _sentence, ...inspection } = earlier;
    return [{ ...inspection, judgements: inspection.judgements.map((j) => ({ ...j, evidence })) }];
  });
}

/** Flags where an earlier inspection the letter states disagrees with the inspection reports this site holds. */
export function earlierInspectionFlags(inspections: readonly InspectionData[]): { field: string; message: string }[] {
  return inspections.flatMap((inspection, i) => {
    if (inspection.role !== 'previous') return [];
    const date = inspection.start ?? inspection.published;
    if (!date) return [];
    const judgements = Object.entries(inspection.judgements).map(([key, j]) => ({ key: key as JudgementKey, grade: j!.grade }));
    return compareWithOurs(inspection.authority, date, judgements).map((message) => ({ field: `inspections[${i}]`, message }));
  });
}
