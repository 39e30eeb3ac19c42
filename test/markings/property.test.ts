import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Marking } from '../../src/types.js';
import {
  LEVELS,
  classifyParenthetical,
  dominates,
  formatBanner,
  formatPortion,
  mostRestrictive,
  parseCaveat,
  parseMarking,
  rollUp,
} from '../../src/markings/index.js';
import { makeMarking } from '../../src/markings/marking.js';
import { meaning } from './helpers.js';

/** Pieces marks are made of, so generated strings come close to real marks. */
const PIECES = [
  'S', 'C', 'U', 'TS', 'SE', 'NC', 'SBU', 'NF', 'N', 'NOFORN', 'FOUO', 'LOU', 'REL', 'TO', 'USA', 'GBR', 'NATO', 'AUS',
  'Kenya', 'and', 'FGI', 'DEU', 'SI', 'TK', 'G', 'OC', 'PR', 'XD', 'ND', 'DS', 'SECRET', 'CONFIDENTIAL', 'UNCLAS',
  'ENTIRE', 'TEXT', 'MR', '0', '/', '//', '///', ' ', '-', '--', ',', '.', '(', ')', 'F', 'X', 's', 'c', 'nf',
];
const markLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));
const LEVEL_PIECES = ['S', 'C', 'U', 'TS', 'SECRET', 'CONFIDENTIAL', 's', 'c'];
const SEPARATORS = ['/', '//', ' ', '-', '/ /', ', '];
const CONTROL_PIECES = ['NF', 'N', 'F', 'X', 'NOFRN', 'REL', 'TO', 'USA', 'OC', 'XD', '0', 'SBU', 'FGI', 'Kenya'];

const controls = fc.subarray(['NATO', 'FGI', 'ORCON', 'NOFORN', 'PROPIN', 'RELIDO', 'LIMDIS', 'EXDIS', 'NODIS', 'SBU', 'LES', 'FOUO', 'LOU']);
/** Arbitrary normalised markings (made consistent by the same builder the parser uses). */
const marking: fc.Arbitrary<Marking> = fc
  .record({
    level: fc.constantFrom(...LEVELS),
    sci: fc.subarray(['SI', 'SI-G', 'TK', 'HCS']),
    controls,
    relTo: fc.subarray(['USA', 'GBR', 'FRA', 'DEU', 'AUS', 'CAN', 'NZL', 'NATO', 'FVEY', 'ISAF']),
    fgi: fc.subarray(['DEU', 'GBR', 'FRA']),
  })
  // SCI only above UNCLASSIFIED: `(U//SI)` contradicts itself, and the parser refuses it.
  .map((d) => makeMarking({ raw: 'generated', ...d, sci: d.level === 'U' ? [] : d.sci }));

describe('properties', () => {
  it('parseMarking never throws; when ok the level is U, C, S or TS and raw is the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), markLike, markLike.map((s) => `(${s})`)), fc.constantFrom('portion', 'banner' as const), (raw, context) => {
        const r = parseMarking(raw, context as 'portion' | 'banner');
        if (r.ok) {
          expect(LEVELS).toContain(r.marking.level);
          expect(r.marking.raw).toBe(raw);
        } else {
          expect(r.message).toContain(JSON.stringify(raw));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('classifyParenthetical and parseCaveat never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), markLike), (inner) => {
        expect(['marking', 'malformed', 'not-a-marking']).toContain(classifyParenthetical(inner));
        const caveat = parseCaveat(inner);
        expect(caveat === null || Array.isArray(caveat)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('fail closed: a level followed by marking pieces is never "not-a-marking"', () => {
    const attempt = fc
      .tuple(fc.constantFrom(...LEVEL_PIECES), fc.array(fc.tuple(fc.constantFrom(...SEPARATORS), fc.constantFrom(...CONTROL_PIECES)), { maxLength: 4 }))
      .map(([level, rest]) => level + rest.map(([sep, piece]) => sep + piece).join(''));
    fc.assert(
      fc.property(attempt, (inner) => {
        expect(classifyParenthetical(inner)).not.toBe('not-a-marking');
      }),
      { numRuns: 2000 },
    );
  });

  it('what classifyParenthetical calls a marking, parseMarking understands, and the reverse', () => {
    fc.assert(
      fc.property(markLike, (inner) => {
        const ok = parseMarking(`(${inner})`, 'portion').ok;
        expect(classifyParenthetical(inner) === 'marking').toBe(ok);
      }),
      { numRuns: 2000 },
    );
  });

  it('formatPortion and formatBanner read back to the same marking', () => {
    fc.assert(
      fc.property(marking, (m) => {
        const portion = parseMarking(formatPortion(m), 'portion');
        const banner = parseMarking(formatBanner(m), 'banner');
        if (!portion.ok) throw new Error(portion.message);
        if (!banner.ok) throw new Error(banner.message);
        expect(meaning(portion.marking)).toEqual(meaning(m));
        expect(meaning(banner.marking)).toEqual(meaning(m));
      }),
      { numRuns: 1000 },
    );
  });

  it('rollUp dominates every input; mostRestrictive dominates both; dominance is reflexive', () => {
    fc.assert(
      fc.property(fc.array(marking, { maxLength: 6 }), (ms) => {
        const banner = rollUp(ms);
        for (const x of ms) {
          expect(dominates(banner, x)).toBe(true);
          expect(dominates(x, x)).toBe(true);
        }
        if (ms.length >= 2) {
          const [a, b] = ms as [Marking, Marking];
          const c = mostRestrictive(a, b);
          expect(dominates(c, a) && dominates(c, b)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
