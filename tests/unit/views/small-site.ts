// A small site written by hand, derived as src/lib/site-data.ts derives the real one, for
// the views' unit tests: authorities in two regions, and reports that grade them.
import { allDateDisagreements, allDisagreements, flattenDocuments, groupInspections, latestGradedInspections, type InspectionGroup } from '../../../src/domain/derive.ts';
import type { DocumentEntry } from '../../../src/lib/site-data.ts';
import type { AuthorityData } from '../../../src/schemas/authority.ts';
import { documentSchema } from '../../../src/schemas/document.ts';
import { outstandingPriorityActions, visitsFrom } from '../../../src/domain/visits.ts';
import { siteCurrency } from '../../../src/domain/currency.ts';
import { siteCounts } from '../../../src/domain/site-counts.ts';

export function authority(id: string, name: string, more: Partial<AuthorityData> = {}): AuthorityData {
  return {
    id, name, aliases: [], delivered_by: [], gss_codes: [{ code: 'E06000001' }], dfe_number: '805', ofsted_urn: null, region: 'North East',
    type: 'Unitary Authority', current: true, predecessors: [], successors: [], statistical_neighbours: [], population_0_to_25: null, ...more,
  };
}

const SOURCE = { licence: 'Open Government Licence v3.0', attribution: '© Crown copyright' };

/** An Ofsted report of one inspection: its grades by judgement, each quoted as "<judgement> <grade>". */
export function report(
  id: string,
  inspection: { authority: string; framework?: string; type?: string; start?: string; end: string; published?: string; grades?: Record<string, string> },
  more: Record<string, unknown> = {},
): DocumentEntry {
  const { authority: who, framework = 'ilacs', type = 'standard', start = inspection.end, end, published, grades = {} } = inspection;
  const data = documentSchema().parse({
    source: SOURCE, issuer: 'Ofsted', title: `Inspection of ${who}`, kind: 'ofsted_inspection_report', date: end, authority: who,
    inspections: [{
      authority: who, role: 'subject', framework, type, start, end, ...(published ? { published } : {}),
      judgements: Object.fromEntries(Object.entries(grades).map(([k, g]) => [k, { grade: g, evidence: `${k} was ${g}` }])),
    }],
    ...more,
  });
  return { id, collection: 'documents', data, filePath: `content/documents/${id}.md` } as DocumentEntry;
}

/** What the views read of src/lib/site-data.ts, derived the same way from these authorities and documents. */
export function smallSite(authorities: AuthorityData[], documents: DocumentEntry[]) {
  const sorted = [...authorities].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const groups = groupInspections(flattenDocuments(documents));
  const groupsByAuthority = new Map<string, InspectionGroup[]>();
  for (const g of groups) groupsByAuthority.set(g.authority, [...(groupsByAuthority.get(g.authority) ?? []), g]);
  const records = flattenDocuments(documents);
  const latestByAuthority = latestGradedInspections(groups);
  const visits = visitsFrom(records, groups);
  const by = <T,>(items: readonly T[], key: (item: T) => string) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
    return map;
  };
  const authorityById = new Map(sorted.map((a) => [a.id, a]));
  const currentAuthorities = sorted.filter((a) => a.current);
  const formerAuthorities = sorted.filter((a) => !a.current);
  return {
    authorities: sorted,
    currentAuthorities,
    formerAuthorities,
    authorityById,
    documents,
    documentById: new Map(documents.map((d) => [d.id, d])),
    documentsByAuthority: by(documents, (d) => d.data.authority),
    documentsMentioning: (id: string) => {
      const ids = new Set(records.filter((r) => r.authority === id).map((r) => r.documentId));
      return documents.filter((d) => ids.has(d.id) && d.data.authority !== id);
    },
    documentFile: (d: DocumentEntry) => d.filePath ?? `content/documents/${d.id}.md`,
    groups,
    groupsByAuthority,
    latestByAuthority,
    groupById: new Map(groups.map((g) => [g.id, g])),
    authorityName: (id: string) => authorityById.get(id)?.name ?? id,
    disagreements: allDisagreements(groups),
    dateDisagreements: allDateDisagreements(groups),
    visits,
    visitsByAuthority: by(visits, (v) => v.authority),
    visitsByDocument: by(visits, (v) => v.documentId),
    outstanding: outstandingPriorityActions(visits, latestByAuthority),
    counts: siteCounts({ currentAuthorities, formerAuthorities, documents, groups, records, latestByAuthority, visits }),
    currency: siteCurrency(documents),
  };
}
