/**
 * Punctuation left between a publisher's redaction boxes (probe 15c: SIDtoday PDFs as The
 * Intercept published them, `Account Manager, ■ ( ■ . Please use …`). The gaps where names were cut
 * out are wider than a column gutter, so the `(` was a line piece of its own, read as a line of no
 * letters: a rule line, boilerplate, kept in the release text and inside the withheld box of the
 * release PDF. Likewise `).` wrapped onto a line under the paragraph it closes. Each is its
 * paragraph's now, withheld with it; checked with pdf.js, pdftotext and the release text.
 */
import { describe, expect, it } from 'vitest';
import { readPdfLayout } from '../../src/pdf/index.js';
import { readPdfInput } from '../../src/release/pdf.js';
import { TestPdf } from './helpers/make.js';
import { pdfjsText, popplerText } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

/** A black box over [x0, x1] on the row at `y` (the publisher's redaction: its text is gone). */
const box = (x0: number, x1: number, y: number): string => `0 g ${x0} ${y - 2} ${x1 - x0} 11 re f`;

/**
 * A SECRET memo: a (U) paragraph, an (S) paragraph whose last row is cut by two boxes with `mid`
 * alone between them, an (S) paragraph whose last row holds only `).` after a box, and a (U) one.
 */
async function memo(mid: string): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const lines = [
    'BT /F1 11 Tf 60 740 Td (SECRET//NOFORN) Tj ET',
    'BT /F1 11 Tf 60 710 Td ((U) The quarterly review was held at headquarters last week.) Tj ET',
    'BT /F1 11 Tf 60 680 Td ((S) Send all applications for the posting in Baghdad to the) Tj ET',
    'BT /F1 11 Tf 60 667 Td (Account Manager,) Tj ET',
    box(150, 230, 667),
    `BT /F1 11 Tf 240 667 Td (${mid.replace(/[()\\]/g, '\\$&')}) Tj ET`,
    box(255, 320, 667),
    'BT /F1 11 Tf 330 667 Td (. Please use the form.) Tj ET',
    'BT /F1 11 Tf 60 637 Td ((S) If an interpreter is needed for the meeting, please notify \\() Tj ET',
    box(60, 140, 624),
    'BT /F1 11 Tf 142 624 Td (\\).) Tj ET',
    'BT /F1 11 Tf 60 594 Td ((U) The next review is set for the spring.) Tj ET',
    'BT /F1 11 Tf 60 560 Td (Classified By: John Smith, Director) Tj ET',
    'BT /F1 11 Tf 60 546 Td (Derived From: Multiple Sources) Tj ET',
    'BT /F1 11 Tf 60 532 Td (Declassify On: 20301231) Tj ET',
    'BT /F1 11 Tf 60 500 Td (SECRET//NOFORN) Tj ET',
  ];
  t.page(lines.join('\n'));
  return t.doc.save({ useObjectStreams: false });
}

describe('punctuation between redaction boxes', () => {
  it('is read on its row, with the text left of it, not as a line of its own', async () => {
    const layout = await readPdfLayout(await memo('§'));
    const lines = layout.text.split('\n');
    expect(layout.text).toMatch(/Account Manager, §$/m);
    // Only the `).` alone on its row (nothing beside it to join) stays a line of its own: the reader joins it to the line above.
    expect(lines.filter((l) => !/[\p{L}\p{N}]/u.test(l) && l.trim() !== '')).toEqual([').']);
  });

  it('is withheld with its paragraph: gone from the release PDF and text', async () => {
    const { pdf, text, failed } = await releaseMemoPdf(await memo('§'));
    expect(failed).toBe(0);
    expect(pdf).not.toBeNull();
    const shown = (await pdfjsText(pdf!)).pages.join('\n');
    expect(shown).toContain('quarterly review');
    expect(shown).toContain('next review');
    for (const t of [shown, popplerText(pdf!) ?? '', text!]) {
      expect(t).not.toContain('§');
      expect(t).not.toContain(').');
      expect(t).not.toMatch(/Account|Please use|interpreter/);
    }
  });

  it("belongs to the paragraph it closes when wrapped onto a line of its own (`).`)", async () => {
    const read = await readPdfInput(await memo('('));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { doc } = read;
    const notify = doc.portions.find((p) => doc.source.slice(p.span.start, p.span.end).includes('please notify'))!;
    expect(doc.source.slice(notify.span.start, notify.span.end)).toMatch(/notify \(\n\)\.$/);
    const covered = doc.portions.map((p) => doc.source.slice(p.span.start, p.span.end)).join('\n');
    expect(covered).toContain('Account Manager, (');
  });

  it('leaves the text after an opening bracket on its row, not under the paragraph above (`From : ■ ( ■ @example.gov)`)', async () => {
    const t = await TestPdf.create();
    t.page(
      [
        'BT /F1 11 Tf 60 740 Td (SECRET//NOFORN) Tj ET',
        'BT /F1 11 Tf 60 710 Td ((U) Some feedback on the article about the conference:) Tj ET',
        'BT /F1 11 Tf 60 690 Td (From :) Tj ET',
        box(100, 180, 690),
        'BT /F1 11 Tf 190 690 Td (\\() Tj ET',
        box(200, 250, 690),
        // A hair above the row's first piece (as PDFs place runs), so it is the piece found under the line above.
        'BT /F1 11 Tf 260 690.05 Td (@example.gov\\)) Tj ET',
        'BT /F1 11 Tf 60 670 Td ((S) The comment itself, which is secret.) Tj ET',
        'BT /F1 11 Tf 60 640 Td (SECRET//NOFORN) Tj ET',
      ].join('\n'),
    );
    const read = await readPdfInput(await t.doc.save({ useObjectStreams: false }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const u = read.doc.portions.find((p) => read.doc.source.slice(p.span.start, p.span.end).startsWith('(U) Some feedback'))!;
    // Read on its row, in order: the boxes inside the line (between lines above and below that run
    // through them) bridge its gaps, so the row is one line after the (U) lead-in's colon.
    const text = read.doc.source.slice(u.span.start, u.span.end);
    expect(text).not.toMatch(/example[^]*From/);
    if (text.includes('example')) expect(text).toMatch(/From : \( @example\.gov\)/);
  });
});
