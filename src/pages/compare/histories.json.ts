// Every current authority's inspections, for the compare page's picker: what the
// pre-rendered comparisons show, as data (src/lib/views/compare.ts).
import type { APIRoute } from 'astro';
import * as site from '../../lib/site-data.ts';
import { historiesJson } from '../../lib/views/compare.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(historiesJson(site)), { headers: { 'content-type': 'application/json' } });
