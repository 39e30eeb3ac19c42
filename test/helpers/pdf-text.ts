/**
 * Read a PDF back for tests with independent extractors: pdf.js (pdfjs-dist, always) and
 * poppler's `pdftotext` (when installed; CI installs poppler-utils).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
/** pdf.js needs the standard font data to read Courier metrics without warnings. */
const STANDARD_FONT_DATA = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;

/** What pdf.js reads from a PDF. */
export interface ExtractedPdf {
  /** Text of each page, one line per text row (rows told apart by their baseline). */
  readonly pages: string[];
  /** All pages joined with a form feed. */
  readonly text: string;
  /** The Info dictionary as pdf.js reports it (plus pdf.js's own PDFFormatVersion etc.). */
  readonly info: Record<string, unknown>;
  /** Raw XMP metadata, or null when the file has none. */
  readonly metadata: string | null;
}

interface TextPiece {
  str: string;
  transform: number[];
  width: number;
  hasEOL?: boolean;
}

/** Extract text per page and metadata with pdf.js. The input is copied (pdf.js detaches it). */
export async function extractPdfText(bytes: Uint8Array): Promise<ExtractedPdf> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: STANDARD_FONT_DATA,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let text = '';
      let lastY: number | null = null;
      let lastEnd = 0;
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as TextPiece;
        const x = item.transform[4]!;
        const y = item.transform[5]!;
        if (lastY !== null && Math.abs(y - lastY) > 1) text += '\n';
        else if (lastY !== null && x - lastEnd > 1) text += ' ';
        text += item.str;
        lastY = y;
        lastEnd = x + item.width;
      }
      pages.push(text);
      page.cleanup();
    }
    const meta = await doc.getMetadata();
    const metadata = meta.metadata ? meta.metadata.getRaw() : null;
    return { pages, text: pages.join('\f'), info: { ...(meta.info as Record<string, unknown>) }, metadata };
  } finally {
    await task.destroy();
  }
}

let pdftotextAvailable: boolean | undefined;

/** True when poppler's `pdftotext` can be run. */
export function hasPdftotext(): boolean {
  if (pdftotextAvailable === undefined) {
    const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
    pdftotextAvailable = probe.error === undefined;
  }
  return pdftotextAvailable;
}

/**
 * Extract text with poppler's `pdftotext - -` (UTF-8, pages separated by form feeds), or null
 * when the binary is not installed. Throws when pdftotext fails on the file.
 */
export function pdftotext(bytes: Uint8Array, args: readonly string[] = []): string | null {
  if (!hasPdftotext()) return null;
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', ...args, '-', '-'], { input: Buffer.from(bytes), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (out.error) throw out.error;
  if (out.status !== 0) throw new Error(`pdftotext exited with ${out.status}: ${out.stderr}`);
  return out.stdout;
}
