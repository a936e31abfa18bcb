// Shapes shared by the importer's stages: positioned text from the PDF, the lines and
// blocks rebuilt from it, and what an import yields.

/** One run of text as pdf.js places it; y is the baseline, from the page's bottom. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: TextItem[];
}

/** Text on one line, split into segments where a wide gap separates columns. */
export interface Segment {
  x: number;
  xEnd: number;
  text: string;
  /** The text with each raised footnote marker wrapped in FOOTNOTE_MARK_OPEN/CLOSE (see footnotes.ts). */
  marked: string;
  size: number;
  bold: boolean;
}

export interface Line {
  page: number;
  y: number;
  x: number;
  xEnd: number;
  size: number;
  bold: boolean;
  segments: Segment[];
  text: string;
  /** The text with its raised footnote markers wrapped, as in Segment.marked. */
  marked: string;
  /** The line's text items, left to right (tables re-split them at a column's edge). */
  items: TextItem[];
}

/** A footnote marker in a block's text: the digits at `offset` (as the PDF prints them) refer to footnote `label`. */
export interface FootnoteReference {
  offset: number;
  length: number;
  label: string;
}

/**
 * What a text block knows of footnotes. `references`: markers in its text linked to a footnote's text.
 * `marks`: raised markers the PDF sets in it, before linking (footnotes.ts). `footnote`: this paragraph is the
 * text of a footnote at the foot of a page (its text still opens with the number); `label` once linked.
 */
export interface FootnoteParts {
  references?: FootnoteReference[];
  marks?: { offset: number; length: number; number: string }[];
  footnote?: { number: string; label?: string };
}

export type Block =
  | ({ type: 'heading'; depth: 1 | 2 | 3 | 4; text: string; page: number } & FootnoteParts)
  | ({ type: 'paragraph'; text: string; page: number } & FootnoteParts)
  | ({ type: 'list_item'; ordered: boolean; number?: number; text: string; page: number; /** 0 at the margin, 1 under an item, … */ level?: number } & FootnoteParts)
  | { type: 'table'; rows: string[][]; header: boolean; page: number; judgementTable: boolean };

/** A failure the CLI reports in one line: nothing is written for the file. */
export class ImportError extends Error {
  override name = 'ImportError';
}
