// The content check the build runs (astro.config.mjs) and `npm run check:content` prints.
import { checkEntries, type ContentProblem } from '../../src/domain/checks.ts';
import { readAuthorities, readDocuments, ROOT } from './entries.ts';

export function runContentCheck(root = ROOT): ContentProblem[] {
  const { entries, problems } = readDocuments(root);
  return [...problems, ...checkEntries(entries, readAuthorities(root))];
}
