/**
 * The review copy of a PDF input: the original, text intact (the review copy is never handed
 * out), with every withheld region banded in translucent red and labelled with its note (rule
 * and authority) above its first line, followed by the pages of a summary PDF.
 * Written with pdf-lib without dates or ids, so the same input gives the same bytes. pdf-lib's
 * document API (forms, appearances, drawing: most of its modules) is loaded on the first review
 * PDF, not by every process that reads or releases PDFs (those use only its parser).
 */
import { withoutConsoleWarnings } from './quiet.js';

/** The regions of one decision and the note printed beside them. */
export interface ReviewBand {
  readonly note: string;
  readonly regions: readonly { readonly page: number; readonly rect: readonly [number, number, number, number] }[];
}

/** Point size of the notes. */
export const NOTE_SIZE = 6;

/** Characters Helvetica (WinAnsi) shows; anything else becomes `?`. */
function ascii(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}

/** Where a band's note is drawn: its page, the text and the baseline's start. */
export interface NotePlacement {
  readonly page: number;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** What the note and its white ground cover: x0, y0, x1, y1. */
  readonly box: readonly [number, number, number, number];
}

/**
 * Where each band's note goes, on every page the band starts on: above its first line; where that
 * would cover another band's text (withheld lines one under the other, single-spaced), only the
 * note's first word (the portion id, which the summary pages give in full) in the margin left of
 * the line. `width` measures a text at {@link NOTE_SIZE}.
 */
export function notePlacements(bands: readonly ReviewBand[], pageWidth: (page: number) => number, width: (text: string) => number): NotePlacement[] {
  const rects = new Map<number, { band: number; rect: readonly [number, number, number, number] }[]>();
  bands.forEach((b, band) => {
    for (const r of b.regions) {
      const onPage = rects.get(r.page) ?? [];
      if (onPage.length === 0) rects.set(r.page, onPage);
      onPage.push({ band, rect: r.rect });
    }
  });
  const coversOther = (page: number, band: number, box: readonly [number, number, number, number]): boolean =>
    (rects.get(page) ?? []).some(({ band: other, rect: [x0, y0, x1, y1] }) => other !== band && box[0] < x1 + 1 && box[2] > x0 - 1 && box[1] < y1 + 2 && box[3] > y0 - 2);
  const placed: NotePlacement[] = [];
  bands.forEach((b, band) => {
    b.regions.forEach((r, k) => {
      if (k > 0 && b.regions[k - 1]!.page === r.page) return;
      const [x0, , , y1] = r.rect;
      const note = ascii(b.note);
      const w = width(note);
      const x = Math.max(2, Math.min(x0, pageWidth(r.page) - w - 2));
      const above: [number, number, number, number] = [x - 1, y1 + 2, x + w + 1, y1 + 3.5 + NOTE_SIZE];
      if (!coversOther(r.page, band, above)) {
        placed.push({ page: r.page, text: note, x, y: y1 + 3, box: above });
        return;
      }
      const tag = note.split(' ')[0]!;
      const tw = width(tag);
      const tx = Math.max(2, x0 - tw - 4);
      placed.push({ page: r.page, text: tag, x: tx, y: y1 - NOTE_SIZE, box: [tx - 1, y1 - NOTE_SIZE - 1, tx + tw + 1, y1 + 0.5] });
    });
  });
  return placed;
}

/** The original with bands and notes drawn on it, then the summary's pages. */
export async function reviewPdf(original: Uint8Array, bands: readonly ReviewBand[], summary: Uint8Array): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const RED = rgb(0.8, 0.1, 0.1);
  const doc = await withoutConsoleWarnings(() => PDFDocument.load(original, { updateMetadata: false, ignoreEncryption: false }));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = doc.getPages();
  for (const band of bands) {
    for (const r of band.regions) {
      const [x0, y0, x1, y1] = r.rect;
      pages[r.page]?.drawRectangle({ x: x0 - 1, y: y0 - 2, width: x1 - x0 + 2, height: y1 - y0 + 4, color: RED, opacity: 0.22, borderColor: RED, borderWidth: 0.4, borderOpacity: 0.8 });
    }
  }
  const placements = notePlacements(bands, (p) => pages[p]?.getWidth() ?? 0, (text) => font.widthOfTextAtSize(text, NOTE_SIZE));
  for (const n of placements) {
    const page = pages[n.page];
    if (!page) continue;
    const [bx0, by0, bx1, by1] = n.box;
    page.drawRectangle({ x: bx0, y: by0, width: bx1 - bx0, height: by1 - by0, color: rgb(1, 1, 1), opacity: 0.85 });
    page.drawText(n.text, { x: n.x, y: n.y, size: NOTE_SIZE, font, color: RED });
  }
  const src = await PDFDocument.load(summary, { updateMetadata: false });
  const copied = await doc.copyPages(src, src.getPageIndices());
  for (const p of copied) doc.addPage(p);
  return doc.save({ useObjectStreams: false });
}
