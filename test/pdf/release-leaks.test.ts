/**
 * Leaks an adversarial probe found in released PDFs, each built here as the probe built it: a
 * SECRET memo whose (S//NF) paragraph names BLUEHERON, released under the public profile. The
 * word must be nowhere in the release: not in its text, not in any stream or string of the file.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFName, PDFString, StandardFonts, type PDFDict, type PDFRef } from 'pdf-lib';
import { resolveProfile, runReleaseBatch } from '../../src/index.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { MEMO_SECRET_LINE, memoLines, TestPdf } from './helpers/make.js';
import { rawAndInflated } from './helpers/check.js';
import { redactPdf } from '../../src/pdf/index.js';
import { readPdfObjects } from '../../src/pdf/objects/read.js';
import { decodeStream } from '../../src/pdf/objects/filters.js';
import { PdfName, PdfStream } from '../../src/pdf/objects/model.js';

/** The memo's lines, top to bottom, each drawn 18 pt under the one before from y = 740. */
const LINES = memoLines('BLUEHERON');
const SECRET_LINE = MEMO_SECRET_LINE;
const yOf = (i: number): number => 740 - 18 * i;
/** The memo's line `i` as a text object of its own, at (60, y) or at the origin. */
const line = (i: number, at = true): string => `BT /F1 11 Tf ${at ? `60 ${yOf(i)}` : '0 0'} Td (${LINES[i]!.replace(/[()]/g, '\\$&')}) Tj ET`;
/** Every line but those in `skip`, drawn on the page directly. */
const linesBut = (...skip: number[]): string => LINES.map((_, i) => (skip.includes(i) ? '' : line(i))).join('\n');

/** Release `bytes` as memo.pdf; the release PDF's bytes and the run's summary. */
async function release(bytes: Uint8Array, profileName = 'public', extra: Record<string, unknown> = {}): Promise<{ pdf: Uint8Array | null; failed: number; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-leak-'));
  const file = path.join(dir, 'memo.pdf');
  writeFileSync(file, bytes);
  const out = path.join(dir, 'out');
  const profile = await resolveProfile(profileName);
  const { summary } = await runReleaseBatch({
    files: [file], out, profile, profileRef: profileName, overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
    force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(), ...extra,
  });
  const name = existsSync(path.join(out, 'release')) ? readdirSync(path.join(out, 'release')).find((f) => f === 'memo.pdf') : undefined;
  return { pdf: name ? readFileSync(path.join(out, 'release', name)) : null, failed: summary.failed, dir };
}

/** The word is in no text, raw or inflated byte of the release, which still shows the released lines. */
function expectWithheld(pdf: Uint8Array | null, word = 'BLUEHERON'): void {
  expect(pdf).not.toBeNull();
  expect(rawAndInflated(pdf!)).not.toContain(word);
  const text = pdftotext(pdf!);
  if (text !== null) {
    expect(text).not.toContain(word);
    expect(text).toContain('quarterly review');
  }
}

/** A Helvetica font dictionary of its own. */
const helvetica = (t: TestPdf): PDFRef => t.doc.context.register(t.doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }));

/** A form XObject dictionary's stream without /Resources (it uses its parent's). */
function bareForm(t: TestPdf, content: string, resources?: PDFRef): PDFRef {
  const ctx = t.doc.context;
  return ctx.register(ctx.flateStream(content, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 500, 20], ...(resources ? { Resources: resources } : {}) }));
}

