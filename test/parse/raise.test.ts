/**
 * A mark written inside a portion raises its marking, in both readers, for every audience: a
 * higher level (a reader cleared to SECRET must not see the TOP SECRET words), and foreign
 * release (`(S//REL TO USA, NATO) … (S//NF) …`, or a plain `(S)` inside a REL TO portion, which
 * is NOFORN by default). Each case released the inner words to that reader before (checked
 * through the library): the cable reader raised only by level, and not at all under a mark found
 * after a short prefix or at the text's end; both readers skipped an inner mark the portion's
 * marking dominated structurally.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { raisedByMark } from '../../src/markings/index.js';
import { parseMarking } from '../../src/markings/index.js';
import { parseCable } from '../../src/parse/index.js';
import { parseMarkedDocument } from '../../src/parse/document/index.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);
const usSecret = profile('us-secret');
const nato = profile('nato');

const cable = (banner: string, first: string, item: string) =>
  `${banner}\n\nE.O. 12958: DECL: 01/01/2040\nTAGS: PREL\nSUBJECT: ${first} STATUS\n\n1. ${first} This paragraph the reader may see.\n\n${item}\n\n${banner}\n`;
const memo = (banner: string, first: string, item: string) => `${banner}\n\nSUBJECT: ${first} Status\n\n1. ${first} This paragraph the reader may see.\n\n${item}\n\n${banner}\n`;
const READERS = [
  ['cable', cable, parseCable],
  ['marked document', memo, parseMarkedDocument],
] as const;

function released(src: string, read: typeof parseCable, p: ReturnType<typeof profile>): string {
  return planRelease(read(src), p, { asOf: '2026-12-03', stem: 'TEST' }).releaseText;
}

function mark(raw: string) {
  const m = parseMarking(raw, 'portion');
  if (!m.ok) throw new Error(m.message);
  return m.marking;
}

describe('raisedByMark', () => {
  it.each([
    ['(S)', '(TS)', 'TS', [], []],
    ['(S//REL TO USA, NATO)', '(S//NF)', 'S', ['NOFORN'], []],
    ['(S//REL TO USA, NATO)', '(S)', 'S', ['NOFORN'], []],
    ['(S//REL TO USA, NATO)', '(S//REL TO USA, GBR)', 'S', ['NOFORN'], []],
    ['(S//REL TO USA, GBR, NATO)', '(S//REL TO USA, GBR)', 'S', [], ['USA', 'GBR']],
  ] as const)('%s raised by %s: %s %j', (outer, inner, level, controls, relTo) => {
    const r = raisedByMark(mark(outer), mark(inner))!;
    expect(r.level).toBe(level);
    expect(r.controls).toEqual(controls);
    expect(r.relTo).toEqual(relTo);
  });

  it.each([
    ['(S)', '(C)'],
    ['(S//NF)', '(S//REL TO USA, NATO)'],
    ['(S//REL TO USA, NATO)', '(U)'],
    ['(S//REL TO USA, GBR)', '(S//REL TO USA, GBR, NATO)'],
  ])('%s is not raised by %s', (outer, inner) => {
    expect(raisedByMark(mark(outer), mark(inner))).toBeNull();
  });
});

describe('a reader cleared to SECRET: TOP SECRET words inside a SECRET portion', () => {
  for (const [name, wrap, read] of READERS) {
    it.each(['1.1 (S) Words the reader may see (TS) zulu1 top secret words.', 'Words the reader may see (TS) zulu1 top secret, then (S).', '2. (S) Words (TS) zulu1 words.'])(
      `${name}, %j: withheld`,
      (item) => {
        const text = released(wrap('SECRET', '(S)', item), read, usSecret);
        expect(text).not.toContain('zulu1');
        expect(text).toContain('the reader may see.');
      },
    );
  }
});

describe('NATO: words under a NOFORN mark inside a REL TO NATO portion', () => {
  for (const [name, wrap, read] of READERS) {
    it.each([
      '2. (S//REL TO USA, NATO) Words (S//NF) zulu1 words.',
      '2. (C//REL TO USA, NATO) Words (C//NF) zulu1 words.',
      '2. (S//REL TO USA, NATO) Words (C//NF) zulu1 words.',
      '2. (S//REL TO USA, NATO) Words (S//ORCON) zulu1 words.',
      '2. (S//REL TO USA, NATO) Words (S//REL TO USA, GBR) zulu1 words.',
      '2. (S//REL TO USA, NATO) Words (S) zulu1 plain SECRET words.',
    ])(`${name}, %j: withheld`, (item) => {
      const text = released(wrap('SECRET//REL TO USA, NATO', '(S//REL TO USA, NATO)', item), read, nato);
      expect(text).not.toContain('zulu1');
      expect(text).toContain('the reader may see.');
    });
  }

  it.each(READERS)('%s: a REL TO NATO portion with a (C//REL TO USA, NATO) inside stays releasable to NATO', (_name, wrap, read) => {
    const text = released(wrap('SECRET//REL TO USA, NATO', '(S//REL TO USA, NATO)', '2. (S//REL TO USA, NATO) Words (C//REL TO USA, NATO) zulu1 words.'), read, nato);
    expect(text).toContain('zulu1');
  });

  // A mark with blanks inside (REL TO USA, NATO) after a sentence end was read as one that lost its
  // `)` (`(C//REL` before text): a mark not understood, the memo's paragraph withheld.
  it.each(READERS)('%s: a (C//REL TO USA, NATO) after a sentence end is read whole, releasable to NATO', (_name, wrap, read) => {
    const text = released(wrap('SECRET//REL TO USA, NATO', '(S//REL TO USA, NATO)', '2. (S//REL TO USA, NATO) Words. (C//REL TO USA, NATO) zulu1 words.'), read, nato);
    expect(text).toContain('zulu1');
  });
});
