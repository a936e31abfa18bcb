// The graded judgements a report states about its own inspection: the rows of its
// judgement table, and the sentences SIF reports use for the overall judgement and the
// Local Safeguarding Children Board review. Pure: blocks in, candidate judgements out;
// the caller checks them against the framework and the body.
import type { Framework, Grade, JudgementKey } from '../domain/vocabulary.ts';
import { judgementKeyForLabel, parseGrade } from './parse-grades.ts';
import type { Block } from './types.ts';

export interface FoundJudgement {
  key: JudgementKey;
  grade: Grade;
  evidence: string;
}

export interface JudgementReading {
  judgements: FoundJudgement[];
  /** Rows the report marks "Not judged": no grade, and not a gap. */
  notJudged: { key: JudgementKey; evidence: string }[];
  /** What was seen but could not be read as a judgement of this framework. */
  unread: string[];
  /** Rows read although their label is not as Ofsted usually words it: kept, and flagged. */
  oddities: { key: JudgementKey; message: string }[];
}

/** Labels with a known slip, and what they are read as. */
const LABEL_SLIPS: { pattern: RegExp; key: JudgementKey }[] = [{ pattern: /experiences? and progress of children care leavers/i, key: 'care_leavers' }];

/** A table row's evidence: its cells joined by " | ", as docs/content-model.md says. */
export function rowEvidence(row: readonly string[]): string {
  return row.filter((c) => c !== '').join(' | ');
}

/** Rows of a judgement table → judgements. A pre-2013 table's "Overall effectiveness" belongs to the service its section names. */
export function readJudgementRows(rows: readonly (readonly string[])[], framework: Framework, section?: string): JudgementReading {
  const judgements: FoundJudgement[] = [];
  const notJudged: JudgementReading['notJudged'] = [];
  const unread: string[] = [];
  const oddities: JudgementReading['oddities'] = [];
  let currentSection = section ?? '';
  for (const row of rows) {
    const [label = '', gradeText = ''] = row;
    if (/^judgements?$/i.test(label) && /^grades?$/i.test(gradeText)) continue;
    if (gradeText === '') {
      if (label) currentSection = label;
      continue;
    }
    const grade = parseGrade(gradeText);
    let key = judgementKeyForLabel(label, framework);
    if (key && /^not (judged|graded|inspected)\.?$/i.test(gradeText)) {
      notJudged.push({ key, evidence: rowEvidence(row) });
      continue;
    }
    if (framework === 'pre_2013' && key === 'overall_effectiveness') {
      if (/looked after/i.test(currentSection)) key = 'looked_after_children';
      else if (/safeguarding/i.test(currentSection)) key = 'safeguarding';
      else key = undefined;
    }
    if (!key || !grade) {
      unread.push(`${rowEvidence(row)}${!key ? ' (not a judgement the site records)' : ' (grade not recognised)'}`);
      continue;
    }
    judgements.push({ key, grade, evidence: rowEvidence(row) });
    const slip = LABEL_SLIPS.find((s) => s.key === key && s.pattern.test(label));
    if (slip) oddities.push({ key, message: `Page one labels this row "${label}"; it is read as the ${key.replaceAll('_', ' ')} judgement, the row Ofsted's table has in that place.` });
  }
  return { judgements, notJudged, unread, oddities };
}

/**
 * SIF overall judgement as page one states it: "The overall judgement is requires
 * improvement", "Children’s services in Norfolk are inadequate", "Children’s services in
 * Norfolk requires improvement to be good".
 */
