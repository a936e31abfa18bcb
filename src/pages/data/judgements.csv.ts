// /data/judgements.csv: one row per judgement in every document (see /data/ for the fields).
import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { DOWNLOAD_COLUMNS } from '../../domain/derive.ts';
import { downloadRows } from '../../lib/site-data.ts';

export const GET: APIRoute = () => {
  const csv = stringify(downloadRows, {
    header: true,
    columns: [...DOWNLOAD_COLUMNS],
    cast: { string: (value) => value },
    record_delimiter: 'unix',
  });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
