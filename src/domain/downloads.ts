// The open-data downloads (/data/*.csv, *.json, *.schema.json): one zod schema per file
// describing its rows, from which the JSON Schema, the /data/ page's field tables and the
// column order all come, so nothing is written twice. Every value is a string or null in
// both formats (a CSV cell is text; an empty cell is null in the JSON), so one schema
// validates both. Pure: no Astro imports.
import { z } from 'astro/zod';
import type { AuthorityData } from '../schemas/authority.ts';
import { DOWNLOAD_COLUMNS, frameworkDate, gssCodeOn, inspectionDate, type DownloadRow, type InspectionGroup } from './derive.ts';
import { overallGradeAbsence } from './explore.ts';
import { dateRange } from './dates.ts';
import { daysOnSite, daysToPublish, ilacsKind } from './inspection-kind.ts';
import { WINDOW_STATUSES, type NextInspection } from './next-inspection.ts';
import { heldKey, type Visit } from './visits.ts';
import {
  DOCUMENT_KINDS,
  FOCUS_AREAS,
  FOCUS_AREA_LABELS,
  FRAMEWORKS,
  FRAMEWORK_LABELS,
  GRADES,
  INSPECTION_TYPES,
  JUDGEMENT_KEYS,
  JUDGEMENT_LABELS,
  type JudgementKey,
} from './vocabulary.ts';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const text = (description: string) => z.string().min(1).describe(description);
const optional = (description: string) => z.string().min(1).nullable().describe(description);
const date = (description: string) => z.string().regex(DATE).nullable().describe(description);
const oneOf = <T extends readonly [string, ...string[]]>(values: T, description: string) => z.enum(values).describe(description);
const list = (description: string) => z.string().nullable().describe(`${description} Several values are separated by “; ”; null (an empty cell) when there are none.`);
const flag = (description: string) => z.enum(['true', 'false']).describe(description);

const inspectionDates = {
  inspection_start: date('First day of the inspection, with the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD. Null (an empty cell) when the source does not give it.'),
  inspection_end: date('Last day of the inspection, as above.'),
  published: date('When the report was published, as above.'),
};

const judgementShape = {
  authority_id: text('Our id for the authority whose inspection it is (the address of its page: /authorities/<authority_id>/).'),
  authority_name: optional('The authority’s name.'),
  gss_code: z.string().regex(/^E\d{8}$/).nullable().describe('The authority’s ONS/GSS code in operation at the inspection date (its start, else end, else publication); null when it cannot be told.'),
  region: optional('The authority’s region.'),
  inspection_id: text('A stable id of the inspection as one document records it: the source document’s id, “#”, and the inspection’s position in that document’s list (1 for the first). The same inspection restated in two documents has two ids.'),
  framework: oneOf(FRAMEWORKS, `The inspection framework: ${FRAMEWORKS.map((f) => `${f} (${FRAMEWORK_LABELS[f]})`).join(', ')}.`),
  inspection_type: oneOf(INSPECTION_TYPES, `The kind of inspection: ${INSPECTION_TYPES.join(', ')}.`),
  ...inspectionDates,
  judgement: oneOf(JUDGEMENT_KEYS, 'Which judgement (keys listed on /data/).'),
  grade: oneOf(GRADES, `The grade: ${GRADES.join(', ')}.`),
  source_document: text('The id of the document that states the grade; its page is /documents/<source_document>/ and the grade’s quote is highlighted there.'),
  source_kind: oneOf(DOCUMENT_KINDS, `What the source is: ${DOCUMENT_KINDS.join(', ')}. Council reports restate Ofsted’s grades; Ofsted’s own reports are the primary source.`),
  evidence: text('The words in the source document that state the grade, quoted verbatim (in the CSV, a quote starting with = + - or @ has an apostrophe put before it; see /data/).'),
} satisfies Record<(typeof DOWNLOAD_COLUMNS)[number], z.ZodType>;

