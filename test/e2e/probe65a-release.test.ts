/**
 * Probe 65a's silent cases in the release package (fix65f), through the CLI as a user runs it.
 * Every run that writes a release is checked for `ZQ…` words (withheld only) in release/: its
 * texts, index and the release PDFs read back by pdftotext.
 * - F1 (redact/pages.ts): a truncated PDF whose page tree names a page object that is not there
 *   is refused in one line (exit 1, nothing written for it), and the batch goes on.
 * - F4 (redact/dropped.ts, release/pdf.ts): what the release leaves out of a PDF unread (an
 *   attached file, document JavaScript, bookmarks, named destinations, page labels, XMP) is one
 *   warning, on the console and in the record, naming no attachment.
 * - F2 (rules/overrides.ts, batch/run.ts): a withhold decision's authority is a FOIA exemption
 *   (B1 to B9) or a label of the profile; `ZQ91`, `FOIA`, `MDR` are refused (exit 78, the line),
 *   as `B99` is, before anything is written; `(b)(6)` is refused with the form to write (B6).
 * - F3 (node/release-folder.ts): `--replace` removes only what the folder's records or manifest
 *   list; a file merely named like an output is refused (exit 73, nothing removed).
 * - F5 (batch/job.ts, batch/vaughn.ts): a release file an earlier run wrote that a later run
 *   removes (a `--formats text` run; a document now pending) is named on the console.
 * - F7 (node/walk.ts, cli/inputs.ts): a folder named on the command line that holds nothing is a note.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { runBin, tmp } from '../helpers/bin.js';
import { hasPdftotext, pdftotext } from '../helpers/pdf-text.js';

const AS_OF = '2026-12-01';
const MEMO = 'CONFIDENTIAL\n\nSUBJECT: (U) UQ10 harmless subject line\n\n(U) UQ11 Unclassified paragraph that should appear in the release folder.\n\n(C) ZQ11 Confidential paragraph about the ZQ11 thing that must be withheld.\n\nClassified By: Jane Roe, Analyst\nReason: 1.4(d)\nDeclassify On: 20401231\n';

/** Every file of `out/release`, PDFs read by pdftotext: none may hold a ZQ word. */
function expectNoZq(out: string): void {
  const dir = path.join(out, 'release');
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) {
    const bytes = readFileSync(path.join(dir, f));
    const text = f.endsWith('.pdf') ? (pdftotext(bytes) ?? '') : bytes.toString('utf8');
    expect(text, f).not.toMatch(/ZQ/);
  }
}

/** A folder holding memo2.txt (and whatever `extra` adds). */
function inputs(name: string, extra: Record<string, string | Uint8Array> = {}): string {
  const dir = path.join(tmp(name), 'in');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'memo2.txt'), MEMO);
  for (const [n, v] of Object.entries(extra)) writeFileSync(path.join(dir, n), v);
  return dir;
}

/** Two pages, the second with a withheld and a released paragraph, cut before page 2's object. */
async function truncatedTwoPages(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const f = await doc.embedFont(StandardFonts.Helvetica);
  const pages = [
    ['SECRET', '', '(U) UQ71 First page paragraph that is unclassified and released.', '', '(S) ZQ71 first page secret paragraph withheld.', '', 'Classified By: John Doe, Director', 'Reason: 1.4(c)', 'Declassify On: 20451231'],
    ['(S) ZQ72 Second page secret paragraph that must be withheld here.', '', '(U) UQ72 Second page unclassified paragraph.', '', 'SECRET'],
  ];
  for (const lines of pages) {
    const p = doc.addPage([612, 792]);
    lines.forEach((l, i) => { if (l) p.drawText(l, { x: 72, y: 740 - 16 * i, size: 11, font: f }); });
  }
  const bytes = await doc.save({ useObjectStreams: false });
  const second = doc.getPage(1).ref.objectNumber;
  const at = Buffer.from(bytes).indexOf(`\n${second} 0 obj`);
  expect(at).toBeGreaterThan(0);
  return bytes.subarray(0, at + 1);
}

/** One page: a released (U), a withheld (S) paragraph and the authority block; `extra` adds to the document. */
async function markedPdf(extra: (d: PDFDocument) => Promise<void> | void): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const f = await doc.embedFont(StandardFonts.Helvetica);
  const p = doc.addPage([612, 792]);
  const lines = ['SECRET', '', '(U) UQ21 This paragraph is unclassified and is released to the public.', '', '(S) ZQ21 This paragraph is secret and withheld from every release.', '', 'Classified By: John Doe, Director', 'Reason: 1.4(c)', 'Declassify On: 20451231', '', 'SECRET'];
  lines.forEach((l, i) => { if (l) p.drawText(l, { x: 72, y: 740 - 16 * i, size: 11, font: f }); });
  await extra(doc);
  return doc.save({ useObjectStreams: false });
}

