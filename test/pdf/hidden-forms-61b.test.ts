/**
 * Text no reader sees, made so in ways probe 61b found the reader did not recognise, and paint
 * that hides nothing taken for a cover. Hidden: text in an optional-content group that is off
 * when the document opens (`BDC /OC … EMC`, a form's /OC; F8); text under an opaque box drawn as
 * four segments, under two `re` in one fill, under a shading in a rectangular clip (F7). Each hid
 * `ZQHIDE …` on the line right under a `(U)` line, which joined it to the (U) paragraph and
 * released it; unseen, it is a piece of its own (unmarked, withheld in a SECRET memo). Not hidden:
 * a (U) line inside the box of an even-odd ring clip or a triangle clip that a full-page fill is
 * drawn through (F10): it was cut mid-word as covered and withheld. Each release is read back
 * with pdf.js, pdftotext and a raw search of its streams.
 */
import { PDFDocument, PDFName, StandardFonts, type PDFFont, type PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestPdf } from './helpers/make.js';
import { pdfjsText, popplerText, rawAndInflated } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { interpretPage } from '../../src/pdf/content/interpret.js';
import { PdfDict } from '../../src/pdf/objects/model.js';

const SIZE = 10;
let helv: PDFFont;

beforeAll(async () => {
  helv = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
});

const lit = (s: string): string => `(${s.replace(/[()\\]/g, (c) => `\\${c}`)})`;
const show = (x: number, y: number, s: string): string => `BT /F1 ${SIZE} Tf ${x.toFixed(2)} ${y} Td ${lit(s)} Tj ET`;

const U_LINE = '(U) UQALPHA public paragraph about the weather and it goes on to the';
const HIDDEN = 'ZQHIDE own line words';
const AUTHORITY = [show(72, 560, 'Classified By: John Smith, Director'), show(72, 548, 'Derived From: Multiple Sources'), show(72, 536, 'Declassify On: 20451231'), show(260, 40, 'SECRET//NOFORN')];

/** What a case adds to its document: resources of the page, and entries of the catalog. */
type Extra = (t: TestPdf) => { xobjects?: Record<string, PDFRef>; properties?: Record<string, PDFRef>; shadings?: Record<string, unknown> };

/** Releases a one-page SECRET memo drawing `content` and returns the texts an independent reader finds in it, and the warnings. */
async function released(content: string[], extra: Extra = () => ({})): Promise<{ txt: string; shown: string; poppler: string; raw: string }> {
  const t = await TestPdf.create();
  const e = extra(t);
  const page = t.page([show(260, 760, 'SECRET//NOFORN'), ...content, show(72, 620, '(S//NF) ZQBRAVO the source met the minister.'), ...AUTHORITY].join('\n'), { xobjects: e.xobjects ?? {}, properties: e.properties ?? {} });
  if (e.shadings) page.node.Resources()!.set(PDFName.of('Shading'), t.doc.context.obj(e.shadings as never));
  const { pdf, text, failed } = await releaseMemoPdf(await t.doc.save({ useObjectStreams: false }));
  expect(failed).toBe(0);
  expect(pdf).not.toBeNull();
  return { txt: text ?? '', shown: (await pdfjsText(pdf!)).pages.join('\n'), poppler: popplerText(pdf!) ?? '', raw: rawAndInflated(pdf!) };
}

/** Two optional-content groups, /OC1 off and /OC2 on, in the catalog's default configuration (`base` its /BaseState). */
function groups(t: TestPdf, base?: 'OFF'): { oc1: PDFRef; oc2: PDFRef } {
  const ctx = t.doc.context;
  const oc1 = ctx.register(ctx.obj({ Type: 'OCG', Name: 'Layer 1' }));
  const oc2 = ctx.register(ctx.obj({ Type: 'OCG', Name: 'Layer 2' }));
  const d = base === 'OFF' ? { BaseState: 'OFF', ON: [oc2] } : { OFF: [oc1] };
  t.doc.catalog.set(PDFName.of('OCProperties'), ctx.obj({ OCGs: [oc1, oc2], D: d }));
  return { oc1, oc2 };
}

const offLayer: Extra = (t) => ({ properties: { OC1: groups(t).oc1 } });

