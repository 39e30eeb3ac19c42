/**
 * Every distinct marking form found in the cable corpus by `scripts/list-marking-forms.mjs`,
 * with what the grammar must make of it. The last test re-scans the corpus (when present) and
 * fails if a form is missing from these tables, so new data cannot slip in untested.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  classifyParenthetical,
  formatBanner,
  formatPortion,
  mostRestrictive,
  parseCaveat,
  parseMarking,
} from '../../src/markings/index.js';
import { meaning, parsed } from './helpers.js';
import { CORPUS_CABLES, HAS_CORPUS } from '../helpers/corpus.js';

const CORPUS = CORPUS_CABLES;

/**
 * Text between the parentheses at the start of a paragraph → the canonical portion mark it reads
 * as, or `not-a-marking` / `malformed`. Lower-case `(c)` and `(s)` are marks: in 07STOCKHOLM506
 * every paragraph is `(c)`; where `(a) (b) (c)` label list items (05THEHAGUE3305) the cable parser
 * must see the run, this function cannot.
 */
const PORTION_TABLE: ReadonlyArray<readonly [string, string]> = [
  ['C', '(C)'], // 4687× e.g. 01STATE176819
  ['SBU', '(U//SBU)'], // 2274× e.g. 03THEHAGUE1865
  ['U', '(U)'], // 1787× e.g. 01STATE176819
  ['S', '(S)'], // 1705× e.g. 03ANKARA3694
  ['S/NF', '(S//NF)'], // 1148× e.g. 02BOGOTA3281
  ['C/NF', '(C//NF)'], // 507× e.g. 04OTTAWA3115
  ['S//NF', '(S//NF)'], // 153× e.g. 06CARACAS219
  ['C//NF', '(C//NF)'], // 54× e.g. 08ABUJA320
  ['SBU/NF', '(U//SBU-NF)'], // 24× e.g. 07AMMAN4693
  ['c', '(C)'], // 17× e.g. 05THEHAGUE3305
  ['B', 'not-a-marking'], // 11× e.g. 03ANKARA3694
  ['S//Rel NATO, ISAF', '(S//REL TO USA, ISAF, NATO)'], // 10× e.g. 10KABUL693
  ['SE', '(S)'], // 10× e.g. 09CARACAS1443
  ['u', '(U)'], // 10× e.g. 04ISTANBUL374
  ['S/REL TO NATO/AUS', '(S//REL TO USA, AUS, NATO)'], // 9× e.g. 07KABUL2004
  ['S/REL NATO', '(S//REL TO USA, NATO)'], // 7× e.g. 09STATE127892
  ['C ', '(C)'], // 6× e.g. 08MONTERREY232
  ['S/Rel China', '(S//REL TO USA, CHN)'], // 6× e.g. 07STATE152317
  ['a', 'not-a-marking'], // 6× e.g. 05THEHAGUE3305
  ['S-NF', '(S//NF)'], // 5× e.g. 08NAIROBI2290
  ['S//FGI//NF', '(S//FGI//NF)'], // 5× e.g. 08STATE116943
  ['Afghanistan', 'not-a-marking'], // 4× e.g. 09BERLIN1148
  ['C/NOFORN', '(C//NF)'], // 4× e.g. 06SKOPJE118
  ['Economic', 'not-a-marking'], // 4× e.g. 09BERLIN1148
  ['Mideast', 'not-a-marking'], // 4× e.g. 09BERLIN1054
  ['S NF', '(S//NF)'], // 4× e.g. 09KAMPALA551
  ['U.S.', 'not-a-marking'], // 4× e.g. 09BERLIN1148
  ['b', 'not-a-marking'], // 4× e.g. 06VATICAN199
  ['sbu', '(U//SBU)'], // 4× e.g. 04ISTANBUL374
  ['NC', '(C//NATO)'], // 3× e.g. 07REYKJAVIK298
  ['S//REL SAU', '(S//REL TO USA, SAU)'], // 3× e.g. 08STATE128877
  ['S//REL TO USA, FVEY', '(S//REL TO USA, FVEY)'], // 3× e.g. 08STATE116943
  ['S/NOFORN', '(S//NF)'], // 3× e.g. 09MEXICO2473
  ['SECRET//REL CHINA', '(S//REL TO USA, CHN)'], // 3× e.g. 10STATE10900
  ['1', 'not-a-marking'], // 2× e.g. 09SANJOSE1194
  ['2', 'not-a-marking'], // 2× e.g. 09SANJOSE1194
  ['A', 'not-a-marking'], // 2× e.g. 03ANKARA3694
  ['C/REL JAPAN', '(C//REL TO USA, JPN)'], // 2× e.g. 09STATE96550
  ['C/REL RUSSIA', '(C//REL TO USA, RUS)'], // 2× e.g. 09STATE96550
  ['D', 'not-a-marking'], // 2× e.g. 03ANKARA3694
  ['Defense', 'not-a-marking'], // 2× e.g. 10BERLIN8
  ['E', 'not-a-marking'], // 2× e.g. 03ANKARA3694
  ['EU', 'not-a-marking'], // 2× e.g. 09BERLIN1148
  ['F', 'not-a-marking'], // 2× e.g. 03ANKARA3694
  ['Germany', 'not-a-marking'], // 2× e.g. 09BERLIN1054
  ['Iceland', 'not-a-marking'], // 2× e.g. 10BERLIN8
  ['Iran', 'not-a-marking'], // 2× e.g. 10BERLIN8
  ['Japan', 'not-a-marking'], // 2× e.g. 09BERLIN1054
  ['S//NOFORN', '(S//NF)'], // 2× e.g. 07THEHAGUE1295
  ['S//REL CHINA', '(S//REL TO USA, CHN)'], // 2× e.g. 08STATE79112
  ['S/REL CHINA', '(S//REL TO USA, CHN)'], // 2× e.g. 07STATE152317
  ['SCA', 'not-a-marking'], // 2× e.g. 06BUENOSAIRES34
  ['This point for November 3 Delivery', 'not-a-marking'], // 2× e.g. 07STATE152317
  ['UN', 'not-a-marking'], // 2× e.g. 09BERLIN1054
  ['e', 'not-a-marking'], // 2× e.g. 05THEHAGUE3305
  ['http://www.infoarg.org', 'not-a-marking'], // 2× e.g. 06BUENOSAIRES34
  ['s', '(S)'], // 2× e.g. 07STOCKHOLM506
  [' C', '(C)'], // 1× e.g. 09MONTERREY14
  ['""convertibility""', 'not-a-marking'], // 1× e.g. 08BUENOSAIRES58
  ['"the source"', 'not-a-marking'], // 1× e.g. 10MAPUTO86
  ['1/6', 'not-a-marking'], // 1× e.g. 10BERLIN8
  ['3', 'not-a-marking'], // 1× e.g. 10RPODUBAI15
  ['506', 'not-a-marking'], // 1× e.g. 10SANJOSE118
  ['6', 'not-a-marking'], // 1× e.g. 09PESHAWAR41
  ['7', 'not-a-marking'], // 1× e.g. 09PESHAWAR41
  ['ANFC', 'not-a-marking'], // 1× e.g. 08BUENOSAIRES58
  ['Basque Nationalist Party', 'not-a-marking'], // 1× e.g. 07MADRID2023
  ['B/D', 'not-a-marking'], // 1× e.g. 04WELLINGTON641 (reasons "1.5 (B/D)" wrapped onto a new line)
  ['as she has before', 'not-a-marking'], // 1× e.g. 09BUENOSAIRES827
  ['b,d', 'not-a-marking'], // 1× e.g. 09BERLIN1271
  ['reftel A', 'not-a-marking'], // 1× e.g. 07BERN881
  ['C/REL NATO and AUS', '(C//REL TO USA, AUS, NATO)'], // 1× e.g. 07KABUL2004
  ['CONFIDENTIAL -- ENTIRE PARAGRAPH', '(C)'], // 1× e.g. 08MEXICO1082
  ['CORRECTED COPY', 'not-a-marking'], // 1× e.g. 06SANJOSE2041
  ['CPI', 'not-a-marking'], // 1× e.g. 08BUENOSAIRES58
  ['Complimentary Opening', 'not-a-marking'], // 1× e.g. 09STATE50240
  ['Complimentary close', 'not-a-marking'], // 1× e.g. 08BOGOTA4083
  ['Confidential', '(C)'], // 1× e.g. 09MEXICO1055
  ['D-Fla', 'not-a-marking'], // 1× e.g. 05BUENOSAIRES159
  ['DIO', 'not-a-marking'], // 1× e.g. 10STATE15856
  ['FDI', 'not-a-marking'], // 1× e.g. 08BUENOSAIRES58
  ['G', 'not-a-marking'], // 1× e.g. 09MEXICO3091
  ['H', 'not-a-marking'], // 1× e.g. 09MEXICO3091
  ['ICS', 'not-a-marking'], // 1× e.g. 10BUENOSAIRES55
  ['MD', 'not-a-marking'], // 1× e.g. 07PARIS2743
  ['OPIC', 'not-a-marking'], // 1× e.g. 08BUENOSAIRES58
  ['PART 2 OF 2', 'not-a-marking'], // 1× e.g. 06BUENOSAIRES34
  ['QUOTE U.S. NOTE IN ITS ENTIRETY', 'not-a-marking'], // 1× e.g. 09STATE29290
  ['Quote U.S. note in its entirety', 'not-a-marking'], // 1× e.g. 09STATE10122
  ['Reftel', 'not-a-marking'], // 1× e.g. 09PARIS1267
  ['S-ENTIRE TEXT', '(S)'], // 1× e.g. 90BAGHDAD4397
  ['S//REL KAZAKHSTAN', '(S//REL TO USA, KAZ)'], // 1× e.g. 08STATE79112
  ['S//REL KENYA', '(S//REL TO USA, KEN)'], // 1× e.g. 09STATE122115
  ['S//REL TO USA, ACGU', '(S//REL TO USA, ACGU)'], // 1× e.g. 08STATE116943
  ['S//REL TURKEY', '(S//REL TO USA, TUR)'], // 1× e.g. 10STATE15856
  ['S//REL Turkey', '(S//REL TO USA, TUR)'], // 1× e.g. 09STATE28302
  ['S/NF/rel Panama', '(S//NF)'], // 1× e.g. 09BOGOTA3559
  ['S/REL RUSSIA', '(S//REL TO USA, RUS)'], // 1× e.g. 09STATE81957
  ['S/REL SYRIA', '(S//REL TO USA, SYR)'], // 1× e.g. 10STATE17307
  ['S/REL to RUSSIA', '(S//REL TO USA, RUS)'], // 1× e.g. 09STATE14070
  ['S/Rel to Belize', '(S//REL TO USA, BLZ)'], // 1× e.g. 08STATE103511
  ['S/Rel to Kenya', '(S//REL TO USA, KEN)'], // 1× e.g. 08STATE103511
  ['S/Rel to Russia, Latvia', '(S//REL TO USA, LVA, RUS)'], // 1× e.g. 08STATE103511
  ['S/Rel to Ukraine', '(S//REL TO USA, UKR)'], // 1× e.g. 08STATE103511
  ['SBU//Rel NATO, ISAF', '(U//REL TO USA, ISAF, NATO//SBU)'], // 1× e.g. 10KABUL693
  ['SECRET//REL GERMANY', '(S//REL TO USA, DEU)'], // 1× e.g. 09STATE122950
  ['SECRET/REL FRANCE', '(S//REL TO USA, FRA)'], // 1× e.g. 09STATE96222
  ['Secret/Rel Armenia', '(S//REL TO USA, ARM)'], // 1× e.g. 08STATE134490
  ['Source: KLPD National Police Force', 'not-a-marking'], // 1× e.g. 05THEHAGUE3305
  ['Source: Procomer', 'not-a-marking'], // 1× e.g. 07SANJOSE1248
  ['To Eduardo Jordan', 'not-a-marking'], // 1× e.g. 09STATE57530
  ['To the Government of Mexico', 'not-a-marking'], // 1× e.g. 09STATE57530
  ['USD 33.5 million', 'not-a-marking'], // 1× e.g. 09BERN127
  ['begin non-paper', 'not-a-marking'], // 1× e.g. 09STATE60608
  ['d', 'not-a-marking'], // 1× e.g. 05THEHAGUE3305
  ['end non-paper', 'not-a-marking'], // 1× e.g. 09STATE60608
  ['f', 'not-a-marking'], // 1× e.g. 05THEHAGUE3305
  ['g', 'not-a-marking'], // 1× e.g. 05THEHAGUE3305
  ['perhaps most importantly', 'not-a-marking'], // 1× e.g. 09THEHAGUE399
  ['s/nf', '(S//NF)'], // 1× e.g. 10RIYADH182
  ['secret//rel germany', '(S//REL TO USA, DEU)'], // 1× e.g. 08STATE15220
  ['secret//rel spain', '(S//REL TO USA, ESP)'], // 1× e.g. 09STATE4134
];

