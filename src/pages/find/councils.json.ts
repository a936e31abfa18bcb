// Every council with the names it can be found by, for the "Find a council" field's
// script (src/browser/find-council-field.ts), fetched when a reader first types.
import type { APIRoute } from 'astro';
import { authorities } from '../../lib/site-data.ts';
import { findEntries } from '../../domain/find-council.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(findEntries(authorities)), { headers: { 'Content-Type': 'application/json' } });
