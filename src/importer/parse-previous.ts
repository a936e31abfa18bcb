// Earlier inspections a report mentions with their grade ("At the last inspection in 2017,
// services were judged to require improvement."). Read only when one sentence names one
// earlier inspection, dates it, and states one grade for the whole service (or, before
// 2013, for safeguarding and looked after children together); anything less certain is
// left alone: a previous grade is never guessed.
import { isCertainlyBefore, type PartialDate } from '../domain/dates.ts';
import { allowedJudgements, gradeAllowed } from '../domain/frameworks.ts';
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
  /** What a reader should know of how the grades were read. */
  note?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Split running text into sentences (a full stop followed by a capital starts a new one). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z‘'“(])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const MENTIONS_EARLIER = /\b(last|previous|preceding|most recent) (full |standard |single |ILACS |SIF |Ofsted )*inspection\b|\bwas last inspected\b|\bhad previously been (judged|found|rated)\b/i;
/** "The local authority had previously been judged inadequate in 2016": an earlier grade dated by its year, with no "inspection" before the date. */
const PREVIOUSLY_JUDGED = /\b(?:the (?:local )?(?:authority|council)|(?:children[’']s )?services) had previously been (?:judged|found|rated) (?:to be |as )?[\w ]+? in (?:(January|February|March|April|May|June|July|August|September|October|November|December) )?((?:19|20)\d{2})\b/i;
/** "…, when they were judged good overall, and outstanding for leadership, management and governance": the overall grade and one area's, each named. */
const OVERALL_AND_AREA = /\bjudged (?:to be |as )?([\w ]+?) overall,? and ([\w ]+?) for (leadership, management and governance|help and protection|children looked after|care leavers|adoption)\b/i;
const AREA_KEYS: Record<string, JudgementKey> = {
  'leadership, management and governance': 'leadership_management_governance',
  'help and protection': 'help_and_protection',
  'children looked after': 'children_looked_after',
  'care leavers': 'care_leavers',
  adoption: 'adoption',
};
/** One grade for every judgement: "judged as requires improvement to be good in all areas". */
const IN_ALL_AREAS = /\b(?:in|across|for) all (?:areas|judgements|judgments|four areas|areas of (?:the )?inspection)\b/i;
/** Sentences about something other than a full inspection of the authority's children's services. */
const OTHER_SUBJECT =
  /focused visit|monitoring visit|joint targeted|\bJTAI\b|adoption|fostering|youth (offending|justice)|\bSEND\b|local area|children[’']s homes?|residential|secure|academy|school|nursery|provider|health|police|partnership|board|\bLSCB\b|not yet|no longer|\bremain|since then|would be|could be|\bnow\b|\bexcept\b|\bapart from\b|\bwith the exception\b/i;
const AREA =
  /help and protection|care leavers|leaving care|looked after|in care|permanence|leadership|management|governance|early help|front door|disabled|exploitation|missing|private fostering|care experienced|care-experienced|\bleaders\b|practice/i;
const JUDGED = /\b(judged|found|rated|graded|assessed|judgement|judgment)\b/i;
/** The whole service as the grade's subject: "the local authority was", "services were", "judged ... overall", or the authority by name. */
const WHOLE_SERVICE =
  /\b(the (local )?(authority|council|service)|(all )?(children[’']s )?(social care )?services( for children( and families)?)?( in [A-Z][\w -]+)?|overall effectiveness( of (children[’']s )?services)?|overall judgement|overall)( (was|were|as|to be|is|are))\b|\bjudged (the local authority |services |them |it )?(overall |to be [\w ‘’']+ overall)|\bjudged (all )?services\b|\bjudged (to be |as )?\w+( \w+)? overall\b/;

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
    // An item may hold several (Bolton 2014, Rochdale 2014: "The previous inspection of …’s arrangements for the protection of
    // children was in 2012. The local authority was judged to be inadequate. The previous inspection of …’s services for…").
    for (const part of text.split(/(?=The (?:previous|last) inspection of )/)) add(readPreviousOfstedInspection(part, subjectStart));
    for (const sentence of sentences(text)) add(readPreviousSentence(sentence, subjectStart, authorityNames));
  }
  return found;
}

const SERVICE_KINDS: { pattern: RegExp; type: InspectionType; key: JudgementKey }[] = [
  { pattern: /^(?:services|arrangements) for (children (?:and young people )?looked after|looked after children|children in care)$/i, type: 'looked_after_children', key: 'looked_after_children' },
  {
    pattern: /^(?:arrangements for the protection of children|child protection arrangements|safeguarding(?: arrangements| services)?(?: for (?:the protection of )?children(?: and young people)?)?(?:\s*(?:\/|and)\s*arrangements for the protection of children)?)$/i,
    type: 'safeguarding',
    key: 'safeguarding',
  },
];

/**
 * The "Previous Ofsted inspections" items of SIF reports: "The previous inspection of the
 * local authority’s services for children looked after was in March 2012. The local
 * authority was judged to be adequate." Each names one service the inspections before the SIF graded and its
 * grade (or, for a combined inspection, each service's grade by name).
 */
export function readPreviousOfstedInspection(text: string, subjectStart?: PartialDate): PreviousInspection | undefined {
  // "The previous (or last) inspection of … was in March 2012. The local authority was judged (to be) adequate.", or
  // "Child protection arrangements were last inspected in July 2012 and were judged to be adequate." (Rotherham 2014).
  const m =
    /The (?:previous|last) inspection of (?:(?:the local authority|[A-Z][\w’' -]{1,40}?)[’']s )?(.+?) was (?:also )?(published )?in ((?:(?:January|February|March|April|May|June|July|August|September|October|November|December) )?\d{4})\. The [Ll]ocal [Aa]uthority was judged (?:to be )?([^.]+)\./.exec(
      text,
    ) ??
    /\b((?:Child protection|Safeguarding) arrangements|Services for (?:looked after children|children looked after)) (?:were|was) last inspected ()in ((?:(?:January|February|March|April|May|June|July|August|September|October|November|December) )?\d{4}) and (?:were|was) judged (?:to be )?([^.]+)\./.exec(
      text,
    );
  if (!m) return undefined;
  const [, what, publishedWord, when, judged] = m as unknown as [string, string, string | undefined, string, string];
  const [monthName, year] = (when.includes(' ') ? when.split(' ') : [undefined, when]) as [string | undefined, string];
  const date = monthName ? `${year}-${String(MONTHS.indexOf(monthName.toLowerCase()) + 1).padStart(2, '0')}` : year;
  // The services named are those the inspections before the SIF graded, whatever the date (Birmingham's were in March 2014).
  if (subjectStart && !isCertainlyBefore(date, subjectStart)) return undefined;
  const evidence = m[0].replace(/^\s+/, '');
  const dated = publishedWord ? { published: date } : { start: date };
  const single = SERVICE_KINDS.find((k) => k.pattern.test(what.trim()));
  if (single) {
    const grades = gradesInSentence(judged);
    if (grades.length !== 1 || !gradeAllowed('pre_2013', grades[0]!) || /\b(for|and)\b/i.test(judged)) return undefined;
    return { framework: 'pre_2013', type: single.type, ...dated, judgements: [{ key: single.key, grade: grades[0]!, evidence }] };
  }
  // A combined inspection: read only when each service's grade is named ("adequate for safeguarding and good for children looked after").
  if (!/safeguarding/i.test(what) || !/looked after/i.test(what)) return undefined;
  // One grade for the combined inspection ("The previous inspection of Bradford’s safeguarding and looked after children services
  // was in May 2012. The local authority was judged to be good."): the authority's grade as a whole, not a grade of either
  // service, which the report does not give. Recorded as overall effectiveness, and said so.
  const one = gradesInSentence(judged);
  if (one.length === 1 && gradeAllowed('pre_2013', one[0]!) && !/\b(for|and|but|except)\b/i.test(judged)) {
    return {
      framework: 'pre_2013',
      type: 'safeguarding_and_looked_after_children',
      ...dated,
      judgements: [{ key: 'overall_effectiveness', grade: one[0]!, evidence }],
      note: 'The report gives one grade for the local authority at this combined inspection of safeguarding and looked after children services, not a grade for each service: it is recorded as overall effectiveness.',
    };
  }
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
  if (grades.length === 2 && OVERALL_AND_AREA.test(sentence)) return readOverallAndArea(sentence, subjectStart);
  // "Services … are outstanding, reflecting the progress made since the previous inspection in 2019, when services were
  // judged as good overall.": the present grade stands before "since"; the earlier one is read in the "when" clause alone.
  const whenPart = /\bsince (?:its |the )?(?:last|previous) inspection,? in [^,]+?,? (when [^,;]*)/i.exec(sentence)?.[1];
  const gradeText = grades.length > 1 && whenPart && gradesInSentence(whenPart).length === 1 ? whenPart : sentence;
  const graded = gradesInSentence(gradeText);
  if (graded.length !== 1) return undefined;
  const grade = graded[0]!;
  const previously = PREVIOUSLY_JUDGED.exec(sentence);
  const start = sentenceDate(sentence) ?? (previously ? (previously[1] ? `${previously[2]}-${String(MONTHS.indexOf(previously[1].toLowerCase()) + 1).padStart(2, '0')}` : previously[2]) : undefined);
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
    new RegExp(`\\b${escape(name)}(?: (?:Borough |City |County |Metropolitan Borough )?Council)?(?:[’']s (?:children[’']s )?services| children[’']s (?:services|social care))? (?:was|were) (?:judged|found|rated|graded)\\b`, 'i').test(sentence),
  );
  // The subject of the grade is read in the clause that states it ("..., when services were judged to be good, ...").
  const clause = gradeClause(gradeText);
  // "Children’s services in Croydon have improved … since the last inspection in 2017, when they were judged to be inadequate."
  // The subject before the verb must be the services as a whole ("Services for children in care have deteriorated…" is not).
  const subject = /^(.*?)\s(?:have|has|had|are|is|were|was)\b/i.exec(sentence)?.[1] ?? sentence;
  const theyAreServices = /^(?:children[’']s )?(?:social care )?services\b/i.test(sentence) && !AREA.test(subject) && /\bwhen they were (?:judged|found|rated)\b/i.test(clause);
  // "The local authority had previously been judged inadequate in 2016, and … partnership …": the subject is read in the clause alone.
  const otherSubject = previously ? OTHER_SUBJECT.test(clause) : OTHER_SUBJECT.test(sentence);
  if (otherSubject || AREA.test(clause) || !(WHOLE_SERVICE.test(clause) || byName || theyAreServices || previously)) return undefined;
  const judgements = [{ key: 'overall_effectiveness' as JudgementKey, grade, evidence: sentence }];
  // "…judged as requires improvement to be good in all areas": every judgement of that framework then, when the date says which they were.
  if (IN_ALL_AREAS.test(sentence)) {
    const keys = allowedJudgements(framework, 'not_stated', start);
    const unambiguous = !(keys.includes('children_in_care_and_care_leavers') && keys.includes('children_in_care')) && !(framework === 'ilacs' && !keys.includes('overall_effectiveness'));
    if (unambiguous && framework === 'ilacs') for (const key of keys) if (key !== 'overall_effectiveness') judgements.push({ key, grade, evidence: sentence });
  }
  return { framework, type: 'not_stated', start, judgements };
}

/** "since the last inspection in 2017, when they were judged good overall, and outstanding for leadership, management and governance". */
function readOverallAndArea(sentence: string, subjectStart: PartialDate | undefined): PreviousInspection | undefined {
  const m = OVERALL_AND_AREA.exec(sentence);
  if (!m || OTHER_SUBJECT.test(sentence)) return undefined;
  const overall = gradesInSentence(m[1]!);
  const area = gradesInSentence(m[2]!);
  if (overall.length !== 1 || area.length !== 1 || m[1]!.split(' ').length > 5 || m[2]!.split(' ').length > 5) return undefined;
  const start = sentenceDate(sentence);
  if (!start || (subjectStart && !isCertainlyBefore(start, subjectStart))) return undefined;
  const framework = previousFramework(start, sentence);
  if (!framework || framework === 'pre_2013' || !gradeAllowed(framework, overall[0]!) || !gradeAllowed(framework, area[0]!)) return undefined;
  const key = AREA_KEYS[m[3]!.toLowerCase()]!;
  if (!allowedJudgements(framework, 'not_stated', start).includes(key)) return undefined;
  return {
    framework,
    type: 'not_stated',
    start,
    judgements: [
      { key: 'overall_effectiveness', grade: overall[0]!, evidence: sentence },
      { key, grade: area[0]!, evidence: sentence },
    ],
  };
}
