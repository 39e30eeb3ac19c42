/**
 * Probes 66c (F1, F2, F5) and 66a (items 3, 4) through the CLI (fix66d): one release per class,
 * every file of release/ (PDFs read by pdftotext) checked for the withheld `ZQ…` words, and the
 * released text for the `UQ…` words that must be there.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { runBin, tmp } from '../helpers/bin.js';
import { pdftotext } from '../helpers/pdf-text.js';

const AS_OF = '2026-12-01';
const BLOCK = 'Classified By: A B, Chief\nDerived From: Multiple Sources\nDeclassify On: 20451231\n';

const FILES: Record<string, string> = {
  // 66c F2: the subject's trailing mark after reply prefixes.
  'mail.txt': 'Classification: UNCLASSIFIED\n\nFrom: Alpha Bravo\nSent: Tuesday, March 3, 2015 10:12 AM\nTo: Charlie\nSubject: RE: FW: ZQ1 travel (S//NF)\n\n(U) UQ1 Body text.\n\nClassification: UNCLASSIFIED\n',
  // 66c F1: a TOP SECRET enclosure page behind a SECRET cover whose date has passed.
  'joined.txt': 'SECRET//NOFORN\n\n(U) UQ2 Cover text.\n\nClassified By: A B, Chief\nDerived From: Multiple Sources\nDeclassify On: 20090101\n\nSECRET//NOFORN\n\fTOP SECRET//SI//NOFORN\n\n(TS//SI//NF) ZQ2 Enclosure SIGINT.\n\nTOP SECRET//SI//NOFORN\n',
  // 66c F5: page numbers between the banners of pages joined without a form feed.
  'folio.txt': `SECRET\n\n(U) UQ3 Public text.\n\n(S) ZQ3 Secret text.\n\n${BLOCK}\nSECRET\nPage 1 of 2\n\nSECRET\n\n(U) UQ4 Public text two.\n\nSECRET\nPage 2 of 2\n`,
  // 66a item 3: a dash broken over the line end.
  'dash.txt': `SECRET//NOFORN\n\n(U) UQ5 Kids learn to appreciate differences and become more flexible-\n- both UQ6 excellent life skills!\n\n(S//NF) ZQ5 The secret part.\n\n${BLOCK}\nSECRET//NOFORN\n`,
  // 66a item 4: an acronym after a footnote call.
  'crd.txt': `SECRET//NOFORN\n\n(U) UQ7 Final discussion occurs at the board. With one Capstone Requirements Document**\n(CRD) completed, UQ8 six Operational Requirements Documents** (ORDs) in final review.\n\n(S//NF) ZQ7 secret.\n\n${BLOCK}\nSECRET//NOFORN\n`,
};

/** A one-page PDF of the dash case (66a item 3 came from a PDF). */
async function dashPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const f = await doc.embedFont(StandardFonts.Helvetica);
  const p = doc.addPage([612, 792]);
  const lines = ['SECRET//NOFORN', '', '(U) UQ9 Each country has had a different lifestyle. Kids learn to appreciate', 'differences and become more flexible-', '- both UQ10 excellent life skills!', '', '(S//NF) ZQ9 The secret part of the page.', '', ...BLOCK.trim().split('\n'), '', 'SECRET//NOFORN'];
  lines.forEach((l, i) => { if (l) p.drawText(l, { x: 72, y: 740 - 16 * i, size: 11, font: f }); });
  return doc.save({ useObjectStreams: false });
}

/** Every file of `out/<sub>` as text (PDFs read by pdftotext), by name. */
function textsOf(out: string, sub: 'release' | 'pending'): Map<string, string> {
  const dir = path.join(out, sub);
  const texts = new Map<string, string>();
  if (!existsSync(dir)) return texts;
  for (const f of readdirSync(dir)) {
    const bytes = readFileSync(path.join(dir, f));
    texts.set(f, f.endsWith('.pdf') ? (pdftotext(bytes) ?? '') : bytes.toString('utf8'));
  }
  return texts;
}

