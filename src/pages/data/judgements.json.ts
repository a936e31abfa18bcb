// /data/judgements.json: the same records as the CSV, as an array of objects (null where the source gives no value).
import type { APIRoute } from 'astro';
import { downloadRows } from '../../lib/site-data.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(downloadRows, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
