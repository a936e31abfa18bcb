// Fetching one address for the update command: Node's fetch with a timeout on the whole
// exchange (headers and body), retried with exponential backoff where another try can
// help (a timeout, a dropped connection, a 5xx or 429) and not where it cannot (a 404 or
// any other 4xx). Every outcome is a value with a message a person can act on.

import { fromHtml } from 'hast-util-from-html';
import type { Element, Text } from 'hast';
import { visit } from 'unist-util-visit';

export interface FetchPolicy {
  /** Milliseconds for one try, from the request to the last byte of the body. */
  timeoutMs: number;
  /** How many tries in all (1 = no retry). */
  attempts: number;
  /** The wait before the second try; each later wait doubles it. */
  backoffMs: number;
  /** Refuse a body larger than this many bytes. */
  maxBytes: number;
}

/** Says what is asking, plainly: a small weekly job, not a browser. */
export const USER_AGENT = 'childrens-services-inspections-update/1 (npm run update; weekly)';

export const DEFAULT_FETCH_POLICY: FetchPolicy = { timeoutMs: 30_000, attempts: 3, backoffMs: 2_000, maxBytes: 100 * 1024 * 1024 };

export type Fetched =
  | { ok: true; bytes: Uint8Array; contentType: string; tries: number }
  | { ok: false; message: string; status?: number; tries: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tries(n: number): string {
  return n === 1 ? '1 try' : `${n} tries`;
}

/** One try: the body, or why not, and whether another try could help. */
async function once(url: string, policy: FetchPolicy): Promise<{ ok: true; bytes: Uint8Array; contentType: string } | { ok: false; message: string; status?: number; retry: boolean }> {
  let response: Response;
  const signal = AbortSignal.timeout(policy.timeoutMs);
  try {
    response = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'text/html,application/pdf;q=0.9,*/*;q=0.5', 'user-agent': USER_AGENT } });
  } catch (error) {
    return { ok: false, ...networkFailure(error, policy), retry: true };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    const retry = response.status >= 500 || response.status === 429;
    const what = response.status === 404 ? 'not found (HTTP 404)' : `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return { ok: false, message: what, status: response.status, retry };
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > policy.maxBytes) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, message: `too large (${declared} bytes, more than ${policy.maxBytes})`, retry: false };
  }
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > policy.maxBytes) return { ok: false, message: `too large (${bytes.length} bytes, more than ${policy.maxBytes})`, retry: false };
    return { ok: true, bytes, contentType: response.headers.get('content-type') ?? '' };
  } catch (error) {
    // The connection dropped or the clock ran out part-way through the body: nothing of it is kept.
    const failure = networkFailure(error, policy);
    return { ok: false, message: `${failure.message} while reading the body`, retry: true };
  }
}

function networkFailure(error: unknown, policy: FetchPolicy): { message: string } {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return { message: `timed out after ${policy.timeoutMs / 1000} s` };
  const cause = e?.cause?.code ?? e?.cause?.message;
  return { message: `could not connect (${cause ?? e?.message ?? String(error)})` };
}

/** Fetch an address under the policy; `onRetry` hears of each retry before its wait. */
export async function fetchWithRetry(url: string, policy: FetchPolicy, onRetry?: (message: string, waitMs: number) => void): Promise<Fetched> {
  let last: { message: string; status?: number } = { message: 'not tried' };
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const result = await once(url, policy);
    if (result.ok) return { ...result, tries: attempt };
    last = result;
    if (!result.retry) return { ok: false, message: `${result.message} (not retried: another try would get the same answer)`, status: result.status, tries: attempt };
    if (attempt < policy.attempts) {
      const wait = policy.backoffMs * 2 ** (attempt - 1);
      onRetry?.(result.message, wait);
      await sleep(wait);
    }
  }
  return { ok: false, message: `${last.message} (gave up after ${tries(policy.attempts)})`, status: last.status, tries: policy.attempts };
}

/** A PDF starts with "%PDF-"; an error page served in its place does not. */
export function pdfProblem(bytes: Uint8Array, contentType: string): string | undefined {
  if (bytes.length === 0) return 'the server sent an empty file, not a PDF';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.startsWith('%PDF-')) return undefined;
  const opening = head.trimStart().slice(0, 60).replace(/\s+/g, ' ');
  if (/^<(!doctype html|html|head|body)\b/i.test(head.trimStart()) || /html/i.test(contentType)) {
    const title = htmlTitle(new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024)));
    return `the server sent an HTML page, not a PDF${title ? ` ("${title}")` : ''}`;
  }
  return `the server sent something that is not a PDF (it starts "${opening}"${contentType ? `, ${contentType}` : ''})`;
}

function htmlTitle(html: string): string | undefined {
  let title: string | undefined;
  visit(fromHtml(html), 'element', (node: Element) => {
    if (title === undefined && node.tagName === 'title') title = node.children.map((c) => (c as Text).value ?? '').join('').trim();
  });
  return title || undefined;
}
