// npm run update -- --into <folder> [--dry-run] [--authority <id>] [--out <dir>]
//                   [--reports-url <url>] [--files-url <url>] [--timeout <s>] [--attempts <n>]
//
// Finds what Ofsted has listed on each current authority's page on its reports site since
// the newest Ofsted document we hold for it, downloads the inspection reports and
// focused-visit letters into --into, imports them into content/, and prints what it added,
// skipped and why, and what failed and why. Exit status 1 when anything failed.
// The sites' addresses: --reports-url or OFSTED_REPORTS_URL, --files-url or OFSTED_FILES_URL.
import { resolve } from 'node:path';
import { ROOT } from '../src/lib/content-files.ts';
import { describeReport, runUpdate } from '../src/importer/update.ts';
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from '../src/importer/fetch-retry.ts';
import { DEFAULT_FILES_URL, DEFAULT_REPORTS_URL } from '../src/importer/ofsted-site.ts';

const USAGE = `usage: npm run update -- --into <folder> [--dry-run] [--authority <id>] [--out <dir>]
  --into <folder>      where the downloaded PDFs go (<urn>-<authority>/<listed date>.pdf); not needed with --dry-run
  --dry-run            list what is new; download and write nothing
  --authority <id>     one council only (its id, as in content/authorities.json)
  --out <dir>          read and write content/ under <dir> instead of this repository
  --reports-url <url>  Ofsted's reports site (default ${DEFAULT_REPORTS_URL}; or OFSTED_REPORTS_URL)
  --files-url <url>    where links to Ofsted's file server are fetched (default ${DEFAULT_FILES_URL}; or OFSTED_FILES_URL)
  --timeout <seconds>  for each request (default ${DEFAULT_FETCH_POLICY.timeoutMs / 1000})
  --attempts <n>       tries per request where a retry can help (default ${DEFAULT_FETCH_POLICY.attempts})
  --backoff <seconds>  the wait before the first retry, doubled for each later one (default ${DEFAULT_FETCH_POLICY.backoffMs / 1000})`;

function fail(message: string): never {
  process.stderr.write(`update: ${message}\n`);
  process.exit(2);
}

function httpUrl(value: string, name: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // reported below
  }
  fail(`${name} needs an http(s) address, not "${value}"`);
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) fail(`${name} needs a positive number\n${USAGE}`);
  return n;
}

const options = {
  root: ROOT,
  into: undefined as string | undefined,
  reportsUrl: process.env.OFSTED_REPORTS_URL || DEFAULT_REPORTS_URL,
  filesUrl: process.env.OFSTED_FILES_URL || DEFAULT_FILES_URL,
  dryRun: false,
  authority: undefined as string | undefined,
};
const policy: FetchPolicy = { ...DEFAULT_FETCH_POLICY };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i]!;
  if (arg === '--dry-run') options.dryRun = true;
  else if (arg === '--help' || arg === '-h') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else if (['--into', '--authority', '--out', '--reports-url', '--files-url', '--timeout', '--attempts', '--backoff'].includes(arg)) {
    const value = argv[++i];
    if (!value || value.startsWith('--')) fail(`${arg} needs a value\n${USAGE}`);
    if (arg === '--into') options.into = resolve(value);
    else if (arg === '--authority') options.authority = value;
    else if (arg === '--out') options.root = resolve(value);
    else if (arg === '--reports-url') options.reportsUrl = value;
    else if (arg === '--files-url') options.filesUrl = value;
    else if (arg === '--timeout') policy.timeoutMs = positive(value, arg) * 1000;
    else if (arg === '--backoff') policy.backoffMs = positive(value, arg) * 1000;
    else {
      const n = positive(value, arg);
      if (!Number.isInteger(n) || n > 10) fail(`--attempts needs a whole number from 1 to 10\n${USAGE}`);
      policy.attempts = n;
    }
  } else fail(`unknown argument ${arg}\n${USAGE}`);
}
options.reportsUrl = httpUrl(options.reportsUrl, 'the reports site');
options.filesUrl = httpUrl(options.filesUrl, 'the file server');
if (!options.dryRun && !options.into) fail(`--into <folder> is needed to download PDFs (or use --dry-run)\n${USAGE}`);

process.on('SIGINT', () => {
  process.stderr.write('\nupdate: interrupted; PDFs and entries already written are complete, nothing is half-written\n');
  process.exit(130);
});

let report;
try {
  report = await runUpdate({ ...options, policy, progress: (line) => process.stderr.write(`${line}\n`) });
} catch (error) {
  fail((error as Error).message);
}
process.stdout.write(`${describeReport(report, options.dryRun)}\n`);
process.exitCode = report.failed.length > 0 ? 1 : 0;
