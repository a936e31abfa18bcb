// Content checks beyond the schema: things that need the body, the authorities or
// other entries. Pure: the build (astro.config.mjs) and `npm run check:content` both
// call it on entries read by scripts/lib/entries.ts.
import type { DocumentData, VisitData } from '../schemas/document.ts';
import type { AuthorityData } from '../schemas/authority.ts';
import { normaliseWhitespace, quoteInNormalisedBody } from './evidence.ts';
import { formatDate, isCertainlyBefore } from './dates.ts';
import { unsafeMarkup } from './body-safety.ts';
import { codeInOperation } from './authorities.ts';
import { parseDateRange } from './report-dates.ts';
import { allDisagreements, flattenDocuments, groupInspections } from './derive.ts';

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

/** "Inspection dates: 7 to 18 November 2022" as an Ofsted report's body states it. */
const BODY_INSPECTION_DATES = /^\W*Inspection dates?:\s*(.+?)\W*$/im;

/** Every problem of the entries: each entry's own (checkEntry) and those across entries. */
export function checkEntries(entries: readonly ContentEntry[], authorities: readonly AuthorityData[]): ContentProblem[] {
  const byId = authoritiesById(authorities);
  return [...entries.flatMap((entry) => checkEntry(entry, byId)), ...checkAcrossEntries(entries)];
}

export function authoritiesById(authorities: readonly AuthorityData[]): ReadonlyMap<string, AuthorityData> {
  return new Map(authorities.map((a) => [a.id, a]));
}

/**
 * The problems of one entry, which depend on nothing but its file and the authorities: so a
 * build may keep them for as long as both are unchanged (scripts/lib/content-check.ts).
 */
export function checkEntry({ file, data, body }: ContentEntry, byId: ReadonlyMap<string, AuthorityData>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const error = (field: string, message: string) => problems.push({ severity: 'error', file, field, message });
  const warning = (field: string, message: string) => problems.push({ severity: 'warning', file, field, message });
  for (const problem of unsafeMarkup(body)) error(`body${problem.line ? ` line ${problem.line}` : ''}`, problem.message);
  let normalisedBody: string | undefined;
  if (!byId.has(data.authority)) error('authority', `unknown authority "${data.authority}" (see content/authorities.json)`);
  data.inspections.forEach((inspection, i) => {
    const at = `inspections.${i}`;
    if (!byId.has(inspection.authority)) {
      error(`${at}.authority`, `unknown authority "${inspection.authority}" (see content/authorities.json)`);
    }
    for (const [key, judgement] of Object.entries(inspection.judgements)) {
      if (judgement && !quoteInNormalisedBody(judgement.evidence, (normalisedBody ??= normaliseWhitespace(body)))) {
        error(`${at}.judgements.${key}.evidence`, `quote not found in the body: "${judgement.evidence}"`);
      }
    }
    for (const [field, quote] of visitQuotes(inspection.visit)) {
      if (!quoteInNormalisedBody(quote, (normalisedBody ??= normaliseWhitespace(body)))) {
        error(`${at}.visit.${field}`, `quote not found in the body: "${quote}"`);
      }
    }
    const authority = byId.get(inspection.authority);
    const date = inspection.start ?? inspection.end ?? inspection.published;
    if (authority && date && !codeInOperation(authority, date)) {
      const codes = authority.gss_codes.map((c) => `${c.code} ${c.from ?? '…'} to ${c.to ?? 'now'}`).join(', ');
      error(`${at}.authority`, `${authority.name} had no GSS code in operation on ${date} (${codes}): a predecessor or successor may be meant`);
    }
    if (inspection.published && inspection.end && isCertainlyBefore(inspection.published, inspection.end)) {
      warning(`${at}.published`, `published ${inspection.published} before the inspection ended ${inspection.end}`);
    }
    if (inspection.role === 'subject' && inspection.end && isCertainlyBefore(data.date, inspection.end)) {
      warning('date', `document dated ${data.date}, before the inspection it reports ended (${inspection.end})`);
    }
  });
  const stated = BODY_INSPECTION_DATES.exec(body);
  const subject = data.inspections.findIndex((inspection) => inspection.role === 'subject');
  const range = stated ? parseDateRange(stated[1]!) : undefined;
  if (range && subject >= 0) {
    const { start, end } = data.inspections[subject]!;
    if ((start && start !== range.start) || (end && end !== range.end)) {
      warning(
        `inspections.${subject}.start`,
        `the body says "Inspection dates: ${stated![1]}" (${formatDate(range.start)} to ${formatDate(range.end)}), the frontmatter ${start ?? '?'} to ${end ?? '?'}`,
      );
    }
  }
  return problems;
}

/** Every quote a focused visit's record holds, with its field: each must be in the body, like a grade's evidence. */
function visitQuotes(visit: VisitData | undefined): [string, string][] {
  if (!visit) return [];
  return [
    ['dates_evidence', visit.dates_evidence],
    ...(visit.letter_date ? [['letter_date.evidence', visit.letter_date.evidence] as [string, string]] : []),
    ...(visit.inspectors_evidence ? [['inspectors_evidence', visit.inspectors_evidence] as [string, string]] : []),
    ['focus.words', visit.focus.words],
    ...visit.priority_actions.areas.map((area, i): [string, string] => [`priority_actions.areas.${i}`, area]),
    ...(visit.priority_actions.evidence ? [['priority_actions.evidence', visit.priority_actions.evidence] as [string, string]] : []),
    ...(visit.priority_actions.earlier ? [['priority_actions.earlier', visit.priority_actions.earlier] as [string, string]] : []),
    ...(visit.summary ? [['summary', visit.summary] as [string, string]] : []),
  ];
}

/** Two entries giving different grades for one inspection (an Ofsted report and a council report, or the same report twice). */
export function checkAcrossEntries(entries: readonly Pick<ContentEntry, 'file' | 'data'>[]): ContentProblem[] {
  const fileOf = new Map(entries.map((e) => [documentId(e.file), e.file]));
  const records = flattenDocuments(entries.map((e) => ({ id: documentId(e.file), data: e.data })));
  return allDisagreements(groupInspections(records)).flatMap((d) =>
    d.sources.map(({ record }) => ({
      severity: 'warning' as const,
      file: fileOf.get(record.documentId) ?? record.documentId,
      field: `inspections.${record.index}.judgements.${d.key}.grade`,
      message: `sources disagree on ${d.key} for this inspection: ${d.sources.map((o) => `${o.judgement.grade} in ${o.record.documentId}`).join(', ')}`,
    })),
  );
}

function documentId(file: string): string {
  return file.replace(/^content\/documents\//, '').replace(/\.md$/, '');
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}