describe('probe 66 text-reader findings, released through the CLI', () => {
  it('no ZQ word in release/; the UQ words released; the TOP SECRET enclosure held', async () => {
    const dir = path.join(tmp('probe66-text'), 'in');
    mkdirSync(dir, { recursive: true });
    for (const [n, t] of Object.entries(FILES)) writeFileSync(path.join(dir, n), t);
    writeFileSync(path.join(dir, 'dashpdf.pdf'), await dashPdf());
    const out = path.join(path.dirname(dir), 'out');
    const r = runBin(['release', dir, '--profile', 'public', '--out', out, '--as-of', AS_OF]);
    expect(r.stderr).not.toMatch(/failed: [1-9]|Error/);
    const texts = textsOf(out, 'release');
    const pending = textsOf(out, 'pending');
    for (const [f, t] of [...texts, ...pending]) expect(t, f).not.toMatch(/ZQ/);
    // The UNCLASSIFIED mail whose subject is (S//NF) is contradicted: held for review, its (U) body shown there.
    expect(pending.get('mail.txt')).toMatch(/UQ1/);
    const all = [...texts.values(), pending.get('mail.txt')].join('\n');
    for (const u of ['UQ1', 'UQ3', 'UQ4', 'UQ5', 'UQ7', 'UQ8', 'UQ9']) expect(all, u).toMatch(new RegExp(`\\b${u}\\b`));
    // 66c F1: the joined file needs a reviewer (its TS page is not declassified by page 1's date).
    expect(readdirSync(path.join(out, 'pending'))).toContain('joined.txt');
    expect(readFileSync(path.join(out, 'pending', 'joined.txt'), 'utf8')).not.toMatch(/ZQ2/);
    // 66c F5: the page numbers are kept, not boxed under B1.
    expect(texts.get('folio.txt')).toMatch(/Page 1 of 2/);
  }, 120_000);
});

// Probe 66d: a higher enclosure behind a SECRET cover whose Declassify On has passed, where the
// enclosure's level is not read from a later page's banner: pages joined without a form feed, a
// banner with a control not understood, a disguised banner. Each was released as declassified.
const COVER = 'SECRET//NOFORN\n\n(U) UQ1 Cover text.\n\nClassified By: A B, Chief\nDerived From: Multiple Sources\nDeclassify On: 20090101\n\nSECRET//NOFORN\n';
const ENCLOSURES: [string, string][] = [
  ['joined without a form feed', `${COVER}\nTOP SECRET//SI//NOFORN\n\n(TS//SI//NF) ZQ7 Enclosure SIGINT.\n\nTOP SECRET//SI//NOFORN\n`],
  ['a banner with a control not understood', `${COVER}TOP SECRET//XYZZY\n\nZQ1 unmarked enclosure text.\n\nTOP SECRET//XYZZY\n`],
  ['a disguised banner', `${COVER}T0P 5ECRET\n\nZQ1 unmarked enclosure text.\n\nT0P 5ECRET\n`],
  ['a marked portion under a banner not understood', `${COVER}TOP SECRET//XYZZY\n\n(TS//SI) ZQ2 marked enclosure text.\n\nTOP SECRET//XYZZY\n`],
];

describe('probe 66d: an enclosure of a level not read is not declassified by the cover\'s date', () => {
  it.each(ENCLOSURES)('%s: held for review, nothing handed out', (_how, text) => {
    const dir = path.join(tmp('probe66d-encl'), 'in');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'encl.txt'), text);
    const out = path.join(path.dirname(dir), 'out');
    const r = runBin(['release', dir, '--profile', 'public', '--out', out, '--as-of', AS_OF, '--formats', 'text']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(path.join(out, 'pending'))).toContain('encl.txt');
    for (const [f, t] of [...textsOf(out, 'release'), ...textsOf(out, 'pending')]) expect(t, f).not.toMatch(/ZQ/);
  });
});
