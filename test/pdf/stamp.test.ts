/**
 * The `stamp` option of redactPdf (a document pending review): one red Helvetica line in the top
 * margin of every page, redacted or not, above everything the page shows and in no withheld
 * region; the page's own content runs inside q … Q so nothing it leaves set (a matrix, a colour,
 * an open text object, an unbalanced Q) reaches the stamp; the font goes into a copy of the
 * page's resources, never into a dictionary other pages or forms share.
 */
import { describe, expect, it } from 'vitest';
import { PDFName } from 'pdf-lib';
import { readPdfText, redactPdf, verifyRedaction, type PdfRegion } from '../../src/pdf/index.js';
import { readPdfObjects } from '../../src/pdf/objects/read.js';
import { PdfDict, PdfRef, PdfStream } from '../../src/pdf/objects/model.js';
import { placeStamp, displayFrame } from '../../src/pdf/redact/stamp.js';
import { TestPdf } from './helpers/make.js';
import { pageOps, popplerText, popplerWords } from './helpers/check.js';

const STAMP = 'PENDING REVIEW - NOT FOR RELEASE';
const SECRET = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet';
const line = (x: number, y: number, text: string, size = 12): string => `BT /F1 ${size} Tf ${x} ${y} Td (${text}) Tj ET\n`;

/** The pdf.js run of the stamp on each page (or undefined). */
async function stampRuns(bytes: Uint8Array) {
  const t = await readPdfText(bytes);
  return t.pages.map((runs) => runs.find((r) => r.str.includes(STAMP)));
}

