/**
 * Probe 63a F9 (the text reader): Markdown structure that the author wrote as a block of its own,
 * read as the (U) paragraph's continuation and released with it.
 * - A fenced code block (```` ``` ```` or `~~~`, with or without an info string) right under a (U)
 *   line, or whose first line is `(U) …`: its lines are literal, not a wrapped sentence. The block,
 *   fences included, is one portion: marked when every inside line opens with a mark, else
 *   unmarked (withheld in a classified document); a mark above plain (U) in it leaves it a mark
 *   not understood. Withheld, it goes whole, fences included, so the release stays balanced.
 * - A line right above a setext heading's underline (`=====`, `-----`) under a (U) line: a heading,
 *   a portion of its own unless it carries the mark.
 * - Kept as CommonMark reads them (continuation, not a new block): a lazily continued list item,
 *   and an indented line under a lead-in that ends no sentence (an indented code block cannot
 *   interrupt a paragraph).
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/parse/read.js';
import { decideWord } from '../../helpers/decide-word.js';

const AUTHORITY = 'Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20401231';
const memo = (block: string, banner = 'SECRET//NOFORN') => `${banner}\n\nSUBJECT: (U) UQSUBJ plan\nDATE: 15 March 2012\n\n(S//NF) ZQSECRET paragraph.\n\n${block}\n\n(U) End UQEND of the memo.\n\n${AUTHORITY}\n\n${banner}\n`;

describe('a fenced code block is a portion of its own, fences included', () => {
  it.each([
    ['a bare fence right under a (U) line', '(U) The review covers UQ3 the quarter.\n```\nZQ1 unmarked code line\n```'],
    ['a fence with an info string under a (U) line', '(U) Steps UQ3:\n```text\nZQ1 code line\n```'],
    ['a tilde fence under a (U) line', '(U) Steps UQ3:\n~~~\nZQ1 code line\n~~~'],
    ['a (U) first line inside the fence, an unmarked second', '(U) Steps UQ3:\n\n```text\n(U) UQ4 code line marked\nZQ1 second code line unmarked\n```'],
    ['a longer closing fence, a blank line inside', '(U) Steps UQ3:\n````\n(U) UQ4 line\n\nZQ1 after the blank\n``````'],
    ['header-like and rule-like lines inside', '(U) Steps UQ3:\n```\nDATE: 15 March 2012\n---\nZQ1 text\n```'],
  ])('%s: the block is withheld whole, the (U) line kept apart', (_name, block) => {
    const text = memo(block);
    const d = decideWord(text, 'ZQ1');
    expect(d.action).toBe('withhold');
    expect(d.portion.markingSource).toBe('unmarked');
    // Fences included: the portion runs from the opening fence to the closing one.
    const open = text.indexOf(block.includes('~~~') ? '~~~' : '```');
    expect(d.portion.span.start).toBe(open);
    expect(text.slice(d.portion.span.end - 3, d.portion.span.end)).toMatch(/^(?:```|~~~)$/);
    expect(decideWord(text, 'UQ3').action).toBe('release');
    expect(decideWord(text, 'UQ3').text).not.toMatch(/```|~~~/);
  });

  it.each([
    ['every line marked (U)', '```\n(U) UQ5 first line\n(U) UQ6 second line\n```', 'UQ6', 'release', 'marked'],
    ['every line marked, one (S//NF)', '```\n(U) UQ5 first line\n(S//NF) ZQ1 second line\n```', 'ZQ1', 'withhold', 'marked'],
    ['the first line (S), the second unmarked', '```\n(S) ZQ1 first line\nZQ2 second line\n```', 'ZQ2', 'withhold', 'unknown'],
    ['an unmarked block with a mark inside a line', '```\nvalue = "(TS) ZQ1"\n```', 'ZQ1', 'withhold', 'unknown'],
  ])('%s', (_name, block, word, action, source) => {
    const d = decideWord(memo(block), word);
    expect(d.action).toBe(action);
    expect(d.portion.markingSource).toBe(source);
  });

  it('in an UNCLASSIFIED memo, an unmarked block is unclassified text, a (S) line inside is not', () => {
    const plain = `UNCLASSIFIED\n\nSUBJECT: (U) UQSUBJ plan\n\n(U) Steps UQ3:\n\n\`\`\`\nUQ7 plain code\n\`\`\`\n\nUNCLASSIFIED\n`;
    expect(decideWord(plain, 'UQ7').action).toBe('release');
    const marked = plain.replace('UQ7 plain code', '(S) ZQ1 secret code\nZQ2 unmarked code');
    expect(decideWord(marked, 'ZQ1').action).toBe('withhold');
    expect(decideWord(marked, 'ZQ2').action).toBe('withhold');
  });

  it('an opening fence with no closing fence before the authority block runs to its paragraph\'s end only', () => {
    const text = memo('(U) Steps UQ3:\n```\nZQ1 code line');
    expect(decideWord(text, 'ZQ1').action).toBe('withhold');
    expect(decideWord(text, 'UQEND').action).toBe('release');
    const { doc } = readDocument(text, { format: 'document' });
    expect(doc.authority).not.toBeNull();
  });

  it('text after the closing fence is a portion of its own', () => {
    const text = memo('```\n(U) UQ5 line\n```\nZQ1 right under the fence');
    expect(decideWord(text, 'UQ5').action).toBe('release');
    expect(decideWord(text, 'ZQ1').action).toBe('withhold');
  });
});

describe('a setext heading under a (U) line is a portion of its own', () => {
  it.each([
    ['an = underline', '(U) Paragraph UQ6 under setext.\nZQ1 Setext title\n================'],
    ['a - underline', '(U) Paragraph UQ6 under setext.\nZQ1 Setext title\n----------------'],
    ['a short underline', '(U) Paragraph UQ6 under setext.\nZQ1 Setext title\n==='],
  ])('%s: withheld as unmarked', (_name, block) => {
    const text = memo(block);
    const d = decideWord(text, 'ZQ1');
    expect(d.action).toBe('withhold');
    expect(d.portion.markingSource).toBe('unmarked');
    expect(decideWord(text, 'UQ6').action).toBe('release');
  });

  it('two dashes are no underline (a list dash out of a PDF), and a page break stops it', () => {
    expect(decideWord(memo('(U) Paragraph UQ6 goes on\nUQ7 on the next line.\n--\n(U) More.'), 'UQ7').action).toBe('release');
    expect(decideWord(memo('(U) Paragraph UQ6 goes on\f\nUQ7 on the next page.\n---\n(U) More.'), 'UQ7').action).toBe('release');
  });

  it('a marked heading line keeps its mark', () => {
    const text = memo('(U) Paragraph UQ6 under setext.\n(U) UQ7 Setext title\n================');
    expect(decideWord(text, 'UQ7').action).toBe('release');
  });
});

describe('kept as CommonMark reads them: continuation lines', () => {
  it.each([
    ['a lazily continued list item, indented', '- (U) Item UQ8\n    continued UQ9 lazily'],
    ['a lazily continued list item, unindented', '- (U) Item UQ8\ncontinued UQ9 lazily'],
    ['an indented line under a lead-in that ends no sentence', '(U) Lead-in UQ8\n    UQ9 indented line'],
  ])('%s: the (U) text', (_name, block) => {
    expect(decideWord(memo(block), 'UQ9').action).toBe('release');
  });
});

describe('probe 64d: fences with no closer, fenced authority, whole setext headings', () => {
  it.each([
    ['an opener with an info string and no closer', '(U) UQ3 paragraph above\n```python\nZQ1 code'],
    ['a closer with text after it', '```\n(U) UQ4 first\nZQ1 second\n ``` x'],
    ['an opener-looking closer', '```\n(U) UQ4 line\n``` ZQ1 text after close'],
    ['an info-string opener alone under a (U) line', '(U) UQ3 paragraph above\n```ZQ1'],
    ['two heading lines over a dashed underline', '(U) UQ3 paragraph\nZQ1 line two\nZQ2 heading\n---'],
    ['two heading lines over an = underline', '(U) UQ3 paragraph\nZQ1 line two\nZQ2 heading\n==='],
  ])('%s: ZQ withheld', (_name, block) => {
    const text = memo(block);
    expect(decideWord(text, 'ZQ1').action).toBe('withhold');
    if (text.includes('ZQ2')) expect(decideWord(text, 'ZQ2').portion.span).toEqual(decideWord(text, 'ZQ1').portion.span);
    if (text.includes('UQ3')) expect(decideWord(text, 'UQ3').action).toBe('release');
  });

  it.each([
    ['a dashed rule', '(U) UQ3 the meeting ended at noon and\nUQ4 everyone left for lunch.\n----------'],
    ['an = rule', '(U) UQ3 the meeting ended at noon and\nUQ4 everyone left for lunch.\n=========='],
  ])('%s under the (U) paragraph\'s own wrapped sentence keeps it whole', (_name, block) => {
    expect(decideWord(memo(block), 'UQ4').action).toBe('release');
  });

  it.each([
    ['a Declassify On line', '```\n(U) UQ4 first\nDeclassify On: 20100101\n```'],
    ['a whole authority block', '```\n(U) UQ4 template\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20100101\n```'],
  ])('%s inside a fence is not the document\'s', (_name, block) => {
    const { doc } = readDocument(`SECRET//NOFORN\n\n(S//NF) ZQBODY secret.\n\n${block}\n\n(U) UQTAIL end.\n\nSECRET//NOFORN\n`, { format: 'document' });
    expect(JSON.stringify(doc.authority ?? null)).not.toContain('2010');
  });

  it.each(['(u) UQ5 lower', '(UNCLASSIFIED) UQ5 written out'])('a later fenced line marked %j keeps its note', (line) => {
    const { doc } = readDocument(memo(`\`\`\`\n(U) UQ4 a\n${line}\n\`\`\``), { format: 'document' });
    const at = doc.source.indexOf(line);
    expect(doc.diagnostics.some((g) => g.code === 'marking-normalised' && g.span?.start === at)).toBe(true);
  });
});