const DROPPED: [name: string, extra: (d: PDFDocument) => Promise<void> | void, message: string][] = [
  ['an attached file', async (d) => { await d.attach(Buffer.from('ZQ41 attached secret'), 'ZQ42name.txt', { mimeType: 'text/plain', description: 'ZQ43 desc' }); }, '1 attached file removed unread (not reviewed, not released)'],
  ['two attached files', async (d) => { await d.attach(Buffer.from('ZQ41'), 'a.txt', {}); await d.attach(Buffer.from('ZQ44'), 'b.txt', {}); }, '2 attached files removed unread (not reviewed, not released)'],
  ['document JavaScript', (d) => d.addJavaScript('x', 'app.alert("ZQ81 script")'), 'document JavaScript removed unread (not reviewed, not released)'],
  ['bookmarks, named destinations, page labels, XMP', (d) => {
    const ctx = d.context;
    const pg = d.getPage(0).ref;
    const outlines = ctx.nextRef();
    const item = ctx.register(ctx.obj({ Title: PDFString.of('ZQ51 bookmark'), Parent: outlines, Dest: [pg, PDFName.of('Fit')] }));
    ctx.assign(outlines, ctx.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 }));
    d.catalog.set(PDFName.of('Outlines'), outlines);
    d.catalog.set(PDFName.of('Names'), ctx.obj({ Dests: ctx.obj({ Names: [PDFString.of('ZQ52dest'), ctx.obj([pg, PDFName.of('Fit')])] }) }));
    d.catalog.set(PDFName.of('PageLabels'), ctx.obj({ Nums: [0, ctx.obj({ S: PDFName.of('D'), P: PDFString.of('ZQ54label-') })] }));
    d.catalog.set(PDFName.of('Metadata'), ctx.register(ctx.stream('<x:xmpmeta xmlns:x="adobe:ns:meta/">ZQ37 xmp</x:xmpmeta>', { Type: 'Metadata', Subtype: 'XML' })));
  }, 'bookmarks (outlines), named destinations, page labels, XMP metadata removed unread (not reviewed, not released)'],
];

