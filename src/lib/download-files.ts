// The bodies of the open-data files, built from the collections once per build.
import { stringify } from 'csv-stringify/sync';
import { DOWNLOADS, authorityRows, inspectionRows, jsonSchemaOf, nextInspectionRows, spreadsheetSafe, visitRows, type AnyRow, type Download } from '../domain/downloads.ts';
import { authorities, downloadRows, groups, latestByAuthority, visits } from './site-data.ts';
import { allNextInspections } from './views/next-inspection.ts';
import { nextInspectionSite } from './next-inspection-data.ts';

export function rowsOf(download: Download, site: string): AnyRow[] {
  if (download.name === 'judgements') return downloadRows;
  if (download.name === 'authorities') return authorityRows(authorities, latestByAuthority, site);
  if (download.name === 'next-inspections') return nextInspectionRows(allNextInspections(nextInspectionSite), authorities, nextInspectionSite.built, site);
  if (download.name === 'visits') return visitRows(visits, authorities, site);
  return inspectionRows(groups, authorities, site);
}

/**
 * CSV: UTF-8 with a byte-order mark (so Excel reads the accents and curly quotes as
 * UTF-8), a header row, fields quoted where needed (commas, quotes, line breaks), Unix
 * line ends, empty for null, formula-like cells escaped (spreadsheetSafe).
 */
export function csvOf(download: Download, site: string): string {
  const rows = rowsOf(download, site).map((row) =>
    Object.fromEntries(download.columns.map((c) => [c, spreadsheetSafe((row as Record<string, string | null>)[c] ?? null)])),
  );
  return stringify(rows, { header: true, columns: download.columns, bom: true, record_delimiter: 'unix'});
}

export function jsonOf(download: Download, site: string): string {
  return `${JSON.stringify(rowsOf(download, site), null, 1)}\n`;
}

export function schemaOf(download: Download, site: string): string {
  return `${JSON.stringify(jsonSchemaOf(download, site), null, 2)}\n`;
}

export { DOWNLOADS };
