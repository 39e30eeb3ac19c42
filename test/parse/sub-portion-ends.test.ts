/**
 * Where a sub-portion inside a cable paragraph ends (probe 8, F2, F3, F6):
 * - an unmarked bullet or list item after a `(U)` one inside a `(C)` paragraph was read as the
 *   (U) item's text and released; it is an item of its own and takes the paragraph's mark (under
 *   an unmarked paragraph it is unmarked, so withheld in a classified cable);
 * - a `(U)` wrapped to a line start in the middle of a sentence opened a (U) sub-portion that
 *   released the rest of the (C) paragraph; it is the sentence's text;
 * - a list label `(c)` wrapped to a line start after `(a)`, `(b)` was read as CONFIDENTIAL, and B1
 *   cited on a (U) paragraph;
 * Each case is checked word by word in the release under the public profile.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { cable, invariantProblems } from './helpers.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

function release(text: string): string {
  return planRelease(parseCable(text), PUBLIC, { asOf: '2010-12-01', stem: 'TEST' }).releaseText;
}

/** `[id, level or markingSource]` of each body portion. */
function portions(text: string): [string, string][] {
  return parseCable(text).portions.filter((p) => p.id !== 'subject').map((p) => [p.id, p.marking ? p.marking.level : p.markingSource]);
}

describe('an unmarked item after a lower-marked one inside a paragraph takes the paragraph mark', () => {
  it.each([
    ['bullets', '1. (C) Post should deliver the following points:\n-- (U) The United States welcomes the talks.\n-- LEAKA We know from a sensitive source.'],
    ['a lettered item after a (U) one on the paragraph line', '1. (C) A. (U) The first item is public.\nB. LEAKA the second item names the source.'],
    ['talking points in BEGIN TEXT', '1. (S) Deliver:\n\nBEGIN TEXT:\n-- (U) The United States welcomes the talks.\n-- LEAKA Iran will walk out.\n-- LEAKB The Chancellery agreed.\nEND TEXT.'],
    ['a bullet under an indented (U) line', '1. (C) Parent\n\n   (U) indented public.\n   -- LEAKA bullet under it'],
    ['a new sentence on a line the author broke after a one-line (U) point', '3. (S) Points:\n   (U) Public framing.\n   LEAKA the real message follows on the next line\n   and continues.'],
    // Under an unmarked paragraph the item is unmarked text of a classified cable (fail closed).
    ['a bullet after a (U) one under an unmarked paragraph', '2. The following points were raised:\n-- (U) Public point one.\n-- LEAKA unmarked point two.'],
    ['a lettered item after a (U) one under an unmarked paragraph', '2. Points:\nA. (U) Public point one.\nB. LEAKA unmarked point two.'],
  ])('%s: the unmarked item is withheld', (_, body) => {
    const out = release(cable(body));
    expect(out).not.toMatch(/LEAK[AB]/);
  });

  it.each([
    ['a (U) item in a (U) paragraph', '1. (U) Points:\n-- (U) The first point.\n-- KEEPA The second point.', true],
    ['an (S) item in a (C) paragraph stays with the (S) item', '1. (C) Points:\n-- (S) The first point.\n-- HIDEA The second point.', false],
    ['a (U) item wrapped at a sentence end goes on', '1. (C) Points:\n-- (U) The United States welcomes the talks held in Geneva last week.\nKEEPA They were long overdue and will be resumed in the spring.', true],
  ])('%s', (_, body, shown) => {
    expect(release(cable(body)).includes(body.includes('KEEPA') ? 'KEEPA' : 'HIDEA')).toBe(shown);
  });

  it('an unmarked item after a (C) one in a (C//NF) paragraph is NOFORN with the paragraph', () => {
    const doc = parseCable(cable('1. (C//NF) Points:\n-- (C) The first point.\n-- The second point.'));
    expect(doc.portions.find((p) => p.id === 'p1.m2')?.marking?.controls).toContain('NOFORN');
  });

  it('the (U) item itself is still released, the unmarked one is an item of the paragraph', () => {
    const text = cable('1. (C) Post should deliver the following points:\n-- (U) The United States welcomes the talks.\n-- LEAKA We know.');
    expect(portions(text)).toEqual([
      ['p1', 'C'],
      ['p1.m1', 'U'],
      ['p1.m2', 'C'],
    ]);
    expect(release(text)).toContain('The United States welcomes the talks.');
  });
});

