/**
 * A form XObject the page draws is read like the page, wherever it is drawn. Forms declass could
 * not decode (an /LZWDecode stream; a Flate stream whose Adler-32 checksum was wrong, which every
 * viewer draws) were marked "unsure" only where a withheld region met them: one drawn below a
 * memo, outside every region, showed `(S//NF) … secret words` and was released unread. Viewers'
 * decodings are read now, and a form that still cannot be read refuses the document in one line.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { resolveProfile, runReleaseBatch } from '../../src/index.js';
import { readPdfInput } from '../../src/release/pdf.js';
import { SHORT_MEMO_OPS as MEMO, TestPdf } from './helpers/make.js';
import { everythingInFile, pdfjsText, popplerText } from './helpers/check.js';


/** The form's paragraph, drawn below the memo, outside every region the memo's portions make. */
const SECRET = '(S//NF) ZQFORMLEAK hidden secret words of the withheld plan.';
const FORM_TEXT = `BT /F1 11 Tf 60 300 Td (${SECRET}) Tj ET\n`;

/**
 * LZW as PDF writes it (a dictionary encoder written for the test, independent of the decoder):
 * 9 to 12 bit codes, MSB first, clear code first, the code length growing one code early with
 * /EarlyChange 1.
 */
function lzw(input: string, early: 0 | 1): Uint8Array {
  const fresh = () => new Map(Array.from({ length: 256 }, (_, i) => [String.fromCharCode(i), i] as const));
  let dict = fresh();
  let next = 258;
  let width = 9;
  const codes: [number, number][] = [[256, 9]];
  let w = '';
  for (const ch of input) {
    if (dict.has(w + ch)) {
      w += ch;
      continue;
    }
    codes.push([dict.get(w)!, width]);
    dict.set(w + ch, next++);
    // The decoder's table is one entry behind the encoder's.
    if (next - 1 + early >= 1 << width && width < 12) width++;
    if (next >= 4095) {
      codes.push([256, width]);
      dict = fresh();
      next = 258;
      width = 9;
    }
    w = ch;
  }
  if (w) codes.push([dict.get(w)!, width]);
  codes.push([257, width]);
  let bits = codes.map(([c, n]) => c.toString(2).padStart(n, '0')).join('');
  while (bits.length % 8) bits += '0';
  return Uint8Array.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
}

/** Deflate with its Adler-32 trailer spoiled: pdf.js and poppler draw it all the same. */
function badAdler(text: string): Uint8Array {
  const d = Buffer.from(deflateSync(Buffer.from(text, 'latin1')));
  d[d.length - 1]! ^= 0xff;
  return d;
}

/** A comment line of `n` letters and digits that compress poorly. */
function noise(n: number): string {
  let pad = '%';
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    pad += (x >>> 16) % 36 < 10 ? String((x >>> 16) % 10) : String.fromCharCode(87 + ((x >>> 16) % 36));
  }
  return `${pad}\n`;
}

/** Deflate cut short: the paragraph first, then a long comment the cut falls in. */
function truncated(text: string): Uint8Array {
  const d = deflateSync(Buffer.from(text + noise(4000), 'latin1'));
  return d.subarray(0, Math.floor(d.length * 0.7));
}

/** The memo with the form /Fx drawn below it, its stream `data` under `filter` (and `parms`). */
async function memoWithForm(data: Uint8Array, filter: string, parms?: Record<string, number>): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const ctx = t.doc.context;
  const helv = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }));
  const form = ctx.register(
    ctx.stream(data, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 612, 792], Resources: { Font: { F1: helv } }, Filter: filter, ...(parms ? { DecodeParms: parms } : {}) }),
  );
  t.page(`${MEMO}\nq /Fx Do Q`, { xobjects: { Fx: form } });
  return t.doc.save({ useObjectStreams: false });
}

/** Release `input` through the batch; every file it hands out or holds for review. */
async function release(input: Uint8Array): Promise<{ failed: number; files: Uint8Array[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-forms-'));
  const file = path.join(dir, 'memo.pdf');
  writeFileSync(file, input);
  const out = path.join(dir, 'out');
  const { summary } = await runReleaseBatch({
    files: [file], out, profile: await resolveProfile('public'), profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['pdf'], pageSize: 'letter',
    force: false, jobs: 1, maxInputBytes: 4 * 1024 * 1024, crossCheck: true, cwd: process.cwd(),
  });
  const files: Uint8Array[] = [];
  for (const sub of ['release', 'pending']) {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(out, sub));
    } catch {
      // no such folder
    }
    for (const n of names) if (n.startsWith('memo') && n.endsWith('.pdf')) files.push(readFileSync(path.join(out, sub, n)));
  }
  return { failed: summary.failed, files };
}

