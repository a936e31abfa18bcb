// Improvement themes: what inspectors keep asking councils to fix. Each area for
// improvement or recommendation (an inspection's `improvements`) is tagged by the
// keyword rules below: a theme applies when any of its patterns matches the sentence.
// The rules are meant to be read and corrected by an editor; where they get one
// sentence wrong, its entry overrides them (`improvement_themes` on the inspection, see
// docs/content-model.md), and the override wins.

export const THEME_IDS = [
  'management_oversight',
  'assessment_quality',
  'planning',
  'chronologies',
  'missing_return_home_interviews',
  'private_fostering',
  'life_story_work',
  'care_leavers_entitlements',
  'exploitation',
  'case_recording',
  'workforce_stability',
  'quality_assurance',
  'voice_of_the_child',
  'placement_sufficiency',
] as const;
export type ThemeId = (typeof THEME_IDS)[number];

export interface Theme {
  id: ThemeId;
  label: string;
  /** What the theme covers, in a sentence (shown on /themes/). */
  description: string;
  /** Words and phrases that bring a sentence under the theme, in plain words for the public pages (the patterns are the rule). */
  examples: string[];
  /** Case-insensitive; a sentence matching any of them has the theme. */
  patterns: RegExp[];
}

export const THEMES: readonly Theme[] = [
  {
    id: 'management_oversight',
    label: 'Management oversight and supervision',
    description: 'Managers’ oversight of casework and the supervision of social workers.',
    examples: ['management oversight', 'oversight by managers', 'supervision'],
    patterns: [/\b(management|managerial|manager’s|managers’|manager's|managers') oversight\b/i, /\boversight (by|of|from) (managers|leaders|team managers)\b/i, /\bsupervision\b/i],
  },
  {
    id: 'assessment_quality',
    label: 'Assessment quality',
    description: 'The quality, timeliness and analysis of assessments of children’s needs and risks.',
    examples: ['the quality of assessments', 'the timeliness of assessments', 'improve assessments'],
    patterns: [/\b(quality|timeliness|analysis|consistency|rigour) of (the )?(\w+ )?assessments?\b/i, /\bassessments? (are|is|should|that)\b/i, /\b(improve|strengthen|ensure)\b[^.]*\bassessments?\b/i],
  },
  {
    id: 'planning',
    label: 'Plans for children',
    description: 'Child in need, child protection, care and pathway plans: their quality, focus and review.',
    examples: ['care plans', 'child protection plans', 'pathway plans', 'planning for permanence', 'the quality of plans'],
    patterns: [/\b(care|child protection|child in need|children in need|pathway|permanence|safety|contingency) plans?\b/i, /\bplanning for (children|permanence)\b/i, /\bquality of plans\b/i],
  },
  {
    id: 'chronologies',
    label: 'Chronologies',
    description: 'Chronologies of significant events in children’s lives and records.',
    examples: ['chronology', 'chronologies'],
    patterns: [/\bchronolog(y|ies)\b/i],
  },
  {
    id: 'missing_return_home_interviews',
    label: 'Children missing and return home interviews',
    description: 'The response to children who go missing from home or care, including return home interviews.',
    examples: ['return home interviews', 'children who go missing', 'missing from care'],
    patterns: [/\breturn (home )?interviews?\b/i, /\b(go|goes|going|gone|went) missing\b/i, /\bmissing (from|children|episodes?)\b/i, /\bchildren who are missing\b/i],
  },
  {
    id: 'private_fostering',
    label: 'Private fostering',
    description: 'Identifying, assessing and supporting privately fostered children.',
    examples: ['private fostering', 'privately fostered children'],
    patterns: [/\bprivate(ly)? foster/i],
  },
  {
    id: 'life_story_work',
    label: 'Life story work',
    description: 'Life story work and later-life letters that help children in care understand their histories.',
    examples: ['life story work', 'later life letters'],
    patterns: [/\blife[- ]story\b/i, /\blater[- ]life letters?\b/i],
  },
  {
    id: 'care_leavers_entitlements',
    label: 'Care leavers’ entitlements',
    description: 'What care leavers are entitled to and told about: the local offer, health histories, pathway plans, accommodation, education, employment and training.',
    examples: ['entitlements', 'the local offer', 'health histories', 'health passports', 'staying put', 'care leavers’ accommodation or employment'],
    patterns: [
      /\bentitlements?\b/i,
      /\blocal offer\b/i,
      /\bhealth (histor(y|ies)|passports?|summar(y|ies))\b/i,
      /\bstaying (put|close)\b/i,
      /\bcare leavers?\b[^.]*\b(education, employment|employment|training|accommodation|housing|rights)\b/i,
    ],
  },
  {
    id: 'exploitation',
    label: 'Exploitation',
    description: 'Children at risk of sexual or criminal exploitation, trafficking and county lines.',
    examples: ['exploitation', 'CSE', 'county lines', 'trafficking'],
    patterns: [/\bexploit(ation|ed)\b/i, /\bCSE\b/, /\bcounty lines\b/i, /\btraffick/i],
  },
  {
    id: 'case_recording',
    label: 'Case recording',
    description: 'Case records and recording systems: accurate, up to date and showing the child’s journey.',
    examples: ['case recording', 'children’s records', 'recorded', 'case files'],
    patterns: [/\b(case )?recording\b/i, /\b(case|children’s|children's|child’s|child's) records?\b/i, /\brecorded\b/i, /\bcase files?\b/i],
  },
  {
    id: 'workforce_stability',
    label: 'Workforce stability',
    description: 'Recruiting and keeping social workers, caseloads, agency staff and staff turnover.',
    examples: ['workforce', 'caseloads', 'recruitment and retention', 'turnover', 'agency social workers', 'changes of social worker'],
    patterns: [/\bworkforce\b/i, /\bcaseloads?\b/i, /\b(recruitment|retention|recruit|retain)\b/i, /\bturnover\b/i, /\bstaffing\b/i, /\bagency (staff|social workers|workers)\b/i, /\bchanges? of social workers?\b/i],
  },
  {
    id: 'quality_assurance',
    label: 'Quality assurance and audit',
    description: 'Auditing, quality assurance and performance information that show leaders what practice is like.',
    examples: ['audits', 'quality assurance', 'performance information'],
    patterns: [/\baudit(s|ing)?\b/i, /\bquality assurance\b/i, /\bperformance (information|data|management)\b/i],
  },
  {
    id: 'voice_of_the_child',
    label: 'Children’s voices and participation',
    description: 'Hearing children’s wishes and feelings, advocacy and participation in decisions about them.',
    examples: ['wishes and feelings', 'the voice of the child', 'advocacy', 'participation', 'children in care council'],
    patterns: [/\b(wishes and feelings|voices? of (the )?child(ren)?|children’s voices?|children's voices?)\b/i, /\badvocacy\b/i, /\bparticipation\b/i, /\bchildren in care council\b/i],
  },
  {
    id: 'placement_sufficiency',
    label: 'Placement sufficiency and stability',
    description: 'Enough suitable homes for children in care, close to home, and stable placements.',
    examples: ['sufficiency', 'placement stability', 'placement moves', 'suitable homes', 'local placements'],
    patterns: [/\bsufficiency\b/i, /\bplacement (stability|choice|moves)\b/i, /\b(suitable|local) (homes|placements|accommodation)\b/i],
  },
];

export const THEME_BY_ID: ReadonlyMap<ThemeId, Theme> = new Map(THEMES.map((t) => [t.id, t]));

/** A theme's part of its page's address: /themes/<slug>/. */
export const themeSlug = (id: ThemeId) => id.replaceAll('_', '-');

/** The themes the rules give one sentence, in vocabulary order. */
export function themesByRule(text: string): ThemeId[] {
  return THEMES.filter((t) => t.patterns.some((p) => p.test(text))).map((t) => t.id);
}

/**
 * The themes of the improvement at `index` (0-based) of an inspection: the entry's
 * override when it has one for that improvement (1-based key, as editors count), else
 * the rules'.
 */
export function improvementThemes(text: string, index: number, overrides: Partial<Record<string, readonly ThemeId[]>> | undefined): { themes: ThemeId[]; overridden: boolean } {
  const override = overrides?.[String(index + 1)];
  if (override) return { themes: THEME_IDS.filter((id) => override.includes(id)), overridden: true };
  return { themes: themesByRule(text), overridden: false };
}

/** A theme's examples as the public pages write them: “a”, “b” or “c”. */
export function examplesText(theme: Theme): string {
  const quoted = theme.examples.map((e) => `“${e}”`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '');
}

/** The anchor id of one improvement on its document page. */
export function improvementAnchor(inspectionIndex: number, improvementIndex: number): string {
  return `improvement-${inspectionIndex + 1}-${improvementIndex + 1}`;
}