/** Two marks in a row at a paragraph start: the second is a mark only in `(U) (SBU)`. */
const DOUBLE_TABLE: ReadonlyArray<readonly [string, string]> = [
  ['(6) (S)', '(S)'], // 09PESHAWAR41: "(6)" is a list number, "(S)" the mark
  ['(C) (SUMMARY)', '(C)'], // 06BOGOTA1970
  ['(S) (Summary continued)', '(S)'], // 09BAGHDAD1104
  ['(U) (SBU)', '(U//SBU)'], // 07MONTERREY130: both marks, combined
];

/** Banner classification words → canonical banner, or `malformed` when not understood (fail closed). */
const BANNER_TABLE: ReadonlyArray<readonly [string, string]> = [
  ['S E C R E T', 'SECRET'],
  ['C O N F I D E N T I A L', 'CONFIDENTIAL'],
  ['UNCLAS', 'UNCLASSIFIED'],
  ['CONFIDENTIAL', 'CONFIDENTIAL'],
  ['UNCLASSIFIED//FOR OFFICIAL USE ONLY', 'UNCLASSIFIED//FOUO'],
  ['SECRET', 'SECRET'],
  ['SECRET//NOFORN', 'SECRET//NOFORN'],
  ['UNCLASSIFIED', 'UNCLASSIFIED'],
  ['CONFIDENTIAL//NOFORN', 'CONFIDENTIAL//NOFORN'],
  ['S e c r e t', 'SECRET'],
  ['SS E C R E T', 'SECRET'],
  ['CC O N F I D E N T I A L', 'CONFIDENTIAL'],
  ['O N F I D E N T I A L', 'malformed'], // 06AMMAN3564: first letter lost
  ['SE C R E T', 'SECRET'],
  ['UNCLAS E F T O', 'UNCLASSIFIED//SBU'],
  ['C C O N F I D E N T I A L', 'CONFIDENTIAL'],
  ['CO N F I D E N T I A L', 'CONFIDENTIAL'],
  ['CSE C R E T', 'malformed'], // 09MOSCOW1108: garbled
  ['E C R E T', 'malformed'], // 07SANAA473: first letter lost
  ['SECRET NOFORN', 'SECRET//NOFORN'],
  ['SECRET//FGI//NOFORN//MR', 'SECRET//FGI//NOFORN'],
  ['SECRET//REL SAU', 'SECRET//REL TO USA, SAU'],
  ['UUNCLAS', 'UNCLASSIFIED'],
];

