// Content checks beyond the schema: things that need the body, the authorities or
// other entries. Pure: the build (astro.config.mjs) and `npm run check:content` both
// call it on entries read by scripts/lib/entries.ts.
import type { DocumentData } from '../schemas/document.ts';
import type { AuthorityData } from '../schemas/authority.ts';
import { quoteInBody } from './evidence.ts';
import { isCertainlyBefore } from './dates.ts';
import { unsafeMarkup } from './body-safety.ts';

export interface ContentEntry {
  /** Path from the repository root, e.g. content/documents/seeds/000-north-tyneside-cabinet-2017.md */
  file: string;
  data: DocumentData;
  body: string;
}

export interface ContentProblem {
  severity: 'error' | 'warning';
  file: string;
  field: string;
  message: string;
}

export function checkEntries(entries: readonly ContentEntry[], authorities: readonly AuthorityData[]): ContentProblem[] {
  const known = new Set(authorities.map((a) => a.id));
  const problems: ContentProblem[] = [];
  for (const { file, data, body } of entries) {
    const error = (field: string, message: string) => problems.push({ severity: 'error', file, field, message });
    const warning = (field: string, message: string) => problems.push({ severity: 'warning', file, field, message });
    for (const problem of unsafeMarkup(body)) error(`body${problem.line ? ` line ${problem.line}` : ''}`, problem.message);
    if (!known.has(data.authority)) error('authority', `unknown authority "${data.authority}" (see content/authorities.json)`);
    data.inspections.forEach((inspection, i) => {
      const at = `inspections.${i}`;
      if (!known.has(inspection.authority)) {
        error(`${at}.authority`, `unknown authority "${inspection.authority}" (see content/authorities.json)`);
      }
      for (const [key, judgement] of Object.entries(inspection.judgements)) {
        if (judgement && !quoteInBody(judgement.evidence, body)) {
          error(`${at}.judgements.${key}.evidence`, `quote not found in the body: "${judgement.evidence}"`);
        }
      }
      if (inspection.published && inspection.end && isCertainlyBefore(inspection.published, inspection.end)) {
        warning(`${at}.published`, `published ${inspection.published} before the inspection ended ${inspection.end}`);
      }
      if (inspection.role === 'subject' && inspection.end && isCertainlyBefore(data.date, inspection.end)) {
        warning('date', `document dated ${data.date}, before the inspection it reports ended (${inspection.end})`);
      }
    });
  }
  return problems;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}
