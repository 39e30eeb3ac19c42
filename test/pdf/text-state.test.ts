/**
 * Glyph removal under every text-showing operator and text state parameter, in a simple font
 * (Helvetica, WinAnsi, one byte a glyph) and a Type0 font (Liberation Sans, Identity-H, two bytes
 * a glyph): the withheld words are gone for pdf.js and pdftotext, every other word is still
 * there, and the page renders identically outside the boxes (poppler, pixel by pixel), which
 * shows that every kept glyph stayed exactly where it was.
 */
import { describe, expect, it } from 'vitest';
import { Font as StandardFont } from '@pdf-lib/standard-fonts';
import { redactPdf, type PdfRegion } from '../../src/pdf/index.js';
import { TestPdf } from './helpers/make.js';
import { everythingInFile, pageOps, pdfjsText, popplerText, popplerWords, releaseBoxes } from './helpers/check.js';
import { differingPixelsOutside, hasPdftoppm, renderGray } from './helpers/render.js';

const KEPT = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet'];
const WITHHELD = ['Xsecretone', 'Ysecrettwo', 'Zsecretthree', 'Wsecretfour', 'Vsecretfive'];

/** Content showing kept and withheld words with Tc, Tw, Tz, Ts, TL, TJ offsets, ' and ". `s` encodes a string for the font. */
function content(font: string, s: (t: string) => string): string {
  return [
    'BT',
    `/${font} 12 Tf 0.5 Tc 2 Tw 90 Tz 1.5 Ts 16 TL 72 700 Td`,
    `[${s('Alpha ')} -120 ${s('Xsecretone')} 80 ${s(' Bravo Charlie')}] TJ`,
    `${s('Delta Ysecrettwo Echo')} '`,
    `3 0.25 ${s('Foxtrot Zsecretthree Golf')} "`,
    '0 Tc 0 Tw 100 Tz 0 Ts',
    `0 -20 Td ${s('Hotel Wsecretfour India')} Tj`,
    'ET',
    'q 0.8 0 0 0.8 72 500 cm BT',
    `/${font} 14 Tf 1 0 0 1 0 0 Tm [${s('Juliet')} -300 ${s('Vsecretfive')}] TJ`,
    'ET Q',
  ].join('\n');
}

describe.each([
  ['simple font (Helvetica, WinAnsi)', 'F1', (_t: TestPdf) => (x: string) => `(${x})`],
  ['Type0 font (Identity-H)', 'F2', (t: TestPdf) => (x: string) => t.hex(x)],
])('%s', (_name, font, enc) => {
  it('removes the withheld words and keeps every other glyph in place', async () => {
    const t = await TestPdf.create();
    t.page(content(font, enc(t)));
    const input = await t.save();
    const words = popplerWords(input);
    if (words === null) return; // poppler is needed to place the regions independently
    const regions: PdfRegion[] = words.filter((w) => WITHHELD.includes(w.word)).map((w) => ({ page: 0, rect: w.rect, label: 'B1' }));
    expect(regions).toHaveLength(WITHHELD.length);
    const { bytes, report } = await redactPdf(input, regions);
    // The withheld letters, and at most a neighbouring space per word that kerning pulls into the region.
    expect(report.totals.glyphsRemoved).toBeGreaterThanOrEqual(WITHHELD.join('').length);
    expect(report.totals.glyphsRemoved).toBeLessThanOrEqual(WITHHELD.join('').length + WITHHELD.length);
    const js = (await pdfjsText(bytes)).pages[0]!;
    const pop = popplerText(bytes)!;
    const raw = await everythingInFile(bytes);
    for (const w of WITHHELD) {
      expect(js).not.toContain(w.slice(1));
      expect(pop).not.toContain(w.slice(1));
      if (font === 'F1') expect(raw).not.toContain(w.slice(1));
    }
    for (const w of KEPT) {
      expect(js).toContain(w);
      expect(pop).toContain(w);
    }
    // Kept words sit where they were (poppler's word boxes), to a hundredth of a point.
    const after = popplerWords(bytes)!;
    for (const w of words.filter((x) => KEPT.includes(x.word))) {
      const a = after.find((x) => x.word === w.word)!;
      expect(a, w.word).toBeDefined();
      for (let k = 0; k < 4; k++) expect(a.rect[k]).toBeCloseTo(w.rect[k]!, 2);
    }
    if (hasPdftoppm()) expect(differingPixelsOutside(renderGray(input, 0, 100), renderGray(bytes, 0, 100), await releaseBoxes(bytes, 0), 792, 100)).toBe(0);
  });
});