export const judgementRowSchema = z.strictObject(judgementShape).describe('One graded judgement as one source document states it.');

export const authorityRowSchema = z
  .strictObject({
    authority_id: text('Our id for the authority; its page is /authorities/<authority_id>/.'),
    name: text('The authority’s name.'),
    current: flag('“true” for an authority that exists today, “false” for one that was replaced (see successors).'),
    type: text('The kind of council (London Borough, Metropolitan District, Unitary Authority, County...).'),
    region: text('The region of England.'),
    gss_code: z.string().regex(/^E\d{8}$/).describe('The latest ONS/GSS code of the authority.'),
    gss_codes: list('Every GSS code the authority has had, oldest first; /authorities/<gss_code>/ leads to its page.'),
    dfe_number: z.string().regex(/^\d{3}$/).describe('The Department for Education’s three-digit local authority number.'),
    ofsted_urn: z.string().regex(/^\d+$/).nullable().describe('Ofsted’s unique reference number for the authority’s children’s services; /ofsted/<ofsted_urn>/ leads to its page.'),
    aliases: list('Other names documents use for the authority.'),
    predecessors: list('Ids of the authorities it replaced.'),
    successors: list('Ids of the authorities that replaced it.'),
    statistical_neighbours: list('Ids of its statistical neighbours (the Department for Education’s comparable authorities).'),
    population_0_to_25: z.string().regex(/^\d+$/).nullable().describe('Population aged 0 to 25, as a whole number; null when not known.'),
    latest_inspection_id: optional('The inspection_id (see inspections.csv) of its latest graded inspection; null when we hold none.'),
    latest_inspection_date: date('When that inspection ended (else started, else was published).'),
    latest_framework: z.enum(FRAMEWORKS).nullable().describe(`The framework of that inspection: ${FRAMEWORKS.map((f) => `${f} (${FRAMEWORK_LABELS[f]})`).join(', ')}; null when we hold none.`),
    latest_overall_effectiveness: z.enum(GRADES).nullable().describe('The overall effectiveness grade of that inspection; null when it gives none (see latest_overall_effectiveness_note) or we hold none. Never an older inspection’s grade.'),
    latest_overall_effectiveness_note: optional('Why latest_overall_effectiveness is null although the latest inspection is graded: “not given: ILACS inspections from April 2026 give no overall effectiveness grade”, or “not stated in our documents”. Null when there is a grade, or no graded inspection.'),
    page: z.url().describe('The authority’s page on this site.'),
  })
  .describe('One local authority, current or former.');

const gradeColumns = Object.fromEntries(
  JUDGEMENT_KEYS.map((k) => [k, z.enum(GRADES).nullable().describe(`Grade for “${JUDGEMENT_LABELS[k]}”; null when the inspection has none.`)]),
) as Record<JudgementKey, z.ZodNullable<z.ZodEnum<{ [G in (typeof GRADES)[number]]: G }>>>;

