import { describe, expect, it } from 'vitest';
import { COMMON_DOCUMENTS, crossDigest, isBoilerplate, isFurniture, crossDigestOf, findSelfLeak, firstMatchLine, MIN_CROSS_RUNS, SHINGLE_WORDS, WithheldIndex, type CrossDigest, type LeakHit } from '../../src/audit/cross.js';
import { releaseShingles, shingleHashes } from '../../src/leak/shingle-hash.js';

const quote = 'The minister said privately that the government would recognise the new coalition within a week.';

describe('WithheldIndex', () => {
  it('finds a paragraph withheld in one document in the released text of another, not of itself', () => {
    const index = new WithheldIndex();
    index.add('A', [{ portionId: 'p2', text: quote }], 'Header of A.');
    index.add('B', [], `Header of B.\n${quote}`);
    // `matched`: the runs found (shingle hashes), for a hold to say where they are.
    expect(index.find(`Header of B.\n${quote.toUpperCase().replace(/ /g, '\n')}`, 'B')).toEqual([{ from: 'A', portions: ['p2'], runs: 8, matched: expect.any(Array) }]);
    expect(index.find(quote, 'A')).toEqual([]);
  });

  it('skips text the withholding document also shows, short phrases, and boilerplate shared by many originals and withheld only unmarked', () => {
    const index = new WithheldIndex();
    index.add('A', [{ portionId: 'p2', text: quote }], `Also shown: ${quote}`);
    index.add('C', [{ portionId: 'p1', text: 'a short piece' }], '');
    expect(index.find(`${quote} a short piece`, 'B')).toEqual([]);
    const boiler = 'Visit our classified web site at http://www.state.sgov.gov/p/wha/mexicocity and see more';
    const many = new WithheldIndex();
    many.add('W', [{ portionId: 'text9', text: boiler, unmarked: true }], '');
    for (let i = 0; i < COMMON_DOCUMENTS; i++) many.add(`D${i}`, [], boiler);
    expect(many.find(boiler, 'D0')).toEqual([]);
  });

  it('a paragraph withheld as marked text in many documents is no boilerplate however often it is repeated: released in one, it is a leak', () => {
    // Twelve cables of one paragraph: eleven withhold it (C), the twelfth releases it (U).
    const index = new WithheldIndex();
    for (let i = 0; i < COMMON_DOCUMENTS + 1; i++) index.add(`W${i}`, [{ portionId: 'p2', text: quote }], `Header of W${i}.`);
    index.add('R', [], `Header of R.\n${quote}`);
    expect(index.find(`Header of R.\n${quote}`, 'R').map((h) => h.from)).toEqual(Array.from({ length: COMMON_DOCUMENTS + 1 }, (_, i) => `W${i}`).sort());
    // Withheld only where it is unmarked (its level unknown, fail closed): boilerplate.
    const unmarked = new WithheldIndex();
    for (let i = 0; i < COMMON_DOCUMENTS + 1; i++) unmarked.add(`W${i}`, [{ portionId: 'text9', text: quote, unmarked: true }], `Header of W${i}.`);
    unmarked.add('R', [], `Header of R.\n${quote}`);
    expect(unmarked.find(`Header of R.\n${quote}`, 'R')).toEqual([]);
    // Withheld as marked text in half the documents that hold it: reported, every withholding.
    for (let i = 0; i <= COMMON_DOCUMENTS + 1; i++) unmarked.add(`M${i}`, [{ portionId: 'p4', text: quote }], 'Header of M.');
    expect(unmarked.find(`Header of R.\n${quote}`, 'R')).toHaveLength(2 * COMMON_DOCUMENTS + 3);
    expect(isBoilerplate(COMMON_DOCUMENTS, 4)).toBe(true);
    expect(isBoilerplate(COMMON_DOCUMENTS, 5)).toBe(false);
    expect(isBoilerplate(COMMON_DOCUMENTS - 1, 0)).toBe(false);
  });

  // Probe 67b F8: two Kabul cables share their pass lines; one, an extract cut before its E.O.
  // line, withholds them as the unmarked text of an SBU cable, the other releases them as header.
  it.each<[string, boolean, string[]]>([
    ['unmarked in A, header of B: furniture', true, []],
    ['marked in A, header of B: a leak', false, ['A']],
  ])('%s', (_name, unmarked, from) => {
    const pass = 'STATE PASS TO USAID FOR AID/ANE, AID/DCHA/DG\nNSC FOR AHARRIMAN\nOSD FOR BREZINSKI\nCENTCOM FOR CG CFC-A, CG CJTF-76, POLAD';
    const index = new WithheldIndex();
    index.add('A', [{ portionId: 'text1', text: pass, ...(unmarked ? { unmarked: true as const } : {}) }], 'UNCLAS KABUL 003934');
    index.add('B', [], `S E C R E T KABUL 002004\n${pass}`, undefined, `S E C R E T KABUL 002004\n${pass}`);
    expect(index.find(`S E C R E T KABUL 002004\n${pass}`, 'B').map((h) => h.from)).toEqual(from);
    // Not held as any document's header: the unmarked text is compared as before.
    const bare = new WithheldIndex();
    bare.add('A', [{ portionId: 'text1', text: pass, unmarked: true }], '');
    bare.add('B', [], pass);
    expect(bare.find(pass, 'B').map((h) => h.from)).toEqual(['A']);
  });

  it('isFurniture: in a header, withheld as marked text nowhere', () => {
    expect(isFurniture(1, 0)).toBe(true);
    expect(isFurniture(0, 0)).toBe(false);
    expect(isFurniture(3, 1)).toBe(false);
  });

  it('findSelfLeak finds short redacted pieces whole and long ones by runs', () => {
    expect(findSelfLeak('A', [{ portionId: 'p1', text: 'John Q. Smith' }], 'Visible.', 'Call john q smith today')).toEqual({ from: 'A', portions: ['p1'], runs: 1 });
    expect(findSelfLeak('A', [{ portionId: 'p1', text: 'John Q. Smith' }], 'Met John Q. Smith.', 'Met John Q. Smith.')).toBeNull();
    expect(findSelfLeak('A', [{ portionId: 'p2', text: quote }], '', `x ${quote}`)?.runs).toBe(8);
  });

  it('findSelfLeak: a short piece the release shows anyway, split otherwise by a PDF string reader, is no leak; not found by chance', () => {
    // SIDtoday: a withheld series list item; the released title shows the same words, which the
    // release text writes `InSIDer's` and a PDF's string reader `In SID er's` (a font change).
    const item = [{ portionId: 'p51', text: "In SID er's View of" }];
    expect(findSelfLeak('A', item, "(U) InSIDer's View of History", "u in sid er s view of history")).toBeNull();
    // Not shown anyway: still found, split or not.
    expect(findSelfLeak('A', item, '(U) History', 'u in sid er s view of history')).toEqual({ from: 'A', portions: ['p51'], runs: 1 });
    // A short name is never allowed by letters that run across other words of the visible text.
    expect(findSelfLeak('A', [{ portionId: 'p2', text: 'Jo Ann Smith' }], 'the joann smithsonian', 'call jo ann smith')).toEqual({ from: 'A', portions: ['p2'], runs: 1 });
  });

  it('gives what a search of every digest by brute force gives, over thousands of runs and documents added after a search', () => {
    // A small vocabulary of shown runs, so that documents share runs, some shown in COMMON_DOCUMENTS or more.
    let seed = 7;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const run = (vocabulary = 9000): number => random(vocabulary) * 2 ** 30 + 12345;
    const some = (): number => (random(4) === 0 ? run(600) : run());
    const digests: CrossDigest[] = Array.from({ length: 60 }, (_, d) => {
      const pieces = Array.from({ length: random(4) }, (_, p) => ({ portionId: `p${p}`, hashes: Float64Array.from(new Set(Array.from({ length: random(400) }, some))), ...(random(3) === 0 ? {} : { unmarked: true as const }) }));
      const original = new Set<number>(Array.from({ length: random(200) }, () => run(600)));
      for (const p of pieces) for (const h of p.hashes) original.add(h);
      return { stem: `D${d}`, pieces, original: Float64Array.from(original).sort(), released: Float64Array.from(new Set(Array.from({ length: random(400) }, some))) };
    });
    const sets = new Map(digests.map((d) => [d, { original: new Set(d.original), pieces: d.pieces.map((p) => ({ portionId: p.portionId, unmarked: p.unmarked === true, hashes: new Set(p.hashes) })) }]));
    let excused = 0;
    const bruteForce = (all: readonly CrossDigest[], released: Float64Array, stem: string): LeakHit[] => {
      const df = (h: number) => all.filter((d) => sets.get(d)!.original.has(h)).length;
      const claimed = (h: number) => all.filter((d) => sets.get(d)!.pieces.some((p) => !p.unmarked && p.hashes.has(h))).length;
      const out: LeakHit[] = [];
      for (const d of all) {
        if (d.stem === stem) continue;
        const portions = new Set<string>();
        const matched: number[] = [];
        let runs = 0;
        for (const h of released) {
          const where = sets.get(d)!.pieces.filter((p) => p.hashes.has(h));
          if (where.length === 0) continue;
          if (df(h) >= COMMON_DOCUMENTS && 2 * claimed(h) < df(h)) {
            excused++;
            continue;
          }
          runs++;
          matched.push(h);
          for (const p of where) portions.add(p.portionId);
        }
        if (runs >= MIN_CROSS_RUNS) out.push({ from: d.stem, portions: [...portions].sort(), runs, matched });
      }
      return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    };
    const index = new WithheldIndex();
    for (const d of digests.slice(0, 40)) index.addDigest(d);
    expect(index.findRuns(digests[0]!.released, 'D0')).toEqual(bruteForce(digests.slice(0, 40), digests[0]!.released, 'D0'));
    for (const d of digests.slice(40)) index.addDigest(d);
    let hits = 0;
    for (const d of digests) {
      const expected = bruteForce(digests, d.released, d.stem);
      hits += expected.length;
      expect(index.findRuns(d.released, d.stem)).toEqual(expected);
    }
    expect(hits).toBeGreaterThan(10);
    expect(excused).toBeGreaterThan(10);
    expect(index.documents).toBe(60);
    // All at once (one filter of every released run set): the same hits.
    expect(index.findAll(digests.map((d) => ({ runs: d.released, stem: d.stem })))).toEqual(digests.map((d) => bruteForce(digests, d.released, d.stem)));
  });

  it('a run that occurs in no released text searched is never a hit, whatever the filter lets through', () => {
    // Withheld runs whose hashes differ only in their upper bits and only in their lower bits.
    const runs = Float64Array.from([1, 2, 3, 2 ** 40, 2 ** 41, 2 ** 42, 2 ** 51 + 7].sort((a, b) => a - b));
    const index = new WithheldIndex();
    index.addDigest({ stem: 'A', pieces: [{ portionId: 'p1', hashes: runs }], original: runs, released: new Float64Array(0) });
    expect(index.findRuns(runs, 'B')).toEqual([{ from: 'A', portions: ['p1'], runs: 7, matched: expect.any(Array) }]);
    expect(index.findRuns(runs.subarray(0, 2), 'B')).toEqual([]);
    expect(index.findRuns(Float64Array.from([4, 5, 6, 2 ** 43]), 'B')).toEqual([]);
  });

  it('crossDigestOf on the self-check\'s shingles is crossDigest', () => {
    const pieces = [
      { portionId: 'p1', text: quote },
      { portionId: 'p2', text: 'John Q. Smith' },
    ];
    const shingles = releaseShingles(pieces.map((p) => p.text), 'Released words only, nothing withheld here at all today.', `Visible: ${quote.slice(0, 40)}`);
    expect(crossDigestOf('A', pieces, shingles)).toEqual(crossDigest('A', pieces, `Visible: ${quote.slice(0, 40)}`, 'Released words only, nothing withheld here at all today.'));
  });
});

describe('firstMatchLine', () => {
  it('names the line of a release text where the first matching run begins, or null', () => {
    const text = ['Header line.', '', 'First paragraph of nothing much here today.', 'ZQ one two three four', 'five six seven eight nine ten.', 'Tail.'].join('\n');
    const matched = Array.from(shingleHashes('ZQ one two three four five six seven eight nine ten', SHINGLE_WORDS));
    expect(firstMatchLine(text, matched)).toBe(4);
    expect(firstMatchLine(text, [matched.at(-1)!])).toBe(4);
    expect(firstMatchLine(text, Array.from(shingleHashes('no such words anywhere in this text at all', SHINGLE_WORDS)))).toBeNull();
    expect(firstMatchLine(text, [])).toBeNull();
  });
});
