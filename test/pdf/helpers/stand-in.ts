/**
 * A stand-in for the PDF reader that another engineer builds: finds withheld regions the way the
 * MuPDF peer does (/work/shared/bench/peer-mupdf-pdf.mjs). Text lines come from pdf.js runs
 * (same baseline, split into columns at gaps wider than 2 em); a line opening with a classified
 * portion mark ((C), (S//SI), (TS//SI//REL) …) starts a withheld run, one opening with a (U…) mark
 * a released run, and lines without a mark continue the run they follow, in the order pdf.js
 * reads them. Every line of a withheld run becomes one region, its box from the line's left to
 * right end and from 0.25 em below the baseline to 0.85 em above it.
 */
import { readPdfText, type TextRun } from '../../../src/pdf/pdfjs.js';
import type { PdfRegion } from '../../../src/pdf/index.js';

const MARK = /^\s*\(((?:U|C|S|TS)(?:\s*\/\/?[^()]{0,60})?)\)/;
const RELEASABLE = /^U\b/;

/** A text line as the stand-in sees it. */
export interface Line {
  readonly page: number;
  readonly text: string;
  readonly rect: [number, number, number, number];
  /** Order of its first run on the page. */
  readonly order: number;
}

/** Lines of each page, in reading (content) order. */
export function linesOf(pages: readonly (readonly TextRun[])[]): Line[] {
  const out: Line[] = [];
  pages.forEach((runs, page) => {
    interface Acc { y: number; size: number; x0: number; x1: number; parts: { x: number; str: string }[]; order: number }
    const lines: Acc[] = [];
    runs.forEach((r, order) => {
      if (r.str === '' ) return;
      const [a, b, , d, e, f] = r.transform;
      if (Math.abs(b) > 1e-6 || a <= 0 || d <= 0) return; // upright text only
      const size = r.height > 0 ? r.height : d;
      const x0 = e, x1 = e + r.width;
      const line = lines.find((l) => Math.abs(l.y - f) < 0.3 * size && x0 <= l.x1 + 2 * size && x1 >= l.x0 - 2 * size);
      if (line) {
        line.parts.push({ x: x0, str: r.str });
        line.x0 = Math.min(line.x0, x0);
        line.x1 = Math.max(line.x1, x1);
      } else lines.push({ y: f, size, x0, x1, parts: [{ x: x0, str: r.str }], order });
    });
    for (const l of lines) {
      const text = l.parts.sort((p, q) => p.x - q.x).map((p) => p.str).join('').replace(/\s+/g, ' ').trim();
      if (text === '') continue;
      out.push({ page, text, rect: [l.x0, l.y - 0.25 * l.size, l.x1, l.y + 0.85 * l.size], order: l.order });
    }
  });
  return out.sort((p, q) => p.page - q.page || p.order - q.order);
}

/** Regions and the texts they withhold (one per withheld run), from lines. */
export function standInRegions(lines: readonly Line[], label = 'B1, 1.4(C)'): { regions: PdfRegion[]; withheld: string[]; released: string[] } {
  const regions: PdfRegion[] = [];
  const withheld: string[] = [];
  const released: string[] = [];
  let classified = false;
  let run: string[] | null = null;
  for (const l of lines) {
    const m = MARK.exec(l.text);
    if (m) {
      const now = !RELEASABLE.test(m[1]!.trim());
      if (run) withheld.push(run.join('\n'));
      run = now ? [] : null;
      classified = now;
    }
    if (classified) {
      regions.push({ page: l.page, rect: l.rect, label });
      run!.push(l.text);
    } else released.push(l.text);
  }
  if (run) withheld.push(run.join('\n'));
  return { regions, withheld: withheld.filter((t) => t.length > 0), released };
}

/** Regions for a PDF's bytes, read with pdf.js. */
export async function findStandInRegions(bytes: Uint8Array, label?: string): Promise<ReturnType<typeof standInRegions> & { lines: Line[] }> {
  const text = await readPdfText(bytes);
  const lines = linesOf(text.pages);
  return { ...standInRegions(lines, label), lines };
}
