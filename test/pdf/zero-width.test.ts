/**
 * Glyphs drawn without width (probe 11, F8). A font without /Widths (not one of the standard 14)
 * or whose /Widths say 0 draws its glyphs with their real outlines, all at one spot: declass saw
 * points, the withheld line got no region (x0 = x1) and stayed in the release, and its reading
 * collapsed the repeated letters, so the self-check missed them. Such a document is refused with
 * one line naming the font; a zero-width character by right (U+200B) at a withheld line's edge is
 * covered by the line's region (the 0.01 inset left it out) and removed with it.
 */
import { describe, expect, it } from 'vitest';
import { PDFName, type PDFRef } from 'pdf-lib';
import { Font as StandardFont } from '@pdf-lib/standard-fonts';
import { readPdfLayout, spanRegions } from '../../src/pdf/layout/index.js';
import { PdfInputError } from '../../src/pdf/errors.js';
import { redactPdf } from '../../src/pdf/index.js';
import { WinAnsiEncoding } from '../../src/pdf/font/encoding-tables.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { MEMO_SECRET_LINE, memoLines, TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { pageOps, pdfjsText, rawAndInflated } from './helpers/check.js';

const LINES = memoLines('BLUEHERON');
const yOf = (i: number): number => 740 - 18 * i;
const esc = (s: string): string => s.replace(/[()\\]/g, '\\$&');

/** Helvetica's WinAnsi widths for codes 32–255, with the codes in `zero` set to 0. */
function helveticaWidths(zero: (code: number) => boolean): number[] {
  const f = StandardFont.load('Helvetica');
  const out: number[] = [];
  for (let c = 32; c <= 255; c++) out.push(zero(c) ? 0 : (f.getWidthOfGlyph(WinAnsiEncoding[c] ?? '') ?? 0));
  return out;
}

/** The memo with its secret line `secret` (content drawn at its place, /F9 the font `font`). */
async function memo(secret: (y: number) => string, font: (t: TestPdf) => PDFRef): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const content = LINES.map((l, i) => (i === MEMO_SECRET_LINE ? secret(yOf(i)) : `BT /F1 11 Tf 60 ${yOf(i)} Td (${esc(l)}) Tj ET`)).join('\n');
  t.page(content, { fonts: { F9: font(t) } });
  return t.save();
}

interface Refused {
  readonly name: string;
  readonly font: string;
  readonly secret: (y: number) => string;
  readonly dict: (t: TestPdf) => Record<string, unknown>;
}

