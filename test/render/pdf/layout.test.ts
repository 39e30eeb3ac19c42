import { describe, expect, it } from 'vitest';
import { layoutRelease, layoutReview, MONO_ADVANCE, PAGE_SIZES } from '../../../src/render/pdf/index.js';
import type { PageLayout, RectItem, TextItem } from '../../../src/render/pdf/index.js';
import type { ReleaseBlock, ReleaseView } from '../../../src/types.js';
import { AUTHORITY, BANNER, SEED_REF, SEED_SOURCE, STAMP, repeatedRelease, seedRelease, seedReview, wrappedReview } from './fixtures.js';

const P1 = SEED_SOURCE.split('\n').find((l) => l.startsWith('¶1.'))!;

function texts(page: PageLayout): TextItem[] {
  return page.items.filter((i): i is TextItem => i.kind === 'text');
}
function rects(page: PageLayout): RectItem[] {
  return page.items.filter((i): i is RectItem => i.kind === 'rect');
}
const isBlack = (r: RectItem): boolean => r.color.r === 0 && r.color.g === 0 && r.color.b === 0;
const isWhite = (t: TextItem): boolean => t.color.r === 1 && t.color.g === 1 && t.color.b === 1;
const widthOf = (t: TextItem): number => t.text.length * MONO_ADVANCE * t.size;

/** Body text of the release: Courier 10 pt regular in black (furniture is bold or 9 pt). */
function bodyTexts(page: PageLayout): TextItem[] {
  return texts(page).filter((t) => t.font === 'mono' && t.size === 10 && !isWhite(t));
}

function view(blocks: ReleaseBlock[], extra: Partial<ReleaseView> = {}): ReleaseView {
  return { banner: BANNER, stamp: STAMP, ref: SEED_REF, title: 'Test', blocks, ...extra };
}
const lines = (...ls: string[]): ReleaseBlock => ({ kind: 'lines', lines: ls.map((l) => (l === '' ? [] : [{ kind: 'text', text: l }])) });

/** Body rows per page, measured: lay out many one-word lines and count those on page 1. */
function rowsPerPage(pageSize: 'letter' | 'a4' = 'letter'): number {
  const many = view([lines(...Array.from({ length: 200 }, (_, i) => `line${i}`))]);
  return bodyTexts(layoutRelease(many, { pageSize }).pages[0]!).length;
}

