// From lines to blocks: headings (by size, or bold at body size), paragraphs, bulleted and
// numbered items, and the judgement tables. Page furniture is left out; nothing else is.
import { footnoteNumber, linkFootnotes, takeMarks, withoutMarks } from './footnotes.ts';
import { findGradeTables } from './grade-table.ts';
import { buildLines, findFurniture } from './lines.ts';
import type { Block, Line, PdfPage } from './types.ts';

// Dashes and rules set as bullets too ("─ 211 live with foster families", "− 25 young people…", "― 35 live with parents").
const BULLET = /^([◼■□▪▫●•◦○‣⁃∙·➢►▶✓✔–─−―\-*]|[\uE000-\uF8FF])\s*/u;
const NUMBERED = /^(\d{1,3})\.\s+(?=\S)/;
/** A grade set in a box beside a section's heading. */
const SECTION_GRADE = /^(?:outstanding|good|adequate|inadequate|requires improvement(?: to be good)?)$/i;
const TERMINAL = /[.!?:;)’"”]$/;

export interface LaidOutDocument {
  blocks: Block[];
  /** Lines per page after furniture removal (the parsers read page one from these). */
  lines: Line[][];
  furniture: number;
}

function mostCommon<T>(values: Iterable<[T, number]>): T | undefined {
  const counts = new Map<T, number>();
  for (const [value, weight] of values) counts.set(value, (counts.get(value) ?? 0) + weight);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * A word broken at a hyphen and a space ("well- supported", "post- 16", "COVID- 19", "Thomson- Jones", "20- mile",
 * "17- year-old") is one word again; a suspended hyphen keeps its space ("pre- and post-", "short- and long-term",
 * "two- to three-year").
 */
export function mendHyphens(text: string): string {
  return text.replace(/([\p{L}\d])- +(?!(?:and|or|to|nor)\b)(?=[\p{L}\d])/gu, '$1-');
}

function joinText(a: string, b: string): string {
  if (a === '') return b;
  // A word broken at a hyphen keeps the hyphen and loses the line break ("decision-" "making").
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a + b;
  return `${a} ${b}`;
}

/**
 * How deep a list item sits, from where the PDF sets it: an item whose marker stands at or beyond the
 * text of the item above it is nested under that item (Lancashire 2015: "free school meals:" then
 * "in primary schools…" indented under it); one set back to an earlier marker's place returns to that level.
 */
export class ListNesting {
  private levels: { markerX: number; textX: number }[] = [];
  /** Tolerance, in points, for markers set by hand or by different fonts. */
  private static readonly SLACK = 4;

  levelOf(markerX: number, textX: number): number {
    const slack = ListNesting.SLACK;
    while (this.levels.length > 0 && markerX < this.levels.at(-1)!.markerX - slack) this.levels.pop();
    const above = this.levels.at(-1);
    if (!above || (markerX >= above.textX - slack && markerX > above.markerX + slack)) this.levels.push({ markerX, textX });
    else this.levels[this.levels.length - 1] = { markerX, textX };
    return this.levels.length - 1;
  }

  reset(): void {
    this.levels = [];
  }
}

/** A document's pages as blocks: the lines measured, written into blocks one line at a time, then finished as a whole. */
export function layOut(pages: readonly PdfPage[]): LaidOutDocument {
  const { lines, furniture, measures } = measureLines(pages);
  const writer = new BlockWriter(measures);
  for (const [p, pageLines] of lines.entries()) writer.addPage(pages[p]!, pageLines);
  writer.close();
  return { blocks: finishBlocks(writer.blocks, writer.startX), lines, furniture: furniture.size };
}

/** What the document's lines say about its body text as a whole: each line is read against these. */
interface BodyMeasures {
  bodySize: number;
  leftMargin: number;
  /** How low a full page's body text reaches: a block whose last line stands there ran out of page, not out of words. */
  pageFloor: number;
  /** The sizes larger than the body's, largest first: a heading's depth is its size's place among them. */
  headingSizes: number[];
}

/** The lines of each page without the page furniture (running headers, footers, page numbers), and the measures of the body text. */
function measureLines(pages: readonly PdfPage[]): { lines: Line[][]; furniture: Set<Line>; measures: BodyMeasures } {
  const rawLines = pages.map(buildLines);
  const furniture = findFurniture(pages, rawLines);
  const lines = rawLines.map((page) => page.filter((l) => !furniture.has(l)));
  const all = lines.flat();
  const bodySize = mostCommon(all.map((l) => [l.size, l.text.length] as [number, number])) ?? 12;
  const leftMargin = mostCommon(all.filter((l) => l.size === bodySize).map((l) => [Math.round(l.x), l.text.length] as [number, number])) ?? 72;
  const pageFloor = lowestBodyLine(lines, bodySize);
  const headingSizes = [...new Set(all.filter((l) => l.size >= bodySize + 1.5).map((l) => l.size))].sort((a, b) => b - a);
  return { lines, furniture, measures: { bodySize, leftMargin, pageFloor, headingSizes } };
}

/** The block being written, and what its lines so far say about whether the next line goes on it. */
interface OpenBlock {
  block: Block;
  last: Line;
  indent: number;
  bold: boolean;
  x0: number;
  aside?: string[];
  reopened?: boolean;
  textX?: number;
}

/** A line to place, with where it stands against the last line of the open block. */
interface LinePlace {
  line: Line;
  page: PdfPage;
  depth: 1 | 2 | 3 | 4 | undefined;
  prev: Line | undefined;
  samePage: boolean | undefined;
  gap: number;
  bigGap: boolean | undefined;
}

/**
 * Lines in, blocks out, one line at a time: each line either goes on the open block or closes it and opens
 * another. A line is tried against each reading in turn (a heading's grade box, a heading, a key-judgement
 * box, a list item, a block carried over from the last page, more of the open block) and is otherwise a new paragraph.
 */
class BlockWriter {
  readonly blocks: Block[] = [];
  /** Where each block's first line starts (a contents page's entries are nested by it). */
  readonly startX = new Map<Block, number>();
  private readonly measures: BodyMeasures;
  private readonly subheadingDepth: 1 | 2 | 3 | 4;
  private open: OpenBlock | undefined;
  /** The paragraph or item a footnote at the page's foot interrupted: the next page may carry it on. */
  private interrupted: { open: OpenBlock; noteY: number } | undefined;
  private lastNumber = 0;
  private readonly nesting = new ListNesting();

  constructor(measures: BodyMeasures) {
    this.measures = measures;
    this.subheadingDepth = Math.min(measures.headingSizes.length + 1, 4) as 1 | 2 | 3 | 4;
  }

  /** A page's lines in order; its judgement tables are blocks of their own. */
  addPage(page: PdfPage, pageLines: Line[]): void {
    const tables = findGradeTables(pageLines, page.width, this.measures.bodySize);
    const tableAt = new Map<Line, (typeof tables)[number]>();
    const inTable = new Set<Line>();
    for (const table of tables) {
      tableAt.set(table.lines[0]!, table);
      table.lines.forEach((l) => inTable.add(l));
    }
    for (const line of pageLines) {
      const table = tableAt.get(line);
      if (table) {
        this.close();
        this.blocks.push({
          type: 'table',
          rows: table.header ? [table.header, ...table.rows] : table.rows,
          header: !!table.header,
          page: line.page,
          judgementTable: true,
        });
        continue;
      }
      if (inTable.has(line)) continue;
      this.addLine(line, page);
    }
  }

  private depthOf(line: Line): 1 | 2 | 3 | 4 | undefined {
    const index = this.measures.headingSizes.indexOf(line.size);
    if (index >= 0) return Math.min(index + 1, 3) as 1 | 2 | 3;
    return undefined;
  }

  private addLine(line: Line, page: PdfPage): void {
    const text = line.text;
    const depth = this.depthOf(line);
    const prev = this.open?.last;
    const samePage = prev && prev.page === line.page;
    const gap = samePage ? prev.y - line.y : 0;
    const bigGap = samePage && gap > 1.65 * Math.max(prev.size, line.size);
    const at: LinePlace = { line, page, depth, prev, samePage, gap, bigGap };
    if (this.addToHeadingAside(at)) return;

    const bullet = BULLET.exec(text);
    const isBullet = !!bullet && text.length > bullet[0].length && !/^[–─−―\-*]\S/.test(text);
    // Large-print bullets (the summaries for children) are list items, and their wrapped lines go on them.
    const continuesItem =
      this.open?.block.type === 'list_item' && samePage && !bigGap && line.size === this.open.last.size && line.x >= this.open.indent - 6 && !isBullet;
    if (depth && !isBullet && !continuesItem) return this.addHeadingLine(at, depth);
    if (this.addKeyJudgementBox(at)) return;

    // A smaller line in the page's lower half that opens with a raised number: the text of a footnote.
    const noteNumber = footnoteNumber(line.marked);
    const startsFootnote = noteNumber !== undefined && line.size < this.measures.bodySize && line.y < page.height / 2;
    if (this.addListItem(at, isBullet ? bullet : null)) return;
    if (this.carryOverPage(at, startsFootnote)) return;
    if (this.carryOnBlock(at, startsFootnote)) return;
    this.addParagraph(at, startsFootnote ? noteNumber : undefined);
  }

  /**
   * A heading's grade box set at the right between the heading's lines (West Sussex 2016: "The experiences and
   * progress of", "Requires improvement", "children who need help and protection"): the grade goes after the title.
   */
  private addToHeadingAside({ line, page, depth, samePage, gap }: LinePlace): boolean {
    const open = this.open;
    if (open?.block.type === 'heading' && samePage && gap <= 1.4 * open.last.size && line.x >= page.width * 0.55 && !depth) {
      open.aside = [...(open.aside ?? []), line.text];
      return true;
    }
    return false;
  }

  /** A line set at a heading's size: the next line of the open heading, or a new heading (what is set at the right of it is its aside). */
  private addHeadingLine({ line, page, samePage, gap }: LinePlace, depth: 1 | 2 | 3 | 4): void {
    const main = line.segments.filter((seg) => seg.x < page.width * 0.55).map((seg) => seg.marked).join(' ');
    const aside = line.segments.filter((seg) => seg.x >= page.width * 0.55).map((seg) => seg.text);
    const open = this.open;
    if (open?.block.type === 'heading' && open.last.size === line.size && samePage && gap <= 1.4 * line.size) {
      if (main) open.block.text = joinText(open.block.text, main);
      open.aside = [...(open.aside ?? []), ...aside];
      open.last = line;
      return;
    }
    this.close();
    this.nesting.reset();
    this.open = {
      block: { type: 'heading', depth, text: main || line.marked, page: line.page },
      last: line,
      indent: line.x,
      bold: line.bold,
      x0: line.x,
      aside: main ? aside : [],
    };
  }

  /**
   * A key-judgement box of one line set in bold at body size ("Leadership, management and governance" … "Good", wigan/2017-03-31):
   * a sub-heading and its grade, the grade a line of its own.
   */
  private addKeyJudgementBox({ line, page, depth }: LinePlace): boolean {
    const gradeAside = line.segments.at(-1)!;
    if (!depth && line.bold && line.segments.length > 1 && gradeAside.x >= page.width * 0.55 && SECTION_GRADE.test(gradeAside.text)) {
      this.close();
      this.nesting.reset();
      const title = line.segments.slice(0, -1).map((seg) => seg.marked).join(' ');
      this.blocks.push({ type: 'heading', depth: this.subheadingDepth, text: title, page: line.page }, { type: 'paragraph', text: gradeAside.text, page: line.page });
      return true;
    }
    return false;
  }

  /** A bulleted item (`bullet`, its marker), or a numbered paragraph: a list item, nested by where it is set. */
  private addListItem({ line }: LinePlace, bullet: RegExpExecArray | null): boolean {
    const { text, marked } = line;
    const isBullet = bullet !== null;
    const numbered = NUMBERED.exec(text);
    const number = numbered ? Number(numbered[1]) : undefined;
    const leftMargin = this.measures.leftMargin;
    const lastNumber = this.lastNumber;
    // A paragraph number set apart from its text (a hanging indent), or one that follows on from the last.
    const setApart = line.segments.length > 1 && line.segments[0]!.text === numbered?.[0].trim();
    // A number of three digits leaves less room before the text: "112. The authority…" is one run, set left of the text's margin.
    // A number hung left of the text that skips one or repeats the last is the PDF's slip, still a paragraph's number
    // (waltham-forest/2015-01-20 has no 89, nottingham/2022-09-05 no 34, lambeth/2026-03-10 two 57s).
    const followsOn = number === lastNumber + 1 || number === 1 || (line.x < leftMargin - 8 && (number === lastNumber + 2 || number === lastNumber));
    const isNumbered = numbered && (setApart || ((Math.abs(line.x - leftMargin) < 30 || line.x < leftMargin) && followsOn));
    if (!isBullet && !isNumbered) return false;
    this.close();
    if (isNumbered) this.lastNumber = number!;
    const prefix = (isBullet ? bullet : numbered)![0];
    const body = marked.startsWith(prefix) ? marked.slice(prefix.length) : text.slice(prefix.length);
    const indent = isBullet ? line.segments.find((s) => !BULLET.test(s.text) || s.text.length > 2)?.x ?? line.x : line.x;
    const textX = isBullet ? indent : (line.items.find((i) => i.str.trim() !== '' && !/^\d{1,3}\.?$/.test(i.str.trim()))?.x ?? line.x);
    const level = this.nesting.levelOf(line.x, textX);
    this.open = {
      block: isNumbered
        ? { type: 'list_item', ordered: true, number, text: body, page: line.page, ...(level > 0 ? { level } : {}) }
        : { type: 'list_item', ordered: false, text: body, page: line.page, ...(level > 0 ? { level } : {}) },
      last: line,
      indent,
      bold: line.bold,
      x0: line.x,
      textX,
    };
    return true;
  }

  /** The first line of a page may carry on the paragraph or item the last page ended (or a footnote at its foot interrupted). */
  private carryOverPage({ line, prev }: LinePlace, startsFootnote: boolean): boolean {
    if (!(this.open && prev && prev.page < line.page && !startsFootnote)) return false;
    const interrupted = this.interrupted;
    const before = this.open.block.type === 'paragraph' && this.open.block.footnote && interrupted?.open.last.page === prev.page ? interrupted : undefined;
    const candidate = before ? before.open : this.open;
    if (!this.continuesAcrossPage(candidate, line, before?.noteY)) return false;
    if (before) {
      this.close();
      this.open = { ...candidate, reopened: true };
    }
    const block = this.open!.block as Extract<Block, { type: 'paragraph' | 'list_item' }>;
    block.text = joinText(block.text, line.marked);
    this.open!.last = line;
    this.interrupted = undefined;
    return true;
  }

  /** More of the open paragraph or item on the same page: its next line, or an item's further paragraph. */
  private carryOnBlock({ line, samePage, gap, bigGap }: LinePlace, startsFootnote: boolean): boolean {
    const open = this.open;
    if (!open || open.block.type === 'heading' || open.block.type === 'table') return false;
    // (A line a point smaller, not a footnote, is the same paragraph set tighter: plymouth/2015-01-06 164, west-berkshire/2015-05-18 130.)
    const continuesOnPage = samePage && !bigGap && Math.abs(line.size - open.last.size) <= 1 && line.bold === open.bold;
    const indented = open.block.type === 'list_item' ? line.x >= open.indent - 6 : true;
    if (continuesOnPage && indented && !startsFootnote) {
      open.block.text = joinText(open.block.text, line.marked);
      open.last = line;
      return true;
    }
    // A further paragraph of a numbered or bulleted item sits indented under its text.
    // (A bold line there is a heading's first line, not more of the item: Bradford 2014, "The graded judgment … of care" after paragraph 85.)
    if (open.block.type === 'list_item' && samePage && bigGap && gap < 3 * line.size && line.size === open.last.size && line.x > open.x0 + 8 && line.bold === open.bold) {
      open.block.text += `\n\n${line.marked}`;
      open.last = line;
      return true;
    }
    return false;
  }

  /** A line no other reading takes opens a paragraph: the text of a footnote when it has a note's number (`noteNumber`). */
  private addParagraph({ line }: LinePlace, noteNumber: string | undefined): void {
    const startsFootnote = noteNumber !== undefined;
    const open = this.open;
    if (startsFootnote && open && !open.bold && (open.block.type === 'paragraph' || open.block.type === 'list_item') && !('footnote' in open.block && open.block.footnote) && !open.reopened) {
      this.interrupted = { open, noteY: line.y };
    } else if (!startsFootnote && !(open?.block.type === 'paragraph' && open.block.footnote)) this.interrupted = undefined;
    this.close();
    const footnote = startsFootnote ? { footnote: { number: noteNumber } } : {};
    // A footnote at a page's foot does not end the list it interrupts; any other paragraph does.
    if (!startsFootnote) this.nesting.reset();
    this.open = { block: { type: 'paragraph', text: line.marked, page: line.page, ...footnote }, last: line, indent: line.x, bold: line.bold, x0: line.x };
  }

  /**
   * A page's first line goes on with the block the last page ended when the PDF lays it out so: same size and weight,
   * set where that block's lines were set (an item's text, not its number), and either the sentence runs on
   * ("…disappeared from" / "Bradford. Partnership…") or the item filled its page to the foot (or to the footnote
   * under it), its next line at the top of the next page.
   */
  private continuesAcrossPage(candidate: OpenBlock, line: Line, noteY?: number): boolean {
    const { block, last } = candidate;
    if (block.type !== 'paragraph' && block.type !== 'list_item') return false;
    if (block.type === 'paragraph' && block.footnote) return false;
    if (!sameSize(line, last) || line.bold !== candidate.bold) return false;
    // Lower case runs on wherever it is set (an item's wrapped line may sit under its number in some reports).
    const runsOn = !TERMINAL.test(withoutMarks(block.text));
    if (runsOn && /^\p{Ll}/u.test(line.text)) return true;
    // An item's text is where its wrapped lines stand (the number and its text may be one run: "112. The authority…").
    const textX = block.type !== 'list_item' ? last.x : last.x > candidate.x0 + 8 ? last.x : (candidate.textX ?? candidate.indent);
    if (Math.abs(line.x - textX) > 4) return false;
    // No paragraph opens in lower case: after a closing quote too ("…Derbyshire’s children’s services’" / "vision, which…").
    if (runsOn || /^\p{Ll}/u.test(line.text)) return true;
    // A sentence that ends at a full page's foot: only an item's hanging text (a new paragraph would bear a number).
    // (Within a few lines of it: a page may end early to keep a paragraph's last lines together, or a rule sets notes apart.)
    const full = noteY !== undefined ? last.y - noteY <= 6.5 * last.size : last.y <= this.measures.pageFloor + 3.2 * last.size;
    return block.type === 'list_item' && block.ordered && line.x > candidate.x0 + 8 && full;
  }

  /** The open block is done: it joins the blocks, as what it turned out to be. */
  close(): void {
    const open = this.open;
    if (!open) return;
    const block = open.block;
    this.startX.set(block, open.x0);
    this.open = undefined;
    // Carried on past a footnote: already among the blocks.
    if (open.reopened) return;
    // A heading with its grade in a box at the right reads: the title, then the grade, a line of its own
    // ("### Leadership, management and governance" / "Inadequate"); anything else set there (a contents page's page number) follows the title.
    const aside = block.type === 'heading' && open.aside && open.aside.length > 0 ? open.aside.join(' ') : undefined;
    if (aside && SECTION_GRADE.test(aside) && block.type === 'heading') {
      this.blocks.push(block, { type: 'paragraph', text: aside, page: block.page });
      return;
    }
    if (aside && block.type === 'heading') block.text = `${block.text} ${aside}`;
    const plain = block.type === 'table' ? '' : withoutMarks(block.text);
    // Large text that runs on (large-print summaries) is a paragraph, not a heading.
    if (block.type === 'heading' && !open.bold && plain.length > 150) {
      this.blocks.push({ type: 'paragraph', text: block.text, page: block.page });
      return;
    }
    // A short bold paragraph at body size without a closing full stop is a sub-heading.
    if (block.type === 'paragraph' && !block.footnote && open.bold && plain.length <= 120 && !/[.;,]$/.test(plain)) {
      const heading: Block = { type: 'heading', depth: this.subheadingDepth, text: block.text, page: block.page };
      this.startX.set(heading, open.x0);
      this.blocks.push(heading);
    } else this.blocks.push(block);
  }
}

/**
 * The blocks once every line is placed: hyphens mended, a contents page made a list, a heading split at a
 * conjunction joined, footnote markers taken out of the text, the judgement sections levelled and footnotes linked.
 */
function finishBlocks(blocks: Block[], startX: ReadonlyMap<Block, number>): Block[] {
  const mended = blocks.map((b): Block => ('text' in b ? { ...b, text: mendHyphens(b.text) } : b));
  // Markers come out of the text last, when no block's text will be joined to another's.
  const mendedX = new Map(mended.map((b, i) => [b, startX.get(blocks[i]!)] as const));
  const unmarked = joinConjunctionHeadings(contentsAsList(mended, (b) => mendedX.get(b))).map((b): Block => {
    if (b.type === 'table') return b;
    const { text, marks } = takeMarks(b.text);
    return { ...b, text, ...(marks.length > 0 ? { marks } : {}) };
  });
  return linkFootnotes(levelJudgementSections(unmarked));
}

/** Body text set at 12pt with a few lines at 11.5pt (Leeds 2022, Leicestershire 2024) is one paragraph. */
function sameSize(a: Line, b: Line): boolean {
  return Math.abs(a.size - b.size) <= 0.5;
}

/** How low body text reaches on a full page: the lowest body-size line of most pages (a tenth of pages may end lower). */
function lowestBodyLine(lines: readonly Line[][], bodySize: number): number {
  const lowest = lines.map((page) => Math.min(...page.filter((l) => l.size === bodySize).map((l) => l.y))).filter(Number.isFinite).sort((a, b) => a - b);
  return lowest[Math.floor(lowest.length * 0.1)] ?? 0;
}

/**
 * A title set on three lines ("Inspection of services for children …", "and", "Review of
 * the effectiveness of the local safeguarding children board") is one heading: a lone
 * conjunction is never a heading of its own.
 */
function joinConjunctionHeadings(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const prev = out.at(-1);
    const next = blocks[i + 1];
    if (block.type === 'heading' && /^(and|or|&)$/i.test(block.text.trim()) && prev?.type === 'heading' && next?.type === 'heading') {
      prev.text = `${prev.text} ${block.text.trim()} ${next.text}`;
      i++;
      continue;
    }
    // "… care leavers" then "and Review of the effectiveness …": the second line of one heading.
    if (block.type === 'heading' && /^(and|or|&) \S/.test(block.text.trim()) && prev?.type === 'heading' && prev.depth === block.depth) {
      prev.text = `${prev.text} ${block.text.trim()}`;
      continue;
    }
    out.push(block);
  }
  return out;
}

