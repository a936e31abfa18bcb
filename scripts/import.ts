// npm run import -- <file.pdf|file.txt|folder> [--authority <slug>] [--dry-run] [--json] [--force]
//
// Reads Ofsted reports (PDF) and council reports (text) into content entries: one per
// document at content/documents/ofsted/<authority>/<date>.md (drafts of text files under
// content/drafts/). Prints what it found; --json prints the grades as JSON and writes
// nothing; an existing entry is only replaced with --force, after showing the diff.
// Exit status: 0 when every file imported, 1 when any failed (each with a one-line reason).
import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { readAuthorities, ROOT } from './lib/entries.ts';
import { isPartialDate } from '../src/domain/dates.ts';
import { listImportable, runBatch } from '../src/importer/batch.ts';
import { serialiseEntry, writeEntry } from '../src/importer/entry.ts';
import { importFile, toJson } from '../src/importer/import-file.ts';
import { readManifest } from '../src/importer/manifest.ts';
import { corpusRootFor } from '../src/importer/letter/corpus.ts';
import type { ImportedDocument } from '../src/importer/report.ts';
import { countResult, describeDocument, describeTotals, emptyTotals } from '../src/importer/summary.ts';
import { ImportError } from '../src/importer/types.ts';

const USAGE =
  'usage: npm run import -- <file.pdf|file.txt|folder> [--authority <slug>] [--dry-run] [--json] [--force] [--jobs <n>] [--out <dir>] [--date <YYYY-MM-DD>]\n' +
  '  --out <dir>   write entries under <dir> instead of this repository (content/... inside it)\n' +
  '  --date <date> the document\'s date, for a report outside the corpus that states no publication date';

interface Options {
  target?: string;
  authority?: string;
  dryRun: boolean;
  json: boolean;
  force: boolean;
  jobs?: number;
  /** Where content/ is written: the repository unless --out says otherwise. */
  out: string;
  date?: string;
}

function fail(message: string): never {
  process.stderr.write(`import: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { dryRun: false, json: false, force: false, out: ROOT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--force') options.force = true;
    else if (arg === '--authority' || arg === '--jobs' || arg === '--out' || arg === '--date') {
      const value = argv[++i];
      if (!value || value.startsWith('--')) fail(`${arg} needs a value\n${USAGE}`);
      if (arg === '--authority') options.authority = value;
      else if (arg === '--out') options.out = resolve(value);
      else if (arg === '--date') {
        if (!isPartialDate(value) || value.length !== 10) fail(`--date needs a day written YYYY-MM-DD\n${USAGE}`);
        options.date = value;
      }
      else if (!Number.isInteger(Number(value)) || Number(value) < 1) fail(`--jobs needs a whole number of workers\n${USAGE}`);
      else options.jobs = Number(value);
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}\n${USAGE}`);
    else if (options.target) fail(`one file or folder at a time\n${USAGE}`);
    else options.target = arg;
  }
  if (!options.target) fail(USAGE);
  return options;
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** Write (or not) one result; returns a line for the user, or undefined when nothing was to be written. */
function write(result: ImportedDocument, options: Options): { status: string; line: string } {
  const path = join(options.out, result.entryPath);
  const text = serialiseEntry(result.data, result.body);
  const outcome = writeEntry(path, text, options.force, (diff) => process.stdout.write(`${diff}\n`));
  const where = display(path);
  switch (outcome.status) {
    case 'written':
      return { status: 'written', line: `wrote ${where}` };
    case 'replaced':
      return { status: 'replaced', line: `replaced ${where} (--force; the diff is above)` };
    case 'unchanged':
      return { status: 'unchanged', line: `${where} is already up to date` };
    case 'exists':
      return { status: 'exists', line: `${where} exists and differs; not overwritten (use --force to replace it)` };
  }
}

async function single(file: string, options: Options): Promise<void> {
  const authorities = readAuthorities();
  const manifest = readManifest(corpusRootFor(file));
  let result: ImportedDocument;
  try {
    result = await importFile(file, { authorities, manifest, authorityOverride: options.authority, date: options.date });
  } catch (error) {
    if (error instanceof ImportError) fail(`${display(file)}: ${error.message}`);
    fail(`${display(file)}: internal error: ${((error as Error)?.message ?? String(error)).split('\n')[0]}`);
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(toJson(result, authorities), null, 2)}\n`);
    return;
  }
  process.stdout.write(`${describeDocument(display(file), result)}\n`);
  if (options.dryRun) {
    process.stdout.write(`dry run: would write ${result.entryPath}\n`);
    return;
  }
  const { status, line } = write(result, options);
  if (status === 'exists') fail(line);
  process.stdout.write(`${line}\n`);
}

async function batch(folder: string, options: Options): Promise<void> {
  const authorities = readAuthorities();
  const files = listImportable(folder);
  if (files.length === 0) fail(`${display(folder)}: no .pdf or .txt files in the folder`);
  const totals = emptyTotals();
  const json: unknown[] = [];
  const tty = process.stderr.isTTY === true;
  const bar = tty
    ? new cliProgress.SingleBar(
        { format: 'importing [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(files.length, 0, { file: '' });
  let done = 0;
  const paths = new Map<string, string>();
  await runBatch(
    files,
    { authorities, corpusRoot: corpusRootFor(folder), authorityOverride: options.authority, date: options.date },
    ({ file, reply }) => {
      done++;
      const name = display(file);
      let line = '';
      if (!reply.ok) {
        totals.failures.push({ file: name, reason: reply.error });
        line = `failed: ${reply.error}`;
      } else {
        const result = reply.result;
        countResult(totals, name, result);
        const other = paths.get(result.entryPath);
        if (other) {
          totals.failures.push({ file: name, reason: `same entry path as ${other} (${result.entryPath}); not written` });
          line = 'failed: duplicate entry path';
        } else {
          paths.set(result.entryPath, name);
          if (options.json) json.push({ file: name, ...toJson(result, authorities) });
          else if (options.dryRun) line = `ok${result.needsReview ? ' (needs review)' : ''}`;
          else {
            const written = write(result, options);
            if (written.status === 'written') totals.written++;
            else if (written.status === 'replaced') totals.replaced++;
            else if (written.status === 'unchanged') totals.unchanged++;
            else totals.skippedExisting.push(name);
            line = written.line;
          }
        }
      }
      if (bar) bar.update(done, { file: name });
      else process.stderr.write(`[${done}/${files.length}] ${name}: ${line || 'ok'}\n`);
    },
    options.jobs,
  );
  bar?.stop();
  if (options.json) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  else process.stdout.write(`${describeTotals(totals, options.dryRun)}\n`);
  process.exitCode = totals.failures.length > 0 ? 1 : 0;
}

const options = parseArgs(process.argv.slice(2));
const target = resolve(options.target!);
let isFolder = false;
try {
  isFolder = statSync(target).isDirectory();
} catch {
  fail(`${options.target}: no such file or folder`);
}
// Ctrl-C: stop at once; a write in progress is a temporary file that never replaces an entry.
process.on('SIGINT', () => {
  process.stderr.write('\nimport: interrupted; entries already written are complete, nothing is half-written\n');
  process.exit(130);
});
if (isFolder) await batch(target, options);
else await single(target, options);
