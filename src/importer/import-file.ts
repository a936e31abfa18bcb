// One file of any kind → an imported document: PDFs through the report reader, text files
// (council reports, letters as text) through the draft reader. Errors are ImportErrors.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { gssCodeOn } from '../domain/derive.ts';
import type { AuthorityData } from '../schemas/authority.ts';
import { manifestRowFor, type Manifest } from './manifest.ts';
import { importPdf, type ImportedDocument } from './report.ts';
import { importText } from './text.ts';
import { ImportError } from './types.ts';

export interface FileContext {
  authorities: readonly AuthorityData[];
  manifest?: Manifest;
  authorityOverride?: string;
  date?: string;
}

export async function importFile(path: string, context: FileContext): Promise<ImportedDocument> {
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory()) throw new ImportError('is a folder');
    bytes = new Uint8Array(readFileSync(path));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.txt' || ext === '.md') {
    return importText(new TextDecoder('utf-8').decode(bytes), path, { authorities: context.authorities, authorityOverride: context.authorityOverride });
  }
  return importPdf(bytes, {
    authorities: context.authorities,
    manifestRow: manifestRowFor(context.manifest, path),
    authorityOverride: context.authorityOverride,
    date: context.date,
  });
}

/** The --json shape: the document's authority, kind and inspections with their grades. */
export function toJson(result: ImportedDocument, authorities: readonly AuthorityData[]) {
  const { data } = result;
  const authority = authorities.find((a) => a.id === data.authority);
  // The code in operation at the document's date, else the authority's newest.
  const code = authority ? (gssCodeOn(authority, data.date) ?? authority.gss_codes.at(-1)?.code ?? null) : null;
  return {
    authority: { id: data.authority, name: authority?.name ?? data.authority, gss_code: code },
    kind: data.kind,
    inspections: data.inspections.map((i) => ({
      authority_id: i.authority,
      role: i.role,
      framework: i.framework,
      inspection_type: i.type,
      inspection_start: i.start ?? null,
      inspection_end: i.end ?? null,
      published: i.published ?? null,
      judgements: Object.fromEntries(Object.entries(i.judgements).map(([k, j]) => [k, j!.grade])),
      // A focused-visit letter: what it records, each value with its quote, and what needs to improve.
      ...(i.visit ? { visit: i.visit, improvements: i.improvements } : {}),
    })),
    ...(data.kind === 'ofsted_letter' ? { title: data.title, flags: data.flags } : {}),
  };
}
