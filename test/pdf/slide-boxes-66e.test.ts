/**
 * Slide layouts of probe 66b. F3: two text boxes side by side on one baseline (1 em apart, no space glyph), `(S//NF) Left box`
 * then `(U) Right box`, are read as one line and so one portion, withheld whole at (S//NF): that was
 * silent (the mirror order warns, mark-raised-inside); a `mark-lowered-inside` warning says it now.
 * F2: a chart drawn as vector shapes over an `(S//NF) Figure …` caption is kept (vector drawings are
 * not taken), and was kept with nothing said; a `pdf-unread` warning names it now. The release
 * text and the release PDF (pdftotext) are checked for the withheld tokens.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdftotext } from '../helpers/pdf-text.js';
import { TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

const lit = (s: string): string => `(${s.replace(/[()\\]/g, '\\$&')})`;

/** A SECRET//NOFORN slide-like page with `body` (content operators) between its banners and authority block. */
async function slide(body: string[]): Promise<Uint8Array> {
  const t = await TestPdf.create();
  t.page(['BT /F1 12 Tf 1 0 0 1 250 760 Tm (SECRET//NOFORN) Tj ET', `BT /F1 12 Tf 1 0 0 1 72 720 Tm ${lit('(U) Slide title public UQ0')} Tj ET`, ...body,
    'BT /F1 10 Tf 1 0 0 1 72 130 Tm (Classified By: John Smith, Director) Tj ET', 'BT /F1 10 Tf 1 0 0 1 72 118 Tm (Reason: 1.4\\(c\\)) Tj ET',
    'BT /F1 10 Tf 1 0 0 1 72 106 Tm (Declassify On: 20501231) Tj ET', 'BT /F1 12 Tf 1 0 0 1 250 40 Tm (SECRET//NOFORN) Tj ET'].join('\n'));
  return t.doc.save({ useObjectStreams: false });
}

/** Releases `bytes` as memo.pdf: the release text, pdftotext of the release PDF, and the audit record's diagnostics. */
async function release(bytes: Uint8Array): Promise<{ shown: string[]; diagnostics: { code: string; message: string }[] }> {
  const { pdf, text, failed, out } = await releaseMemoPdf(bytes);
  expect(failed).toBe(0);
  const record = JSON.parse(readFileSync(path.join(out, 'review', 'memo.audit.json'), 'utf8')) as { diagnostics: { code: string; message: string }[] };
  return { shown: [text ?? '', pdftotext(pdf!) ?? ''], diagnostics: record.diagnostics };
}

describe('slide text boxes and charts (probe 66b)', () => {
  it('F3: (S//NF) box then (U) box on one baseline: withheld whole, and said (mark-lowered-inside)', async () => {
    const { shown, diagnostics } = await release(await slide([`BT /F1 12 Tf 1 0 0 1 72 600 Tm [${lit('(S//NF) Left box ZQ1')} -1000 ${lit('(U) Right box UQ2')}] TJ ET`]));
    for (const s of shown) expect(s).not.toMatch(/ZQ/);
    expect(diagnostics.filter((d) => d.code === 'mark-lowered-inside').map((d) => d.message)).toEqual([expect.stringMatching(/holds the lower mark \(U\) inside its text/)]);
  });

  it('F2: a bar chart drawn as vector shapes over an (S//NF) figure caption: a pdf-unread warning names it', async () => {
    const bars = '0.3 0.4 0.8 rg 100 420 40 120 re f 160 420 40 60 re f 220 420 40 150 re f 0 g';
    const { shown, diagnostics } = await release(await slide([bars, `BT /F1 11 Tf 1 0 0 1 90 400 Tm ${lit('(S//NF) Figure 2: Vector collection ZQ2')} Tj ET`]));
    for (const s of shown) expect(s).not.toMatch(/ZQ/);
    expect(diagnostics.filter((d) => d.code === 'pdf-unread').map((d) => d.message)).toEqual([expect.stringMatching(/^page 1: 3 drawn shape\(s\) over a withheld caption/)]);
  });

  it('control: the same bars over a released (U) caption: no such warning', async () => {
    const bars = '0.3 0.4 0.8 rg 100 420 40 120 re f 160 420 40 60 re f 220 420 40 150 re f 0 g';
    const { diagnostics } = await release(await slide([bars, `BT /F1 11 Tf 1 0 0 1 90 400 Tm ${lit('(U) Figure 2: Public chart UQ2')} Tj ET`, `BT /F1 11 Tf 1 0 0 1 72 300 Tm ${lit('(S//NF) Secret text ZQ3')} Tj ET`]));
    expect(diagnostics.filter((d) => /drawn shape/.test(d.message))).toEqual([]);
  });
});
