// Earlier inspections a report mentions with their grade ("At the last inspection in 2017,
// services were judged to require improvement."). Read only when one sentence names one
// earlier inspection, dates it, and states one grade for the whole service (or, before
// 2013, for safeguarding and looked after children together); anything less certain is
// left alone: a previous grade is never guessed.
import { isCertainlyBefore, type PartialDate } from '../domain/dates.ts';
import { gradeAllowed } from '../domain/frameworks.ts';
import type { Framework, Grade, InspectionType, JudgementKey } from '../domain/vocabulary.ts';
import { gradesInSentence } from './parse-grades.ts';

export interface PreviousInspection {
  framework: Framework;
  type: InspectionType;
  /** When the report dates the inspection itself ("was in March 2012"). */
  start?: PartialDate;
  /** When the report dates its publication instead ("was published in May 2012"). */
  published?: PartialDate;
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
  /focused visit|monitoring visit|joint targeted|\bJTAI\b|adoption|fostering|youth (offending|justice)|\bSEND\b|local area|children[’']s homes?|residential|secure|academy|school|nursery|provider|health|police|partnership|board|\bLSCB\b|not yet|no longer|\bremain|since then|would be|could be|\bnow\b|\bexcept\b|\bapart from\b|\bwith the exception\b/i;
const AREA =
  /help and protection|care leavers|leaving care|looked after|in care|permanence|leadership|management|governance|early help|front door|disabled|exploitation|missing|private fostering|care experienced|care-experienced|\bleaders\b|practice/i;
const JUDGED = /\b(judged|found|rated|graded|assessed|judgement|judgment)\b/i;
/** The whole service as the grade's subject: "the local authority was", "services were", "judged ... overall", or the authority by name. */
const WHOLE_SERVICE =
  /\b(the (local )?(authority|council)|(all )?(children[’']s )?(social care )?services( for children( and families)?)?( in [A-Z][\w -]+)?|overall effectiveness|overall judgement|overall)( (was|were|as|to be|is|are))\b|\bjudged (the local authority |services |them |it )?(overall |to be [\w ‘’']+ overall)|\bjudged (all )?services\b/;

/** The clause of a sentence (between commas, semicolons or dashes) that names its grade. */
export function gradeClause(sentence: string): string {
  const clauses = sentence.split(/[,;]\s+|\s[–—-]\s/);
  return clauses.find((c) => gradesInSentence(c).length > 0) ?? sentence;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Both pre-2013 services as the subject of the grade: "safeguarding and services for children looked after were judged to be good", "judged both safeguarding and looked after children’s services to be inadequate". */
const SAFEGUARDING_AND_LAC =
  /\b(?:safeguarding(?: services)? and (?:services for )?(?:looked after children|children looked after)(?:['’]s)?(?: services)? (?:were|was) (?:both )?(?:judged|found)|judged both safeguarding and (?:services for )?(?:looked after children|children looked after)(?:['’]s)?(?: services)? (?:to be|as))\b/i;

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

/**
 * The date of the earlier inspection: the one right after "inspection" or "inspected"
 * ("the last inspection in October 2021", "the last inspection, in May 2018,", "was last
 * inspected in 2014"); undefined when there is none, or when the sentence names other years too.
 */
export function sentenceDate(sentence: string): PartialDate | undefined {
  const years = new Set([...sentence.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => m[0]));
  if (years.size !== 1) return undefined;
  const found = new Set<string>();
  for (const m of sentence.matchAll(/\binspect(?:ion|ed)(?: of [a-z’' ]{3,60}?)?,? (?:in|of|during|on) (?:(January|February|March|April|May|June|July|August|September|October|November|December) )?((?:19|20)\d{2})\b/gi)) {
    const month = m[1] ? MONTHS.indexOf(m[1].toLowerCase()) + 1 : 0;
    found.add(month ? `${m[2]}-${String(month).padStart(2, '0')}` : m[2]!);
  }
  const dates = [...found];
  return dates.length === 1 ? dates[0] : undefined;
}

/** Earlier inspections stated in these texts (paragraphs and list items of a report), before `subjectStart`. */
export function readPreviousInspections(
  texts: readonly string[],
  subjectStart: PartialDate | undefined,
  authorityNames: readonly string[] = [],
): PreviousInspection[] {
  const found: PreviousInspection[] = [];
  const dateOf = (p: PreviousInspection) => (p.start ?? p.published)!;
  const add = (reading: PreviousInspection | undefined) => {
    if (!reading) return;
    // One reading per earlier inspection (same year, same type): the first text that states it.
    if (found.some((f) => f.type === reading.type && f.framework === reading.framework && dateOf(f).slice(0, 4) === dateOf(reading).slice(0, 4))) return;
    found.push(reading);
  };
  for (const text of texts) {
    add(readPreviousOfstedInspection(text, subjectStart));
    for (const sentence of sentences(text)) add(readPreviousSentence(sentence, subjectStart, authorityNames));
  }
  return found;
}

const SERVICE_KINDS: { pattern: RegExp; type: InspectionType; key: JudgementKey }[] = [
  { pattern: /^services for (children looked after|looked after children)$/i, type: 'looked_after_children', key: 'looked_after_children' },
  {
    pattern: /^(arrangements for the protection of children|safeguarding arrangements|safeguarding arrangements\/ ?arrangements for the protection of children|safeguarding services)$/i,
    type: 'safeguarding',
    key: 'safeguarding',
  },
];

/**
 * The "Previous Ofsted inspections" items of SIF reports: "The previous inspection of the
 * local authority’s services for children looked after was in March 2012. The local
 * authority was judged to be adequate." Before November 2013 only: each names one
 * service and its grade (or, for a combined inspection, each service's grade by name).
 */
export function readPreviousOfstedInspection(text: string, subjectStart?: PartialDate): PreviousInspection | undefined {
  const m =
    /The previous inspection of the local authority[’']s (.+?) was (?:also )?(published )?in ((?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4})\. The local authority was judged to be ([^.]+)\./.exec(
      text,
    );
  if (!m) return undefined;
  const [, what, publishedWord, when, judged] = m as unknown as [string, string, string | undefined, string, string];
  const [monthName, year] = when.split(' ') as [string, string];
  const date = `${year}-${String(MONTHS.indexOf(monthName.toLowerCase()) + 1).padStart(2, '0')}`;
  if (date >= '2013-11' || (subjectStart && !isCertainlyBefore(date, subjectStart))) return undefined;
  const evidence = m[0];
  const dated = publishedWord ? { published: date } : { start: date };
  const single = SERVICE_KINDS.find((k) => k.pattern.test(what.trim()));
  if (single) {
    const grades = gradesInSentence(judged);
    if (grades.length !== 1 || !gradeAllowed('pre_2013', grades[0]!) || /\b(for|and)\b/i.test(judged)) return undefined;
    return { framework: 'pre_2013', type: single.type, ...dated, judgements: [{ key: single.key, grade: grades[0]!, evidence }] };
  }
  // A combined inspection: read only when each service's grade is named ("adequate for safeguarding and good for children looked after").
  if (!/safeguarding/i.test(what) || !/looked after/i.test(what)) return undefined;
  const parts = /^(\w+) for (safeguarding|children looked after|looked after children) and (\w+) for (safeguarding|children looked after|looked after children)$/i.exec(judged.trim());
  if (!parts) return undefined;
  const judgements: PreviousInspection['judgements'] = [];
  for (const [word, service] of [
    [parts[1]!, parts[2]!],
    [parts[3]!, parts[4]!],
  ] as const) {
    const grades = gradesInSentence(word);
    if (grades.length !== 1 || !gradeAllowed('pre_2013', grades[0]!)) return undefined;
    judgements.push({ key: /safeguarding/i.test(service) ? 'safeguarding' : 'looked_after_children', grade: grades[0]!, evidence });
  }
  if (judgements[0]!.key === judgements[1]!.key) return undefined;
  return { framework: 'pre_2013', type: 'safeguarding_and_looked_after_children', ...dated, judgements };
}

export function readPreviousSentence(
  sentence: string,
  subjectStart: PartialDate | undefined,
  authorityNames: readonly string[] = [],
): PreviousInspection | undefined {
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
      type: 'safeguarding_and_looked_after_children',
      start,
      judgements: [
        { key: 'safeguarding', grade, evidence: sentence },
        { key: 'looked_after_children', grade, evidence: sentence },
      ],
    };
  }
  const byName = authorityNames.some((name) =>
    new RegExp(`\\b${escape(name)}(?: (?:Borough |City |County |Metropolitan Borough )?Council)?(?:[’']s (?:children[’']s )?services)? (?:was|were) (?:judged|found|rated|graded)\\b`, 'i').test(sentence),
  );
  // The subject of the grade is read in the clause that states it ("..., when services were judged to be good, ...").
  const clause = gradeClause(sentence);
  if (OTHER_SUBJECT.test(sentence) || AREA.test(clause) || !(WHOLE_SERVICE.test(clause) || byName)) return undefined;
  return { framework, type: 'not_stated', start, judgements: [{ key: 'overall_effectiveness', grade, evidence: sentence }] };
}
