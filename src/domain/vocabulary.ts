// The fixed vocabularies of the content model. Everything else (schemas, importer,
// pages, downloads) takes its keys and labels from here, so a key is spelled once.

/** Best first, as every list of grades reads: requires improvement before adequate, the older framework's word at the same rank (GRADE_ORDER). */
export const GRADES = ['outstanding', 'good', 'requires_improvement', 'adequate', 'inadequate'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement to be good',
  adequate: 'Adequate',
  inadequate: 'Inadequate',
};

/** Best first; used for sorting and for ranking. Adequate sat where RI sits now. */
export const GRADE_ORDER: Record<Grade, number> = {
  outstanding: 1,
  good: 2,
  requires_improvement: 3,
  adequate: 3,
  inadequate: 4,
};

/** A grade as it appears in addresses, URL state, CSS classes and data-grade: "requires_improvement" → "requires-improvement". */
export const gradeSlug = (grade: Grade) => grade.replaceAll('_', '-');

/** The grade a slug names (the inverse of gradeSlug), undefined for anything else. */
export function gradeFromSlug(slug: string | undefined): Grade | undefined {
  return GRADES.find((g) => gradeSlug(g) === slug);
}

export const JUDGEMENT_KEYS = [
  'overall_effectiveness',
  'impact_of_leaders',
  'help_and_protection',
  'children_in_care_and_care_leavers',
  'children_in_care',
  'care_leavers',
  'children_looked_after',
  'adoption',
  'leadership_management_governance',
  'lscb',
  'safeguarding',
  'looked_after_children',
] as const;
export type JudgementKey = (typeof JUDGEMENT_KEYS)[number];

export const JUDGEMENT_LABELS: Record<JudgementKey, string> = {
  overall_effectiveness: 'Overall effectiveness',
  impact_of_leaders: 'Impact of leaders on social work practice with children and families',
  help_and_protection: 'Experiences and progress of children who need help and protection',
  children_in_care_and_care_leavers: 'Experiences and progress of children in care and care leavers',
  children_in_care: 'Experiences and progress of children in care',
  care_leavers: 'Experiences and progress of care leavers',
  children_looked_after: 'Children looked after and achieving permanence',
  adoption: 'Adoption performance',
  leadership_management_governance: 'Leadership, management and governance',
  lscb: 'Local Safeguarding Children Board review',
  safeguarding: 'Safeguarding services',
  looked_after_children: 'Services for looked after children',
};

export const FRAMEWORKS = ['pre_2013', 'sif', 'ilacs', 'jtai'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const FRAMEWORK_LABELS: Record<Framework, string> = {
  pre_2013: 'Safeguarding and looked after children (to 2013)',
  sif: 'Single inspection framework (SIF)',
  ilacs: 'Inspection of local authority children’s services (ILACS)',
  jtai: 'Joint targeted area inspection (JTAI)',
};

export const FRAMEWORK_SHORT_LABELS: Record<Framework, string> = {
  pre_2013: 'Pre-2013',
  sif: 'SIF',
  ilacs: 'ILACS',
  jtai: 'JTAI',
};

export const INSPECTION_TYPES = [
  'standard',
  'short',
  'reinspection',
  'safeguarding',
  'looked_after_children',
  'safeguarding_and_looked_after_children',
  'focused_visit',
  'monitoring_visit',
  'joint_targeted_area_inspection',
  // The source gives grades but does not say which kind of inspection it was.
  'not_stated',
] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

export const INSPECTION_TYPE_LABELS: Record<InspectionType, string> = {
  standard: 'Standard inspection',
  short: 'Short inspection',
  reinspection: 'Re-inspection',
  safeguarding: 'Safeguarding inspection',
  looked_after_children: 'Looked after children inspection',
  safeguarding_and_looked_after_children: 'Safeguarding and looked after children inspection',
  focused_visit: 'Focused visit',
  monitoring_visit: 'Monitoring visit',
  joint_targeted_area_inspection: 'Joint targeted area inspection',
  not_stated: 'Type not stated in the source',
};

export const DOCUMENT_KINDS = ['ofsted_inspection_report', 'ofsted_letter', 'council_report'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  ofsted_inspection_report: 'Ofsted inspection report',
  ofsted_letter: 'Ofsted letter',
  council_report: 'Council report',
};

/** Why a document records an inspection: its own subject, an earlier one it mentions, or another authority in a comparison. */
export const INSPECTION_ROLES = ['subject', 'previous', 'comparison'] as const;
export type InspectionRole = (typeof INSPECTION_ROLES)[number];

/**
 * The areas a focused visit looks at, as the ILACS framework names them (../shared/DOMAIN.md,
 * "Letters"), plus the 2020–21 visits on councils' work during the pandemic. "other" needs a
 * reason in the entry (src/schemas/document.ts).
 */
export const FOCUS_AREAS = [
  'front_door',
  'children_in_need_and_child_protection',
  'children_at_risk_outside_the_home',
  'children_in_care',
  'permanence',
  'care_leavers',
  'older_children_in_care_placements',
  'pandemic_response',
  'other',
] as const;
export type FocusArea = (typeof FOCUS_AREAS)[number];

export const FOCUS_AREA_LABELS: Record<FocusArea, string> = {
  front_door: 'The “front door”: contacts, referrals and the multi-agency safeguarding hub',
  children_in_need_and_child_protection: 'Children in need and children subject to a child protection plan',
  children_at_risk_outside_the_home: 'Vulnerable children at risk outside the home (exploitation, going missing)',
  children_in_care: 'Children in care',
  permanence: 'Planning and achieving permanence',
  care_leavers: 'Care leavers',
  older_children_in_care_placements: 'Placement decisions for older children in care',
  pandemic_response: 'Children’s services during the COVID-19 pandemic',
  other: 'Another area',
};

/** Short labels for table cells and filters. */
export const FOCUS_AREA_SHORT_LABELS: Record<FocusArea, string> = {
  front_door: 'Front door',
  children_in_need_and_child_protection: 'Children in need and child protection',
  children_at_risk_outside_the_home: 'Children at risk outside the home',
  children_in_care: 'Children in care',
  permanence: 'Permanence',
  care_leavers: 'Care leavers',
  older_children_in_care_placements: 'Placements of older children in care',
  pandemic_response: 'Pandemic',
  other: 'Other',
};

/** The dates an inspection record holds, as a reader names them (where sources disagree on one). */
export const DATE_FIELD_LABELS = { start: 'First day of the inspection', end: 'Last day of the inspection', published: 'Publication' } as const;