export const inspectionRowSchema = z
  .strictObject({
    inspection_id: text('A stable id of the inspection: the inspection_id (in judgements.csv) of the source that speaks first for it (Ofsted’s own report over a council’s restatement).'),
    authority_id: text('Our id for the authority inspected.'),
    authority_name: optional('The authority’s name.'),
    gss_code: z.string().regex(/^E\d{8}$/).nullable().describe('The authority’s GSS code in operation at the inspection date; null when it cannot be told.'),
    region: optional('The authority’s region.'),
    framework: oneOf(FRAMEWORKS, 'The inspection framework (as in judgements.csv).'),
    inspection_type: oneOf(INSPECTION_TYPES, 'The kind of inspection (as in judgements.csv).'),
    ...inspectionDates,
    year: z.string().regex(/^\d{4}$/).nullable().describe('The year the inspection ended (else started, else was published).'),
    graded: flag('“true” for a full inspection that gives grades; “false” for a visit or a joint targeted area inspection, which give none.'),
    ...gradeColumns,
    ilacs_kind: z.enum(['short', 'standard']).nullable().describe('Full ILACS inspections: short (one week on site) or standard (two weeks), as the source states it or derived from the days on site (see ilacs_kind_basis); null for visits, other frameworks, and ILACS inspections whose kind cannot be told (see ilacs_kind_reason).'),
    ilacs_kind_basis: z.enum(['stated', 'derived_from_days']).nullable().describe('“stated” when the source says short or standard; “derived_from_days” when it does not and the kind is read from its days on site (5 days, Monday to Friday: short; 12 days, Monday to the next Friday: standard). Null when ilacs_kind is null.'),
    ilacs_kind_reason: optional('Why ilacs_kind is what it is, or why it is null for a full ILACS inspection, in plain words.'),
    days_on_site: z.string().regex(/^\d+$/).nullable().describe('Days from the first to the last day on site, both counted; null unless both are given to the day.'),
    days_to_publish: z.string().regex(/^\d+$/).nullable().describe('Days from the last day on site to publication; null unless both are given to the day.'),
    visit_focus: z.enum(FOCUS_AREAS).nullable().describe('A focused visit’s area of focus, as its letter records it (values listed on /data/; see visits.csv for the letter’s words); null for anything else, or a visit we hold no letter of.'),
    priority_actions: z.enum(['true', 'false']).nullable().describe('A focused visit: “true” when its letter sets areas for priority action, “false” when it sets none (see visits.csv for the areas); null for anything else, or a visit we hold no letter of.'),
    sources: text('Ids of the documents recording the inspection, the one that speaks first first; each is at /documents/<id>/. A grade column holds the grade of the first of them that gives it.'),
    sources_disagree: list('Judgements whose grade the sources give differently (see /data-quality/).'),
    page: z.url().describe('The inspected authority’s page on this site, at the inspection.'),
  })
  .describe('One inspection, however many documents record it.');

export const nextInspectionRowSchema = z
  .strictObject({
    authority_id: text('Our id for the authority; its page is /authorities/<authority_id>/.'),
    authority_name: text('The authority’s name.'),
    region: text('The authority’s region.'),
    status: z.enum(WINDOW_STATUSES).describe('Where the council stands on as_at: overdue (the rule’s window has closed with no inspection in our documents since), due_now (inside it), due_soon (it opens within six months), later, under_monitoring (judged inadequate: no window), no_window (no full inspection in our documents).'),
    as_at: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('The build’s date, which the status is relative to.'),
    latest_inspection_id: optional('The inspection_id (inspections.csv) of the latest full inspection in our documents, which the window counts from.'),
    latest_inspection_date: date('Its last day on site (else first, else publication).'),
    latest_overall_effectiveness: z.enum(GRADES).nullable().describe('Its overall effectiveness grade; null when it gives none.'),
    window_from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe('The rule’s window (the ILACS framework’s: six months either side of the third anniversary of the last day on site): first day. Null when there is no window.'),
    window_to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe('The rule’s window: last day.'),
    expected_kind: z.enum(['short', 'standard']).nullable().describe('The kind the rule gives: short after good or outstanding, standard after requires improvement; null when it cannot be told.'),
    expected_kind_reason: optional('Why expected_kind is what it is, or why it is null.'),
    estimate_from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe('An estimate, not a rule: the window recent history supports (the middle 80% of the gaps before re-inspections due in the last three years, by kind; see /next-inspections/#estimate): first day. Null when there is none.'),
    estimate_to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe('The estimate’s last day.'),
    monitoring_visits: z.string().regex(/^\d+$/).nullable().describe('Inadequate councils: the monitoring visits our documents hold since that inspection (0 when we hold none); null otherwise.'),
    reason: optional('Why there is no window, when there is none.'),
    page: z.url().describe('The authority’s page on this site.'),
  })
  .describe('One current council and its next full inspection.');

export type NextInspectionRow = z.infer<typeof nextInspectionRowSchema>;
const lines = (description: string) => z.string().nullable().describe(`${description} Several are separated by a line break; null (an empty cell) when there are none.`);

