/**
 * Marks and classification lines read as Markdown renders them (probe 66c F3, F4): character
 * references of any letter or invisible character, inline HTML tags and comments, and emphasis
 * markers inside a mark or a classification line. Folding keeps every offset (same length) and
 * leaves prose in emphasis as written.
 */
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/parse/index.js';
import { foldRenderedMarks, renderInline } from '../../src/parse/rendered-marks.js';

/** Each spelling of probe 66c F3 (and 63a F6) and the mark it renders. */
export const MARKS: readonly (readonly [string, string])[] = [
  ['(&#83;)', 'S'],
  ['(&#x53;)', 'S'],
  ['(S<!-- x -->)', 'S'],
  ['(<span>S</span>)', 'S'],
  ['(<b>S</b>)', 'S'],
  ['(**S**)', 'S'],
  ['(*S*)', 'S'],
  ['(__S__)', 'S'],
  ['(~~S~~)', 'S'],
  ['(S&#8203;)', 'S'],
  ['(S&NoBreak;)', 'S'],
  ['(&Sfr;)', 'S'],
  ['(&#83;//NF)', 'S//NF'],
  ['(S&#8203;//NF)', 'S //NF'],
  ['(<b>S</b>//NF)', 'S//NF'],
  ['(&Tscr;&Sopf;//SI)', 'TS//SI'],
  ['&#40;S&#41;', 'S'],
  ['&lpar;S&rpar;', 'S'],
  ['(S&#47;&#47;NF)', 'S//NF'],
  ['(S&sol;&sol;NF)', 'S//NF'],
  ['&#40;&#67;&#41;', 'C'],
];

describe('foldRenderedMarks: marks', () => {
  it.each(MARKS)('%s reads as (%s), same length', (mark, read) => {
    const text = `(U) The officer said ${mark} the source was paid.`;
    const folded = foldRenderedMarks(text);
    expect(folded.marks).toBe(1);
    expect(folded.text).toHaveLength(text.length);
    const at = text.indexOf(mark);
    expect(folded.text.slice(at, at + mark.length).trimEnd()).toBe(`(${read})`);
  });

  it.each([
    '**Note:** the plan is public.',
    'As agreed (*see below*), the plan is public.',
    'The text says (<i>sic</i>) twice.',
    'A footnote (<sup>1</sup>) and a ratio (1&frasl;2).',
    'An emphasis (**very** important) stays.',
    'The plan &#40;see UQ2&#41; is public.',
    'An unpaired star (S*) renders its star.',
    'A name (snake_case) stays.',
    // A mathematical letter never makes a plain (U): it may raise a mark, not lower one.
    'A letter (&Uopf;) is no plain (U).',
    'plain (S//NF) needs nothing',
  ])('%s: unchanged', (text) => {
    expect(foldRenderedMarks(text)).toEqual({ text, marks: 0 });
  });

  // Probe 66d: markup never makes a plain (U); read as one, each released the classified text after it.
  it.each(['(<b>U</b>) ZQ text.', '(~~U~~) ZQ text.', '(<del>U</del>) ZQ text.', '(<s>U</s>) ZQ text.', '(**U) ZQ text.', '(U**) ZQ text.', '(__U) ZQ text.', '(U~~) ZQ text.', '(U <note (S) ZQ7 words>) text.', '(**U**) ZQ text.', '(&#85;) ZQ text.'])('%s: no plain (U), unchanged', (text) => {
    expect(foldRenderedMarks(text)).toEqual({ text, marks: 0 });
  });
  it('a raised mark in markup is still read: (~~S~~), (<b>C</b>)', () => {
    expect(foldRenderedMarks('(~~S~~) ZQ').text).toBe('(S)     ZQ');
    expect(foldRenderedMarks('(<b>C</b>) ZQ').text).toBe('(C)        ZQ');
  });
});

describe('foldRenderedMarks: classification lines', () => {
  it.each([
    ['S&#69;CRET', 'SECRET'],
    ['TOP S&#x45;CRET', 'TOP SECRET'],
    ['&#83;&#69;&#67;&#82;&#69;&#84;', 'SECRET'],
    ['SE<!-- -->CRET', 'SECRET'],
    ['SE**CRET**', 'SECRET'],
    ['# S&#69;CRET', '# SECRET'],
    ['&#83;ECRET//NOFORN', 'SECRET//NOFORN'],
  ])('%s reads as %s, same length', (line, read) => {
    const text = `${line}\n\nZQ1 text.`;
    const folded = foldRenderedMarks(text);
    expect(folded.marks).toBe(1);
    expect(folded.text).toHaveLength(text.length);
    expect(folded.text.split('\n')[0]!.trimEnd()).toBe(read);
  });

  it.each(['**SECRET**', '<b>SECRET</b>', '**Note:** see below', 'The *secret* plan', '&nbsp;', 'UNCLASSIFIED', 'UN**CLASSIFIED**', 'UN&#67;LASSIFIED'])('%s: unchanged (read as written, or no line)', (line) => {
    const text = `${line}\n\nText.`;
    expect(foldRenderedMarks(text)).toEqual({ text, marks: 0 });
  });
});

describe('renderInline', () => {
  it('decodes numeric, hex and named references, drops tags, comments and paired emphasis', () => {
    expect(renderInline('&#83;&#x45;&Cfr;<i>R</i><!-- c -->**E**~~T~~&amp;&unknown;')).toBe('SE\u212DRET&&unknown;');
    expect(renderInline('(S*)')).toBeNull();
    expect(renderInline('&#0;&#x110000;')).toBe('\ufffd\ufffd');
  });
});

describe('decodeInput', () => {
  it('warns mark-characters-read for a mark read as it renders', () => {
    const decoded = decodeInput(new TextEncoder().encode('# UNCLASSIFIED\n\n(**S**) ZQ1 text.\n\n# UNCLASSIFIED\n'));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.diagnostics.map((d) => d.code)).toContain('mark-characters-read');
    expect(decoded.text).toContain('(S)     ZQ1');
  });
});
