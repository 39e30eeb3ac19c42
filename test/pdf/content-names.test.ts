/**
 * Names in a rewritten content stream that spell withheld words (probe 57a, finding 3): a
 * marked-content tag (`/ZQBODY1 BMC`, `/ZQBODY3#20collection#20effort MP`) and the names of an
 * inline property list (`/Span <</Lang /ZQBODY2 /Sub /ZQNETWORK>> BDC`, an artifact's
 * `/Subtype /ZQMCSUB`) stayed in the release PDF's page stream: only strings were taken out. A
 * tag that is not PDF's own is now written as /Span, and a property list, inline or named, keeps
 * only /MCID and an artifact's /Type and /Subtype of PDF's own names. Checked with qpdf's
 * decompressed file (an independent reader) and pdftotext.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFName, type PDFRef } from 'pdf-lib';
import { pdftotext } from '../helpers/pdf-text.js';
import { MEMO_SECRET_LINE, memoLines, TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { rawAndInflated } from './helpers/check.js';

const LINES = memoLines('BLUEHERON');
const yOf = (i: number): number => 740 - 18 * i;
const line = (i: number): string => `BT /F1 11 Tf 60 ${yOf(i)} Td (${LINES[i]!.replace(/[()]/g, '\\$&')}) Tj ET`;
/** Every memo line, the withheld one and the (U) one after it each wrapped by `wrap`. */
const memo = (wrap: (l: string) => string): string => LINES.map((_, i) => (i === MEMO_SECRET_LINE || i === MEMO_SECRET_LINE + 1 ? wrap(line(i)) : line(i))).join('\n');

/** The release PDF decompressed by qpdf (its objects and streams as text), or null without qpdf. */
function qdf(pdf: Uint8Array): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-qdf-'));
  const file = path.join(dir, 'in.pdf');
  writeFileSync(file, pdf);
  const r = spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, path.join(dir, 'out.pdf')]);
  if (r.error || (r.status !== 0 && r.status !== 3)) return null;
  return readFileSync(path.join(dir, 'out.pdf'), 'latin1');
}

const CASES: { name: string; wrap: (l: string) => string; kept?: RegExp }[] = [
  { name: 'a BMC tag', wrap: (l) => `/BLUEHERON BMC ${l} EMC`, kept: /\/Span BMC/ },
  { name: 'a BDC tag with an MCID', wrap: (l) => `/BLUEHERON <</MCID 3>> BDC ${l} EMC`, kept: /\/Span <<\s*\/MCID 3\s*>> BDC/ },
  { name: 'an MP tag with #20 spaces', wrap: (l) => `/Recruited#20BLUEHERON#20source MP ${l}` },
  { name: 'a DP tag and list', wrap: (l) => `/BLUEHERON <</BLUEHERON /BLUEHERON>> DP ${l}` },
  { name: "an inline list's /Lang and custom key", wrap: (l) => `/Span <</Lang /BLUEHERON /Sub /BLUEHERON>> BDC ${l} EMC` },
  { name: "an artifact's /Subtype", wrap: (l) => `/Artifact <</Type /Pagination /Subtype /BLUEHERON>> BDC ${l} EMC`, kept: /\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/ },
  { name: "an artifact's /Subtype, the span holding /Alt (touched by a region)", wrap: (l) => `/Artifact <</Alt (x) /Type /Pagination /Subtype /BLUEHERON>> BDC ${l} EMC` },
  { name: 'a standard tag and artifact subtype, which stay', wrap: (l) => `/P <</MCID 0>> BDC /Artifact <</Type /Pagination /Subtype /Footer>> BDC ${l} EMC EMC`, kept: /\/Artifact <<\s*\/Type \/Pagination\s*\/Subtype \/Footer\s*>> BDC/ },
];

describe.each(CASES)('$name that spells the withheld word', (c) => {
  it('is not in the release PDF (qpdf, pdftotext), which shows the released lines', async () => {
    const t = await TestPdf.create();
    t.page(memo(c.wrap));
    const { pdf, failed } = await releaseMemoPdf(await t.save());
    expect(failed).toBe(0);
    expect(rawAndInflated(pdf!)).not.toMatch(/BLUEHERON|Recruited/);
    const q = qdf(pdf!);
    if (q !== null) {
      expect(q).not.toMatch(/BLUEHERON|Recruited/);
      if (c.kept) expect(q).toMatch(c.kept);
    }
    const text = pdftotext(pdf!);
    if (text !== null) {
      expect(text).not.toContain('BLUEHERON');
      expect(text).toContain('quarterly review');
      expect(text).toContain('Next meeting');
    }
  });
});

describe('a named property list whose names spell the withheld word', () => {
  it.each([true, false])('keeps only its /MCID (stored as an object: %s)', async (stored) => {
    const t = await TestPdf.create();
    const ctx = t.doc.context;
    const list = ctx.obj({ MCID: 1, Lang: PDFName.of('BLUEHERON'), BLUEHERON: true });
    t.page(memo((l) => `/Span /mc1 BDC ${l} EMC`), { properties: { mc1: (stored ? ctx.register(list) : list) as unknown as PDFRef } });
    const { pdf, failed } = await releaseMemoPdf(await t.save());
    expect(failed).toBe(0);
    const q = qdf(pdf!);
    if (q !== null) {
      expect(q).not.toContain('BLUEHERON');
      expect(q).toMatch(/\/MCID 1/);
    }
    const text = pdftotext(pdf!);
    if (text !== null) expect(text).toContain('Next meeting');
  });
});
