/** Releasing one hostile test PDF through the batch, as `release` does. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { resolveProfile, runReleaseBatch } from '../../../src/index.js';
import { pdfjsText, popplerText } from './check.js';

/**
 * Release `bytes` as memo.pdf, or `stem`.pdf (public profile, as of 2026-12-01): the release PDF
 * and text, or null, the failures, and the output folder (its review/ holds the audit record). (A stem that is a withheld word names the outputs otherwise.)
 */
export async function releaseMemoPdf(bytes: Uint8Array, stem = 'memo'): Promise<{ pdf: Uint8Array | null; text: string | null; failed: number; out: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-memo-'));
  const file = path.join(dir, `${stem}.pdf`);
  writeFileSync(file, bytes);
  const out = path.join(dir, 'out');
  const profile = await resolveProfile('public');
  const { summary } = await runReleaseBatch({
    files: [file], out, profile, profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
    force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(),
  });
  const found = existsSync(path.join(out, 'release')) && readdirSync(path.join(out, 'release')).includes(`${stem}.pdf`);
  const text = found ? readFileSync(path.join(out, 'release', `${stem}.txt`), 'utf8') : null;
  return { pdf: found ? readFileSync(path.join(out, 'release', `${stem}.pdf`)) : null, text, failed: summary.failed, out };
}

/**
 * Releases `bytes` (see releaseMemoPdf), expects a release PDF and no failure, and returns the
 * release text and what is shown: that text, and the release PDF read by pdftotext and by pdf.js,
 * none of which matches `withheld`.
 */
export async function releaseShown(bytes: Uint8Array, withheld: RegExp): Promise<{ text: string; shown: string[] }> {
  const { pdf, text, failed } = await releaseMemoPdf(bytes);
  expect(failed).toBe(0);
  expect(pdf).not.toBeNull();
  const shown = [text!, popplerText(pdf!) ?? '', (await pdfjsText(pdf!)).pages.join('\n')];
  for (const s of shown) expect(s).not.toMatch(withheld);
  return { text: text!, shown };
}
