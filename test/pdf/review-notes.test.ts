/**
 * Where the review copy of a PDF input draws each withheld region's note. Above the region's first
 * line, with a white ground, the note covered the line above it when that line was withheld too
 * (single-spaced text: a groff memo's `(U) The budget …` under its `(S)` line's note could not be
 * read, looked at at 110 dpi). Such a note is now the portion id alone, in the margin.
 */
import { describe, expect, it } from 'vitest';
import { NOTE_SIZE, notePlacements, type ReviewBand } from '../../src/pdf/review.js';

/** 3 points a character, as a stand-in for Helvetica at the note size. */
const width = (text: string) => 3 * text.length;
const overlaps = (a: readonly number[], b: readonly number[]) => a[0]! < b[2]! && a[2]! > b[0]! && a[1]! < b[3]! && a[3]! > b[1]!;
/** What a band's rectangle covers (as drawn: 1 point wider, 2 points taller each way). */
const drawn = (r: readonly number[]) => [r[0]! - 1, r[1]! - 2, r[2]! + 1, r[3]! + 2];

const band = (note: string, page: number, ...rects: [number, number, number, number][]): ReviewBand => ({ note, regions: rects.map((rect) => ({ page, rect })) });

describe('notePlacements', () => {
  it('puts a note above its region when the space above is free', () => {
    const [n] = notePlacements([band('p3 WITHHELD public/classified B1', 0, [72, 500, 400, 510])], () => 612, width);
    expect(n).toMatchObject({ page: 0, text: 'p3 WITHHELD public/classified B1', x: 72, y: 513 });
  });

  it('single-spaced withheld lines: no note covers another band; the covered ones are their portion id in the margin', () => {
    // Four withheld lines 12 points apart, as a single-spaced memo, then one after a blank line.
    const bands = [0, 1, 2, 3].map((i) => band(`p${i + 1} WITHHELD public/unknown-marking UNKNOWN MARKING - PENDING REVIEW`, 0, [72, 600 - 12 * i, 450, 609 - 12 * i]));
    bands.push(band('p9 WITHHELD public/classified B1', 0, [72, 520, 300, 529]));
    const placed = notePlacements(bands, () => 612, width);
    expect(placed.map((p) => p.text)).toEqual(['p1 WITHHELD public/unknown-marking UNKNOWN MARKING - PENDING REVIEW', 'p2', 'p3', 'p4', 'p9 WITHHELD public/classified B1']);
    for (const p of placed) {
      const own = bands.find((b) => b.note.startsWith(`${p.text.split(' ')[0]} `))!;
      for (const other of bands.filter((b) => b !== own)) for (const r of other.regions) expect(overlaps(p.box, drawn(r.rect))).toBe(false);
      expect(p.box[0]).toBeGreaterThanOrEqual(1);
    }
    // The tags sit beside their line, left of it, within the line's height.
    const tag = placed[1]!;
    expect(tag.x + width('p2')).toBeLessThanOrEqual(72);
    expect(tag.y).toBeGreaterThanOrEqual(588 - 1);
    expect(tag.y + NOTE_SIZE).toBeLessThanOrEqual(597 + 1);
  });

  it('a band over two pages gets a note on each; a note near the right edge stays on the page', () => {
    const b: ReviewBand = { note: 'p2 WITHHELD x', regions: [{ page: 0, rect: [500, 100, 600, 110] }, { page: 0, rect: [72, 88, 600, 98] }, { page: 1, rect: [72, 700, 300, 710] }] };
    const placed = notePlacements([b], () => 612, width);
    expect(placed.map((p) => p.page)).toEqual([0, 1]);
    expect(placed[0]!.x + width('p2 WITHHELD x')).toBeLessThanOrEqual(610);
  });
});
