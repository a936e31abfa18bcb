// What /data/ shows: each open-data file with its record count and addresses, each file's
// fields with their meanings (from its schema), the judgement keys and grades, how current
// the data is, and the host to cite. Pure: the site's data and the download files' rows
// (src/lib/download-files.ts's rowsOf) are arguments (tests/unit/views/data.test.ts).
import type * as Site from '../site-data.ts';
import type * as DownloadFiles from '../download-files.ts';
import { DOWNLOADS } from '../../domain/downloads.ts';
import { GRADE_LABELS, GRADES, JUDGEMENT_KEYS, JUDGEMENT_LABELS, type Grade, type JudgementKey } from '../../domain/vocabulary.ts';
import type { Currency } from '../../domain/currency.ts';

export type DataSite = Pick<typeof Site, 'counts' | 'currency'> & Pick<typeof DownloadFiles, 'rowsOf'>;

export interface DataFile {
  name: string;
  title: string;
  summary: string;
  /** "1,234" */
  records: string;
  csvHref: string;
  jsonHref: string;
  schemaHref: string;
  /** Its columns in order, each with its meaning. */
  fields: { name: string; description: string }[];
}

export interface DataView {
  currency: Currency;
  files: DataFile[];
  /** No documents yet: the files hold a header only. */
  noDocuments: boolean;
  judgementKeys: { key: JudgementKey; label: string }[];
  grades: { grade: Grade; label: string }[];
  /** The site's host, as a citation names it. */
  host: string;
}

/** `siteUrl` is the site's address (Astro.site): the rows' links are absolute. */
export function dataView(site: DataSite, siteUrl: URL): DataView {
  return {
    currency: site.currency,
    files: DOWNLOADS.map((d) => ({
      name: d.name,
      title: d.title,
      summary: d.summary,
      records: site.rowsOf(d, siteUrl.href).length.toLocaleString('en-GB'),
      csvHref: `/data/${d.name}.csv`,
      jsonHref: `/data/${d.name}.json`,
      schemaHref: `/data/${d.name}.schema.json`,
      fields: d.columns.map((c) => ({ name: c, description: (d.schema.shape[c] as { description?: string }).description ?? '' })),
    })),
    noDocuments: site.counts.documents === 0,
    judgementKeys: JUDGEMENT_KEYS.map((key) => ({ key, label: JUDGEMENT_LABELS[key] })),
    grades: GRADES.map((grade) => ({ grade, label: GRADE_LABELS[grade] })),
    host: siteUrl.host,
  };
}