describe('no trace of the removed glyphs\' widths in the content stream', () => {
  /** Text placed glyph by glyph, each with its own Td (as wkhtmltopdf does): Helvetica advances at 12 pt. */
  const perGlyph = (text: string): string => {
    let s = '';
    let prev = 0;
    for (const ch of text) {
      s += `${prev} 0 Td (${ch === '(' || ch === ')' ? '\\' + ch : ch}) Tj\n`;
      prev = (HELVETICA.getWidthOfGlyph(GLYPH[ch] ?? ch) as number) * 0.012;
    }
    return s;
  };

  it('drops whole lines and collapses the line moves around them, per-glyph Td and TJ lines alike', async () => {
    const t = await TestPdf.create();
    const content =
      'BT /F1 12 Tf 1 0 0 1 72 700 Tm\n' + perGlyph('Public first line') +
      'ET BT /F1 12 Tf 1 0 0 1 72 686 Tm\n' + perGlyph('Secret middle words') +
      'ET BT /F1 12 Tf 1 0 0 1 72 672 Tm\n' + perGlyph('Public last line') + 'ET\n' +
      'BT /F1 12 Tf 72 600 Td 14 TL [(Public) -250 (kept)] TJ T* [(Secret) -250 (line)] TJ T* [(Public) -250 (again)] TJ ET\n';
    t.page(content);
    const input = await t.save();
    const words = popplerWords(input);
    if (words === null) return;
    const regions: PdfRegion[] = [
      { page: 0, rect: [70, 683, 300, 696], label: 'B1' },
      { page: 0, rect: [70, 583, 300, 596], label: 'B1' },
    ];
    const { bytes, report } = await redactPdf(input, regions);
    expect(report.totals.textOpsDropped).toBe('Secret middle words'.length + 1);
    const ops = await pageOps(bytes, 0);
    // No pen movement names a removed glyph: no TJ of offsets only, and one Td fewer per removed glyph.
    expect(ops.filter((o) => o.op === 'TJ' && (o.operands[0] as unknown[]).every((e) => typeof e === 'number'))).toEqual([]);
    const tds = (list: { op: string }[]): number => list.filter((o) => o.op === 'Td').length;
    const before = (await import('../../src/pdf/syntax/parse.js')).parseContent(Uint8Array.from(Buffer.from(content, 'latin1'))).ops;
    expect(tds(ops)).toBe(tds(before) - 'Secret middle words'.length);
    const text = (await pdfjsText(bytes)).pages[0]!;
    expect(text).not.toMatch(/Secret|middle|words/);
    const after = popplerWords(bytes)!;
    for (const w of words.filter((x) => !regions.some((r) => x.rect[1] > r.rect[1] && x.rect[3] < r.rect[3]))) {
      const a = after.find((x) => x.word === w.word && Math.abs(x.rect[1] - w.rect[1]) < 1);
      expect(a, w.word).toBeDefined();
      for (let k = 0; k < 4; k++) expect(a!.rect[k]).toBeCloseTo(w.rect[k]!, 2);
    }
    if (hasPdftoppm()) expect(differingPixelsOutside(renderGray(input, 0, 100), renderGray(bytes, 0, 100), await releaseBoxes(bytes, 0), 792, 100)).toBe(0);
  });
});

const HELVETICA = StandardFont.load('Helvetica');
const GLYPH: Record<string, string> = { ' ': 'space' };
