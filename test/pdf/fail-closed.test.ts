/**
 * Fail closed: what the rewriter cannot redact with certainty inside a withheld region stops the
 * document with a typed error naming the page and the reason, and the same thing outside every
 * region is left alone. With `rasterizeUnsure`, that page alone becomes an image with the boxes
 * burnt in and no text layer.
 */
import { describe, expect, it } from 'vitest';
import { PDFName, PDFRef } from 'pdf-lib';
import { PdfInputError, RegionError, UnsurePageError, redactPdf, type PdfRegion, type UnsureReason } from '../../src/pdf/index.js';
import { TestPdf } from './helpers/make.js';
import { everythingInFile, pdfjsText, popplerText } from './helpers/check.js';
import { hasPdftoppm, renderGray } from './helpers/render.js';

const REGION: PdfRegion = { page: 0, rect: [60, 590, 400, 615], label: 'B1, 1.4(C)' };
/**
 * A released word on the region's line, under the drawings that cross the region's edge: without
 * it, a drawing on a withheld line beside its characters is withheld with them (line-drawings.ts).
 */
const KEPT_ON_LINE = 'BT /F1 12 Tf 420 597 Td (Kept) Tj ET\n';
const PUBLIC = 'BT /F1 12 Tf 72 700 Td (Public words stay here.) Tj ET\n';

interface Case {
  readonly name: string;
  readonly reason: UnsureReason;
  /** Content drawn at y = 600 (inside REGION); extra resources. */
  build(t: TestPdf): { content: string; fonts?: Record<string, PDFRef>; patterns?: Record<string, PDFRef> };
}

function circles(n: number): string {
  // n small circles in a row from x = 300 (half of them inside the region, half beyond it).
  let s = '0 g\n';
  for (let i = 0; i < n; i++) {
    const x = 300 + i * 12, y = 600, r = 4, k = 2.2;
    s += `${x + r} ${y} m ${x + r} ${y + k} ${x + k} ${y + r} ${x} ${y + r} c ${x - k} ${y + r} ${x - r} ${y + k} ${x - r} ${y} c ${x - r} ${y - k} ${x - k} ${y - r} ${x} ${y - r} c ${x + k} ${y - r} ${x + r} ${y - k} ${x + r} ${y} c\n`;
  }
  return s + 'f\n';
}

const CASES: Case[] = [
  { name: 'a Type3 font', reason: 'type3-font', build: (t) => ({ content: 'BT /T3 12 Tf 72 600 Td (secret) Tj ET\n', fonts: { T3: t.type3Font() } }) },
  { name: 'text render mode 7 (clipping)', reason: 'clipping-text', build: () => ({ content: 'q BT 7 Tr /F1 12 Tf 72 600 Td (SECRET clip) Tj ET 0 g 60 590 300 20 re f Q\n' }) },
  {
    name: 'a Type0 font with a predefined CMap it cannot read',
    reason: 'unknown-encoding',
    build: (t) => {
      const ctx = t.doc.context;
      const cid = ctx.obj({ Type: 'Font', Subtype: 'CIDFontType0', BaseFont: 'KozMinPro-Regular', CIDSystemInfo: { Registry: ctx.obj('Adobe'), Ordering: ctx.obj('Japan1'), Supplement: 4 }, DW: 1000 });
      const f = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'KozMinPro-Regular', Encoding: 'UniJIS-UCS2-H', DescendantFonts: [ctx.register(cid)] }));
      return { content: 'BT /J1 12 Tf 72 600 Td <30423044> Tj ET\n', fonts: { J1: f } };
    },
  },
  {
    name: 'a simple font without widths that is not a standard font',
    reason: 'unknown-font',
    build: (t) => ({ content: 'BT /U1 12 Tf 72 600 Td (secret) Tj ET\n', fonts: { U1: t.doc.context.register(t.doc.context.obj({ Type: 'Font', Subtype: 'TrueType', BaseFont: 'MysteryFont', Encoding: 'WinAnsiEncoding' })) } }),
  },
  { name: 'text drawn as paths across the region edge', reason: 'text-as-paths', build: () => ({ content: circles(12) + KEPT_ON_LINE }) },
  {
    name: 'text painted with a tiling pattern',
    reason: 'tiling-pattern',
    build: (t) => {
      const ctx = t.doc.context;
      const pat = ctx.register(ctx.stream('BT /F1 8 Tf 0 0 Td (hidden) Tj ET', { Type: 'Pattern', PatternType: 1, PaintType: 1, TilingType: 1, BBox: [0, 0, 40, 10], XStep: 40, YStep: 10, Resources: {} }));
      return { content: '/Pattern cs /P1 scn BT /F1 12 Tf 72 600 Td (SECRET patterned) Tj ET\n', patterns: { P1: pat } };
    },
  },
  { name: 'an inline image across the region edge', reason: 'inline-image', build: () => ({ content: 'q 400 0 0 20 200 595 cm BI /W 2 /H 1 /CS /G /BPC 8 ID \x80\x80 EI Q\n' + KEPT_ON_LINE }) },
];

