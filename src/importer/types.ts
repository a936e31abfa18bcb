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
  /** The line's text items, left to right (tables re-split them at a column's edge). */
  items: TextItem[];
}

export type Block =
  | { type: 'heading'; depth: 1 | 2 | 3 | 4; text: string; page: number }
  | { type: 'paragraph'; text: string; page: number }
  | { type: 'list_item'; ordered: boolean; number?: number; text: string; page: number }
  | { type: 'table'; rows: string[][]; header: boolean; page: number; judgementTable: boolean };

/** A failure the CLI reports in one line: nothing is written for the file. */
export class ImportError extends Error {
  override name = 'ImportError';
}