describe('a withheld paragraph drawn by a form XObject', () => {
  it('a form without resources of its own: the original form is not carried into the release', async () => {
    const t = await TestPdf.create();
    const x = bareForm(t, line(SECRET_LINE, false));
    t.page(`${linesBut(SECRET_LINE)}\nq 1 0 0 1 60 ${yOf(SECRET_LINE)} cm /X1 Do Q`, { xobjects: { X1: x } });
    expectWithheld((await release(await t.save())).pdf);
  });

  it('inside a form drawn by a form: the inner one without resources', async () => {
    const t = await TestPdf.create();
    const inner = bareForm(t, line(SECRET_LINE, false));
    const ctx = t.doc.context;
    const outer = ctx.register(ctx.flateStream('/I Do', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 500, 20], Resources: { Font: { F1: helvetica(t) }, XObject: { I: inner } } }));
    t.page(`${linesBut(SECRET_LINE)}\nq 1 0 0 1 60 ${yOf(SECRET_LINE)} cm /O Do Q`, { xobjects: { O: outer } });
    expectWithheld((await release(await t.save())).pdf);
  });

  it('page and forms share one /Resources object: a released form does not carry the withheld one', async () => {
    const t = await TestPdf.create();
    const ctx = t.doc.context;
    const res = ctx.nextRef();
    const x = bareForm(t, line(SECRET_LINE, false), res);
    const y = bareForm(t, line(SECRET_LINE + 1, false), res);
    const page = t.page(`${linesBut(SECRET_LINE, SECRET_LINE + 1)}\nq 1 0 0 1 60 ${yOf(SECRET_LINE)} cm /X1 Do Q\nq 1 0 0 1 60 ${yOf(SECRET_LINE + 1)} cm /Y Do Q`);
    const fonts = page.node.Resources()!.get(PDFName.of('Font'))!;
    ctx.assign(res, ctx.obj({ Font: fonts, XObject: { X1: x, Y: y } }));
    page.node.set(PDFName.of('Resources'), res);
    const { pdf } = await release(await t.save());
    expectWithheld(pdf);
    expect(pdftotext(pdf!) ?? 'Next meeting').toContain('Next meeting');
  });
});

describe('text the reader does not read', () => {
  it('a Type3 glyph whose procedure shows the withheld paragraph: the document is refused', async () => {
    const t = await TestPdf.create();
    const ctx = t.doc.context;
    const proc = ctx.register(ctx.stream(`0 0 d0 BT /F1 1 Tf -10.5 -1.8 Td (${LINES[SECRET_LINE]!.replace(/[()]/g, '\\$&')}) Tj ET`));
    const t3 = ctx.register(
      ctx.obj({
        Type: 'Font', Subtype: 'Type3', FontBBox: [0, 0, 1, 1], FontMatrix: [1, 0, 0, 1, 0, 0], CharProcs: { a: proc },
        Encoding: { Type: 'Encoding', Differences: [97, PDFName.of('a')] }, FirstChar: 97, LastChar: 97, Widths: [0.3], Resources: { Font: { F1: helvetica(t) } },
      }),
    );
    t.page(`${linesBut()}\nBT /F1 11 Tf 60 500 Td ((U) See the note below) Tj /T3 11 Tf (a) Tj ET`, { fonts: { T3: t3 } });
    const { pdf, failed } = await release(await t.save());
    expect(failed).toBe(1);
    expect(pdf).toBeNull();
  });
});

describe('strings in a rewritten content stream that are not shown', () => {
  const cases: [string, string][] = [
    ['a % comment line', '% draft: agency recruited a source codenamed BLUEHERON in the ministry'],
    ['a string in an inline DP property list', '/Note << /Text (recruited a source codenamed BLUEHERON) >> DP'],
    ['a string in an inline BDC property list', '/P << /MCID 0 /T (codenamed BLUEHERON) >> BDC EMC'],
    ['an unknown operator inside BX … EX', 'BX (agency recruited a source codenamed BLUEHERON) zz EX'],
  ];
  it.each(cases)('%s is not copied', async (_, extra) => {
    const t = await TestPdf.create();
    t.page(`${extra}\n${linesBut()}`);
    expectWithheld((await release(await t.save())).pdf);
  });
});

