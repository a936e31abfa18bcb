// Reads content/ the way the site does, for tools that run outside Astro (the content
// check, the importer, the tests): same schemas, same messages (file, field, reason).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { authoritySchema, type AuthorityData } from '../schemas/authority.ts';
import { documentSchema } from '../schemas/document.ts';
import type { ContentEntry, ContentProblem } from '../domain/checks.ts';
import type { DocumentData } from '../schemas/document.ts';
import { serialiseEntry } from '../importer/entry.ts';
import { splitFrontmatter } from './document-body.ts';

export const ROOT = new URL('../..', import.meta.url).pathname;

/** Zod issue path as a field name, written as Astro's own errors write it: inspections.0.judgements.care_leavers.grade */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(frontmatter)';
}

/** Files under a folder (none if it is missing) whose names end with `suffix`, sorted. */
function listFiles(dir: string, suffix = ''): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), suffix) : e.name.endsWith(suffix) ? [join(dir, e.name)] : []))
    .sort();
}

export function parseEntry(file: string, text: string): { entry?: ContentEntry; problems: ContentProblem[] } {
  const split = splitFrontmatter(text);
  if (!split) return { problems: [{ severity: 'error', file, field: '(frontmatter)', message: 'no YAML frontmatter between --- lines' }] };
  let raw: unknown;
  try {
    // Parse as Astro does (YAML 1.1: an unquoted 2018-06-13 becomes a timestamp), so
    // this check and the build reject the same entries; dates must be quoted strings.
    raw = parseYaml(split.frontmatter, { schema: 'yaml-1.1' });
  } catch (error) {
    return { problems: [{ severity: 'error', file, field: '(frontmatter)', message: `invalid YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const result = documentSchema().safeParse(raw);
  if (!result.success) {
    return {
      problems: result.error.issues.map((issue) => ({ severity: 'error' as const, file, field: fieldName(issue.path), message: issue.message })),
    };
  }
  return { entry: { file, data: result.data, body: split.body }, problems: [] };
}

/** Every document entry under content/documents, and the problems of those that do not parse. */
export function readDocuments(root = ROOT): { entries: ContentEntry[]; problems: ContentProblem[] } {
  const entries: ContentEntry[] = [];
  const problems: ContentProblem[] = [];
  for (const file of documentFiles(root)) {
    const parsed = parseEntry(file, readFileSync(join(root, file), 'utf8'));
    if (parsed.entry) entries.push(parsed.entry);
    problems.push(...parsed.problems);
  }
  return { entries, problems };
}

/** The document entries' files, from the repository root (content/documents/…/x.md), sorted. */
export function documentFiles(root = ROOT): string[] {
  return listFiles(join(root, 'content/documents'), '.md').map((path) => relative(root, path));
}

export function readAuthorities(root = ROOT): AuthorityData[] {
  const raw: unknown = JSON.parse(readFileSync(join(root, 'content/authorities.json'), 'utf8'));
  return z.array(authoritySchema()).parse(raw);
}

/**
 * An entry's text, written exactly as the importer writes it (strings quoted, so dates
 * stay strings). Takes frontmatter not yet validated (tools and tests write such), which
 * the reader then checks like any other entry.
 */
export function formatEntry(data: unknown, body: string): string {
  return serialiseEntry(data as DocumentData, body);
}
