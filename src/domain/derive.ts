// Derivations behind the pages and downloads: documents flattened into inspection
// records, records from different sources grouped into one inspection, disagreements
// between sources, the latest graded inspection of each authority, and one download
// row per judgement. Pure: no Astro imports, so unit tests and scripts can use it.
import type { AuthorityData } from '../schemas/authority.ts';
import type { DocumentData, VisitData } from '../schemas/document.ts';
import { dateRange, datesCompatible, isCertainlyBefore, precision, sortKey, type PartialDate } from './dates.ts';
import { evidenceAnchor } from './evidence.ts';
import {
  JUDGEMENT_KEYS,
  type DocumentKind,
  type Framework,
  type Grade,
  type InspectionRole,
  type InspectionType,
  type JudgementKey,
} from './vocabulary.ts';

export interface DocumentLike {
  /** The collection id: the path under content/documents without .md */
  id: string;
  data: DocumentData;
}

export interface JudgementRecord {
  key: JudgementKey;
  grade: Grade;
  /** The quote in the source document's body that states the grade. */
  evidence: string;
  /** The id of the highlighted quote on the document page. */
  anchor: string;
}

/** One inspection as one document records it. */
export interface InspectionRecord {
  /** Stable id: the document id and the inspection's 1-based position in it, e.g. "ofsted/norfolk/2023-01-13#1". */
  id: string;
  documentId: string;
  documentKind: DocumentKind;
  documentTitle: string;
  documentDate: PartialDate;
  /** 0-based position in the document's `inspections`. */
  index: number;
  authority: string;
  role: InspectionRole;
  framework: Framework;
  type: InspectionType;
  start?: PartialDate;
  end?: PartialDate;
  published?: PartialDate;
  /** In vocabulary order. */
  judgements: JudgementRecord[];
  improvements: string[];
  note?: string;
  /** A focused-visit letter's record of the visit (focus, priority actions, summary), each value a quote. */
  visit?: VisitData;
}

export const UNGRADED_TYPES: readonly InspectionType[] = ['focused_visit', 'monitoring_visit', 'joint_targeted_area_inspection'];

export function inspectionRecordId(documentId: string, index: number): string {
  return `${documentId}#${index + 1}`;
}

export function flattenDocuments(documents: readonly DocumentLike[]): InspectionRecord[] {
  const records: InspectionRecord[] = [];
  for (const { id, data } of documents) {
    data.inspections.forEach((inspection, index) => {
      const judgements: JudgementRecord[] = [];
      for (const key of JUDGEMENT_KEYS) {
        const judgement = inspection.judgements[key];
        if (judgement) judgements.push({ key, grade: judgement.grade, evidence: judgement.evidence, anchor: evidenceAnchor(index, key) });
      }
      records.push({
        id: inspectionRecordId(id, index),
        documentId: id,
        documentKind: data.kind,
        documentTitle: data.title,
        documentDate: data.date,
        index,
        authority: inspection.authority,
        role: inspection.role,
        framework: inspection.framework,
        type: inspection.type,
        ...(inspection.start ? { start: inspection.start } : {}),
        ...(inspection.end ? { end: inspection.end } : {}),
        ...(inspection.published ? { published: inspection.published } : {}),
        judgements,
        improvements: inspection.improvements,
        ...(inspection.note ? { note: inspection.note } : {}),
        ...(inspection.visit ? { visit: inspection.visit } : {}),
      });
    });
  }
  return records;
}

interface Dated {
  start?: PartialDate | undefined;
  end?: PartialDate | undefined;
  published?: PartialDate | undefined;
}

/** The date an inspection is known by: when it ended, else when it started, else when it was published. */
export function inspectionDate(r: Dated): PartialDate | undefined {
  return r.end ?? r.start ?? r.published;
}

/** The date the framework rules apply at (as the schema does): start, else end, else published. */
export function frameworkDate(r: Dated): PartialDate | undefined {
  return r.start ?? r.end ?? r.published;
}

/** A full inspection that gave grades: not a focused or monitoring visit, a JTAI, or a record without grades. */
export function isGraded(r: Pick<InspectionRecord, 'type' | 'judgements'>): boolean {
  return r.judgements.length > 0 && !UNGRADED_TYPES.includes(r.type);
}

/** Earliest and latest day any of the record's dates can mean: the span the inspection sits in. */
function span(r: Dated): [string, string] | undefined {
  const dates = [r.start, r.end, r.published].filter((d): d is PartialDate => Boolean(d));
  if (dates.length === 0) return undefined;
  const ranges = dates.map(dateRange);
  return [ranges.map((x) => x[0]).sort()[0]!, ranges.map((x) => x[1]).sort().at(-1)!];
}