describe('layoutRelease', () => {
  it('wraps a 900-character paragraph at word boundaries to the text width', () => {
    const { pages } = layoutRelease(view([lines(P1)]));
    const rows = bodyTexts(pages[0]!);
    expect(rows.length).toBeGreaterThan(9);
    expect(rows.map((r) => r.text).join(' ')).toBe(P1);
    const right = PAGE_SIZES.letter.width - 54;
    for (const r of rows) {
      expect(r.x).toBe(54);
      expect(r.x + widthOf(r)).toBeLessThanOrEqual(right + 0.01);
      expect(r.text.length).toBeLessThanOrEqual(84);
    }
    // Rows are filled: the next word would not have fitted.
    const words = P1.split(' ');
    let w = 0;
    for (const r of rows.slice(0, -1)) {
      w += r.text.split(' ').length;
      expect(r.text.length + 1 + words[w]!.length).toBeGreaterThan(84);
    }
  });

  it('sets 84 columns on Letter and 81 on A4, on pages of the right size', () => {
    for (const [size, cols] of [['letter', 84], ['a4', 81]] as const) {
      const { pages } = layoutRelease(view([lines(P1)]), { pageSize: size });
      expect(pages[0]).toMatchObject(PAGE_SIZES[size]);
      const longest = Math.max(...bodyTexts(pages[0]!).map((t) => t.text.length));
      expect(longest).toBeLessThanOrEqual(cols);
      expect(longest).toBeGreaterThan(cols - 12);
    }
    expect(PAGE_SIZES.letter).toEqual({ width: 612, height: 792 });
    expect(PAGE_SIZES.a4).toEqual({ width: 595.28, height: 841.89 });
    expect(rowsPerPage('a4')).toBeGreaterThan(rowsPerPage('letter'));
  });

  it('puts the banner top and bottom, the stamp, and "ref … Page N of M" on every page', () => {
    const { pages } = layoutRelease(repeatedRelease(4));
    expect(pages.length).toBeGreaterThan(4);
    pages.forEach((page, i) => {
      const t = texts(page);
      const banners = t.filter((x) => x.text === BANNER);
      expect(banners).toHaveLength(2);
      expect(Math.max(...banners.map((b) => b.y))).toBeGreaterThan(page.height - 54);
      expect(Math.min(...banners.map((b) => b.y))).toBeLessThan(54);
      expect(t.filter((x) => x.text === STAMP)).toHaveLength(1);
      expect(t.some((x) => x.text === SEED_REF && x.y < 72)).toBe(true);
      expect(t.some((x) => x.text === `Page ${i + 1} of ${pages.length}` && x.y < 72)).toBe(true);
    });
  });

  it('draws a withheld block as a box heightLines rows tall, with its label and authority', () => {
    const { pages } = layoutRelease(view([lines('before'), { kind: 'withheld', portionId: 'p3', label: '¶3.', authority: AUTHORITY, heightLines: 7 }, lines('after')]));
    const page = pages[0]!;
    const boxes = rects(page).filter(isBlack);
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.height).toBeCloseTo(7 * 12 - 2);
    const label = texts(page).find((t) => t.text === '¶3.')!;
    expect(label.x).toBe(54);
    expect(boxes[0]!.x).toBeCloseTo(54 + 4 * 6); // after "¶3. "
    expect(boxes[0]!.x + boxes[0]!.width).toBeCloseTo(612 - 54);
    const authority = texts(page).filter((t) => t.text === AUTHORITY);
    expect(authority).toHaveLength(1);
    expect(isWhite(authority[0]!)).toBe(true);
    // The rows after the box continue below it.
    const before = texts(page).find((t) => t.text === 'before')!;
    const after = texts(page).find((t) => t.text === 'after')!;
    expect(before.y - after.y).toBeCloseTo(8 * 12);
  });

  it('splits a withheld block across pages, repeating the authority, never dropping rows', () => {
    const rows = rowsPerPage();
    const filler = Array.from({ length: rows - 5 }, (_, i) => `filler ${i}`);
    const { pages } = layoutRelease(view([lines(...filler), { kind: 'withheld', portionId: 'p9', label: '¶9.', authority: AUTHORITY, heightLines: 20 }, lines('after')]));
    expect(pages).toHaveLength(2);
    const [first, second] = pages.map((p) => rects(p).filter(isBlack));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(first![0]!.height).toBeCloseTo(5 * 12 - 2);
    expect(second![0]!.height).toBeCloseTo(15 * 12 - 2);
    expect(texts(pages[0]!).filter((t) => t.text === AUTHORITY)).toHaveLength(1);
    expect(texts(pages[1]!).filter((t) => t.text === AUTHORITY)).toHaveLength(1);
    expect(texts(pages[0]!).some((t) => t.text === '¶9.')).toBe(true);
    expect(texts(pages[1]!).some((t) => t.text === '¶9.')).toBe(false);
  });

  it('starts a block on the next page rather than leave a sliver of one or two rows', () => {
    const rows = rowsPerPage();
    const filler = Array.from({ length: rows - 2 }, (_, i) => `filler ${i}`);
    const { pages } = layoutRelease(view([lines(...filler), { kind: 'withheld', portionId: 'p9', label: '', authority: 'B6', heightLines: 10 }]));
    expect(rects(pages[0]!).filter(isBlack)).toHaveLength(0);
    expect(rects(pages[1]!).filter(isBlack)[0]!.height).toBeCloseTo(10 * 12 - 2);
  });

  it('draws an inline redaction as a box of its width with the authority inside, widened when needed', () => {
    const v = view([
      { kind: 'lines', lines: [[{ kind: 'text', text: 'desk officer ' }, { kind: 'redacted', authority: 'B6', width: 17 }, { kind: 'text', text: ' said' }]] },
      { kind: 'lines', lines: [[{ kind: 'text', text: 'officer ' }, { kind: 'redacted', authority: 'B3 ARMSEXP, B6', width: 3 }, { kind: 'text', text: ' said' }]] },
    ]);
    const page = layoutRelease(v).pages[0]!;
    const boxes = rects(page).filter(isBlack);
    expect(boxes.map((b) => b.width)).toEqual([17 * 6, 16 * 6]);
    for (const [i, label] of ['B6', 'B3 ARMSEXP, B6'].entries()) {
      const t = texts(page).find((x) => x.text === label)!;
      expect(isWhite(t)).toBe(true);
      expect(t.x).toBeGreaterThan(boxes[i]!.x);
      expect(t.x + widthOf(t)).toBeLessThan(boxes[i]!.x + boxes[i]!.width);
    }
    const said = texts(page).filter((t) => t.text === ' said');
    expect(said[0]!.x).toBeCloseTo(54 + (13 + 17) * 6);
  });

  it('gives an empty view one page with its furniture', () => {
    const { pages } = layoutRelease(view([]));
    expect(pages).toHaveLength(1);
    expect(texts(pages[0]!).some((t) => t.text === 'Page 1 of 1')).toBe(true);
  });

  it('keeps every text item inside the margins and no box over text but its own label', () => {
    for (const size of ['letter', 'a4'] as const) {
      for (const page of layoutRelease(seedRelease().view, { pageSize: size }).pages) {
        for (const t of texts(page)) {
          expect(t.x).toBeGreaterThanOrEqual(54 - 0.01);
          expect(t.x + widthOf(t)).toBeLessThanOrEqual(page.width - 54 + 0.01);
          expect(t.y).toBeGreaterThan(20);
          expect(t.y).toBeLessThan(page.height - 20);
        }
        for (const box of rects(page).filter(isBlack)) {
          for (const t of texts(page)) {
            const overlaps = t.x < box.x + box.width && t.x + widthOf(t) > box.x && t.y > box.y && t.y < box.y + box.height;
            if (overlaps) expect(isWhite(t), `"${t.text}" under a box`).toBe(true);
          }
        }
      }
    }
  });
});

