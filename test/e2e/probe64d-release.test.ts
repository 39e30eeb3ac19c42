/**
 * Probe 64d (fix64g), released through the CLI (release text, and the release PDF by pdf.js): no
 * `ZQ…` word in release/ or pending/ text handed out, every `UQ…` word the case releases there.
 * - F1/F2 (cable-labels.ts): `2.(c)`, `2.(s)`, `2.(U)`, `2.(C)` under `2.A. (U) …` are portion
 *   marks, never later subparagraph labels.
 * - F8: `2.i`, `2.ii`, `2.x`, `2.I`, `2.Q:` under `2.A.` are text (a roman numeral; a letter more
 *   than three after the open one).
 * - F3 (fences.ts): an opener with an info string and no closer, a closer with text after it.
 * - F4: an authority block or Declassify On line inside a fence is not the document's.
 * - F7 (read.ts): a cable with a pasted Markdown first line is read as a cable.
 * - F5/F6 (setext): the whole setext heading under a (U) line is its own portion; a rule under the
 *   (U) paragraph's own wrapped line keeps the paragraph whole.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { probeCable } from '../helpers/probe-cable.js';
import { releaseOneText } from '../helpers/released-texts.js';

const words = (text: string, prefix: string): string[] => [...new Set(text.match(new RegExp(`\\b${prefix}[A-Za-z0-9]+\\b`, 'g')) ?? [])];

const sub = (end: string, line: string): string =>
  probeCable('(C)', `2. (U) UQP2 points follow.\n2.A. (U) UQA text that is long enough to fill the line of the cable${end}\n${line}\n\n3. (U) UQTHREE end.`);

const memo = (body: string, foot = 'Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20400101\n\n'): string =>
  `SECRET//NOFORN\n\nSUBJECT: (U) UQSUBJ notes\n\n(U) UQLEAD The notes follow.\n\n(S//NF) ZQBODY The source is secret.\n\n${body}\n\n(U) UQTAIL end.\n\n${foot}SECRET//NOFORN\n`;

const CASES: [name: string, input: string, released: string[], fileName?: string][] = [
  // F1, F2: leaked or wrongly claimed at 8821837.
  ['2.(c) under a line ending mid-sentence', sub(' and', '2.(c) ZQX lowercase c in parens.'), ['UQA', 'UQTHREE'], 'doc.txt'],
  ['2.(s) under a line ending mid-sentence', sub(' and', '2.(s) ZQX lowercase s in parens.'), ['UQA', 'UQTHREE'], 'doc.txt'],
  ['2.(C) under a line ending mid-sentence', sub(' and', '2.(C) ZQX capital C in parens.'), ['UQA', 'UQTHREE'], 'doc.txt'],
  ['2.(U) is (U) text', sub('.', '2.(U) UQX upper U.'), ['UQA', 'UQX', 'UQTHREE'], 'doc.txt'],
  ['2.(u) is (U) text', sub('.', '2.(u) UQX lower u.'), ['UQA', 'UQX', 'UQTHREE'], 'doc.txt'],
  // F8: (U) text withheld at 8821837.
  ['2.i is text', sub('.', '2.i UQX goes on.'), ['UQA', 'UQX'], 'doc.txt'],
  ['2.ii is text', sub('.', '2.ii UQX goes on.'), ['UQA', 'UQX'], 'doc.txt'],
  ['2.x is text', sub('.', '2.x UQX release notes.'), ['UQA', 'UQX'], 'doc.txt'],
  ['2.I is text', sub('.', '2.I UQX think so.'), ['UQA', 'UQX'], 'doc.txt'],
  ['2.Q: is text', sub('.', '2.Q: UQX what next.'), ['UQA', 'UQX'], 'doc.txt'],
  // Held: a later letter close by is still a label.
  ['2.C under 2.A. is a label', sub('.', '2.C ZQX skipped letter.'), ['UQA'], 'doc.txt'],
  ['2.(D) under 2.A. is a label', sub('.', '2.(D) ZQX skipped letter.'), ['UQA'], 'doc.txt'],
  // F3: leaked at 8821837 (and 3f4fefe).
  ['an opener with an info string, no closer', memo('(U) UQP1 paragraph above\n```python\nZQF1 code'), ['UQP1', 'UQTAIL']],
  ['a closer with text after it', memo('```\n(U) UQF1 first\nZQF2 second\n ``` x'), ['UQTAIL']],
  ['an opener-looking closer', memo('```\n(U) UQF1 line\n``` ZQF2 text after close'), ['UQTAIL']],
  // F4: leaked at 8821837.
  ['a DECL line inside a fence', memo('```\n(U) UQF1 first\nDeclassify On: 20100101\n```', 'Classified By: J. Smith\nReason: 1.4(c)\n\n'), []],
  ['an authority block inside a fence', memo('```\n(U) UQF1 template\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20100101\n```', ''), []],
  // F5: leaked at 8821837.
  ['a two-line setext heading under a (U) line', memo('(U) UQP1 paragraph\nZQH2 line two\nZQH3 heading\n---'), ['UQP1', 'UQTAIL']],
  // F6: withheld at 8821837.
  ['a dashed rule under the (U) paragraph\'s wrap', memo('(U) UQP1 the meeting ended at noon and\nUQW2 everyone left for lunch.\n----------------------------------------'), ['UQP1', 'UQW2', 'UQTAIL']],
  ['an = rule under the (U) paragraph\'s wrap', memo('(U) UQP1 the meeting ended at noon and\nUQW2 everyone left for lunch.\n========================================'), ['UQP1', 'UQW2', 'UQTAIL']],
];

describe('probe 64d: no ZQ word handed out, UQ words released', () => {
  it.each(CASES)('%s', async (_name, input, released, fileName = 'doc.md') => {
    const files = new Map([...(await releaseOneText(input, { name: fileName }))].filter(([f]) => /^(?:release|pending)\/doc\./.test(f)));
    expect(files.size).toBeGreaterThan(0);
    if (released.length > 0) expect([...files.keys()].some((f) => f.startsWith('release/')), [...files.keys()].join()).toBe(true);
    for (const [file, text] of files) {
      for (const w of words(input, 'ZQ')) expect(text, `${file}: ${w}`).not.toContain(w);
      if (!file.startsWith('release/')) continue;
      for (const w of released) expect(text, `${file}: ${w}`).toContain(w);
    }
  });
});

describe('probe 64d F7: a cable with a pasted Markdown first line is read as a cable', () => {
  const seed = readFileSync(new URL('../../samples/08BERLIN173.txt', import.meta.url), 'utf8');
  it.each(['# 08BERLIN173', '**UNCLASSIFIED**'])('%j over the seed cable: released, not pending', async (first) => {
    const files = await releaseOneText(`${first}\n${seed}`, { name: 'doc.txt' });
    expect([...files.keys()]).toContain('release/doc.txt');
    expect([...files.keys()].some((f) => f.startsWith('pending/'))).toBe(false);
  });
});

