// Positioned text out of a PDF through unpdf (pdf.js): every text run with its place,
// size and weight. Bad input becomes an ImportError with one plain sentence.
import { getDocumentProxy } from 'unpdf';
import { ImportError, type PdfPage, type TextItem } from './types.ts';

interface PdfJsTextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/** A first look at the bytes, before pdf.js: empty files, HTML pages and non-PDFs are named as such. */
export function sniffPdf(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ImportError('empty file');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return;
  if (/^\s*(<!doctype html|<html)/i.test(head)) {
    const title = /<title>\s*([^<]*?)\s*<\/title>/i.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 65536)))?.[1];
    throw new ImportError(`not a PDF: an HTML page${title ? ` ("${title.replace(/\s+/g, ' ')}")` : ''}`);
  }
  throw new ImportError('not a PDF: the file has no PDF header');
}

function isBoldFontName(name: string | undefined): boolean {
  return !!name && /bold|black|heavy|semibold|demi/i.test(name);
}

/**
 * Read every page's text items. Font weights come from the font names pdf.js loads while
 * building a page's operator list; that is only asked for pages that use a font not seen
 * on an earlier page (fonts are shared across pages), which keeps the cost low.
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  return (await readPdfDocument(bytes)).pages;
}

/** The pages, and the title the PDF's own metadata gives (one more place a report names its council). */
export async function readPdfDocument(bytes: Uint8Array): Promise<{ pages: PdfPage[]; metadataTitle?: string }> {
  sniffPdf(bytes);
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0, fontExtraProperties: true, isEvalSupported: false } as never);
  } catch (error) {
    throw describePdfError(error);
  }
  try {
    const boldByFont = new Map<string, boolean>();
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const raw = (content.items as PdfJsTextItem[]).filter((item) => typeof item.str === 'string' && item.transform);
      const unknownFonts = [...new Set(raw.map((item) => item.fontName))].filter((font) => !boldByFont.has(font));
      if (unknownFonts.length > 0) {
        await page.getOperatorList();
        for (const font of unknownFonts) {
          const loaded = page.commonObjs.has(font) ? (page.commonObjs.get(font) as { name?: string; bold?: boolean }) : undefined;
          boldByFont.set(font, !!loaded && (loaded.bold === true || isBoldFontName(loaded.name)));
        }
      }
      const [, , width, height] = page.view as [number, number, number, number];
      const items: TextItem[] = [];
      for (const item of raw) {
        if (item.str.length === 0) continue;
        const [a, b, , d, e, f] = item.transform as [number, number, number, number, number, number];
        // Rotated text (watermarks, vertical labels) keeps its string but not a place in a line.
        if (Math.abs(b) > 0.01) continue;
        items.push({
          str: item.str,
          x: e,
          y: f,
          width: item.width,
          size: Math.round(Math.max(Math.abs(a), Math.abs(d)) * 10) / 10,
          bold: boldByFont.get(item.fontName) ?? false,
        });
      }
      pages.push({ number, width, height, items });
      page.cleanup();
    }
    const metadata = await pdf.getMetadata().catch(() => undefined);
    const title = (metadata?.info as { Title?: unknown } | undefined)?.Title;
    return { pages, metadataTitle: typeof title === 'string' && title.trim() ? title.trim() : undefined };
  } catch (error) {
    throw error instanceof ImportError ? error : describePdfError(error);
  } finally {
    await pdf.loadingTask.destroy();
  }
}

function describePdfError(error: unknown): ImportError {
  const name = (error as { name?: string })?.name ?? '';
  const message = ((error as Error)?.message ?? String(error)).split('\n')[0]!;
  if (name === 'PasswordException') return new ImportError('encrypted PDF: it needs a password to open');
  if (name === 'InvalidPDFException') return new ImportError(`corrupt PDF: ${message}`);
  return new ImportError(`unreadable PDF: ${message}`);
}
