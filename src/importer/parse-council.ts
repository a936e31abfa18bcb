// Council reports restate Ofsted's judgements in their own words: "adoption performance was
// judged to be 'Good'", "assessed as ‘Good’ in all four inspection areas", "The overall
// judgement for Services in Stockton-on-Tees was good.", or a tab-separated grade table.
// These pure functions read the subject inspection's judgements and dates from such text;
// earlier inspections and comparison tables are left for a person to record.
import { allowedJudgements } from '../domain/frameworks.ts';
import { parseLongDate, type PartialDate } from '../domain/dates.ts';
import type { Framework, Grade, JudgementKey } from '../domain/vocabulary.ts';
import { parseDateRange } from './parse-dates.ts';
import { judgementKeyForLabel, parseGrade } from './parse-grades.ts';
import { rowEvidence, type FoundJudgement } from './parse-judgements.ts';
import { sentences } from './parse-previous.ts';
import type { Block } from './types.ts';

const GRADE = `['‘’"]?(outstanding|good|requires? improvement(?: to be good)?|inadequate)['‘’"]?`;

/** The framework of the inspection a council report is about. */
export function councilFramework(text: string, start?: PartialDate): Framework | undefined {
  const ilacs = /\bILACS\b|inspection of local authority children[’']s services|impact of leaders on social work practice/i.test(text);
  const sif = /single inspection framework|\bSIF\b|achieving permanence|adoption performance|leadership,? management and governance/i.test(text);
  if (ilacs && (!start || start >= '2018')) return 'ilacs';
  if (sif) return 'sif';
  return ilacs ? 'ilacs' : undefined;
}

/** A judgement's name as council prose writes it → its key in this framework. */
export function councilJudgementKey(label: string, framework: Framework, boardAcronyms: readonly string[] = []): JudgementKey | undefined {
  const text = label.toLowerCase().replace(/[’']/g, '’');
  if (/safeguarding children(’s)? board|\blscb\b/.test(text) || boardAcronyms.some((a) => new RegExp(`\\b${a}\\b`, 'i').test(label))) {
    return framework === 'sif' ? 'lscb' : undefined;
  }
  if (/overall effectiveness|overall judge?ment/.test(text)) return 'overall_effectiveness';
  if (framework === 'ilacs') {
    if (/impact of leaders/.test(text)) return 'impact_of_leaders';
    if (/help and protection/.test(text)) return 'help_and_protection';
    if (/children in care and care leavers/.test(text)) return 'children_in_care_and_care_leavers';
    if (/care leavers/.test(text)) return 'care_leavers';
    if (/children in care/.test(text)) return 'children_in_care';
    return undefined;
  }
  if (framework === 'sif') {
    if (/help and protection/.test(text)) return 'help_and_protection';
    if (/looked after and achieving permanence/.test(text)) return 'children_looked_after';
    if (/adoption/.test(text)) return 'adoption';
    if (/care leavers/.test(text)) return 'care_leavers';
    if (/leadership,? management and governance/.test(text)) return 'leadership_management_governance';
  }
  return undefined;
}

/** Acronyms the text defines for its safeguarding children board: "North Tyneside Safeguarding Children Board (NTSCB)". */
export function boardAcronyms(text: string): string[] {
  return [...text.matchAll(/Safeguarding Children(?:['’]s)? Board \(([A-Z]{3,8})\)/g)].map((m) => m[1]!);
}

const COUNT_WORDS: Record<string, number> = { three: 3, four: 4, five: 5, six: 6, seven: 7 };

/** Subject-inspection judgements from a council report's blocks. `subjectYear` screens out sentences about other years. */
export function readCouncilJudgements(
  blocks: readonly Block[],
  framework: Framework,
  date: PartialDate | undefined,
): { judgements: FoundJudgement[]; conflicts: string[] } {
  const allText = blocks.map((b) => (b.type === 'table' ? b.rows.map((r) => r.join(' ')).join('\n') : b.text)).join('\n');
  const acronyms = boardAcronyms(allText);
  const allowed = allowedJudgements(framework, 'not_stated', date);
  const found = new Map<JudgementKey, FoundJudgement>();
  const conflicts: string[] = [];
  const add = (key: JudgementKey | undefined, grade: Grade | undefined, evidence: string) => {
    if (!key || !grade || !allowed.includes(key)) return;
    const earlier = found.get(key);
    if (earlier && earlier.grade !== grade) conflicts.push(`${key}: "${earlier.evidence}" and "${evidence}" disagree`);
    if (!earlier) found.set(key, { key, grade, evidence });
  };
  const subjectYear = date?.slice(0, 4);
  const aboutAnotherYear = (sentence: string) =>
    /\b(last|previous|earlier) (full )?inspect|\bwas last inspected\b/i.test(sentence) ||
    (subjectYear !== undefined && [...sentence.matchAll(/\b(19|20)\d{2}\b/g)].some((m) => m[0] !== subjectYear));

  for (const block of blocks) {
    if (block.type === 'table') {
      // A grade table restating the report's page one (not a comparison table of many authorities).
      if (block.rows.length > 8) continue;
      for (const row of block.rows) {
        const [label = '', gradeText = ''] = row;
        if (row.filter((c) => c !== '').length !== 2) continue;
        add(judgementKeyForLabel(label, framework), parseGrade(gradeText), rowEvidence(row));
      }
      continue;
    }
    if (block.type === 'heading') continue;
    for (const sentence of sentences(block.text)) {
      if (aboutAnotherYear(sentence)) continue;
      // "<judgement> was judged to be 'Good'" (several in one sentence: each is read).
      for (const m of sentence.matchAll(new RegExp(`([^;:.]*?)\\b(?:was|were|is|are) (?:judged|assessed|graded|rated|found) (?:to be |as )?${GRADE}`, 'gi'))) {
        const evidence = m[0].trim().replace(/^(and|but)\s+/i, '');
        add(councilJudgementKey(m[1]!, framework, acronyms), parseGrade(m[2]!), evidence);
      }
      // "it judges the overall effectiveness of children's services in North Tyneside to be 'Good'"
      for (const m of sentence.matchAll(new RegExp(`judge[sd]? (the overall effectiveness of [^.;]*?) to be ${GRADE}`, 'gi'))) {
        add(councilJudgementKey(m[1]!, framework, acronyms) ?? 'overall_effectiveness', parseGrade(m[2]!), sentence);
      }
      // "The overall judgement for Services in Stockton-on-Tees was good."
      const overall = new RegExp(`overall judge?ment (?:for [^.;]*? )?(?:was|is) ${GRADE}`, 'i').exec(sentence);
      if (overall) add('overall_effectiveness', parseGrade(overall[1]!), sentence);
      // "assessed as ‘Good’ in all four inspection areas": every judgement, when the count is the framework's.
      const all = new RegExp(`(?:assessed|judged|graded|rated) (?:as )?${GRADE} in all (\\w+) (?:inspection )?(?:areas|judgements)`, 'i').exec(sentence);
      if (all) {
        const count = COUNT_WORDS[all[2]!.toLowerCase()] ?? Number(all[2]);
        const keys = allowed.filter((k) => k !== 'lscb');
        if (count === keys.length) {
          const evidence = sentence.slice(0, all.index + all[0].length).replace(/^[-–]\s*/, '');
          for (const key of keys) add(key, parseGrade(all[1]!), evidence.replace(/^\d+(\.\d+)*\.?\s+/, ''));
        }
      }
    }
  }
  return { judgements: [...found.values()], conflicts };
}

/** Inspection dates and publication as a council report words them. */
export function readCouncilDates(text: string): { start?: PartialDate; end?: PartialDate; published?: PartialDate } {
  const flat = text.replace(/\s+/g, ' ');
  const result: { start?: PartialDate; end?: PartialDate; published?: PartialDate } = {};
  const DATE = '\\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+(?: \\d{4})?';
  for (const m of flat.matchAll(new RegExp(`(?:[Bb]etween|[Ff]rom) (${DATE}) (?:and|to|until) (\\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \\d{4})`, 'g'))) {
    const context = flat.slice(Math.max(0, m.index - 160), m.index + m[0].length + 80);
    if (!/inspect/i.test(context)) continue;
    const range = parseDateRange(`${m[1]} to ${m[2]}`);
    if (range) {
      result.start = range.start;
      result.end = range.end;
      break;
    }
  }
  const published = new RegExp(`published (?:their findings |its findings |the report )?(?:by way of (?:a )?report )?on (${DATE})`, 'i').exec(flat);
  if (published) {
    const date = parseLongDate(published[1]!.replace(/(\d)(st|nd|rd|th)/, '$1'));
    if (date) result.published = date;
  }
  return result;
}
