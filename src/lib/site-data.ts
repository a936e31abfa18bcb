// The collections, loaded once per build, and everything derived from them. Pages
// import from here rather than calling getCollection themselves, so 600 pages share one
// load and one set of derivations.
import { getCollection, type CollectionEntry } from 'astro:content';
import type { AuthorityData } from '../schemas/authority.ts';
import {
  allDateDisagreements,
  allDisagreements,
  flattenDocuments,
  groupInspections,
  inspectionDate,
  judgementRows,
  latestGradedInspections,
  type DateDisagreement,
  type Disagreement,
  type InspectionGroup,
  type InspectionRecord,
} from '../domain/derive.ts';
import { sortKey } from '../domain/dates.ts';
import { siteCurrency } from '../domain/currency.ts';
import { outstandingPriorityActions, visitsFrom, type OutstandingPriorityActions, type Visit } from '../domain/visits.ts';
import { siteCounts } from '../domain/site-counts.ts';

export type DocumentEntry = CollectionEntry<'documents'>;

const authorityEntries = await getCollection('authorities');
const documentEntries = await getCollection('documents');

const byName = (a: AuthorityData, b: AuthorityData) => a.name.localeCompare(b.name, 'en-GB');

export const authorities: AuthorityData[] = authorityEntries.map((e) => e.data).sort(byName);
export const currentAuthorities = authorities.filter((a) => a.current);
export const formerAuthorities = authorities.filter((a) => !a.current);
export const authorityById = new Map(authorities.map((a) => [a.id, a]));

export function authorityName(id: string): string {
  return authorityById.get(id)?.name ?? id;
}

/** Newest first, then by id. */
export const documents: DocumentEntry[] = [...documentEntries].sort(
  (a, b) => (sortKey(b.data.date) < sortKey(a.data.date) ? -1 : sortKey(b.data.date) > sortKey(a.data.date) ? 1 : a.id.localeCompare(b.id)),
);
export const documentById = new Map(documents.map((d) => [d.id, d]));

export const records: InspectionRecord[] = flattenDocuments(documents);
export const groups: InspectionGroup[] = groupInspections(records);
export const disagreements: Disagreement[] = allDisagreements(groups);
export const dateDisagreements: DateDisagreement[] = allDateDisagreements(groups);
export const latestByAuthority: Map<string, InspectionGroup> = latestGradedInspections(groups);
export const groupById: ReadonlyMap<string, InspectionGroup> = new Map(groups.map((g) => [g.id, g]));

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Each authority's inspections, newest first. */
export const groupsByAuthority = groupBy(groups, (g) => g.authority);
export const recordsByDocument = groupBy(records, (r) => r.documentId);
export const disagreementsByAuthority = groupBy(disagreements, (d) => d.authority);
export const dateDisagreementsByAuthority = groupBy(dateDisagreements, (d) => d.authority);

/**
 * Items listed under each document that is one of their sources, in their order: worked
 * out once, as every document page asks (a filter of every disagreement per page grows
 * with the square of the documents).
 */
function bySourceDocument<T extends { sources: readonly { record: { documentId: string } }[] }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const documentId of new Set(item.sources.map((s) => s.record.documentId))) {
      const list = map.get(documentId);
      if (list) list.push(item);
      else map.set(documentId, [item]);
    }
  }
  return map;
}
const disagreementsByDocument = bySourceDocument(disagreements);
const dateDisagreementsByDocument = bySourceDocument(dateDisagreements);

/** Disagreements a document is one of the sources of. */
export function disagreementsForDocument(documentId: string): Disagreement[] {
  return disagreementsByDocument.get(documentId) ?? [];
}

/** Date disagreements a document is one of the sources of. */
export function dateDisagreementsForDocument(documentId: string): DateDisagreement[] {
  return dateDisagreementsByDocument.get(documentId) ?? [];
}

/** Documents from or about an authority (its `authority` field). */
export const documentsByAuthority = groupBy(documents, (d) => d.data.authority);

/** Documents about another authority that record an inspection of this one (comparison tables, predecessors). */
export function documentsMentioning(authorityId: string): DocumentEntry[] {
  const ids = new Set(records.filter((r) => r.authority === authorityId).map((r) => r.documentId));
  return documents.filter((d) => ids.has(d.id) && d.data.authority !== authorityId);
}

export const downloadRows = judgementRows(records, authorities);

/** Every focused visit a letter records, newest first, with the grade its council held at the time. */
export const visits: Visit[] = visitsFrom(records, groups);
export const visitsByAuthority = groupBy(visits, (v) => v.authority);
export const visitsByDocument = groupBy(visits, (v) => v.documentId);
/** Councils with areas for priority action set since their latest full inspection, newest visit first. */
export const outstanding: OutstandingPriorityActions[] = outstandingPriorityActions(visits, latestByAuthority);

/** The file of a document entry, relative to the project. */
export const documentFile = (d: DocumentEntry) => d.filePath ?? `content/documents/${d.id}.md`;

export const counts = siteCounts({ currentAuthorities, formerAuthorities, documents, groups, records, latestByAuthority, visits });

export { inspectionDate };

/** How current the data is: the newest document and the build's date (src/domain/currency.ts). */
export const currency = siteCurrency(documents, process.env.SOURCE_DATE_EPOCH);
