/**
 * Names and link addresses a release PDF kept as given (probe 61a, F4 and F5). A font's /BaseFont
 * and /FontName, a resource's name (in the resources and in the content stream that uses it), a
 * page group's keys and colour space name, a /ProcSet name: each spelled the withheld word in the
 * release file. Now every name is PDF's, from a closed list, or the tool's. A link's address over
 * a (U) line was kept undecided: one that says a withheld word once %-escapes, HTML character
 * references and base64 pieces are read goes (its text stays), and those kept are listed in a
 * warning. Checked with qpdf's decompressed file (an independent reader) and pdftotext.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { pdftotext } from '../helpers/pdf-text.js';
import { MEMO_SECRET_LINE, memoLines, TestPdf } from './helpers/make.js';
import { rawAndInflated } from './helpers/check.js';
import { resolveProfile, runReleaseBatch } from '../../src/index.js';

const WORD = 'BLUEHERON';
const LINES = memoLines(WORD);
const yOf = (i: number): number => 740 - 18 * i;
const lines = (font: string): string => LINES.map((l, i) => `BT /${font} 11 Tf 60 ${yOf(i)} Td (${l.replace(/[()]/g, '\\$&')}) Tj ET`).join('\n');

/** The release PDF decompressed by qpdf (its objects and streams as text), or null without qpdf. */
function qdf(pdf: Uint8Array): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-qdf-'));
  const file = path.join(dir, 'in.pdf');
  writeFileSync(file, pdf);
  const r = spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, path.join(dir, 'out.pdf')]);
  if (r.error || (r.status !== 0 && r.status !== 3)) return null;
  return readFileSync(path.join(dir, 'out.pdf'), 'latin1');
}

/** Release `bytes` as memo.pdf (public profile): the release PDF, and every file of the output folder's review/ as text (the record). */
async function release(bytes: Uint8Array): Promise<{ pdf: Uint8Array | null; record: string; failed: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-names-'));
  const file = path.join(dir, 'memo.pdf');
  writeFileSync(file, bytes);
  const out = path.join(dir, 'out');
  const profile = await resolveProfile('public');
  const { summary } = await runReleaseBatch({
    files: [file], out, profile, profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
    force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(),
  });
  const rel = path.join(out, 'release', 'memo.pdf');
  const review = path.join(out, 'review');
  const record = existsSync(review) ? readdirSync(review).filter((f) => f.endsWith('.json')).map((f) => readFileSync(path.join(review, f), 'utf8')).join('\n') : '';
  return { pdf: existsSync(rel) ? readFileSync(rel) : null, record, failed: summary.failed };
}

/** The released lines read back by poppler, and the withheld word nowhere in the file. */
function checkRelease(pdf: Uint8Array, kept?: RegExp): string | null {
  expect(rawAndInflated(pdf)).not.toMatch(new RegExp(WORD, 'i'));
  const q = qdf(pdf);
  if (q !== null) {
    expect(q).not.toMatch(new RegExp(WORD, 'i'));
    if (kept) expect(q).toMatch(kept);
  }
  const text = pdftotext(pdf);
  if (text !== null) {
    expect(text).not.toContain(WORD);
    expect(text).toContain('quarterly review');
    expect(text).toContain('Next meeting');
  }
  return q;
}

/** Widths for a font not embedded (the reader refuses one without them): Helvetica's average. */
const WIDTHS = { FirstChar: 32, LastChar: 126, Widths: Array.from({ length: 95 }, () => 556) };

