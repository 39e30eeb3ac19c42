/**
 * Probe 63a (fix63f), plain-text and Markdown documents released through the CLI (release text,
 * and the release PDF by pdf.js): no `ZQ…` word (withheld) in release/ or pending/, every `UQ…`
 * word the case releases in release/.
 * - F4: a line holding only character references to blanks (`&nbsp;`, `&#160;`, `&emsp;`) or only
 *   characters that draw nothing (a Hangul filler, a word joiner) is a blank line: the unmarked
 *   paragraph under it is a portion of its own, not the (U) paragraph's text.
 * - F3: an HTML comment opened in the middle of a (U) paragraph's line (closed there or on a later
 *   line) is a portion of its own, unmarked (withheld in a classified document), not the (U) text.
 * - F5: a Markdown footnote definition or link reference definition right under a (U) line is a
 *   portion of its own (unmarked: withheld in a classified document), as after a blank line.
 * - F6: a mark written with HTML character references (`&#40;S&#41;`, `&lpar;S&rpar;`, `&#47;`) in
 *   an UNCLASSIFIED document is read as the mark it renders: never released as unmarked text.
 */
import { describe, expect, it } from 'vitest';
import { releaseOneText } from '../helpers/released-texts.js';

const memo = (body: string, banner = 'SECRET//NOFORN'): string =>
  `${banner}\n\nSUBJECT: (U) UQSUBJ plan\nDATE: 15 March 2012\n\n${body}\n\n(S//NF) ZQTAIL secret paragraph.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20400101\n\n${banner}\n`;

const words = (text: string, prefix: string): string[] => [...new Set(text.match(new RegExp(`\\b${prefix}[A-Za-z0-9]+\\b`, 'g')) ?? [])];

/** Releases `input` (as `name`) and checks every ZQ word withheld everywhere and the `released` UQ words in release/. */
async function expectReleased(input: string, released: readonly string[], name = 'doc.md'): Promise<void> {
  const files = new Map([...(await releaseOneText(input, { name }))].filter(([f]) => /^(?:release|pending)\/doc\./.test(f)));
  // A document that releases nothing may go to pending/ (a mark to review).
  if (released.length > 0) expect([...files.keys()].some((f) => f.startsWith('release/'))).toBe(true);
  else expect(files.size).toBeGreaterThan(0);
  for (const [file, text] of files) {
    for (const w of words(input, 'ZQ')) expect(text, `${file}: ${w}`).not.toContain(w);
    if (!file.startsWith('release/')) continue;
    for (const w of released) expect(text, `${file}: ${w}`).toContain(w);
  }
}

const twoLines = '(U) The visit UQ1 is on Tuesday and the delegation\nwill arrive at the airport in the morning UQ2.';

describe('probe 63a F4: a line of blanks written as character references is a blank line', () => {
  it.each([
    ['&nbsp;', '&nbsp;'],
    ['&#160;', '&#160;'],
    ['&#xA0;', '&#xA0;'],
    ['&emsp;', '&emsp;'],
    ['&#8203;', '&#8203;'],
    ['several', '&nbsp;&nbsp; &#160;&ensp;'],
    ['a Hangul filler', '\u3164'],
    ['Hangul fillers U+115F U+1160 U+FFA0', '\u115F\u1160\uFFA0'],
    ['a word joiner and a variation selector', '\u2060\uFE0F'],
    ['a soft hyphen by reference', '&shy;'],
  ])('%s', async (_name, blank) => {
    await expectReleased(memo(`${twoLines}\n${blank}\nThe minister ZQ1 is our source and will meet the officer.`), ['UQ1', 'UQ2', 'UQSUBJ']);
  });

  it('a reference to a letter is no blank', async () => {
    // `&#90;` is a Z: the line is text, read as the (U) paragraph's, as before.
    await expectReleased(memo(`${twoLines}\n&#85;Q3`), ['UQ1', 'UQ2']);
  });
});

describe('probe 63a F3: an HTML comment opened inside a (U) line is not the (U) text', () => {
  it.each([
    ['closed on the next line', '(U) The visit UQ1 is on Tuesday. <!-- reviewer:\nZQ1 the minister is our source, keep this out -->'],
    ['inline on one line', '(U) Para UQ1 text <!-- ZQ1 inline comment -->'],
    ['with a (U) after it', '(U) Hi UQ1 <!-- ZQ1 --> (U)'],
    ['in a wrapped line', '(U) The visit UQ1 is on Tuesday and the delegation\nwill arrive <!-- ZQ1 our source --> in the morning.'],
    ['right after the mark', '(U) <!-- ZQ1 our source --> UQ1'],
    ['after a mid-line mark', '(S//NF) ZQ2 secret. (U) Public UQ1. <!-- ZQ1 source -->'],
  ])('%s', async (_name, para) => {
    // A (U) ending the line after the comment is a mark the reader cannot tie to its text (stop 69,
    // probe 69a F1): the comment's line is held for review, the document pending, ZQ1 still withheld.
    const released = para.startsWith('(U) <!--') || para.endsWith('--> (U)') ? [] : ['UQ1'];
    await expectReleased(memo(para), released);
  });
});

