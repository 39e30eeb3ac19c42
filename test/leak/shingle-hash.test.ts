import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLeakRuns, countLeakRunsIn, hasRun, releaseShingles, runsWithout, shingleHashes, unionOfRuns } from '../../src/leak/shingle-hash.js';
import { findLeaks, shingles } from '../../src/leak/words.js';

const word = fc.constantFrom('the', 'minister', 'said', 'Berlin', 'NATO', 'would', 'not', 'join', 'talks', 'on', 'Iran', 'today', '¶2.', '(C)', 'co-\noperate');
const text = fc.array(word, { maxLength: 30 }).map((w) => w.join(' '));

describe('shingle hashes', () => {
  it('are as many as the distinct shingles, ascending', () => {
    fc.assert(
      fc.property(text, (t) => {
        const runs = shingleHashes(t, 3);
        expect(runs.length).toBe(shingles(t, 3).size);
        for (let i = 1; i < runs.length; i++) expect(runs[i - 1]!).toBeLessThan(runs[i]!);
      }),
    );
  });

  it('count the leaks findLeaks finds (property)', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), text, text, (withheld, output, visible) => {
        expect(countLeakRuns(withheld, output, visible, 3)).toBe(findLeaks(withheld, output, visible, 3).length);
      }),
      { numRuns: 500 },
    );
  });

  it('count the same from shingles made for the cross-document digest (property)', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), text, text, (withheld, output, visible) => {
        expect(countLeakRunsIn(releaseShingles(withheld, output, visible, 3), 3)).toBe(countLeakRuns(withheld, output, visible, 3));
      }),
      { numRuns: 500 },
    );
  });

  it('membership, difference and union agree with sets', () => {
    const sorted = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 20 }).map((a) => Float64Array.from(a.sort((x, y) => x - y)));
    fc.assert(
      fc.property(sorted, sorted, fc.integer({ min: -1, max: 61 }), (a, b, h) => {
        expect(hasRun(a, h)).toBe([...a].includes(h));
        expect([...runsWithout(a, b)]).toEqual([...a].filter((v) => ![...b].includes(v)));
        expect([...unionOfRuns([a, b])]).toEqual([...new Set([...a, ...b])].sort((x, y) => x - y));
      }),
    );
  });

  it('the union of any number of sets (merged two by two) is every run once, ascending, in a new array', () => {
    const sorted = fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 52 - 1 }), { maxLength: 30 }).map((a) => Float64Array.from(a.sort((x, y) => x - y)));
    fc.assert(
      fc.property(fc.array(sorted, { maxLength: 7 }), (sets) => {
        const union = unionOfRuns(sets);
        expect([...union]).toEqual([...new Set(sets.flatMap((s) => [...s]))].sort((x, y) => x - y));
        expect(sets.some((s) => s === union)).toBe(false);
      }),
    );
  });
});
