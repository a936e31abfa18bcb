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

export function readImprovements(blocks: readonly Block[]): string[] {
  const start = blocks.findIndex((b) => b.type === 'heading' && START.some((r) => r.test(b.text.trim())));
  if (start < 0) return [];
  const items: string[] = [];
  for (const block of blocks.slice(start + 1)) {
    if (block.type === 'heading') {
      if (END.some((r) => r.test(block.text))) break;
      if (INSIDE.some((r) => r.test(block.text.trim()))) continue;
      if (items.length > 0 || !/need|improve/i.test(block.text)) break;
      continue;
    }
    if (block.type === 'list_item') {
      items.push(block.text.split('\n\n')[0]!.replace(/\s+/g, ' ').trim());
      continue;
    }
    // Short lines grouping the items ("Care leavers", "Immediately:", "Within three months:") stay inside.
    if (block.type === 'paragraph' && block.text.length <= 90 && !/[.;]$/.test(block.text.trim())) continue;
    if (items.length > 0) break;
  }
  return items.filter((i) => i.length > 0);
}
