/**
 * Probe 61c's text-reader findings, released through the CLI (text format): no `ZQ…` word in any
 * file of release/ or pending/, every `UQ…` word the case names in release/, every other `UQ…`
 * word withheld.
 * - F6: an unmarked `-- (b) …` under `-- (a) (U) …` of more than 40 lines, or under a plain
 *   `(a) (U) …`, is its own portion (it was released as (a)'s text).
 * - F7: a `(C)` after lower-case labels `(a)`, `(b)` is a mark (read as label c it was released).
 * - F8: hanging indents under a line that ended a sentence: tab-numbered items go on; a mark at the
 *   line's start goes on at the text column once the paragraph's wrap stands there; the first
 *   such line, laid out as an indented block, stays one (withheld unmarked).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { probeCable } from '../helpers/probe-cable.js';

const cable = (body: string): string => probeCable('(S)', body);

const memo = (body: string): string =>
  `SECRET\n\nSUBJECT: (U) Plan UQSUBJ\n\n(S) ZQFIRST secret body.\n\n${body}\n\nClassified By: J. Smith, Chief\nReason: 1.4(c)\nDeclassify On: 20401231\n\nSECRET\n`;

const longA = Array.from({ length: 45 }, (_, k) => `wrapping onto line ${k + 2}`).join('\n');

async function release(text: string): Promise<Map<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-p61c-in-'));
  writeFileSync(path.join(dir, 'doc.txt'), text);
  const out = mkdtempSync(path.join(tmpdir(), 'declass-p61c-out-'));
  const run = await runCli(['release', dir, '--profile', 'public', '--out', out, '--as-of', '2026-12-01', '--quiet', '--formats', 'text']);
  expect(run.code, run.stderr).toBe(0);
  const files = new Map<string, string>();
  for (const folder of ['release', 'pending'].filter((d) => existsSync(path.join(out, d)))) {
    for (const f of readdirSync(path.join(out, folder))) if (f.startsWith('doc.')) files.set(`${folder}/${f}`, readFileSync(path.join(out, folder, f), 'utf8'));
  }
  return files;
}

const words = (text: string, prefix: string): string[] => [...new Set(text.match(new RegExp(`\\b${prefix}[A-Z0-9]+\\b`, 'g')) ?? [])];

const CASES: [name: string, input: string, released: string[]][] = [
  // F6
  ['F6: -- (b) unmarked after a dashed (a) (U) of 46 lines', cable(`2. (U) UQLEAD Points follow:\n\n-- (a) (U) UQALPHA first point that goes on\n${longA} end.\n-- (b) ZQFAR unmarked after a long sibling.`), ['UQLEAD', 'UQALPHA']],
  ['F6: -- (b) unmarked after a plain (a) (U)', cable('2. (U) UQLEAD Points:\n\n(a) (U) UQPLAINA plain label.\n-- (b) ZQDASHB dash after a plain sibling.'), ['UQLEAD', 'UQPLAINA']],
  ['F6: -- (b) marked (U) after a plain (a) (U)', cable('2. (U) UQLEAD Points:\n\n(a) (U) UQPLAINA plain label.\n-- (b) (U) UQDASHB marked.'), ['UQLEAD', 'UQPLAINA', 'UQDASHB']],
  ['F6: dashed labels, the second unmarked (40 lines or fewer, as before)', cable('2. (U) UQLEAD Points:\n-- (a) (U) UQA text here.\n-- (b) ZQB unmarked text.'), ['UQLEAD', 'UQA']],
  // F7
  ['F7: (C) after unmarked (a), (b) under a (U) paragraph', cable('2. (U) UQLEAD List follows.\n\n(a) UQA3 first unmarked item.\n\n(b) UQB3 second unmarked item.\n\n(C) ZQC3 this paragraph is confidential.'), ['UQLEAD', 'UQA3', 'UQB3']],
  ['F7: (S) after (a) … (r)', cable(`2. (U) UQLEAD List follows.\n\n${'abcdefghijklmnopqr'.split('').map((c) => `(${c}) UQITEM${c.toUpperCase()} item.`).join('\n\n')}\n\n(S) ZQS secret paragraph.`), ['UQLEAD', ...'abcdefghijklmnopqr'.split('').map((c) => `UQITEM${c.toUpperCase()}`)]],
  ['F7: (c) after (a), (b) is still label c', cable('2. (U) UQLEAD List follows.\n\n(a) (U) UQA item.\n\n(b) (U) UQB item.\n\n(c) (U) UQC item.'), ['UQLEAD', 'UQA', 'UQB', 'UQC']],
  ['F7: (C) after (A), (B) is still label C', cable('2. (U) UQLEAD List follows.\n\n(A) (U) UQA item.\n\n(B) (U) UQB item.\n\n(C) (U) UQC item.'), ['UQLEAD', 'UQA', 'UQB', 'UQC']],
  // F8
  ['F8: tab-numbered item, its tab-indented line', memo('1.\t(U) UQTABNUM Tab numbered item ends.\n\tUQTABNUM2 continues after a tab.'), ['UQSUBJ', 'UQTABNUM', 'UQTABNUM2']],
  ['F8: a mark at the start, the wrap at the text column, then a line after a sentence', memo('(U) UQH1 First line of a paragraph that wraps\n    UQH2 under its text. It ends here.\n    UQH3 The paragraph goes on.'), ['UQSUBJ', 'UQH1', 'UQH2', 'UQH3']],
  ['F8: space-numbered item (as before)', memo('1.  (U) UQNUM First item ends.\n    UQNUM2 continues at the mark.'), ['UQSUBJ', 'UQNUM', 'UQNUM2']],
  ['F8: the first line at the text column under a sentence stays a block', memo('(U) UQQUOTE The memo said the following.\n    ZQINDENT indented block under a sentence end.'), ['UQSUBJ', 'UQQUOTE']],
  ['F8: a lead-in over a block deeper than the text', memo('(U) UQLIST List:\n      ZQCODE deeper code.'), ['UQSUBJ', 'UQLIST']],
  ['F8: a tab under a mark at the start (4 or 8 columns)', memo('(U) UQTAB The tab case follows.\n\tZQTAB tab indented block.'), ['UQSUBJ', 'UQTAB']],
  ['F8: a tab-numbered item, a line deeper than its text', memo('1.\t(U) UQTABNUM Tab numbered item ends.\n\t\t\tZQDEEPER deeper block.'), ['UQSUBJ', 'UQTABNUM']],
];

describe('probe 61c: released through the CLI', () => {
  it.each(CASES)('%s', async (_name, input, released) => {
    const files = await release(input);
    expect(files.size).toBeGreaterThanOrEqual(1);
    for (const [file, text] of files) {
      for (const w of words(input, 'ZQ')) expect(text, `${file}: ${w}`).not.toContain(w);
      if (!file.startsWith('release/')) continue;
      for (const w of released) expect(text, `${file}: ${w}`).toContain(w);
      for (const w of words(input, 'UQ').filter((x) => !released.includes(x))) expect(text, `${file}: ${w}`).not.toContain(w);
    }
  });
});