/** Each case: the content that draws the hidden line at y 688 (the (U) line at 700), and what it adds. */
const CASES: readonly (readonly [string, string, Extra?])[] = [
  ['an optional-content group in the /OFF list (BDC /OC /name)', `/OC /OC1 BDC ${show(72, 688, HIDDEN)} EMC`, offLayer],
  ['an optional-content group left off by /BaseState /OFF', `/OC /OC1 BDC ${show(72, 688, HIDDEN)} EMC`, (t) => ({ properties: { OC1: groups(t, 'OFF').oc1 } })],
  [
    'a membership dictionary (/OCMD, AllOn) over an off and an on group',
    `/OC /MD1 BDC ${show(72, 688, HIDDEN)} EMC`,
    (t) => {
      const { oc1, oc2 } = groups(t);
      return { properties: { MD1: t.doc.context.register(t.doc.context.obj({ Type: 'OCMD', OCGs: [oc1, oc2], P: 'AllOn' })) } };
    },
  ],
  [
    'a form whose /OC is off',
    '/Fm1 Do',
    (t) => {
      const { oc1 } = groups(t);
      return { xobjects: { Fm1: t.doc.context.register(t.doc.context.flateStream(show(72, 688, HIDDEN), { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 612, 792], OC: oc1 })) } };
    },
  ],
  [
    'a group on in /D whose /Usage turns it off for viewing (Acrobat applies it through /AS; probe 61d F2)',
    `/OC /OC3 BDC ${show(72, 688, HIDDEN)} EMC`,
    (t) => {
      const ctx = t.doc.context;
      const oc3 = ctx.register(ctx.obj({ Type: 'OCG', Name: 'Layer 3', Usage: { View: { ViewState: 'OFF' } } }));
      t.doc.catalog.set(PDFName.of('OCProperties'), ctx.obj({ OCGs: [oc3], D: { ON: [oc3], AS: [{ Event: 'View', Category: ['View'], OCGs: [oc3] }] } }));
      return { properties: { OC3: oc3 } };
    },
  ],
  ['an opaque box drawn as four segments (m l l l h f)', `${show(72, 688, HIDDEN)}\nq 0 g 70 684 m 440 684 l 440 698 l 70 698 l h f Q`],
  ['two re in one fill, overlapping', `${show(72, 688, HIDDEN)}\nq 0 g 70 684 190 14 re 258 684 190 14 re f Q`],
  [
    'a shading inside a rectangular clip',
    `${show(72, 688, HIDDEN)}\nq 70 684 380 14 re W n /Sh1 sh Q`,
    () => ({ shadings: { Sh1: { ShadingType: 2, ColorSpace: 'DeviceGray', Coords: [0, 0, 612, 0], Function: { FunctionType: 2, Domain: [0, 1], C0: [1], C1: [1], N: 1 }, Extend: [true, true] } } }),
  ],
];

describe('text made unseen in forms probe 61b found (F7, F8)', () => {
  for (const [name, hidden, extra] of CASES) {
    it(`withholds a line hidden by ${name} under a (U) line, and releases the (U) line`, async () => {
      const r = await released([show(72, 700, U_LINE), hidden], extra);
      for (const t of [r.txt, r.shown, r.poppler, r.raw]) expect(t).not.toMatch(/ZQ/);
      for (const t of [r.txt, r.shown, r.poppler]) expect(t).toContain('UQALPHA public paragraph about the weather');
    });
  }

  it('control: a line in an optional-content group that is on stays the (U) line\'s wrap', async () => {
    const r = await released([show(72, 700, U_LINE), `/OC /OC2 BDC ${show(72, 688, 'uqwrap end of the sentence.')} EMC`], (t) => ({ properties: { OC2: groups(t).oc2 } }));
    for (const t of [r.txt, r.shown, r.poppler, r.raw]) expect(t).not.toMatch(/ZQ/);
    expect(r.txt).toMatch(/goes on to the\s+uqwrap end of the sentence\./);
  });
});

describe('a fill drawn through a clip that is not one rectangle covers nothing (F10)', () => {
  const line = '(U) UQALPHA public line that anyone may read today about the harbour.';
  const x = (s: string): number => 72 + helv.widthOfTextAtSize(s, SIZE);
  const CLIPS: readonly (readonly [string, () => string])[] = [
    ['an even-odd ring around words of the line', () => { const a = x('(U) UQALPHA public line that anyone may re'); return `${a.toFixed(2)} 696 110 16 re ${(a + 1).toFixed(2)} 697 108 14 re W* n`; }],
    ['a triangle whose box holds the line', () => '70 690 m 450 690 l 450 730 l h W n'],
  ];
  for (const [name, clip] of CLIPS) {
    it(`${name}: the (U) line is released whole`, async () => {
      const r = await released([show(72, 700, line), `q ${clip()} 0.9 0 0 rg 0 0 612 792 re f Q`]);
      for (const t of [r.txt, r.shown, r.poppler, r.raw]) expect(t).not.toMatch(/ZQ/);
      for (const t of [r.txt, r.shown, r.poppler]) expect(t).toContain('UQALPHA public line that anyone may read today about the harbour.');
    });
  }
});

describe('what the interpreter takes for a cover (F7, F10)', () => {
  /** The covers a page drawing the line at y 700, then `paint`, records (what each is). */
  const covers = (paint: string): string[] => {
    const objs = { objects: new Map(), trailer: new PdfDict() };
    const content = `${show(72, 700, '(U) UQALPHA public line words')}\n${paint}`;
    return interpretPage(objs, new TextEncoder().encode(content), undefined, [0, 0, 612, 792]).covers.map((c) => c.what);
  };

  it.each([
    ['an even-odd ring clip', 'q 70 690 300 25 re 71 691 298 23 re W* n 0 g 0 0 612 792 re f Q'],
    ['a triangle clip', 'q 70 690 m 450 690 l 450 730 l h W n 0 g 0 0 612 792 re f Q'],
    ['a ring filled even-odd', 'q 0 g 70 690 300 25 re 71 691 298 23 re f* Q'],
    ['a shading with no clip', 'q /Sh1 sh Q'],
  ])('a fill through %s covers nothing: no pdf-covered-text warning', (_, paint) => {
    expect(covers(paint)).toEqual([]);
  });

  it.each([
    ['a rectangular clip', 'q 70 690 300 25 re W n 0 g 0 0 612 792 re f Q'],
    ['four segments', 'q 0 g 70 690 m 370 690 l 370 715 l 70 715 l h f Q'],
    ['a shading under a rectangular clip', 'q 70 690 300 25 re W n /Sh1 sh Q'],
  ])('control: %s covers the line', (_, paint) => {
    expect(covers(paint).length).toBeGreaterThan(0);
  });
});
