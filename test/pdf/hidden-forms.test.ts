/**
 * Text no reader sees, made so in ways the reader did not recognise (probe 61a, F1-F3): white set
 * with `sc`/`scn` (RGB, a Separation at tint 0 or of colorant /None, a white Indexed entry), a
 * near-zero alpha, an all-black luminosity soft mask, a transparency group drawn nearly
 * transparent, glyphs of 0.1 pt, text clipped away (a `W n` clip, a form's /BBox), text painted
 * over by a white rectangle, an image or a producer's box. Each hid `ZQHIDE …` on the line right
 * under a `(U)` line, which joined it to the (U) paragraph and released it. Unseen, it is a piece
 * of its own (unmarked, withheld in a SECRET memo), and the (U) line is released whole. Each
 * release is read back with pdf.js, pdftotext and a raw search of its streams.
 */
import { PDFDocument, PDFHexString, PDFName, StandardFonts, type PDFFont, type PDFPage, type PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestPdf } from './helpers/make.js';
import { pdfjsText, popplerText, rawAndInflated } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

const SIZE = 10;
let helv: PDFFont;

beforeAll(async () => {
  helv = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
});

const lit = (s: string): string => `(${s.replace(/[()\\]/g, (c) => `\\${c}`)})`;
const show = (x: number, y: number, s: string, state = ''): string => `BT /F1 ${SIZE} Tf ${state} ${x.toFixed(2)} ${y} Td ${lit(s)} Tj ET`;

const U_LINE = '(U) UQALPHA public paragraph about the weather.';
const HIDDEN = 'ZQHIDE own line words';
const AUTHORITY = [show(72, 560, 'Classified By: John Smith, Director'), show(72, 548, 'Derived From: Multiple Sources'), show(72, 536, 'Declassify On: 20451231'), show(260, 40, 'SECRET//NOFORN')];

/** Resources a case draws with, made in its document. */
type Extra = (t: TestPdf) => { colorSpaces?: Record<string, unknown>; extGStates?: Record<string, unknown>; xobjects?: Record<string, PDFRef> };

/** Releases a one-page SECRET memo drawing `content` and returns the texts an independent reader finds in it. */
async function released(content: string[], extra: Extra = () => ({})): Promise<{ txt: string; shown: string; poppler: string; raw: string }> {
  const t = await TestPdf.create();
  const e = extra(t);
  const page: PDFPage = t.page([show(260, 760, 'SECRET//NOFORN'), ...content, show(72, 620, '(S//NF) ZQBRAVO the source met the minister.'), ...AUTHORITY].join('\n'), { xobjects: e.xobjects ?? {} });
  const res = page.node.Resources()!;
  if (e.colorSpaces) res.set(PDFName.of('ColorSpace'), t.doc.context.obj(e.colorSpaces as never));
  if (e.extGStates) res.set(PDFName.of('ExtGState'), t.doc.context.obj(e.extGStates as never));
  const { pdf, text, failed } = await releaseMemoPdf(await t.doc.save({ useObjectStreams: false }));
  expect(failed).toBe(0);
  expect(pdf).not.toBeNull();
  return { txt: text ?? '', shown: (await pdfjsText(pdf!)).pages.join('\n'), poppler: popplerText(pdf!) ?? '', raw: rawAndInflated(pdf!) };
}

/** A luminosity soft mask whose group paints black over the page: it hides everything. */
const blackMask: Extra = (t) => {
  const g = t.doc.context.register(t.doc.context.flateStream('0 g 0 0 612 792 re f', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 612, 792], Group: { S: 'Transparency', CS: 'DeviceRGB' } }));
  return { extGStates: { GSm: { Type: 'ExtGState', SMask: { Type: 'Mask', S: 'Luminosity', G: g } } } };
};

