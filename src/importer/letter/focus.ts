// What a focused visit looked at, in the letter's words, and the ILACS area of focus those
// words name. Mapped conservatively: an area only when the words name it and no other; words
// that name several areas, or none, are "other" with the reason.
import type { FocusArea } from '../../domain/vocabulary.ts';

/** The sentence saying what inspectors looked at ("Inspectors looked at the local authority’s arrangements for care leavers."). */
export const FOCUS_SENTENCE =
  /\b(?:inspectors|this visit|the visit|we) (?:looked at|considered|evaluated|reviewed|focused on|examined|inspected)\b|\bthis visit focused\b|\bfocused (?:on|upon)\b|\bthe focus of (?:this|the) visit was(?: on)?\b/i;
/** Sentences in the opening that say how, not what ("Inspectors looked at a range of evidence…"). */
const METHOD = /\b(?:a (?:broad |wide )?range of evidence|case (?:records|discussions)|evidence, including)\b/i;

/** The words of a focus sentence from its object on: "the local authority’s arrangements for care leavers". */
export function focusWords(sentence: string): string | undefined {
  if (!FOCUS_SENTENCE.test(sentence) || METHOD.test(sentence)) return undefined;
  const match = FOCUS_SENTENCE.exec(sentence)!;
  const words = sentence
    .slice(match.index + match[0].length)
    .trim()
    .replace(/[.:]$/, '')
    .replace(/^the following:?$/i, '')
    // "…, with a particular focus on:" introduces a list; the words stop before it.
    .replace(/,?\s*(?:with a (?:particular|specific) focus on(?: the)?|which included a specific focus on|focusing specifically on|in particular|specifically)$/i, '');
  return words.length >= 8 ? words : undefined;
}

/** The 2020–21 visits on the pandemic: Her Majesty's Chief Inspector's sentence names what they looked at. */
export const PANDEMIC_SENTENCE = /\bhow England[’']s social care system has delivered child-cent(?:red|ered) practice and care within the context of the restrictions placed on society during the COVID-19\b/i;

const AREAS: { area: Exclude<FocusArea, 'other' | 'pandemic_response'>; words: RegExp }[] = [
  { area: 'front_door', words: /front[- ]door|\breceiving referrals\b|first point of contact|contacts and referrals|multi-agency safeguarding hub|\bMASH\b|initial response to children/i },
  { area: 'older_children_in_care_placements', words: /placement decisions? for older children|decision-making (?:about|for) (?:the )?placements? (?:of|for) older children|older children in care|placement decision-making for older children/i },
  { area: 'care_leavers', words: /care leavers|leaving care|care-experienced young people|young people leaving care/i },
  { area: 'permanence', words: /permanence/i },
  { area: 'children_at_risk_outside_the_home', words: /extra-familial|exploitation|go(?:ing)? missing|risk outside (?:the|their) home|vulnerable adolescents|contextual safeguarding/i },
  { area: 'children_in_care', words: /children in care|young people in care|looked after|children (?:who come|coming) into care|children in the care of|placements? for children in care|decision-making for children who come into care/i },
  { area: 'children_in_need_and_child_protection', words: /children in need|child(?:ren)? (?:in need of|who need) help and protection|child protection|protection plans?|help and protection/i },
];

export interface FocusReading {
  area: FocusArea;
  reason?: string;
}

/** The area the focus words name; "other" (with the reason) for several or none. */
export function classifyFocus(words: string): FocusReading {
  const named = AREAS.filter((a) => a.words.test(words)).map((a) => a.area);
  // The front door is where referrals of children in need of help and protection arrive: its description names them.
  if (named.includes('front_door')) {
    const others = named.filter((a) => a !== 'front_door' && a !== 'children_in_need_and_child_protection');
    if (others.length === 0) return { area: 'front_door' };
  }
  // Permanence is planned for children in care; "children in care … permanence" is the permanence area.
  if (named.includes('permanence') && named.every((a) => a === 'permanence' || a === 'children_in_care')) return { area: 'permanence' };
  // Placements of older children in care name children in care too.
  if (named.includes('older_children_in_care_placements') && named.every((a) => a === 'older_children_in_care_placements' || a === 'children_in_care')) {
    return { area: 'older_children_in_care_placements' };
  }
  // Children in care who are about to leave it are named as part of the care leavers' service.
  if (named.length === 2 && named.includes('care_leavers') && named.includes('children_in_care') && /care leavers,? (?:including|and) (?:the preparation of )?(?:relevant )?children (?:in care|looked after) (?:for the transition|who are eligible)|(?:looked after|in care) who are eligible for care leaving/i.test(words)) {
    return { area: 'care_leavers' };
  }
  if (named.length === 1) return { area: named[0]! };
  if (named.length === 0) return { area: 'other', reason: 'the words name none of the ILACS areas of focus' };
  return { area: 'other', reason: `the words name more than one ILACS area of focus (${named.map((a) => a.replaceAll('_', ' ')).join('; ')})` };
}
