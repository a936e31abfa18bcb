// The last full inspection a focused-visit letter states, with its grades: "At the last
// inspection, in May 2019, the overall effectiveness of services was judged to be
// outstanding." / "Since the previous inspection in October 2022, when the experiences and
// progress of children in care and care leavers were judged to be requires improvement to be
// good, …" / "Knowsley children’s services were last inspected by Ofsted in 2017 and were
// judged to require improvement to be good."
//
// A grade is taken only when its clause names what was graded: the overall effectiveness (or
// the whole service, "children’s services were judged to be good"), or one judgement by its
// name ("the experiences and progress of children who need help and protection"). A grade whose
// subject is anything else ("they", "the adoption service", "all areas") is left alone.
import type { PartialDate } from '../../domain/dates.ts';
import { isCertainlyBefore } from '../../domain/dates.ts';
import type { Framework, Grade, JudgementKey } from '../../domain/vocabulary.ts';
import type { PreviousInspection } from '../parse-previous.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const GRADE = String.raw`(outstanding|good|inadequate|requires? improvement(?: to be good)?|requiring improvement(?: to be good)?|required improvement(?: to be good)?|adequate)`;
const JUDGED = String.raw`(?:(?:(?:was|were|is|are|had been)\s+)?(?:judged|found|rated|graded)\s+(?:to be\s+|as\s+|to\s+)?|(?:was|were)\s+)`;

/** The earlier inspection and its date: "the last inspection in May 2019", "last inspected by Ofsted in 2017", "the ILACS inspection in June 2019". */
const INSPECTION = new RegExp(
  String.raw`\b(?:(?:last|previous|preceding)\s+(?:full\s+|standard\s+|single\s+|ILACS\s+|ILACs\s+|Ofsted\s+|inspecting local authority childrens services \(ILACS\)\s+)*inspection(?:\s+of\s+[^,]{3,60}?)?|(?:last\s+)?inspected(?:\s+by\s+Ofsted)?|(?:ILACS|standard|full|single)\s+inspection(?:\s+of\s+[^,]{3,60}?)?)\s*,?\s+(?:in|of|during|published in)\s+(?:${MONTH}(?:\/${MONTH})?\s+)?((?:19|20)\d{2})\b`,
  'i',
);
const NOT_AN_INSPECTION_OF_THE_SERVICE = /monitoring visit|joint targeted|\bJTAI\b|Probation|audit|adoption service|youth offending|\bSEND\b|area inspection/i;

