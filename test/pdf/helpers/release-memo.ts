/** Releasing one hostile test PDF through the batch, as `release` does. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveProfile, runReleaseBatch } from '../../../src/index.js';

/**
 * Release `bytes` as memo.pdf, or `stem`.pdf (public profile, as of 2026-12-01): the release PDF
 * and text, or null, and the failures. (A stem that is a withheld word names the outputs otherwise.)
 */
export async function releaseMemoPdf(bytes: Uint8Array, stem = 'memo'): Promise<{ pdf: Uint8Array | null; text: string | null; failed: number }> {
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
  return { pdf: found ? readFileSync(path.join(out, 'release', `${stem}.pdf`)) : null, text, failed: summary.failed };
}
