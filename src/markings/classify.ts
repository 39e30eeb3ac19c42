/**
 * Deciding what a parenthesised word at the start of a paragraph is: a portion mark, a broken
 * portion mark, or something else (a topic heading such as `(Mideast)`, a list label `(a)`).
 */
import { foldForeignLetters, hasForeignLetters } from './full-width.js';
import { parseMarking } from './parse-marking.js';
import { CONTROL_WORDS, LEVEL_WORDS } from './vocabulary.js';

/** What a parenthetical at the start of a paragraph is. */
export type ParentheticalKind = 'marking' | 'malformed' | 'not-a-marking';

/**
 * Two-letter headings that are made of marking letters but are common abbreviations in cables
 * (`(UN)` heads a media-reaction paragraph in 09BERLIN1054). Everything else made of marking
 * letters is treated as a broken mark.
 */
const COMMON_ABBREVIATIONS = new Set(['UN', 'US']);

/**
 * Short runs of marking letters that look like a typed mark: `SS`, `CC`, `C0`, `TSS`, `CT`, `UC`.
 * A level letter first, then up to two more letters from U C S T N F B or digits.
 */
const COMPACT = /^(?:TS|[UCS])[UCSTNFB0-9]{0,2}$/;

/** A State reporting requirement's number: a letter, two letters and a year's digit, five digits. */
const REQUIREMENT_NUMBER = /^[A-Z]-[A-Z]{2}\d-\d{5}$/;

/** Letters of U, C, S, TS, NF split by slashes in an order no marking has: `N/SF`, `NF/C`, `F/S`. */
const GARBLED = /^[UCSTNF]{1,3}(?:[ \t]*\/{1,2}[ \t]*[UCSTNF]{1,3}){1,3}$/;

/**
 * Control words that, standing alone or with other marking words, can only be an attempt at a mark.
 * With them the privacy caveat some offices write as a portion's mark, `(PII)`: no marking system
 * defines it, but a paragraph opened by it holds personal information, so it is a mark not
 * understood (withheld pending review), not unmarked text an unclassified document releases.
 */
const STRONG = new Set([
  'NF', 'NOFORN', 'ORCON', 'PROPIN', 'RELIDO', 'LIMDIS', 'EXDIS', 'NODIS', 'REL', 'FGI', 'IMCON', 'RSEN', 'FOUO',
  'SBU', 'LOU', 'SCI', 'SECRET', 'CONFIDENTIAL', 'UNCLASSIFIED', 'UNCLAS', 'DSEN', 'FISA', 'PII',
  // CAPCO's portion abbreviations of PROPIN, EXDIS and NODIS; DOE's Official Use Only; the old
  // `EYES ONLY`. Each opened a paragraph that an UNCLASSIFIED document released as unmarked.
  'PR', 'XD', 'ND', 'OUO', 'EYES',
]);

/**
 * A level written together with an Atomic Energy Act marking as the Department of Energy marks
 * portions (`(SRD)`, `(CFRD)`, `(TSRD)`), or with SCI or an old codeword marking (`(TSSCI)`,
 * `(SCW)`, `(TSCW)`): a mark with nothing prose writes so (`SSCI`, the Senate's intelligence
 * committee, is not one). Read as unmarked, a paragraph so marked was released, Restricted Data
 * included, in a declassified or UNCLASSIFIED document.
 */
const LEVEL_WITH_SYSTEM = /^(?:(?:TS|S|C)(?:RD|FRD|CW)|TSSCI)$/;

/**
 * SCI control systems and Atomic Energy Act markings: a parenthetical that starts with one (`SI`,
 * `TK/SI`, `SI-G`, `HCS`, `RD`) is a mark with its level missing. None opens a paragraph or line
 * of the corpus cables as anything else. (`SAR` alone does, as search and rescue: see {@link SPECIAL_ACCESS}.)
 */
const CONTROL_SYSTEMS = new Set(['SI', 'TK', 'HCS', 'KDK', 'ECI', 'COMINT', 'RD', 'FRD', 'TFNI', 'UCNI', 'DCNI', 'CNWDI']);

/**
 * A special access program's mark with its level missing: `SAR-` and the program's identifier
 * (`SAR-BP`, `SAR-GREEN DOOR`), or the words written out. A bare `(SAR)`, search and rescue in
 * 06REYKJAVIK118, stays text; neither form opens a paragraph of the corpus cables or PDFs.
 */
const SPECIAL_ACCESS = /^(?:SAR-[A-Z0-9]|SPECIAL ACCESS REQUIRED\b)/;

/**
 * Controlled Unclassified Information (32 CFR part 2002), the marking that replaces FOUO and SBU:
 * `(CUI)`, `(CUI//SP-PRVCY)`: a mark, never a heading over text released as unmarked (the grammar
 * reads it with its categories noted).
 */
const CUI = 'CUI';