describe('optional content properties', () => {
  it('keep no string: /Order labels, /Configs names and orders, a layer\'s /Usage; layers and visibility stay', async () => {
    const t = await TestPdf.create();
    const ctx = t.doc.context;
    const ocg = ctx.register(ctx.obj({ Type: 'OCG', Name: PDFString.of('Main layer'), Usage: { CreatorInfo: { Creator: PDFString.of('Desk BLUEHERON'), Subtype: 'Artwork' } } }));
    t.page(`/OC /oc1 BDC\n${linesBut()}\nEMC`, { properties: { oc1: ocg } });
    t.doc.catalog.set(PDFName.of('OCProperties'), ctx.obj({
      OCGs: [ocg],
      D: { Name: PDFString.of('Default'), Order: [PDFString.of('BLUEHERON ministry source'), [ocg]], ON: [ocg] },
      Configs: [{ Name: PDFString.of('Recruited source BLUEHERON'), Order: [PDFString.of('KESTRELPOINT harbor'), ocg] }],
    }));
    const { pdf } = await release(await t.save());
    expectWithheld(pdf);
    expect(rawAndInflated(pdf!)).not.toContain('KESTRELPOINT');
    expect(rawAndInflated(pdf!)).toMatch(/\/OCProperties[\s\S]*\/ON \[\d+ 0 R\]/);
  });
});

describe('a marked-content property list typed as a layer', () => {
  // The withheld line in a span whose list, typed /OCG, says the line again as /ActualText.
  const cases: [string, boolean][] = [
    ['stored as an object of its own', true],
    ['inline in /Properties', false],
  ];
  it.each(cases)('keeps no /ActualText, /Alt or /E: %s', async (_, stored) => {
    const t = await TestPdf.create();
    const ctx = t.doc.context;
    const text = PDFString.of(LINES[SECRET_LINE]!);
    const list = ctx.obj({ Type: 'OCG', Name: PDFString.of('a'), ActualText: text, Alt: text, E: text, Usage: { CreatorInfo: { Creator: text } } });
    const span = `/Span /mc1 BDC ${line(SECRET_LINE)} EMC`;
    t.page(`${linesBut(SECRET_LINE)}\n${span}`, { properties: { mc1: (stored ? ctx.register(list) : list) as unknown as PDFRef } });
    expectWithheld((await release(await t.save())).pdf);
  });
});

describe('a layer /OCProperties does not list', () => {
  // Each case: the page's content and resources, given a layer named after the withheld word.
  type Case = [string, (t: TestPdf, ocg: PDFRef) => { content: string; xobjects?: Record<string, PDFRef>; properties?: Record<string, PDFRef> }];
  const image = (t: TestPdf, oc: PDFRef | PDFDict): PDFRef =>
    t.doc.context.register(t.doc.context.stream(new Uint8Array([0]), { Type: 'XObject', Subtype: 'Image', Width: 1, Height: 1, ColorSpace: 'DeviceGray', BitsPerComponent: 8, OC: oc }));
  const cases: Case[] = [
    ['named by /OC around the withheld paragraph', (_, ocg) => ({ content: `${linesBut(SECRET_LINE)}\n/OC /oc1 BDC ${line(SECRET_LINE)} EMC`, properties: { oc1: ocg } })],
    ['reached from an image\'s /OC', (t, ocg) => ({ content: `${linesBut()}\nq 2 0 0 2 500 60 cm /Im1 Do Q`, xobjects: { Im1: image(t, ocg) } })],
    ['reached from an inline /OCMD of an image', (t, ocg) => ({ content: `${linesBut()}\nq 2 0 0 2 500 60 cm /Im1 Do Q`, xobjects: { Im1: image(t, t.doc.context.obj({ Type: 'OCMD', OCGs: [ocg], P: 'AnyOn' })) } })],
  ];
  it.each(cases)('keeps no name: %s', async (_, make) => {
    const t = await TestPdf.create();
    const ctx = t.doc.context;
    const ocg = ctx.register(ctx.obj({ Type: 'OCG', Name: PDFString.of('BLUEHERON layer'), Intent: [PDFName.of('View'), PDFString.of('BLUEHERON intent')] }));
    const { content, ...extra } = make(t, ocg);
    t.page(content, extra);
    const { pdf } = await release(await t.save());
    expectWithheld(pdf);
    // The layer stays, as a layer: it decides what shows.
    expect(rawAndInflated(pdf!)).toMatch(/\/Type \/OCG/);
  });
});

