/**
 * The text layer of a PDF (src/pdf/layout): reading order over columns, a sidebar and a header
 * spanning the page, paragraph breaks, form feeds between pages, the glyph boxes a span covers,
 * and the one-line refusal of a PDF without text.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { NO_TEXT_LAYER, readPdfLayout, redactPdf, spanRegions } from '../../src/pdf/index.js';
import { readDocument } from '../../src/parse/read.js';
import { releaseBoxes } from './helpers/check.js';

async function twoColumns(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  const put = (text: string, x: number, y: number): void => page.drawText(text, { x, y, size: 10, font });
  put('SECRET//NOFORN', 260, 770);
  put('(U) A heading that spans both columns of the page', 72, 730);
  // Left column: two paragraphs; right column: one, lines at the same heights.
  const left = ['(S) Left one alpha bravo', 'left two charlie delta', 'left three echo', '', '(U) Left para two golf', 'left five hotel'];
  const right = ['(C) Right one india', 'right two juliet kilo', 'right three lima', 'right four mike', '(U) Right five', 'right six'];
  left.forEach((t, i) => t && put(t, 72, 700 - 12 * i));
  right.forEach((t, i) => put(t, 330, 700 - 12 * i));
  put('SECRET//NOFORN', 260, 40);
  const p2 = doc.addPage([612, 792]);
  p2.drawText('(U) Page two text', { x: 72, y: 700, size: 10, font });
  return doc.save({ useObjectStreams: false });
}

describe('readPdfLayout', () => {
  it('reads columns in order, with paragraph breaks and a form feed between pages', async () => {
    const layout = await readPdfLayout(await twoColumns());
    expect(layout.pages).toBe(2);
    expect(layout.text).toBe(
      [
        'SECRET//NOFORN',
        '',
        '(U) A heading that spans both columns of the page',
        '',
        '(S) Left one alpha bravo',
        'left two charlie delta',
        'left three echo',
        '',
        '(U) Left para two golf',
        'left five hotel',
        '',
        // Lines whose next line's first word would not have fitted are joined (wrapped text).
        '(C) Right one india right two juliet kilo right three lima right four mike',
        '(U) Right five',
        'right six',
        '',
        'SECRET//NOFORN',
        '\f(U) Page two text',
        '',
      ].join('\n'),
    );
  });

  it('joins wrapped lines of a paragraph into one line of text, and keeps a short line, a mark or a number opening a line', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    const lines = ['(U) This paragraph wraps at the right edge of its column so that', 'its lines are joined. It ends with a short line.', '1. A numbered item that is long enough to fill the line.', '(S) A marked paragraph follows the item here.'];
    lines.forEach((l, i) => page.drawText(l, { x: 72, y: 700 - 12 * i, size: 10, font }));
    const layout = await readPdfLayout(await doc.save());
    expect(layout.text).toBe(`${lines[0]} ${lines[1]}\n${lines[2]}\n${lines[3]}\n`);
    // Each visual line keeps its own rectangle.
    expect(spanRegions(layout, 0, layout.text.length).length).toBe(4);
  });

  it.each([
    ['a word broken at a hyphen is joined without a blank', 'over-the-', 'horizon radar was tested', 'over-the-horizon radar was tested'],
    ['so is one broken at a double hyphen', 'the plan was made--', 'watch the budget', 'the plan was made--watch the budget'],
    ['a suspended hyphen keeps its blank', 'both macro-', 'and micro-economic views', 'both macro- and micro-economic views'],
    ['a dash after a blank keeps it', 'the plan -', 'and the budget', 'the plan - and the budget'],
    ['a hyphen before a capital keeps it', 'SECRET-', 'Releasable text here', 'SECRET- Releasable text here'],
  ])('%s (the release text said `over-the- horizon`)', async (_name, end, next, joined) => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    // A first line that fills the column, so that the next line's first word would not have fitted.
    const first = `(U) This paragraph wraps at the right edge of its column and ${end}`;
    const lines = [first, `${next} in the field.`];
    lines.forEach((l, i) => page.drawText(l, { x: 72, y: 700 - 12 * i, size: 10, font }));
    const layout = await readPdfLayout(await doc.save());
    expect(layout.text).toBe(`(U) This paragraph wraps at the right edge of its column and ${joined} in the field.\n`);
    expect(spanRegions(layout, 0, layout.text.length).length).toBe(2);
  });

  it('keeps the lines of a classification authority block apart, however short (found by a probe)', async () => {
    // Three short label lines at a 14 pt pitch: the longest set the block's edge, so the next
    // label never fitted after a line and the three were joined into one.
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    const lines = ['Classified By: Jane Roe, Chief', 'Derived From: Multiple Sources', 'Declassify On: 20451231'];
    lines.forEach((l, i) => page.drawText(l, { x: 72, y: 700 - 14 * i, size: 11, font }));
    expect((await readPdfLayout(await doc.save())).text).toBe(`${lines.join('\n')}\n`);
  });

  it("keeps SIDtoday's Run Date: line apart from the author's line above it, which it would not fit after (found by a probe)", async () => {
    // The author's line sets the block's edge: `Run Date:` never fitted after it, so it was read as
    // its wrap, and the document reader, which reads date lines at a line's start, lost the date.
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    const lines = ['(U) Working From a Corner Office', '', 'FROM:', 'Operations Chief, Yakima Research Station (F92)', 'Run Date: 07/13/2006', '', '(U) The SIGINT world is small.'];
    lines.forEach((l, i) => l && page.drawText(l, { x: 72, y: 700 - 14 * i, size: 11, font }));
    const text = (await readPdfLayout(await doc.save())).text;
    expect(text).toContain('Operations Chief, Yakima Research Station (F92)\nRun Date: 07/13/2006\n');
    expect(readDocument(text, { format: 'document' }).doc.originated).toBe('2006-07-13');
  });

  it("joins the lines hanging under a field's lead mark, and only those", async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Courier);
    const page = doc.addPage([612, 792]);
    const col = font.widthOfTextAtSize('x', 10);
    // [text, column]: a field label before its mark, two lines set in under the mark; a line at
    // another indent; a bullet whose next line hangs under the text after its mark; a mark alone.
    const lines: [string, number][] = [
      ['Title: (U) OPERATION EXAMPLE;', 0],
      ['IT - OTHER;', 7],
      ['00:MP', 7],
      ['Not under the mark.', 3],
      ['- (S) Partner access confirmed', 0],
      ['Northern site.', 6],
      ['(U) A mark that starts its line', 0],
      ['Set in under it.', 4],
    ];
    lines.forEach(([t, c], i) => page.drawText(t, { x: 72 + c * col, y: 700 - 12 * i, size: 10, font }));
    const layout = await readPdfLayout(await doc.save());
    expect(layout.text.split('\n').filter((l) => l !== '')).toEqual([
      'Title: (U) OPERATION EXAMPLE; IT - OTHER; 00:MP',
      'Not under the mark.',
      '- (S) Partner access confirmed Northern site.',
      '(U) A mark that starts its line',
      'Set in under it.',
    ]);
  });

  it('maps a span to one rectangle per line, covering exactly its glyphs', async () => {
    const layout = await readPdfLayout(await twoColumns());
    const start = layout.text.indexOf('(S) Left');
    const end = layout.text.indexOf('left three echo') + 'left three echo'.length;
    const regions = spanRegions(layout, start, end);
    expect(regions.map((r) => r.page)).toEqual([0, 0, 0]);
    const [first] = regions;
    expect(first!.rect[0]).toBeCloseTo(72, 0);
    expect(first!.rect[2]).toBeLessThan(330);
    // Rectangles stay inside their own line (12 pt pitch, 10 pt type).
    for (const r of regions) expect(r.rect[3] - r.rect[1]).toBeLessThan(8);
    // A span in the middle of a line starts at its first glyph.
    const mid = layout.text.indexOf('alpha');
    const [part] = spanRegions(layout, mid, mid + 5);
    expect(part!.rect[0]).toBeGreaterThan(100);
    expect(part!.rect[2]).toBeLessThan(first!.rect[2]);
  });

  /**
   * Rows of words placed one by one, as producers that justify text place them: each word at its
   * x, and a space glyph (or none) in each gap at `blankAt` (the gap's middle, as LibreOffice puts it).
   */
  async function wordRows(rows: readonly { words: readonly [string, number][]; blanks: boolean }[]): Promise<string> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    rows.forEach((row, r) => {
      const y = 700 - 14 * r;
      row.words.forEach(([w, x], k) => {
        page.drawText(w, { x, y, size: 10, font });
        const next = row.words[k + 1];
        if (row.blanks && next) page.drawText(' ', { x: (x + font.widthOfTextAtSize(w, 10) + next[1]) / 2, y, size: 10, font });
      });
    });
    return (await readPdfLayout(await doc.save())).text;
  }

  it('reads a justified line stretched to the margin (words far apart, a space in each equal gap) across, not as columns', async () => {
    // LibreOffice and Word stretch the last line before a manual line break of a justified paragraph.
    const stretchedRows = [
      { words: [['Classified', 72], ['By:', 232], ['A.', 372], ['Official', 498]] as [string, number][], blanks: true },
      { words: [['Reason:', 72], ['1.4(b),', 300], ['(d)', 524]] as [string, number][], blanks: true },
      { words: [['Declassify On: 20300101', 72]] as [string, number][], blanks: false },
    ];
    const text = await wordRows(stretchedRows);
    expect(text).toContain('Classified By: A. Official');
    expect(text).toContain('Reason: 1.4(b), (d)');
  });

  it('keeps gutters as gutters: a table row without space glyphs, gaps of unequal width, cells of several words', async () => {
    // A table of three columns (no space glyphs between cells): read down each column.
    const table = await wordRows([
      { words: [['Site', 72], ['Status', 250], ['Owner', 430]], blanks: false },
      { words: [['Alpha', 72], ['Active', 250], ['North', 430]], blanks: false },
    ]);
    expect(table.indexOf('Alpha')).toBeLessThan(table.indexOf('Status'));
    // Space glyphs in gaps of unequal widths: columns, not one stretched line.
    const unequal = await wordRows([
      { words: [['Site', 72], ['Status', 200], ['Owner', 430]], blanks: true },
      { words: [['Alpha', 72], ['Active', 200], ['North', 430]], blanks: true },
    ]);
    expect(unequal).not.toContain('Site Status Owner');
    // Cells of two words each: a table, whatever its gaps.
    const wide = await wordRows([{ words: [['left cell', 72], ['middle cell', 250], ['right cell', 428]], blanks: true }]);
    expect(wide).not.toContain('left cell middle cell');
  });

  /**
   * Runs of text side by side on shared baselines, each drawn as a flow of its own (all of its
   * lines, then the next run's), `gap` points apart: two columns, two cells, a frame beside a paragraph.
   */
  async function sideBySide(left: readonly string[], right: readonly string[], gap: number, rightFirst = false): Promise<string> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    const x2 = 72 + Math.max(...left.map((t) => font.widthOfTextAtSize(t, 10))) + gap;
    const draw = (lines: readonly string[], x: number): void => lines.forEach((t, i) => page.drawText(t, { x, y: 700 - 12 * i, size: 10, font }));
    if (rightFirst) draw(right, x2);
    draw(left, 72);
    if (!rightFirst) draw(right, x2);
    return (await readPdfLayout(await doc.save())).text;
  }

  it('reads runs drawn apart on shared baselines as columns, however narrow the gap between them', async () => {
    // Before: under 1.5 em apart, each row of the two was one line (`… alpha bravo (S) BLUEHERON …`).
    const left = ['(U) Left column alpha bravo', '(U) Left column charlie delt', '(U) Left column echo foxtrot'];
    const right = ['(S) BLUEHERON right column', 'right column goes on here', 'and ends on this line.'];
    for (const gap of [6, 10]) expect(await sideBySide(left, right, gap)).toBe(`${left.join('\n')}\n\n${right.join(' ')}\n`);
    // A frame drawn before the paragraph it stands beside, 1.2 pt away (less than a word space).
    expect(await sideBySide(left, right, 1.2, true)).toBe(`${left.join('\n')}\n\n${right.join(' ')}\n`);
  });

  it('keeps one line drawn in runs one after the other, and one with a superscript drawn in its middle', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    const at = (t: string, x: number, y: number, size = 10): number => (page.drawText(t, { x, y, size, font }), x + font.widthOfTextAtSize(t, size));
    // Words 1 pt apart and 12 pt apart (under 1.5 em), drawn in order.
    at('apart', at('runs', at('(U) One line in two', 72, 700) + 1, 700) + 12, 700);
    // A footnote number raised 4 pt, drawn between the words around it: read in its line (footnotes.test.ts).
    at('and more text.', at('1', at('(U) A note', 72, 680) + 0.5, 684, 6) + 3, 680);
    expect((await readPdfLayout(await doc.save())).text).toBe('(U) One line in tworuns apart\n(U) A note1 and more text.\n');
  });

  it('reads two captions side by side left to right, when the right one goes on with the text under both', async () => {
    // SIDtoday 2006-05-05: read after that text, the left caption came last on its page, and the
    // next page's first lines (of an (S//SI) paragraph) went on with it, under its (U).
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    // Each caption drawn with its picture, the text between them.
    page.drawText('(U) The Rock of Gibraltar', { x: 100, y: 700, size: 10, font });
    page.drawText('(S) The team boarded the ship in transit, before it reached the island.', { x: 40, y: 675, size: 10, font });
    page.drawText('(U) Monkey surveys view from atop the Rock', { x: 100 + font.widthOfTextAtSize('(U) The Rock of Gibraltar', 10) + 6, y: 700, size: 10, font });
    expect((await readPdfLayout(await doc.save())).text).toBe('(U) The Rock of Gibraltar\n\n(U) Monkey surveys view from atop the Rock\n(S) The team boarded the ship in transit, before it reached the island.\n');
  });

  it('reads a mark alone before a tab with the text after it (a hanging indent), not as a column of its own', async () => {
    // Probe 9, F5 and F9: cut at the tab, the (U) text was read as an unmarked paragraph (withheld
    // under B1) and the mark as an empty portion; `(S//NF)`, tab, text went into the paragraph above.
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    const put = (t: string, x: number, y: number): void => page.drawText(t, { x, y, size: 10, font });
    put('(U)', 72, 700);
    put('The office reviewed routine matters this month.', 126, 700);
    put('(S//NF)', 72, 680);
    put('The agent reported on the harbor defenses.', 126, 680);
    put('It goes on under its text.', 126, 668);
    // Not a mark: a word before a tab stays a piece of its own.
    put('Subject', 72, 620);
    put('Routine matters', 126, 620);
    expect((await readPdfLayout(await doc.save())).text).toBe(
      '(U) The office reviewed routine matters this month.\n\n(S//NF) The agent reported on the harbor defenses.\nIt goes on under its text.\n\nSubject\n\nRoutine matters\n',
    );
  });

  it('refuses a PDF without text in one line', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage([612, 792]).drawRectangle({ x: 50, y: 50, width: 500, height: 700, color: rgb(0.5, 0.5, 0.5) });
    await expect(readPdfLayout(await doc.save())).rejects.toThrow(NO_TEXT_LAYER);
  });
});

