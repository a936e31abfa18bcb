// The letters' corpus (../shared/corpus/ofsted-letters, with its manifest.csv), beside the
// reports' corpus: a file is looked up in the manifest of the corpus it lies in.
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_ROOT } from '../manifest.ts';

export const LETTERS_ROOT = fileURLToPath(new URL('../../../../shared/corpus/ofsted-letters', import.meta.url));

function inside(root: string, path: string): boolean {
  const rel = relative(root, resolve(path));
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
}

/** The corpus folder whose manifest describes this file or folder: the letters' when it lies in theirs, else the reports'. */
export function corpusRootFor(path: string): string {
  return inside(LETTERS_ROOT, path) ? LETTERS_ROOT : CORPUS_ROOT;
}
