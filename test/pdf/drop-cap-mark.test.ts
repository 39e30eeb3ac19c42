/**
 * A (U) paragraph that opens with a drop cap made of its mark (probe 62b, F3): LibreOffice's
 * 3-line drop cap of the `(` of `(U)`, and Chromium's `::first-letter` float of 40 pt, which takes
 * the whole `(U)`. The cap was joined to the first line, but the lines after it were cut off the
 * paragraph and withheld under (b)(1) as unmarked: the cap's own glyph was taken for another
 * line's, the next line set in right after it (a raised run, see inlineFragment), and the line
 * under the cap, at the cap's left edge, for no wrap of the last line beside it. The whole (U)
 * paragraph is released now; the lines beside and under an (S//NF) paragraph's cap stay withheld,
 * and go on with no (U) paragraph above them.
 */
import { describe, expect, it } from 'vitest';
import { StandardFonts } from 'pdf-lib';
import { readPdfLayout } from '../../src/pdf/layout/index.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { pdfjsText, rawAndInflated } from './helpers/check.js';

const SIZE = 12;
const LEADING = 14;
const LEFT = 60;
const MEASURE = 430;

/** A line of text drawn in Helvetica (/F1). */
interface Line {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly text: string;
}

const esc = (s: string): string => s.replace(/[()\\]/g, '\\$&');

/** Helvetica's widths, as pdf-lib measures them. */
async function measurer(): Promise<(s: string, size: number) => number> {
  const t = await TestPdf.create();
  const helv = await t.doc.embedFont(StandardFonts.Helvetica);
  return (s, size) => helv.widthOfTextAtSize(s, size);
}

/**
 * The words filled greedily into lines: `beside` lines starting at `indent` right of LEFT (the
 * first after `first`, the text that follows the cap on it), the rest at LEFT; each line as full
 * as it goes, so that the next one's first word would not have fitted (a wrap).
 */
function fill(width: (s: string, size: number) => number, words: readonly string[], top: number, beside: number, indent: number): Line[] {
  const lines: Line[] = [];
  let k = 0;
  for (let n = 0; k < words.length; n++) {
    const x = n < beside ? LEFT + indent : LEFT;
    let text = words[k++]!;
    while (k < words.length && width(`${text} ${words[k]}`, SIZE) <= MEASURE - (x - LEFT)) text += ` ${words[k++]}`;
    lines.push({ x, y: top - LEADING * n, size: SIZE, text });
  }
  return lines;
}

const words = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/**
 * A SECRET memo: banner, `(S//NF)` paragraph naming BLUEHERON, then `body` (the drop-cap
 * paragraphs), the authority block and the banner.
 */
function memo(body: readonly Line[]): Promise<Uint8Array> {
  return TestPdf.create().then((t) => {
    const lines: Line[] = [
      { x: 250, y: 760, size: SIZE, text: 'SECRET//NOFORN' },
      { x: LEFT, y: 730, size: SIZE, text: '(S//NF) The agency recruited a source codenamed BLUEHERON.' },
      ...body,
      { x: LEFT, y: 300, size: SIZE, text: 'Classified By: John Smith, Director' },
      { x: LEFT, y: 286, size: SIZE, text: 'Derived From: Multiple Sources' },
      { x: LEFT, y: 272, size: SIZE, text: 'Declassify On: 20301231' },
      { x: 250, y: 40, size: SIZE, text: 'SECRET//NOFORN' },
    ];
    t.page(lines.map((l) => `BT /F1 ${l.size} Tf ${l.x} ${l.y} Td (${esc(l.text)}) Tj ET`).join('\n'));
    return t.save();
  });
}

/** LibreOffice: the cap is `(`, 48 pt, its baseline on the third line's; `U) …` beside it. */
async function libreOffice(mark: string, prefix: string, top: number): Promise<Line[]> {
  const width = await measurer();
  const capWidth = width('(', 48);
  const indent = capWidth + 7;
  const lines = fill(width, [`${mark.slice(1)}`, ...words(prefix, 70)], top, 3, indent);
  return [{ x: LEFT, y: top - 2 * LEADING, size: 48, text: '(' }, ...lines];
}

/** Chromium's `::first-letter` float: the whole mark at 40 pt, its top at the first line's, three lines beside it. */
async function chromium(mark: string, prefix: string, top: number): Promise<Line[]> {
  const width = await measurer();
  const indent = width(mark, 40) + 3;
  const lines = fill(width, words(prefix, 60), top, 3, indent);
  return [{ x: LEFT, y: top - 20, size: 40, text: mark }, ...lines];
}

