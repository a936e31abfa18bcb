// Lines rebuilt from positioned text: items sharing a baseline form a line, wide gaps
// split it into column segments, and the running headers, footers and page numbers that
// repeat from page to page are recognised as page furniture.
import { FOOTNOTE_MARK_CLOSE, FOOTNOTE_MARK_OPEN } from './footnotes.ts';
import type { Line, PdfPage, Segment, TextItem } from './types.ts';

/** A gap wider than this many font sizes separates two columns rather than two words. */
const COLUMN_GAP = 1.5;

/**
 * Items to segments. `isFootnoteMark` says which items are raised footnote markers: their text is the
 * same in `text`, and wrapped in `marked` so that later stages can tell "area2" (area, footnote 2) apart.
 */
export function joinItems(items: readonly TextItem[], isFootnoteMark: (item: TextItem) => boolean = () => false): Segment[] {
  const segments: Segment[] = [];
  let current: (Segment & { sizes: number[] }) | undefined;
  // A bracketed marker ("[1]", Birmingham 2016) loses its brackets with the wrapping: the site numbers its own references.
  const markedText = (item: TextItem) => (isFootnoteMark(item) ? item.str.replace(/\[?(\d+)\]?/, (_, digits) => `${FOOTNOTE_MARK_OPEN}${digits}${FOOTNOTE_MARK_CLOSE}`) : item.str);
  for (const item of items) {
    // A space item can be as wide as a tab stop: it marks a word break, never the end of the text.
    if (item.str.trim() === '') {
      if (current && !/\s$/.test(current.text)) {
        current.text += ' ';
        current.marked += ' ';
      }
      continue;
    }
    const gap = current ? item.x - current.xEnd : 0;
    if (!current || gap > COLUMN_GAP * Math.max(item.size, current.size)) {
      if (current) segments.push(finishSegment(current));
      current = { x: item.x, xEnd: item.x + item.width, text: item.str, marked: markedText(item), size: item.size, bold: item.bold, sizes: [item.size] };
      continue;
    }
    const needsSpace = gap > 0.12 * item.size && !/\s$/.test(current.text) && !/^\s/.test(item.str);
    current.text += (needsSpace ? ' ' : '') + item.str;
    current.marked += (needsSpace ? ' ' : '') + markedText(item);
    current.xEnd = Math.max(current.xEnd, item.x + item.width);
    current.bold = current.bold && item.bold;
    current.sizes.push(item.size);
  }
  if (current) segments.push(finishSegment(current));
  return segments.filter((s) => s.text.length > 0);
}

function finishSegment(segment: Segment & { sizes: number[] }): Segment {
  const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();
  return { x: segment.x, xEnd: segment.xEnd, text: tidy(segment.text), marked: tidy(segment.marked), size: Math.max(...segment.sizes), bold: segment.bold };
}

/** A footnote marker: one or two digits, smaller than the line's text and raised above its baseline. */
export function isRaisedFootnoteMark(item: TextItem, lineSize: number, baseline: number): boolean {
  return /^(\d{1,2}|\[\d{1,2}\])$/.test(item.str.trim()) && item.size <= 0.8 * lineSize && item.y - baseline >= 0.15 * lineSize && item.y - baseline <= 0.7 * lineSize;
}

function makeLine(page: number, items: TextItem[]): Line | undefined {
  items.sort((a, b) => a.x - b.x);
  const visible = items.filter((i) => i.str.trim() !== '');
  if (visible.length === 0) return undefined;
  // The line's size is its main text's: a superscript footnote mark does not change it.
  const sizes = new Map<number, number>();
  for (const item of visible) sizes.set(item.size, (sizes.get(item.size) ?? 0) + item.str.length);
  const size = [...sizes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  const main = visible.filter((i) => i.size === size);
  const segments = joinItems(items, (item) => isRaisedFootnoteMark(item, size, main[0]!.y));
  return {
    page,
    y: main[0]!.y,
    x: visible[0]!.x,
    xEnd: Math.max(...visible.map((i) => i.x + i.width)),
    size,
    bold: visible.every((i) => i.bold),
    segments,
    text: segments.map((s) => s.text).join(' '),
    marked: segments.map((s) => s.marked).join(' '),
    items,
  };
}

/** Group a page's items into lines, top to bottom; a small raised mark (footnote number) joins the line it sits on. */
export function buildLines(page: PdfPage): Line[] {
  const items = page.items.filter((i) => i.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextItem[][] = [];
  for (const item of items) {
    const group = groups.at(-1);
    const anchor = group?.find((i) => i.str.trim() !== '') ?? group?.[0];
    if (group && anchor && Math.abs(anchor.y - item.y) <= 0.3 * Math.max(anchor.size, item.size)) group.push(item);
    else groups.push([item]);
  }
  // A raised footnote mark or ordinal ("18th") is smaller and sits within the text height of the line below it.
  for (let i = 0; i < groups.length - 1; i++) {
    const group = groups[i]!;
    const text = group.map((g) => g.str).join('').trim();
    const below = groups[i + 1]!;
    const belowSize = Math.max(...below.map((b) => b.size));
    const belowY = below[0]!.y;
    if (
      /^([\d*†]{1,2}|\[\d{1,2}\]|st|nd|rd|th)$/.test(text) &&
      group.every((g) => g.size <= 0.8 * belowSize) &&
      group[0]!.y > belowY &&
      group[0]!.y < belowY + 0.8 * belowSize
    ) {
      below.push(...group);
      groups.splice(i, 1);
      i--;
    }
  }
  return groups.map((g) => makeLine(page.number, g)).filter((l): l is Line => l !== undefined);
}

const PAGE_NUMBER = /^(page\s+)?\d{1,3}(\s+(of|\/)\s+\d{1,3})?$/i;

function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Running headers and footers: lines in the top or bottom tenth of a page whose text
 * (numbers aside) recurs on many pages, and bare page numbers there. Returns a set of
 * the lines to leave out of the body.
 */
export function findFurniture(pages: readonly PdfPage[], linesByPage: readonly Line[][]): Set<Line> {
  const furniture = new Set<Line>();
  const zone = (line: Line) => {
    const height = pages[line.page - 1]?.height ?? 842;
    return line.y > height * 0.9 || line.y < height * 0.1;
  };
  const pagesWithKey = new Map<string, Set<number>>();
  for (const lines of linesByPage) {
    for (const line of lines) {
      if (!zone(line)) continue;
      const key = furnitureKey(line.text);
      pagesWithKey.set(key, (pagesWithKey.get(key) ?? new Set()).add(line.page));
    }
  }
  const threshold = Math.max(2, Math.ceil(linesByPage.length * 0.3));
  for (const lines of linesByPage) {
    for (const line of lines) {
      if (!zone(line)) continue;
      const repeats = (pagesWithKey.get(furnitureKey(line.text))?.size ?? 0) >= threshold;
      if (repeats || PAGE_NUMBER.test(line.text.trim())) furniture.add(line);
    }
  }
  return furniture;
}
