// The frontmatter of a document entry (content/documents/**.md). Plain zod from
// astro/zod, with no astro:content imports, so the importer and the content check
// validate with exactly the schema the site builds with.
import { z } from 'astro/zod';
import { canBeOnOrBefore, isPartialDate } from '../domain/dates.ts';
import { allowedJudgements, FRAMEWORK_TYPES, gradeAllowed } from '../domain/frameworks.ts';
import { THEME_IDS } from '../domain/themes.ts';
import {
  DOCUMENT_KINDS,
  FOCUS_AREAS,
  FRAMEWORKS,
  GRADES,
  INSPECTION_ROLES,
  INSPECTION_TYPES,
  JUDGEMENT_KEYS,
  type JudgementKey,
} from '../domain/vocabulary.ts';

export const slug = () => z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug like "north-tyneside"');

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD": a source that gives only a year keeps only a year. YAML dates are rejected so nothing is padded. */
export const partialDate = () =>
  z.string({ error: 'must be a quoted date: "YYYY", "YYYY-MM" or "YYYY-MM-DD"' }).refine(isPartialDate, {
    error: 'must be a real date written "YYYY", "YYYY-MM" or "YYYY-MM-DD"',
  });

export const judgementSchema = () =>
  z.strictObject({
    grade: z.enum(GRADES),
    /** Words copied from the body that state this grade; the page links and highlights them. */
    evidence: z.string().trim().min(8, 'evidence must quote the sentence that states the grade'),
  });

/** Words copied from the body; the page links to them and highlights them, and the build fails when they are not there. */
export const quoteSchema = () => z.string().trim().min(8, 'must quote the words in the body that state it');

/** One inspector a letter names. */
export const inspectorSchema = () =>
  z.strictObject({
    name: z.string().trim().min(2),
    /** True for the lead inspector, as the letter names them; a letter that names no lead has none. */
    lead: z.boolean().default(false),
  });

/**
 * What a focused-visit letter records beyond its dates (the inspection's start and end) and
 * its improvements (the inspection's improvements): who visited, what they looked at, the
 * areas for priority action it sets, and its summary. Every value quotes the body.
 */
export const visitSchema = () =>
  z.strictObject({
    /** The sentence that states the visit's dates, e.g. "…a focused visit to Dorset children’s services on 17 and 18 May 2023." */
    dates_evidence: quoteSchema(),
    /** The date the letter is dated at its head (the listed date is when Ofsted's site published it), with the words that state it. */
    letter_date: z.strictObject({ date: partialDate(), evidence: quoteSchema() }).optional(),
    inspectors: z.array(inspectorSchema()).default([]),
    /** The sentence that names the inspectors; absent when the letter names none. */
    inspectors_evidence: quoteSchema().optional(),
    /** The name the letter is signed with. Not marked as the lead: most letters do not say who led the visit. */
    signed_by: z.string().trim().min(2).optional(),
    focus: z
      .strictObject({
        area: z.enum(FOCUS_AREAS),
        /** What the letter says inspectors looked at, in its words. */
        words: quoteSchema(),
        /** Why the area is "other", or why this area was chosen when the words do not name it plainly. */
        reason: z.string().trim().min(1).optional(),
      })
      .refine((focus) => focus.area !== 'other' || focus.reason, { path: ['reason'], error: 'a focus of "other" needs the reason' }),
    priority_actions: z.strictObject({
      /** The areas for priority action this letter sets, each in its words; [] when it sets none. Actions recalled from an earlier visit are not this letter's. */
      areas: z.array(quoteSchema()).default([]),
      /**
       * The sentence or heading that states them, or that there are none ("There are no priority
       * actions following this focused visit"); absent only when the letter does not mention priority actions at all.
       */
      evidence: quoteSchema().optional(),
      /** The sentence recalling areas for priority action an earlier visit set ("The areas for priority action set at the last focused visit in February 2020 remain."): not this letter's. */
      earlier: quoteSchema().optional(),
    }),
    /** The letter's summary ("Overview" or "Headline findings"): its first paragraph, in its words. */
    summary: quoteSchema().optional(),
  });

