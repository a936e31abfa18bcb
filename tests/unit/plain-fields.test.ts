// Flags and check warnings on the public pages name their place in words, not field paths.
import { describe, expect, test } from 'vitest';
import { countOf, fieldInWords } from '../../src/domain/plain-fields.ts';

describe('fieldInWords', () => {
  test.each([
    ['body', 'the document’s text'],
    ['body line 12', 'the document’s text, line 12'],
    ['date', 'the document’s date'],
    ['inspections[0].judgements.care_leavers', 'the “Experiences and progress of care leavers” judgement in the first inspection it records'],
    ['inspections.1.judgements.overall_effectiveness.grade', 'the grade of the “Overall effectiveness” judgement in the second inspection it records'],
    ['inspections[0].start', 'the start date of the first inspection it records'],
    ['inspections[4].framework', 'the framework of the fifth inspection it records'],
    ['inspections[1]', 'the second inspection it records'],
  ])('%s → %s', (field, words) => {
    expect(fieldInWords(field)).toBe(words);
  });

  test('names the inspection when told how', () => {
    expect(fieldInWords('inspections[0].judgements.care_leavers', () => 'its record of the inspection of Leeds')).toBe(
      'the “Experiences and progress of care leavers” judgement in its record of the inspection of Leeds',
    );
  });

  test('never returns a path', () => {
    for (const f of ['inspections[0].judgements.unknown_key.evidence', 'source.file', 'flags[2]', 'inspections.x']) expect(fieldInWords(f)).not.toMatch(/[[\]._]/);
  });
});

test('countOf', () => {
  expect([countOf(0, 'date'), countOf(1, 'date'), countOf(2, 'date')]).toEqual(['no dates', '1 date', '2 dates']);
});