export function readSifOverall(text: string): FoundJudgement | undefined {
  // A raised footnote mark may follow the full stop ("require improvement.2").
  const match =
    /^(The overall judgement is (?:that children[’']s services? (?:are|is|requires?(?= improvement)|requires?(?= improvement)) ?)?\s*(.+?))\.?\d?$/i.exec(text) ??
    /^(Children[’']s services (?:in .{2,60}? )?(?:are|is|requires?(?= improvement))\b\s*(.+?))\.?\d?$/i.exec(text);
  if (!match) return undefined;
  const rest = match[2]!.replace(/^(improvement)/i, 'requires $1');
  // The grade is the whole rest of the sentence: "are good", never "are good in most areas".
  const grade = parseGrade(rest);
  return grade ? { key: 'overall_effectiveness', grade, evidence: match[1]! } : undefined;
}

/** "The Local Safeguarding Children Board is good", "The effectiveness of the Local Safeguarding Children Board (LSCB) is requires improvement". */
export function readLscb(text: string): FoundJudgement | undefined {
  const match =
    /^((?:The effectiveness of )?the (?:local safeguarding children(?:[’']s)? board|LSCB)(?: \(LSCB\))? (?:is|are|requires?)\s+(outstanding|good|inadequate|requires improvement to be good|requires improvement|improvement to be good|improvement))\b/i.exec(
      text,
    );
  if (!match) return undefined;
  const words = match[2]!.replace(/^improvement/i, 'requires improvement');
  const grade = parseGrade(words);
  return grade ? { key: 'lscb', grade, evidence: match[1]! } : undefined;
}

/** The judgements of a report's own inspection, from its blocks. */
export function readReportJudgements(blocks: readonly Block[], framework: Framework): JudgementReading {
  const judgements: FoundJudgement[] = [];
  const notJudged: JudgementReading['notJudged'] = [];
  const unread: string[] = [];
  const oddities: JudgementReading['oddities'] = [];
  const add = (found: FoundJudgement) => {
    if (!judgements.some((j) => j.key === found.key)) judgements.push(found);
  };
  if (framework === 'pre_2013') {
    // The grades are in the "Record of main findings" tables, one per service inspected.
    let section = '';
    let inRecord = false;
    for (const block of blocks) {
      if (block.type === 'heading') {
        if (/record of main findings/i.test(block.text)) inRecord = true;
        section = block.text;
        continue;
      }
      if (block.type === 'table' && block.judgementTable && inRecord) {
        const reading = readJudgementRows(block.rows, framework, section);
        reading.judgements.forEach(add);
        notJudged.push(...reading.notJudged);
        unread.push(...reading.unread);
        oddities.push(...reading.oddities);
      }
    }
    return { judgements, notJudged, unread, oddities };
  }
  // Page one's table, which can run over onto page two.
  for (const table of blocks) {
    if (table.type !== 'table' || !table.judgementTable || table.page > 2) continue;
    const reading = readJudgementRows(table.rows, framework);
    reading.judgements.forEach(add);
    notJudged.push(...reading.notJudged);
    unread.push(...reading.unread);
    oddities.push(...reading.oddities);
  }
  if (framework === 'sif') {
    for (const block of blocks) {
      if (block.page > 2 || block.type === 'table' || block.type === 'list_item') continue;
      const overall = readSifOverall(block.text);
      if (overall) {
        add(overall);
        break;
      }
    }
    for (const block of blocks) {
      if (block.type === 'table') continue;
      const lscb = readLscb(block.text);
      if (lscb) {
        add(lscb);
        break;
      }
    }
  }
  return { judgements, notJudged, unread, oddities };
}

/**
 * The grades the report's section headings repeat ("The experiences and progress of children
 * who need help and protection: good", "Leadership, management and governance Requires
 * improvement", "The graded judgment for adoption performance is that it requires
 * improvement"). Used only to check page one: a disagreement is flagged, never resolved.
 */
export function readSectionGrades(blocks: readonly Block[], framework: Framework): FoundJudgement[] {
  const found: FoundJudgement[] = [];
  for (const [i, block] of blocks.entries()) {
    if (block.type !== 'heading' || block.page <= 1) continue;
    // A grade from the heading's box, set as a line of its own under it ("Leadership, management and governance" / "Good").
    const next = blocks[i + 1];
    const boxed = next?.type === 'paragraph' && /^(outstanding|good|inadequate|requires? improvement(?: to be good)?)$/i.test(next.text.trim()) ? ` ${next.text.trim()}` : '';
    const text = (block.text + boxed).replace(/\s+/g, ' ').trim();
    const graded =
      /^the graded judge?ment (?:for|about|on) (.+?) is (?:that (?:it|they) (?:is |are )?)?(outstanding|good|inadequate|requires? improvement(?: to be good)?)\.?$/i.exec(text) ??
      /^(.+?)(?::| –| -| is:?| are:?)? (outstanding|good|inadequate|requires? improvement(?: to be good)?)\.?$/i.exec(text);
    if (!graded) continue;
    const label = graded[1]!.replace(/^the experiences and progress of (?=children looked after|care leavers)/i, '');
    const key = judgementKeyForLabel(label, framework) ?? judgementKeyForLabel(label.replace(/^(the )?experiences and progress of /i, ''), framework);
    const grade = parseGrade(graded[2]!);
    if (key && grade && !found.some((f) => f.key === key)) found.push({ key, grade, evidence: text });
  }
  return found;
}