const SECRET = esc(LINES[MEMO_SECRET_LINE]!);
const REFUSED: Refused[] = [
  // Viewers draw a non-embedded TrueType font without /Widths with a system font's widths.
  { name: 'a TrueType font without /Widths (Verdana)', font: 'Verdana', secret: (y) => `BT /F9 11 Tf 60 ${y} Td (${SECRET}) Tj ET`, dict: () => ({ Type: 'Font', Subtype: 'TrueType', BaseFont: 'Verdana', Encoding: 'WinAnsiEncoding' }) },
  { name: 'Helvetica whose /Widths are all 0', font: 'Helvetica', secret: (y) => `BT /F9 11 Tf 60 ${y} Td (${SECRET}) Tj ET`, dict: () => ({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding', FirstChar: 32, LastChar: 255, Widths: helveticaWidths(() => true) }) },
  {
    // Only the codeword, at the end of the withheld line, in a font whose capitals have width 0.
    name: 'a zero-width word at the end of a withheld line',
    font: 'Helvetica',
    secret: (y) => `BT /F1 11 Tf 60 ${y} Td (${esc(LINES[MEMO_SECRET_LINE]!.replace(' BLUEHERON in the ministry.', ''))} ) Tj /F9 11 Tf (BLUEHERON) Tj ET`,
    dict: () => ({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding', FirstChar: 32, LastChar: 255, Widths: helveticaWidths((c) => c >= 65 && c <= 90) }),
  },
];

describe.each(REFUSED)('$name', (c) => {
  it('is refused with one line naming the font, and nothing is released', async () => {
    const bytes = await memo(c.secret, (t) => t.doc.context.register(t.doc.context.obj(c.dict(t) as never)));
    const err = await readPdfLayout(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfInputError);
    expect((err as Error).message).toMatch(new RegExp(`font ${c.font} draws .* with no width`));
    expect((err as Error).message).not.toContain('\n');
    const { pdf, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(1);
    expect(pdf).toBeNull();
  });
});

describe('a zero-width space at the edge of a withheld line', () => {
  // /F9: Helvetica with code 128 named uni200B, width 0, drawn after the line's last glyph.
  const zwsp = (t: TestPdf): PDFRef =>
    t.doc.context.register(
      t.doc.context.obj({
        Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', FirstChar: 32, LastChar: 255, Widths: helveticaWidths((c) => c === 128),
        Encoding: { Type: 'Encoding', BaseEncoding: 'WinAnsiEncoding', Differences: [128, PDFName.of('uni200B')] },
      } as never),
    );
  const secret = (y: number): string => `BT /F1 11 Tf 60 ${y} Td (${SECRET}) Tj /F9 11 Tf <80> Tj ET`;

  it('lies inside the line region (no inset leaves it out)', async () => {
    const layout = await readPdfLayout(await memo(secret, zwsp));
    const at = layout.text.indexOf('\u200B');
    expect(at).toBeGreaterThan(0);
    const line = layout.lines.find((l) => l.start <= at && at < l.end)!;
    const [r] = spanRegions(layout, line.start, line.end);
    expect(r!.rect[2]).toBeGreaterThanOrEqual(layout.boxes[4 * at]!);
    // A line of nothing but zero-width glyphs still gets a region.
    expect(spanRegions(layout, at, at + 1)).toHaveLength(1);
  });

  it('is removed with its line', async () => {
    const bytes = await memo(secret, zwsp);
    const layout = await readPdfLayout(bytes);
    const line = layout.lines.find((l) => layout.text.slice(l.start, l.end).includes('BLUEHERON'))!;
    const regions = spanRegions(layout, line.start, line.end).map((r) => ({ ...r, label: 'B1' }));
    const { bytes: pdf } = await redactPdf(bytes, regions, {});
    expect(rawAndInflated(pdf)).not.toContain('BLUEHERON');
    const text = pdftotext(pdf);
    if (text !== null) {
      expect(text).not.toContain('\u200B');
      expect(text).toContain('quarterly review');
    }
    // No string shown in /F9 is left (the rewriter keeps the Tf, and a removed glyph's advance).
    const ops = await pageOps(pdf, 0);
    const shown = ops.slice(ops.findIndex((o) => o.op === 'Tf' && String(o.operands[0]).includes('F9'))).filter((o) => o.op === 'Tj' || o.op === 'TJ');
    expect(JSON.stringify(shown.map((o) => o.operands))).not.toMatch(/128|\\u0080|\\x80/);
    expect((await pdfjsText(pdf)).pages.join('')).not.toContain('\u200B');
  });
});

/**
 * Glyphs of a font with width, squeezed by the text state: horizontal scale (Tz) below a fifth of
 * the width (probe 64b, F5). Refused still, but the message named the font as drawing "(" with no
 * width, which Helvetica's 333 is not: it says the glyphs are scaled below what declass places with
 * certainty. A scale at which every glyph keeps a twentieth of an em (30% for Helvetica's `i`) reads as before.
 */
describe('a withheld line at a horizontal scale of 15%', () => {
  const squeezed = (tz: number) => (y: number): string => `BT /F9 11 Tf ${tz} Tz 60 ${y} Td (${SECRET}) Tj 100 Tz ET`;
  const helvetica = (t: TestPdf): PDFRef => t.doc.context.register(t.doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }));

  it('is refused in one line saying the glyphs are scaled too narrow, not that they have no width', async () => {
    const err = await readPdfLayout(await memo(squeezed(15), helvetica)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfInputError);
    expect((err as Error).message).toBe('page 1: font Helvetica draws "(" horizontally scaled to 15% of its width, below what declass places with certainty (its glyphs cannot be placed with certainty: fail closed)');
  });

  it('at 30% is read', async () => {
    const layout = await readPdfLayout(await memo(squeezed(30), helvetica));
    expect(layout.text).toContain('BLUEHERON');
  });
});
