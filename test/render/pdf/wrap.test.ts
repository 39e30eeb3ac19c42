import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapPlain } from '../../../src/render/pdf/grid.js';
import { boxWidth, wrapParts, type Row, type WrapPart } from '../../../src/render/pdf/wrap.js';

const text = (t: string, style = 's'): WrapPart<string> => ({ kind: 'text', text: t, style });
const box = (width: number, label: string): WrapPart<string> => ({ kind: 'box', width, label, style: 'box' });

/** A row drawn as characters: text as is, boxes as `#` (label ignored). */
function draw(row: Row<string>): string {
  let out = '';
  for (const p of row) {
    out = out.padEnd(p.col, ' ');
    out += p.kind === 'text' ? p.text : '#'.repeat(p.width);
  }
  return out;
}

describe('wrapParts', () => {
  it('wraps at spaces and never splits a word that fits a row', () => {
    const rows = wrapParts([text('the quick brown fox jumps over the lazy dog')], 10).map(draw);
    expect(rows).toEqual(['the quick', 'brown fox', 'jumps over', 'the lazy', 'dog']);
  });

  it('keeps leading indentation but drops spaces at wrap points', () => {
    const rows = wrapParts([text('   A. Which of your objectives')], 14).map(draw);
    expect(rows).toEqual(['   A. Which of', 'your', 'objectives']);
  });

  it('returns one empty row for an empty or blank line', () => {
    expect(wrapParts([], 10)).toEqual([[]]);
    expect(wrapParts([text('     ')], 10)).toEqual([[]]);
  });

  it('breaks a word longer than a row', () => {
    const rows = wrapParts([text('see XXXXXXXXXXXXXXXXXXXXXXXX here')], 10).map(draw);
    expect(rows).toEqual(['see XXXXXX', 'XXXXXXXXXX', 'XXXXXXXX', 'here']);
    expect(rows.every((r) => r.length <= 10)).toBe(true);
  });

  it('keeps a box together with punctuation that touches it', () => {
    const rows = wrapParts([text('desk officer '), box(8, 'B6'), text(', said')], 16).map(draw);
    expect(rows).toEqual(['desk officer', '########, said']);
  });

  it('widens a box too narrow for its label', () => {
    expect(boxWidth(2, 'B6')).toBe(4);
    expect(boxWidth(17, 'B6')).toBe(17);
    const [row] = wrapParts([box(1, 'B1, 1.4(B)')], 40);
    expect(row).toEqual([{ kind: 'box', col: 0, width: 12, label: 'B1, 1.4(B)', style: 'box' }]);
  });

  it('splits a box wider than a row, each piece labelled, never narrower than its label', () => {
    const rows = wrapParts([text('name: '), box(25, 'B6'), text(' end')], 10);
    const boxes = rows.flatMap((r) => r.filter((p) => p.kind === 'box'));
    expect(boxes.map((b) => (b.kind === 'box' ? [b.width, b.label] : null))).toEqual([
      [4, 'B6'],
      [10, 'B6'],
      [10, 'B6'],
      [4, 'B6'],
    ]);
    for (const r of rows) expect(draw(r).length).toBeLessThanOrEqual(10);
  });

  it('splits a label longer than a row over the pieces instead of clipping it', () => {
    const label = 'B1, 1.4(B), 1.4(D), B3 ARMSEXP, B6';
    const rows = wrapParts([box(5, label)], 12);
    const labels = rows.flatMap((r) => r.flatMap((p) => (p.kind === 'box' ? [p.label] : [])));
    expect(labels.join(' ')).toBe(label);
    for (const r of rows) for (const p of r) if (p.kind === 'box') expect(p.col + p.width).toBeLessThanOrEqual(12);
  });

  it('merges adjacent text of one style into one part per row', () => {
    const [row] = wrapParts([text('a b'), text(' c')], 20);
    expect(row).toEqual([{ kind: 'text', col: 0, text: 'a b c', style: 's' }]);
  });
});

describe('wrapPlain', () => {
  /** What wrapPlain gives by definition: wrapParts' rows of one text part, joined. */
  const oracle = (t: string, columns: number): string[] => (t.trim() === '' ? [] : wrapParts([text(t)], columns).map((row) => row.map((p) => (p.kind === 'text' ? p.text : '')).join('')));

  it('gives the rows wrapParts gives for one text part (property)', () => {
    const piece = fc.constantFrom(' ', '  ', '   ', 'a', 'bb', 'word', 'longerword', 'x'.repeat(23), '\u00a0', '-');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 0, max: 25 }), (pieces, columns) => {
        const t = pieces.join('');
        expect(wrapPlain(t, columns)).toEqual(oracle(t, columns));
      }),
      { numRuns: 3000 },
    );
  });

  it('wraps a justification as the index PDF cells do', () => {
    const j = 'Withheld under FOIA exemption (b)(1): properly classified CONFIDENTIAL under E.O. 12958 section 1.4(b), (d).';
    expect(wrapPlain(j, 44)).toEqual(oracle(j, 44));
    expect(wrapPlain(j, 44)).toEqual(['Withheld under FOIA exemption (b)(1):', 'properly classified CONFIDENTIAL under E.O.', '12958 section 1.4(b), (d).']);
    expect(wrapPlain('   ', 10)).toEqual([]);
    expect(wrapPlain('     abc', 5)).toEqual(['', 'abc']);
  });
});
