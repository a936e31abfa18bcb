// `npm run update`: for each current authority, read its provider page on Ofsted's reports
// site (by its Ofsted URN), find what was listed after the newest Ofsted document we hold
// for it, download the inspection reports and focused-visit letters among those, and
// import each with the importer. Every item ends as added, skipped (with why) or failed
// (with why); a failed item leaves content/ as it was: a PDF is written to a temporary
// file and renamed only once complete and checked, and an entry is written the same way
// (writeEntry) only after the importer read the whole PDF.
import { join, relative } from 'node:path';
import type { AuthorityData } from '../schemas/authority.ts';
import type { DocumentData } from '../schemas/document.ts';
import { serialiseEntry, writeEntry, writeFileAtomic } from './entry.ts';
import { fetchWithRetry, pdfProblem, type FetchPolicy } from './fetch-retry.ts';
import { importFile } from './import-file.ts';
import type { Manifest, ManifestRow } from './manifest.ts';
import { downloadUrl, parseProviderPage, providerPageUrl, type Publication } from './ofsted-site.ts';
import { ImportError } from './types.ts';
import { readAuthorities, readDocuments } from '../lib/content-files.ts';

export interface UpdateOptions {
  /** The folder holding content/ (the repository, or a copy). */
  root: string;
  /** Where the PDFs are downloaded (required unless dryRun). */
  into?: string;
  reportsUrl: string;
  filesUrl: string;
  dryRun: boolean;
  /** Only this authority (its id in content/authorities.json). */
  authority?: string;
  policy: FetchPolicy;
  /** Progress lines (retries, each authority checked), for stderr. */
  progress?: (line: string) => void;
}

export interface UpdateItem {
  authority: string;
  description: string;
  listedDate: string;
  href: string;
}

export interface AddedItem extends UpdateItem {
  /** The entry written, from the root (content/documents/ofsted/<id>/<date>.md). */
  entry: string;
  /** The downloaded PDF. */
  file: string;
  needsReview: boolean;
  /** When the page's kind and the document's own disagree: both, as each says it. */
  kindDisagrees?: string;
}

export interface UpdateReport {
  /** The authorities whose pages were read (or tried). */
  checked: { id: string; urn: string; page: string; newestHeld?: string }[];
  added: AddedItem[];
  /** Dry run: what would be downloaded and imported. */
  wouldAdd: UpdateItem[];
  skipped: (UpdateItem & { reason: string })[];
  /** Something went wrong: a page that could not be read, or an item not downloaded or not imported. */
  failed: { authority: string; what: string; url: string; message: string }[];
}

/** The newest date among the Ofsted documents held for each authority: the date Ofsted's site lists where the entry has it. */
export function newestHeld(documents: readonly { data: DocumentData }[]): Map<string, string> {
  const newest = new Map<string, string>();
  for (const { data } of documents) {
    if (data.issuer !== 'Ofsted') continue;
    const date = data.source.listed_date ?? data.date;
    if (date > (newest.get(data.authority) ?? '')) newest.set(data.authority, date);
  }
  return newest;
}

/** The publications listed after `since` (all of them when nothing is held), oldest first. */
export function listedAfter(publications: readonly Publication[], since: string | undefined): Publication[] {
  return publications.filter((p) => since === undefined || p.listedDate > since).sort((a, b) => a.listedDate.localeCompare(b.listedDate));
}

const KIND_WORDS = { report: 'inspection report', focused_visit: 'focused-visit letter' } as const;

