/**
 * The release text and the release PDF's text of a release made in a test, each checked for
 * withheld text with the test's own leak check (./leak.ts) and the PDF read by pdf.js.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { withheldTexts, type ReleaseResult } from '../../src/release/index.js';
import { findLeaks } from './leak.js';
import { runCli } from './memory-io.js';
import { extractPdfText } from './pdf-text.js';

/** The release text and the PDF's text (an independent reader), each checked for leaks. */
export async function releasedTexts(result: ReleaseResult): Promise<{ text: string; pdf: string }> {
  const withheld = withheldTexts(result.plan);
  const pdf = (await extractPdfText(result.files.find((f) => f.kind === 'pdf')!.bytes)).pages.join('\n');
  expect(findLeaks(withheld, result.releaseText)).toEqual([]);
  expect(findLeaks(withheld, pdf)).toEqual([]);
  return { text: result.releaseText, pdf };
}

/**
 * The text of every file of an output folder's release/ and pending/ (a PDF read back by pdf.js),
 * each after its name: what a leak check of a whole release looks in.
 */
export async function handedOutText(out: string): Promise<string> {
  let all = '';
  for (const folder of ['release', 'pending'].filter((d) => existsSync(path.join(out, d)))) {
    for (const f of readdirSync(path.join(out, folder))) {
      const bytes = readFileSync(path.join(out, folder, f));
      all += `\n${f}\n${f.endsWith('.pdf') ? (await extractPdfText(bytes)).text : bytes.toString('utf8')}`;
    }
  }
  return all;
}

/**
 * Each file of an output folder's release/ and pending/ whose name starts with `stem` (all when
 * it is empty), keyed `folder/name`, as text: a PDF read back by pdf.js.
 */
export async function releasedFiles(out: string, stem = ''): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const folder of ['release', 'pending'].filter((d) => existsSync(path.join(out, d)))) {
    for (const f of readdirSync(path.join(out, folder))) {
      if (!f.startsWith(stem)) continue;
      const bytes = readFileSync(path.join(out, folder, f));
      files.set(`${folder}/${f}`, f.endsWith('.pdf') ? (await extractPdfText(bytes)).text : bytes.toString('utf8'));
    }
  }
  return files;
}

/**
 * Releases `text` as the one file `name` of a fresh folder through the CLI (text and PDF, as of
 * 2026-12-01, under `profile`), expects exit 0, and returns releasedFiles of the output for the
 * file's stem.
 */
export async function releaseOneText(text: string, opts: { profile?: string; name?: string } = {}): Promise<Map<string, string>> {
  const name = opts.name ?? 'doc.txt';
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-one-in-'));
  writeFileSync(path.join(dir, name), text);
  const out = mkdtempSync(path.join(tmpdir(), 'declass-one-out-'));
  const run = await runCli(['release', dir, '--profile', opts.profile ?? 'public', '--out', out, '--as-of', '2026-12-01', '--quiet', '--formats', 'text,pdf']);
  expect(run.code, run.stderr).toBe(0);
  return releasedFiles(out, opts.name === undefined ? 'doc.' : '');
}

/** The marker words of `text` opening with `prefix` (`ZQ1`, `UQA`), once each. */
export const markerWords = (text: string, prefix: string): string[] => [...new Set(text.match(new RegExp(`\\b${prefix}[A-Z0-9]+\\b`, 'g')) ?? [])];

/**
 * Releases `input` (releaseOneText) and expects none of its `ZQ…` words in any file handed out
 * or pending; when release/ holds the document, every word of `released` in it, and when it does
 * not, the document in pending/ (a mark not understood sends it there whole). `name` is the
 * file's (`doc.md` for a Markdown memo), `doc.txt` when not given.
 */
export async function expectReleasedOrPending(input: string, released: readonly string[], name?: string): Promise<void> {
  const files = await releaseOneText(input, { name });
  for (const [file, text] of files) for (const w of markerWords(input, 'ZQ')) expect(text, `${file}: ${w}`).not.toContain(w);
  const rel = [...files].filter(([f]) => f.startsWith('release/'));
  if (rel.length === 0) return void expect([...files.keys()].some((f) => f.startsWith('pending/'))).toBe(true);
  for (const [file, text] of rel) for (const w of released) expect(text, `${file}: ${w}`).toContain(w);
}
