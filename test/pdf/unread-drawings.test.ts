/**
 * What a PDF draws that is not text is never read. A page with no text among pages with text (a
 * scanned page: 2004-09-10's SIDtoday article on the UK liaison office has its first page as an
 * image, CONFIDENTIAL paragraphs in the pixels) was kept as it was; the document is refused now,
 * as a scan is. An image or text drawn as outlines beside text, outside every withheld region, is
 * kept with a warning on the console and in the audit record: never silently. Marked content whose
 * /ActualText (what pdf.js and pdftotext extract) says other words than its glyphs was released
 * with those words unread: refused.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProfile, runReleaseBatch } from '../../src/index.js';
import { readPdfInput } from '../../src/release/pdf.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { corpusPath, HAS_CORPUS } from '../helpers/corpus.js';
import { PDFName, PDFString } from 'pdf-lib';
import { SHORT_MEMO_OPS as MEMO, TestPdf } from './helpers/make.js';
import { rawAndInflated } from './helpers/check.js';


/** A mid-grey image, `w` by `h` pixels. */
const grey = (t: TestPdf, w: number, h: number) => t.grayImage(w, h, new Uint8Array(w * h).fill(128));

async function memoWith(second: 'image' | 'blank' | null, strip: boolean): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const img = grey(t, 60, 4);
  const page = t.page(MEMO + (strip ? '\nq 340 0 0 22 60 300 cm /Im1 Do Q' : ''), strip ? { xobjects: { Im1: img } } : {});
  // A link on the (U) line whose address names the withheld codename, and one that names nothing.
  for (const uri of ['https://intranet.example/ops/blueheron-ministry', 'https://intranet.example/review'])
    t.annot(page, { Type: 'Annot', Subtype: 'Link', Rect: [60, 716, 300, 730], A: t.doc.context.obj({ S: 'URI', URI: PDFString.of(uri) }) });
  if (second === 'image') t.page('q 612 0 0 792 0 0 cm /Im1 Do Q', { xobjects: { Im1: grey(t, 20, 26) } });
  if (second === 'blank') t.page('');
  return t.doc.save({ useObjectStreams: false });
}

describe('a page that shows no text', () => {
  it('an image-only page among pages with text: the document is refused in one line naming the page', async () => {
    const read = await readPdfInput(await memoWith('image', false));
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.message).toMatch(/^no text layer: .*page 2 shows no text but an image/);
  });

  it('a blank page is no reason to refuse', async () => {
    expect((await readPdfInput(await memoWith('blank', false))).ok).toBe(true);
  });

  it.skipIf(!HAS_CORPUS)('2004-09-10 SIDtoday (UK liaison office): its scanned first page refuses the document', async () => {
    const bytes = readFileSync(corpusPath('pdf', '2004-09-10_SIDToday_-_Brits_at_NSA__The_United_Kingdom_of_Great_Britain_and_Northern_Ireland_Liaison_Office_NSA_or_UKLO_for_short.pdf'));
    const read = await readPdfInput(bytes);
    expect(read.ok ? '' : read.message).toMatch(/page 1 shows no text but an image/);
  });
});

describe('an image beside text, outside every withheld region', () => {
  it('is kept with a pdf-unread warning in the audit record; the withheld paragraph is not in the release', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-unread-'));
    const file = path.join(dir, 'memo.pdf');
    writeFileSync(file, await memoWith(null, true));
    const out = path.join(dir, 'out');
    const profile = await resolveProfile('public');
    const { summary } = await runReleaseBatch({
      files: [file], out, profile, profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
      force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(),
    });
    expect(summary).toMatchObject({ documents: 1, failed: 0 });
    const record = JSON.parse(readFileSync(path.join(out, 'review', 'memo.audit.json'), 'utf8')) as { diagnostics: { code: string; message: string }[] };
    expect(record.diagnostics.filter((d) => d.code === 'pdf-unread').map((d) => d.message)).toEqual([expect.stringMatching(/^page 1: 1 image\(s\) kept as drawn/)]);
    const pdf = readdirSync(path.join(out, 'release')).find((f) => f === 'memo.pdf')!;
    const text = pdftotext(readFileSync(path.join(out, 'release', pdf))) ?? '';
    expect(text).toContain('quarterly review');
    expect(text).not.toContain('BLUEHERON');
    // The link whose address repeats the withheld codename went; the other stayed.
    const bytes = readFileSync(path.join(out, 'release', pdf)).toString('latin1');
    expect(bytes).not.toMatch(/blueheron/i);
    expect(bytes).toContain('intranet.example/review');
  });
});

describe('marked content that replaces its text', () => {
  const page = (actual: string) => `${MEMO}\n/Span <</ActualText ${actual}>> BDC BT /F1 11 Tf 60 500 Td ((U) The office was efficient.) Tj ET EMC`;

  it('an /ActualText that says other words than the glyphs refuses the document', async () => {
    const t = await TestPdf.create();
    t.page(page('(BLUEHERON is the asset)'));
    const read = await readPdfInput(await t.doc.save({ useObjectStreams: false }));
    expect(read.ok ? '' : read.message).toMatch(/^page 1: marked content whose \/ActualText says other text than its glyphs show/);
  });

  it('one that says the same letters (a ligature, other spacing) does not', async () => {
    const t = await TestPdf.create();
    t.page(page('(\\(U\\) The office  was efficient)'));
    expect((await readPdfInput(await t.doc.save({ useObjectStreams: false }))).ok).toBe(true);
  });
});

/**
 * A memo whose (U) area holds a rectangle filled with a tiling pattern (or painted through a soft
 * mask) whose cell or group draws `cell`: content the text reader never reads.
 */
