/**
 * Which figure a withheld caption takes (src/pdf/figures.ts), laid out as probe 60e found them
 * released as drawn: a caption a line and three quarters below, a figure drawn as five strips, a
 * caption beside the figure, an image cropped by a clip over the caption and the text under it, a
 * (U) heading centred over the figure with the caption flush left under it, a (U) paragraph just
 * above with the caption a line below. Each is withheld with its caption; a figure whose nearest
 * caption is released stays, and so does one whose only withheld neighbour is text without a
 * caption's words beyond a line and a half or beside it (a masthead's logo, text set around it). Every release is read back by poppler (pdfimages, pdftotext) and as
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

/** The figure as most cases draw it: 200×100 at x 60–260, y 590–690. */
const FIGURE = 'q 200 0 0 100 60 590 cm /Im1 Do Q';

/** One layout: its body lines (text, x, y of the baseline, 11 pt), how the image is drawn, and what becomes of it. */
interface Case {
  readonly name: string;
  readonly lines: readonly (readonly [string, number, number])[];
  readonly draw: string;
  /** Images drawn; whether they are withheld; the warning expected (a pattern), or none. */
  readonly images: number;
  readonly withheld: boolean;
  readonly warning: RegExp | null;
}

const TAKEN = /^page 1: (image \/Im1|5 abutting images \(image \/Im1\)) (over|under|left of|right of) a withheld portion's line is that portion's figure/;
const UNDECIDED = /^page 1: image \/Im1 lies between withheld and released text and which is its caption cannot be told; it was withheld/;

const CASES: readonly Case[] = [
  { name: 'a caption 1.75 lines below (probe 60e d2)', lines: [['(S//NF) Figure 1: ZQMAP collection site map.', 60, 562.5]], draw: FIGURE, images: 1, withheld: true, warning: TAKEN },
  {
    name: 'a figure drawn as five abutting strips, each under two lines tall (d3)',
    lines: [['(S//NF) Figure 1: ZQMAP collection site map.', 60, 575]],
    draw: [0, 1, 2, 3, 4].map((k) => `q 200 0 0 20 60 ${590 + 20 * k} cm /Im1 Do Q`).join('\n'),
    images: 5, withheld: true, warning: TAKEN,
  },
  { name: 'a caption beside the figure, vertically centred (d4)', lines: [['(S//NF) Figure 1: ZQMAP site map.', 275, 636]], draw: FIGURE, images: 1, withheld: true, warning: TAKEN },
  {
    name: 'an image cropped by a clip to the figure, its hidden part over the caption and the text under it (d9)',
    lines: [['(S//NF) Figure 1: ZQMAP collection site map.', 60, 575], ['(U) UQAFTER public text after the figure.', 60, 530]],
    draw: 'q 60 590 200 100 re W n 200 0 0 300 60 390 cm /Im1 Do Q',
    images: 1, withheld: true, warning: TAKEN,
  },
  {
    name: 'a (U) heading centred over the figure, the caption flush left under it (d5b)',
    lines: [['(U) UQHEAD Site', 122, 694], ['(S//NF) Figure 1: ZQMAP collection site map.', 60, 575]],
    draw: FIGURE, images: 1, withheld: true, warning: TAKEN,
  },
  {
    name: 'a (U) paragraph 1.6 pt above, the caption a line below (d10)',
    lines: [['(U) UQINTRO public paragraph about the site.', 60, 693.8], ['(S//NF) Figure 1: ZQMAP collection site map.', 60, 569.75]],
    draw: FIGURE, images: 1, withheld: true, warning: TAKEN,
  },
  {
    name: 'a withheld paragraph above and a (U) paragraph below, equally near: undecided',
    lines: [['(S//NF) ZQPARA the site was mapped.', 60, 697], ['(U) UQPARA the meeting ended on time.', 60, 575]],
    draw: FIGURE, images: 1, withheld: true, warning: UNDECIDED,
  },
  {
    name: 'a (U) caption under it, a withheld paragraph two lines above: the released caption is its own',
    lines: [['(S//NF) ZQPARA the site was mapped.', 60, 714], ['(U) Figure 1: UQMAP harbor map.', 60, 575]],
    draw: FIGURE, images: 1, withheld: false, warning: null,
  },
  {
    name: 'a (U) paragraph just under it, a withheld paragraph two lines above: the nearest text is released',
    lines: [['(S//NF) ZQPARA the site was mapped.', 60, 714], ['(U) UQPARA the meeting ended on time.', 60, 575]],
    draw: FIGURE, images: 1, withheld: false, warning: null,
  },
  {
    name: 'a withheld caption three lines below, beyond the block gap: not its caption',
    lines: [['(S//NF) Figure 1: ZQMAP collection site map.', 60, 548.75]],
    draw: FIGURE, images: 1, withheld: false, warning: null,
  },
  {
    name: 'a withheld paragraph (no caption words) 1.75 lines below: the article\'s next line, not taken (a masthead\'s logo)',
    lines: [['(S//NF) ZQPARA the site was mapped.', 60, 562.5]],
    draw: FIGURE, images: 1, withheld: false, warning: null,
  },
  {
    name: 'a withheld line beside it without caption words (text set around the figure): not taken',
    lines: [['(S//NF) ZQPARA the site was mapped.', 275, 636]],
    draw: FIGURE, images: 1, withheld: false, warning: null,
  },
  {
    name: 'strips not abutting (a gap of 4 pt): each under two lines, neither taken',
    lines: [['(S//NF) Figure 1: ZQMAP collection site map.', 60, 575]],
    draw: 'q 200 0 0 20 60 590 cm /Im1 Do Q\nq 200 0 0 20 60 614 cm /Im1 Do Q',
    images: 2, withheld: false, warning: null,
  },
];

