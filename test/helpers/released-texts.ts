/**
 * The release text and the release PDF's text of a release made in a test, each checked for
 * withheld text with the test's own leak check (./leak.ts) and the PDF read by pdf.js.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { withheldTexts, type ReleaseResult } from '../../src/release/index.js';
import { findLeaks } from './leak.js';
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