async function pdfWith(c: Case): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const b = c.build(t);
  const page = t.page(PUBLIC + b.content, { fonts: b.fonts ?? {} });
  if (b.patterns) page.node.Resources()!.set(PDFName.of('Pattern'), t.doc.context.obj(b.patterns));
  t.page(PUBLIC);
  return t.save();
}

describe.each(CASES)('$name', (c) => {
  it(`fails closed inside a region (${c.reason})`, async () => {
    const input = await pdfWith(c);
    const err = await redactPdf(input, [REGION]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsurePageError);
    expect(err).toMatchObject({ page: 0, reason: c.reason });
    expect((err as Error).message).toMatch(/^page 1: /);
  });

  it('is left alone when no region touches it', async () => {
    const input = await pdfWith(c);
    const { bytes } = await redactPdf(input, [{ page: 0, rect: [60, 690, 300, 712], label: 'B1' }]);
    expect((await pdfjsText(bytes)).pages[0]).not.toContain('Public words');
  });
});

describe('rasterizeUnsure', () => {
  it('turns only the unsure page into an image with the box burnt in and no text layer', async () => {
    const t = await TestPdf.create();
    t.page(PUBLIC + 'BT /T3 12 Tf 72 600 Td (secret) Tj ET\nBT /F1 12 Tf 72 600 Td (SECRET words beside) Tj ET\n', { fonts: { T3: t.type3Font() } });
    t.page('BT /F1 12 Tf 72 700 Td (Second page public text.) Tj ET\nBT /F1 12 Tf 72 600 Td (SECRET second page words) Tj ET\n');
    const input = await t.save();
    const regions: PdfRegion[] = [REGION, { ...REGION, page: 1 }];
    const { bytes, report } = await redactPdf(input, regions, { rasterizeUnsure: true, rasterDpi: 100 });
    expect(report.redactedPages[0]!.rasterized?.[0]).toMatch(/^type3-font/);
    expect(report.redactedPages[1]!.rasterized).toBeUndefined();
    const js = await pdfjsText(bytes);
    expect(js.pages[0]!.trim()).toBe('');
    expect(js.pages[1]).toContain('Second page public text.');
    expect(js.pages[1]).not.toContain('SECRET');
    const pop = popplerText(bytes);
    if (pop !== null) expect(pop).not.toContain('SECRET');
    expect(await everythingInFile(bytes)).not.toContain('SECRET');
    if (hasPdftoppm()) {
      // The middle of the region is black in the pixels; the public line above is still drawn.
      const g = renderGray(bytes, 0, 72);
      expect(g.data[(792 - 602) * g.width + 200]).toBeLessThan(40);
      const row = 792 - 704;
      let dark = 0;
      for (let x = 72; x < 200; x++) if (g.data[row * g.width + x]! < 128) dark++;
      expect(dark).toBeGreaterThan(5);
    }
    const again = await redactPdf(input, regions, { rasterizeUnsure: true, rasterDpi: 100 });
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('bad input', () => {
  it('refuses a region outside the document and one without area', async () => {
    const t = await TestPdf.create();
    t.page(PUBLIC);
    const input = await t.save();
    await expect(redactPdf(input, [{ ...REGION, page: 3 }])).rejects.toBeInstanceOf(RegionError);
    await expect(redactPdf(input, [{ ...REGION, rect: [10, 10, 10, 50] }])).rejects.toBeInstanceOf(RegionError);
  });

  it('refuses bytes that are not a PDF, and an encrypted PDF', async () => {
    await expect(redactPdf(new TextEncoder().encode('hello world, not a pdf'), [])).rejects.toBeInstanceOf(PdfInputError);
    const t = await TestPdf.create();
    t.page(PUBLIC);
    t.doc.context.trailerInfo.Encrypt = t.doc.context.register(t.doc.context.obj({ Filter: 'Standard', V: 1, R: 2 }));
    const input = await t.save();
    await expect(redactPdf(input, [])).rejects.toBeInstanceOf(PdfInputError);
  });
});
