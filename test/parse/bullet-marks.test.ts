/**
 * A portion mark after a bullet: the glyphs word processors use for list items (`■`, `➢`, `◦`),
 * the private-use codes Symbol and Wingdings bullets become in text (U+F0B7), a letter `o` or a
 * `§` standing for one, and a bullet after a paragraph number (`1. o (S) …`). Each was read as
 * unmarked text, so in an UNCLASSIFIED document the SECRET item was released. Checked through
 * both readers (cable and marked document) with the public profile, word by word in the release.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { parseMarkedDocument } from '../../src/parse/document/index.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';

const publicProfile = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const ITEMS = [
  'o (S) zulu1 secret item.',
  '   o (S) zulu1 secret item.',
  '■ (S) zulu1 secret item.',
  '➢ (S) zulu1 secret item.',
  '◦ (S) zulu1 secret item.',
  '\uf0b7 (S) zulu1 secret item.',
  '§ (S) zulu1 secret item.',
];

const cable = (item: string) =>
  `UNCLASSIFIED\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: STATUS\n\n1. (U) This paragraph is unclassified and may be released.\n\n${item}\n\nUNCLASSIFIED\n`;
const memo = (item: string) => `UNCLASSIFIED\n\nSUBJECT: (U) Status\n\n1. (U) This paragraph is unclassified and may be released.\n\n${item}\n\nUNCLASSIFIED\n`;

function released(text: string, read: typeof parseCable): string {
  return planRelease(read(text), publicProfile, { asOf: '2026-11-26', stem: 'TEST' }).releaseText;
}

/** The portion of `src` (read by `read`) that holds `word`. */
function portionWith(src: string, word: string, read: typeof parseCable) {
  return read(src).portions.find((p) => src.slice(p.span.start, p.span.end).includes(word))!;
}

/** The SECRET item (`zulu1`) is withheld and the (U) paragraph released. */
function expectItemWithheld(src: string, read: typeof parseCable): void {
  const text = released(src, read);
  expect(text).not.toContain('zulu1');
  expect(text).toContain('may be released');
}

describe('a mark after a bullet opens a portion', () => {
  it.each(ITEMS)('cable, %j: the item is withheld, the (U) paragraph released', (item) => expectItemWithheld(cable(item), parseCable));

  it.each(ITEMS)('marked document, %j: the item is withheld, the (U) paragraph released', (item) => expectItemWithheld(memo(item), parseMarkedDocument));

  it.each(['2. o (S) zulu1 secret item.', '2. -- (S) zulu1 secret item.'])('cable, a bullet after the paragraph number, %j: withheld', (item) => expectItemWithheld(cable(item), parseCable));

  it('a § or o that is not followed by a mark is text, not a bullet', () => {
    const text = released(memo('(U) Under § 2001.12 of the order, and\no the letter, all is text.'), parseMarkedDocument);
    expect(text).toContain('(U) Under § 2001.12 of the order, and\no the letter, all is text.');
  });
});

describe('marked document: text with no mark of its own that holds one above (U)', () => {
  it.each(['1 - (S) zulu1 secret item.', '- [ ] (S) zulu1 secret item.'])(
    '%j: withheld as a mark not understood, the (U) paragraph released',
    (item) => {
      expect(portionWith(memo(item), 'zulu1', parseMarkedDocument).markingSource).toBe('unknown');
      expectItemWithheld(memo(item), parseMarkedDocument);
    },
  );

  it("a bracketed footnote number before a mark is the footnote's label, as in a cable: marked by it, and withheld", () => {
    const item = '[1] (S) zulu1 secret item.';
    const held = portionWith(memo(item), 'zulu1', parseMarkedDocument);
    expect([held.markingSource, held.marking?.level]).toEqual(['marked', 'S']);
    expectItemWithheld(memo(item), parseMarkedDocument);
  });

  // A letter in parentheses before a mark is a list item's label (a DoD memo's subparagraphs).
  it.each([
    ['(a) (S) zulu1 secret item.', 'S'],
    ['(a) (U//FOUO) zulu1 item.', 'U'],
  ])('%j: the label a, the item marked by its mark, and withheld', (item, level) => {
    const held = portionWith(memo(item), 'zulu1', parseMarkedDocument);
    expect([held.markingSource, held.marking?.level, held.number]).toEqual(['marked', level, 'a']);
    expectItemWithheld(memo(item), parseMarkedDocument);
  });

  it('a plain (U) inside unmarked text leaves it unmarked (released in an unclassified memo)', () => {
    const text = released(memo('(a) (U) zulu1 plain item.'), parseMarkedDocument);
    expect(text).toContain('(a) (U) zulu1 plain item.');
  });
});

