// One authority, as generated into content/authorities.json by scripts/build-authorities.ts.
import { z } from 'astro/zod';
import { partialDate, slug } from './document.ts';

export const gssCodeSchema = () =>
  z.strictObject({
    code: z.string().regex(/^E(06|08|09|10|11)\d{6}$/, 'must be an English GSS code like E08000022'),
    /** First and last day the code was in operation (dfe-la-codes.csv). */
    from: partialDate().optional(),
    to: partialDate().optional(),
  });

export const authoritySchema = () =>
  z.strictObject({
    id: slug(),
    name: z.string().min(1),
    /** Other names documents use: "LB Brent", "London Borough of Brent", "Brent". */
    aliases: z.array(z.string().min(1)),
    /** Trusts or companies that have run its children's services; a name can be shared by several councils. */
    delivered_by: z.array(z.string().min(1)).default([]),
    gss_codes: z.array(gssCodeSchema()).min(1),
    dfe_number: z.string().regex(/^\d{3}$/),
    ofsted_urn: z.string().regex(/^\d+$/).nullable(),
    region: z.string().min(1),
    type: z.string().min(1),
    /** False for an authority that no longer exists (old Dorset, Northamptonshire, Cumbria...). */
    current: z.boolean(),
    predecessors: z.array(slug()),
    successors: z.array(slug()),
    statistical_neighbours: z.array(slug()),
    population_0_to_25: z.number().int().nonnegative().nullable(),
  });

export type AuthorityData = z.infer<ReturnType<typeof authoritySchema>>;
