// Letters the importer does not model, recognised by their own wording and refused with the
// kind named: a monitoring visit to a council judged inadequate, a joint targeted area
// inspection, an assurance visit (autumn 2020), a local area SEND inspection. Nothing is
// written for them.

/** Each kind: what its opening says, and how the refusal names it. */
const KINDS: { kind: string; wording: RegExp }[] = [
  { kind: 'a monitoring visit letter (a council judged inadequate, visited until it is inspected again)', wording: /\bmonitoring visit (?:to|of)\b|\bfindings of (?:a|the) monitoring visit\b|^monitoring visit\b/im },
  { kind: 'a joint targeted area inspection (JTAI) letter', wording: /\b[Jj]oint [Tt]argeted [Aa]rea [Ii]nspection\b|\bJTAI\b/ },
  { kind: 'an assurance visit letter (autumn 2020)', wording: /\bassurance visit (?:to|of)\b|\bfindings of (?:an|the) assurance visit\b|^assurance visit\b/im },
  { kind: 'a local area SEND inspection letter', wording: /\b(?:joint )?(?:local )?area SEND inspection\b|\bspecial educational needs and\/or disabilit(?:y|ies) inspection\b/i },
];

const FOCUSED_VISIT = /\bfocused visit (?:to|of|on)\b|\bfindings of (?:a|the) focused visit\b|^focused visit\b/im;

/**
 * The kind of an Ofsted letter this importer does not model, from its first page's text, or
 * undefined for a focused-visit letter (or a document that is not a letter at all). A
 * focused-visit letter may mention an earlier monitoring visit; its own subject is what counts.
 */
export function unmodelledLetterKind(firstPage: readonly string[]): string | undefined {
  const text = firstPage.join('\n');
  if (!/^\s*Dear\b/m.test(text) && !/\bthis letter\b/i.test(text)) return undefined;
  const subject = letterSubject(firstPage);
  if (FOCUSED_VISIT.test(subject)) return undefined;
  return KINDS.find((k) => k.wording.test(subject))?.kind;
}

/** The letter's heading and its first sentences after "Dear …": what the letter is about. */
function letterSubject(firstPage: readonly string[]): string {
  const dear = firstPage.findIndex((t) => /^\s*Dear\b/.test(t));
  const from = dear >= 0 ? dear + 1 : 0;
  return firstPage.slice(from, from + 3).join('\n');
}