/** A memo: its banners, a (U) opening line, the case's lines and image, and its classification block. */
async function memo(c: Case): Promise<Uint8Array> {
  const lines: (readonly [string, number, number])[] = [
    ['SECRET//NOFORN', 250, 770],
    ['(U) The quarterly review was held at headquarters.', 60, 745],
    ...c.lines,
    ['Classified By: John Smith, Director', 60, 200],
    ['Derived From: Multiple Sources', 60, 186],
    ['Declassify On: 20301231', 60, 172],
    ['SECRET//NOFORN', 250, 60],
  ];
  const t = await TestPdf.create();
  const ops = lines.map(([l, x, y]) => `BT /F1 11 Tf ${x} ${y} Td (${l}) Tj ET`);
  ops.push(c.draw);
  t.page(ops.join('\n'), { xobjects: { Im1: t.grayImage(48, 20, PIXELS) } });
  return t.doc.save({ useObjectStreams: false });
}

/** The warnings planRegions gives about figures. */
async function figureWarnings(bytes: Uint8Array): Promise<string[]> {
  const read = await readPdfInput(bytes);
  if (!read.ok) throw new Error(read.message);
  const p = planRelease(read.doc, profile, { asOf: '2026-12-01', stem: 'memo' });
  return planRegions(p.plan, read.layout).warnings;
}

describe('which figure a withheld caption takes', () => {
  it.each(CASES)('$name', async (c) => {
    const bytes = await memo(c);
    expect(await figureWarnings(bytes)).toEqual(c.warning ? [expect.stringMatching(c.warning)] : []);
    const r = await releaseMemoPdf(bytes);
    expect(r.failed).toBe(0);
    const images = popplerImages(r.pdf!);
    const text = pdftotext(r.pdf!);
    if (c.withheld) {
      if (images) expect(images).toEqual([]);
      expect(rawAndInflated(r.pdf!)).not.toContain(PIXEL_RUN);
    } else if (images) {
      expect(images.length).toBe(c.images);
    }
    if (text !== null) {
      expect(text).not.toMatch(/ZQ[A-Z]/);
      expect(text).toContain('quarterly review');
      for (const [l] of c.lines) if (l.startsWith('(U)')) expect(text).toContain(l.split(' ')[1]);
    }
  });
});

describe('a clipped image under withheld text', () => {
  it('is blanked where it is drawn, the part its clip hides too (those pixels travel in the file)', async () => {
    // Drawn 300 pt tall (y 390–690), shown only in its top 100 pt over a (U) caption; the withheld
    // paragraph lies over the hidden part.
    const c: Case = {
      name: 'hidden part under withheld text',
      lines: [['(U) Figure 1: UQMAP harbor map.', 60, 575], ['(S//NF) ZQPARA the site was mapped.', 60, 450]],
      draw: 'q 60 590 200 100 re W n 200 0 0 300 60 390 cm /Im1 Do Q',
      images: 1, withheld: false, warning: null,
    };
    const r = await releaseMemoPdf(await memo(c));
    expect(r.failed).toBe(0);
    const raw = rawAndInflated(r.pdf!);
    const left = raw.split('ZQPX').length - 1;
    // The original's 240 runs less the rows under the withheld line (and the line height around it).
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(240);
    const text = pdftotext(r.pdf!);
    if (text !== null) expect(text).not.toMatch(/ZQ[A-Z]/);
  });
});
