/**
 * Checks a whole release folder with readers independent of the code under test: every text in
 * release/ (read as is) and every PDF in release/ (read with pdftotext, else pdfjs) holds no
 * 5-word run of the text its own audit record says was withheld, re-derived from the original.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { decodeInput } from '../../src/parse/decode.js';
import { readDocument } from '../../src/parse/read.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Profile } from '../../src/rules/load.js';
import type { OverrideSet } from '../../src/rules/overrides.js';
import { visibleText, withheldTexts } from '../../src/release/index.js';
import { findLeaks } from './leak.js';
import { extractPdfText, pdftotext } from './pdf-text.js';

/** Withheld runs found in `output` that the release is not meant to show anyway. */
function realLeaks(withheld: string[], output: string, visible: string): string[] {
  const allowed = new Set(findLeaks(withheld, visible));
  return findLeaks(withheld, output).filter((s) => !allowed.has(s));
}

/**
 * Asserts that no file of `out/release` (or `out/pending`) leaks what its document withheld. `originals` maps a
 * stem to its input file; `overrides` are the reviewer decisions the release was made with.
 * Returns the number of release files checked.
 */
export async function expectNoLeaksInFolder(out: string, originals: ReadonlyMap<string, string>, profile: Profile, asOf: string, overrides: OverrideSet | null = null): Promise<number> {
  let checked = 0;
  // pending/ holds the release text and PDF of documents a reviewer must still decide: no leak there either.
  for (const sub of ['release', 'pending']) checked += await checkSubfolder(out, path.join(out, sub), originals, profile, asOf, overrides);
  return checked;
}

/**
 * The original of the outputs named `stem`: by its stem, or, for outputs renamed because the
 * input's name repeats withheld words (`doc-<sha>`), by the input path its audit record names.
 */
export function originalOf(originals: ReadonlyMap<string, string>, stem: string, recordedPath: string): string {
  const original = originals.get(stem) ?? [...originals.values()].find((f) => path.basename(f) === path.basename(recordedPath));
  expect(original, `${stem} has no known original`).toBeDefined();
  return original!;
}

async function checkSubfolder(out: string, dir: string, originals: ReadonlyMap<string, string>, profile: Profile, asOf: string, overrides: OverrideSet | null): Promise<number> {
  if (!existsSync(dir)) return 0;
  let checked = 0;
  for (const name of readdirSync(dir).sort()) {
    if (/^index\.(?:csv|json|pdf|xlsx)$/.test(name)) continue; // the Vaughn index: test/helpers/vaughn.ts checks it
    const stem = name.replace(/\.(txt|pdf)$/, '');
    // The reader the audit record names (none: the cable parser), as release used it.
    const record = JSON.parse(readFileSync(path.join(out, 'review', `${stem}.audit.json`), 'utf8')) as { input: { path: string; reader?: { name: 'cable' | 'document' } } };
    const original = originalOf(originals, stem, record.input.path);
    const decoded = decodeInput(readFileSync(original));
    if (!decoded.ok) throw new Error(`${original}: ${decoded.message}`);
    const plan = evaluate(readDocument(decoded.text, { format: record.input.reader?.name ?? 'cable' }).doc, profile, { asOf, overrides, fallbackRef: stem });
    const withheld = withheldTexts(plan);
    const visible = visibleText(plan);
    const bytes = readFileSync(path.join(dir, name));
    let text: string;
    if (name.endsWith('.pdf')) text = pdftotext(bytes) ?? (await extractPdfText(bytes)).text;
    else text = bytes.toString('utf8');
    expect(realLeaks(withheld, text, visible), `${name} leaks withheld text`).toEqual([]);
    checked++;
  }
  return checked;
}

/** Files a run must never leave behind: temporaries of atomic writes. */
export function temporariesIn(out: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.tmp') || e.name.startsWith('.declass-')) found.push(full);
    }
  };
  walk(out);
  return found;
}

/** The names in a release folder's `release/` (or any folder) without the Vaughn index files (`index.csv` …). */
export function documentFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => !/^index\.(?:csv|json|pdf|xlsx)$/.test(n));
}

/** The release text and PDF names of a folder: `release/` and `pending/` (documents pending review) together, sorted (the Vaughn index left out). */
export function releasedFiles(out: string): string[] {
  const names = (sub: string) => (existsSync(path.join(out, sub)) ? documentFiles(path.join(out, sub)) : []);
  return [...names('release'), ...names('pending')].sort();
}

/** Where a release file of `out` is: `release/NAME`, or `pending/NAME` for a document pending review. */
export function releasedFile(out: string, name: string): string {
  const final = path.join(out, 'release', name);
  return existsSync(final) || !existsSync(path.join(out, 'pending', name)) ? final : path.join(out, 'pending', name);
}
