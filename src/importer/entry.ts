// Writing an entry: YAML frontmatter (strings quoted, so no date is read as a timestamp)
// and the Markdown body; written through a temporary file in the same directory and a
// rename, so an interrupted import never leaves half a file. An existing entry is only
// replaced when asked, and then the change is shown first as a unified diff.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import type { DocumentData } from '../schemas/document.ts';

export function serialiseEntry(data: DocumentData, body: string): string {
  const frontmatter = stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return `---\n${frontmatter}---\n${body.endsWith('\n') ? body : `${body}\n`}`;
}

export type WriteOutcome =
  | { status: 'written'; path: string }
  | { status: 'unchanged'; path: string }
  | { status: 'replaced'; path: string; diff: string }
  | { status: 'exists'; path: string };

/** The unified diff between what is on disk and what would be written (empty when they are the same). */
export function entryDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(path, path, before, after, 'committed', 'import', { context: 2 });
}

/**
 * Write through a temporary file in the same directory, then rename over the entry: the
 * rename is atomic, so a reader (or a crash) sees the old file or the new one, never half.
 * The write is synchronous, so the CLI's Ctrl-C handler only runs between two writes.
 */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Write an entry unless one exists; with force an existing entry is replaced, and the
 * unified diff of what changes is handed to `showDiff` before the file is touched.
 */
export function writeEntry(path: string, text: string, force: boolean, showDiff?: (diff: string) => void): WriteOutcome {
  if (existsSync(path)) {
    const before = readFileSync(path, 'utf8');
    if (before === text) return { status: 'unchanged', path };
    if (!force) return { status: 'exists', path };
    const diff = entryDiff(path, before, text);
    showDiff?.(diff);
    writeFileAtomic(path, text);
    return { status: 'replaced', path, diff };
  }
  writeFileAtomic(path, text);
  return { status: 'written', path };
}
