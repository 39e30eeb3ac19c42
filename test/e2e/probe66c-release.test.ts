/**
 * Probe 66c F3, F4 (fix66c), Markdown memos released through the CLI (release text and the release
 * PDF read by pdf.js): a mark or a classification line written with character references, inline
 * HTML or emphasis is read as it renders, so no `ZQ…` word (withheld) is in release/ or pending/.
 * - F3: `(&#83;)`, `(**S**)`, `(<b>S</b>)`, `(S<!-- x -->)`, `(S&#8203;)`, `(&Sfr;)` … opening a
 *   paragraph of an UNCLASSIFIED memo, or inside a (U) paragraph of a SECRET memo, were text:
 *   the paragraph was released as unmarked unclassified text, or as the (U) portion's.
 * - F4: an UNCLASSIFIED memo's line `S&#69;CRET`, `SE<!-- -->CRET`, `SE**CRET**` … was no
 *   classification line, and the unmarked text under it was released.
 */
import { describe, expect, it } from 'vitest';
import { releaseOneText } from '../helpers/released-texts.js';

const F3 = ['(&#83;)', '(&#x53;)', '(S<!-- x -->)', '(<span>S</span>)', '(<b>S</b>)', '(**S**)', '(*S*)', '(S&#8203;)', '(S&NoBreak;)', '(&Sfr;)', '(&#83;//NF)', '(S&#8203;//NF)'];
const F4 = ['S&#69;CRET', 'TOP S&#x45;CRET', '&#83;&#69;&#67;&#82;&#69;&#84;', 'SE<!-- -->CRET', 'SE**CRET**'];

const unclassified = (body: string): string => `# UNCLASSIFIED\n\n(U) UQ1 Public intro paragraph.\n\n${body}\n\n(U) UQ2 Closing line.\n\n# UNCLASSIFIED\n`;
const secret = (body: string): string =>
  `# SECRET//NOFORN\n\n(S//NF) ZQ0 Secret lead.\n\n${body}\n\n(U) UQ2 Closing line.\n\nClassified By: A B, Chief\nDerived From: Multiple Sources\nDeclassify On: 20400101\n\n# SECRET//NOFORN\n`;

/** Every file the release hands out or holds (release/, pending/), with no ZQ word in any. */
async function expectNoZq(input: string): Promise<Map<string, string>> {
  const files = new Map([...(await releaseOneText(input, { name: 'memo.md' }))].filter(([f]) => /^(?:release|pending)\/memo\./.test(f)));
  expect(files.size).toBeGreaterThan(0);
  for (const [file, text] of files) expect(text, file).not.toMatch(/ZQ\d/);
  return files;
}

describe('probe 66c F3: a mark in markup is read as the mark it renders', () => {
  it.each(F3)('UNCLASSIFIED memo, %s opening a paragraph: withheld, never released', async (mark) => {
    await expectNoZq(unclassified(`${mark} ZQ1 The source reported.`));
  });

  it.each(F3)('SECRET memo, %s inside a (U) paragraph: the SECRET words withheld', async (mark) => {
    await expectNoZq(secret(`(U) UQ1 The officer said. ${mark} ZQ1 the source was paid.`));
  });

  it('prose in emphasis stays the (U) paragraph\'s and is released', async () => {
    const files = await expectNoZq(secret('(U) UQ1 **Note:** as agreed (*see below*) the text (<i>sic</i>) is public UQ3.'));
    expect(files.get('release/memo.md.txt')).toContain('(*see below*) the text (<i>sic</i>) is public UQ3');
  });
});

describe('probe 66d: markup never makes a plain (U)', () => {
  it.each(['(~~U~~)', '(<del>U</del>)', '(<s>U</s>)', '(**U)', '(U**)', '(__U)', '(U~~)', '(**U**)'])('SECRET memo, %s opening a paragraph: its words withheld', async (mark) => {
    await expectNoZq(secret(`${mark} ZQ1 The source reported.`));
  });
  it('SECRET memo, (U <note (S) ZQ7 …>) is no (U) hiding an (S) in a tag', async () => {
    await expectNoZq(secret('(U <note (S) ZQ7 the source was paid>) ZQ8 more.'));
  });
});

describe('probe 66c F4: a classification line in markup is read as the line it renders', () => {
  it.each(F4)('UNCLASSIFIED memo, %s above unmarked text: the text withheld', async (line) => {
    await expectNoZq(unclassified(`${line}\n\nZQ1 unmarked text under the line.`));
  });
});