export async function runUpdate(options: UpdateOptions): Promise<UpdateReport> {
  if (!options.dryRun && !options.into) throw new Error('--into <folder> is needed to download PDFs (or use --dry-run)');
  const authorities = readAuthorities(options.root);
  let selected: AuthorityData[] = authorities.filter((a) => a.current && a.ofsted_urn);
  if (options.authority) {
    const one = authorities.find((a) => a.id === options.authority);
    if (!one) throw new Error(`no authority with id "${options.authority}" in content/authorities.json`);
    if (!one.ofsted_urn) throw new Error(`${one.id} has no Ofsted URN in content/authorities.json, so it has no page on Ofsted's reports site`);
    selected = [one];
  }
  const { entries } = readDocuments(options.root);
  const newest = newestHeld(entries);
  const heldUrls = new Set(entries.flatMap((e) => (e.data.source.url ? [e.data.source.url] : [])));
  const report: UpdateReport = { checked: [], added: [], wouldAdd: [], skipped: [], failed: [] };
  const progress = options.progress ?? (() => {});

  for (const authority of selected) {
    const urn = authority.ofsted_urn!;
    const page = providerPageUrl(options.reportsUrl, urn);
    const since = newest.get(authority.id);
    report.checked.push({ id: authority.id, urn, page, ...(since ? { newestHeld: since } : {}) });
    const fetched = await fetchWithRetry(page, options.policy, (message, wait) => progress(`${authority.id}: ${page}: ${message}; trying again in ${wait / 1000} s`));
    if (!fetched.ok) {
      report.failed.push({ authority: authority.id, what: 'provider page', url: page, message: `${fetched.message}; nothing checked for this authority` });
      continue;
    }
    const parsed = parseProviderPage(new TextDecoder('utf-8').decode(fetched.bytes), page);
    if (!parsed.ok) {
      report.failed.push({ authority: authority.id, what: 'provider page', url: page, message: `${parsed.reason}; not read as "nothing new"` });
      continue;
    }
    for (const bad of parsed.unreadable) {
      report.failed.push({ authority: authority.id, what: 'a publication on the provider page', url: page, message: `"${bad.text}": ${bad.reason}` });
    }
    const fresh = listedAfter(parsed.publications, since);
    progress(`${authority.id}: ${fresh.length} listed after ${since ?? 'nothing held'}`);
    const planned = new Set<string>();
    for (const publication of fresh) {
      const item: UpdateItem = { authority: authority.id, description: publication.description, listedDate: publication.listedDate, href: publication.href };
      if (publication.kind === 'other') {
        report.skipped.push({ ...item, reason: `a "${publication.description}", neither an inspection report nor a focused-visit letter` });
        continue;
      }
      if (heldUrls.has(publication.href)) {
        report.skipped.push({ ...item, reason: 'already held (an entry has this source address)' });
        continue;
      }
      const source = downloadUrl(publication.href, options.filesUrl);
      if (!source) {
        report.failed.push({ authority: authority.id, what: KIND_WORDS[publication.kind], url: publication.href, message: "the link is not to Ofsted's file server; not downloaded" });
        continue;
      }
      if (options.dryRun) {
        report.wouldAdd.push(item);
        continue;
      }
      // <urn>-<id>/<listed date>.pdf, the corpus's layout; a second file listed the same day gets a suffix.
      let name = `${publication.listedDate}.pdf`;
      for (let n = 2; planned.has(name); n++) name = `${publication.listedDate}-${n}.pdf`;
      planned.add(name);
      const relativeFile = `${urn}-${authority.id}/${name}`;
      const file = join(options.into!, relativeFile);
      const added = await downloadAndImport(item, { source, file, relativeFile, urn, kind: KIND_WORDS[publication.kind], authorities, options, report });
      if (added) report.added.push(added);
    }
  }
  return report;
}

