// Lighthouse (the npm package) on Debian's chromium, over a built site served from
// loopback with gzip (as a static host would serve it). Lighthouse's default config:
// mobile form factor, simulated throttling; all four categories.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.csv', '.xml', '.svg', '.txt']);

async function serve(root: string): Promise<{ server: Server; url: string }> {
  const find = async (path: string): Promise<string | undefined> => {
    const candidate = join(root, normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, ''));
    if (!candidate.startsWith(root)) return undefined;
    try {
      return (await stat(candidate)).isDirectory() ? ((await stat(join(candidate, 'index.html'))) && join(candidate, 'index.html')) : candidate;
    } catch {
      return undefined;
    }
  };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = (await find(path)) ?? (await find('/404.html'));
    const status = file && !file.endsWith('/404.html') ? 200 : 404;
    const body = file ? await readFile(file) : Buffer.from('Not found');
    const ext = file ? extname(file) : '.txt';
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'public, max-age=3600' };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(status, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      res.end(gzipSync(body));
    } else {
      res.writeHead(status, headers);
      res.end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not start');
  return { server, url: `http://127.0.0.1:${address.port}` };
}

export interface LighthouseResult {
  page: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  /** Audits that count towards a category and scored below 1: "category: audit id (title)". */
  failed: string[];
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; transferBytes: number; mainThreadMs: number; styleLayoutMs: number };
  /** The main thread's long tasks as Lighthouse simulated them (start and duration, ms). */
  longTasks?: { startTime: number; duration: number }[];
  /** Every run's four scores, when the page was run more than once. */
  runs?: string[];
}

/**
 * Lighthouse `runs` times on each page (as Lighthouse's own advice on variability says),
 * keeping the run with the median performance score: on a loaded 2-core machine one
 * run's Total Blocking Time swings by tens of milliseconds.
 */
export async function runLighthouse(dist: string, pages: readonly string[], runs = 3, categories: readonly (typeof CATEGORIES)[number][] = CATEGORIES): Promise<LighthouseResult[]> {
  const { server, url } = await serve(dist);
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const results: LighthouseResult[] = [];
  try {
    for (const page of pages) {
      const tries: LighthouseResult[] = [];
      for (let i = 0; i < runs; i++) tries.push(await once(page));
      const byPerformance = [...tries].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
      results.push({ ...byPerformance[Math.floor((byPerformance.length - 1) / 2)]!, runs: tries.map((t) => Object.values(t.scores).join('/')) });
    }
  } finally {
    chrome.kill();
    server.close();
  }
  return results;

  async function once(page: string): Promise<LighthouseResult> {
    const runner = await lighthouse(`${url}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
    if (!runner) throw new Error(`lighthouse returned nothing for ${page}`);
    const lhr = runner.lhr;
    if (lhr.runtimeError) throw new Error(`lighthouse on ${page}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c]!.score! * 100)])) as LighthouseResult['scores'];
    const failed: string[] = [];
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          const value = audit.displayValue ? `: ${audit.displayValue}` : '';
          failed.push(`${c}: ${ref.id} (${audit.title}${value})`);
        }
      }
    }
    const n = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    // The main thread's time in one group ("styleLayout", "paintCompositeRender", "other"…).
    const breakdown = (group: string) => {
      const items = (lhr.audits['mainthread-work-breakdown']?.details as { items?: { group: string; duration: number }[] } | undefined)?.items ?? [];
      return items.filter((i) => i.group === group).reduce((sum, i) => sum + i.duration, 0);
    };
    const longTasks = ((lhr.audits['long-tasks']?.details as { items?: { startTime: number; duration: number }[] } | undefined)?.items ?? []).map((t) => ({ startTime: Math.round(t.startTime), duration: Math.round(t.duration) }));
    return {
      page,
      scores,
      longTasks,
      failed,
      metrics: {
        fcpMs: n('first-contentful-paint'),
        lcpMs: n('largest-contentful-paint'),
        tbtMs: n('total-blocking-time'),
        cls: n('cumulative-layout-shift'),
        transferBytes: n('total-byte-weight'),
        mainThreadMs: n('mainthread-work-breakdown'),
        styleLayoutMs: breakdown('styleLayout'),
      },
    };
  }
}