export const visitRowSchema = z
  .strictObject({
    visit_id: text('A stable id of the visit: the letter’s id, “#”, and the visit’s position in the letter (as inspection_id in inspections.csv).'),
    authority_id: text('Our id for the authority visited; its page is /authorities/<authority_id>/.'),
    authority_name: optional('The authority’s name.'),
    region: optional('The authority’s region.'),
    visit_start: date('First day of the visit, as the letter gives it (YYYY-MM-DD).'),
    visit_end: date('Last day of the visit, as above.'),
    letter_date: date('The letter’s own date.'),
    dates_evidence: text('The letter’s sentence that states the visit’s dates, verbatim.'),
    lead_inspector: optional('The lead inspector the letter names; null when it names none as lead.'),
    inspectors: list('Every inspector the letter names.'),
    focus_area: z.enum(FOCUS_AREAS).describe(`The area of focus: ${FOCUS_AREAS.map((a) => `${a} (${FOCUS_AREA_LABELS[a]})`).join(', ')}.`),
    focus_words: text('What the letter says inspectors looked at, in its words.'),
    focus_reason: optional('Why the area is “other”, or why it was chosen when the letter’s words do not name it plainly; null otherwise.'),
    priority_actions: flag('“true” when the letter sets areas for priority action, “false” when it sets none. Actions it recalls from an earlier visit are not its own.'),
    priority_action_areas: lines('The areas for priority action the letter sets, each in its words.'),
    priority_actions_evidence: optional('The letter’s words that state the areas for priority action, or that there are none; null when the letter does not mention them.'),
    earlier_priority_actions: optional('The letter’s sentence recalling areas for priority action an earlier visit set (not this letter’s own); null when it recalls none.'),
    improvements: lines('What needs to improve, as the letter lists it, each verbatim.'),
    summary: optional('The letter’s summary (the first paragraph of “Overview” or “Headline findings”), verbatim.'),
    grade_held: z.enum([...GRADES, 'no_overall', 'none']).describe('The overall effectiveness grade of the council’s latest full inspection that ended before the visit began; “no_overall” when that inspection gives none (ILACS from April 2026) or our documents do not state it; “none” when we hold no full inspection before the visit.'),
    grade_held_inspection_id: optional('The inspection_id (in inspections.csv) of that inspection; null when “none”.'),
    source_document: text('The id of the letter; its page is /documents/<source_document>/, where every quote above is highlighted.'),
    page: z.url().describe('The letter’s page on this site.'),
  })
  .describe('One focused visit, as its letter records it.');

export type VisitRow = z.infer<typeof visitRowSchema>;
export type AuthorityRow = z.infer<typeof authorityRowSchema>;
export type InspectionRow = z.infer<typeof inspectionRowSchema>;

export interface Download {
  name: 'judgements' | 'authorities' | 'inspections' | 'visits' | 'next-inspections';
  title: string;
  summary: string;
  schema: z.ZodObject;
  columns: string[];
}

const columnsOf = (schema: z.ZodObject) => Object.keys(schema.shape);

export const DOWNLOADS: Download[] = [
  { name: 'judgements', title: 'Judgements', summary: 'One record per graded judgement in every document, with the quote that states it and the document it comes from.', schema: judgementRowSchema, columns: columnsOf(judgementRowSchema) },
  { name: 'inspections', title: 'Inspections', summary: 'One record per inspection, however many documents record it, with its grades side by side and its sources.', schema: inspectionRowSchema, columns: columnsOf(inspectionRowSchema) },
  { name: 'visits', title: 'Focused visits', summary: 'One record per focused visit, as its letter records it: the focus, the areas for priority action it sets, what needs to improve and its summary, each in the letter’s words, and the grade the council held at the time.', schema: visitRowSchema, columns: columnsOf(visitRowSchema) },
  { name: 'next-inspections', title: 'Next inspections', summary: 'One record per current council: when its next full inspection is expected by the framework’s rule, the kind, an estimate from recent history beside it, or why there is no window.', schema: nextInspectionRowSchema, columns: columnsOf(nextInspectionRowSchema) },
  { name: 'authorities', title: 'Authorities', summary: 'One record per local authority, current or former: codes, region, neighbours, predecessors and successors, and its latest overall grade.', schema: authorityRowSchema, columns: columnsOf(authorityRowSchema) },
];

