// The downloads parse, with exactly the documented columns, one record per judgement
// in the content, and each record's values as the entry states them.
import { describe, expect, inject, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readAuthorities, readDocuments } from '../../src/lib/content-files.ts';
import { GRADES, JUDGEMENT_KEYS } from '../../src/domain/vocabulary.ts';

const baseURL = inject('baseURL');
const COLUMNS = [
  'authority_id', 'authority_name', 'gss_code', 'region', 'inspection_id', 'framework', 'inspection_type',
  'inspection_start', 'inspection_end', 'published', 'judgement', 'grade', 'source_document', 'source_kind', 'evidence',
];
const { entries } = readDocuments();
const authorities = new Map(readAuthorities().map((a) => [a.id, a]));
const expected = entries.flatMap((e) => {
  const id = e.file.replace(/^content\/documents\//, '').replace(/\.md$/, '');
  return e.data.inspections.flatMap((inspection, i) =>
    Object.entries(inspection.judgements).map(([key, j]) => ({
      authority_id: inspection.authority,
      inspection_id: `${id}#${i + 1}`,
      judgement: key,
      grade: j!.grade,
      evidence: j!.evidence,
      source_document: id,
      source_kind: e.data.kind,
      framework: inspection.framework,
      inspection_start: inspection.start ?? null,
      region: authorities.get(inspection.authority)?.region ?? null,
    })),
  );
});
const key = (r: { inspection_id?: string | null; judgement?: string | null }) => `${r.inspection_id} ${r.judgement}`;

async function download(path: string) {
  const response = await fetch(`${baseURL}${path}`);
  expect(response.status).toBe(200);
  return { type: response.headers.get('content-type'), text: await response.text() };
}

describe('downloads', () => {
  test('the content has judgements to download', () => {
    expect(expected.length).toBeGreaterThan(0);
  });

  test('judgements.csv parses with exactly the documented columns, one record per judgement', async () => {
    const { text } = await download('/data/judgements.csv');
    const [header] = parse(text, { to_line: 1 }) as string[][];
    expect(header).toEqual(COLUMNS);
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(expected.length);
    const byKey = new Map(records.map((r) => [key(r), r]));
    expect(byKey.size).toBe(records.length);
    for (const e of expected) {
      const r = byKey.get(key(e));
      expect(r, key(e)).toBeDefined();
      expect(r).toMatchObject({
        authority_id: e.authority_id, grade: e.grade, evidence: e.evidence, source_document: e.source_document,
        source_kind: e.source_kind, framework: e.framework, inspection_start: e.inspection_start ?? '', region: e.region ?? '',
      });
      expect(r!.gss_code).toMatch(/^(E\d{8})?$/);
    }
    for (const r of records) {
      expect(GRADES).toContain(r.grade);
      expect(JUDGEMENT_KEYS).toContain(r.judgement);
    }
  });

  test('judgements.json holds the same records with the same fields', async () => {
    const { text, type } = await download('/data/judgements.json');
    expect(type).toMatch(/json/);
    const records = JSON.parse(text) as Record<string, string | null>[];
    expect(records).toHaveLength(expected.length);
    for (const r of records) expect(Object.keys(r)).toEqual(COLUMNS);
    const csv = parse((await download('/data/judgements.csv')).text, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? ''])))).toEqual(csv);
  });

  test('authorities.csv gives each council its newest inspection, and an April 2026 one no older overall grade', async () => {
    const rows = parse((await download('/data/authorities.csv')).text, { columns: true }) as Record<string, string>[];
    // The newest graded report of each council we hold, by the inspection's own start date.
    const newest = new Map<string, { start: string; framework: string; overall?: string; id: string }>();
    for (const e of entries) {
      const id = e.file.replace(/^content\/documents\//, '').replace(/\.md$/, '');
      e.data.inspections.forEach((inspection, i) => {
        if (inspection.role !== 'subject' || Object.keys(inspection.judgements).length === 0 || !inspection.start) return;
        const current = newest.get(inspection.authority);
        if (!current || inspection.start > current.start) {
          newest.set(inspection.authority, { start: inspection.start, framework: inspection.framework, overall: inspection.judgements.overall_effectiveness?.grade, id: `${id}#${i + 1}` });
        }
      });
    }
    const lancashire = rows.find((r) => r.authority_id === 'lancashire')!;
    expect(lancashire.latest_framework).toBe('ilacs');
    expect(lancashire.latest_overall_effectiveness).toBe('');
    expect(lancashire.latest_overall_effectiveness_note).toBe('not given: ILACS inspections from April 2026 give no overall effectiveness grade');
    for (const r of rows.filter((r) => newest.has(r.authority_id))) {
      const n = newest.get(r.authority_id)!;
      expect(r.latest_inspection_id, r.authority_id).toBe(n.id);
      expect(r.latest_overall_effectiveness, r.authority_id).toBe(n.overall ?? '');
      if (!n.overall) expect(r.latest_overall_effectiveness_note, r.authority_id).toMatch(/^not (given|stated)/);
    }
  });

  test('the downloads page lists both files, their fields and the licence', async () => {
    const { text } = await download('/data/');
    expect(text).toContain('href="/data/judgements.csv"');
    expect(text).toContain('href="/data/judgements.json"');
    for (const column of COLUMNS) expect(text).toContain(`<code>${column}</code>`);
    expect(text).toMatch(/Open Government Licence/);
    expect(text).toMatch(/MIT licence/);
  });
});
