/**
 * Regression tests for the leak found on modern documents and cables: a portion mark after an
 * opening quote, an asterisk, a lead-in or a sentence end in the middle of a line, and unmarked
 * blocks after a (U) paragraph, were absorbed into the portion before them; when that portion was
 * (U) in a classified document, the absorbed text was released.
 *
 * Every case releases with the `public` profile as of a date before the DECL date and checks the
 * release text word by word for the withheld sentence (the secret words are unique to it), so the
 * test does not trust the parser's own portion boundaries.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { cable, invariantProblems } from './helpers.js';

const publicProfile = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

function release(body: string): { text: string; portions: { id: string; level: string | null; source: string; text: string }[] } {
  const src = cable(body);
  const doc = parseCable(src);
  expect(invariantProblems(doc)).toEqual([]);
  const { releaseText } = planRelease(doc, publicProfile, { asOf: '2010-12-01', stem: 'TEST' });
  return {
    text: releaseText,
    portions: doc.portions.map((p) => ({ id: p.id, level: p.marking?.level ?? null, source: p.markingSource, text: src.slice(p.span.start, p.span.end) })),
  };
}

/** The words that must not be released, and the words that must. */
const cases: { name: string; body: string; withheld: string[]; released: string[] }[] = [
  {
    name: 'a mark after an opening quote at the start of a line',
    body: '¶1. (U) The office received this note from Iraq:\n"(S) FORRELs zebra quokka are routine here, but\nthey matter a great deal to us."\n',
    withheld: ['zebra quokka', 'matter a great deal'],
    released: ['received this note'],
  },
  {
    name: 'a mark after a sentence end in the middle of a line',
    body: '¶1. (U) We met the minister today. (S) He said zebra quokka\nwould be moved at night.\n',
    withheld: ['zebra quokka', 'moved at night'],
    released: ['met the minister today'],
  },
  {
    name: 'a quoted mark in the middle of a line',
    body: '¶1. (U) The post wrote to the office. "(C) Zebra quokka\nfacilities are ready."\n',
    withheld: ['zebra quokka', 'facilities are ready'],
    released: ['post wrote to the office'],
  },
  {
    name: 'a mark after an asterisk',
    body: '¶1. (U) Briefings took place in May.\n*(C) Those briefed included zebra quokka.\n',
    withheld: ['zebra quokka'],
    released: ['briefings took place'],
  },
  {
    name: 'a mark after a one-word lead-in (Answer:)',
    body: '¶1. (U) Question: how large were the protests?\nAnswer: (C) Zebra quokka counted thousands.\n',
    withheld: ['zebra quokka counted'],
    released: ['how large were the protests'],
  },
  {
    name: 'an unmarked heading after a (U) paragraph',
    body: '¶1. (U) The visit went well.\n\n//BILATERAL ZEBRA QUOKKA//\n\n¶2. (C) Secret talks.\n',
    withheld: ['bilateral zebra quokka'],
    released: ['visit went well'],
  },
  {
    name: 'an unmarked title line between paragraphs',
    body: '¶1. (U) The visit went well.\n\nZebra Quokka Negotiations\n\n¶2. (C) Secret talks.\n',
    withheld: ['zebra quokka negotiations'],
    released: ['visit went well'],
  },
  {
    name: 'a website block and the signer after a (U) paragraph',
    body: '¶1. (U) We will report further.\n\nVisit Zebra Quokka\'s Classified Web Site at\nhttp://www.state.sgov.gov/p/eur/berlin\n\nTIMKEN\n',
    withheld: ['zebra quokka', 'classified web site'],
    released: ['we will report further'],
  },
  {
    name: 'a quotation block in several paragraphs under a (U) lead-in without a colon',
    body: '¶1. (U) The embassy sent the note below.\n\nThe zebra quokka agreement is ready.\n\nThe parties sign it tomorrow in secret.\n',
    withheld: ['zebra quokka agreement', 'sign it tomorrow'],
    released: ['sent the note below'],
  },
];

describe('marks and unmarked blocks are never absorbed into a (U) portion of a classified cable', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { text } = release(c.body);
      const flat = text.toLowerCase().replace(/\s+/g, ' ');
      for (const w of c.withheld) expect(flat, `withheld "${w}" is in the release`).not.toContain(w);
      for (const w of c.released) expect(flat, `released "${w}" is missing`).toContain(w);
    });
  }
});

describe('what still belongs to the portion before it', () => {
  it('a list under a lead-in that ends with a colon', () => {
    const { portions } = release('¶1. (U) The points were:\n\n-- first, trade;\n\n-- second, visas.\n\n¶2. (C) Secret.\n');
    const p1 = portions.find((p) => p.id === 'p1')!;
    expect(p1.text).toContain('second, visas.');
  });

  it('a sentence that runs on after a blank line', () => {
    const { portions } = release('¶1. (U) The minister said that the\n\nvisit would take place in May.\n\n¶2. (C) Secret.\n');
    expect(portions.find((p) => p.id === 'p1')!.text).toContain('would take place in May.');
  });

  it('a paragraph that goes on after a page header', () => {
    const { portions } = release('¶1. (U) The minister said the visit would go ahead.\n\nBERLIN 00000173  002 OF 002\n\n\nIt will take place in May.\n\n¶2. (C) Secret.\n');
    expect(portions.find((p) => p.id === 'p1')!.text).toContain('It will take place in May.');
  });

  it('an unmarked block after an (SBU) paragraph stays with it (it may be SBU too)', () => {
    const { portions } = release('¶1. (SBU) The minister said the visit would go ahead.\n\nIt will take place in May.\n\n¶2. (C) Secret.\n');
    expect(portions.find((p) => p.id === 'p1')!.text).toContain('It will take place in May.');
  });

  it('a double mark is one mark, not a cut', () => {
    const { portions } = release('¶1. (U) (SBU) Sensitive words.\n');
    expect(portions.find((p) => p.id === 'p1')).toMatchObject({ source: 'marked' });
    expect(portions.filter((p) => p.text.includes('Sensitive'))).toHaveLength(1);
  });

  it('a parenthetical that is not a mark does not cut (U.S.)', () => {
    const { portions } = release('¶1. (U) They met. (U.S.) officials were there.\n');
    expect(portions.find((p) => p.id === 'p1')!.text).toContain('officials were there.');
  });

  it('an enumerator with a mark opens a marked portion (II. (U))', () => {
    const { portions } = release('¶1. (C) Secret.\n\nII. (U) Macro conflict conditions\n\n¶2. (C) More.\n');
    const heading = portions.find((p) => p.text.startsWith('II.'))!;
    expect(heading).toMatchObject({ level: 'U', source: 'marked' });
  });
});