describe('layoutReview', () => {
  it('starts with the summary page and marks every page top and bottom in red', () => {
    const { pages } = layoutReview(seedReview());
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(texts(pages[0]!).some((t) => t.text.startsWith('RELEASE REVIEW'))).toBe(true);
    expect(texts(pages[0]!).some((t) => t.text === 'LEGEND')).toBe(true);
    for (const page of pages) {
      const marks = texts(page).filter((t) => t.text === 'CONFIDENTIAL \u2014 REVIEW COPY - NOT FOR RELEASE');
      expect(marks).toHaveLength(2);
      for (const m of marks) expect(m.color.r).toBeGreaterThan(0.5);
    }
  });

  it('bands withheld lines, highlights redacted runs and prints the decision note above each portion', () => {
    const v = seedReview();
    const { pages } = layoutReview(v);
    const all = pages.flatMap((p) => texts(p));
    for (const line of v.lines) if (line.note) expect(all.some((t) => t.text.startsWith(line.note!))).toBe(true);
    // Every line of a withheld portion lies on its page's band; a run of such lines shares one
    // band (one rect per run, not per line).
    const isBand = (r: { color: { r: number; g: number } }) => r.color.r === 1 && r.color.g === 0.87;
    let withheldLines = 0;
    for (const page of pages) {
      const bands = rects(page).filter(isBand);
      for (const t of texts(page).filter((t) => t.color.r === 0.35 && t.color.g === 0)) {
        withheldLines++;
        expect(bands.some((b) => b.x <= t.x && t.x < b.x + b.width && b.y <= t.y && t.y < b.y + b.height)).toBe(true);
      }
    }
    const bandCount = pages.flatMap((p) => rects(p)).filter(isBand).length;
    expect(withheldLines).toBeGreaterThan(10);
    expect(bandCount).toBeGreaterThan(0);
    expect(bandCount).toBeLessThan(withheldLines);
    const name = all.find((t) => t.text === 'Burkhard Ducoffre')!;
    expect(name).toBeDefined();
    const page = pages.find((p) => texts(p).includes(name))!;
    const highlight = rects(page).find((r) => Math.abs(r.x - name.x) < 0.01 && r.y < name.y && r.y + r.height > name.y)!;
    expect(highlight.width).toBeCloseTo(17 * 0.6 * 9);
  });

  it('announces a portion again where it resumes after page furniture', () => {
    const { pages } = layoutReview(wrappedReview());
    const all = pages.flatMap((p) => texts(p)).map((t) => t.text);
    const furniture = all.indexOf('BERLIN 00000173  002 OF 002');
    expect(furniture).toBeGreaterThan(0);
    expect(all.slice(furniture + 1).find((t) => t.includes('p2:'))).toMatch(/^p2: WITHHELD .* \(continued\)$/);
  });

  it('keeps every text item inside the page, on Letter and A4', () => {
    for (const size of ['letter', 'a4'] as const) {
      for (const page of layoutReview(seedReview(), { pageSize: size }).pages) {
        for (const t of texts(page)) {
          expect(t.x).toBeGreaterThanOrEqual(36);
          expect(t.x + widthOf(t)).toBeLessThanOrEqual(page.width - 36);
        }
        for (const r of rects(page)) expect(r.x + r.width).toBeLessThanOrEqual(page.width - 30);
      }
    }
  });
});