async function memoWithUnreadStream(kind: 'pattern' | 'soft-mask', cell: string): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const ctx = t.doc.context;
  const helv = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }));
  const resources = { Font: { F1: helv } };
  if (kind === 'pattern') {
    const pattern = ctx.register(ctx.flateStream(cell, { Type: 'Pattern', PatternType: 1, PaintType: 1, TilingType: 1, BBox: [0, 0, 400, 20], XStep: 400, YStep: 20, Resources: resources }));
    const page = t.page(`${MEMO}\nq /Pattern cs /P1 scn 60 400 400 20 re f Q`);
    page.node.Resources()!.set(PDFName.of('Pattern'), ctx.obj({ P1: pattern }));
  } else {
    const group = ctx.register(ctx.flateStream(cell, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 612, 792], Group: { S: 'Transparency', CS: 'DeviceGray' }, Resources: resources }));
    const page = t.page(`${MEMO}\nq /GS1 gs 0 g 60 400 400 20 re f Q`);
    page.node.Resources()!.set(PDFName.of('ExtGState'), ctx.obj({ GS1: { Type: 'ExtGState', SMask: { Type: 'Mask', S: 'Luminosity', G: group } } }));
  }
  return t.doc.save({ useObjectStreams: false });
}

describe('text drawn where the reader does not read', () => {
  const SECRET_CELL = 'BT /F1 9 Tf 0 5 Td ((S//NF) ZQPATTERN secret words here) Tj ET';

  it('a tiling pattern whose cell shows text refuses the document in one line, outside every withheld region', async () => {
    const read = await readPdfInput(await memoWithUnreadStream('pattern', SECRET_CELL));
    expect(read.ok ? '' : read.message).toMatch(/^page 1: a tiling pattern \/P1 draws text, which declass does not read/);
  });

  it('a soft mask whose group shows text refuses it too', async () => {
    const read = await readPdfInput(await memoWithUnreadStream('soft-mask', SECRET_CELL));
    expect(read.ok ? '' : read.message).toMatch(/^page 1: a soft mask of graphics state \/GS1 draws text/);
  });

  it('a pattern or mask that draws shapes only is no reason to refuse', async () => {
    expect((await readPdfInput(await memoWithUnreadStream('pattern', '0 0 1 rg 0 0 10 10 re f'))).ok).toBe(true);
    expect((await readPdfInput(await memoWithUnreadStream('soft-mask', '1 g 0 0 612 792 re f'))).ok).toBe(true);
  });

  it('with --rasterize-unsure too: nothing reaches release/ (a raster would show the text as pixels)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-pattern-'));
    const file = path.join(dir, 'memo.pdf');
    writeFileSync(file, await memoWithUnreadStream('pattern', SECRET_CELL));
    const out = path.join(dir, 'out');
    const { summary } = await runReleaseBatch({
      files: [file], out, profile: await resolveProfile('public'), profileRef: 'public', overrides: null, overridesFile: null, asOf: '2010-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
      force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(), rasterizeUnsure: true,
    });
    expect(summary).toMatchObject({ failed: 1 });
    const released = (() => {
      try {
        return readdirSync(path.join(out, 'release'));
      } catch {
        return [];
      }
    })();
    for (const f of released) expect(rawAndInflated(readFileSync(path.join(out, 'release', f)))).not.toContain('ZQPATTERN');
    expect(released.filter((f) => f.startsWith('memo'))).toEqual([]);
  });
});

describe('--rasterize-unsure through a release', () => {
  it('a page turned into an image is released; its words are not counted as lost by the self-check', async () => {
    const t = await TestPdf.create();
    // Type3 text inside the withheld (S//NF) line: the rewriter cannot redact it with certainty.
    t.page(`${MEMO}\nBT /T3 11 Tf 420 696 Td (secret) Tj ET`, { fonts: { T3: t.type3Font() } });
    t.page('BT /F1 11 Tf 60 700 Td ((U) A second page of released text.) Tj ET');
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-raster-'));
    const file = path.join(dir, 'memo.pdf');
    writeFileSync(file, await t.doc.save({ useObjectStreams: false }));
    const out = path.join(dir, 'out');
    const { summary } = await runReleaseBatch({
      files: [file], out, profile: await resolveProfile('public'), profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['pdf'], pageSize: 'letter',
      force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(), rasterizeUnsure: true,
    });
    expect(summary).toMatchObject({ documents: 1, failed: 0 });
    const text = pdftotext(readFileSync(path.join(out, 'release', 'memo.pdf'))) ?? '';
    expect(text).not.toContain('BLUEHERON');
    expect(text).toContain('A second page of released text.');
  });
});

describe('a page banner under a full line', () => {
  it('is the page banner, not the end of the footnote above it (it stayed as printed in a declassified release)', async () => {
    const t = await TestPdf.create();
    const lines = [
      [740, 'SECRET//NOFORN'],
      [718, '(U) The review was held.'],
      [696, '(S//NF) The source met him.'],
      [674, 'Declassify On: 20301231'],
      [120, '1 (S//NF) Footnote: the courier was paid in cash at the harbor gate by the second secretary of the mission.'],
      [98, 'SECRET//NOFORN'],
    ] as const;
    t.page(lines.map(([y, s]) => `BT /F1 10 Tf 60 ${y} Td (${s.replace(/[()]/g, '\\$&')}) Tj ET`).join('\n'));
    const read = await readPdfInput(await t.doc.save({ useObjectStreams: false }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const foot = read.doc.portions.find((p) => read.doc.source.slice(p.span.start, p.span.end).includes('Footnote'))!;
    expect(read.doc.source.slice(foot.span.start, foot.span.end)).not.toContain('NOFORN\n');
    expect(read.doc.source.slice(foot.span.start, foot.span.end).trimEnd()).toMatch(/mission\.$/);
  });
});