/** The JSON Schema (draft 2020-12) of a download: an array of its rows. */
export function jsonSchemaOf(download: Download, site: string): Record<string, unknown> {
  const schema = z.toJSONSchema(z.array(download.schema).describe(`${download.title}: ${download.summary} The same records are in ${download.name}.csv (an empty cell for null).`)) as Record<string, unknown>;
  return { ...schema, $id: new URL(`/data/${download.name}.schema.json`, site).href, title: `${download.name}.json` };
}

const joined = (values: readonly string[]) => (values.length > 0 ? values.join('; ') : null);

export function authorityRows(authorities: readonly AuthorityData[], latest: ReadonlyMap<string, InspectionGroup>, site: string): AuthorityRow[] {
  return [...authorities]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((a) => {
      const group = latest.get(a.id);
      const codes = [...a.gss_codes].sort((x, y) => (x.from ? dateRange(x.from)[0] : '') < (y.from ? dateRange(y.from)[0] : '') ? -1 : 1);
      return {
        authority_id: a.id,
        name: a.name,
        current: a.current ? 'true' : 'false',
        type: a.type,
        region: a.region,
        gss_code: codes.at(-1)!.code,
        gss_codes: joined(codes.map((c) => c.code)),
        dfe_number: a.dfe_number,
        ofsted_urn: a.ofsted_urn,
        aliases: joined(a.aliases),
        predecessors: joined(a.predecessors),
        successors: joined(a.successors),
        statistical_neighbours: joined(a.statistical_neighbours),
        population_0_to_25: a.population_0_to_25 === null ? null : String(a.population_0_to_25),
        latest_inspection_id: group?.id ?? null,
        latest_inspection_date: (group && inspectionDate(group)) ?? null,
        latest_framework: group?.framework ?? null,
        latest_overall_effectiveness: group?.judgements.overall_effectiveness?.grade ?? null,
        latest_overall_effectiveness_note: (group && overallGradeAbsence(group)) ?? null,
        page: new URL(`/authorities/${a.id}/`, site).href,
      };
    });
}

export function inspectionRows(groups: readonly InspectionGroup[], authorities: readonly AuthorityData[], site: string): InspectionRow[] {
  const byId = new Map(authorities.map((a) => [a.id, a]));
  return groups.map((g) => {
    const authority = byId.get(g.authority);
    const when = inspectionDate(g);
    const grades = Object.fromEntries(JUDGEMENT_KEYS.map((k) => [k, g.judgements[k]?.grade ?? null])) as Record<JudgementKey, (typeof GRADES)[number] | null>;
    const visit = g.records.find((r) => r.visit)?.visit;
    return {
      inspection_id: g.id,
      authority_id: g.authority,
      authority_name: authority?.name ?? null,
      gss_code: (authority && gssCodeOn(authority, frameworkDate(g))) ?? null,
      region: authority?.region ?? null,
      framework: g.framework,
      inspection_type: g.type,
      inspection_start: g.start ?? null,
      inspection_end: g.end ?? null,
      published: g.published ?? null,
      year: when ? when.slice(0, 4) : null,
      graded: g.graded ? 'true' : 'false',
      ...grades,
      ...kindColumns(g),
      visit_focus: visit?.focus.area ?? null,
      priority_actions: visit ? (visit.priority_actions.areas.length > 0 ? 'true' : 'false') : null,
      sources: [...new Set(g.records.map((r) => r.documentId))].join('; '),
      sources_disagree: joined(g.disagreements.map((d) => d.key)),
      page: new URL(`/authorities/${g.authority}/`, site).href,
    };
  });
}

