// Grades and judgement names as reports write them, to the vocabulary's keys.
import type { Framework, Grade, JudgementKey } from '../domain/vocabulary.ts';

/**
 * A grade cell or the grade at the end of a sentence: "Good", "Requires improvement to be
 * good", "Requires improvement", "Inadequate Grade 4", "Grade 3 (Adequate)". Anything else,
 * including a cell naming two grades, gives undefined.
 */
export function parseGrade(text: string): Grade | undefined {
  const cleaned = text
    .toLowerCase()
    .replace(/[’'‘"“”.:;]/g, ' ')
    .replace(/\(?\s*grade\s+[1-4]\s*\)?/g, ' ')
    .replace(/[()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^requires? improvement( to be good)?$/.test(cleaned)) return 'requires_improvement';
  if (cleaned === 'outstanding') return 'outstanding';
  if (cleaned === 'good') return 'good';
  if (cleaned === 'adequate') return 'adequate';
  if (cleaned === 'inadequate') return 'inadequate';
  return undefined;
}

/** The judgement a table row's label names, for the framework the report belongs to. */
export function judgementKeyForLabel(label: string, framework: Framework): JudgementKey | undefined {
  const text = label
    .toLowerCase()
    .replace(/^\d(\.\d)?\.?\s*/, '')
    .replace(/[’']/g, '’')
    .replace(/\s+/g, ' ')
    .replace(/[.:;]$/, '')
    .trim();
  if (/^overall effectiveness$/.test(text)) return 'overall_effectiveness';
  if (framework === 'ilacs') {
    // Some 2026 reports drop "social work": "The impact of leaders on practice with children and families".
    if (/^(the )?impact of leaders on (social work )?practice with children and families$/.test(text)) return 'impact_of_leaders';
    if (/^(the )?experiences? and progress of children who need help and protection$/.test(text)) return 'help_and_protection';
    if (/^(the )?experiences? and progress of children in care and care leavers$/.test(text)) return 'children_in_care_and_care_leavers';
    if (/^(the )?experiences? and progress of children in care$/.test(text)) return 'children_in_care';
    // Some 2025 reports label the row "The experiences and progress of children care leavers".
    if (/^(the )?experiences? and progress of (children )?care leavers$/.test(text)) return 'care_leavers';
    return undefined;
  }
  if (framework === 'sif') {
    if (/^children who need help and protection$/.test(text)) return 'help_and_protection';
    if (/^children looked after and achieving permanence$/.test(text)) return 'children_looked_after';
    if (/^adoption performance$/.test(text)) return 'adoption';
    if (/^experiences and progress of care leavers$/.test(text)) return 'care_leavers';
    if (/^leadership, management and governance$/.test(text)) return 'leadership_management_governance';
    return undefined;
  }
  return undefined;
}

const GRADE_WORDS = /\b(outstanding|good|adequate|inadequate|requires? improvement|requiring improvement)\b/gi;

/** The distinct grades a sentence names ("requires improvement to be good" counts once, as RI). */
export function gradesInSentence(sentence: string): Grade[] {
  const text = sentence.replace(/\brequir(es?|ing) improvement to be good\b/gi, 'requires improvement');
  const grades = new Set<Grade>();
  for (const match of text.matchAll(GRADE_WORDS)) {
    const word = match[1]!.toLowerCase();
    grades.add(word.startsWith('requir') ? 'requires_improvement' : (word as Grade));
  }
  return [...grades];
}
