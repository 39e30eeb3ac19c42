/** The audit's own PDF reader against pdf.js (independent) on every sample's release PDF. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdfStrings, pdfPageSize, pdfStrings } from '../../src/audit/pdf-text.js';
import { normalisedWords } from '../../src/leak/words.js';
import { parseCable } from '../../src/parse/index.js';
import { loadProfile, type Profile } from '../../src/rules/load.js';
import { releaseDocument } from '../../src/release/index.js';
import { writePdf } from '../../src/render/pdf/write.js';
import { extractPdfText } from '../helpers/pdf-text.js';

const SAMPLES = path.resolve('samples');
let profile: Profile;
beforeAll(() => {
  profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
});

describe('pdfStrings', () => {
  it('reads literal strings with escapes, hex strings (UTF-16 too) and TJ arrays', () => {
    expect(pdfStrings('BT (a\\(b\\)c\\\\) Tj <48 69> Tj [(Wo) -20 (rd)] TJ (\\266 1.) Tj ET')).toEqual(['a(b)c\\', 'Hi', 'Word', '¶ 1.']);
    expect(pdfStrings('<< /Title <FEFF00480069> >>')).toEqual(['Hi']);
  });
});

describe('extractPdfStrings', () => {
  it.each(readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')))('reads the same words as pdf.js from the release PDF of %s', async (file) => {
    const doc = parseCable(readFileSync(path.join(SAMPLES, file), 'utf8'));
    const stem = file.replace(/\.txt$/, '');
    const result = await releaseDocument({ doc, profile, asOf: '2010-12-01', stem, input: { path: file, sha256: '0'.repeat(64) }, formats: new Set(['pdf']), pageSize: 'a4' });
    const bytes = result.files.find((f) => f.kind === 'pdf')!.bytes;
    const ours = extractPdfStrings(bytes);
    expect(ours.ok).toBe(true);
    if (!ours.ok) return;
    const theirs = await extractPdfText(bytes);
    expect(normalisedWords(ours.text)).toEqual(normalisedWords(theirs.text));
    expect(ours.metadata).toContain(String(theirs.info['Title']));
    expect(pdfPageSize(bytes)!.width).toBeCloseTo(595.28, 1);
  });

  it('fails closed on what it cannot read', async () => {
    expect(extractPdfStrings(new TextEncoder().encode('hello'))).toMatchObject({ ok: false });
    const pdf = Buffer.from(await writePdf([{ width: 612, height: 792, items: [] }], { title: 'x' })).toString('latin1');
    const lzw = pdf.replace('/FlateDecode', '/LZWDecode  ');
    expect(extractPdfStrings(Buffer.from(lzw, 'latin1'))).toMatchObject({ ok: false, message: expect.stringMatching(/LZWDecode/) });
    expect(extractPdfStrings(Buffer.from(pdf.replace('/Root', '/Encrypt 9 0 R /Root'), 'latin1'))).toMatchObject({ ok: false });
  });
});