const SUBJECTS: { key: JudgementKey; subject: RegExp }[] = [
  { key: 'overall_effectiveness', subject: /\boverall effectiveness(?: of (?:the )?(?:service|services|children[’']s services))?\s*$|\boverall judgement of\s*$/i },
  { key: 'children_in_care_and_care_leavers', subject: /\bexperiences? (?:and progress )?of children in care and care leavers\s*$/i },
  { key: 'help_and_protection', subject: /\b(?:experiences? (?:and progress )?of children|response to children|services for children) (?:who need|in need of|who require|who requires) help and protection\s*$/i },
  { key: 'children_in_care', subject: /\b(?:experiences? (?:and progress )?of children in care|services for children in care)\s*$/i },
  { key: 'care_leavers', subject: /\b(?:experiences? (?:and progress )?of care leavers|services for care leavers|care leavers)\s*$/i },
  { key: 'children_looked_after', subject: /\bservices for children looked after\s*$/i },
];
/** The whole service as the subject: "the local authority was", "children’s services were", "services were", "Shropshire children’s services were". */
const WHOLE_SERVICE = /(?:^|\bwhen |\bwhere |\band )(?:the local authority|(?:[A-Z][\w’' -]+ )?children[’']s services(?: in [A-Z][\w -]+)?|services)\s*$/;

function gradeOf(words: string): Grade {
  const w = words.toLowerCase();
  if (w.startsWith('outstanding')) return 'outstanding';
  if (w.startsWith('good')) return 'good';
  if (w.startsWith('inadequate')) return 'inadequate';
  if (w.startsWith('adequate')) return 'adequate';
  return 'requires_improvement';
}

function frameworkOn(date: PartialDate, sentence: string): Framework | undefined {
  if (/\bILACS\b|inspection of local authority children[’']s services/i.test(sentence)) return 'ilacs';
  if (/\bsingle inspection\b|\bSIF\b/i.test(sentence)) return 'sif';
  const year = Number(date.slice(0, 4));
  if (year >= 2019) return 'ilacs';
  if (year >= 2014 && year <= 2017) return 'sif';
  return undefined; // 2013 and 2018: two frameworks ran in those years
}

export interface LetterPrevious extends PreviousInspection {
  /** The sentence that states it. */
  sentence: string;
}

/** Each grade a clause names, keyed by what it grades. */
function gradesInClauses(text: string): { key: JudgementKey; grade: Grade }[] {
  const found: { key: JudgementKey; grade: Grade }[] = [];
  // "… help and protection required improvement to be good": a grade with no verb before it.
  const normalised = text.replace(/\brequired improvement\b/gi, 'were judged to require improvement');
  for (const clause of normalised.split(/;|,\s+(?=(?:and|but|with|while|when|where)\b)|\bbut\b/)) {
    for (const m of clause.matchAll(new RegExp(String.raw`(.*?)\b${JUDGED}${GRADE}(\s+overall)?`, 'gi'))) {
      const before = m[1]!.replace(/,\s*$/, '').trim();
      const grade = gradeOf(m[2]!);
      const overallAfter = !!m[3];
      const named = SUBJECTS.find((s) => s.subject.test(before));
      if (named) found.push({ key: named.key, grade });
      else if (overallAfter || WHOLE_SERVICE.test(before)) found.push({ key: 'overall_effectiveness', grade });
    }
    // "giving an overall judgement of good", "judged good in help and protection and outstanding overall".
    const giving = /\boverall judgement of (outstanding|good|inadequate|requires? improvement(?: to be good)?)\b/i.exec(clause);
    if (giving) found.push({ key: 'overall_effectiveness', grade: gradeOf(giving[1]!) });
    const inHelp = /\bjudged (outstanding|good|inadequate|requires? improvement(?: to be good)?) in help and protection and (outstanding|good|inadequate|requires? improvement(?: to be good)?) overall\b/i.exec(clause);
    if (inHelp) found.push({ key: 'help_and_protection', grade: gradeOf(inHelp[1]!) }, { key: 'overall_effectiveness', grade: gradeOf(inHelp[2]!) });
  }
  // One grade per judgement: a sentence naming one judgement twice with different grades is not read.
  const byKey = new Map<JudgementKey, Grade>();
  for (const f of found) {
    if (byKey.has(f.key) && byKey.get(f.key) !== f.grade) return [];
    byKey.set(f.key, f.grade);
  }
  return [...byKey].map(([key, grade]) => ({ key, grade }));
}

/**
 * The earlier full inspections the letter's sentences state, each with the grades its sentence
 * names; only inspections before the visit. The first sentence that dates an inspection wins.
 */
export function readLetterPrevious(sentences: readonly string[], visitStart: PartialDate, authorityNames: readonly string[] = []): LetterPrevious[] {
  const found: LetterPrevious[] = [];
  for (const sentence of sentences) {
    if (NOT_AN_INSPECTION_OF_THE_SERVICE.test(sentence)) continue;
    let at = INSPECTION.exec(sentence);
    let rest: string | undefined;
    let head = '';
    if (at) {
      rest = sentence.slice(at.index + at[0].length);
      head = sentence.slice(0, at.index);
    }
    // "Reading was judged as requires improvement to be good at the ILACS inspection in September 2019."
    const named = authorityNames.length
      ? new RegExp(String.raw`^(?:${authorityNames.map(escape).join('|')})(?: children[’']s services)? was judged (?:to be |as )?(?:to )?${GRADE} at the (?:ILACS |standard |full )?inspection in (?:${MONTH} )?((?:19|20)\d{2})\b`, 'i').exec(sentence)
      : null;
    if (!at && !named) continue;
    const month = named ? named[2] : at![1];
    const year = named ? named[3]! : at![3]!;
    const date = month ? `${year}-${String(MONTHS.indexOf(month.toLowerCase()) + 1).padStart(2, '0')}` : year;
    if (!isCertainlyBefore(date, visitStart)) continue;
    if (found.some((f) => f.start === date)) continue;
    let judgements: { key: JudgementKey; grade: Grade }[];
    if (named) judgements = [{ key: 'overall_effectiveness', grade: gradeOf(named[1]!) }];
    else {
      // "… were last inspected by Ofsted in 2017 and were judged to …": the subject stands before the date.
      const subjectBefore = /(?:^|\b)((?:[A-Z][\w’' -]+ )?children[’']s services|the local authority) (?:were|was) (?:last )?$/.exec(head.replace(/inspected\s*$/, '').trim() + ' ');
      const after = rest!.replace(/^\s*,?\s*(?:and|when|where)\s+(?=(?:were|was)\b)/, subjectBefore ? `${subjectBefore[1]} ` : '');
      judgements = gradesInClauses(after.replace(/^\s*,\s*/, ' '));
    }
    if (judgements.length === 0) continue;
    const framework = frameworkOn(date, sentence);
    if (!framework) continue;
    found.push({
      framework,
      type: /\bstandard inspection\b/i.test(sentence) ? 'standard' : /\bshort inspection\b/i.test(sentence) ? 'short' : 'not_stated',
      start: date,
      judgements: judgements.map((j) => ({ ...j, evidence: sentence })),
      sentence,
    });
  }
  return found;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
