// Earlier inspections a report mentions with their grade ("At the last inspection in 2017,
// services were judged to require improvement."). Read only when one sentence names one
// earlier inspection, dates it, and states one grade for the whole service (or, before
// 2013, for safeguarding and looked after children together); anything less certain is
// left alone: a previous grade is never guessed.
import { isCertainlyBefore, type PartialDate } from '../domain/dates.ts';
import { gradeAllowed } from '../domain/frameworks.ts';
import type { Framework, Grade, JudgementKey } from '../domain/vocabulary.ts';
import { gradesInSentence } from './parse-grades.ts';

export interface PreviousInspection {
  framework: Framework;
  start: PartialDate;
  judgements: { key: JudgementKey; grade: Grade; evidence: string }[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Split running text into sentences (a full stop followed by a capital starts a new one). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z‘'“(])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const MENTIONS_EARLIER = /\b(last|previous|preceding|most recent) (full |standard |single |ILACS |SIF |Ofsted )*inspection\b|\bwas last inspected\b/i;
/** Sentences about something other than a full inspection of the authority's children's services. */
const OTHER_SUBJECT =
  /focused visit|monitoring visit|joint targeted|\bJTAI\b|adoption|fostering|youth (offending|justice)|\bSEND\b|local area|children[’']s homes?|residential|secure|academy|school|nursery|provider|health|police|partnership|board|\bLSCB\b|not yet|no longer|\bremain|since then|would be|could be|\bnow\b/i;
const AREA =
  /help and protection|care leavers|leaving care|looked after|in care|permanence|leadership|management|governance|early help|front door|disabled|exploitation|missing|private fostering|care experienced|care-experienced|\bleaders\b|practice/i;
const JUDGED = /\b(judged|found|rated|graded|assessed|judgement|judgment)\b/i;
const WHOLE_SERVICE =
  /\b(the (local )?(authority|council)|(children[’']s )?(social care )?services( for children(( and families)| in [A-Z][\w -]+)?)?|overall effectiveness|overall judgement|overall|[A-Z][a-z]+( [A-Z][a-z]+)?)( (was|were|as|to be|is|are))\b/;
const SAFEGUARDING_AND_LAC =
  /\b(both )?safeguarding( services)? and (services for )?(looked after children|children looked after)(['’]s)?( services)?\b/i;

function previousFramework(date: PartialDate, sentence: string): Framework | undefined {
  if (/\bILACS\b|inspection of local authority children[’']s services/i.test(sentence)) return 'ilacs';
  if (/\bSIF\b|single inspection/i.test(sentence)) return 'sif';
  const year = Number(date.slice(0, 4));
  const month = date.length >= 7 ? Number(date.slice(5, 7)) : undefined;
  if (year < 2013 || (year === 2013 && month !== undefined && month < 11)) return 'pre_2013';
  if (year === 2013 && month === undefined) return undefined;
  if (year >= 2014 && year <= 2017) return 'sif';
  if (year === 2013) return 'sif';
  if (year >= 2019) return 'ilacs';
  return undefined; // 2018: SIF and ILACS ran side by side
}

/** The one date in a sentence ("in October 2021", "in 2017"); undefined when it gives none or several. */
export function sentenceDate(sentence: string): PartialDate | undefined {
  const found = new Set<string>();
  for (const m of sentence.matchAll(/\b(?:(January|February|March|April|May|June|July|August|September|October|November|December) )?((?:19|20)\d{2})\b/gi)) {
    const month = m[1] ? MONTHS.indexOf(m[1].toLowerCase()) + 1 : 0;
    found.add(month ? `${m[2]}-${String(month).padStart(2, '0')}` : m[2]!);
  }
  const dates = [...found];
  // "in March 2012 ... in 2012" names one date; two different years name two.
  const years = new Set(dates.map((d) => d.slice(0, 4)));
  if (years.size !== 1) return undefined;
  return dates.sort((a, b) => b.length - a.length)[0];
}

/** Earlier inspections stated in these texts (paragraphs and list items of a report), before `subjectStart`. */
export function readPreviousInspections(texts: readonly string[], subjectStart: PartialDate | undefined): PreviousInspection[] {
  const found: PreviousInspection[] = [];
  for (const text of texts) {
    for (const sentence of sentences(text)) {
      const reading = readPreviousSentence(sentence, subjectStart);
      if (!reading) continue;
      // One reading per earlier inspection: the first sentence that states it.
      if (found.some((f) => f.start.slice(0, 4) === reading.start.slice(0, 4))) continue;
      found.push(reading);
    }
  }
  return found;
}

export function readPreviousSentence(sentence: string, subjectStart: PartialDate | undefined): PreviousInspection | undefined {
  if (sentence.length > 400 || !MENTIONS_EARLIER.test(sentence) || !JUDGED.test(sentence) && !/\b(was|were) (outstanding|good|adequate|inadequate)\b/i.test(sentence)) return undefined;
  const grades = gradesInSentence(sentence);
  if (grades.length !== 1) return undefined;
  const grade = grades[0]!;
  const start = sentenceDate(sentence);
  if (!start || (subjectStart && !isCertainlyBefore(start, subjectStart))) return undefined;
  const framework = previousFramework(start, sentence);
  if (!framework || !gradeAllowed(framework, grade)) return undefined;
  if (framework === 'pre_2013') {
    // Before 2013 the grades were per service: only a sentence naming both, graded together, is read.
    const both = SAFEGUARDING_AND_LAC.exec(sentence);
    if (!both || /\b(adoption|fostering|focused|monitoring|joint targeted)\b/i.test(sentence)) return undefined;
    return {
      framework,
      start,
      judgements: [
        { key: 'safeguarding', grade, evidence: sentence },
        { key: 'looked_after_children', grade, evidence: sentence },
      ],
    };
  }
  if (OTHER_SUBJECT.test(sentence) || AREA.test(sentence) || !WHOLE_SERVICE.test(sentence)) return undefined;
  return { framework, start, judgements: [{ key: 'overall_effectiveness', grade, evidence: sentence }] };
}