describe('strings and free-text names in what the page\'s resources reach', () => {
  // The withheld line, as a string or a name, where rendering never reads it: every kind of
  // resource the probe used (its gen/res.js and gen/extras.js), one case each.
  type Case = [string, (t: TestPdf, res: PDFDict, text: PDFString) => string];
  const cases: Case[] = [
    ['a resource category of no use to a page', (t, res, text) => {
      res.set(PDFName.of('Private'), t.doc.context.obj({ X: text }));
      return '';
    }],
    ['a resource category named after the withheld word', (t, res, text) => {
      res.set(PDFName.of('BLUEHERONres'), t.doc.context.obj({ X: text }));
      return '';
    }],
    ['an ExtGState /Note', (t, res, text) => {
      res.set(PDFName.of('ExtGState'), t.doc.context.obj({ GS1: { Type: 'ExtGState', CA: 1, Note: text } }));
      return '/GS1 gs';
    }],
    ['a font\'s own string and its descriptor\'s /FontFamily', (t, res, text) => {
      const ctx = t.doc.context;
      const desc = ctx.register(ctx.obj({ Type: 'FontDescriptor', FontName: 'Helvetica', FontFamily: text, Flags: 32, FontBBox: [0, 0, 1000, 1000], ItalicAngle: 0, Ascent: 718, Descent: -207, CapHeight: 718, StemV: 88 }));
      const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding', FontDescriptor: desc, Note: text }));
      (res.get(PDFName.of('Font')) as PDFDict).set(PDFName.of('F9'), font);
      return '';
    }],
    ['an image\'s string and /Name', (t, res, text) => {
      const ctx = t.doc.context;
      const im = ctx.register(ctx.stream(new Uint8Array([0x80]), { Type: 'XObject', Subtype: 'Image', Width: 1, Height: 1, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Note: text, Name: 'BLUEHERONim' }));
      res.set(PDFName.of('XObject'), ctx.obj({ Im1: im }));
      return 'q 20 0 0 20 500 40 cm /Im1 Do Q';
    }],
    ['a form\'s /Name', (t, res) => {
      const ctx = t.doc.context;
      const fx = ctx.register(ctx.flateStream('0 0 m 1 1 l S', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10], Name: 'BLUEHERONform' }));
      res.set(PDFName.of('XObject'), ctx.obj({ Fx: fx }));
      return 'q 1 0 0 1 300 60 cm /Fx Do Q';
    }],
    ['a Separation colorant and its tint transform\'s string', (t, res, text) => {
      const ctx = t.doc.context;
      const tint = ctx.obj({ FunctionType: 2, Domain: [0, 1], C0: [0], C1: [1], N: 1, Note: text });
      res.set(PDFName.of('ColorSpace'), ctx.obj({ CS1: [PDFName.of('Separation'), PDFName.of('BLUEHERON'), PDFName.of('DeviceGray'), tint] }));
      return '/CS1 cs 1 sc';
    }],
  ];
  it.each(cases)('%s is not in the release', async (_, make) => {
    const t = await TestPdf.create();
    const page = t.page('');
    const before = make(t, page.node.Resources()!, PDFString.of(LINES[SECRET_LINE]!));
    page.node.set(PDFName.of('Contents'), t.doc.context.register(t.doc.context.flateStream(`${before}\n${linesBut()}`)));
    const { pdf } = await release(await t.save());
    expectWithheld(pdf);
  });

  it('a Separation keeps its alternate space and tint transform under a neutral colorant name', async () => {
    const t = await TestPdf.create();
    const page = t.page('');
    cases[6]![1](t, page.node.Resources()!, PDFString.of('x'));
    page.node.set(PDFName.of('Contents'), t.doc.context.register(t.doc.context.flateStream(`/CS1 cs 1 sc\n${linesBut()}`)));
    const { pdf } = await release(await t.save());
    expectWithheld(pdf);
    expect(rawAndInflated(pdf!)).toMatch(/\[\s*\/Separation \/Spot1 \/DeviceGray <<[^>]*\/FunctionType 2/);
  });
});

