// The Atom feeds: an entry says what the document is and, for a focused-visit letter, its
// focus and the areas for priority action it set; an authority's feed holds its documents.
import { describe, expect, test } from 'vitest';
import { flattenDocuments, groupInspections, type InspectionRecord } from '../../src/domain/derive.ts';
import { visitsFrom, type Visit } from '../../src/domain/visits.ts';
import { atomFeed, entrySummary } from '../../src/lib/feed.ts';
import { DOCUMENTS } from '../fixtures/visit-letters.ts';

const records = flattenDocuments(DOCUMENTS);
const visits = visitsFrom(records, groupInspections(records));
const group = <T extends { documentId: string }>(items: T[]) => {
  const map = new Map<string, T[]>();
  for (const x of items) map.set(x.documentId, [...(map.get(x.documentId) ?? []), x]);
  return map;
};
const source = { authorityName: (id: string) => id.toUpperCase(), recordsByDocument: group<InspectionRecord>(records), visitsByDocument: group<Visit>(visits) };

describe('feeds', () => {
  test('a letter’s entry gives its focus and the areas for priority action in the letter’s words', () => {
    const letter = DOCUMENTS.find((d) => d.id === 'ofsted-letters/alpha/2024-06-20')!;
    expect(entrySummary(letter, source)).toBe(
      'Ofsted letter on ALPHA, 20 June 2024. Focused visit on 14 to 15 May 2024, focus: children in need and child protection. Areas for priority action: The quality of child protection plans. Management oversight of assessments.',
    );
    const none = DOCUMENTS.find((d) => d.id === 'ofsted-letters/alpha/2025-03-01')!;
    expect(entrySummary(none, source)).toContain('No areas for priority action.');
  });

  test('a report’s entry gives its grades', () => {
    expect(entrySummary(DOCUMENTS[0]!, source)).toContain('Grades: Overall effectiveness: Good');
  });

  test('an authority’s feed lists its own documents, escaped, each with its page as id', () => {
    const own = DOCUMENTS.filter((d) => d.data.authority === 'alpha').reverse();
    const xml = atomFeed({ self: 'https://x.org/authorities/alpha/feed.xml', alternate: 'https://x.org/authorities/alpha/', title: 'Alpha & co', subtitle: 's', documents: own, pageOf: (id) => `https://x.org/documents/${id}/` }, source);
    expect(xml.match(/<entry>/g)).toHaveLength(own.length);
    expect(xml).toContain('<title>Alpha &amp; co</title>');
    expect(xml).toContain('<id>https://x.org/documents/ofsted-letters/alpha/2025-03-01/</id>');
    expect(xml).toContain('<updated>2025-03-01T00:00:00Z</updated>');
  });
});
