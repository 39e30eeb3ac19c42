/**
 * A mark after a short run-in heading that follows the paragraph's number (probe 56d, R1): `2.
 * Assessment (U). The program is on schedule …` was read as an unmarked paragraph, withheld under
 * B1 (a claim that is not true of a (U) paragraph) with an unmarked-portion warning. The mark there
 * is the paragraph's; the heading is text of the portion the mark opens (withheld with it when it
 * is classified). A mark later in a sentence, or one the text runs on from without a stop, is not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPortion } from '../../src/markings/index.js';
import { readDocument } from '../../src/parse/read.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const memo = (para: string) =>
  `SECRET//NOFORN\n\nSUBJECT: (U) Program review\n\n1. (S//NF) The relay ZQNFRELAY is run by the service.\n\n${para}\n\nClassified By: J. Smith\nDerived From: Multiple Sources\nDeclassify On: 20500101\n\nSECRET//NOFORN\n`;

const read = (para: string) => {
  const text = memo(para);
  const doc = readDocument(text, { format: 'document' }).doc;
  const p2 = doc.portions.find((p) => p.id === 'p2')!;
  const plan = planRelease(doc, PUBLIC, { asOf: '2026-12-01', stem: 'T' });
  return { text, doc, p2, plan };
};

describe('a mark after a run-in heading', () => {
  /** [paragraph, its mark, released] */
  const READ: ReadonlyArray<readonly [string, string, boolean]> = [
    ['2. Assessment (U). The program is on schedule and within budget.', '(U)', true],
    ['2. Assessment (U): The program is on schedule and within budget.', '(U)', true],
    ['2. Program Status (U) - The program is on schedule and within budget.', '(U)', true],
    ['2. Status of the Program (U). The program is on schedule and within budget.', '(U)', true],
    ['2. ZQHEADING Picture (S//NF): The relay ZQBODY moved north.', '(S//NF)', false],
    ['2) Assessment (C). The relay ZQBODY moved north.', '(C)', false],
  ];
  it.each(READ)('%s: the paragraph is marked %s', (para, mark, released) => {
    const { text, doc, p2, plan } = read(para);
    expect(p2.markingSource).toBe('marked');
    expect(p2.marking ? formatPortion(p2.marking) : null).toBe(mark);
    // The heading is text of the portion.
    expect(p2.span.start).toBeLessThanOrEqual(text.indexOf(para) + 3);
    expect(doc.diagnostics.map((d) => d.code)).not.toContain('unmarked-portion');
    const body = para.slice(para.indexOf(mark) + mark.length + 2).trim();
    if (released) expect(plan.releaseText).toContain(para);
    else {
      expect(plan.releaseText).not.toContain('ZQHEADING');
      expect(plan.releaseText).not.toContain(body);
    }
    expect(plan.releaseText).not.toContain('ZQNFRELAY');
  });

  it.each([
    '2. The (U) version was ZQLATER sent to the service.',
    '2. Assessment (U) ZQNOSTOP the program is on schedule.',
    '2. The minister said that the (U). ZQSENTENCE text follows.',
    '2. Our Assessment of the Regional Security Picture (U). ZQLONG text follows.',
    'Assessment (U). ZQNONUMBER the program is on schedule.',
  ])('%s: no mark of the paragraph (fail closed: withheld, reported)', (para) => {
    const { p2, plan } = read(para);
    expect(p2.markingSource).toBe('unmarked');
    expect(p2.marking).toBeNull();
    expect(plan.releaseText).not.toMatch(/ZQ(?:LATER|NOSTOP|SENTENCE|LONG|NONUMBER)/);
  });
});
