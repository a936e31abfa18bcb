// Lighthouse (the npm package) on Debian's chromium, over a built site served from
// loopback with gzip and the site's own _headers (as a static host would serve it; the
// tests' static server, tests/support/static-server.ts). Lighthouse's default config:
// mobile form factor, simulated throttling; all four categories.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveStatic } from '../tests/support/static-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

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
  const { server, url } = await serveStatic(dist, {}, { gzip: true });
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