describe('odd views', () => {
  it('lays out empty furniture, odd sizes and over-long labels without throwing or leaving the page', () => {
    const longAuthority = 'B1, 1.4(A), 1.4(B), 1.4(C), 1.4(D), B3 ARMSEXP, B3 CIA PERS/ORG, B3 EXPORT CONTROL, B5, B6, B7(C), B7(D)';
    const odd: ReleaseView = {
      banner: '',
      stamp: `RELEASE IN PART ${longAuthority}`,
      ref: 'A'.repeat(120),
      title: '',
      blocks: [
        { kind: 'withheld', portionId: 'p1', label: '', authority: '', heightLines: 0 },
        { kind: 'withheld', portionId: 'p2', label: 'A very long label that is not a paragraph number', authority: longAuthority, heightLines: Number.NaN },
        { kind: 'withheld', portionId: 'p3', label: '¶3.', authority: longAuthority, heightLines: 400 },
        { kind: 'lines', lines: [[{ kind: 'redacted', authority: longAuthority, width: Number.NaN }, { kind: 'text', text: 'x'.repeat(300) }]] },
      ],
    };
    for (const size of ['letter', 'a4'] as const) {
      const { pages } = layoutRelease(odd, { pageSize: size });
      expect(pages.length).toBeGreaterThan(5);
      const boxes = pages.flatMap((p) => rects(p).filter(isBlack));
      // Rows of the 400-line box, plus one row each for p1, the 3-row (authority) p2 and the inline box.
      const rowsOfBoxes = boxes.reduce((n, b) => n + Math.round((b.height + 2) / 12), 0);
      expect(rowsOfBoxes).toBeGreaterThanOrEqual(400 + 1 + 2 + 1);
      for (const page of pages) {
        for (const t of texts(page)) {
          expect(t.x).toBeGreaterThanOrEqual(54 - 0.01);
          expect(t.x + widthOf(t)).toBeLessThanOrEqual(page.width - 54 + 0.01);
        }
        for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(page.width - 54 + 0.01);
      }
      // The long authority is printed in full (wrapped) wherever a box stands for p2.
      const p2Page = pages.find((p) => texts(p).some((t) => t.text.startsWith('A very long label')))!;
      const printed = texts(p2Page).filter(isWhite).map((t) => t.text).join(' ');
      expect(printed).toContain(longAuthority);
    }
  });
});

describe('runaway sizes', () => {
  it('caps a withheld box of absurd height, with a diagnostic', () => {
    const { pages, diagnostics } = layoutRelease(view([{ kind: 'withheld', portionId: 'p1', label: '', authority: 'B1', heightLines: 1e9 }]));
    expect(diagnostics.map((d) => d.code)).toEqual(['pdf-box-capped']);
    expect(pages.length).toBeGreaterThan(150);
    expect(pages.length).toBeLessThan(250);
  });
});
