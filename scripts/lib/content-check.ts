// The content check the build runs (astro.config.mjs) and `npm run check:content` prints.
import { checkEntries, type ContentEntry, type ContentProblem } from '../../src/domain/checks.ts';
import { readAuthorities, readDocuments, ROOT } from './entries.ts';

/**
 * The problems of every entry, and the entries that parsed (the build hands them on to the
 * search index). `cacheFile`: see readDocuments.
 */
export function checkContent(root = ROOT, cacheFile?: string): { problems: ContentProblem[]; entries: ContentEntry[] } {
  const { entries, problems } = readDocuments(root, cacheFile);
  return { problems: [...problems, ...checkEntries(entries, readAuthorities(root))], entries };
}

export function runContentCheck(root = ROOT): ContentProblem[] {
  return checkContent(root).problems;
}