/** The release's text by its own file, pdftotext and pdf.js: each reads every word of `want`, none of `never`. */
async function expectRelease(bytes: Uint8Array, want: readonly string[], never: readonly string[]): Promise<void> {
  const { pdf, text, failed } = await releaseMemoPdf(bytes);
  expect(failed).toBe(0);
  const js = await pdfjsText(pdf!);
  const readings = [text!, js.pages.join(' ')];
  const poppler = pdftotext(pdf!);
  if (poppler !== null) readings.push(poppler);
  for (const r of readings) {
    for (const w of want) expect(r).toMatch(new RegExp(`\\b${w}\\b`));
    for (const w of never) expect(r).not.toMatch(new RegExp(`\\b${w}\\b`));
  }
  const raw = rawAndInflated(pdf!);
  for (const w of never) expect(raw).not.toMatch(new RegExp(`\\b${w}\\b`));
  expect(js.extra).not.toContain('BLUEHERON');
}

describe.each([
  { name: "LibreOffice's 3-line drop cap of the ( of (U)", build: libreOffice },
  { name: "Chromium's 40 pt ::first-letter float of (U)", build: chromium },
])('a (U) paragraph opening with $name', (c) => {
  it('is read as one (U) paragraph, and released whole: the lines beside and under the cap too', async () => {
    const bytes = await memo(await c.build('(U)', 'uqdc', 690));
    const layout = await readPdfLayout(bytes);
    const para = layout.text.split(/\n\s*\n/).find((p) => p.includes('uqdc0'))!;
    expect(para).toMatch(/^\( ?U\)/);
    expect(para).toContain('uqdc59');
    await expectRelease(bytes, ['uqdc0', 'uqdc20', 'uqdc40', 'uqdc59'], ['BLUEHERON']);
  });

  it('an (S//NF) paragraph opening with such a cap under a (U) paragraph stays withheld, lines beside and under the cap too', async () => {
    const width = await measurer();
    const above = fill(width, ['(U)', ...words('uqab', 30)], 690, 0, 0);
    const top = above[above.length - 1]!.y - LEADING;
    const bytes = await memo([...above, ...(await c.build('(S//NF)', 'zqdc', top))]);
    await expectRelease(bytes, ['uqab0', 'uqab29'], ['zqdc0', 'zqdc1', 'zqdc20', 'zqdc40', 'zqdc59', 'BLUEHERON']);
  });
});

/**
 * A one-line (U) paragraph with Chromium's 40 pt `::first-letter` cap, and unmarked paragraphs
 * set beside and under the cap with no gap (probe 62c, F3): the cap rule (a line beside the cap
 * wraps at its text's edge or the cap's) let them go on as the (U) line's wrap, and they were
 * released. A (U) line that ends a sentence well short of the measure ends its paragraph beside
 * the cap as anywhere: what follows is a portion of its own, unmarked, withheld.
 */
describe("a one-line (U) paragraph opening with Chromium's 40 pt ::first-letter float of (U)", () => {
  const TOP = 690;

  async function capped(rest: (indent: number, width: (s: string, size: number) => number) => Line[]): Promise<Uint8Array> {
    const width = await measurer();
    const indent = width('(U)', 40) + 3;
    const first: Line = { x: LEFT + indent, y: TOP, size: SIZE, text: 'uqone short public line.' };
    return memo([{ x: LEFT, y: TOP - 20, size: 40, text: '(U)' }, first, ...rest(indent, width)]);
  }

  it('ends at its sentence: an unmarked paragraph beside and under the cap is withheld', async () => {
    const bytes = await capped((indent, width) => fill(width, ['zqnext', ...words('zqnx', 50)], TOP - LEADING, 2, indent));
    const layout = await readPdfLayout(bytes);
    const para = layout.text.split(/\n\s*\n/).find((p) => p.includes('uqone'))!;
    expect(para).not.toMatch(/zq/);
    await expectRelease(bytes, ['uqone'], ['zqnext', 'zqnx0', 'zqnx20', 'zqnx49', 'BLUEHERON']);
  });

  it('ends at its sentence: three one-line unmarked paragraphs beside and under the cap are withheld', async () => {
    const bytes = await capped((indent) => [
      { x: LEFT + indent, y: TOP - LEADING, size: SIZE, text: 'zqnext Unmarked paragraph beside the cap.' },
      { x: LEFT + indent, y: TOP - 2 * LEADING, size: SIZE, text: 'zqthird another short unmarked one.' },
      { x: LEFT, y: TOP - 3 * LEADING, size: SIZE, text: 'zqfourth and another one below the cap, a little longer than the others.' },
    ]);
    const layout = await readPdfLayout(bytes);
    const para = layout.text.split(/\n\s*\n/).find((p) => p.includes('uqone'))!;
    expect(para).not.toMatch(/zq/);
    await expectRelease(bytes, ['uqone'], ['zqnext', 'zqthird', 'zqfourth', 'BLUEHERON']);
  });
});
