// Improvement themes: the keyword rules tag the sentences a reader would expect, an
// entry's override replaces them, and the schema accepts overrides only for improvements
// that exist.
import { describe, expect, test } from 'vitest';
import { examplesText, improvementAnchor, improvementThemes, themesByRule, THEMES, THEME_IDS } from '../../src/domain/themes.ts';
import { inspectionSchema } from '../../src/schemas/document.ts';
import { readDocuments } from '../../src/lib/content-files.ts';

describe('theme rules', () => {
  test.each([
    ['When children go missing, ensure that return home interviews are timely and of sufficiently good quality.', 'missing_return_home_interviews'],
    ['Ensure that adequate steps are taken to promote awareness of privately fostered children in the borough.', 'private_fostering'],
    ['The quality and accuracy of children’s records to reflect the work that is being completed.', 'case_recording'],
    ['The impact of quality assurance and management oversight on the standard of social work practice.', 'management_oversight'],
    ['The stability of the workforce so that children consistently benefit from relationships with their social workers.', 'workforce_stability'],
    ['Ensure that all care leavers are aware of their right to access health information about themselves and to health passports.', 'care_leavers_entitlements'],
    ['The response to children at risk of criminal exploitation and county lines.', 'exploitation'],
    ['Chronologies should be up to date and used to inform assessments.', 'chronologies'],
    ['Life story work for children in care should be timely and completed with them.', 'life_story_work'],
  ] as const)('%s → %s', (text, theme) => {
    expect(themesByRule(text)).toContain(theme);
  });

  test('a sentence about something else gets none of the listed themes', () => {
    expect(themesByRule('The effectiveness of the response to domestic abuse.')).toEqual([]);
  });

  test('themes come out in vocabulary order, each from the documented vocabulary', () => {
    const tags = themesByRule('Improve supervision and case recording, and reduce caseloads.');
    expect(tags).toEqual(['management_oversight', 'case_recording', 'workforce_stability']);
    expect(THEMES.map((t) => t.id)).toEqual([...THEME_IDS]);
  });

  test('an entry’s override replaces the rules for that improvement only', () => {
    const text = 'Improve supervision.';
    expect(improvementThemes(text, 0, { '1': ['chronologies'] })).toEqual({ themes: ['chronologies'], overridden: true });
    expect(improvementThemes(text, 0, { '1': [] })).toEqual({ themes: [], overridden: true });
    expect(improvementThemes(text, 1, { '1': ['chronologies'] })).toEqual({ themes: ['management_oversight'], overridden: false });
    expect(improvementThemes(text, 0, undefined)).toEqual({ themes: ['management_oversight'], overridden: false });
  });

  test('anchors count improvements from 1, like the override keys', () => {
    expect(improvementAnchor(0, 2)).toBe('improvement-1-3');
  });

  test('the rules tag most of the corpus’s improvements, and every theme is used', () => {
    const texts = readDocuments().entries.flatMap((e) => e.data.inspections.flatMap((i) => i.improvements));
    const tagged = texts.filter((t) => themesByRule(t).length > 0);
    expect(tagged.length / texts.length).toBeGreaterThan(0.5);
    for (const id of THEME_IDS) expect(texts.some((t) => themesByRule(t).includes(id)), id).toBe(true);
  });
});

describe('the improvement_themes override in the schema', () => {
  const base = { authority: 'brent', role: 'subject', framework: 'ilacs', type: 'focused_visit', start: '2020-01-01', improvements: ['One.', 'Two.'] };
  test('is optional', () => {
    expect(inspectionSchema().safeParse(base).success).toBe(true);
  });
  test('accepts themes for an improvement that exists', () => {
    expect(inspectionSchema().safeParse({ ...base, improvement_themes: { '2': ['exploitation'] } }).success).toBe(true);
  });
  test('rejects an improvement number past the list, a zero-based key and an unknown theme', () => {
    const issues = (v: unknown) => {
      const r = inspectionSchema().safeParse({ ...base, improvement_themes: v });
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(issues({ '3': ['exploitation'] }).join()).toMatch(/no improvement 3/);
    expect(issues({ '0': [] }).length).toBeGreaterThan(0);
    expect(issues({ '1': ['weather'] }).length).toBeGreaterThan(0);
  });
});

describe('the examples the public pages give', () => {
  test.each(THEMES.map((t) => [t.id, t] as const))('every example of %s is tagged with it by the rules', (_id, theme) => {
    expect(theme.examples.length).toBeGreaterThan(0);
    for (const example of theme.examples) expect(themesByRule(`Improve ${example} for children.`), example).toContain(theme.id);
  });

  test('are written “a”, “b” or “c”', () => {
    expect(examplesText({ ...THEMES[0]!, examples: ['a', 'b', 'c'] })).toBe('“a”, “b” or “c”');
    expect(examplesText({ ...THEMES[0]!, examples: ['a'] })).toBe('“a”');
  });
});
