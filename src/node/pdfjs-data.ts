/**
 * pdf.js's data files (standard fonts, CMaps) read as pdf.js's own Node factory reads them, but
 * each file from disk once a process rather than once a document (a {@link PdfjsDataFactory}):
 * every release PDF draws its box labels in Helvetica, and pdf.js read FoxitSans.pfb again for
 * each (opening and reading it was 5% of the pdf.js thread's time over 300 corpus PDFs). Each
 * answer is a copy of its own (pdf.js may move what it is given between its two sides). Same
 * bytes, same errors as pdf.js's factory.
 */
import type { PdfjsDataFactory, PdfjsDataKind, PdfjsDataUrls } from '../pdf/pdfjs.js';
import { readBytes } from './read.js';

const files = new Map<string, Promise<Uint8Array>>();

export const CachedPdfjsData: PdfjsDataFactory = class {
  private readonly urls: Readonly<Record<PdfjsDataKind, string | null>>;

  constructor(urls: PdfjsDataUrls) {
    this.urls = { cMapUrl: urls.cMapUrl ?? null, standardFontDataUrl: urls.standardFontDataUrl ?? null, wasmUrl: urls.wasmUrl ?? null };
  }

  async fetch({ kind, filename }: { kind: PdfjsDataKind; filename: string }): Promise<Uint8Array> {
    const base = this.urls[kind];
    if (!base) throw new Error(`Ensure that the \`${kind}\` API parameter is provided.`);
    const file = `${base}${filename}`;
    let data = files.get(file);
    if (!data) {
      data = readBytes(file);
      files.set(file, data);
    }
    try {
      return new Uint8Array(await data);
    } catch {
      files.delete(file);
      throw new Error(`Unable to load ${kind === 'cMapUrl' ? 'CMap' : kind === 'wasmUrl' ? 'wasm' : 'font'} data at: ${file}`);
    }
  }
};