describe.skipIf(!hasPdftotext())('probe 65a (fix65f): the release package says what it does', () => {
  it('F1: a PDF whose page tree names a page that is not there is refused in one line; the batch goes on', async () => {
    const dir = inputs('f1', { 'twotrunc.pdf': await truncatedTwoPages() });
    const out = path.join(tmp('f1-out'), 'out');
    const r = runBin(['release', dir, '-p', 'public', '--as-of', AS_OF, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`declass: ${path.join(dir, 'twotrunc.pdf')}: the PDF is truncated or damaged: its page tree names a page 2 (object 7) that the file does not hold (the tree counts 2 pages)\n`);
    expect(readdirSync(path.join(out, 'release')).filter((f) => f.startsWith('twotrunc'))).toEqual([]);
    expect(readdirSync(path.join(out, 'review')).filter((f) => f.startsWith('twotrunc'))).toEqual([]);
    expect(existsSync(path.join(out, 'release', 'memo2.txt'))).toBe(true);
    expectNoZq(out);
  });

  it.each(DROPPED)('F4: %s left out of a release PDF is one warning, on the console and in the record', async (_name, extra, message) => {
    const dir = inputs('f4', { 'doc.pdf': await markedPdf(extra) });
    const out = path.join(tmp('f4-out'), 'out');
    const r = runBin(['release', path.join(dir, 'doc.pdf'), '-p', 'public', '--as-of', AS_OF, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`declass: ${path.join(dir, 'doc.pdf')}: warning: ${message} [pdf-content-unread]\n`);
    const record = readFileSync(path.join(out, 'review', 'doc.audit.json'), 'utf8');
    const diagnostics = (JSON.parse(record) as { diagnostics: { severity: string; code: string; message: string }[] }).diagnostics;
    expect(diagnostics).toEqual([{ severity: 'warning', code: 'pdf-content-unread', message }]);
    expect(record).not.toMatch(/ZQ/);
    expect(readFileSync(path.join(out, 'release', 'doc.txt'), 'utf8')).toContain('UQ21');
    expectNoZq(out);
  });

  it.each(DROPPED)('F4: %s is said as well when only text is released, and by check', async (_name, extra, message) => {
    const dir = inputs('f4-text', { 'doc.pdf': await markedPdf(extra) });
    const out = path.join(tmp('f4-text-out'), 'out');
    const r = runBin(['release', path.join(dir, 'doc.pdf'), '-p', 'public', '--as-of', AS_OF, '-o', out, '--formats', 'text']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`declass: ${path.join(dir, 'doc.pdf')}: warning: ${message} [pdf-content-unread]\n`);
    const record = readFileSync(path.join(out, 'review', 'doc.audit.json'), 'utf8');
    expect(record).toContain('"code": "pdf-content-unread"');
    expect(record).not.toMatch(/ZQ/);
    const c = runBin(['check', path.join(dir, 'doc.pdf'), '--as-of', AS_OF]);
    expect(c.stdout + c.stderr).toContain(message);
    expect(c.stdout + c.stderr).not.toMatch(/ZQ/);
    expectNoZq(out);
  });

  it('F4: a PDF with nothing beyond its pages has no such warning', async () => {
    const dir = inputs('f4-plain', { 'doc.pdf': await markedPdf(() => undefined) });
    const out = path.join(tmp('f4-plain-out'), 'out');
    const r = runBin(['release', path.join(dir, 'doc.pdf'), '-p', 'public', '--as-of', AS_OF, '-o', out]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expectNoZq(out);
  });

  it.each([
    ['ZQ91', '"ZQ91" is no FOIA exemption (B1 to B9, 5 U.S.C. 552(b)) and no label of the profile'],
    ['FOIA', '"FOIA" is no FOIA exemption (B1 to B9, 5 U.S.C. 552(b)) and no label of the profile'],
    ['MDR', '"MDR" is no FOIA exemption (B1 to B9, 5 U.S.C. 552(b)) and no label of the profile'],
    // Probe 65e (6): B3 with no statute among its items names nothing a court can check.
    ['B3, ZQ92', '"B3" withholds under a statute and names none: write it with the statute'],
    ['"(b)(6)"', '"(b)(6)": write B6, the form the stamp and the Vaughn index use'],
    ['b6', '"b6": write B6, the form the stamp and the Vaughn index use'],
    ['"B 6"', '"B 6": write B6, the form the stamp and the Vaughn index use'],
    ['B99', '"B99" is no FOIA exemption'],
  ])('F2: a withhold decision under [%s] is refused with its line, nothing written', (authority, message) => {
    const dir = inputs('f2');
    const file = path.join(path.dirname(dir), 'o.yaml');
    writeFileSync(file, `overrides:\n  - {ref: memo2, portion: p1, action: withhold, authority: [${authority}], reviewer: A, date: 2026-11-20, note: x}\n`);
    const out = path.join(tmp('f2-out'), 'out');
    const r = runBin(['release', dir, '-p', 'public', '--as-of', AS_OF, '-o', out, '--overrides', file]);
    expect(r.code).toBe(78);
    expect(r.stderr).toContain(`declass: ${file}:2: overrides[0].authority: ${message}`);
    expect(existsSync(out)).toBe(false);
    // explain showed the authority as the decision's, where release refuses it.
    const e = runBin(['explain', path.join(dir, 'memo2.txt'), '-p', 'public', '--as-of', AS_OF, '--overrides', file]);
    expect([e.code, e.stdout]).toEqual([78, '']);
    expect(e.stderr).toContain(`declass: ${file}:2: overrides[0].authority: ${message}`);
  });

  it.each(['B6', 'B7(C)', 'B3, "50 U.S.C. 3024(i)"', '"B3 - 50 USC 3024(i)"', 'B1, "1.4(D)"', 'PENDING REVIEW', '"SBU - PENDING FOIA REVIEW"'])('F2: a withhold decision under [%s] (an exemption, or the profile\'s label) is taken', (authority) => {
    const dir = inputs('f2-ok');
    const file = path.join(path.dirname(dir), 'o.yaml');
    writeFileSync(file, `overrides:\n  - {ref: memo2, portion: p1, action: withhold, authority: [${authority}], reviewer: A, date: 2026-11-20, note: x}\n`);
    const out = path.join(tmp('f2-ok-out'), 'out');
    const r = runBin(['release', dir, '-p', 'public', '--as-of', AS_OF, '-o', out, '--overrides', file]);
    expect(r.code, r.stderr).toBe(0);
    expectNoZq(out);
    const e = runBin(['explain', path.join(dir, 'memo2.txt'), '-p', 'public', '--as-of', AS_OF, '--overrides', file]);
    expect(e.code, e.stderr).toBe(0);
  });

  it("F6: a reviewer's B1 on a (U) portion is named as the reviewer's in the index's Segregability, not as classified by its mark", () => {
    const dir = inputs('f6');
    const file = path.join(path.dirname(dir), 'o.yaml');
    writeFileSync(file, 'overrides:\n  - {ref: memo2, portion: p1, action: withhold, authority: [B1, "1.4(D)"], reviewer: A, date: 2026-11-20, note: x}\n');
    const out = path.join(tmp('f6-out'), 'out');
    const r = runBin(['release', dir, '-p', 'public', '--as-of', AS_OF, '-o', out, '--overrides', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('[override-b1-not-classified]');
    const csv = readFileSync(path.join(out, 'release', 'index.csv'), 'utf8');
    expect(csv).toContain("a portion marked (U) is withheld whole under B1 by the reviewer's decision, which the decision records; the other withheld paragraphs are classified in their entirety");
    expect(csv).not.toContain('unmarked or unreadably marked');
    expectNoZq(out);
  });

  it.each(['release/cover-letter.pdf', 'release/extra.txt', 'review/reviewer-notes.diff', 'pending/other.txt'])('F3: --replace refuses %s, which no record lists, and removes nothing', (extra) => {
    const dir = inputs('f3');
    const out = path.join(tmp('f3-out'), 'out');
    expect(runBin(['release', dir, '-p', 'public', '--as-of', AS_OF, '-o', out]).code).toBe(0);
    mkdirSync(path.join(out, path.dirname(extra)), { recursive: true });
    writeFileSync(path.join(out, extra), 'someone else\'s work\n');
    const before = readdirSync(path.join(out, 'release')).sort();
    const r = runBin(['release', dir, '-p', 'public', '--as-of', '2026-11-01', '-o', out, '--replace']);
    expect(r.code).toBe(73);
    expect(r.stderr).toBe(`declass: --replace: ${path.join(out, extra)} is not a file declass writes (no audit record or manifest lists it); move it out of ${path.join(out, path.dirname(extra))} first (nothing was removed)\n`);
    expect(readdirSync(path.join(out, 'release')).sort()).toEqual(before);
    expect(readFileSync(path.join(out, extra), 'utf8')).toBe('someone else\'s work\n');
  });

  it('F3: --replace removes what the records and the manifest list, and releases again', () => {
    const dir = inputs('f3-ok');
    const out = path.join(tmp('f3-ok-out'), 'out');
    expect(runBin(['release', dir, '-p', 'public', '--as-of', AS_OF, '-o', out]).code).toBe(0);
    const r = runBin(['release', dir, '-p', 'public', '--as-of', '2026-11-01', '-o', out, '--replace', '-q']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readdirSync(path.join(out, 'release')).sort()).toEqual(['index.csv', 'index.json', 'index.pdf', 'memo2.pdf', 'memo2.txt']);
    expectNoZq(out);
  });

  it('F5: a --formats text run into a folder released with PDFs names the release PDF and PDF index it removes', () => {
    const dir = inputs('f5');
    const out = path.join(tmp('f5-out'), 'out');
    expect(runBin(['release', dir, '-p', 'public', '--as-of', AS_OF, '-o', out]).code).toBe(0);
    const r = runBin(['release', dir, '-p', 'public', '--as-of', AS_OF, '-o', out, '--formats', 'text', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`declass: ${path.join(dir, 'memo2.txt')}: warning: release/memo2.pdf, written by an earlier run, removed: this run does not write that format (--formats); a copy already handed out is no longer in the release [release-file-removed]\n`);
    expect(r.stdout).toContain('note: removed release/index.pdf: this release writes no PDF, so its index has none (a copy already handed out is out of date)');
    expect(readdirSync(path.join(out, 'release')).sort()).toEqual(['index.csv', 'index.json', 'memo2.txt']);
    expectNoZq(out);
  });

  it('F5: a document that is pending now names the release files it takes back', () => {
    const dir = inputs('f5-pending');
    const out = path.join(tmp('f5-pending-out'), 'out');
    expect(runBin(['release', dir, '-p', 'public', '--as-of', AS_OF, '-o', out]).code).toBe(0);
    writeFileSync(path.join(dir, 'memo2.txt'), MEMO.replace('Classified By', '(SBU) ZQ13 Sensitive paragraph for a reviewer.\n\nClassified By'));
    const r = runBin(['release', dir, '-p', 'public', '--as-of', AS_OF, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['release/memo2.txt', 'release/memo2.pdf']) {
      expect(r.stderr).toContain(`declass: ${path.join(dir, 'memo2.txt')}: warning: ${f}, written by an earlier run, removed: the document is pending review now (its files are in pending/); a copy already handed out is no longer in the release [release-file-removed]\n`);
    }
    expect(existsSync(path.join(out, 'pending', 'memo2.txt'))).toBe(true);
    expectNoZq(out);
  });

  it('F7: a folder named beside other inputs that holds nothing is a note line', () => {
    const dir = inputs('f7');
    const empty = path.join(path.dirname(dir), 'x.txt');
    mkdirSync(empty);
    const out = path.join(tmp('f7-out'), 'out');
    const r = runBin(['release', empty, path.join(dir, 'memo2.txt'), '-p', 'public', '--as-of', AS_OF, '-o', out, '-q']);
    expect([r.code, r.stderr]).toEqual([0, `declass: note: ${empty}/: a folder with no .txt, .md or .pdf file\n`]);
    expectNoZq(out);
  });
});
