// "What needs to improve" (ILACS reports and letters), "What does the local authority need
// to improve?" (SIF) and "Areas for improvement" (pre-2013): the items listed under the
// heading, as the report words them.
import type { Block } from './types.ts';

const START = [
  /^what needs to improve\b/i,
  /^what (does|do) the local authority (need|needs) to improve\b/i,
  /^areas? for (improvement|development)$/i,
  /^recommendations$/i,
];
/** Sub-headings that stay inside the section (SIF's "Priority and immediate action" / "Areas for improvement"; pre-2013 timescales). */
const INSIDE = [/^priority and immediate action/i, /^areas? for improvement/i, /^immediately/i, /^within (three|six|\w+) months/i, /^recommendations/i];
/** The LSCB's own recommendations end the authority's list. */
const END = [/safeguarding children board/i, /\blscb\b/i];

/** A sentence that introduces the list rather than being an improvement ("…, the local authority should take the following action.", "The local authority should:"). */
export const LEAD_IN = /\bthe following(?: actions?| areas?| recommendations?| steps)?[.:]$|\b(?:should|must)\s*:$/i;
/** A section heading that is a judgement ("The experiences and progress of children who need help and protection: outstanding"): never part of the list. */
const JUDGEMENT_HEADING = /^(the )?(experiences and progress|impact of leaders|overall effectiveness)\b|:\s*(outstanding|good|requires improvement|inadequate|adequate)\b/i;

/** A line of a contents page: a title ending in its page number ("Leadership, management and governance 25"). */
const CONTENTS_ENTRY = /\S\s+\d{1,3}$/;

export function readImprovements(blocks: readonly Block[]): string[] {
  // The first section so headed that is not an entry of the contents page (SIF reports list "Recommendations" there too).
  for (const [start, block] of blocks.entries()) {
    if (block.type !== 'heading' || !START.some((r) => r.test(block.text.trim()))) continue;
    if (inContents(blocks, start)) continue;
    const items = readSection(blocks, start);
    if (!items.every((i) => CONTENTS_ENTRY.test(i))) return items;
  }
  return [];
}

/** True when the heading stands in a contents page: only entries (unnumbered list items, short lines) between it and "Contents". */
function inContents(blocks: readonly Block[], index: number): boolean {
  for (let j = index - 1; j >= 0 && index - j <= 60; j--) {
    const before = blocks[j]!;
    if ((before.type === 'heading' || before.type === 'paragraph') && /^(table of )?contents$/i.test(before.text.trim())) return true;
    // Entries are short, unnumbered and on the heading's page (a real section's bullets are not).
    const isEntry = ((before.type === 'list_item' && !before.ordered) || before.type === 'heading' || before.type === 'paragraph') && before.text.length <= 90;
    if (!isEntry || before.page !== blocks[index]!.page) return false;
  }
  return false;
}

function readSection(blocks: readonly Block[], start: number): string[] {
  const items: string[] = [];
  /** Running paragraphs before any list: the improvements when the section is written as prose (no list follows). */
  const prose: string[] = [];
  let leadIn: { ordered: boolean } | undefined;
  for (const block of blocks.slice(start + 1)) {
    if (block.type === 'heading') {
      if (END.some((r) => r.test(block.text))) break;
      if (JUDGEMENT_HEADING.test(block.text.trim())) break;
      if (INSIDE.some((r) => r.test(block.text.trim()))) continue;
      if (items.length > 0 || prose.length > 0 || !/need|improve/i.test(block.text)) break;
      continue;
    }
    if (block.type === 'list_item') {
      const text = improvementText(block.text);
      // A lead-in ("…, the local authority should take the following action.") introduces the points; it is not one.
      if (LEAD_IN.test(text) && !text.endsWith(':')) continue;
      // The points under a lead-in ("… by:") are its own: a bulleted list under a numbered
      // item, or items that start in lower case.
      if (leadIn && (block.ordered !== leadIn.ordered || /^\p{Ll}/u.test(text))) {
        items[items.length - 1] += `${items.at(-1)!.endsWith(':') ? ' ' : '; '}${text}`;
        continue;
      }
      items.push(text);
      leadIn = text.endsWith(':') ? { ordered: block.ordered } : undefined;
      continue;
    }
    // Short lines grouping the items ("Care leavers", "Immediately:", "Within three months:") stay inside.
    if (block.type === 'paragraph' && block.text.length <= 90 && !/[.;]$/.test(block.text.trim())) continue;
    if (items.length > 0) break;
    if (block.type === 'paragraph') prose.push(block.text.replace(/\s+/g, ' ').trim());
  }
  if (items.length === 0) return prose.filter((p) => p.length > 0 && !LEAD_IN.test(p));
  return items.filter((i) => i.length > 0);
}

/**
 * An item's first paragraph; an item that ends "…, including:" keeps the points under it
 * (its further paragraphs, their dash bullets dropped), joined with semicolons.
 */
function improvementText(text: string): string {
  const [first, ...rest] = text.split('\n\n').map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (!first || !first.endsWith(':') || rest.length === 0) return first ?? '';
  return `${first} ${rest.map((p) => p.replace(/^[−–•◼▪-]\s*/u, '')).join('; ')}`;
}