describe('redactPdf with a stamp', () => {
  it('stamps every page, redacted or not, in the top margin, above the text and outside the regions', async () => {
    const t = await TestPdf.create();
    t.page(line(72, 740, 'SECRET//NOFORN banner at the top') + line(72, 700, `(S) ${SECRET}`) + line(72, 680, '(U) Public line stays.'));
    t.page(line(72, 700, '(U) A page without anything withheld.'));
    const input = await t.save();
    // The banner line is a region too (as a PDF release replaces the document's own banner).
    const regions: PdfRegion[] = [
      { page: 0, rect: [70, 736, 300, 752], label: 'UNCLASSIFIED' },
      { page: 0, rect: [70, 696, 520, 712], label: 'B1, 1.4(C)' },
    ];
    const { bytes } = await redactPdf(input, regions, { stamp: STAMP });
    const runs = await stampRuns(bytes);
    expect(runs.every((r) => r !== undefined)).toBe(true);
    for (const r of runs) {
      // Upright, 10 pt, centred, between the top of the text (752) and the page's edge (792).
      expect(r!.transform.slice(0, 4)).toEqual([10, 0, 0, 10]);
      expect(r!.transform[5]).toBeGreaterThan(752);
      expect(r!.transform[5] + 10).toBeLessThan(792);
      expect(Math.abs(r!.transform[4] + r!.width / 2 - 306)).toBeLessThan(1);
    }
    const pop = popplerText(bytes);
    if (pop !== null) for (const page of pop.split('\f').slice(0, 2)) expect(page).toContain(STAMP);
    const words = popplerWords(bytes);
    if (words !== null) {
      for (const page of [0, 1]) {
        const mine = words.filter((w) => w.page === page);
        const stampTop = Math.min(...mine.filter((w) => w.word === 'PENDING').map((w) => w.rect[1]));
        const rest = Math.max(...mine.filter((w) => !STAMP.split(' ').includes(w.word)).map((w) => w.rect[3]));
        expect(stampTop).toBeGreaterThan(rest);
      }
    }
    // The verifier (which allows only the boxes' labels inside regions) passes on the stamped file.
    const check = await verifyRedaction(input, bytes, regions, [SECRET]);
    expect(check.leaks).toEqual([]);
    expect(check.charsInRegions).toEqual([]);
    expect(check.ok).toBe(true);
    // Without the option, no stamp.
    expect((await stampRuns((await redactPdf(input, regions)).bytes)).every((r) => r === undefined)).toBe(true);
  });

  it('keeps what the page leaves set (matrix, colour, open text object, an extra Q) away from the stamp', async () => {
    const t = await TestPdf.create();
    // Pops one q more than it pushes, scales everything by 2, sets a gray fill, and ends inside BT.
    t.page(`Q 2 0 0 2 0 0 cm 0.5 g ${line(36, 300, '(U) Scaled text.')}BT /F1 9 Tf 10 10 Td (open) Tj`);
    const { bytes } = await redactPdf(await t.save(), [], { stamp: STAMP });
    const [run] = await stampRuns(bytes);
    expect(run!.transform.slice(0, 4)).toEqual([10, 0, 0, 10]);
    expect(run!.transform[5]).toBeGreaterThan(612);
    expect(run!.transform[5]).toBeLessThan(792);
    // The page's content stays inside q … Q: the stamp is drawn at depth 0 after a balanced run.
    const ops = await pageOps(bytes, 0);
    let depth = 0;
    let min = 0;
    let inText = false;
    let stampAt = -1;
    ops.forEach((o, i) => {
      if (o.op === 'q') depth++;
      else if (o.op === 'Q') depth--;
      else if (o.op === 'BT') inText = true;
      else if (o.op === 'ET') inText = false;
      min = Math.min(min, depth);
      if (o.op === 'q' && ops[i + 1]?.op === 'rg' && stampAt < 0 && i > 0) {
        expect(depth).toBe(1);
        expect(inText).toBe(false);
        stampAt = i;
      }
    });
    expect(stampAt).toBeGreaterThan(0);
    expect(min).toBe(0);
    expect(depth).toBe(0);
    expect((await readPdfText(bytes)).pages[0]!.map((r) => r.str).join(' ')).toContain('(U) Scaled text.');
  });

  it('closes marked content the page leaves open, so that an /ActualText span does not take the stamp in', async () => {
    const t = await TestPdf.create();
    t.page(`/Span <</ActualText (Replacement) >> BDC ${line(72, 700, '(U) Spanned text.')}`);
    const { bytes } = await redactPdf(await t.save(), [], { stamp: STAMP });
    expect((await stampRuns(bytes))[0]).toBeDefined();
    const pop = popplerText(bytes);
    if (pop !== null) expect(pop).toContain(STAMP);
    expect((await pageOps(bytes, 0)).filter((o) => o.op === 'EMC')).toHaveLength(1);
    // The same on a redacted page (its content is the original's, edited), the region outside the span.
    const u = await TestPdf.create();
    u.page(`${line(72, 650, '(S) Withheld line.')}/Span <</ActualText (Replacement) >> BDC ${line(72, 700, '(U) Spanned text.')}`);
    const r = await redactPdf(await u.save(), [{ page: 0, rect: [70, 646, 200, 662], label: 'B1' }], { stamp: STAMP });
    expect((await stampRuns(r.bytes))[0]).toBeDefined();
    const pop2 = popplerText(r.bytes);
    if (pop2 !== null) expect(pop2).toContain(STAMP);
  });

  it('adds its font to a copy of the resources: a dictionary shared with another page and a form is left as it was', async () => {
    const t = await TestPdf.create();
    const form = t.form(line(0, 0, '(U) Inside a form.'), [0, 0, 300, 20]);
    const p1 = t.page(`q 1 0 0 1 72 600 cm /Fm Do Q\n${line(72, 700, '(U) Page one.')}`, { xobjects: { Fm: form } });
    const p2 = t.page(line(72, 700, '(U) Page two.'));
    // Both pages and the form share one Resources object.
    const shared = t.doc.context.register(p1.node.Resources()!);
    p1.node.set(PDFName.of('Resources'), shared);
    p2.node.set(PDFName.of('Resources'), shared);
    const formStream = t.doc.context.lookup(form) as unknown as { dict: { set(k: PDFName, v: unknown): void } };
    formStream.dict.set(PDFName.of('Resources'), shared);
    const { bytes } = await redactPdf(await t.save(), [], { stamp: STAMP });
    expect((await stampRuns(bytes)).every((r) => r !== undefined)).toBe(true);
    const objs = await readPdfObjects(bytes);
    const fontNames = (res: PdfDict): string[] => [...((res.get('Font') instanceof PdfRef ? objs.objects.get((res.get('Font') as PdfRef).num) : res.get('Font')) as PdfDict).map.keys()];
    // The form's resources (the shared dictionary) gained nothing.
    const forms = [...objs.objects.values()].filter((o): o is PdfStream => o instanceof PdfStream && o.dict.get('Subtype')?.toString() === '/Form');
    expect(forms.length).toBe(1);
    const formRes = forms[0]!.dict.get('Resources');
    const formDict = (formRes instanceof PdfRef ? objs.objects.get(formRes.num) : formRes) as PdfDict;
    expect(fontNames(formDict).some((n) => n.startsWith('DeclassStamp'))).toBe(false);
    // Each page has its own copy, with the font.
    const pages = [...objs.objects.values()].filter((o): o is PdfDict => o instanceof PdfDict && o.get('Type')?.toString() === '/Page');
    expect(pages.length).toBe(2);
    for (const p of pages) {
      expect(p.get('Resources')).toBeInstanceOf(PdfDict);
      expect(p.get('Resources')).not.toBe(formDict);
      expect(fontNames(p.get('Resources') as PdfDict)).toContain('DeclassStamp');
    }
  });

  it('reads upright on a rotated page, along the edge that is displayed on top', async () => {
    const t = await TestPdf.create();
    const page = t.page(line(72, 300, '(U) Rotated page text.'));
    page.setRotation({ type: 'degrees', angle: 90 } as never);
    const { bytes } = await redactPdf(await t.save(), [], { stamp: STAMP });
    const [run] = await stampRuns(bytes);
    // /Rotate 90: the displayed top is the left edge of the page (x near 0), and the text runs up.
    expect(run!.transform.slice(0, 4)).toEqual([0, 10, -10, 0]);
    expect(run!.transform[4]).toBeLessThan(72);
    const pop = popplerText(bytes);
    if (pop !== null) expect(pop).toContain(STAMP);
  });

  it('uses the bottom margin when the top one is full, and the top edge when neither has room', () => {
    const frame = displayFrame([0, 0, 612, 792], 0);
    expect(placeStamp(STAMP, frame, [[72, 100, 540, 786]]).where).toBe('bottom');
    const edge = placeStamp(STAMP, frame, [[72, 3, 540, 789]]);
    expect(edge.where).toBe('edge');
    expect(edge.rect[3]).toBeLessThanOrEqual(792);
    expect(placeStamp(STAMP, frame, [[72, 100, 540, 700]]).where).toBe('top');
  });
});