function kindColumns(g: InspectionGroup) {
  const k = g.graded ? ilacsKind(g) : undefined;
  const onSite = daysOnSite(g);
  const toPublish = daysToPublish(g);
  return {
    ilacs_kind: k?.kind ?? null,
    ilacs_kind_basis: k?.kind ? k.basis : null,
    ilacs_kind_reason: k?.reason ?? null,
    days_on_site: onSite === undefined ? null : String(onSite),
    days_to_publish: toPublish === undefined ? null : String(toPublish),
  };
}

export function nextInspectionRows(items: readonly NextInspection[], authorities: readonly AuthorityData[], asAt: string, site: string): NextInspectionRow[] {
  const byId = new Map(authorities.map((a) => [a.id, a]));
  return [...items]
    .sort((a, b) => (a.authority < b.authority ? -1 : a.authority > b.authority ? 1 : 0))
    .map((n) => {
      const a = byId.get(n.authority)!;
      return {
        authority_id: n.authority,
        authority_name: a.name,
        region: a.region,
        status: n.status,
        as_at: asAt,
        latest_inspection_id: n.basis?.group.id ?? null,
        latest_inspection_date: n.basis?.date ?? null,
        latest_overall_effectiveness: n.basis?.grade ?? null,
        window_from: n.rule?.from ?? null,
        window_to: n.rule?.to ?? null,
        expected_kind: n.kind ?? null,
        expected_kind_reason: n.kindReason ?? null,
        estimate_from: n.estimate?.from ?? null,
        estimate_to: n.estimate?.to ?? null,
        monitoring_visits: n.monitoring ? String(n.monitoring.visits) : null,
        reason: n.reason ?? null,
        page: new URL(`/authorities/${n.authority}/`, site).href,
      };
    });
}

export function visitRows(visits: readonly Visit[], authorities: readonly AuthorityData[], site: string): VisitRow[] {
  const byId = new Map(authorities.map((a) => [a.id, a]));
  const lines = (values: readonly string[]) => (values.length > 0 ? values.join('\n') : null);
  return [...visits]
    .sort((a, b) => (a.authority < b.authority ? -1 : a.authority > b.authority ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))
    .map((v) => {
      const authority = byId.get(v.authority);
      return {
        visit_id: v.id,
        authority_id: v.authority,
        authority_name: authority?.name ?? null,
        region: authority?.region ?? null,
        visit_start: v.start ?? null,
        visit_end: v.end ?? null,
        letter_date: v.documentDate,
        dates_evidence: v.dates.text,
        lead_inspector: v.inspectors.find((i) => i.lead)?.name ?? null,
        inspectors: joined(v.inspectors.map((i) => i.name)),
        focus_area: v.focus.area,
        focus_words: v.focus.words.text,
        focus_reason: v.focus.reason ?? null,
        priority_actions: v.priorityActions.length > 0 ? 'true' : 'false',
        priority_action_areas: lines(v.priorityActions.map((q) => q.text)),
        priority_actions_evidence: v.priorityEvidence?.text ?? null,
        earlier_priority_actions: v.earlierPriority?.text ?? null,
        improvements: lines(v.improvements),
        summary: v.summary?.text ?? null,
        grade_held: heldKey(v.held),
        grade_held_inspection_id: v.held.status === 'none' ? null : v.held.inspection.id,
        source_document: v.documentId,
        page: new URL(`/documents/${v.documentId}/`, site).href,
      };
    });
}

export type AnyRow = DownloadRow | AuthorityRow | InspectionRow | VisitRow | NextInspectionRow;

/**
 * A CSV cell a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return) gets an apostrophe in front, which spreadsheets show as text. Only
 * the CSV: the JSON keeps every value verbatim.
 */
export function spreadsheetSafe(value: string | null): string {
  if (value === null) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
