/**
 * The pdf.js thread of in-thread PDF batches (dist/node/pdfjs-thread.js: the thread needs the
 * compiled worker, which the test setup builds): it reads a PDF exactly as readPdfText does in
 * this thread, fails a file pdf.js cannot read with pdf.js's message, and leaves the caller's bytes alone.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { PdfTextThread as ThreadClass } from '../../src/node/pdfjs-thread.js';
import { readPdfText } from '../../src/pdf/pdfjs.js';
import { checkRelease, type CheckInput } from '../../src/pdf/verify.js';
import { JobCache } from '../../src/batch/job.js';

const { PdfTextThread } = (await import(new URL('../../dist/node/pdfjs-thread.js', import.meta.url).href)) as { PdfTextThread: typeof ThreadClass };

async function twoPages(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const words of ['(S) the first page of a marked memo', '(U) the second page, released']) {
    const page = doc.addPage([612, 792]);
    page.drawText(words, { x: 72, y: 700, size: 12, font });
  }
  doc.setTitle('A title in the Info dictionary');
  return doc.save();
}

describe('PdfTextThread', () => {
  it('reads what readPdfText reads in this thread, and leaves the bytes given usable', async () => {
    const bytes = await twoPages();
    const before = Buffer.from(bytes).toString('hex');
    const thread = PdfTextThread.start()!;
    expect(thread).not.toBeNull();
    try {
      const [there, here] = await Promise.all([thread.read(bytes), readPdfText(bytes)]);
      expect(there).toEqual(here);
      expect(there.pages.map((runs) => runs.map((r) => r.str).join(''))).toEqual(['(S) the first page of a marked memo', '(U) the second page, released']);
      expect(there.extra).toContain('A title in the Info dictionary');
      // Several at once come back each to its own caller.
      const again = await Promise.all([thread.read(bytes), thread.read(bytes), thread.read(bytes)]);
      for (const t of again) expect(t).toEqual(here);
      expect(Buffer.from(bytes).toString('hex')).toBe(before);
    } finally {
      await thread.close();
    }
  });

  it('checks a release as checkRelease does in this thread, leaks and characters in regions included', async () => {
    const bytes = await twoPages();
    const thread = PdfTextThread.start()!;
    try {
      const here = await readPdfText(bytes);
      const clean: CheckInput = { outside: ['(U) the second page, released'], regions: [], withheldTexts: [], shingleWords: 8, minKeptFraction: 0.98, releasedTexts: [] };
      // The first page's text was "withheld" and is still there: a leak, and characters in its region.
      const leaking: CheckInput = { ...clean, regions: [{ page: 0, rect: [60, 690, 400, 720], label: 'B1' }], withheldTexts: ['(S) the first page of a marked memo'], shingleWords: 4 };
      for (const input of [clean, leaking]) expect(await thread.check(bytes, input)).toEqual(checkRelease(input, here));
      const found = await thread.check(bytes, leaking);
      expect(found.ok).toBe(false);
      expect(found.leaks).toEqual([{ withheld: 0, shingles: 5 }]); // 8 words, 4-word runs
      expect(found.charsInRegions.length).toBe(1);
      expect((await thread.check(bytes, clean)).ok).toBe(true);
    } finally {
      await thread.close();
    }
  });

  it('fails a file pdf.js cannot read with the message pdf.js gives in this thread, and reads the next one', async () => {
    const junk = new TextEncoder().encode('%PDF-1.7\nnot a PDF at all');
    const here = await readPdfText(junk).then(
      () => 'read',
      (e: Error) => e.message.split('\n')[0],
    );
    const thread = PdfTextThread.start()!;
    try {
      await expect(thread.read(junk)).rejects.toThrow(here);
      expect((await thread.read(await twoPages())).pages).toHaveLength(2);
    } finally {
      await thread.close();
    }
  });

  it('after close, a reading fails at once', async () => {
    const thread = PdfTextThread.start()!;
    await thread.close();
    await expect(thread.read(await twoPages())).rejects.toThrow(/^cannot read the PDF with pdf\.js: the pdf\.js thread was closed/);
  });

  it('a thread that dies fails the readings waiting on it, and a batch gets a new one for the next document', async () => {
    const cache = new JobCache(null, () => PdfTextThread.start());
    const first = cache.pdfTextThread()!;
    expect(cache.pdfTextThread()).toBe(first);
    const waiting = first.read(await twoPages());
    // As if pdf.js had crashed the thread.
    await (first as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await expect(waiting).rejects.toThrow(/^cannot read the PDF with pdf\.js: the pdf\.js thread stopped/);
    expect(first.failed).toBe(true);
    const second = cache.pdfTextThread()!;
    expect(second).not.toBe(first);
    expect((await second.read(await twoPages())).pages).toHaveLength(2);
    await cache.close();
  });
});