/** A level above UNCLASSIFIED as a mark opens with it, short or spelled out. */
const LEVEL_ABOVE_U = new Set(['TS', 'S', 'C', 'SECRET', 'CONFIDENTIAL', 'TOPSECRET']);

/**
 * Controls a level can be typed together with, as one word (`(SECRETEXDIS)`, `(CFGI)`): STRONG's
 * and the SCI systems', less what makes words of prose that way (`SSCI`, the Senate's
 * intelligence committee; `Ceci`; `Clou`). After a one-letter level only those of three letters
 * or more are looked for (`CSI`, `CTK`, `SX1` are abbreviations or names; `SNF` is COMPACT's);
 * after U, the controls that withhold an unclassified portion, alone (`(UFOUO)`).
 */
const GLUED_CONTROLS = ['NOFORN', 'ORCON', 'PROPIN', 'RELIDO', 'LIMDIS', 'EXDIS', 'NODIS', 'IMCON', 'RSEN', 'FOUO', 'DSEN', 'FISA', 'REL', 'FGI', 'SBU', 'HCS', 'KDK', 'NF', 'OC', 'SI', 'TK'];
const LONGER_CONTROLS = GLUED_CONTROLS.filter((c) => c.length >= 3).join('|');

/** Controls that withhold a portion marked unclassified (or contradict the level): after U, a mark. */
const WITHHELD_AFTER_U = ['FOUO', 'SBU', 'LES', 'NOFORN', 'NF', 'ORCON', 'OC', 'PROPIN', 'LIMDIS', 'EXDIS', 'NODIS', 'SI', 'TK', 'HCS'];
const GLUED = new RegExp(
  `^(?:(?:TOPSECRET|SECRET|CONFIDENTIAL)(?:${GLUED_CONTROLS.join('|')}|X[1-8])|TS(?:${LONGER_CONTROLS}|SI|TK)|[SC](?:${LONGER_CONTROLS})|U(?:${WITHHELD_AFTER_U.filter((c) => c.length >= 3 && c !== 'HCS').join('|')})$)`,
);

/**
 * A level and a control, however they are joined or cased: `(S.NF)`, `(s.nf)`,
 * `(CONFIDENTIAL.EXDIS)`, `(Secret NOFORN)`, `(C-REL)`, `(SECRETEXDIS)`; after U only a control
 * that withholds (`(U.NF)`, `(UFOUO)`). Prose has neither (`(S. Rept. 110)`, `(C-SPAN)`,
 * `(C.S. Lewis)`, `(U.S. Army)`).
 */
function levelAndControl(upper: string): boolean {
  const words = upper.split(/[^A-Z0-9]+/).filter(Boolean);
  // The first word glued (`(SECRETEXDIS)`, `(CREL TO USA, GBR)`, `(TOP SECRETNF)`).
  if (GLUED.test(words[0] === 'TOP' ? `TOP${words[1] ?? ''}` : words[0]!)) return true;
  if (words[0] === 'U') return WITHHELD_AFTER_U.includes(words[1]!);
  const control = words[0] === 'TOP' && words[1] === 'SECRET' ? words[2] : LEVEL_ABOVE_U.has(words[0]!) ? words[1] : undefined;
  return control !== undefined && (STRONG.has(control) || CONTROL_SYSTEMS.has(control) || /^X[1-8]$/.test(control) || CONTROL_WORDS.has(control));
}

/** Long marking words and how many typing errors still make a word "look like" one of them. */
const LONG_WORDS: ReadonlyArray<readonly [string, number]> = [
  ['SECRET', 1], ['CONFIDENTIAL', 2], ['UNCLASSIFIED', 2], ['UNCLAS', 1], ['NOFORN', 1], ['ORCON', 1],
  ['PROPIN', 1], ['RELIDO', 1], ['LIMDIS', 1], ['EXDIS', 1], ['NODIS', 1], ['SENSITIVE', 2],
];

/** Levenshtein distance, stopping early once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, substitution);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** A word within a few typing errors of a long marking word (`NOFRN`, `SECRT`, `CONFIDENTAL`). */
function nearLongWord(word: string): boolean {
  return word.length >= 5 && LONG_WORDS.some(([w, max]) => editDistance(word, w, max) <= max);
}