/** Each name class: how the test PDF gives it the withheld word, and what the release writes instead. */
const NAMES: { name: string; build: (t: TestPdf) => void; kept?: RegExp }[] = [
  {
    name: "a font's resource name (resources and Tf)",
    build: (t) => {
      const p = t.page(lines(`${WORD}RES`));
      const f1 = (p.node.Resources()!.lookup(PDFName.of('Font'), PDFDict)).get(PDFName.of('F1'))!;
      p.node.setFontDictionary(PDFName.of(`${WORD}RES`), f1 as PDFRef);
    },
    kept: /\/DclF1 11 Tf/,
  },
  {
    name: "a simple font's /BaseFont and its descriptor's /FontName",
    build: (t) => {
      const ctx = t.doc.context;
      const fd = ctx.register(ctx.obj({ Type: 'FontDescriptor', FontName: `ABCDEF+${WORD}NET`, Flags: 32, FontBBox: [0, -200, 1000, 900], ItalicAngle: 0, Ascent: 900, Descent: -200, CapHeight: 700, StemV: 80 }));
      const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: `ABCDEF+${WORD}NET`, Encoding: 'WinAnsiEncoding', FontDescriptor: fd, ...WIDTHS }));
      t.page(lines('F9'), { fonts: { F9: font } });
    },
    kept: /\/BaseFont \/AAAAAA\+Font1[\s\S]*\/FontName \/AAAAAA\+Font1|\/FontName \/AAAAAA\+Font1[\s\S]*\/BaseFont \/AAAAAA\+Font1/,
  },
  {
    name: 'a known font name, which stays (its subset tag the tool\'s)',
    build: (t) => {
      const ctx = t.doc.context;
      const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'ZZZZZZ+Verdana-Bold', Encoding: 'WinAnsiEncoding', ...WIDTHS }));
      t.page(lines('F9'), { fonts: { F9: font } });
    },
    kept: /\/BaseFont \/AAAAAA\+Verdana-Bold/,
  },
  {
    name: "a graphics state's resource name (resources and gs)",
    build: (t) => {
      const p = t.page(`/${WORD}GS gs\n${lines('F1')}`);
      p.node.Resources()!.set(PDFName.of('ExtGState'), t.doc.context.obj({ [`${WORD}GS`]: { Type: 'ExtGState', CA: 1 } }));
    },
    kept: /\/DclGS1 gs/,
  },
  {
    name: "a form's resource name (resources and Do)",
    build: (t) => {
      const form = t.form('0 0 1 rg 0 0 10 10 re f', [0, 0, 10, 10]);
      t.page(`q 1 0 0 1 500 50 cm /${WORD}FM Do Q\n${lines('F1')}`, { xobjects: { [`${WORD}FM`]: form } });
    },
    kept: /\/DclX1 Do/,
  },
  {
    name: "a colour space's resource name (resources and cs)",
    build: (t) => {
      const p = t.page(`/${WORD}CS cs 0 0 0 sc\n${lines('F1')}`);
      p.node.Resources()!.set(PDFName.of('ColorSpace'), t.doc.context.obj({ [`${WORD}CS`]: [PDFName.of('CalRGB'), { WhitePoint: [0.9505, 1, 1.089] }] }));
    },
    kept: /\/DclCS1 cs/,
  },
  {
    name: "the page's transparency group: a colour space name and a key of its own",
    build: (t) => {
      const p = t.page(lines('F1'));
      p.node.set(PDFName.of('Group'), t.doc.context.obj({ Type: 'Group', S: 'Transparency', CS: `${WORD}CS`, [`${WORD}g`]: PDFString.of(WORD), I: true }));
    },
    kept: /\/Group <<\s*\/I true\s*\/S \/Transparency\s*\/Type \/Group\s*>>/,
  },
  {
    name: 'a /ProcSet name',
    build: (t) => {
      const p = t.page(lines('F1'));
      p.node.Resources()!.set(PDFName.of('ProcSet'), t.doc.context.obj([PDFName.of('PDF'), PDFName.of('Text'), PDFName.of(WORD)]));
    },
    kept: /\/ProcSet \[\s*\/PDF\s*\/Text\s*\]/,
  },
];

describe.each(NAMES)('$name that spells the withheld word', (c) => {
  it('is not in the release PDF (qpdf, pdftotext), which shows the released lines', async () => {
    const t = await TestPdf.create();
    c.build(t);
    const { pdf, failed } = await release(await t.save());
    expect(failed).toBe(0);
    checkRelease(pdf!, c.kept);
  });
});

/** base64 of the withheld word, as a URL path piece. */
const B64 = Buffer.from(WORD).toString('base64');

/** Link addresses over the (U) line after the withheld one, and whether each stays. */
const URIS: { uri: string; kept: boolean }[] = [
  { uri: 'http://example.com/ok-page', kept: true },
  { uri: `http://example.com/${WORD.toLowerCase()}`, kept: false },
  { uri: `http://example.com/%${WORD.charCodeAt(0).toString(16)}${WORD.slice(1)}`, kept: false },
  { uri: `http://example.com/&#${WORD.charCodeAt(0)};${WORD.slice(1)}`, kept: false },
  { uri: `http://example.com/&#x${WORD.charCodeAt(0).toString(16)};${WORD.slice(1).toLowerCase()}`, kept: false },
  { uri: `http://example.com/${B64}`, kept: false },
  { uri: `http://example.com/x?id=${B64.replace(/=+$/, '')}`, kept: false },
];

describe('link addresses over a released line', () => {
  it.each(URIS)('$uri: kept $kept, the kept ones listed in a warning, the file never holding the withheld word', async (c) => {
    const t = await TestPdf.create();
    const p = t.page(lines('F1'));
    const y = yOf(MEMO_SECRET_LINE + 1);
    const ctx = t.doc.context;
    const link = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [58, y - 3, 400, y + 10], Border: [0, 0, 0], A: { S: 'URI', URI: PDFString.of(c.uri) } }));
    p.node.set(PDFName.of('Annots'), ctx.obj([link]) as PDFArray);
    const { pdf, record, failed } = await release(await t.save());
    expect(failed).toBe(0);
    const q = checkRelease(pdf!);
    const escaped = c.uri.replace(/[()\\]/g, '\\$&');
    if (q !== null) expect(q.includes(`/URI (${escaped})`)).toBe(c.kept);
    if (c.kept) expect(record).toContain(`link address(es) kept over released text, not shown in the release text: \\"${c.uri}\\"`);
    else {
      expect(record).toContain('1 link(s) removed (their text kept): the address names what is withheld');
      expect(record).not.toContain(c.uri);
    }
  });
});