describe('a form XObject drawn outside every withheld region, in a stream a strict decoder rejects', () => {
  const cases: { name: string; data: () => Uint8Array; filter: string; parms?: Record<string, number> }[] = [
    { name: 'LZWDecode (EarlyChange 1, the default)', data: () => lzw(FORM_TEXT, 1), filter: 'LZWDecode' },
    { name: 'LZWDecode with /EarlyChange 0', data: () => lzw(FORM_TEXT, 0), filter: 'LZWDecode', parms: { EarlyChange: 0 } },
    { name: 'LZWDecode over 4,096 codes (table cleared, 12-bit codes)', data: () => lzw(FORM_TEXT + noise(20000), 1), filter: 'LZWDecode' },
    { name: 'FlateDecode with a wrong Adler-32 checksum', data: () => badAdler(FORM_TEXT), filter: 'FlateDecode' },
    { name: 'FlateDecode cut short', data: () => truncated(FORM_TEXT), filter: 'FlateDecode' },
  ];
  it.each(cases)('$name: read as viewers read it, its (S//NF) paragraph withheld', async (c) => {
    const input = await memoWithForm(c.data(), c.filter, c.parms);
    // The input shows the paragraph to an independent reader: the test would prove nothing otherwise.
    expect(popplerText(input) ?? (await pdfjsText(input)).pages.join('\n')).toContain('ZQFORMLEAK');
    const { failed, files } = await release(input);
    expect(failed).toBe(0);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      expect((await pdfjsText(f)).pages.join('\n')).not.toContain('ZQFORMLEAK');
      expect(popplerText(f) ?? '').not.toContain('ZQFORMLEAK');
      expect(await everythingInFile(f)).not.toContain('ZQFORMLEAK');
      expect(popplerText(f) ?? (await pdfjsText(f)).pages.join('\n')).toContain('quarterly review');
    }
  });

  it('a filter declass does not know refuses the document in one line naming the form and why', async () => {
    const read = await readPdfInput(await memoWithForm(new TextEncoder().encode(FORM_TEXT), 'FooDecode'));
    expect(read.ok ? '' : read.message).toMatch(/^page 1: form XObject \/Fx \(object \d+\) cannot be decoded \(stream filter \/FooDecode is not supported\): what it draws would be released unread \(fail closed\)$/);
  });

  it('a Flate stream with nothing that inflates is refused too', async () => {
    const read = await readPdfInput(await memoWithForm(Uint8Array.from([0x78, 0x9c, 0xff, 0xff, 0xff, 0xff, 0x00]), 'FlateDecode'));
    expect(read.ok ? '' : read.message).toMatch(/^page 1: form XObject \/Fx \(object \d+\) cannot be decoded \(stream does not decode through \/FlateDecode/);
  });
});

/** The memo drawing /F1, which draws /F2 … down to /F`depth`, whose text is the (S//NF) paragraph. */
async function memoWithNestedForms(depth: number): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const ctx = t.doc.context;
  const helv = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }));
  let inner = ctx.register(ctx.flateStream(FORM_TEXT, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 612, 792], Resources: { Font: { F1: helv } } }));
  for (let k = depth - 1; k >= 1; k--) {
    inner = ctx.register(ctx.flateStream(`q /F${k + 1} Do Q\n`, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 612, 792], Resources: { XObject: { [`F${k + 1}`]: inner } } }));
  }
  t.page(`${MEMO}\nq /F1 Do Q`, { xobjects: { F1: inner } });
  return t.doc.save({ useObjectStreams: false });
}

describe('forms nested deeper than the interpreter follows', () => {
  it('12 deep: the innermost paragraph is read and withheld', async () => {
    const { failed, files } = await release(await memoWithNestedForms(12));
    expect(failed).toBe(0);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(await everythingInFile(f)).not.toContain('ZQFORMLEAK');
  });

  it.each([13, 14])('%i deep: refused in one line naming the form (its text would be released unread)', async (depth) => {
    const input = await memoWithNestedForms(depth);
    expect(popplerText(input) ?? (await pdfjsText(input)).pages.join('\n')).toContain('ZQFORMLEAK');
    const read = await readPdfInput(input);
    expect(read.ok ? '' : read.message).toMatch(/^page 1: form XObject \/F13 \(object \d+\) is drawn inside forms nested 12 deep, deeper than declass reads: what it draws would be released unread \(fail closed\)$/);
    const { failed, files } = await release(input);
    expect(failed).toBe(1);
    expect(files).toEqual([]);
  });
});

/**
 * An inline image whose data holds an `EI` pdf.js stops at: declass and poppler skip the W × H
 * bytes of an unfiltered image (or require whitespace before `EI`), pdf.js (Firefox) stops at the
 * first `EI` that text follows, and shows what comes after as content.
 */