describe('a kept link\'s arrays', () => {
  // A link on a released line (y of line 1) to the page itself, with a string where its kind has none.
  const word = PDFString.of('BLUEHERON');
  const cases: [string, (page: PDFRef) => Record<string, unknown>, boolean][] = [
    ['a string in an explicit /Dest', (p) => ({ Dest: [p, PDFName.of('XYZ'), word, 792, 0] }), false],
    ['a string in a GoTo action\'s /D', (p) => ({ A: { S: PDFName.of('GoTo'), D: [p, PDFName.of('Fit'), word] } }), false],
    ['a string in the /Border dash array', (p) => ({ Dest: [p, PDFName.of('Fit')], Border: [0, 0, 1, [word]] }), true],
    ['a string in /BS /D', (p) => ({ Dest: [p, PDFName.of('Fit')], BS: { W: 1, D: [word] } }), true],
    ['a string as /C', (p) => ({ Dest: [p, PDFName.of('Fit')], C: [word] }), true],
  ];
  it.each(cases)('%s is not in the release', async (_, make, kept) => {
    const t = await TestPdf.create();
    const page = t.page(linesBut());
    const ctx = t.doc.context;
    const extra = Object.fromEntries(Object.entries(make(page.ref)).map(([k, v]) => [k, ctx.obj(v as never)]));
    t.annot(page, { Type: 'Annot', Subtype: 'Link', Rect: [60, yOf(1) - 2, 200, yOf(1) + 9], ...extra });
    const input = await t.save();
    const { pdf } = await release(input);
    expectWithheld(pdf);
    expect(rawAndInflated(pdf!).includes('/Link')).toBe(kept);
    // Said, not silent.
    const { report } = await redactPdf(input, []);
    expect(report.warnings.join('\n')).toMatch(/page 1: 1 link\(s\) held what a link does not/);
  });
});

describe('a kept link\'s address', () => {
  it('a phone number withheld under B6 is not kept in a tel: link on a released line', async () => {
    const t = await TestPdf.create();
    const memo = [
      'UNCLASSIFIED',
      '(U) This memorandum summarizes the quarterly review held at headquarters last week.',
      '(U) For questions, contact the desk officer on duty; the desk officer can be reached at (202) 555-0147 or by email during office hours.',
      '(U) Next meeting is scheduled for the first week of the next quarter.',
      'UNCLASSIFIED',
    ].map((l, i) => `BT /F1 9 Tf 60 ${yOf(i)} Td (${l.replace(/[()]/g, '\\$&')}) Tj ET`).join('\n');
    const page = t.page(memo);
    for (const uri of ['tel:2025550147', 'tel:+1-202-555-0100'])
      t.annot(page, { Type: 'Annot', Subtype: 'Link', Rect: [60, yOf(1) - 2, 200, yOf(1) + 9], A: t.doc.context.obj({ S: 'URI', URI: PDFString.of(uri) }) });
    const { pdf } = await release(await t.save(), 'public-pii');
    expect(pdf).not.toBeNull();
    const bytes = rawAndInflated(pdf!);
    expect(pdftotext(pdf!) ?? '').not.toContain('555-0147');
    expect(bytes).not.toContain('5550147');
    // A number the release does not withhold stays.
    expect(bytes).toContain('tel:+1-202-555-0100');
  });
});

