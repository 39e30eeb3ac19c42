/**
 * A portion whose mark is not understood is withheld pending review, and the Vaughn index (in
 * release/, handed out) says why: its Justification quoted the mark whole, `(S//NF source is
 * deputy minister ZQNFIVANOV of the interior)`, so the words of the withheld portion were in
 * index.csv and index.json (probe 56d). The reason no longer quotes a mark it could not read.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { extractPdfText } from '../helpers/pdf-text.js';

const memo = (mark: string) =>
  `SECRET//NOFORN\n\nSUBJECT: (U) Liaison meeting\n\n(U) The meeting took place on Tuesday.\n\n${mark} He reported the transfer.\n\nClassified By: J. Smith\nDerived From: Multiple Sources\nDeclassify On: 20500101\n\nSECRET//NOFORN\n`;

describe('the Vaughn index of a portion whose mark was not understood', () => {
  it.each([
    ['words inside the mark', '(S//NF source is deputy minister ZQNFIVANOV of the interior)'],
    ['an unknown compartment', '(TS//ZQTSPROGRAMX//NF)'],
    ['an unknown country code', '(S//REL TO USA, ZQNFCOUNTRY)'],
  ])('%s: no file of release/ quotes it', async (_name, mark) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-unknown-mark-in-'));
    writeFileSync(path.join(dir, 'memo.txt'), memo(mark));
    const out = mkdtempSync(path.join(tmpdir(), 'declass-unknown-mark-out-'));
    const run = await runCli(['release', dir, '--profile', 'public', '--out', out, '--as-of', '2026-12-01', '--quiet']);
    expect(run.code).toBe(0);
    const marker = /ZQ[A-Z]+/.exec(mark)![0];
    const files = readdirSync(path.join(out, 'release'));
    expect(files).toEqual(expect.arrayContaining(['index.csv', 'index.json', 'index.pdf']));
    for (const f of files) {
      const text = f.endsWith('.pdf') ? (await extractPdfText(readFileSync(path.join(out, 'release', f)))).text : readFileSync(path.join(out, 'release', f), 'utf8');
      expect(text, f).not.toContain(marker);
    }
    // The index still says why: the mark was not understood (the record in review/ keeps the mark).
    expect(readFileSync(path.join(out, 'release', 'index.csv'), 'utf8')).toContain('its mark was not understood');
    const record = JSON.parse(readFileSync(path.join(out, 'review', 'memo.audit.json'), 'utf8'));
    expect(JSON.stringify(record.decisions)).toContain(marker);
  });
});