/** Caveat lines between the banner and the E.O. line → controls. */
const CAVEAT_TABLE: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['NOFORN', ['NOFORN']],
  ['SENSITIVE', ['SBU']],
  ['SENSITIVE SIPDIS', ['SBU']],
  ['SENSITIVE, SIPDIS', ['SBU']],
  ['NOFORN SIPDIS', ['NOFORN']],
  ['NOFORN, SIPDIS', ['NOFORN']],
  ['SENSITIVE,SIPDIS', ['SBU']],
  ['SIPDIS, NOFORN', ['NOFORN']],
];

describe('corpus portion forms', () => {
  it.each(PORTION_TABLE)('(%s) → %s', (inner, expected) => {
    const kind = classifyParenthetical(inner);
    if (expected === 'not-a-marking' || expected === 'malformed') {
      expect(kind).toBe(expected);
      return;
    }
    expect(kind).toBe('marking');
    const m = parsed(`(${inner})`);
    expect(formatPortion(m)).toBe(expected);
    // The canonical form reads back to the same marking.
    expect(meaning(parsed(expected))).toEqual(meaning(m));
  });
});

describe('corpus double marks', () => {
  it.each(DOUBLE_TABLE)('%s → %s', (raw, expected) => {
    const [first, second] = raw.match(/\([^()]*\)/g) ?? [];
    const a = classifyParenthetical((first ?? '').slice(1, -1));
    const b = classifyParenthetical((second ?? '').slice(1, -1));
    const marks = [a === 'marking' ? first : null, b === 'marking' ? second : null].filter((x): x is string => !!x);
    const combined = marks.map((x) => parsed(x)).reduce((p, q) => mostRestrictive(p, q));
    expect(formatPortion(combined)).toBe(expected);
  });
});