describe('a kept link\'s address, percent-encoded', () => {
  // The withheld word in a link on a released line, every letter an escape; one invalid escape
  // (`%ZZ`) made the whole address go unchecked, undecoded.
  const pct = (s: string): string => [...Buffer.from(s, 'latin1')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  const cases: [string, string][] = [
    ['with an invalid escape after it', `https://e.example/${pct('BLUEHERON')}?x=%ZZ`],
    ['escaped twice', `https://e.example/${pct(pct('BLUEHERON'))}`],
  ];
  it.each(cases)('%s: the link goes', async (_, uri) => {
    const t = await TestPdf.create();
    const page = t.page(linesBut());
    t.annot(page, { Type: 'Annot', Subtype: 'Link', Rect: [60, yOf(1) - 2, 200, yOf(1) + 9], A: t.doc.context.obj({ S: 'URI', URI: PDFString.of(uri) }) });
    const { pdf } = await release(await t.save());
    expectWithheld(pdf);
    const bytes = rawAndInflated(pdf!);
    expect(bytes).not.toContain('e.example');
    expect(bytes).not.toContain(pct('BLUEHERON').slice(0, 12));
  });

  it('an address of released words stays, invalid escape and all', async () => {
    const t = await TestPdf.create();
    const page = t.page(linesBut());
    t.annot(page, { Type: 'Annot', Subtype: 'Link', Rect: [60, yOf(1) - 2, 200, yOf(1) + 9], A: t.doc.context.obj({ S: 'URI', URI: PDFString.of('https://e.example/review%20notes?x=%ZZ') }) });
    const { pdf } = await release(await t.save());
    expect(rawAndInflated(pdf!)).toContain('https://e.example/review%20notes?x=%ZZ');
  });
});

describe('an image under withheld text', () => {
  it('is blanked a line height beyond the boxes: the scan\'s ink of the line, 5 pt off its text layer, goes', async () => {
    const t = await TestPdf.create();
    const w = 100, h = 40;
    // Light grey, with the ink of the withheld line (rows 24–26: y 514–516) under its text layer's box.
    const px = new Uint8Array(w * h).fill(200);
    for (let row = 24; row <= 26; row++) px.fill(30, row * w, row * w + w);
    t.page(`q ${w} 0 0 ${h} 100 500 cm /Im1 Do Q\nBT 3 Tr /F1 10 Tf 100 520 Td (BLUEHERON) Tj ET`, { xobjects: { Im1: t.grayImage(w, h, px) } });
    const { bytes, report } = await redactPdf(await t.save(), [{ page: 0, rect: [100, 518, 200, 530], label: 'B1' }]);
    expect(report.totals.imagesBlanked).toBe(1);
    expect(report.warnings).toEqual([expect.stringMatching(/^page 1: image \/Im1 lies under withheld text .* blanked a line height beyond the withheld boxes/)]);
    const objs = await readPdfObjects(bytes);
    const image = [...objs.objects.values()].find((o): o is PdfStream => o instanceof PdfStream && o.dict.get('Subtype') === PdfName.of('Image'))!;
    const data = (decodeStream(objs, image) as { ok: true; data: Uint8Array }).data;
    for (let row = 24; row <= 26; row++) expect(data[row * w + 50]).toBe(0);
    // Two line heights away, the image is as it was.
    expect(data[39 * w + 50]).toBe(200);
  });
});

describe('a table row: the cell beside a marked cell', () => {
  // A Chromium table: a (U) row whose two cells read as one line (5 pt apart), over an (S//NF) row
  // whose second cell (no mark, 20 pt from the first) is drawn a few hundredths of a point higher. That cell was taken
  // for the next line of the (U) row above and released with it.
  const row = (x: number, y: number, text: string): string => `BT /F1 11 Tf ${x} ${y} Td (${text.replace(/[()]/g, '\\$&')}) Tj ET`;
  const content = [
    row(250, 740, 'SECRET//NOFORN'),
    row(60, 710, '(U) This memorandum summarizes the quarterly review held at headquarters.'),
    row(60, 680, '(U) Kabul station'),
    row(150, 680, 'The office reopened in March with a new quarterly review plan.'),
    row(60, 664, '(S//NF) Herat'),
    row(150, 664.03, 'Closed after the compromise of the BLUEHERON courier network.'),
    row(60, 630, '(U) Next meeting is scheduled for the first week of the next quarter.'),
    row(60, 600, 'Classified By: John Smith, Director'),
    row(60, 586, 'Derived From: Multiple Sources'),
    row(60, 572, 'Declassify On: 20301231'),
    row(250, 540, 'SECRET//NOFORN'),
  ].join('\n');

  it('is not read into the (U) row above: withheld, not released', async () => {
    const t = await TestPdf.create();
    t.page(content);
    const { pdf } = await release(await t.save());
    expectWithheld(pdf);
    // The (U) row is released: its cells are one line, close together (a known limit: an
    // unmarked cell that close to a marked one is read with it).
    expect(pdftotext(pdf!) ?? 'The office reopened in March').toContain('The office reopened in March');
  });
});

describe('text set side by side, each run drawn as a flow of its own, under 1.5 em apart', () => {
  // Probe 9 (F1–F3): two justified columns 6 to 10 pt apart, a table's cells, a text frame beside
  // a paragraph. Each row of the two was read as one line, so the (S//NF) run's lines beside the
  // (U) paragraph's were read into it and released.
  const at = (x: number, y: number, text: string): string => `BT /F1 11 Tf ${x} ${y} Td (${text.replace(/[()]/g, '\\$&')}) Tj ET`;
  /** A memo whose `left` and `right` runs ([y, text]) stand `gap` pt apart, the left one drawn first. */
  async function memo(left: readonly [number, string][], right: readonly [number, string][], gap: number): Promise<Uint8Array> {
    const t = await TestPdf.create();
    const font = await t.doc.embedFont(StandardFonts.Helvetica);
    const x2 = 60 + Math.max(...left.map(([, s]) => font.widthOfTextAtSize(s, 11))) + gap;
    const content = [
      at(250, 760, 'SECRET//NOFORN'),
      at(60, 740, '(U) This memorandum summarizes the quarterly review held at headquarters.'),
      ...left.map(([y, s]) => at(60, y, s)),
      ...right.map(([y, s]) => at(x2, y, s)),
      at(60, 600, 'Classified By: John Smith, Director'),
      at(60, 586, 'Derived From: Multiple Sources'),
      at(60, 572, 'Declassify On: 20301231'),
      at(250, 540, 'SECRET//NOFORN'),
    ];
    t.page(content.join('\n'));
    return t.save();
  }

  it('two columns 8 pt apart: the (S//NF) paragraph that goes on at the top of the right one is withheld', async () => {
    const left: [number, string][] = [
      [710, '(U) The office held its review of the'],
      [696, 'staffing and the budget of the section'],
      [682, 'in the spring, as it does every year.'],
      [654, '(S//NF) The agency recruited a source'],
      [640, 'in the interior ministry, codenamed'],
    ];
    const right: [number, string][] = [
      [710, 'BLUEHERON, who passes the schedule'],
      [696, 'of the council every week.'],
      [668, '(U) Next meeting is scheduled for'],
      [654, 'the first week of the next quarter.'],
    ];
    const { pdf } = await release(await memo(left, right, 8));
    expectWithheld(pdf);
    expect(pdftotext(pdf!) ?? 'in the spring, as it does').toContain('in the spring, as it does');
  });

  it('a table row: the lines of a top-aligned (S//NF) cell beside a vertically centred (U) cell are withheld', async () => {
    const left: [number, string][] = [
      [696, '(U) The outreach program visits'],
      [682, 'schools across the region.'],
    ];
    const right: [number, string][] = [
      [710, '(S//NF) The program named'],
      [696, 'BLUEHERON taps the links of'],
      [682, 'the ministry at three points'],
      [668, 'near the capital every night.'],
    ];
    const { pdf } = await release(await memo(left, right, 6));
    expectWithheld(pdf);
    expect(pdftotext(pdf!) ?? 'schools across the region').toContain('schools across the region');
  });
});

describe('marks in a hanging indent: mark, tab, text', () => {
  it('the (U) text is released with its mark, the (S//NF) text withheld with its', async () => {
    // Probe 9, F5: cut at the tab, the (U) text was withheld as unmarked, under B1.
    const at = (x: number, y: number, text: string): string => `BT /F1 11 Tf ${x} ${y} Td (${text.replace(/[()]/g, '\\$&')}) Tj ET`;
    const t = await TestPdf.create();
    t.page(
      [
        at(250, 760, 'SECRET//NOFORN'),
        at(60, 740, '(U)'),
        at(130, 740, 'This memorandum summarizes the quarterly review.'),
        at(60, 720, '(S//NF)'),
        at(130, 720, 'The agency recruited a source codenamed BLUEHERON.'),
        at(60, 700, '(U)'),
        at(130, 700, 'Next meeting is in the first week of the quarter.'),
        at(60, 600, 'Classified By: John Smith, Director'),
        at(60, 586, 'Derived From: Multiple Sources'),
        at(60, 572, 'Declassify On: 20301231'),
        at(250, 540, 'SECRET//NOFORN'),
      ].join('\n'),
    );
    const { pdf } = await release(await t.save());
    expectWithheld(pdf);
    const text = pdftotext(pdf!);
    if (text !== null) expect(text).toContain('Next meeting is in the first week');
  });
});
