// "What if" figures for the plan in docs/BENCHMARKS.md: the same site with two changes
// applied to the bench copy only (never to the repository's files, which other engineers
// own), so the plan rests on measurements:
// 1. the content check's body-safety rule parses with Sätteri's markdownToMdast instead
//    of remark-parse (same mdast node types and positions);
// 2. the content layer's data store written in chunks. (The incremental build this plan
//    also measured is now the site's own: src/lib/cache-keys.ts.)
// Each patch is applied only if the code still looks as it did when this was written; the
// result says which applied.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PlanPatch {
  name: string;
  applied: boolean;
}

function patch(file: string, edit: (text: string) => string | undefined): boolean {
  if (!existsSync(file)) return false;
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === undefined || after === before) return false;
  writeFileSync(file, after);
  return true;
}

export function applyPlan(siteDir: string): PlanPatch[] {
  const safety = patch(join(siteDir, 'src/domain/body-safety.ts'), (text) => {
    const parse = /const tree = parser\.parse\(body\) as Root;/;
    if (!parse.test(text)) return undefined;
    return `import { markdownToMdast } from 'satteri';\n${text.replace(parse, 'const tree = markdownToMdast(body, { features: { gfm: true } }) as unknown as Root;')}`;
  });

  // The data store written in chunks (Astro 7's experimental.collectionStorage): a single
  // data-store.json of 10,000 documents is one string over V8's length limit.
  const chunked = patch(join(siteDir, 'astro.config.mjs'), (text) =>
    text.includes("cacheDir: './.cache'")
      ? text.replace("cacheDir: './.cache'", "cacheDir: './.cache', experimental: { ...base.experimental, collectionStorage: 'chunked' }")
      : undefined,
  );
  return [
    { name: 'body-safety rule on Sätteri’s parser (src/domain/body-safety.ts)', applied: safety },
    { name: 'data store in chunks (astro.config.mjs, experimental.collectionStorage)', applied: chunked },
  ];
}
