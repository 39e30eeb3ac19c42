/**
 * The review copy of a PDF input: the original, text intact (the review copy is never handed
 * out), with every withheld region banded in translucent red and labelled with its note (rule
 * and authority) in the margin beside its first line, followed by the pages of a summary PDF.
 * Written with pdf-lib without dates or ids, so the same input gives the same bytes. pdf-lib's
 * document API (forms, appearances, drawing: most of its modules) is loaded on the first review
 * PDF, not by every process that reads or releases PDFs (those use only its parser).
 */

/** The regions of one decision and the note printed beside them. */
export interface ReviewBand {
  readonly note: string;
  readonly regions: readonly { readonly page: number; readonly rect: readonly [number, number, number, number] }[];
}

const NOTE_SIZE = 6;

/** Characters Helvetica (WinAnsi) shows; anything else becomes `?`. */
function ascii(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}

/** The original with bands and notes drawn on it, then the summary's pages. */
export async function reviewPdf(original: Uint8Array, bands: readonly ReviewBand[], summary: Uint8Array, summaryPages: number): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const RED = rgb(0.8, 0.1, 0.1);
  const doc = await PDFDocument.load(original, { updateMetadata: false, ignoreEncryption: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = doc.getPages();
  for (const band of bands) {
    band.regions.forEach((r, k) => {
      const page = pages[r.page];
      if (!page) return;
      const [x0, y0, x1, y1] = r.rect;
      page.drawRectangle({ x: x0 - 1, y: y0 - 2, width: x1 - x0 + 2, height: y1 - y0 + 4, color: RED, opacity: 0.22, borderColor: RED, borderWidth: 0.4, borderOpacity: 0.8 });
      if (k > 0 && band.regions[k - 1]!.page === r.page) return;
      const note = ascii(band.note);
      const w = font.widthOfTextAtSize(note, NOTE_SIZE);
      const x = Math.max(2, Math.min(x0, page.getWidth() - w - 2));
      page.drawRectangle({ x: x - 1, y: y1 + 2, width: w + 2, height: NOTE_SIZE + 1.5, color: rgb(1, 1, 1), opacity: 0.85 });
      page.drawText(note, { x, y: y1 + 3, size: NOTE_SIZE, font, color: RED });
    });
  }
  const src = await PDFDocument.load(summary, { updateMetadata: false });
  const copied = await doc.copyPages(src, [...Array(Math.min(summaryPages, src.getPageCount())).keys()]);
  for (const p of copied) doc.addPage(p);
  return doc.save({ useObjectStreams: false });
}
