// The areas for priority action a letter sets: the list under its "Areas for priority action"
// heading, or none. Read with care:
// - "There are no priority actions following this focused visit" (or "no additional priority
//   actions") is the letter saying it sets none: that sentence is the evidence, never an action;
// - "In addition to the existing areas for priority action…", "The areas for priority action
//   set at the last focused visit … remain": actions an earlier visit set, recalled, not this
//   letter's (kept apart as `earlier`);
// - a heading with nothing readable under it, or a letter that tells the Department for
//   Education of areas for priority action it does not list, cannot be read: the reader says
//   so, and the letter is refused rather than recorded as setting none.
import type { Block } from '../types.ts';
import { blockText, sentencesOf } from './text.ts';

export interface PriorityActionsReading {
  areas: string[];
  evidence?: string;
  earlier?: string;
  /** Why the letter's priority actions cannot be read; set only when the reading is not to be trusted. */
  unreadable?: string;
}

const HEADING = /^areas? for priority action:?$/i;
/** "There are no priority actions", "There are no additional priority actions", "No areas for priority action were identified". */
export const NONE = /\b(?:there (?:are|were) no (?:additional |further |new )?(?:areas? for )?priority actions?|no (?:additional |further |new )?(?:areas? for )?priority actions? (?:were|was|have been|has been) (?:identified|set|made))\b/i;
/** A sentence about priority actions an earlier visit set. */
export const EARLIER =
  /\b(?:existing|previous|earlier|last|prior)\b[^.]*\bpriority actions?\b|\bpriority actions?\b[^.]*\b(?:set|identified|made|raised) (?:at|by|during|following|in|after) (?:the |a )?(?:last|previous|earlier|prior|subsequent)\b|\bpriority actions?\b[^.]*\b(?:remain|not (?:been )?(?:sufficiently )?(?:addressed|resolved))\b|\b(?:previous|last) focused visit\b[^.]*\bpriority action/i;
/** "Inspectors made areas for priority action following …" in a paragraph about an earlier visit: the sentence before dates that visit. */
const MADE_BEFORE = /^Inspectors (?:made|identified|set) (?:\w+ )?areas? for priority action\b/i;
/** The letter tells the DfE of the areas it sets. */
const NOTIFIED = /\bnotified the (?:Department for Education|DfE) of the areas?(?:\(s\))? for priority action\b/i;

export function readPriorityActions(blocks: readonly Block[]): PriorityActionsReading {
  const texts = blocks.flatMap((b) => (b.type === 'paragraph' || b.type === 'list_item' ? [blockText(b)] : []));
  const allSentences = texts.flatMap(sentencesOf);
  const earlier = allSentences.find(
    (s, i) => /priority action/i.test(s) && !NONE.test(s) && (EARLIER.test(s) || (MADE_BEFORE.test(s) && /\b(?:previous|last|earlier) (?:focused )?visit\b/i.test(allSentences[i - 1] ?? ''))),
  );
  const notified = allSentences.some((s) => NOTIFIED.test(s));

  const at = blocks.findIndex((b) => b.type === 'heading' && HEADING.test(blockText(b)));
  if (at >= 0) {
    const areas: string[] = [];
    let leadIn: string | undefined;
    let none: string | undefined;
    const prose: string[] = [];
    for (const block of blocks.slice(at + 1)) {
      if (block.type === 'heading') break;
      if (block.type === 'table') continue;
      const text = blockText(block);
      if (block.type === 'list_item') {
        areas.push(text.replace(/[;]$/, ''));
        continue;
      }
      if (areas.length > 0) break;
      const noneSentence = sentencesOf(text).find((s) => NONE.test(s));
      if (noneSentence) none = noneSentence;
      else if (/:$/.test(text)) leadIn = text;
      else prose.push(text);
    }
    if (areas.length > 0) return { areas, evidence: leadIn ?? blockText(blocks[at]!), ...(earlier ? { earlier } : {}) };
    if (none) return { areas: [], evidence: none, ...(earlier ? { earlier } : {}) };
    return {
      areas: [],
      ...(earlier ? { earlier } : {}),
      unreadable:
        prose.length > 0
          ? `the "Areas for priority action" section has no list and does not say there are none ("${prose[0]!.slice(0, 120)}")`
          : 'the "Areas for priority action" heading has nothing under it',
    };
  }
  const none = allSentences.find((s) => NONE.test(s));
  if (none) return { areas: [], evidence: none, ...(earlier ? { earlier } : {}) };
  if (notified) return { areas: [], unreadable: 'the letter notifies the Department for Education of areas for priority action but lists none under an "Areas for priority action" heading' };
  return { areas: [], ...(earlier ? { earlier } : {}) };
}
