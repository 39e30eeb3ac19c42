/**
 * Probe 61b, t3b and t8: one-row tables with no border (both leaked in every build before):
 * - cells told apart by their backgrounds alone (`td{background:#eee}` then `#ddd`, 2 px padding):
 *   the seam where the two boxes meet is drawn as a rule is, and cuts the row (layout/seams.ts);
 * - cells told apart by their padding alone (8 px), on a row that stands alone, with no row above
 *   or below to line its cells up with: the hole cuts the row (lines.ts loneRow).
 * Read as one line, the unmarked second cell took the first cell's `(U)` and was released. A
 * highlighted phrase and a (U) paragraph's lines are not cut; black boxes side by side (a publisher's
 * redaction) make no seam.
 * Every release is read back with pdftotext (poppler) and pdf.js.
 */
import { describe, expect, it } from 'vitest';
import type { PathEvent } from '../../src/pdf/content/interpret.js';
import { rectOf } from '../../src/pdf/geometry.js';
import { boxSeams } from '../../src/pdf/layout/seams.js';
import { secretMemo } from './helpers/make.js';
import { releaseShown } from './helpers/release-memo.js';

/** The SECRET//NOFORN memo page of helpers/make.ts around `body`. */
const memo = (body: string): Promise<Uint8Array> => secretMemo(body);

/** A line of 12 pt Helvetica at (x, y). */
const line = (x: number, y: number, text: string): string => `BT /F1 12 Tf 1 0 0 1 ${x} ${y} Tm (${text.replace(/[()]/g, (c) => `\\${c}`)}) Tj ET`;
/** A box filled grey (`level`) or black from x0 to x1, 18 pt tall around the baseline y. */
const box = (x0: number, x1: number, y: number, level: number): string => `${level} g ${x0} ${y - 5} ${x1 - x0} 18 re f 0 g`;

/** Releases `body`: the release text and what pdftotext and pdf.js read in the release PDF; no ZQ word anywhere. */
const release = async (body: string): Promise<{ text: string; shown: string[] }> => releaseShown(await memo(body), /ZQ[A-Z0-9]+/);

// `(U) Public UQCELL text here` is 12 pt Helvetica from x 72: about 170 pt wide.
describe('a one-row table with no border (probe 61b, t3b and t8)', () => {
  it('t8: two shaded cells 4 pt apart: the unmarked cell is withheld, the (U) cell released', async () => {
    const body = [box(70, 246, 680, 0.93), box(246, 450, 680, 0.87), line(72, 680, '(U) Public UQCELL text here'), line(250, 680, 'ZQSECRETI hidden cell words')].join('\n');
    const { text, shown } = await release(body);
    expect(text).toContain('(U) Public UQCELL text here');
    expect(shown[1]).toContain('UQCELL');
  });

  it('t3b: two cells 8 pt apart on a row of their own: the unmarked cell is withheld', async () => {
    const body = [line(72, 700, '(U) Public UQPARA paragraph above the table, released.'), line(72, 660, '(U) Public UQCELL text here'), line(250, 660, 'ZQSECRETC hidden cell words'), line(72, 620, '(U) Public UQBELOW paragraph under it.')].join('\n');
    const { text, shown } = await release(body);
    expect(text).toContain('(U) Public UQCELL text here');
    expect(text).toContain('UQBELOW');
    expect(shown[1]).toContain('UQCELL');
  });

  const kept: [string, string, string][] = [
    // A highlighted phrase (one box) inside a (U) line: no seam.
    ['a highlighted phrase', [box(150, 260, 680, 0.9), line(72, 680, '(U) Public text with a UQMARK highlighted phrase in it today.')].join('\n'), '(U) Public text with a UQMARK highlighted phrase in it today.'],
    // A (U) paragraph's lines, one with a wide hole: not a row of its own.
    ['a paragraph line with a wide hole', [line(72, 680, '(U) Public UQWIDE paragraph whose line has a'), line(72, 666, 'hole   here and goes on to its end in the open.')].join('\n'), 'UQWIDE'],
  ];
  it.each(kept)('%s: released, not cut', async (_name, body, expected) => {
    const { text, shown } = await release(body);
    expect(text).toContain(expected);
    expect(text.match(/WITHHELD/g)?.length ?? 0).toBe(1);
    expect(shown[1]).toContain(expected.slice(0, 40));
  });
});

/** A path of one filled rectangle from (x0, y0) to (x1, y1). */
function rectPath(x0: number, y0: number, x1: number, y1: number, dark = false): PathEvent {
  return { stream: 0, startOp: 0, endOp: 1, bbox: rectOf(x0, y0, x1, y1), clip: false, segments: 4, curves: 0, rects: 1, dark, inked: true, verticals: [], horizontals: [], ring: false, marks: [] };
}

describe('boxSeams: where two painted boxes meet side by side', () => {
  const cases: [string, PathEvent[], number][] = [
    ['two shaded cells of one row', [rectPath(70, 675, 246, 693), rectPath(246, 675, 450, 693)], 1],
    ['two black boxes (a publisher\'s redaction)', [rectPath(250, 675, 290, 693, true), rectPath(290, 675, 330, 693, true)], 0],
    ['boxes 2 pt apart', [rectPath(70, 675, 246, 693), rectPath(248, 675, 450, 693)], 0],
    ['boxes of different heights (no one row)', [rectPath(70, 675, 246, 693), rectPath(246, 660, 450, 693)], 0],
    ['a thin box beside a wide one (a rule: verticalRules has it)', [rectPath(70, 675, 74, 693), rectPath(74, 675, 450, 693)], 0],
  ];
  it.each(cases)('%s: %d seam(s)', (_name, paths, n) => {
    const seams = boxSeams(paths);
    expect(seams).toHaveLength(n);
    for (const s of seams) expect(s[0]).toBeCloseTo(246 - 0.05, 5);
  });
});