async function downloadAndImport(
  item: UpdateItem,
  context: { source: string; file: string; relativeFile: string; urn: string; kind: string; authorities: AuthorityData[]; options: UpdateOptions; report: UpdateReport },
): Promise<AddedItem | undefined> {
  const { source, file, relativeFile, urn, kind, authorities, options, report } = context;
  const fail = (message: string) => {
    report.failed.push({ authority: item.authority, what: `${kind} listed ${item.listedDate}`, url: item.href, message });
    return undefined;
  };
  const fetched = await fetchWithRetry(source, options.policy, (message, wait) =>
    options.progress?.(`${item.authority}: ${source}: ${message}; trying again in ${wait / 1000} s`),
  );
  if (!fetched.ok) return fail(`download ${fetched.message}; nothing written`);
  const problem = pdfProblem(fetched.bytes, fetched.contentType);
  if (problem) return fail(`${problem}; nothing written`);
  writeFileAtomic(file, fetched.bytes);

  // The importer reads the listed date, the URN and the address from a manifest row, as it does for the corpus.
  const row: ManifestRow = { urn, local_authority: item.authority, file: relativeFile, listed_date: item.listedDate, source_url: item.href };
  const manifest: Manifest = { root: options.into!, rows: [row], byFile: new Map([[relativeFile, row]]) };
  let result;
  try {
    result = await importFile(file, { authorities, manifest });
  } catch (error) {
    const reason = error instanceof ImportError ? error.message : `internal error: ${((error as Error)?.message ?? String(error)).split('\n')[0]}`;
    return fail(`downloaded to ${file}, but the importer could not read it: ${reason}; content/ untouched`);
  }
  if (result.data.authority !== item.authority) {
    return fail(`downloaded to ${file}, but the importer reads it as ${result.data.authority}'s, not ${item.authority}'s (whose page lists it); content/ untouched`);
  }
  const outcome = writeEntry(join(options.root, result.entryPath), serialiseEntry(result.data, result.body), false);
  if (outcome.status === 'unchanged') {
    report.skipped.push({ ...item, reason: `already held: ${result.entryPath} is the same` });
    return undefined;
  }
  if (outcome.status === 'exists') {
    report.skipped.push({ ...item, reason: `${result.entryPath} exists and differs; not overwritten (compare with npm run import -- ${relative(process.cwd(), file)} --dry-run)` });
    return undefined;
  }
  const read = result.data.kind === 'ofsted_letter' ? (result.data.inspections[0]?.type === 'focused_visit' ? 'focused-visit letter' : 'letter') : 'inspection report';
  return {
    ...item,
    entry: result.entryPath,
    file,
    needsReview: result.needsReview,
    ...(read === kind ? {} : { kindDisagrees: `the page lists it as ${withArticle(kind)}; the importer reads it as ${withArticle(read)}` }),
  };
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** The report as a person reads it: what was added, what was skipped and why, what failed and why. */
export function describeReport(report: UpdateReport, dryRun: boolean): string {
  const lines: string[] = [];
  const item = (i: UpdateItem) => `${i.authority}: "${i.description}" listed ${i.listedDate}`;
  if (dryRun) {
    lines.push(`would add (${report.wouldAdd.length}):`);
    for (const i of report.wouldAdd) lines.push(`  ${item(i)}, ${i.href}`);
  } else {
    lines.push(`added (${report.added.length}):`);
    for (const i of report.added) {
      lines.push(`  ${item(i)}: ${i.entry}${i.needsReview ? ' (needs review: see npm run check:content)' : ''}, from ${i.href}`);
      if (i.kindDisagrees) lines.push(`    check: ${i.kindDisagrees}`);
    }
  }
  lines.push(`skipped (${report.skipped.length}):`);
  for (const i of report.skipped) lines.push(`  ${item(i)}: ${i.reason}`);
  lines.push(`failed (${report.failed.length}):`);
  for (const f of report.failed) lines.push(`  ${f.authority}: ${f.what}, ${f.url}: ${f.message}`);
  const busy = new Set([...report.added, ...report.wouldAdd, ...report.skipped, ...report.failed].map((i) => i.authority));
  const quiet = report.checked.filter((c) => !busy.has(c.id)).length;
  lines.push(`${report.checked.length} authorities checked; ${quiet} with nothing listed since the newest document held${dryRun ? '; dry run: nothing downloaded or written' : ''}`);
  return lines.join('\n');
}