const JUDGEMENT_SECTION = /^(?:The )?(?:experiences and progress of|impact of leaders|Leadership, management and governance)/i;
/** A grade inside a heading rather than at its end: a grade box read into the heading, not a section's title. */
const GRADE_WITHIN = /\b(?:outstanding|good|requires? improvement|inadequate)\b(?!(?: to be good)?\.?$)/i;

/**
 * The sections of a report's judgements are siblings, whatever sizes the PDF gives their titles
 * (Islington 2020 sets the first at 14pt and the other two at 12pt): all take the shallowest level among them.
 */
export function levelJudgementSections(blocks: readonly Block[]): Block[] {
  const isSection = (b: Block): b is Extract<Block, { type: 'heading' }> =>
    b.type === 'heading' && b.page > 1 && JUDGEMENT_SECTION.test(b.text) && !GRADE_WITHIN.test(b.text);
  const sections = blocks.filter(isSection);
  if (new Set(sections.map((b) => b.depth)).size < 2) return [...blocks];
  const depth = Math.min(...sections.map((b) => b.depth)) as 1 | 2 | 3 | 4;
  return blocks.map((b) => (isSection(b) ? { ...b, depth } : b));
}

/**
 * A table of contents ("Contents", then titles ending in page numbers) is a list, not a
 * run of headings: left as headings, its entries would pass for the sections themselves.
 */