describe('probe 63a F5: a footnote or link reference definition under a (U) line is its own portion', () => {
  it.each([
    ['a footnote definition', '(U) The visit UQ1 is on Tuesday[^1].\n[^1]: ZQ1 per the minister, our source.'],
    ['a footnote definition with a long label', '(U) The visit UQ1 is on Tuesday[^src].\n[^src]: ZQ1 per the minister.\n    ZQ2 indented more of it.'],
    ['a link reference definition with a title', '(U) See the file UQ1 [here][f].\n[f]: http://intranet/ZQ1-source-file "ZQ2 source file"'],
    ['a link reference definition in angle brackets', '(U) See the file UQ1 [here][f].\n[f]: <http://intranet/ZQ1> (ZQ2 title)'],
    ['two definitions', '(U) See UQ1 [a][a] and [b][b].\n[a]: http://x/ZQ1\n[b]: http://x/ZQ2'],
  ])('%s', async (_name, para) => {
    await expectReleased(memo(para), ['UQ1']);
  });

  it('a marked footnote definition opens a portion by its mark', async () => {
    await expectReleased(memo('(U) The visit UQ1 is on Tuesday[^1].\n[^1]: (U) UQ2 per the press.'), ['UQ1', 'UQ2']);
  });
});

describe('probe 63a F6: a mark written with character references is read as the mark', () => {
  it.each([
    ['&#40;S&#41;', '&#40;S&#41;'],
    ['&lpar;S&rpar;', '&lpar;S&rpar;'],
    ['&#x28;S&#x29;', '&#x28;S&#x29;'],
    ['(S&#47;&#47;NF)', '(S&#47;&#47;NF)'],
    ['&#40;S&sol;&sol;NF&#41;', '&#40;S&sol;&sol;NF&#41;'],
    ['(S&#x2F;&#x2F;NF)', '(S&#x2F;&#x2F;NF)'],
  ])('%s opening a paragraph', async (_name, mark) => {
    const doc = memo(`(U) Public paragraph UQ1 here.\n\n${mark} The source ZQ1 reported the plan in detail.\n\n(U) Another public UQ2.`, 'UNCLASSIFIED').replace(/\n\(S\/\/NF\) ZQTAIL[^\n]*\n\nClassified By[^]*?20400101\n/, '');
    await expectReleased(doc, []);
  });

  it('a reference to a parenthesis around text that is no mark stays as written', async () => {
    const files = await releaseOneText(memo('(U) The plan &#40;see UQ2&#41; is public UQ1.'), { name: 'doc.md' });
    expect(files.get('release/doc.md.txt')).toContain('&#40;see UQ2&#41;');
  });
});

/** The repro of probe 63a F9: Markdown blocks right under (U) lines. */
const MARKDOWN_MIX = [
  '**SECRET//NOFORN**',
  '',
  '# (U) Quarterly Review UQ1',
  '',
  '(U) The review covers UQ2 the quarter.',
  '```',
  'ZQ1 unmarked code line after a U paragraph',
  '```',
  '',
  '(U) Steps to reproduce UQ3:',
  '',
  '```text',
  '(U) UQ4 code line marked',
  'ZQ2 second code line unmarked',
  '```',
  '',
  '(U) Paragraph UQ6 under setext.',
  'ZQ5 Setext under para',
  '---------------------',
  '',
  '(U) Last paragraph UQ7.',
  '',
  'Classified By: J. Smith',
  'Reason: 1.4(c)',
  'Declassify On: 20401231',
  '',
  '**SECRET//NOFORN**',
  '',
].join('\n');

describe('probe 63a F9: a fenced code block or setext heading under a (U) line is its own portion', () => {
  it('no ZQ word released; the release keeps its fences balanced', async () => {
    await expectReleased(MARKDOWN_MIX, ['UQ1', 'UQ2', 'UQ3', 'UQ6', 'UQ7']);
    const files = await releaseOneText(MARKDOWN_MIX, { name: 'doc.md' });
    const text = files.get('release/doc.md.txt')!;
    expect(text).toBeDefined();
    // Every fence withheld whole: no fence left open to swallow the rest of the rendered release.
    expect((text.match(/^(?:```|~~~)/gm) ?? []).length % 2).toBe(0);
    expect(text).toContain('UQ7');
  });
});

describe('probe 63a F10: a Markdown memo that quotes a cable E.O. line is read as a document', () => {
  it('read by the document reader: its ATX banner read, its (U) text released, nothing pending', async () => {
    const md = '# SECRET//NOFORN\n\n**MEMORANDUM FOR:** Director\n**FROM:** Chief, Division\n**SUBJECT:** (U) Markdown header UQS\n**DATE:** 15 March 2012\n\n(U) Public paragraph UQA here.\n\n(U) The cable said: E.O. 12958: DECL: 20100101 UQB.\n\n(S//NF) The source ZQ3 reported the plan.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20401231\n\n# SECRET//NOFORN\n';
    const quoted = md.replace('(U) The cable said: E.O. 12958: DECL: 20100101 UQB.', 'E.O. 12958: DECL: 20100101\n(U) Text UQB under it.');
    for (const input of [md, quoted]) {
      await expectReleased(input, ['UQA', 'UQB']);
      const files = await releaseOneText(input, { name: 'doc.md' });
      expect([...files.keys()].some((f) => f.startsWith('pending/'))).toBe(false);
    }
  });
});
