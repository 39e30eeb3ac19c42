/**
 * Builds synthetic PDFs for the redaction tests with pdf-lib: pages with hand-written content
 * streams (so every text operator and state can be exercised), standard Type1 fonts, a Type0
 * Identity-H font embedded from Liberation Sans (shipped by pdfjs-dist) with @pdf-lib/fontkit, a
 * Type3 font, form XObjects, images, annotations, metadata.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PDFString, PDFHexString, PDFRef, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

const require = createRequire(import.meta.url);
const STANDARD_FONTS = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts');

/** Liberation Sans Regular, as pdfjs-dist ships it. */
export function liberationSans(): Uint8Array {
  return readFileSync(path.join(STANDARD_FONTS, 'LiberationSans-Regular.ttf'));
}

/** A document being built, with helpers to add pages whose content is written by hand. */
export class TestPdf {
  private constructor(
    readonly doc: PDFDocument,
    private readonly helv: PDFRef,
    private readonly type0: PDFFont,
  ) {}

  static async create(): Promise<TestPdf> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    const helv = doc.context.register(doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }));
    const type0 = await doc.embedFont(liberationSans(), { subset: false });
    return new TestPdf(doc, helv, type0);
  }

  /** Hex string of `text` in the Type0 font (glyph ids, Identity-H). */
  hex(text: string): string {
    return this.type0.encodeText(text).toString();
  }

  /**
   * Add a page with the given content stream. Fonts: /F1 Helvetica (WinAnsi), /F2 the Type0 font;
   * `extra` adds resources: fonts, XObjects, properties.
   */
  page(content: string, extra: { fonts?: Record<string, PDFRef>; xobjects?: Record<string, PDFRef>; properties?: Record<string, PDFRef>; size?: [number, number] } = {}): PDFPage {
    const page = this.doc.addPage(extra.size ?? [612, 792]);
    page.node.setFontDictionary(PDFName.of('F1'), this.helv);
    page.node.setFontDictionary(PDFName.of('F2'), this.type0.ref);
    for (const [k, v] of Object.entries(extra.fonts ?? {})) page.node.setFontDictionary(PDFName.of(k), v);
    for (const [k, v] of Object.entries(extra.xobjects ?? {})) page.node.setXObject(PDFName.of(k), v);
    if (extra.properties) {
      const res = page.node.Resources()!;
      res.set(PDFName.of('Properties'), this.doc.context.obj(extra.properties));
    }
    page.node.set(PDFName.of('Contents'), this.doc.context.register(this.doc.context.flateStream(content)));
    return page;
  }

  /** A form XObject with the given content and bounding box, using the same fonts. */
  form(content: string, bbox: [number, number, number, number], matrix?: number[]): PDFRef {
    const ctx = this.doc.context;
    return ctx.register(
      ctx.flateStream(content, {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: bbox,
        ...(matrix ? { Matrix: matrix } : {}),
        Resources: { Font: { F1: this.helv, F2: this.type0.ref } },
      }),
    );
  }

  /** An 8-bit gray image, Flate-compressed, from `pixels` (rows top to bottom). */
  grayImage(width: number, height: number, pixels: Uint8Array): PDFRef {
    return this.doc.context.register(this.doc.context.flateStream(pixels, { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, ColorSpace: 'DeviceGray', BitsPerComponent: 8 }));
  }

  /** A Type3 font whose glyphs a–z are filled squares, width 600. */
  type3Font(): PDFRef {
    const ctx = this.doc.context;
    const procs: Record<string, PDFRef> = {};
    const names: string[] = [];
    for (let c = 97; c <= 122; c++) {
      const n = String.fromCharCode(c);
      names.push(n);
      procs[n] = ctx.register(ctx.stream('600 0 0 0 500 700 d1 0 0 500 700 re f'));
    }
    return ctx.register(
      ctx.obj({
        Type: 'Font',
        Subtype: 'Type3',
        FontBBox: [0, 0, 500, 700],
        FontMatrix: [0.001, 0, 0, 0.001, 0, 0],
        CharProcs: procs,
        Encoding: { Type: 'Encoding', Differences: [97, ...names.map((n) => PDFName.of(n))] },
        FirstChar: 97,
        LastChar: 122,
        Widths: names.map(() => 600),
        Resources: {},
      }),
    );
  }

  /** Set Info entries (text). */
  info(entries: Record<string, string>): void {
    const ctx = this.doc.context;
    const dict = ctx.obj({});
    for (const [k, v] of Object.entries(entries)) dict.set(PDFName.of(k), PDFHexString.fromText(v));
    ctx.trailerInfo.Info = ctx.register(dict);
  }

  /** Attach an XMP metadata stream to the catalog. */
  xmp(xml: string): void {
    const ctx = this.doc.context;
    this.doc.catalog.set(PDFName.of('Metadata'), ctx.register(ctx.stream(xml, { Type: 'Metadata', Subtype: 'XML' })));
  }

  /** Add an annotation dictionary to a page. */
  annot(page: PDFPage, dict: Record<string, unknown>): void {
    const ctx = this.doc.context;
    const literal: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(dict)) literal[k] = typeof v === 'string' && k !== 'Subtype' && k !== 'Type' && k !== 'S' ? PDFString.of(v) : v;
    page.node.addAnnot(ctx.register(ctx.obj(literal as never)));
  }

  async save(): Promise<Uint8Array> {
    return this.doc.save({ useObjectStreams: false });
  }
}

