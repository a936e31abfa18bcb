// The corpus manifest (../shared/corpus/ofsted-reports/manifest.csv): for each PDF, the
// authority's Ofsted URN, the date Ofsted's site lists and the report's address.
import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** The corpus sits at ../shared beside the repository, on every machine and in CI. */
export const CORPUS_ROOT = fileURLToPath(new URL('../../../shared/corpus/ofsted-reports', import.meta.url));

export interface ManifestRow {
  urn: string;
  local_authority: string;
  /** Path inside the corpus folder: "<urn>-<name>/<listed-date>.pdf". */
  file: string;
  listed_date: string;
  /** The reports' manifest: the file's address on Ofsted's file server (the letters' manifest has none). */
  source_url: string;
  /** The letters' manifest: what Ofsted's site calls the document ("focused visit"). */
  kind?: string;
}

export interface Manifest {
  root: string;
  rows: ManifestRow[];
  byFile: Map<string, ManifestRow>;
}

export function readManifest(corpusRoot: string): Manifest | undefined {
  let text: string;
  try {
    text = readFileSync(resolve(corpusRoot, 'manifest.csv'), 'utf8');
  } catch {
    return undefined;
  }
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as ManifestRow[];
  return { root: resolve(corpusRoot), rows, byFile: new Map(rows.map((r) => [r.file, r])) };
}

/** The manifest row of a file: by its place in the corpus folder, or by its "<urn>-<name>/<date>.pdf" tail elsewhere. */
export function manifestRowFor(manifest: Manifest | undefined, file: string): ManifestRow | undefined {
  if (!manifest) return undefined;
  const absolute = resolve(file);
  const inside = relative(manifest.root, absolute);
  if (!inside.startsWith('..') && !inside.startsWith(sep)) {
    const row = manifest.byFile.get(inside.split(sep).join('/'));
    if (row) return row;
  }
  return manifest.byFile.get(`${basename(dirname(absolute))}/${basename(absolute)}`);
}
