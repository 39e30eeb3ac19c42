/**
 * The release path reads a PDF once: the text layer's objects and interpreted pages are reused by
 * the rewriter (redactPdf `parsed`), and the verification takes the original's words outside the
 * regions from the text layer (verifyRedaction with a PdfLayout) while the release is still read
 * by pdf.js. Checked here: the same bytes with and without the shared reading, the shared reading
 * left unchanged, and a verification from the layout that still fails on a leak, on characters
 * left in a region and on released text that went missing.
 */
import { PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PdfDict, resolve } from '../../src/pdf/objects/model.js';
import { listPages } from '../../src/pdf/redact/pages.js';
import { readPdfLayout, redactPdf, verifyRedaction, type PdfLayout, type PdfRegion } from '../../src/pdf/index.js';
import { TestPdf } from './helpers/make.js';

const SECRET = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet';
const line = (y: number, text: string): string => `BT /F1 12 Tf 72 ${y} Td (${text}) Tj ET\n`;

async function sample(): Promise<{ input: Uint8Array; layout: PdfLayout; regions: PdfRegion[] }> {
  const t = await TestPdf.create();
  t.page(line(700, 'UNCLASSIFIED public opening line of the page.') + line(680, `SECRET ${SECRET}`) + line(660, 'Public closing line stays as well.'));
  // A key the release drops from every object it reaches (in the untouched page's resources).
  t.page(line(700, 'A second page the redaction never touches.')).node.Resources()!.set(PDFName.of('LastModified'), PDFString.of('D:20200101'));
  const input = await t.save();
  const layout = await readPdfLayout(input);
  return { input, layout, regions: [{ page: 0, rect: [66, 674, 500, 694], label: 'B1, 1.4(C)' }] };
}

describe('one reading of the PDF, shared by the layout, the rewriter and the verification', () => {
  it('writes the same bytes with the layout’s reading as with a fresh one, and leaves that reading unchanged', async () => {
    const { input, layout, regions } = await sample();
    expect(layout.parsed).toBeDefined();
    const fresh = await redactPdf(input, regions, { title: 't' });
    const shared = await redactPdf(input, regions, { title: 't', parsed: layout.parsed! });
    const again = await redactPdf(input, regions, { title: 't', parsed: layout.parsed! });
    expect(Buffer.from(shared.bytes).equals(Buffer.from(fresh.bytes))).toBe(true);
    expect(Buffer.from(again.bytes).equals(Buffer.from(fresh.bytes))).toBe(true);
    expect(shared.report).toEqual(fresh.report);
    // The writer left the key out; the objects the layout read still have it, and no new object.
    expect(Buffer.from(shared.bytes).toString('latin1')).not.toContain('LastModified');
    const objs = layout.parsed!.objects;
    expect((resolve(objs, listPages(objs)[1]!.resources) as PdfDict).has('LastModified')).toBe(true);
    expect(objs.objects.size).toBe((await readPdfLayout(input)).parsed!.objects.objects.size);
  });

  it('verifies from the layout as from the original’s bytes', async () => {
    const { input, layout, regions } = await sample();
    const { bytes } = await redactPdf(input, regions, { parsed: layout.parsed! });
    const byLayout = await verifyRedaction(layout, bytes, regions, [`SECRET ${SECRET}`]);
    const byBytes = await verifyRedaction(input, bytes, regions, [`SECRET ${SECRET}`]);
    expect(byLayout).toMatchObject({ ok: true, leaks: [], charsInRegions: [], keptFraction: 1 });
    expect(byLayout.releasedWords).toBe(byBytes.releasedWords);
  });

  it('still fails from the layout: withheld text left in (shingles, characters in the region) or released text gone', async () => {
    const { input, layout, regions } = await sample();
    // The original given as its own "release": every withheld shingle and character is still there.
    const leaky = await verifyRedaction(layout, input, regions, [`SECRET ${SECRET}`]);
    expect(leaky.ok).toBe(false);
    expect(leaky.leaks).toEqual([{ withheld: 0, shingles: 4 }]);
    expect(leaky.charsInRegions).toHaveLength(1);
    // A release that also lost the public lines of page 1.
    const { bytes } = await redactPdf(input, [{ page: 0, rect: [66, 654, 500, 714], label: 'B1' }], { parsed: layout.parsed! });
    const lossy = await verifyRedaction(layout, bytes, regions, [`SECRET ${SECRET}`]);
    expect(lossy.ok).toBe(false);
    expect(lossy.keptFraction).toBeLessThan(0.98);
  });

  it('counts a word that pdf.js reads split in two as kept, once', async () => {
    const t = await TestPdf.create();
    t.page(line(700, 'Welcome to SID today and SID'));
    const release = await t.save();
    // The original as its reader saw it: "SIDtoday" one word (a kerning gap pdf.js took for a space).
    const text = 'Welcome to SIDtoday and SIDtoday';
    const boxes = new Float64Array(4 * text.length);
    for (let i = 0; i < text.length; i++) boxes.set(text[i] === ' ' ? [NaN, NaN, NaN, NaN] : [72 + 6 * i, 697, 78 + 6 * i, 709], 4 * i);
    const layout: PdfLayout = { text, pages: 1, sizes: [[612, 792]], lines: [{ page: 0, start: 0, end: text.length, y: 700, size: 12, x0: 72, x1: 72 + 6 * text.length, block: 0 }], boxes };
    const v = await verifyRedaction(layout, release, [], []);
    // welcome, to, sidtoday (SID today), and: kept; the second sidtoday has only "SID" left.
    expect(v.releasedWords).toBe(5);
    expect(v.keptWords).toBe(4);
  });

  it('counts a word that pdf.js reads in up to twelve pieces (ligatures, small capitals) as kept', async () => {
    const t = await TestPdf.create();
    // As pdf.js reads Chromium's DejaVu ligatures ("o" "ff" "icial") and small capitals, a glyph a run.
    t.page(line(700, 'The o ff icial o ffi ce H E A D I N G and S E'));
    const release = await t.save();
    const text = 'The official office HEADING and SECRET';
    const boxes = new Float64Array(4 * text.length);
    for (let i = 0; i < text.length; i++) boxes.set(text[i] === ' ' ? [NaN, NaN, NaN, NaN] : [72 + 6 * i, 697, 78 + 6 * i, 709], 4 * i);
    const layout: PdfLayout = { text, pages: 1, sizes: [[612, 792]], lines: [{ page: 0, start: 0, end: text.length, y: 700, size: 12, x0: 72, x1: 72 + 6 * text.length, block: 0 }], boxes };
    const v = await verifyRedaction(layout, release, [], []);
    // the, official, office, heading, and: kept; "secret" has only "S" "E" left.
    expect(v.releasedWords).toBe(6);
    expect(v.keptWords).toBe(5);
  });
});