function contentsAsList(blocks: Block[], startOf: (block: Block) => number | undefined = () => undefined): Block[] {
  /** The contents page's first entry's place: an entry set further in is nested under the one above it (Bradford 2014). */
  let firstEntryX: number | undefined;
  let firstEntryAt = -1;
  return blocks.flatMap((block, i): Block[] => {
    if (block.type !== 'heading' && block.type !== 'paragraph') return [block];
    const entry = /\S\s+\d{1,3}$/.test(block.text);
    if (!entry) return [block];
    // Walk back over earlier entries to the "Contents" title.
    for (let j = i - 1; j >= 0 && i - j <= 60; j--) {
      const before = blocks[j]!;
      if ((before.type === 'heading' || before.type === 'paragraph') && /^(table of )?contents$/i.test(before.text.trim())) {
        // The entry's title without its page number, which means nothing on the site.
        if (firstEntryAt !== j) [firstEntryAt, firstEntryX] = [j, startOf(block)];
        const x = startOf(block);
        const nested = firstEntryX !== undefined && x !== undefined && x > firstEntryX + 6;
        return [{ type: 'list_item', ordered: false, text: block.text.replace(/\s+\d{1,3}$/, ''), page: block.page, ...(nested ? { level: 1 } : {}) }];
      }
      // Entries, and the first line of an entry that wraps ("... looked after children and").
      const isEntry = (before.type === 'list_item' && !before.ordered) || ((before.type === 'heading' || before.type === 'paragraph') && before.text.length <= 90);
      if (!isEntry || before.page !== block.page) return [block];
    }
    return [block];
  });
}
