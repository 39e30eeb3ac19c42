/**
 * Reading a PDF's text with pdf.js (pdfjs-dist, legacy build for Node 20): the text runs of each
 * page with their positions, plus the document's metadata and annotation texts. This is the
 * independent reader the verification uses (it shares no code with the rewriter).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadPdfjs } from './load-pdfjs.js';

const require = createRequire(import.meta.url);
const BASE = path.dirname(require.resolve('pdfjs-dist/package.json'));

/** A run of text as pdf.js reports it. `transform` maps text space to user space; `width` is along the baseline, user units. */
export interface TextRun {
  readonly str: string;
  readonly transform: readonly [number, number, number, number, number, number];
  readonly width: number;
  readonly height: number;
}

/** What pdf.js reads from a file. */
export interface PdfText {
  /** Text runs per page (0-based). */
  readonly pages: TextRun[][];
  /** Info values, XMP, annotation contents and titles: text outside the pages' content. */
  readonly extra: string[];
}

/** A way to run {@link readPdfText}: in this thread, or on a thread of its own (node/pdfjs-thread.ts). */
export type PdfTextReader = (bytes: Uint8Array) => Promise<PdfText>;

/** Which of pdf.js's data folders a file is read from. */
export type PdfjsDataKind = 'cMapUrl' | 'standardFontDataUrl' | 'wasmUrl';

/** The folders' URLs pdf.js makes its data factory with (a folder not given: null or absent). */
export type PdfjsDataUrls = { readonly [K in PdfjsDataKind]?: string | null };

/**
 * How pdf.js reads its own data files (standard fonts, CMaps): the shape of pdf.js's
 * `BinaryDataFactory` option, a class made with the folders' URLs. Without one pdf.js reads each
 * file again for every document (node/pdfjs-data.ts keeps them for the process).
 */
export type PdfjsDataFactory = new (urls: PdfjsDataUrls) => {
  fetch(request: { kind: PdfjsDataKind; filename: string }): Promise<Uint8Array>;
};

/**
 * Read text runs, metadata and annotation texts with pdf.js. The input is copied (pdf.js detaches
 * it). `dataFactory`: how pdf.js reads its data files (default: its own, from disk each time).
 */
export async function readPdfText(bytes: Uint8Array, options: { readonly dataFactory?: PdfjsDataFactory } = {}): Promise<PdfText> {
  const { getDocument } = await loadPdfjs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: path.join(BASE, 'standard_fonts') + path.sep,
    cMapUrl: path.join(BASE, 'cmaps') + path.sep,
    cMapPacked: true,
    ...(options.dataFactory ? { BinaryDataFactory: options.dataFactory } : {}),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: TextRun[][] = [];
    const extra: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        runs.push({ str: item.str, transform: item.transform as unknown as TextRun["transform"], width: item.width, height: item.height });
      }
      pages.push(runs);
      for (const a of await page.getAnnotations()) {
        for (const k of ['contentsObj', 'titleObj', 'richText']) {
          const v = (a as Record<string, unknown>)[k] as { str?: string } | undefined;
          if (v && typeof v.str === 'string') extra.push(v.str);
        }
        for (const k of ['fieldValue', 'alternativeText', 'url', 'textContent']) {
          const v = (a as Record<string, unknown>)[k];
          if (typeof v === 'string') extra.push(v);
          else if (Array.isArray(v)) extra.push(v.filter((x) => typeof x === 'string').join(' '));
        }
      }
      page.cleanup();
    }
    const meta = await doc.getMetadata();
    for (const v of Object.values((meta.info ?? {}) as Record<string, unknown>)) {
      if (typeof v === 'string') extra.push(v);
      else if (v && typeof v === 'object') extra.push(...Object.values(v as Record<string, unknown>).filter((x): x is string => typeof x === 'string'));
    }
    if (meta.metadata) extra.push(meta.metadata.getRaw());
    const outline = await doc.getOutline();
    const walk = (items: { title: string; items: unknown[] }[] | null): void => {
      for (const it of items ?? []) {
        extra.push(it.title);
        walk(it.items as { title: string; items: unknown[] }[]);
      }
    };
    walk(outline as { title: string; items: unknown[] }[] | null);
    return { pages, extra };
  } finally {
    await task.destroy();
  }
}

/** The characters of a run with their approximate boxes (the run's width shared evenly), for upright runs; null otherwise. */
export function runChars(run: TextRun): { ch: string; box: [number, number, number, number] }[] | null {
  const [a, b, c, d, e, f] = run.transform;
  if (Math.abs(b) > 1e-6 * Math.abs(a) || Math.abs(c) > 1e-6 * Math.abs(d) || a <= 0 || d <= 0) return null;
  const chars = [...run.str];
  const n = chars.length;
  const h = run.height > 0 ? run.height : d;
  return chars.map((ch, i) => ({ ch, box: [e + (run.width * i) / n, f, e + (run.width * (i + 1)) / n, f + h] }));
}
