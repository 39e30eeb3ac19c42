/**
 * The fonts of a release name no character only withheld text used (src/pdf/redact/fonts.ts). A
 * probe released a Chromium PDF whose (S//NF) paragraph alone used two CJK characters: the font
 * subset that showed them stayed embedded, its ToUnicode mapping exactly those two.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProfile, runReleaseBatch } from '../../src/index.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { MEMO_SECRET_LINE, memoLines, TestPdf } from './helpers/make.js';
import { readPdfObjects } from '../../src/pdf/objects/read.js';
import { decodeStream } from '../../src/pdf/objects/filters.js';
import { PdfDict, PdfName, PdfStream, dictOf, lookupArray, lookupDict, resolve, type PdfObjects } from '../../src/pdf/objects/model.js';
import { parseCMap } from '../../src/pdf/font/cmap.js';

// Ж and Щ: no other line uses them.
const LINES = memoLines('ЖЩ');
const SECRET_LINE = MEMO_SECRET_LINE;
const WITHHELD = ['Ж', 'Щ'];

/** Release `bytes` as memo.pdf with the public profile; the release PDF's bytes. */
async function release(bytes: Uint8Array): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-font-'));
  const file = path.join(dir, 'memo.pdf');
  writeFileSync(file, bytes);
  const out = path.join(dir, 'out');
  const profile = await resolveProfile('public');
  await runReleaseBatch({
    files: [file], out, profile, profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
    force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(),
  });
  const pdf = path.join(out, 'release', 'memo.pdf');
  expect(existsSync(pdf)).toBe(true);
  return readFileSync(pdf);
}

/** Every font dictionary of the file (descendants included). */
function fontDicts(objs: PdfObjects): PdfDict[] {
  return [...objs.objects.values()].filter((v): v is PdfDict => v instanceof PdfDict && v.get('Type') instanceof PdfName && (v.get('Type') as PdfName).name === 'Font');
}

/** The Unicode texts every ToUnicode CMap of the file maps codes to. */
function toUnicodeTexts(objs: PdfObjects): string[] {
  const out: string[] = [];
  for (const f of fontDicts(objs)) {
    const s = resolve(objs, f.get('ToUnicode'));
    if (!(s instanceof PdfStream)) continue;
    const d = decodeStream(objs, s);
    expect(d.ok).toBe(true);
    if (d.ok) out.push(...parseCMap(d.data).unicode.values());
  }
  return out;
}

/** Whether font `f` (or its descendant) still embeds a program. */
function embedsProgram(objs: PdfObjects, f: PdfDict): boolean {
  const descriptors = [lookupDict(objs, f, 'FontDescriptor'), ...(lookupArray(objs, f, 'DescendantFonts') ?? []).map((d) => lookupDict(objs, dictOf(resolve(objs, d)), 'FontDescriptor'))];
  return descriptors.some((d) => d !== undefined && (d.has('FontFile') || d.has('FontFile2') || d.has('FontFile3')));
}

const escaped = (s: string): string => s.replace(/[()]/g, '\\$&');

describe('fonts of withheld text', () => {
  it('a font only the withheld paragraph used keeps no program and no ToUnicode', async () => {
    const t = await TestPdf.create();
    // Every line in Helvetica (/F1) but the withheld one, in the embedded Type0 font (/F2).
    const content = LINES.map((l, i) => (i === SECRET_LINE ? `BT /F2 11 Tf 60 ${740 - 18 * i} Td ${t.hex(l)} Tj ET` : `BT /F1 11 Tf 60 ${740 - 18 * i} Td (${escaped(l)}) Tj ET`)).join('\n');
    t.page(content);
    const before = await readPdfObjects(await t.save());
    expect(fontDicts(before).some((f) => f.get('Subtype') instanceof PdfName && (f.get('Subtype') as PdfName).name === 'Type0' && embedsProgram(before, f))).toBe(true);
    const pdf = await release(await t.save());
    const objs = await readPdfObjects(pdf);
    for (const f of fontDicts(objs)) expect(embedsProgram(objs, f)).toBe(false);
    const texts = toUnicodeTexts(objs);
    for (const c of WITHHELD) expect(texts).not.toContain(c);
    expect(pdftotext(pdf) ?? 'quarterly review').toContain('quarterly review');
  });

  it('a font still used: its ToUnicode maps only the characters the release shows', async () => {
    const t = await TestPdf.create();
    const content = LINES.map((l, i) => `BT /F2 11 Tf 60 ${740 - 18 * i} Td ${t.hex(l)} Tj ET`).join('\n');
    t.page(content);
    const before = toUnicodeTexts(await readPdfObjects(await t.save()));
    for (const c of WITHHELD) expect(before).toContain(c);
    const pdf = await release(await t.save());
    const objs = await readPdfObjects(pdf);
    const texts = toUnicodeTexts(objs);
    for (const c of WITHHELD) expect(texts).not.toContain(c);
    // What the release shows still maps (q: "quarterly").
    expect(texts).toContain('q');
    const text = pdftotext(pdf);
    if (text !== null) {
      expect(text).toContain('quarterly review');
      for (const c of WITHHELD) expect(text).not.toContain(c);
    }
  });
});