describe('an inline image whose two readings end in different places', () => {
  const hidden = `EI Q BT /F1 11 Tf 60 300 Td (${SECRET}) Tj ET q `;
  const cases: { name: string; image: string; refused: boolean }[] = [
    { name: 'W x H longer than the data up to an EI that text follows', image: `BI /W 300 /H 1 /BPC 8 /CS /G ID X ${hidden}${' '.repeat(300 - 2 - hidden.length)} EI`, refused: true },
    { name: 'W x H longer than the data up to an EI right after a data byte', image: `BI /W 300 /H 1 /BPC 8 /CS /G ID \x80${hidden}${' '.repeat(300 - 1 - hidden.length)} EI`, refused: true },
    { name: 'a filtered image with an EI not preceded by whitespace', image: `BI /W 2 /H 1 /BPC 8 /CS /G /F /Fl ID \x80\x81X${hidden}\x80\x82 EI`, refused: true },
    { name: 'an image of exactly W x H bytes', image: 'BI /W 2 /H 1 /BPC 8 /CS /G ID \x80\x80 EI', refused: false },
    { name: 'an EI inside the data that binary bytes follow', image: 'BI /W 8 /H 1 /BPC 8 /CS /G ID \x80EI \x81\x82\x83 EI', refused: false },
    // Probe 13b, F1: pdf.js and poppler end the data at the filter's own end (ASCIIHex `>`,
    // ASCII85 `~>`, the JPEG EOI FFD9) or after W x H bytes, then take the first `EI`, whatever
    // is before or after it; declass wants whitespace on both sides.
    { name: 'ASCIIHex data ended by > and an EI that no whitespace follows', image: `BI /W 1 /H 1 /BPC 8 /CS /G /F /AHx ID 00>EIx ${hidden.slice(3)} EI`, refused: true },
    { name: 'ASCIIHex named in an array, the same', image: `BI /W 1 /H 1 /BPC 8 /CS /G /F [/AHx] ID 00>EIx ${hidden.slice(3)} EI`, refused: true },
    { name: 'ASCII85 data ended by ~> and an EI that no whitespace follows', image: `BI /W 4 /H 1 /BPC 8 /CS /G /F /A85 ID z~>EIx ${hidden.slice(3)} EI`, refused: true },
    { name: 'DCT data ended by FFD9 and an EI that no whitespace follows', image: `BI /W 1 /H 1 /BPC 8 /CS /G /F /DCT ID \xff\xd8\xff\xd9EIx ${hidden.slice(3)} EI`, refused: true },
    { name: 'W x H bytes then an EI that no whitespace follows (poppler)', image: `BI /W 2 /H 1 /BPC 8 /CS /G ID \x80\x80EIx ${hidden.slice(3)} EI`, refused: true },
    { name: 'ASCIIHex data whose > pdf.js finds only after the EI declass ends at', image: `BI /W 1 /H 1 /BPC 8 /CS /G /F /AHx ID 00 EI BT /F1 11 Tf 60 320 Td (x> EI Q) Tj ET`, refused: true },
    { name: 'ASCIIHex data ended by > then whitespace and EI', image: 'BI /W 2 /H 1 /BPC 8 /CS /G /F /AHx ID 80 80> EI', refused: false },
    { name: 'ASCII85 data ended by ~> then whitespace and EI', image: 'BI /W 4 /H 1 /BPC 8 /CS /G /F /A85 ID z~> EI', refused: false },
    { name: 'DCT data ended by FFD9 then whitespace and EI', image: 'BI /W 1 /H 1 /BPC 8 /CS /G /F /DCT ID \xff\xd8\xff\xd9 EI', refused: false },
  ];

  async function memoWithInline(image: string): Promise<Uint8Array> {
    const t = await TestPdf.create();
    t.page(`${MEMO}\nq 20 0 0 4 400 100 cm ${image} Q`);
    return t.doc.save({ useObjectStreams: false });
  }

  it.each(cases)('$name: refused $refused', async (c) => {
    const input = await memoWithInline(c.image);
    const read = await readPdfInput(input);
    if (!c.refused) {
      expect(read.ok ? '' : read.message).toBe('');
      return;
    }
    expect(read.ok ? '' : read.message).toMatch(/^page 1: the inline image at byte \d+ of the page content holds an EI another reader ends it at: the readings disagree on what is image and what is content, and one would release what the other never read \(fail closed\)$/);
    const { failed, files } = await release(input);
    expect(failed).toBe(1);
    expect(files).toEqual([]);
  });

  it('pdf.js shows the text hidden in the first case (what the refusal prevents)', async () => {
    const input = await memoWithInline(cases[0]!.image);
    expect((await pdfjsText(input)).pages.join('\n')).toContain('ZQFORMLEAK');
  });

  it.each(cases.filter((c) => / no whitespace follows/.test(c.name)))('pdf.js or poppler shows the text hidden by $name', async (c) => {
    const input = await memoWithInline(c.image);
    const poppler = popplerText(input);
    const shown = (await pdfjsText(input)).pages.join('\n') + (poppler ?? '');
    expect(shown).toContain('ZQFORMLEAK');
  });
});
