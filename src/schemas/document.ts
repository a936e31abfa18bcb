// The frontmatter of a document entry (content/documents/**.md). Plain zod from
// astro/zod, with no astro:content imports, so the importer and the content check
// validate with exactly the schema the site builds with.
import { z } from 'astro/zod';
import { canBeOnOrBefore, isPartialDate } from '../domain/dates.ts';
import { allowedJudgements, FRAMEWORK_TYPES, gradeAllowed } from '../domain/frameworks.ts';
import { THEME_IDS } from '../domain/themes.ts';
import {
  DOCUMENT_KINDS,
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
  });

export type DocumentData = z.infer<ReturnType<typeof documentSchema>>;
export type InspectionData = z.infer<ReturnType<typeof inspectionSchema>>;
export type JudgementData = z.infer<ReturnType<typeof judgementSchema>>;
