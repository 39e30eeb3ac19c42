/**
 * Probe 68b: text drawn as shapes, and a blank drawn by a composite glyph.
 * F1: a page of outlined text (gs -dNoOutputFonts; an SVG printed by Chromium) inside a document
 * with text went out RELEASE IN FULL under an UNCLASSIFIED stamp, with no warning: its 93 shapes
 * were under the 100 a page needed, and the pdf-unread warning was given only to documents that
 * withheld something. A page that draws shapes in rows the size of letters, with no text or less
 * text than such shapes, refuses the document now; lettering beside text is warned about always.
 * F2: Chrome's "Save as PDF" draws `&nbsp;` with a composite of the empty space glyph: refused as
 * "glyphs that draw ink to blanks". F3: the refusal called outlined text a scan.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPdfInput } from '../../src/release/pdf.js';
import { TestPdf } from './helpers/make.js';
import { releaseMemoPdf, releaseShown } from './helpers/release-memo.js';

/** `n` glyph-like filled shapes with curves, 6 by 8 pt, 8 pt apart from (x, y) along a row, or down a column. */
function shapes(n: number, x: number, y: number, along: 'row' | 'column' | 'bars'): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const [a, b] = along === 'column' ? [x, y - 14 * i] : [x + 8 * i, y];
    out.push(along === 'bars' ? `${a} ${b} 6 8 re f` : `${a} ${b} m ${a + 5} ${b} l ${a + 6} ${b + 4} ${a + 4} ${b + 8} ${a + 2} ${b + 8} c h f`);
  }
  return out.join('\n');
}

const line = (text: string, y: number) => `BT /F1 11 Tf 60 ${y} Td (${text}) Tj ET`;
const COVER = [line('UNCLASSIFIED', 740), line('(U) UQ1 Cover note: the attached page follows.', 718), line('UNCLASSIFIED', 60)].join('\n');

/** A cover page of (U) text, then a page of `second` (content operators). */
async function twoPages(second: string): Promise<Uint8Array> {
  const t = await TestPdf.create();
  t.page(COVER);
  t.page(second);
  return t.doc.save({ useObjectStreams: false });
}

describe('a page whose drawings could be letters (probe 68b, F1)', () => {
  const cases: { name: string; second: string; refused: RegExp | null }[] = [
    { name: 'no text, 20 letter shapes in a row (under the 100 shapes a page needed)', second: shapes(20, 60, 700, 'row'), refused: /^no text layer: the text is images or drawn shapes .*\(page 2 shows no text but 20 shapes in rows, the size of letters: text drawn as outlines/ },
    { name: 'a banner as text over 40 letter shapes (more than its glyphs)', second: `${line('UNCLASSIFIED', 740)}\n${shapes(40, 60, 700, 'row')}`, refused: /page 2 shows 40 shapes in rows, the size of letters, and only 12 glyph\(s\) of text/ },
    { name: 'no text, 20 shapes down a column (drawn bullets, a logo)', second: shapes(20, 60, 700, 'column'), refused: null },
    { name: 'no text, 20 rectangles in a row (a chart\'s bars)', second: shapes(20, 60, 700, 'bars'), refused: null },
    { name: 'no text, 7 letter shapes (fewer than a word)', second: shapes(7, 60, 700, 'row'), refused: null },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const read = await readPdfInput(await twoPages(c.second));
      if (c.refused === null) expect(read.ok ? '' : read.message).toBe('');
      else expect(read.ok ? '' : read.message).toMatch(c.refused);
    });
  }

  it('the refused document writes nothing to release/', async () => {
    const { pdf, text, failed } = await releaseMemoPdf(await twoPages(shapes(20, 60, 700, 'row')));
    expect([pdf, text, failed]).toEqual([null, null, 1]);
  });

  it('lettering beside more text is kept with a pdf-unread warning, in a document that withholds nothing too', async () => {
    const page = [COVER, line('(U) UQ2 A second released line of ordinary words here.', 696), shapes(12, 60, 500, 'row')].join('\n');
    const t = await TestPdf.create();
    t.page(page);
    const { text, out } = await releaseMemoPdf(await t.doc.save({ useObjectStreams: false }));
    expect(text).toContain('RELEASE IN FULL');
    const record = JSON.parse(readFileSync(path.join(out, 'review', 'memo.audit.json'), 'utf8')) as { diagnostics: { code: string; message: string }[] };
    expect(record.diagnostics.filter((d) => d.code === 'pdf-unread').map((d) => d.message)).toEqual([expect.stringMatching(/^page 1: 12 shapes in rows, the size of letters kept as drawn/)]);
  });

  it('and beside a withheld line: warned, the withheld words in neither the release text nor the release PDF', async () => {
    const page = [line('SECRET//NOFORN', 740), line('(U) UQ1 The quarterly review was held at headquarters.', 718), line('(S//NF) ZQ1 The agency recruited a source in the ministry.', 696),
      line('Classified By: John Smith, Director', 674), line('Derived From: Multiple Sources', 652), line('Declassify On: 20301231', 630), line('SECRET//NOFORN', 60), shapes(12, 60, 500, 'row')].join('\n');
    const t = await TestPdf.create();
    t.page(page);
    const { text } = await releaseShown(await t.doc.save({ useObjectStreams: false }), /ZQ/);
    expect(text).toContain('UQ1');
  });
});

describe('a Chromium PDF with no-break spaces (probe 68b, F2)', () => {
  it('is read: the composite glyph of the empty space glyph draws nothing; ZQ stays withheld', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'chromium', 'nbsp68g.pdf')));
    const { text } = await releaseShown(bytes, /ZQ/);
    expect(text).toMatch(/UQ1 Cover.note for the.file\./);
  });
});

describe('a PDF with no text at all (probe 68b, F3)', () => {
  it('is refused as a text layer missing, not as a scan only', async () => {
    const t = await TestPdf.create();
    t.page(shapes(30, 60, 700, 'row'));
    const read = await readPdfInput(await t.doc.save({ useObjectStreams: false }));
    expect(read.ok ? '' : read.message).toBe('no text layer: the text is images or drawn shapes (a scan, or text printed as outlines), which declass does not read: OCR it, or export it again with its text');
  });
});
