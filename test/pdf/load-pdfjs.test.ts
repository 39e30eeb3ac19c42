/**
 * pdf.js's legacy build replaces `Array.prototype.push`, `JSON.stringify` and `JSON.parse` with
 * core-js functions for the whole process; `loadPdfjs` puts the native ones back. Each case runs in
 * a fresh Node process (this test process may already hold pdf.js and its polyfills).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOADER = fileURLToPath(new URL('../../dist/pdf/load-pdfjs.js', import.meta.url));
const READER = fileURLToPath(new URL('../../dist/pdf/pdfjs.js', import.meta.url));
const DATA = fileURLToPath(new URL('../../dist/node/pdfjs-data.js', import.meta.url));

/**
 * Which of the three built-ins are still the process's own after `script` ran, in a fresh process.
 * By identity: core-js makes its functions' source text read `[native code]`.
 */
function nativesAfter(script: string): Record<string, boolean> {
  const before = 'const before = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };';
  const probe = `
    console.log(before.stringify({ push: Array.prototype.push === before.push, stringify: JSON.stringify === before.stringify, parse: JSON.parse === before.parse }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', before + script + probe], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, boolean>;
}

/** Script text: the loader and the reader imported, and `doc`, a pdf-lib document with one page that reads `read back`. */
const ONE_PAGE = `
      const { loadPdfjs } = await import(${JSON.stringify(LOADER)});
      const { readPdfText } = await import(${JSON.stringify(READER)});
      const { PDFDocument, StandardFonts } = await import('pdf-lib');
      const doc = await PDFDocument.create();
      const page = doc.addPage([300, 200]);
      page.drawText('read back', { x: 20, y: 100, font: await doc.embedFont(StandardFonts.Helvetica), size: 12 });`;

describe('loadPdfjs', () => {
  it('pdf.js imported directly replaces the built-ins (why the loader exists)', () => {
    expect(nativesAfter(`await import('pdfjs-dist/legacy/build/pdf.mjs');`)).toEqual({ push: false, stringify: false, parse: false });
  });

  it('leaves push, JSON.stringify and JSON.parse native, also after a document was read', () => {
    const script = `${ONE_PAGE}
      const text = await readPdfText(await doc.save());
      if (text.pages[0].map((r) => r.str).join('') !== 'read back') throw new Error('pdf.js did not read the page');
      await loadPdfjs();`;
    expect(nativesAfter(script)).toEqual({ push: true, stringify: true, parse: true });
  });

  /** Runs `script` in a fresh process after a counting DecompressionStream was made the global, with a one-page Flate-compressed PDF in `pdf`; returns what it prints last. */
  function withCountingInflate(script: string): Record<string, unknown> {
    const setup = `
      const { DecompressionStream: Native } = await import('node:stream/web');
      let made = 0;
      class Counting extends Native { constructor(f) { super(f); made++; } }
      globalThis.DecompressionStream = Counting;${ONE_PAGE}
      const pdf = await doc.save();
      if (!Buffer.from(pdf).toString('latin1').includes('/FlateDecode')) throw new Error('no Flate stream to read');
      await loadPdfjs();
      const text = async () => (await readPdfText(pdf)).pages[0].map((r) => r.str).join('');`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', setup + script], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
  }

  it("gives pdf.js's worker an inflate without web streams and every other reader the global's own DecompressionStream", () => {
    const script = `
      const read = await text();
      const byPdfjs = made;
      const mine = globalThis.DecompressionStream === Counting;
      const out = new globalThis.DecompressionStream('deflate');
      console.log(JSON.stringify({ read, byPdfjs, mine, made, works: out.readable instanceof ReadableStream }));`;
    expect(withCountingInflate(script)).toEqual({ read: 'read back', byPdfjs: 0, mine: true, made: 1, works: true });
  });

  it('a DecompressionStream assigned after loading is what pdf.js gets too', () => {
    const script = `
      let later = 0;
      globalThis.DecompressionStream = class extends Native { constructor(f) { super(f); later++; } };
      const read = await text();
      console.log(JSON.stringify({ read, later: later > 0, made }));`;
    expect(withCountingInflate(script)).toEqual({ read: 'read back', later: true, made: 0 });
  });

  it('in a thread declared pdf.js\'s alone, the inflating class is the global itself and pdf.js reads with it', () => {
    const script = `
      const { dedicateThreadToPdfjs, loadPdfjs } = await import(${JSON.stringify(LOADER)});
      const { readPdfText } = await import(${JSON.stringify(READER)});
      const { PDFDocument, StandardFonts } = await import('pdf-lib');
      const doc = await PDFDocument.create();
      doc.addPage([300, 200]).drawText('read back', { x: 20, y: 100, font: await doc.embedFont(StandardFonts.Helvetica), size: 12 });
      const pdf = await doc.save();
      const native = globalThis.DecompressionStream;
      dedicateThreadToPdfjs();
      await loadPdfjs();
      const desc = Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream');
      const read = (await readPdfText(pdf)).pages[0].map((r) => r.str).join('');
      const inflate = new globalThis.DecompressionStream('deflate');
      console.log(JSON.stringify({ read, plainValue: 'value' in desc, swapped: desc.value !== native, syncDeflate: typeof inflate.writable.getWriter === 'function' && !(inflate.readable instanceof ReadableStream), gzipNative: new globalThis.DecompressionStream('gzip') instanceof native }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ read: 'read back', plainValue: true, swapped: true, syncDeflate: true, gzipNative: true });
  });
});


describe('pdf.js data files', () => {
  it('with node/pdfjs-data.ts, reads a standard font file from disk once a process, however many documents use it', () => {
    // Every read of a file under pdf.js's standard_fonts/ is counted (pdf.js's own factory and
    // readPdfText's both read through fs/promises). Three documents in Helvetica: one read, the
    // same text each time.
    const script = `
      const fsp = await import('node:fs/promises');
      const { syncBuiltinESMExports } = await import('node:module');
      const own = fsp.default.readFile;
      let reads = 0;
      fsp.default.readFile = (file, ...rest) => { if (String(file).includes('standard_fonts')) reads++; return own(file, ...rest); };
      syncBuiltinESMExports();
      const { readPdfText } = await import(${JSON.stringify(READER)});
      const { CachedPdfjsData } = await import(${JSON.stringify(DATA)});
      const { PDFDocument, StandardFonts } = await import('pdf-lib');
      const texts = [];
      for (const words of ['first document', 'second document', 'third document']) {
        const doc = await PDFDocument.create();
        const font = await doc.embedFont(StandardFonts.Helvetica);
        doc.addPage([200, 200]).drawText(words, { x: 20, y: 100, size: 12, font });
        const text = await readPdfText(await doc.save(), { dataFactory: CachedPdfjsData });
        texts.push(text.pages[0].map((r) => r.str).join('') + ' ' + Math.round(text.pages[0][0].width));
      }
      console.log(JSON.stringify({ reads, texts }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const { reads, texts } = JSON.parse(out.trim().split('\n').pop()!) as { reads: number; texts: string[] };
    expect(reads).toBe(1);
    expect(texts.map((t) => t.replace(/ \d+$/, ''))).toEqual(['first document', 'second document', 'third document']);
  });
});