describe('cable: a mark after a short prefix the grouping does not know', () => {
  it.each(['1.1 (S) zulu1 secret item.', 'A.1 (S) zulu1 secret item.', '[1] (S) zulu1 secret item.', '> > (S) zulu1 secret item.', '1 - (S) zulu1 secret item.', '- [ ] (S) zulu1 secret item.', '**(S)** zulu1 secret item.', 'II  (SBU) zulu1 heading'])(
    '%j: the portion is marked by it, and withheld',
    (item) => {
      const held = portionWith(cable(item), 'zulu1', parseCable);
      expect(held.markingSource).toBe('marked');
      expect(held.mark?.raw).toMatch(/^\((?:S|SBU)\)$/);
      expectItemWithheld(cable(item), parseCable);
    },
  );

  it('on a later line of unmarked text: a mark not understood (which words it covers is not known)', () => {
    const src = cable('Unmarked opening words zulu0 of the text\n1.1 (S) zulu1 secret item.');
    expect(portionWith(src, 'zulu1', parseCable).markingSource).toBe('unknown');
    expect(released(src, parseCable)).not.toContain('zulu1');
  });

  it('a parenthesis glued to a number, an abbreviation further into a line, and a plain (U) are not marks', () => {
    for (const body of ['2. (U) Visa holders with INA Section 2(C)(1) and\n2(C)(2) ineligibilities zulu2.', '2. (U) The National Crime Squad (NR) and zulu2 police.', 'Unmarked text zulu2\n1.1 (U) plain item.']) {
      const p = portionWith(cable(body), 'zulu2', parseCable);
      expect(p.markingSource === 'marked' ? p.marking?.level : p.markingSource).toMatch(/^(?:U|unmarked)$/);
    }
  });
});

describe('cable: a mark at the end of the subject', () => {
  const withSubject = (subject: string) => `UNCLASSIFIED\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: ${subject}\n\n1. (U) This paragraph is unclassified and may be released.\n\nUNCLASSIFIED\n`;
  it.each(['THE ZULU1 PROGRAM SITE (S)', 'THE ZULU1 PROGRAM SITE (C//NF)', 'the zulu1 program site (s)'])('%j: the subject is marked by it, and withheld', (subject) => {
    const src = withSubject(subject);
    expect(parseCable(src).portions.find((p) => p.kind === 'subject')).toMatchObject({ markingSource: 'marked' });
    expect(released(src, parseCable)).not.toMatch(/zulu1/i);
    expect(released(src, parseCable)).toContain('may be released');
  });
  it('a plain (U), or a parenthesis glued to a word, at the end leaves it as it was', () => {
    for (const subject of ['THE ZULU1 PROGRAM SITE (U)', 'NOMINEE(S) FOR ZULU1']) expect(released(withSubject(subject), parseCable)).toMatch(/ZULU1/);
  });
});

describe('cable: a mark at the end of a paragraph, or inside one', () => {
  it.each(['2. The zulu1 site is at the old airfield (S).', '2. Title of zulu1 section (S//NF)'])('%j: the paragraph ends with its mark, and is withheld', (item) => {
    expect(portionWith(cable(item), 'zulu1', parseCable).markingSource).toBe('marked');
    expectItemWithheld(cable(item), parseCable);
  });

  it('a higher mark inside a (U) paragraph raises it: withheld', () => {
    const src = cable('2. (U) Released zulu1 text (S) and secret words.');
    expect(portionWith(src, 'zulu1', parseCable).marking?.level).toBe('S');
    expectItemWithheld(src, parseCable);
  });

  it('a list label, or a control alone (an abbreviation), does not raise it', () => {
    for (const body of ['2. (U) Three items zulu2: (A) one, (B) two, and (C) three.', '2. (U) The Sustainable Economy Law (LES) zulu2 passed.']) {
      expect(portionWith(cable(body), 'zulu2', parseCable).marking).toMatchObject({ level: 'U', controls: [] });
      expect(released(cable(body), parseCable)).toContain('zulu2');
    }
  });
});
