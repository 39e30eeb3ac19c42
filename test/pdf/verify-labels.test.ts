/**
 * The release check of a PDF input (checkRelease) reads the release between its boxes' labels:
 * a box labelled NOFORN over a portion that ended with NOFORN, followed by a line the original
 * repeats, is no leak (it refused such a release), while the withheld words themselves are still
 * found beside a label.
 */
import { describe, expect, it } from 'vitest';
import type { PdfText, TextRun } from '../../src/pdf/pdfjs.js';
import { checkRelease, type CheckInput } from '../../src/pdf/verify.js';

const run = (str: string, y: number, x = 72): TextRun => ({ str, transform: [10, 0, 0, 10, x, y], width: str.length * 6, height: 10 });
const WITHHELD = 'Ministers met on trade late into the night NOFORN S E C R E T BERLIN 000173';
const KEPT = 'S E C R E T BERLIN 000173';
const input: CheckInput = {
  outside: ['(U) A kept paragraph of the memo.', KEPT],
  regions: [{ page: 0, rect: [60, 670, 500, 695], label: 'NOFORN' }],
  withheldTexts: [WITHHELD],
  shingleWords: 8,
  minKeptFraction: 0.98,
  releasedTexts: ['(U) A kept paragraph of the memo.', KEPT],
};
const release = (label: TextRun[]): PdfText => ({ pages: [[run('(U) A kept paragraph of the memo.', 700), ...label, run(KEPT, 660)]], extra: [] });

describe('checkRelease reads a PDF release between its boxes\' labels', () => {
  it('a label and the kept line after it are no run of withheld words', () => {
    const result = checkRelease(input, release([run('NOFORN', 680, 250)]));
    expect(result.leaks).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('withheld words beside a label are still found', () => {
    const result = checkRelease(input, release([run('NOFORN', 680, 250), run('Ministers met on trade late into the night', 650)]));
    expect(result.ok).toBe(false);
    expect(result.leaks).toEqual([{ withheld: 0, shingles: 1 }]);
  });

  it('a run that is not only a label does not cut', () => {
    const result = checkRelease(input, release([run('x NOFORN', 680, 250)]));
    expect(result.leaks.length).toBe(1);
  });
});