export const inspectionSchema = () =>
  z
    .strictObject({
      authority: slug(),
      role: z.enum(INSPECTION_ROLES),
      framework: z.enum(FRAMEWORKS),
      type: z.enum(INSPECTION_TYPES),
      start: partialDate().optional(),
      end: partialDate().optional(),
      published: partialDate().optional(),
      judgements: z.partialRecord(z.enum(JUDGEMENT_KEYS), judgementSchema()).default({}),
      improvements: z.array(z.string().trim().min(1)).default([]),
      /** What the document says about this inspection that the fields cannot hold (e.g. "sub-judgements not stated"). */
      note: z.string().optional(),
      /**
       * Optional: an editor's correction of the improvement themes the keyword rules
       * (src/domain/themes.ts) give. Keyed by the improvement's position, counting from
       * "1"; the listed themes replace the rules' for that improvement ([] for none).
       */
      improvement_themes: z.record(z.string().regex(/^[1-9]\d*$/, 'must be an improvement number counting from "1"'), z.array(z.enum(THEME_IDS))).optional(),
      /** A focused visit's letter: who visited, the focus, priority actions, summary (see visitSchema). */
      visit: visitSchema().optional(),
    })
    .superRefine((inspection, ctx) => {
      if (!FRAMEWORK_TYPES[inspection.framework].includes(inspection.type)) {
        ctx.addIssue({
          code: 'custom',
          path: ['type'],
          message: `"${inspection.type}" is not an inspection type of the ${inspection.framework} framework (allowed: ${FRAMEWORK_TYPES[inspection.framework].join(', ')})`,
        });
      }
      for (const key of Object.keys(inspection.improvement_themes ?? {})) {
        if (Number(key) > inspection.improvements.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['improvement_themes', key],
            message: `there is no improvement ${key}: this inspection lists ${inspection.improvements.length}`,
          });
        }
      }
      if (inspection.visit && inspection.type !== 'focused_visit') {
        ctx.addIssue({ code: 'custom', path: ['visit'], message: `only a focused visit has visit details; this inspection is a ${inspection.type.replaceAll('_', ' ')}` });
      }
      if (inspection.start && inspection.end && !canBeOnOrBefore(inspection.start, inspection.end)) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: `end ${inspection.end} is before start ${inspection.start}` });
      }
      const date = inspection.start ?? inspection.end ?? inspection.published;
      const allowed = allowedJudgements(inspection.framework, inspection.type, date);
      for (const [key, judgement] of Object.entries(inspection.judgements) as [JudgementKey, { grade: (typeof GRADES)[number] }][]) {
        if (!allowed.includes(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['judgements', key],
            message:
              allowed.length === 0
                ? `a ${inspection.type.replaceAll('_', ' ')} (${inspection.framework}) gives no grades, so "${key}" cannot be recorded`
                : `"${key}" is not a judgement of the ${inspection.framework} framework for an inspection dated ${date ?? '(undated)'} (allowed: ${allowed.join(', ')})`,
          });
        } else if (!gradeAllowed(inspection.framework, judgement.grade)) {
          ctx.addIssue({
            code: 'custom',
            path: ['judgements', key, 'grade'],
            message: `grade "${judgement.grade}" is not used by the ${inspection.framework} framework`,
          });
        }
      }
    });

export const sourceSchema = () =>
  z.strictObject({
    /** File name in ../shared/seeds or the corpus path, for documents that came from there. */
    file: z.string().optional(),
    /** The document's address on its publisher's site (Ofsted's file server for reports). */
    url: z.url({ protocol: /^https$/ }).optional(),
    /** The date Ofsted's reports site lists for the file (corpus manifest.csv). */
    listed_date: partialDate().optional(),
    licence: z.string().min(1),
    attribution: z.string().min(1),
  });

export const flagSchema = () =>
  z.strictObject({
    /** The frontmatter field or body passage the flag is about. */
    field: z.string().min(1),
    message: z.string().min(1),
  });

export const documentSchema = () =>
  z.strictObject({
    title: z.string().min(1),
    kind: z.enum(DOCUMENT_KINDS),
    issuer: z.string().min(1),
    meeting: z.string().optional(),
    date: partialDate(),
    authority: slug(),
    source: sourceSchema(),
    /** True when a person completed or corrected the entry from the source because the importer could not. */
    reviewed_by_hand: z.boolean().default(false),
    /** Contradictions and oddities inside the source: kept as the source has them, and shown. */
    flags: z.array(flagSchema()).default([]),
    inspections: z.array(inspectionSchema()).default([]),
  })
  .superRefine((document, ctx) => {
    // A focused-visit letter is read for what it records: an entry without it would show a visit with nothing found.
    if (document.kind !== 'ofsted_letter') return;
    document.inspections.forEach((inspection, i) => {
      if (inspection.role === 'subject' && inspection.type === 'focused_visit' && !inspection.visit) {
        ctx.addIssue({ code: 'custom', path: ['inspections', i, 'visit'], message: 'a focused-visit letter must record the visit (dates_evidence, inspectors, focus, priority_actions)' });
      }
    });
  });

export type DocumentData = z.infer<ReturnType<typeof documentSchema>>;
export type InspectionData = z.infer<ReturnType<typeof inspectionSchema>>;
export type JudgementData = z.infer<ReturnType<typeof judgementSchema>>;
export type VisitData = z.infer<ReturnType<typeof visitSchema>>;