/** A word that can only start a mark: a level word, an unclassified control, a control system, CUI, or a compact run of marking letters. */
function levelLike(word: string): boolean {
  if (LEVEL_WORDS.has(word) || COMPACT.test(word)) return !COMMON_ABBREVIATIONS.has(word);
  if (CONTROL_WORDS.get(word)?.unclassified || CONTROL_SYSTEMS.has(word) || word === CUI) return true;
  if (/^(?:[UCS]|TS)[.:;!?*'’]$/.test(word)) return true; // "(C.)", "(S:)", "(S?)"
  if (/^CONF\.?$/.test(word)) return true; // CONFIDENTIAL abbreviated
  if (/^T\.S\.?$/.test(word)) return true; // "(T.S.)"
  return nearLongWord(word);
}

/** A word of the marking vocabulary (levels, controls, REL TO words). Country names are not included. */
function markingWord(word: string): boolean {
  if (LEVEL_WORDS.has(word) || CONTROL_WORDS.has(word) || STRONG.has(word)) return true;
  // REL TO words and country codes.
  return word === 'TO' || word === 'AND' || /^[A-Z]{3,4}$/.test(word);
}

/**
 * Classify the text between the parentheses at the start of a paragraph (`inner` excludes the
 * parentheses):
 * - `marking`: `parseMarking` understands it (`C`, `S/NF`, `sbu`, `SE`, `Secret/Rel Armenia`);
 * - `malformed`: it is not understood but looks like an attempt at a mark, so the portion must be
 *   withheld: the CAPCO separator `//` anywhere but in a URL (`X//Q`), a level-like first word
 *   (`C0`, `SS`, `S-`, `S//N F`, `U/ /NF`, `SECRET/NOFRN`, `Secret Service`, and an SCI control
 *   system or Atomic Energy Act marking: `SI`, `TK/SI`, `RD`; `CUI`), a special access program's
 *   mark (`SAR-BP`), a word a typo away from a long marking word (`NOFRN`, `CONFIDENTAL`), marking
 *   words without a level (`NF`, `REL TO USA, GBR`, `DSEN`), or empty parentheses;
 * - `not-a-marking`: anything else, e.g. topic headings and labels `(Mideast)`, `(U.S.)`, `(Iran)`,
 *   `(UN)`, `(EU)`, `(a)`, `(b)`, `(1)`, `(FYI)`, `(ref A)`.
 *
 * Fail closed: when in doubt the answer is `malformed`, never `not-a-marking`. The function is
 * context-free: a lower-case `(c)` in a run of `(a)`, `(b)`, `(c)` list labels is still `marking`
 * (CONFIDENTIAL); the cable parser, which sees the neighbours, must decide about such runs.
 */
export function classifyParenthetical(inner: string): ParentheticalKind {
  const text = inner.trim();
  if (text === '') return 'malformed';
  // `(Ｓ)`, `(Ｓ//ＮＦ)`, `(С)` (Cyrillic): a mark typed in full-width letters, or with capitals of
  // another script drawn as Latin ones, is one the grammar does not read.
  if (hasForeignLetters(text)) return classifyParenthetical(foldForeignLetters(text)) === 'not-a-marking' ? 'not-a-marking' : 'malformed';
  if (parseMarking(`(${inner})`, 'portion').ok) return 'marking';
  const upper = text.toUpperCase();
  // A backslash typed for the slash (`(S\NF)`) separates words as a slash does.
  const words = upper.split(/[\s/\\,-]+/).filter(Boolean);
  const first = words[0];
  // Only separators: "(/)", "(--)".
  if (first === undefined) return 'malformed';
  // The CAPCO separator `//` (not a URL's `://`): only marks are written with it, so `(X//Q)` or
  // `(FOO//BAR)` is a mark not understood, never an unmarked paragraph released as such.
  if (/(?:^|[^:])\/\//.test(text)) return 'malformed';
  // A State reporting requirement's number under a cable's subject, `(C-AL9-00153)`, `(C-NE8-00834)`:
  // its letters and digits are no marking (09QUITO244, 09STATE106750; it sent the cable to review).
  if (REQUIREMENT_NUMBER.test(text)) return 'not-a-marking';
  if (levelLike(first) || SPECIAL_ACCESS.test(upper) || LEVEL_WITH_SYSTEM.test(first)) return 'malformed';
  // TOP SECRET as its two letters spaced, alone or before a control: `(T S)`, `(T S/SI)` (not
  // `(T S Eliot)`).
  if (/^T[ \t]+S(?:$|[ \t]*\/)/.test(upper)) return 'malformed';
  // A level and a control joined by a full stop, `(S.NF)`, `(TS.SI//REL)`: capitals as written, two
  // or more after it and none dotted again (`(U.S.)`, `(C.I.A.)`, `(S.Smith)` are prose).
  if (/^(?:TS|[UCS])\.[A-Z]{2}[A-Z0-9/-]*(?:$|[\s,])/.test(text)) return 'malformed';
  if (levelAndControl(upper)) return 'malformed';
  // Only marking letters around slashes, `N/SF` (NOFORN and SECRET garbled): a mark, not understood.
  if (GARBLED.test(upper) && /[UCS]/.test(upper)) return 'malformed';
  // Marking words with no level (`NF`, `REL TO USA, GBR`): a mark with its level missing.
  if (words.every(markingWord) && words.some((w) => STRONG.has(w))) return 'malformed';
  return 'not-a-marking';
}