describe('corpus banners', () => {
  it.each(BANNER_TABLE)('%s → %s', (raw, expected) => {
    const r = parseMarking(raw, 'banner');
    if (expected === 'malformed') {
      expect(r.ok).toBe(false);
      return;
    }
    if (!r.ok) throw new Error(r.message);
    expect(formatBanner(r.marking)).toBe(expected);
  });
});

describe('corpus caveat lines', () => {
  it.each(CAVEAT_TABLE)('%s → %j', (raw, expected) => {
    expect(parseCaveat(raw)).toEqual(expected);
  });
});

describe.skipIf(!HAS_CORPUS)('the tables cover the corpus', () => {
  it('lists every form that scripts/list-marking-forms.mjs finds', async () => {
    const script = fileURLToPath(new URL('../../scripts/list-marking-forms.mjs', import.meta.url));
    const { scanCorpus } = (await import(script)) as {
      scanCorpus: (dir: string) => Record<'portion' | 'double' | 'banner' | 'caveat', { form: string }[]>;
    };
    const found = scanCorpus(CORPUS);
    const missing = (rows: { form: string }[], table: ReadonlyArray<readonly [string, unknown]>) =>
      rows.map((r) => r.form).filter((f) => !table.some(([t]) => t === f));
    expect(missing(found.portion, PORTION_TABLE)).toEqual([]);
    expect(missing(found.double, DOUBLE_TABLE)).toEqual([]);
    expect(missing(found.banner, BANNER_TABLE)).toEqual([]);
    expect(missing(found.caveat, CAVEAT_TABLE)).toEqual([]);
  });
});