describe('a portion that opens in the middle of a line', () => {
  it('is boxed from just after the released text before it, which stays visible (regression: the box used to start 3 em further left)', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    page.drawText('(U) Released words come first on this line. (S) Withheld words follow them here.', { x: 72, y: 700, size: 10, font });
    page.drawText('(U) The next line is released too.', { x: 72, y: 688, size: 10, font });
    const bytes = await doc.save({ useObjectStreams: false });
    const layout = await readPdfLayout(bytes);
    const start = layout.text.indexOf('(S)');
    const regions = spanRegions(layout, start, layout.text.indexOf('here.') + 5).map((r) => ({ ...r, label: 'B1' }));
    expect(regions).toHaveLength(1);
    const endOfReleased = 72 + font.widthOfTextAtSize('(U) Released words come first on this line.', 10);
    const out = await redactPdf(bytes, regions);
    const boxes = await releaseBoxes(out.bytes, 0);
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) expect(b[0]).toBeGreaterThanOrEqual(endOfReleased);
  });
});

describe('a withheld paragraph at the top of the right-hand column', () => {
  it('is boxed from its own column edge, not from the left column across the gutter (which stays visible, its air kept)', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    // A heading spanning both columns (it joins their runs of text), then two columns 24 pt apart.
    page.drawText('(U) A heading that runs across both of the columns below it', { x: 150, y: 730, size: 10, font });
    const left = ['(U) The left column is released and its lines', 'run right up to the gutter on every line of', 'the paragraph, as justified text does here.'];
    const right = ['(S) The right column opens with a withheld', 'paragraph whose lines sit on the same', 'baselines as those of the left column.'];
    const gutterLeft = 72 + Math.max(...left.map((l) => font.widthOfTextAtSize(l, 10)));
    const rightX = gutterLeft + 24;
    left.forEach((l, i) => page.drawText(l, { x: 72, y: 700 - 12 * i, size: 10, font }));
    right.forEach((l, i) => page.drawText(l, { x: rightX, y: 700 - 12 * i, size: 10, font }));
    const bytes = await doc.save({ useObjectStreams: false });
    const layout = await readPdfLayout(bytes);
    const start = layout.text.indexOf('(S) The right');
    const regions = spanRegions(layout, start, layout.text.indexOf('left column.') + 'left column.'.length).map((r) => ({ ...r, label: 'B1' }));
    const out = await redactPdf(bytes, regions);
    const boxes = await releaseBoxes(out.bytes, 0);
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) expect(b[0]).toBeGreaterThanOrEqual(rightX - 1);
    const text = (await readPdfLayout(out.bytes)).text;
    for (const l of left) expect(text).toContain(l);
  });
});
