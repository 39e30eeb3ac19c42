/**
 * The direct PDF serializer (src/render/pdf/write.ts) against pdf-lib: the same pages and meta
 * written the way pdf-lib 1.17 wrote them (the code write.ts used until it was replaced) must
 * give the same bytes, and pdf-lib must read the file back.
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, StandardFonts, type PDFFont } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { layoutRelease, layoutReview, serializePdf, writePdf, type PageLayout, type PdfFont, type PdfMeta } from '../../../src/render/pdf/index.js';
import fc from 'fast-check';
import { CONTENT_DEFLATE_LEVEL, num, pageContent } from '../../../src/render/pdf/write.js';
import { repeatedRelease, seedRelease, seedReview, wrappedRelease, wrappedReview } from './fixtures.js';

const FONT_RESOURCE: Readonly<Record<PdfFont, string>> = { mono: 'F1', 'mono-bold': 'F2' };

/** The pdf-lib writer write.ts used to be: the reference for the bytes. */
async function writeWithPdfLib(pages: readonly PageLayout[], meta: PdfMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Record<PdfFont, PDFFont> = { mono: await doc.embedFont(StandardFonts.Courier), 'mono-bold': await doc.embedFont(StandardFonts.CourierBold) };
  doc.setTitle(meta.title);
  if (meta.subject !== undefined && meta.subject !== '') doc.setSubject(meta.subject);
  if (meta.keywords !== undefined && meta.keywords.length > 0) doc.setKeywords([...meta.keywords]);
  for (const layout of pages) {
    const page = doc.addPage([layout.width, layout.height]);
    for (const key of Object.keys(FONT_RESOURCE) as PdfFont[]) page.node.setFontDictionary(PDFName.of(FONT_RESOURCE[key]), fonts[key].ref);
    const content = deflateSync(Buffer.from(pageContent(layout), 'latin1'), { level: CONTENT_DEFLATE_LEVEL });
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(content, { Filter: 'FlateDecode' })));
    page.node.delete(PDFName.of('Annots'));
    page.node.Resources()?.delete(PDFName.of('XObject'));
    page.node.Resources()?.delete(PDFName.of('ExtGState'));
  }
  return doc.save({ useObjectStreams: false, addDefaultPage: true, updateFieldAppearances: false });
}

const release = layoutRelease(seedRelease().view).pages;
const cases: readonly (readonly [string, readonly PageLayout[], PdfMeta])[] = [
  ['release, letter', release, { title: '08BERLIN173 - public release', subject: 'UNCLASSIFIED - RELEASE IN PART B1' }],
  ['release, a4, wrapped', layoutRelease(wrappedRelease().view, { pageSize: 'a4' }).pages, { title: 'x' }],
  ['review, letter', layoutReview(seedReview()).pages, { title: 'REVIEW COPY - NOT FOR RELEASE: 08BERLIN173', subject: 'CONFIDENTIAL' }],
  ['review, a4, wrapped', layoutReview(wrappedReview(), { pageSize: 'a4' }).pages, { title: 'y', subject: '' }],
  ['more than 50 objects (pdf-lib yields every 50)', layoutRelease(repeatedRelease(20)).pages, { title: 't', subject: 's' }],
  ['no pages (a blank A4 page)', [], { title: 'x', keywords: ['a', 'b c'] }],
  ['a title outside the BMP and Latin-1', release, { title: 'Ünïcode ¶ 𝄞 И', subject: '—', keywords: ['k'] }],
  ['an empty page and an empty title', [{ width: 612, height: 792, items: [] }], { title: '' }],
];

describe('serializePdf', () => {
  it.each(cases)('%s: the bytes pdf-lib wrote, read back by pdf-lib', async (_name, pages, meta) => {
    const bytes = serializePdf(pages, meta);
    expect(Buffer.from(bytes).equals(Buffer.from(await writeWithPdfLib(pages, meta)))).toBe(true);
    expect(Buffer.from(await writePdf(pages, meta)).equals(Buffer.from(bytes))).toBe(true);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(Math.max(1, pages.length));
    expect(doc.getTitle()).toBe(meta.title);
  });

  it('gives a buffer of its own (not a view into a shared pool)', () => {
    const bytes = serializePdf(release, { title: 'x' });
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.length);
  });
});

describe('num', () => {
  /** How numbers were written before: through toFixed and a regular expression. */
  const viaToFixed = (n: number): string => {
    const v = Math.round(n * 100) / 100 || 0;
    return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0+$/, '');
  };
  it.each([0, -0, 0.004, -0.004, 0.005, -0.005, 0.07, -0.07, 0.1, 1.005, 2.675, -2.675, 12.3, -12.3, 99.995, 595.28, 841.89, 1e6 + 0.01])('%d as before', (n) => {
    expect(num(n)).toBe(viaToFixed(n));
  });
  it('writes any page coordinate as before', () => {
    fc.assert(fc.property(fc.double({ min: -5000, max: 5000, noNaN: true }), (n) => num(n) === viaToFixed(n)), { numRuns: 20_000 });
    fc.assert(fc.property(fc.integer({ min: -500_000, max: 500_000 }), (k) => num(k / 100) === viaToFixed(k / 100)), { numRuns: 20_000 });
  });
});

describe('pageContent text positions', () => {
  /**
   * Where a reader puts each text item: Tm sets the line start, Td adds to it in double
   * precision (as pdf.js and poppler do), BT starts again from nothing.
   */
  const readerPositions = (content: string): [number, number][] => {
    const out: [number, number][] = [];
    let x = NaN;
    let y = NaN;
    for (const line of content.split('\n')) {
      const tm = /^1 0 0 1 (\S+) (\S+) Tm$/.exec(line);
      const td = /^(\S+) (\S+) Td$/.exec(line);
      if (line === 'BT') [x, y] = [NaN, NaN];
      else if (tm) [x, y] = [Number(tm[1]), Number(tm[2])];
      else if (td) [x, y] = [x + Number(td[1]), y + Number(td[2])];
      else if (line.endsWith(') Tj')) out.push([x, y]);
    }
    return out;
  };
  const coordinate = fc.oneof(fc.integer({ min: 0, max: 80_000 }).map((k) => k / 100), fc.double({ min: 0, max: 800, noNaN: true }));
  const item = fc.oneof(
    fc.record({ x: coordinate, y: coordinate }).map(({ x, y }) => ({ kind: 'text' as const, x, y, size: 9, font: 'mono' as const, text: 'a', color: { r: 0, g: 0, b: 0 } })),
    fc.constant({ kind: 'rect' as const, x: 1, y: 1, width: 2, height: 2, color: { r: 0.5, g: 0.5, b: 0.5 } }),
  );

  it('puts every line exactly where an absolute Tm with the same numbers would (property)', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const content = pageContent({ width: 612, height: 792, items });
        const expected = items.filter((i) => i.kind === 'text').map((i): [number, number] => [Number(num(i.x)), Number(num(i.y))]);
        expect(readerPositions(content)).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it('sets the lines of a column relative to each other', () => {
    const lines = [729.8, 718.8, 707.8].map((y) => ({ kind: 'text' as const, x: 60, y, size: 9, font: 'mono' as const, text: 'x', color: { r: 0, g: 0, b: 0 } }));
    expect(pageContent({ width: 612, height: 792, items: lines })).toBe('q\nBT\n/F1 9 Tf\n0 0 0 rg\n1 0 0 1 60 729.8 Tm\n(x) Tj\n0 -11 Td\n(x) Tj\n0 -11 Td\n(x) Tj\nET\nQ');
  });
});
