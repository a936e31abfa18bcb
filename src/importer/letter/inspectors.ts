// The inspectors a letter names, and the lead when the letter says who led. The sentence
// varies over the years:
//   "The inspectors were Jan Edwards, Her Majesty’s Inspector, and Graham Reiter, Her Majesty’s Inspector."
//   "The inspectors were John Roughton, HMI, and Andy Waugh, HMI." / "… Margaret Burke HMI and Nigel Parkes HMI."
//   "The inspectors were Nigel Parkes and Steve Lowe, Her Majesty’s Inspectors."
//   "The visit was carried out by Her Majesty’s Inspectors Caroline Walsh, Michele Costello and Jan Edwards."
//   "… carried out by Nick Stacey, Tracey Scott and Lee Selby, all of whom are Her Majesty’s Inspectors (HMI)."
//   "His Majesty’s Inspectors for this visit were Tracey Ledder and Joy Howick."
//   "His Majesty’s Inspectors for this visit were lead inspector Sophie Wales and team inspectors Sally Sinclair and Mark Scanlon."
//   "… were Brenda McLaughlin, lead inspector, Tracey Ledder, team inspector and Nhlanganiso Nyathi, who observed the visit."
// Someone who only observed or shadowed the visit is not one of its inspectors. A name is
// never guessed: when one part of the list does not read as a name, no inspectors are recorded.

export interface ReadInspectors {
  inspectors: { name: string; lead: boolean }[];
  /** The sentence that names them. */
  sentence: string;
  /** People the sentence names who did not inspect (observers, shadows). */
  observers: string[];
}

/** The list's opening: what comes before the names. */
const INTRO =
  /(?:\b(?:the )?inspectors (?:for this visit )?were|\bHer|\bHis)?(?:\s*(?:Her|His) Majesty[’']s (?:inspectors|Inspectors)(?: \(HMI\))?(?: for (?:this|the) visit)? were\b)|\b(?:the )?inspectors (?:for (?:this|the) visit )?were\b|\b(?:carried out|conducted|undertaken) by\b(?:\s*(?:Her|His) Majesty[’']s Inspectors?,?)?|\bvisit was (?:led|carried out) by\b/i;

const ROLE = /^(?:(?:Her|His) Majesty[’']s Inspectors?(?: \((?:HMI|designate|Designate)\))?|HMIs?|Senior HMI|(?:all|both|two|three|four|five) of (?:whom are )?(?:Her|His) Majesty[’']s Inspectors(?: \(HMI\))?|all of whom are (?:Her|His) Majesty[’']s Inspectors(?: \(HMI\))?|(?:two|three|four|five) of (?:Her|His) Majesty[’']s [Ii]nspectors|team inspectors?|lead inspector)$/;

const WORD = String.raw`(?:\p{Lu}[\p{Ll}’']*(?:-\p{L}[\p{Ll}’']*)*|Mc\p{Lu}\p{Ll}+|Mac\p{Lu}\p{Ll}+|O[’']\p{Lu}\p{Ll}+)`;
const NAME = new RegExp(String.raw`^(?:${WORD}|de|van|von|la|le)(?: (?:${WORD}|\p{Lu}\.?|de|van|von|la|le|du)){1,3}$`, 'u');

export function readInspectors(sentence: string): ReadInspectors | undefined {
  const intro = INTRO.exec(sentence);
  if (!intro) return undefined;
  let list = sentence.slice(intro.index + intro[0].length).trim().replace(/[.]$/, '');
  // Everything after the list proper: "… and Jan Edwards, Her Majesty's Inspectors." ends it.
  list = list.replace(/^(?:Her|His) Majesty[’']s Inspectors \(HMIs?\)(?: Social Care)?,?\s*/i, '').replace(/\s*\((?:HMI)\)/g, ' HMI').replace(/,?\s*(?:all|both) of whom are (?:Her|His) Majesty[’']s Inspectors(?: HMI)?/gi, '');
  list = list.replace(/,?\s*(?:two|three|four|five) of (?:Her|His) Majesty[’']s [Ii]nspectors/g, '');
  const observers: string[] = [];
  const inspectors: { name: string; lead: boolean }[] = [];
  // Split at commas and "and"; role words attach to the name before them ("Jan Edwards, HMI").
  const parts = list
    .split(/,\s*(?:and\s+)?|\s+and\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  let pendingLead = false;
  for (const raw of parts) {
    // "Stephen Lee, Senior HMI" quality-assures; "Jane Spilsbury, HMI Schools" inspects schools; "as a supernumerary inspector": words about the name before.
    if (/^(?:(?:Her|His) Majesty[’']s Inspectors(?: \(?HMI\)?)? Social Care|Senior (?:HMI|Her Majesty[’']s Inspector)|HMI Schools|(?:HMI )?Social Care|Ofsted Inspector|both (?:Her|His) Majesty[’']s Inspectors|HMI \(?designate\)?|(?:Her|His) Majesty[’']s Inspector \((?:designate|Designate)\)|as an? (?:supernumerary|shadow(?:ing)?) inspector)$/i.test(raw)) continue;
    let part = raw.replace(/\s+\((?:HMI )?designate\)$/i, '').replace(/\s+HMI(?: designate)?$/i, '').replace(/\s+(?:Her|His) Majesty[’']s Inspectors?(?: \(Designate\))?$/i, '');
    if (ROLE.test(part)) {
      if (/^lead inspector$/i.test(part) && inspectors.length > 0) inspectors.at(-1)!.lead = true;
      continue;
    }
    // "…, Nhlanganiso Nyathi, who observed the visit": the name before did not inspect.
    if (/^who (?:observed|shadowed)\b/i.test(part)) {
      const observer = inspectors.pop();
      if (!observer) return undefined;
      observers.push(observer.name);
      continue;
    }
    const leadFirst = /^lead inspector\s+(.+)$/i.exec(part);
    if (leadFirst) {
      part = leadFirst[1]!;
      pendingLead = true;
    }
    part = part
      .replace(/^team inspectors?\s+/i, '')
      .replace(/^(?:Her|His) Majesty[’']s Inspectors?(?: \(HMIs?\))?,?\s+/i, '')
      .replace(/^HMI\s+/, '')
      .replace(/^with\s+/, '')
      // A name broken at its hyphen over two lines ("Paula Thomson- Jones").
      .replace(/(\p{Ll})- (\p{Lu})/gu, '$1-$2');
    if (!NAME.test(part)) return undefined;
    inspectors.push({ name: part, lead: pendingLead });
    pendingLead = false;
  }
  if (inspectors.length === 0) return undefined;
  return { inspectors, sentence, observers };
}

/**
 * The name the letter is signed with: the paragraph before the closing "His/Her Majesty’s
 * Inspector" (or on the same line), after "Yours sincerely" when the letter has it.
 */
export function readSignatory(paragraphs: readonly string[]): string | undefined {
  for (let i = paragraphs.length - 1; i >= 0 && i >= paragraphs.length - 12; i--) {
    const closing = /^(?:(?:Yours|Your) sincerely,?\s+)?(?:(.+?)\s+)?(?:Her|His) Majesty[’']s Inspector[\W\d]*$/i.exec(paragraphs[i]!);
    if (!closing) continue;
    const name = (closing[1] ?? paragraphs[i - 1]?.replace(/^(?:Yours|Your) sincerely,?\s*/i, ''))?.replace(/\s+HMI$/, '').replace(/\.$/, '');
    return name && NAME.test(name) ? name : undefined;
  }
  return undefined;
}
