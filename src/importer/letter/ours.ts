// The inspections this site already holds from the reports (content/documents/ofsted), to set
// beside the earlier inspection a letter states: where the two disagree, the letter's entry
// says so in a flag. Read once per process, from the repository's committed entries.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { datesCompatible, sortKey, type PartialDate } from '../../domain/dates.ts';
import type { Grade, JudgementKey } from '../../domain/vocabulary.ts';

export interface OurInspection {
  authority: string;
  start?: PartialDate;
  end?: PartialDate;
  published?: PartialDate;
  judgements: Partial<Record<JudgementKey, Grade>>;
  file: string;
}

const REPORTS = fileURLToPath(new URL('../../../content/documents/ofsted', import.meta.url));
let cache: OurInspection[] | undefined;

function listMarkdown(dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? listMarkdown(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [])).sort();
}

/** The subject inspection of every committed report entry, with its grades. */
export function ourInspections(): OurInspection[] {
  if (cache) return cache;
  cache = [];
  for (const file of listMarkdown(REPORTS)) {
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf('\n---', 4);
    if (!text.startsWith('---') || end < 0) continue;
    const data = parseYaml(text.slice(4, end)) as { inspections?: { authority: string; role: string; start?: string; end?: string; published?: string; judgements?: Record<string, { grade: Grade }> }[] };
    for (const inspection of data.inspections ?? []) {
      if (inspection.role !== 'subject') continue;
      cache.push({
        authority: inspection.authority,
        start: inspection.start,
        end: inspection.end,
        published: inspection.published,
        judgements: Object.fromEntries(Object.entries(inspection.judgements ?? {}).map(([k, j]) => [k, j.grade])) as OurInspection['judgements'],
        file: file.slice(file.indexOf('content/')),
      });
    }
  }
  return cache;
}

/** Where the letter's earlier inspection disagrees with ours: a message per disagreement, or one when we hold no inspection then. */
export function compareWithOurs(
  authority: string,
  date: PartialDate,
  judgements: readonly { key: JudgementKey; grade: Grade }[],
  ours: readonly OurInspection[] = ourInspections(),
): string[] {
  const held = ours.filter((o) => o.authority === authority);
  const same = held.filter((o) => [o.start, o.end, o.published].some((d) => d && datesCompatible(d, date)));
  if (same.length === 0) {
    const list = held
      .map((o) => o.start ?? o.published)
      .filter((d): d is string => !!d)
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    return [`The letter states an inspection in ${date}; this site holds no inspection report of the authority from then (its reports: ${list.join(', ') || 'none'}).`];
  }
  const messages: string[] = [];
  for (const { key, grade } of judgements) {
    const theirs = same.map((o) => o.judgements[key]).find(Boolean);
    if (theirs && theirs !== grade) {
      messages.push(`The letter says the ${key.replaceAll('_', ' ')} judgement of the inspection in ${date} was ${grade.replaceAll('_', ' ')}; the inspection report this site holds (${same[0]!.file}) gives ${theirs.replaceAll('_', ' ')}.`);
    }
  }
  return messages;
}
