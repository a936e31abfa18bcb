// A broken entry must stop the build with a message a content editor can act on:
// the file and the field, and why. Each case breaks one field of a valid entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { makeSiteCopy, type SiteCopy } from '../support/site-copy.ts';
import { entryText, siteFiles, validDocument, VALID_BODY } from './fixtures.ts';

const copies: SiteCopy[] = [];
afterAll(() => copies.forEach((c) => c.remove()));

function build(documents: Record<string, string>) {
  const copy = makeSiteCopy(siteFiles(documents));
  copies.push(copy);
  return copy.build();
}

type Doc = ReturnType<typeof validDocument>;

const cases: { name: string; file: string; field: string; reason: RegExp; breakIt: (d: Doc) => string | void }[] = [
  {
    name: 'a grade outside the vocabulary',
    file: 'grade-outside-vocabulary.md',
    field: 'inspections.0.judgements.overall_effectiveness.grade',
    reason: /expected one of "outstanding"/,
    breakIt: (d) => {
      d.inspections[0].judgements.overall_effectiveness.grade = 'very_good';
    },
  },
  {
    name: 'an ILACS care-leavers grade before 2023',
    file: 'care-leavers-before-2023.md',
    field: 'inspections.0.judgements.care_leavers',
    reason: /not a judgement of the ilacs framework/,
    breakIt: (d) => {
      d.inspections[0].judgements.care_leavers = { grade: 'good', evidence: 'Overall effectiveness | Good' };
    },
  },
  {
    name: 'overall effectiveness after April 2026',
    file: 'overall-after-april-2026.md',
    field: 'inspections.0.judgements.overall_effectiveness',
    reason: /not a judgement of the ilacs framework for an inspection dated 2026-05-04/,
    breakIt: (d) => {
      Object.assign(d.inspections[0], { start: '2026-05-04', end: '2026-05-15', published: '2026-07-01' });
      d.date = '2026-07-01';
    },
  },
  {
    name: 'any grade on a focused visit',
    file: 'graded-focused-visit.md',
    field: 'inspections.0.judgements.overall_effectiveness',
    reason: /focused visit \(ilacs\) gives no grades/,
    breakIt: (d) => {
      d.kind = 'ofsted_letter';
      d.inspections[0].type = 'focused_visit';
    },
  },
  {
    name: 'an unknown authority',
    file: 'unknown-authority.md',
    field: 'inspections.0.authority',
    reason: /unknown authority "north-tyneside-council"/,
    breakIt: (d) => {
      d.inspections[0].authority = 'north-tyneside-council';
    },
  },
  {
    name: 'evidence not found in the body',
    file: 'evidence-not-in-body.md',
    field: 'inspections.0.judgements.overall_effectiveness.evidence',
    reason: /quote not found in the body: "Overall effectiveness \| Outstanding"/,
    breakIt: (d) => {
      d.inspections[0].judgements.overall_effectiveness.evidence = 'Overall effectiveness | Outstanding';
    },
  },
  {
    name: 'an end before the start',
    file: 'end-before-start.md',
    field: 'inspections.0.end',
    reason: /end 2021-12-20 is before start 2022-01-10/,
    breakIt: (d) => {
      d.inspections[0].end = '2021-12-20';
    },
  },
];

describe('a valid entry', () => {
  test('builds', () => {
    const result = build({ 'ofsted/north-tyneside/2022-03-01.md': entryText(validDocument()) });
    expect(result.output).not.toMatch(/error/i);
    expect(result.status).toBe(0);
  });
});

describe('an entry with a warning', () => {
  test('builds, and the data-quality page lists the warning with its report and where', () => {
    const doc = validDocument();
    doc.inspections[0].published = '2022-01-01';
    const copy = makeSiteCopy(siteFiles({ 'ofsted/north-tyneside/2022-01-01.md': entryText(doc) }));
    copies.push(copy);
    const result = copy.build();
    expect(result.status, result.output.slice(-3000)).toBe(0);
    const page = readFileSync(join(copy.dir, 'dist/data-quality/index.html'), 'utf8');
    // In plain words for the public (issue 13): the report, linked, and the field described.
    expect(page).toMatch(/\b1 warning from our checks\b/);
    expect(page).toContain('href="/documents/ofsted/north-tyneside/2022-01-01/"');
    expect(page).toContain('The publication date of its record of the inspection of North Tyneside');
    expect(page).toContain('published 2022-01-01 before the inspection ended 2022-01-21');
  });
});

describe.each(cases)('the build fails on $name', ({ file, field, reason, breakIt }) => {
  test('naming the file, the field and the reason', () => {
    const doc = validDocument();
    breakIt(doc);
    const result = build({
      'ofsted/north-tyneside/2022-03-01.md': entryText(validDocument()),
      [`broken/${file}`]: entryText(doc, VALID_BODY),
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`content/documents/broken/${file}`);
    expect(result.output).toContain(field);
    expect(result.output).toMatch(reason);
  });
});
