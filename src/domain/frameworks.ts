// Which judgements each framework grades, and when. These rules come from
// ../shared/DOMAIN.md; the schema, the importer and the comparison table all use them.
import type { PartialDate } from './dates.ts';
import { dateRange } from './dates.ts';
import type { Framework, Grade, InspectionType, JudgementKey } from './vocabulary.ts';

/** ILACS changes: care leavers graded separately from January 2023; no overall effectiveness from April 2026. */
export const ILACS_CARE_LEAVERS_SPLIT = '2023-01-01';
export const ILACS_NO_OVERALL_FROM = '2026-04-01';

const UNGRADED_TYPES: readonly InspectionType[] = [
  'focused_visit',
  'monitoring_visit',
  'joint_targeted_area_inspection',
];

const SIF_KEYS: readonly JudgementKey[] = [
  'overall_effectiveness',
  'help_and_protection',
  'children_looked_after',
  'adoption',
  'care_leavers',
  'leadership_management_governance',
  'lscb',
];

const PRE_2013_KEYS: readonly JudgementKey[] = ['overall_effectiveness', 'safeguarding', 'looked_after_children'];

const ILACS_2018_KEYS: readonly JudgementKey[] = [
  'overall_effectiveness',
  'impact_of_leaders',
  'help_and_protection',
  'children_in_care_and_care_leavers',
];
const ILACS_2023_KEYS: readonly JudgementKey[] = [
  'overall_effectiveness',
  'impact_of_leaders',
  'help_and_protection',
  'children_in_care',
  'care_leavers',
];
const ILACS_2026_KEYS: readonly JudgementKey[] = ILACS_2023_KEYS.filter((k) => k !== 'overall_effectiveness');

/**
 * The judgement keys a framework grades for an inspection of this type on this date.
 * The date is the inspection's start (or, failing that, its publication); with only a
 * year or month, a key is allowed if it was graded at any day that date can mean.
 */
export function allowedJudgements(
  framework: Framework,
  type: InspectionType,
  date: PartialDate | undefined,
): readonly JudgementKey[] {
  if (UNGRADED_TYPES.includes(type) || framework === 'jtai') return [];
  switch (framework) {
    case 'pre_2013':
      return PRE_2013_KEYS;
    case 'sif':
      return SIF_KEYS;
    case 'ilacs': {
      if (!date) return ILACS_2018_KEYS;
      const [earliest, latest] = dateRange(date);
      const keys = new Set<JudgementKey>();
      if (earliest < ILACS_CARE_LEAVERS_SPLIT) ILACS_2018_KEYS.forEach((k) => keys.add(k));
      if (latest >= ILACS_CARE_LEAVERS_SPLIT && earliest < ILACS_NO_OVERALL_FROM) ILACS_2023_KEYS.forEach((k) => keys.add(k));
      if (latest >= ILACS_NO_OVERALL_FROM) ILACS_2026_KEYS.forEach((k) => keys.add(k));
      return [...keys];
    }
  }
}

/** "Adequate" was the third grade before 2013; the SIF and ILACS say "Requires improvement to be good". */
export function gradeAllowed(framework: Framework, grade: Grade): boolean {
  if (grade === 'adequate') return framework === 'pre_2013';
  if (grade === 'requires_improvement') return framework !== 'pre_2013';
  return true;
}

export function frameworkGrades(framework: Framework): boolean {
  return framework !== 'jtai';
}

/** Inspection types that belong to a framework. */
export const FRAMEWORK_TYPES: Record<Framework, readonly InspectionType[]> = {
  pre_2013: ['safeguarding', 'looked_after_children', 'safeguarding_and_looked_after_children', 'not_stated'],
  sif: ['standard', 'reinspection', 'not_stated'],
  ilacs: ['standard', 'short', 'focused_visit', 'monitoring_visit', 'not_stated'],
  jtai: ['joint_targeted_area_inspection'],
};
