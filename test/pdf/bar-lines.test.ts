/**
 * Probe 64a, findings 1 to 3, on the PDFs Chromium made from the probe's HTML (fixtures/chromium):
 * - F1: the words after a publisher's black bar in an (S) paragraph's first line, under a centred
 *   (U) caption and an outlined frame, beside a sidebar column, were read as the caption's wrap and
 *   released (leak1); with the words after the bar in another font (the bar kept as a cut) they
 *   must open a portion of their own, never join the caption (leak4);
 * - F2: (U) words after such a bar were withheld under B1 (bar4) or taken into a (C) caption's
 *   portion (bar3), and after a bar whose line has only a short line under it (bar7);
 * - F3: a (U) paragraph's last line opening with `-` or `--` was read as an unmarked item (dash4,
 *   dash5); dash items under a lead-in ending with `:` stay items (dash6).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/index.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { readPdfInput } from '../../src/release/pdf.js';
import { popplerText } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'chromium');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(DIR, `${name}.pdf`)));

/** Each portion's text (spaces folded), mark and action. */
async function portions(name: string) {
  const read = await readPdfInput(fixture(name));
  if (!read.ok) throw new Error(read.message);
  const plan = evaluate(read.doc, await resolveProfile('public'), { asOf: '2026-12-01', overrides: null, fallbackRef: 'X' });
  return read.doc.portions.map((p) => {
    const d = plan.decisions.find((x) => x.portionId === p.id)!;
    return { text: read.doc.source.slice(p.span.start, p.span.end).replace(/\s+/g, ' '), mark: p.mark?.raw ?? null, action: d.action };
  });
}

/** The release text and the release PDF's text (poppler), neither holding a ZQ or zq marker. */
async function released(name: string): Promise<{ text: string; shown: string }> {
  const { pdf, text, failed } = await releaseMemoPdf(fixture(name), name);
  expect(failed).toBe(0);
  expect(pdf).not.toBeNull();
  const shown = popplerText(pdf!) ?? '';
  for (const s of [text!, shown]) expect(s).not.toMatch(/zq/i);
  return { text: text!.replace(/\s+/g, ' '), shown: shown.replace(/\s+/g, ' ') };
}

describe('words after a publisher bar on a marked paragraph\'s first line (probe 64a F1, F2)', () => {
  it('F1: under a centred (U) caption beside a sidebar, they stay in the (S) line: withheld with it', async () => {
    const ps = await portions('leak1');
    const s = ps.find((p) => p.text.includes('ZQ6'))!;
    expect(s).toMatchObject({ mark: '(S)', action: 'withhold' });
    expect(s.text).toContain('ZQ5 My wife and I ZQ6');
    expect(ps.find((p) => p.text.includes('UQ5'))!.text).not.toContain('ZQ');
    await released('leak1');
  });

  it('F1: cut off by the bar (another font after it), they open a portion of their own, never the caption\'s', async () => {
    const ps = await portions('leak4');
    expect(ps.find((p) => p.text.includes('UQ5'))!.text).not.toContain('ZQ');
    for (const p of ps.filter((x) => /ZQ6/.test(x.text))) {
      expect(p.mark ?? '').not.toMatch(/^\(U/);
      expect(p.action).toBe('withhold');
    }
    await released('leak4');
  });

  it.each([
    ['bar4', 'a frame over the paragraph, a sidebar beside it'],
    ['bar3', 'a (C) caption over it'],
  ])('F2 %s (%s): the (U) words after the bar are released with their paragraph', async (name) => {
    const ps = await portions(name);
    const u = ps.find((p) => p.text.includes('UQ2'))!;
    expect(u).toMatchObject({ mark: '(U)', action: 'release' });
    expect(u.text).toContain('UQ1 My wife and I UQ2 first lived here');
    const { text } = await released(name);
    expect(text).toContain('(U) UQ1 My wife and I UQ2 first lived here');
  });

  it('F2 bar7: a bar on the first line over a short last line, and one at the last line\'s start', async () => {
    const ps = await portions('bar7');
    expect(ps.filter((p) => p.mark === null)).toEqual([]);
    const u = ps.find((p) => p.text.includes('UQ2'))!;
    expect(u).toMatchObject({ mark: '(U)', action: 'release' });
    expect(u.text).toContain('contact us at or UQ2 send an email to nsa.');
  });
});

describe("a (U) paragraph's last line opening with a dash (probe 64a F3)", () => {
  it.each(['dash4', 'dash5'])('%s: the wrap of the line above, released with the paragraph', async (name) => {
    const ps = await portions(name);
    const u = ps.find((p) => p.text.includes('uqtwo'))!;
    expect(u).toMatchObject({ mark: '(U)', action: 'release' });
    expect(u.text).toMatch(/become more flexible --? uqtwo both excellent life skills!/);
    const { text } = await released(name);
    expect(text).toContain('uqtwo both excellent life skills!');
  });

  it('dash6: dash items under a (U) lead-in ending with a colon stay items of their own (withheld)', async () => {
    const ps = await portions('dash6');
    for (const p of ps.filter((x) => /zq/.test(x.text))) {
      expect(p.mark).toBeNull();
      expect(p.action).toBe('withhold');
    }
    const { text } = await released('dash6');
    expect(text).toContain('the following things:');
  });
});
