/**
 * A page rasterised under `--rasterize-unsure` (probe 67a, F1): what the page draws on a withheld
 * line beside its characters (a CSS background Chromium paints as a tiling pattern, an image, a
 * path that could be lettering) stayed in the page's pixels beside the box, which was sized to the
 * text alone: the pattern spelled the withheld words to the right of the box. Every such drawing
 * is covered too now (the whole drawing when it is the size of a line, its part on the withheld
 * line otherwise), and the warning says so; a drawing whose bounds are not known refuses the page.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFName } from 'pdf-lib';
import { resolveProfile, runReleaseBatch } from '../../src/index.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { SHORT_MEMO_OPS as MEMO, TestPdf } from './helpers/make.js';
import { hasPdftoppm, renderGray } from './helpers/render.js';

/** The memo with a 150 × 10 pt rectangle of vertical stripes (a tiling pattern) right of the withheld line's words (y 696). */
async function memoWithPattern(rect: string): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const ctx = t.doc.context;
  const pattern = ctx.register(ctx.flateStream('0 g 0 0 2 10 re f', { Type: 'Pattern', PatternType: 1, PaintType: 1, TilingType: 1, BBox: [0, 0, 4, 10], XStep: 4, YStep: 10, Resources: {} }));
  const page = t.page(`${MEMO}\nq /Pattern cs /P1 scn ${rect} re f Q`);
  page.node.Resources()!.set(PDFName.of('Pattern'), ctx.obj({ P1: pattern }));
  return t.save();
}

async function release(bytes: Uint8Array, rasterizeUnsure: boolean): Promise<{ failed: number; out: string; pdf: Uint8Array | null; warnings: string[]; errors: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-raster67d-'));
  const file = path.join(dir, 'memo.pdf');
  writeFileSync(file, bytes);
  const out = path.join(dir, 'out');
  const errors: string[] = [];
  const { summary } = await runReleaseBatch({
    files: [file], out, profile: await resolveProfile('public'), profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
    force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(), rasterizeUnsure,
  }, { onOutcome: (o) => { if (o.result.status === 'failed') errors.push(o.result.message); } });
  let pdf: Uint8Array | null = null;
  let warnings: string[] = [];
  try {
    pdf = readFileSync(path.join(out, 'release', 'memo.pdf'));
    const record = JSON.parse(readFileSync(path.join(out, 'review', 'memo.audit.json'), 'utf8')) as { diagnostics: { message: string }[] };
    warnings = record.diagnostics.map((d) => d.message);
  } catch {
    pdf = null;
  }
  return { failed: summary.failed, out, pdf, warnings, errors };
}

/** Share of dark pixels (below 128) of `pdf`'s first page inside the user-space rectangle `r` (144 dpi: the 2 pt stripes are 4 pixels; 792 pt high page). */
function darkShare(pdf: Uint8Array, r: [number, number, number, number]): number {
  const g = renderGray(pdf, 0, 144);
  let dark = 0, all = 0;
  for (let y = Math.ceil(2 * (792 - r[3])); y < Math.floor(2 * (792 - r[1])); y++) {
    for (let x = Math.ceil(2 * r[0]); x < Math.floor(2 * r[2]); x++) {
      all++;
      if (g.data[y * g.width + x]! < 128) dark++;
    }
  }
  return dark / all;
}

describe.skipIf(!hasPdftoppm())('a tiling pattern on a withheld line, the page rasterised', () => {
  it('is covered whole by a box, and the warning says so; the withheld words are in no text', async () => {
    const { failed, pdf, warnings } = await release(await memoWithPattern('400 694 150 10'), true);
    expect(failed).toBe(0);
    expect(pdf).not.toBeNull();
    expect(pdftotext(pdf!) ?? '').not.toContain('BLUEHERON');
    // The stripes (half dark) are all dark now: the box reaches the pattern's far end.
    expect(darkShare(pdf!, [402, 695, 548, 703])).toBeGreaterThan(0.97);
    expect(warnings.join('\n')).toMatch(/page 1 was rasterised \(tiling-pattern\).*1 drawing\(s\) on withheld lines .*covered whole/);
  });

  it('without the option the document is refused in one line naming the page and the option', async () => {
    const { failed, pdf, errors } = await release(await memoWithPattern('400 694 150 10'), false);
    expect(failed).toBe(1);
    expect(pdf).toBeNull();
    expect(errors).toEqual([expect.stringMatching(/^page 1: cannot redact with certainty: a path painted with a tiling pattern \(fail closed; --rasterize-unsure would turn the page into an image with the boxes burnt in\)$/)]);
  });

  it('a pattern taller than the line is covered where it meets the withheld line, and the released lines stay readable', async () => {
    // 50 pt high, over the withheld line's last words and past their end, down below the line.
    const { failed, pdf } = await release(await memoWithPattern('300 660 240 50'), true);
    expect(failed).toBe(0);
    expect(darkShare(pdf!, [422, 696, 538, 702])).toBeGreaterThan(0.97);
    // Below the withheld line the pattern is drawn as it was (half dark): not the withheld line's.
    expect(darkShare(pdf!, [422, 662, 538, 680])).toBeLessThan(0.8);
  });
});