export { StandardFonts };

/**
 * The probes' SECRET memo, top to bottom: its (S//NF) paragraph (line {@link MEMO_SECRET_LINE})
 * names `codename`, which no other line uses; the rest is released under the public profile.
 */
export function memoLines(codename: string): string[] {
  return [
    'SECRET//NOFORN',
    '(U) This memorandum summarizes the quarterly review held at headquarters.',
    `(S//NF) The agency recruited a source codenamed ${codename} in the ministry.`,
    '(U) Next meeting is scheduled for the first week of the next quarter.',
    'Classified By: John Smith, Director',
    'Derived From: Multiple Sources',
    'Declassify On: 20301231',
    'SECRET//NOFORN',
  ];
}

/** The line of {@link memoLines} that is withheld. */
export const MEMO_SECRET_LINE = 2;

/** A SECRET memo page's content: banner, a (U) and an (S//NF) paragraph, the authority block, in Helvetica (/F1). */
export const SHORT_MEMO_OPS = [
  'SECRET//NOFORN',
  '(U) The quarterly review was held at headquarters.',
  '(S//NF) The agency recruited a source codenamed BLUEHERON.',
  'Classified By: John Smith, Director',
  'Derived From: Multiple Sources',
  'Declassify On: 20301231',
  'SECRET//NOFORN',
].map((l, i) => `BT /F1 11 Tf 60 ${740 - 22 * i} Td (${l}) Tj ET`).join('\n');

/**
 * A one-page SECRET//NOFORN memo in 12 pt Helvetica (/F1): the banners at the top and foot, an
 * (S//NF) paragraph at y 730 (`(S//NF) ZQSECRETPARA ` and `secret`), then `body` (content-stream
 * operators), then the authority block (Classified By, Reason 1.4(c), Declassify On 20501231)
 * from y 130 down. `standard` adds standard Type1 fonts by resource name (`{ F3: 'Helvetica-Bold' }`).
 */
export async function secretMemo(body: string, secret = 'text.', extra: Parameters<TestPdf['page']>[1] = {}, standard: Record<string, string> = {}): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const fonts = { ...extra.fonts };
  for (const [k, base] of Object.entries(standard)) fonts[k] = t.doc.context.register(t.doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: base, Encoding: 'WinAnsiEncoding' }));
  extra = { ...extra, fonts };
  t.page(
    [
      'BT /F1 12 Tf 1 0 0 1 250 760 Tm (SECRET//NOFORN) Tj ET',
      `BT /F1 12 Tf 1 0 0 1 72 730 Tm (\\(S//NF\\) ZQSECRETPARA ${secret}) Tj ET`,
      body,
      'BT /F1 10 Tf 1 0 0 1 72 130 Tm (Classified By: John Smith, Director) Tj ET',
      'BT /F1 10 Tf 1 0 0 1 72 118 Tm (Reason: 1.4\\(c\\)) Tj ET',
      'BT /F1 10 Tf 1 0 0 1 72 106 Tm (Declassify On: 20501231) Tj ET',
      'BT /F1 12 Tf 1 0 0 1 250 40 Tm (SECRET//NOFORN) Tj ET',
    ].join('\n'),
    extra,
  );
  return t.save();
}