describe('a (U) wrapped to a line start in the middle of a sentence is text', () => {
  it.each([
    '1. (C) Embassy notes that the press guidance, marked\n(U), does not mention LEAKA the private offer.',
    '1. (C) THE TALKING POINTS, WHICH ARE\n(U) AND MAY BE SHARED, SAID LEAKA THE REST.',
    "1. (C) the Ambassador's paragraph 3\n(U) was LEAKA the rest of the classified text.",
    '1. (C) He noted that\n(U) LEAKA the rest of the classified text.',
  ])('%j: withheld with its paragraph', (body) => {
    const text = cable(body);
    expect(portions(text)).toEqual([['p1', 'C']]);
    expect(release(text)).not.toContain('LEAKA');
  });

  it.each([
    ['after a sentence end', '1. (C) Secret text.\n(U) KEEPA The public part.', [['p1', 'C'], ['p1.m1', 'U']]],
    ['a higher mark mid-sentence still opens a portion', '1. (U) He noted that\n(C) HIDEA the rest.', [['p1', 'U'], ['p1.m1', 'C']]],
  ])('%s', (_, body, expected) => {
    expect(portions(cable(body))).toEqual(expected);
  });
});

describe('a list label (c) wrapped to a line start is no mark', () => {
  it.each([
    ['lower case', '1. (U) The minister listed four conditions: (a) withdrawal, (b) elections,\n(c) amnesty, and (d) talks on the KEEPA border.'],
    ['upper case', '1. (U) The minister listed four conditions: (A) withdrawal, (B) elections,\n(C) amnesty, and (D) talks on the KEEPA border.'],
  ])('%s: one (U) paragraph, released whole, no B1 on it', (_, body) => {
    const text = cable(`${body}\n\n2. (C) Secret HIDEZ.`, { subject: 'SUBJECT: (U) OSLO PROCESS' });
    expect(portions(text)).toEqual([
      ['p1', 'U'],
      ['p2', 'C'],
    ]);
    const out = release(text);
    expect(out).toContain(body.split('\n')[1]);
    expect(out.match(/WITHHELD/g)).toHaveLength(1);
  });

  it('after a sentence end it is still a mark (fail closed)', () => {
    expect(portions(cable('1. (U) Conditions: (a) withdrawal; (b) elections.\n(C) HIDEA the source said.'))).toEqual([
      ['p1', 'U'],
      ['p1.m1', 'C'],
    ]);
  });
});

// `-- A. (C) …` / `-- B. (U) …` (probe 60b F5): A's portion, opened at its mark inside the line, ran
// over the line break and B's label up to B's mark; the release read `-- A. [WITHHELD: …] (U) …` on
// one line and the review labelled B's line both withheld and released. The label goes with the
// portion its line opens.
describe('a list label after a portion opened at a mark inside its line', () => {
  it.each([
    ['-- B. (U) KEEPB the second item.', '-- B. (U) KEEPB the second item.'],
    ['* 2. (U) KEEPB the second item.', '* 2. (U) KEEPB the second item.'],
    ['-- B. (S) HIDEB the second item.', null],
  ])('%s', (second, released) => {
    const text = cable(`7. (U) KEEPP parent paragraph with items:\n\n-- A. (C) HIDEA the first item.\n${second}\n`);
    const doc = parseCable(text);
    expect(invariantProblems(doc)).toEqual([]);
    const a = doc.portions.find((p) => p.id === 'p7.m1')!;
    expect(text.slice(a.span.start, a.span.end)).toBe('(C) HIDEA the first item.');
    const b = doc.portions.find((p) => p.id === 'p7.m2')!;
    expect(text.slice(b.span.start, b.span.end)).toBe(second);
    const out = release(text);
    expect(out).not.toMatch(/HIDE[AB]/);
    expect(out).toContain('\n-- A. [WITHHELD');
    if (released) expect(out).toContain(`\n${released}\n`);
  });
});