export const DATE_FIELDS = ['start', 'end', 'published'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

const FULL_TYPES: readonly InspectionType[] = ['standard', 'short', 'reinspection'];

function typesCompatible(a: InspectionType, b: InspectionType): boolean {
  if (a === b) return true;
  if (a === 'not_stated') return !UNGRADED_TYPES.includes(b);
  if (b === 'not_stated') return !UNGRADED_TYPES.includes(a);
  return FULL_TYPES.includes(a) && FULL_TYPES.includes(b);
}

/**
 * True when two records can describe the same inspection: same authority and framework,
 * compatible types, the spans of their dates overlapping, and, when they give any of the
 * same date fields, at least one of those compatible (datesCompatible). A source that
 * gets one date wrong (a council report starting the inspection a week early) still
 * matches on the others; the difference is reported (InspectionGroup.dateDisagreements).
 * Undated records are never matched.
 */
export function sameInspection(a: InspectionRecord, b: InspectionRecord): boolean {
  if (a.authority !== b.authority || a.framework !== b.framework || !typesCompatible(a.type, b.type)) return false;
  // "The last inspection in November 2023" says when it took place, not the day it began.
  if (datedOnlyByWhen(a) || datedOnlyByWhen(b)) return spansOverlap(a, b);
  let shared = 0;
  let agreeing = 0;
  for (const field of DATE_FIELDS) {
    const x = a[field];
    const y = b[field];
    if (x && y) {
      shared++;
      if (datesCompatible(x, y)) agreeing++;
    }
  }
  if (shared > 0 && agreeing === 0) return false;
  return spansOverlap(a, b);
}

function spansOverlap(a: InspectionRecord, b: InspectionRecord): boolean {
  const sa = span(a);
  const sb = span(b);
  if (!sa || !sb) return false;
  return sa[0] <= sb[1] && sb[0] <= sa[1];
}

/**
 * A mention of an earlier inspection dated only to its month or year, and by nothing else
 * ("At the last inspection in November 2023…", recorded as its start): the month is when
 * the inspection took place, which may be its last week rather than its first day. It
 * matches an inspection whose days fall in that month, and is not held to its first day.
 */
export function datedOnlyByWhen(r: Pick<InspectionRecord, 'role' | 'start' | 'end' | 'published'>): boolean {
  return r.role === 'previous' && Boolean(r.start) && !r.end && !r.published && precision(r.start!) !== 'day';
}

const KIND_RANK: Record<DocumentKind, number> = { ofsted_inspection_report: 0, ofsted_letter: 1, council_report: 2 };
const ROLE_RANK: Record<InspectionRole, number> = { subject: 0, previous: 1, comparison: 2 };
const PRECISION_RANK = { day: 0, month: 1, year: 2 } as const;

function datePrecisionRank(r: InspectionRecord): number {
  const d = inspectionDate(r);
  return d ? PRECISION_RANK[precision(d)] : 3;
}

/** Which record speaks first for an inspection: Ofsted's own report over a council's restatement, the subject over a mention. */
export function compareSources(a: InspectionRecord, b: InspectionRecord): number {
  return (
    KIND_RANK[a.documentKind] - KIND_RANK[b.documentKind] ||
    ROLE_RANK[a.role] - ROLE_RANK[b.role] ||
    datePrecisionRank(a) - datePrecisionRank(b) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export interface SourcedGrade {
  record: InspectionRecord;
  judgement: JudgementRecord;
}

export interface GroupJudgement {
  key: JudgementKey;
  /** The grade of the first source (see compareSources) that gives this judgement. */
  grade: Grade;
  source: SourcedGrade;
  /** Every source that gives this judgement, first source first. */
  sources: SourcedGrade[];
  /** True when sources give different grades for it. */
  disputed: boolean;
}

export interface Disagreement {
  groupId: string;
  authority: string;
  framework: Framework;
  key: JudgementKey;
  /** Every source's grade for the judgement (at least two different grades among them). */
  sources: SourcedGrade[];
}

export interface DateDisagreement {
  groupId: string;
  authority: string;
  framework: Framework;
  field: DateField;
  /** Every source's value for the date (at least two that cannot be the same day). */
  sources: { record: InspectionRecord; value: PartialDate }[];
}

/** One inspection, as one or more documents record it. */
export interface InspectionGroup {
  /** The id of its first source's record. */
  id: string;
  authority: string;
  framework: Framework;
  type: InspectionType;
  start?: PartialDate;
  end?: PartialDate;
  published?: PartialDate;
  /** Sources, first source first. */
  records: InspectionRecord[];
  primary: InspectionRecord;
  judgements: Partial<Record<JudgementKey, GroupJudgement>>;
  disagreements: Disagreement[];
  /** Dates of the inspection the sources give differently. */
  dateDisagreements: DateDisagreement[];
  graded: boolean;
}

function buildGroup(records: InspectionRecord[]): InspectionGroup {
  const sorted = [...records].sort(compareSources);
  const primary = sorted[0]!;
  const pick = (field: 'start' | 'end' | 'published'): PartialDate | undefined =>
    primary[field] ?? [...sorted].map((r) => r[field]).filter(Boolean).sort((a, b) => PRECISION_RANK[precision(a!)] - PRECISION_RANK[precision(b!)])[0];
  const type = sorted.find((r) => r.type !== 'not_stated')?.type ?? primary.type;
  const judgements: Partial<Record<JudgementKey, GroupJudgement>> = {};
  const disagreements: Disagreement[] = [];
  for (const key of JUDGEMENT_KEYS) {
    const sources: SourcedGrade[] = [];
    for (const record of sorted) {
      const judgement = record.judgements.find((j) => j.key === key);
      if (judgement) sources.push({ record, judgement });
    }
    if (sources.length === 0) continue;
    const disputed = new Set(sources.map((s) => s.judgement.grade)).size > 1;
    judgements[key] = { key, grade: sources[0]!.judgement.grade, source: sources[0]!, sources, disputed };
    if (disputed) disagreements.push({ groupId: primary.id, authority: primary.authority, framework: primary.framework, key, sources });
  }
  const dateDisagreements: DateDisagreement[] = [];
  for (const field of DATE_FIELDS) {
    const sources = sorted.filter((r) => r[field] && !datedOnlyByWhen(r)).map((record) => ({ record, value: record[field]! }));
    if (sources.some((x) => sources.some((y) => !datesCompatible(x.value, y.value)))) {
      dateDisagreements.push({ groupId: primary.id, authority: primary.authority, framework: primary.framework, field, sources });
    }
  }
  const start = pick('start');
  const end = pick('end');
  const published = pick('published');
  return {
    id: primary.id,
    authority: primary.authority,
    framework: primary.framework,
    type,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(published ? { published } : {}),
    records: sorted,
    primary,
    judgements,
    disagreements,
    dateDisagreements,
    graded: sorted.some(isGraded),
  };
}

/**
 * Group records that describe the same inspection. Records with the most precise dates
 * found groups first; a vaguer record ("published in 2018") joins the first group all of
 * whose records it can match, so it never chains two distinct inspections together.
 * An undated subject record joins the latest inspection of its framework that ended by
 * its document's date (latestBefore). Groups come out newest first within each
 * authority, authorities in id order.
 */
export function groupInspections(records: readonly InspectionRecord[]): InspectionGroup[] {
  const ordered = [...records].sort((a, b) => datePrecisionRank(a) - datePrecisionRank(b) || compareSources(a, b));
  const buckets: InspectionRecord[][] = [];
  // Records of one inspection share authority and framework (sameInspection), so a record
  // is matched against its own authority's buckets of that framework, in the order they
  // were made, rather than against every bucket in the country (quadratic: 15 s of a
  // 10,000-document build).
  const byAuthority = new Map<string, InspectionRecord[][]>();
  const candidates = (record: InspectionRecord) => {
    const key = `${record.authority}\0${record.framework}`;
    if (!byAuthority.has(key)) byAuthority.set(key, []);
    return byAuthority.get(key)!;
  };
  const add = (record: InspectionRecord, bucket: InspectionRecord[] | undefined) => {
    if (bucket) return void bucket.push(record);
    buckets.push([record]);
    candidates(record).push(buckets.at(-1)!);
  };
  const undated: InspectionRecord[] = [];
  for (const record of ordered) {
    if (!span(record)) undated.push(record);
    else add(record, candidates(record).find((b) => b.every((other) => sameInspection(record, other))));
  }
  for (const record of undated) add(record, record.role === 'subject' ? latestBefore(candidates(record), record) : undefined);
  return buckets.map(buildGroup).sort(compareGroups);
}

/**
 * A document that reports "the" inspection without dating it (a council's decision record)
 * reports the latest one of its framework that ended by the document's own date: the
 * undated record joins that inspection, if there is one, so its grades are compared.
 * `buckets`: the record's own authority's buckets of its framework (groupInspections).
 */
function latestBefore(buckets: readonly InspectionRecord[][], record: InspectionRecord): InspectionRecord[] | undefined {
  let best: { bucket: InspectionRecord[]; key: string } | undefined;
  for (const bucket of buckets) {
    if (!bucket.every((r) => typesCompatible(r.type, record.type))) continue;
    const ended = bucket.map((r) => inspectionDate(r)).filter((d): d is PartialDate => Boolean(d));
    if (ended.length === 0 || !ended.every((d) => !isCertainlyBefore(record.documentDate, d))) continue;
    const key = ended.map(sortKey).sort().at(-1)!;
    if (!best || key > best.key) best = { bucket, key };
  }
  return best?.bucket;
}

function compareGroups(a: InspectionGroup, b: InspectionGroup): number {
  if (a.authority !== b.authority) return a.authority < b.authority ? -1 : 1;
  const da = sortKey(inspectionDate(a));
  const db = sortKey(inspectionDate(b));
  if (da !== db) return da < db ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function allDisagreements(groups: readonly InspectionGroup[]): Disagreement[] {
  return groups.flatMap((g) => g.disagreements);
}

export function allDateDisagreements(groups: readonly InspectionGroup[]): DateDisagreement[] {
  return groups.flatMap((g) => g.dateDisagreements);
}

/**
 * The latest graded inspection of each authority that has one: a full inspection with
 * grades (not a focused or monitoring visit, a JTAI, or a letter), dated by its end,
 * else start, else publication.
 */
export function latestGradedInspections(groups: readonly InspectionGroup[]): Map<string, InspectionGroup> {
  const latest = new Map<string, InspectionGroup>();
  for (const group of groups) {
    if (!group.graded || Object.keys(group.judgements).length === 0) continue;
    const current = latest.get(group.authority);
    if (!current || sortKey(inspectionDate(group)) > sortKey(inspectionDate(current))) latest.set(group.authority, group);
  }
  return latest;
}

/** The authority's GSS code in operation at a date (its first day, else any day it can mean); undefined when none or unknown. */
export function gssCodeOn(authority: Pick<AuthorityData, 'gss_codes'>, date: PartialDate | undefined): string | undefined {
  if (!date) return authority.gss_codes.length === 1 ? authority.gss_codes[0]!.code : undefined;
  const [earliest, latest] = dateRange(date);
  const operatingOn = (day: string) =>
    authority.gss_codes.filter((c) => (!c.from || dateRange(c.from)[0] <= day) && (!c.to || dateRange(c.to)[1] >= day));
  const onFirstDay = operatingOn(earliest);
  if (onFirstDay.length > 0) return onFirstDay[0]!.code;
  const any = authority.gss_codes.filter(
    (c) => (!c.from || dateRange(c.from)[0] <= latest) && (!c.to || dateRange(c.to)[1] >= earliest),
  );
  return any[0]?.code;
}

/** The columns of /data/judgements.csv and .json, in order. */
export const DOWNLOAD_COLUMNS = [
  'authority_id',
  'authority_name',
  'gss_code',
  'region',
  'inspection_id',
  'framework',
  'inspection_type',
  'inspection_start',
  'inspection_end',
  'published',
  'judgement',
  'grade',
  'source_document',
  'source_kind',
  'evidence',
] as const;
export type DownloadColumn = (typeof DOWNLOAD_COLUMNS)[number];
export type DownloadRow = Record<DownloadColumn, string | null>;

/**
 * One row per judgement in every document, whatever the role of the inspection in it
 * (its subject, an earlier inspection it mentions, another authority in a comparison).
 * Values not given by the source are null. Rows sorted by authority, date, source.
 */
export function judgementRows(
  records: readonly InspectionRecord[],
  authorities: readonly AuthorityData[],
): DownloadRow[] {
  const byId = new Map(authorities.map((a) => [a.id, a]));
  const sorted = [...records].sort(
    (a, b) =>
      (a.authority < b.authority ? -1 : a.authority > b.authority ? 1 : 0) ||
      (sortKey(inspectionDate(a)) < sortKey(inspectionDate(b)) ? -1 : sortKey(inspectionDate(a)) > sortKey(inspectionDate(b)) ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const rows: DownloadRow[] = [];
  for (const r of sorted) {
    const authority = byId.get(r.authority);
    for (const j of r.judgements) {
      rows.push({
        authority_id: r.authority,
        authority_name: authority?.name ?? null,
        gss_code: (authority && gssCodeOn(authority, frameworkDate(r))) ?? null,
        region: authority?.region ?? null,
        inspection_id: r.id,
        framework: r.framework,
        inspection_type: r.type,
        inspection_start: r.start ?? null,
        inspection_end: r.end ?? null,
        published: r.published ?? null,
        judgement: j.key,
        grade: j.grade,
        source_document: r.documentId,
        source_kind: r.documentKind,
        evidence: j.evidence,
      });
    }
  }
  return rows;
}
