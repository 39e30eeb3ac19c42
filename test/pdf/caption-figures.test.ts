/**
 * A figure over or under a withheld portion's line is that portion's (src/pdf/figures.ts): a
 * caption's mark covers its figure. A Chromium `<img>` centred over `(S//NF) Figure 1: … map.`
 * was released as drawn, pixels and all; only its caption was boxed (probe 60c F3). A figure over
 * a released (U) caption stays; one between withheld and released text equally near is withheld
 * with a warning (fail closed). Each release is read back by poppler (pdfimages, pdftotext) and as
 * raw and inflated bytes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planRelease } from '../../src/release/index.js';
import { planRegions, readPdfInput } from '../../src/release/pdf.js';
import { loadProfile } from '../../src/rules/load.js';
import { TestPdf } from './helpers/make.js';
import { popplerImages, rawAndInflated } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { pdftotext } from '../helpers/pdf-text.js';

const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');

/** 48×20 pixels whose bytes spell ZQPX again and again (found as they are if the image stays). */
const PIXELS = Uint8Array.from(Buffer.from('ZQPX'.repeat(240), 'latin1'));
const PIXEL_RUN = 'ZQPX'.repeat(12);

/** A memo: a (U) paragraph, `above` (or nothing), a figure 200×100 at y 590–690, `caption` under it, a (U) paragraph. */
async function memo(caption: string, above: string | null = null): Promise<Uint8Array> {
  const lines: [string, number][] = [
    ['SECRET//NOFORN', 760],
    ['(U) The quarterly review was held at headquarters.', 738],
    ...(above ? [[above, 700] as [string, number]] : []),
    [caption, 575],
    ['(U) The meeting ended on time.', 553],
    ['(S//NF) The agency recruited a source codenamed BLUEHERON.', 531],
    ['Classified By: John Smith, Director', 509],
    ['Derived From: Multiple Sources', 487],
    ['Declassify On: 20301231', 465],
    ['SECRET//NOFORN', 443],
  ];
  const t = await TestPdf.create();
  const ops = lines.map(([l, y]) => `BT /F1 11 Tf 60 ${y} Td (${l}) Tj ET`);
  ops.push('q 200 0 0 100 60 590 cm /Im1 Do Q');
  t.page(ops.join('\n'), { xobjects: { Im1: t.grayImage(48, 20, PIXELS) } });
  return t.doc.save({ useObjectStreams: false });
}

/** The regions, review bands and warnings planRegions gives the memo. */
async function planned(bytes: Uint8Array) {
  const read = await readPdfInput(bytes);
  if (!read.ok) throw new Error(read.message);
  const p = planRelease(read.doc, profile, { asOf: '2026-12-01', stem: 'memo' });
  return planRegions(p.plan, read.layout);
}

/** The figure's rectangle (padded by half a point) is among `rects`. */
const hasFigure = (rects: readonly { rect: readonly number[] }[]): boolean => rects.some((r) => r.rect[0] === 59.5 && r.rect[3] === 690.5);

describe('a figure over a caption', () => {
  it('withheld (S//NF): the image is removed, its bytes nowhere in the file, the caption word gone, released text kept', async () => {
    const bytes = await memo('(S//NF) Figure 1: ZQCAPTION collection site map.');
    const r = await releaseMemoPdf(bytes);
    expect(r.failed).toBe(0);
    expect(popplerImages(r.pdf!) ?? []).toEqual([]);
    expect(rawAndInflated(r.pdf!)).not.toContain(PIXEL_RUN);
    const text = pdftotext(r.pdf!);
    if (text !== null) {
      expect(text).not.toContain('ZQCAPTION');
      expect(text).toContain('quarterly review');
      expect(text).toContain('meeting ended');
    }
    // In the caption's band of the review PDF, boxed under its authority, said in a warning.
    const { regions, bands, warnings } = await planned(bytes);
    const figure = regions.find((g) => hasFigure([g]))!;
    expect(figure.label).toBe(regions[0]!.label);
    expect(bands.filter((b) => hasFigure(b.regions)).map((b) => b.note)).toEqual([expect.stringMatching(/WITHHELD/)]);
    expect(bands.find((b) => hasFigure(b.regions))!.regions.length).toBe(2);
    expect(warnings).toEqual([expect.stringMatching(/^page 1: image \/Im1 over a withheld portion's line is that portion's figure/)]);
  });

  it('released (U): the image stays as drawn (with the unread warning, as before)', async () => {
    const bytes = await memo('(U) Figure 1: UQCAPTION headquarters photo.');
    const r = await releaseMemoPdf(bytes);
    expect(r.failed).toBe(0);
    expect((popplerImages(r.pdf!) ?? [{ width: 48, height: 20 }]).map((i) => `${i.width}x${i.height}`)).toEqual(['48x20']);
    expect(rawAndInflated(r.pdf!)).not.toContain('BLUEHERON');
    const { regions, warnings } = await planned(bytes);
    expect(hasFigure(regions)).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('between a withheld line and a released caption equally near: withheld, with a warning that says it could not be told', async () => {
    const bytes = await memo('(U) Figure 1: UQCAPTION headquarters photo.', '(S//NF) The site ZQABOVE was mapped in detail.');
    const { regions, warnings } = await planned(bytes);
    expect(hasFigure(regions)).toBe(true);
    expect(warnings).toEqual([expect.stringMatching(/^page 1: image \/Im1 lies between withheld and released text and which is its caption cannot be told; it was withheld/)]);
    const r = await releaseMemoPdf(bytes);
    expect(r.failed).toBe(0);
    expect(popplerImages(r.pdf!) ?? []).toEqual([]);
    expect(rawAndInflated(r.pdf!)).not.toContain(PIXEL_RUN);
    const text = pdftotext(r.pdf!);
    if (text !== null) {
      expect(text).not.toContain('ZQABOVE');
      expect(text).toContain('UQCAPTION');
    }
  });
});
