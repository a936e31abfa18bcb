// PDFs the importer tests build for themselves with pdf-lib (the corpus is not in the
// repository): page one of each framework's reports laid out as Ofsted lays it out, with
// running footers and page numbers, and a few pages of ordinary report text.
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

export interface Text {
  text: string;
  x: number;
  y: number;
  size?: number;
  bold?: boolean;
}

/** One page's worth of text placed line by line from the top. */
export class Page {
  items: Text[] = [];
  y: number;
  constructor(top = 730) {
    this.y = top;
  }
  line(text: string, options: { x?: number; size?: number; bold?: boolean; gap?: number } = {}): this {
    const size = options.size ?? 12;
    this.items.push({ text, x: options.x ?? 71, y: this.y, size, bold: options.bold });
    this.y -= options.gap ?? size * 1.21;
    return this;
  }
  space(points = 14): this {
    this.y -= points;
    return this;
  }
  at(text: string, x: number, y: number, options: { size?: number; bold?: boolean } = {}): this {
    this.items.push({ text, x, y, size: options.size ?? 12, bold: options.bold });
    return this;
  }
  /** A wrapped paragraph: words filled to about 80 characters a line. */
  paragraph(text: string, options: { x?: number; size?: number } = {}): this {
    const words = text.split(' ');
    let current = '';
    for (const word of words) {
      if ((current + ' ' + word).trim().length > 80) {
        this.line(current, options);
        current = word;
      } else current = (current + ' ' + word).trim();
    }
    if (current) this.line(current, options);
    return this.space(12);
  }
  /** A two-column judgement table row: the label over one or more lines, the grade beside its first line. */
  row(label: string[], grade: string[], gradeX: number, options: { labelX?: number; bold?: boolean } = {}): this {
    const top = this.y;
    label.forEach((l, i) => this.at(l, options.labelX ?? 77, top - i * 14.5, { bold: options.bold }));
    grade.forEach((g, i) => this.at(g, gradeX, top - i * 14.5, { bold: options.bold }));
    this.y = top - Math.max(label.length, grade.length) * 14.5 - 12;
    return this;
  }
}

export async function makePdf(pages: Page[], options: { footer?: string[] } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  pages.forEach((spec, index) => {
    const page = pdf.addPage([595.3, 841.9]);
    const draw = (t: Text, font: PDFFont) => page.drawText(t.text, { x: t.x, y: t.y, size: t.size ?? 12, font });
    for (const t of spec.items) draw(t, t.bold ? bold : regular);
    // Running footer and page number from page two on, as ILACS reports have them.
    if (index > 0) {
      (options.footer ?? []).forEach((f, i) => draw({ text: f, x: 71, y: 39.6 - i * 9.6, size: 8 }, regular));
      draw({ text: String(index + 1), x: 513, y: 34, size: 20 }, regular);
    }
  });
  return pdf.save({ useObjectStreams: false });
}

const FILLER = [
  'Children and families receive help that is proportionate to their needs, and social workers know the children they work with well.',
  'Leaders have a clear understanding of the strengths and weaknesses of the service, and they use this to plan improvements for children.',
  'Partners work together effectively, and the quality of assessments and plans for children has improved since the previous visit.',
];

export function filler(page: Page, paragraphs = 3, options: { numberFrom?: number } = {}): Page {
  for (let i = 0; i < paragraphs; i++) {
    const text = FILLER[i % FILLER.length]!;
    if (options.numberFrom !== undefined) {
      page.at(`${options.numberFrom + i}.`, 71, page.y);
      page.paragraph(text, { x: 99 });
    } else page.paragraph(text);
  }
  return page;
}

export interface IlacsOptions {
  name: string;
  dates: string;
  rows: [string[], string[]][];
  improvements?: string[];
  summary?: string;
}

/** An ILACS report: title, dates, the judgement table, a summary, then "What needs to improve?". */
export function ilacsReport(o: IlacsOptions): { pages: Page[]; footer: string[] } {
  const one = new Page(686)
    .line(`Inspection of ${o.name} local authority`, { size: 26, gap: 31.5 })
    .line('children’s services', { size: 26, gap: 29.4 })
    .line(`Inspection dates: ${o.dates}`, { gap: 26.4 })
    .line('Lead inspector: Alex Example, His Majesty’s Inspector', { gap: 39 });
  one.row(['Judgement'], ['Grade'], 303, { bold: true });
  for (const [label, grade] of o.rows) one.row(label, grade, 303);
  one.space(8);
  one.paragraph(
    o.summary ??
      'Since the last inspection in 2015, when the local authority was judged to be inadequate, leaders have made steady progress for children and their families.',
  );
  filler(one, 2);
  const two = new Page(734).line('What needs to improve?', { size: 14, bold: true, gap: 26.8 });
  for (const item of o.improvements ?? ['The timeliness of assessments for disabled children.', 'Management oversight of plans for children in care.']) {
    two.at('•', 71, two.y);
    two.line(item, { x: 89, gap: 20.5 });
  }
  two.space(10).line('The experiences and progress of children who need help and', { size: 14, bold: true, gap: 17 });
  two.line('protection', { size: 14, bold: true, gap: 26.8 });
  filler(two, 3, { numberFrom: 1 });
  const three = filler(new Page(734), 3, { numberFrom: 4 });
  return { pages: [one, two, three], footer: [`Inspection of ${o.name} local authority children’s services`, o.dates] };
}