/** Each case: the content that draws the hidden line at y 688 (the (U) line at 700), and its resources. */
const CASES: readonly (readonly [string, string, Extra?])[] = [
  ['white through sc in DeviceRGB', `q /DeviceRGB cs 1 1 1 sc ${show(72, 688, HIDDEN)} Q`],
  ['white through scn in DeviceGray', `q /DeviceGray cs 1 scn ${show(72, 688, HIDDEN)} Q`],
  ['a Separation at tint 0', `q /CSsep cs 0 scn ${show(72, 688, HIDDEN)} Q`, () => ({ colorSpaces: { CSsep: ['Separation', 'Spot', 'DeviceCMYK', { FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [0, 0, 0, 1], N: 1 }] } })],
  ['a Separation of colorant /None', `q /CSnone cs 1 scn ${show(72, 688, HIDDEN)} Q`, () => ({ colorSpaces: { CSnone: ['Separation', 'None', 'DeviceGray', { FunctionType: 2, Domain: [0, 1], C0: [1], C1: [0], N: 1 }] } })],
  ['a white Indexed entry', `q /CSidx cs 1 sc ${show(72, 688, HIDDEN)} Q`, () => ({ colorSpaces: { CSidx: ['Indexed', 'DeviceRGB', 1, PDFHexString.of('000000FFFFFF')] } })],
  ['fill alpha 0.004', `q /GSfaint gs ${show(72, 688, HIDDEN)} Q`, () => ({ extGStates: { GSfaint: { Type: 'ExtGState', ca: 0.004 } } })],
  ['an all-black luminosity soft mask', `q /GSm gs ${show(72, 688, HIDDEN)} Q`, blackMask],
  [
    'a transparency group drawn at alpha 0.01 (opaque inside)',
    'q /GSfaint gs /Fm1 Do Q',
    (t) => {
      // No /Resources of its own: it draws with the page's (its font, /GSone).
      const fm = t.doc.context.register(t.doc.context.flateStream(`/GSone gs ${show(72, 688, HIDDEN)}`, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 612, 792], Group: { S: 'Transparency' } }));
      return { extGStates: { GSfaint: { Type: 'ExtGState', ca: 0.01 }, GSone: { Type: 'ExtGState', ca: 1 } }, xobjects: { Fm1: fm } };
    },
  ],
  ['a CTM that scales glyphs to 0.1 pt', `q 0.01 0 0 0.01 72 688 cm ${show(0, 0, HIDDEN)} Q`],
  ['a text matrix that scales glyphs to 0.1 pt', `BT /F1 10 Tf 0.01 0 0 0.01 72 688 Tm ${lit(HIDDEN)} Tj ET`],
  ['a font size of 0.1', `BT /F1 0.1 Tf 72 688 Td ${lit(HIDDEN)} Tj ET`],
  ['a clip far from the text', `q 0 0 1 1 re W n ${show(72, 688, HIDDEN)} Q`],
  ['a form whose /BBox is [0 0 1 1]', '/Fm1 Do', (t) => ({ xobjects: { Fm1: t.form(show(72, 688, HIDDEN), [0, 0, 1, 1]) } })],
  ['a white rectangle painted over it', `${show(72, 688, HIDDEN)}\nq 1 g 70 684 300 12 re f Q`],
  ['an opaque inline image drawn over it', `${show(72, 688, HIDDEN)}\nq 300 0 0 14 70 684 cm BI /W 1 /H 1 /CS /G /BPC 8 ID A EI Q`],
  ['an opaque image XObject drawn over it', `${show(72, 688, HIDDEN)}\nq 300 0 0 14 70 684 cm /Im1 Do Q`, (t) => ({ xobjects: { Im1: t.grayImage(1, 1, Uint8Array.of(200)) } })],
];

describe('text made unseen in forms the reader now recognises', () => {
  for (const [name, hidden, extra] of CASES) {
    it(`withholds a line hidden by ${name} under a (U) line, and releases the (U) line`, async () => {
      const r = await released([show(72, 700, U_LINE), hidden], extra);
      for (const t of [r.txt, r.shown, r.poppler, r.raw]) expect(t).not.toMatch(/ZQ/);
      for (const t of [r.txt, r.shown, r.poppler]) expect(t).toContain('UQALPHA public paragraph about the weather.');
    });
  }
});

describe('text under a producer’s box inside a (U) line (probe 61a, F2)', () => {
  it('withholds the words under the box and keeps the box', async () => {
    const before = '(U) UQALPHA public ';
    const x = 72 + helv.widthOfTextAtSize(before, SIZE);
    const w = helv.widthOfTextAtSize('ZQFAKEBOX', SIZE);
    const r = await released([show(72, 700, `${before}ZQFAKEBOX paragraph about the weather.`), `q 0 g ${(x - 1).toFixed(2)} 696 ${(w + 2).toFixed(2)} 12 re f Q`]);
    for (const t of [r.txt, r.shown, r.poppler, r.raw]) expect(t).not.toMatch(/ZQ/);
    for (const t of [r.txt, r.shown, r.poppler]) expect(t).toContain('UQALPHA public');
  });
});

describe('an invisible copy of a (U) line drawn over it (probe 61a, F3; probe 64b, F2)', () => {
  it('is refused: the invisible text is withheld apart, and its region would take the (U) words under it', async () => {
    // Released, the (U) line stood whole in the release text while the release PDF lost the words
    // under the overlay to a B1 box (removal goes by region): the two disagreed.
    const t = await TestPdf.create();
    t.page([show(260, 760, 'SECRET//NOFORN'), show(72, 700, U_LINE), show(72, 700, 'ZQOVERLAY duplicate text words here', '3 Tr'), show(72, 620, '(S//NF) ZQBRAVO the source met the minister.'), ...AUTHORITY].join('\n'));
    const { pdf, text, failed } = await releaseMemoPdf(await t.doc.save({ useObjectStreams: false }));
    expect(failed).toBe(1);
    expect(pdf).toBeNull();
    expect(text).toBeNull();
  });
});
