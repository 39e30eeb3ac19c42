/**
 * What a withheld line draws beside its characters is withheld with it (src/pdf/redact/line-drawings.ts).
 * A 48×7 image spelling a word right of an (S//NF) line's last character was released untouched,
 * and a word stroked there as lines stayed in the page's content under the box (probe 57a). An
 * image after a (U) line, one in the margin and a figure beside the withheld paragraph stay.
 * Each release is read back by poppler (pdfimages, pdftotext) and as raw and inflated bytes.
 */
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/pdf/redact/boxes.js';
import { pageDrawings } from '../../src/pdf/redact/line-drawings.js';
import type { PageContent } from '../../src/pdf/content/interpret.js';
import { SHORT_MEMO_OPS as MEMO, TestPdf } from './helpers/make.js';
import { popplerImages, rawAndInflated } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { pdftotext } from '../helpers/pdf-text.js';

const SECRET_LINE = '(S//NF) The agency recruited a source codenamed BLUEHERON.';
const UNCLASSIFIED_LINE = '(U) The quarterly review was held at headquarters.';
/** Where a line of the memo ends (Helvetica 11 from x 60), and its baseline. */
const endOf = (line: string) => 60 + textWidth(line, 11);
const SECRET_Y = 740 - 22 * 2, UNCLASSIFIED_Y = 740 - 22;

/** 48×7 pixels whose bytes spell ZQ again and again (found as they are if the image stays). */
const PIXELS = Uint8Array.from(Buffer.from('ZQ'.repeat(168), 'latin1'));
const PIXEL_RUN = 'ZQ'.repeat(24);

/** A memo drawing an image 57.6×8.4 at each of `at` (lower left corners), and `extra` content. */
async function memo(at: readonly [number, number][], extra = '', figure = false): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const im = t.grayImage(48, 7, PIXELS);
  const draws = at.map(([x, y]) => `q 57.6 0 0 8.4 ${x} ${y} cm /Im1 Do Q`);
  if (figure) draws.push(`q 60 0 0 60 ${endOf(SECRET_LINE) + 40} 650 cm /Im2 Do Q`);
  t.page([MEMO, ...draws, extra].join('\n'), { xobjects: { Im1: im, Im2: t.grayImage(2, 2, new Uint8Array([0, 255, 255, 0])) } });
  return t.doc.save({ useObjectStreams: false });
}

/** Released (U) text is still there, the withheld word is not. */
function checkText(pdf: Uint8Array): void {
  const text = pdftotext(pdf);
  if (text === null) return;
  expect(text).toContain('quarterly review');
  expect(text).not.toContain('BLUEHERON');
}

describe('a drawing on a withheld line, beside its last character', () => {
  it('a small image is removed: no image in the release, its bytes nowhere in the file', async () => {
    const r = await releaseMemoPdf(await memo([[endOf(SECRET_LINE) + 4, SECRET_Y - 1]]));
    expect(r.failed).toBe(0);
    expect(popplerImages(r.pdf!) ?? []).toEqual([]);
    expect(rawAndInflated(r.pdf!)).not.toContain(PIXEL_RUN);
    checkText(r.pdf!);
  });

  it('lettering stroked as lines is removed from the content', async () => {
    const x = endOf(SECRET_LINE) + 5.125;
    const strokes = [0, 1, 2, 3].map((k) => `${x + 9 * k} ${SECRET_Y + 7} m ${x + 9 * k + 6} ${SECRET_Y + 7} l ${x + 9 * k} ${SECRET_Y} l ${x + 9 * k + 6} ${SECRET_Y} l S`);
    const r = await releaseMemoPdf(await memo([], `0.8 w\n${strokes.join('\n')}`));
    expect(r.failed).toBe(0);
    const file = rawAndInflated(r.pdf!);
    for (const s of strokes) expect(file).not.toContain(s.split(' m ')[0]);
    checkText(r.pdf!);
  });
});

describe('drawings that are not part of a withheld line', () => {
  it('an image after a (U) line, one in the margin of the (S) line and a figure beside it stay', async () => {
    const r = await releaseMemoPdf(await memo([[endOf(UNCLASSIFIED_LINE) + 4, UNCLASSIFIED_Y - 1], [endOf(SECRET_LINE) + 120, SECRET_Y - 1]], '', true));
    expect(r.failed).toBe(0);
    const images = popplerImages(r.pdf!);
    if (images !== null) expect(images.map((i) => `${i.width}x${i.height}`).sort()).toEqual(['2x2', '48x7', '48x7']);
    checkText(r.pdf!);
  });
});

describe('which paths could carry lettering (pageDrawings)', () => {
  const path = (segments: number, curves: number, rects: number, dark: boolean) => ({ stream: 0, startOp: 0, endOp: 1, bbox: [0, 0, 10, 10] as [number, number, number, number], clip: false, segments, curves, rects, dark, marks: [] });
  it.each([
    ['a lone rectangle (re): a cell shading, spells nothing', path(4, 0, 1, false), false],
    ['four lines drawn with m and l: could be a stroked W', path(4, 0, 0, false), true],
    ['two rectangles: could be letters of bars', path(8, 0, 2, false), true],
    ['a curve', path(1, 1, 0, false), true],
    ['two lines', path(2, 0, 0, false), false],
  ])('%s', (_what, p, lettering) => {
    const drawings = pageDrawings({ images: [], inlineImages: [], paths: [p] } as unknown as PageContent);
    expect(drawings.map((d) => d.lettering)).toEqual([lettering]);
  });
  it.each([
    ['four segments', path(4, 0, 0, true)],
    ['five: its last line closes it (The Intercept over a SIDtoday `Run Date:` line)', path(5, 0, 0, true)],
  ])('a dark filled box of %s stays as drawn (a publisher box)', (_what, p) => {
    expect(pageDrawings({ images: [], inlineImages: [], paths: [p] } as unknown as PageContent)).toEqual([]);
  });
  it('a dark filled shape of six segments or with a curve is a drawing', () => {
    expect(pageDrawings({ images: [], inlineImages: [], paths: [path(6, 0, 0, true), path(4, 1, 0, true)] } as unknown as PageContent)).toHaveLength(2);
  });
});
