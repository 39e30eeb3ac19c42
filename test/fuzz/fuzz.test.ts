/**
 * The fuzzer itself: its mutators are pure and reproducible, its minimizer shrinks, its core loop
 * runs clean on the samples for a fixed seed, and it does catch a planted leak (so a clean run
 * means something).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkInput, nearMissParagraphs } from '../../src/fuzz/check.js';
import { makeCase, runFuzz, type SeedCable } from '../../src/fuzz/loop.js';
import { generateDocument } from '../../src/fuzz/generate.js';
import { readDocument } from '../../src/parse/read.js';
import { minimize } from '../../src/fuzz/minimize.js';
import { createRng, hugeLine, mixLineEnds, MUTATORS, NEAR_MISS_MARKS, nearMissMark, insertNul } from '../../src/fuzz/mutators.js';
import { parseMarking } from '../../src/markings/index.js';
import { releaseDocument, withheldTexts } from '../../src/release/index.js';
import { PROFILES } from '../properties/generators.js';

const samples = new URL('../../samples/', import.meta.url);
const SEEDS: SeedCable[] = readdirSync(samples)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(new URL(f, samples))) }));
const berlin = SEEDS.find((s) => s.name === '08BERLIN173.txt')!.bytes;
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('mutators', () => {
  it.each(MUTATORS.map((m) => [m.name, m.fn] as const))('%s is pure and reproducible', (_name, fn) => {
    const copy = berlin.slice();
    const a = fn(berlin, createRng(5));
    const b = fn(berlin, createRng(5));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(berlin).equals(Buffer.from(copy))).toBe(true);
  });

  it('every near-miss mark is one the grammar refuses', () => {
    for (const m of NEAR_MISS_MARKS) expect(parseMarking(m, 'portion').ok, m).toBe(false);
  });

  it('near-miss-mark replaces a paragraph mark, not a parenthesis in a sentence', () => {
    const input = new TextEncoder().encode('¶1. (C) The Ministry (MFA) said so.\n\n¶2. (S) More.\n');
    for (let s = 0; s < 20; s++) {
      // UTF-8: some near misses are written in letters of other scripts.
      const out = new TextDecoder().decode(nearMissMark(input, createRng(s)));
      expect(out).toContain('(MFA)');
      expect(NEAR_MISS_MARKS.some((m) => out.includes(m))).toBe(true);
    }
  });

  it('mixed-line-ends, nul-bytes and huge-line do what they say', () => {
    expect(text(mixLineEnds(berlin, createRng(1)))).toMatch(/\r/);
    expect(insertNul(berlin, createRng(1)).includes(0)).toBe(true);
    const huge = hugeLine(berlin, createRng(1));
    expect(Math.max(...text(huge).split('\n').map((l) => l.length))).toBeGreaterThanOrEqual(1 << 20);
  });

  it('makeCase is a function of (seed, iteration)', () => {
    const a = makeCase(SEEDS, 42, 7);
    const b = makeCase(SEEDS, 42, 7);
    expect(b.cable).toBe(a.cable);
    expect(b.mutators).toEqual(a.mutators);
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    expect(makeCase(SEEDS, 42, 8).bytes).not.toEqual(a.bytes);
  });
});

describe('checks', () => {
  it('nearMissParagraphs finds a near miss that opens a paragraph, not one inside a sentence', () => {
    expect(nearMissParagraphs('¶3. (C0) text\n').map((x) => x.line)).toEqual([1]);
    expect(nearMissParagraphs('end of one.\n(S//N F) text\n').map((x) => x.line)).toEqual([2]);
    expect(nearMissParagraphs('the armed force\n(SECRT) does retain lift\n')).toEqual([]);
    // A near miss that is the start of a longer mark is not one: `(S//NF` in `(S//NF)`.
    expect(nearMissParagraphs('1. (S//NF) text\n')).toEqual([]);
    expect(nearMissParagraphs('1. (S//NF text\n').map((x) => x.line)).toEqual([1]);
  });

  it('a refused input (NUL bytes) is a clean outcome, not a finding', async () => {
    expect(await checkInput(Uint8Array.from([0x31, 0, 0x32]), { profiles: PROFILES, asOf: '2010-12-01' })).toEqual({ outcome: 'refused', findings: [] });
  });
});

describe('minimize', () => {
  it('shrinks to the lines that keep the failure', async () => {
    const input = new TextEncoder().encode(Array.from({ length: 40 }, (_, i) => `line ${i}${i === 17 ? ' BOOM' : ''}`).join('\n'));
    const small = await minimize(input, async (b) => text(b).includes('BOOM'));
    expect(text(small)).toMatch(/BOOM/);
    expect(small.length).toBeLessThan(20);
  });
});

describe('the core loop', () => {
  it('runs clean on the samples for a fixed seed', async () => {
    const cases: unknown[] = [];
    const summary = await runFuzz({ seeds: SEEDS, profiles: PROFILES, seed: 20261126, iterations: 6, onCase: (c) => void cases.push(c.findings) });
    expect(cases).toEqual([]);
    expect(summary).toMatchObject({ iterations: 6, cases: 0 });
    expect(Object.values(summary.mutators).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(6);
  });

  it('catches a planted leak and a planted crash', async () => {
    // A release that appends the withheld text: every invariant check downstream must notice.
    const leaky: typeof releaseDocument = async (req) => {
      const r = await releaseDocument(req);
      return { ...r, releaseText: `${r.releaseText}\n${withheldTexts(r.plan).join('\n')}` };
    };
    const found: string[] = [];
    // (A third of the inputs are synthetic documents, some with nothing withheld: a few more iterations.)
    const summary = await runFuzz({ seeds: [{ name: '08BERLIN173.txt', bytes: berlin }], profiles: PROFILES.slice(0, 1), seed: 1, iterations: 8, release: leaky, onCase: (c) => void found.push(...c.findings.map((f) => f.kind)) });
    expect(found).toContain('leak-text');
    expect(summary.cases).toBeGreaterThan(0);

    // A denial's page is read line by line (kept lines that a withheld one stood between may meet):
    // withheld text on a line of it is still found, in the text and in the PDF.
    const denied = await checkInput(berlin, { profiles: PROFILES.slice(0, 1), asOf: '2010-12-01', release: async (req) => {
      const r = await leaky(req);
      expect(r.denied).not.toBeNull();
      return r;
    } });
    expect(denied.findings.map((f) => f.kind)).toContain('leak-text');

    const crashing: typeof releaseDocument = async () => {
      throw new TypeError('boom');
    };
    const crash = await checkInput(berlin, { profiles: PROFILES.slice(0, 1), asOf: '2010-12-01', release: crashing });
    expect(crash.findings).toMatchObject([{ kind: 'crash', stage: 'release', profile: 'public' }]);
  });
});

describe('synthetic documents', () => {
  it('are a function of the random stream, memos and cables both, read by both readers', () => {
    const a = generateDocument(createRng(9));
    expect(Buffer.from(generateDocument(createRng(9)).bytes).equals(Buffer.from(a.bytes))).toBe(true);
    const made = Array.from({ length: 60 }, (_, i) => generateDocument(createRng(i)));
    expect(new Set(made.map((m) => m.kind))).toEqual(new Set(['memo', 'cable']));
    const readers = new Set(made.map((m) => readDocument(Buffer.from(m.bytes).toString('utf8')).reader.name));
    expect(readers.size).toBe(2);
  });

  it('make up every input when there are no seed cables, and a fixed seed runs clean', async () => {
    const cases: unknown[] = [];
    const summary = await runFuzz({ seeds: [], profiles: PROFILES, seed: 20261204, iterations: 40, onCase: (c) => void cases.push(c.findings) });
    expect(cases).toEqual([]);
    expect(summary.iterations).toBe(40);
    expect(makeCase([], 1, 0).cable).toMatch(/^generated (memo|cable)$/);
  });

  it('catch a planted leak on synthetic documents too', async () => {
    const leaky: typeof releaseDocument = async (req) => {
      const r = await releaseDocument(req);
      return { ...r, releaseText: `${r.releaseText}\n${withheldTexts(r.plan).join('\n')}` };
    };
    const found: string[] = [];
    await runFuzz({ seeds: [], profiles: PROFILES.slice(0, 1), seed: 3, iterations: 12, release: leaky, onCase: (c) => void found.push(...c.findings.map((f) => f.kind)) });
    expect(found).toContain('leak-text');
  });
});