describe('a withheld run whose boxes can hold no label', () => {
  it('is named in the stamp of its page, so every withholding states its authority on its page', async () => {
    // A SIDtoday line: one word left between two names the publisher blanked, withheld alone.
    const t = await TestPdf.create();
    t.page(line(72, 700, `(S) ${SECRET}`) + line(72, 680, '(U) Write to us and tell us.', 12));
    t.page(line(72, 700, '(U) A page without anything withheld.'));
    const input = await t.save();
    const regions: PdfRegion[] = [
      { page: 0, rect: [70, 696, 520, 712], label: 'B1, 1.4(C)' },
      { page: 0, rect: [176, 677, 196, 690], label: 'PENDING DECLASSIFICATION REVIEW' },
    ];
    const { bytes } = await redactPdf(input, regions, { stamp: STAMP });
    const pages = (await readPdfText(bytes)).pages.map((runs) => runs.map((r) => r.str).join(' '));
    expect(pages[0]).toContain(`${STAMP} - BOXES TOO SMALL FOR THEIR LABEL: PENDING DECLASSIFICATION REVIEW`);
    expect(pages[0]).toContain('B1, 1.4(C)');
    // Only the page that has such a box says so.
    expect(pages[1]).toContain(STAMP);
    expect(pages[1]).not.toContain('TOO SMALL');
  });
});

describe('marks lined through (a declassified portion)', () => {
  it('draws one stroke through each rectangle, with the stamp, on its page only', async () => {
    const t = await TestPdf.create();
    t.page(line(72, 700, '(S) Declassified text the release shows.'));
    t.page(line(72, 700, '(U) Another page.'));
    const input = await t.save();
    const { bytes } = await redactPdf(input, [], { stamp: STAMP, strikes: [{ page: 0, rect: [72, 696, 88, 710] }] });
    const ops = await pageOps(bytes, 0);
    const i = ops.findIndex((o) => o.op === 'm' && o.operands[0] === 72);
    expect(i).toBeGreaterThan(-1);
    expect(ops[i + 1]).toMatchObject({ op: 'l', operands: [88, ops[i]!.operands[1]] });
    expect(ops[i]!.operands[1]).toBeGreaterThan(696);
    expect(ops[i]!.operands[1]).toBeLessThan(710);
    expect(ops.slice(i).some((o) => o.op === 'S')).toBe(true);
    expect((await pageOps(bytes, 1)).some((o) => o.op === 'l')).toBe(false);
    // The text stays.
    expect((await readPdfText(bytes)).pages[0]!.map((r) => r.str).join(' ')).toContain('Declassified text the release shows.');
  });

  it('draws them on a page without a stamp too (nothing silent: the option is not dropped)', async () => {
    const t = await TestPdf.create();
    t.page(line(72, 700, '(S) Declassified text the release shows.'));
    const { bytes } = await redactPdf(await t.save(), [], { strikes: [{ page: 0, rect: [72, 696, 88, 710] }] });
    const ops = await pageOps(bytes, 0);
    expect(ops.some((o) => o.op === 'm' && o.operands[0] === 72)).toBe(true);
    expect(ops.some((o) => o.op === 'Tj' && String(o.operands[0]).includes('PENDING'))).toBe(false);
  });
});

