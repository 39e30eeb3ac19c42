/**
 * Pure mutators for the fuzzer: each takes the bytes of a cable and a seeded random source and
 * returns new bytes (the input is never modified). They imitate how real input goes wrong: damaged
 * transmissions (flipped bytes, truncation), bad copy and paste (duplicated or lost lines, mixed
 * line ends), marks typed wrong (`(C0)`, `(S//N F)`, `(U/ /NF)`), binary junk (NUL bytes,
 * invalid UTF-8) and oversized lines.
 */

/** A seeded pseudo-random source (mulberry32): the same seed gives the same run. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n) (0 when n <= 0). */
  int(n: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
}

/** A mulberry32 generator: small, fast, and good enough to spread mutations (not for secrets). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => (n <= 0 ? 0 : Math.floor(next() * n));
  return { next, int, pick: (list) => list[int(list.length)]! };
}

/**
 * Marks one keystroke away from a valid one. Each must be withheld wherever it heads a paragraph,
 * whatever the banner says: a mark the tool cannot read is a mark it cannot trust.
 */
export const NEAR_MISS_MARKS = [
  '(C0)', '(S//N F)', '(U/ /NF)', '(S/NFF)', '(CC)', '(S//NOFRN)', '(SS)', '(TS//S1)', '(C/ /REL USA)',
  '(U//F0UO)', '(S-)', '(C//)', '(S//NF//)', '(SECRT)', '(CONFIDENTAL)', '(S//REL TO USA, NATO, )',
  // Look-alike letters: Cyrillic Dze and Es, mathematical bold S, a small capital S.
  '(\u0405)', '(\u0421//NF)', '(\u{1d412}//NF)', '(\ua731)',
  // Brackets that do not match, a lost bracket, a level and a control joined by one slash as a label.
  '(S]', '[S//NF)', '(S//NF', 'TS)', 'S/NF:',
  // A special access program's mark with a control where only a program can be, or unclassified.
  '(S//SAR-BP/NF)', '(U//SAR-BP)', '(U//DISPLAY ONLY AFG)',
] as const;
// Not near misses, on purpose: `(C//REL TO)` is read as C//NOFORN and `(S NF NF)` as S//NOFORN
// (documented normalisations, both fail closed), and `(0)` is a list label, not a mark.

/** Valid portion marks the fuzzer swaps in for one another. */
const VALID_MARKS = ['(U)', '(C)', '(S)', '(SBU)', '(S//NF)', '(C//REL TO USA, NATO)', '(TS)', '(C/NF)'];

/** Banners the fuzzer swaps in, to check that a paragraph's mark, not the banner, decides. */
const BANNERS = ['UNCLASSIFIED', 'UNCLAS', 'C O N F I D E N T I A L', 'S E C R E T', 'SECRET//NOFORN', 'UNCLAS SENSITIVE'];

const LF = 0x0a;
const CR = 0x0d;
const latin1 = new TextDecoder('latin1');

/** Bytes ↔ a latin1 string: one char per byte, so string edits keep every byte as it was. */
function toBinaryString(bytes: Uint8Array): string {
  return latin1.decode(bytes);
}
function fromBinaryString(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}
/** UTF-8 text as a latin1 string of its bytes, for splicing into a binary string. */
function utf8Binary(text: string): string {
  return toBinaryString(new TextEncoder().encode(text));
}

/** Splits on LF, keeping the rest of each line (CR included) as is. */
function lines(bytes: Uint8Array): string[] {
  return toBinaryString(bytes).split('\n');
}
function joinLines(ls: readonly string[]): Uint8Array {
  return fromBinaryString(ls.join('\n'));
}

/** A mutator: pure, deterministic for a given rng state. */
export type Mutator = (bytes: Uint8Array, rng: Rng) => Uint8Array;

/** Flips 1–8 random bits or sets random bytes. */
export const flipBytes: Mutator = (bytes, rng) => {
  if (bytes.length === 0) return bytes.slice();
  const out = bytes.slice();
  const n = 1 + rng.int(8);
  for (let k = 0; k < n; k++) {
    const i = rng.int(out.length);
    out[i] = rng.next() < 0.5 ? out[i]! ^ (1 << rng.int(8)) : rng.int(256);
  }
  return out;
};

/** Cuts the input at a random byte (possibly inside a UTF-8 sequence or a mark). */
export const truncate: Mutator = (bytes, rng) => bytes.slice(0, rng.int(bytes.length + 1));

/** Duplicates a run of 1–5 lines in place (a page sent twice). */
export const duplicateLines: Mutator = (bytes, rng) => {
  const ls = lines(bytes);
  const at = rng.int(ls.length);
  const run = ls.slice(at, at + 1 + rng.int(5));
  ls.splice(at, 0, ...run);
  return joinLines(ls);
};

/** Deletes a run of 1–5 lines (a lost page header, a blank line that separated paragraphs). */
export const deleteLines: Mutator = (bytes, rng) => {
  const ls = lines(bytes);
  ls.splice(rng.int(ls.length), 1 + rng.int(5));
  return joinLines(ls);
};

/**
 * Marks where a paragraph starts: at the start of a line, after an optional `¶3.` / `a.` / `--`
 * label. (A parenthesis inside a sentence, `the Ministry (MFA)`, is prose, and so is a near miss
 * written there, so only these are replaced.) Group 1 is the label, group 2 the mark.
 */
const PARAGRAPH_MARK = /^([ \t]*(?:¶[ \t]*)?(?:\d{1,3}[.)][ \t]*|[A-Za-z][.)][ \t]*|--?[ \t]*)?)(\((?:[A-Z]{1,3}|SBU|[A-Z]{1,2}\/{1,2}[A-Z ,/]{1,30})\))/gm;

/** Offsets and text of the paragraph-heading marks in `s`. */
function markLikeAt(s: string): { index: number; text: string }[] {
  return [...s.matchAll(PARAGRAPH_MARK)].map((m) => ({ index: m.index + m[1]!.length, text: m[2]! }));
}

/** Replaces one existing mark (or, when there is none, the start of a paragraph) with a near miss. */
export const nearMissMark: Mutator = (bytes, rng) => {
  const s = toBinaryString(bytes);
  const marks = markLikeAt(s);
  const miss = utf8Binary(rng.pick(NEAR_MISS_MARKS));
  if (marks.length > 0) {
    const m = rng.pick(marks);
    return fromBinaryString(s.slice(0, m.index) + miss + s.slice(m.index + m.text.length));
  }
  return insertAtParagraph(s, `${miss} `, rng);
};

/** Replaces one existing mark with another valid one (a paragraph up- or downgraded). */
export const swapMark: Mutator = (bytes, rng) => {
  const s = toBinaryString(bytes);
  const marks = markLikeAt(s);
  if (marks.length === 0) return bytes.slice();
  const m = rng.pick(marks);
  return fromBinaryString(s.slice(0, m.index) + rng.pick(VALID_MARKS) + s.slice(m.index + m.text.length));
};

/** Rewrites the banner line (e.g. to UNCLASSIFIED over classified paragraphs). */
export const swapBanner: Mutator = (bytes, rng) => {
  const ls = lines(bytes);
  const i = ls.findIndex((l) => /^(?:C O N F I D E N T I A L|S E C R E T|UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET)\b/.test(l));
  const banner = rng.pick(BANNERS);
  if (i < 0) ls.splice(Math.min(ls.length, 4), 0, banner);
  else ls[i] = ls[i]!.replace(/^(?:C O N F I D E N T I A L|S E C R E T|UNCLASSIFIED|UNCLAS(?: SENSITIVE)?|CONFIDENTIAL|SECRET)(?:\/\/[A-Z/ ,]+)?/, banner);
  return joinLines(ls);
};

/** Inserts a new paragraph headed by a near-miss mark after a random blank line. */
function insertAtParagraph(s: string, prefix: string, rng: Rng): Uint8Array {
  const ls = s.split('\n');
  const blanks = ls.map((l, i) => (l.trim() === '' ? i : -1)).filter((i) => i >= 0);
  const at = blanks.length > 0 ? rng.pick(blanks) + 1 : ls.length;
  ls.splice(at, 0, `${1 + rng.int(20)}. ${prefix}FUZZED PARAGRAPH ${rng.int(1e6)} WITH ENOUGH WORDS TO BE CHECKED FOR A LEAK BY SHINGLES.`, '');
  return fromBinaryString(ls.join('\n'));
}

/** Adds a paragraph headed by a near-miss mark (so every input can carry one). */
export const addNearMissParagraph: Mutator = (bytes, rng) => insertAtParagraph(toBinaryString(bytes), `${utf8Binary(rng.pick(NEAR_MISS_MARKS))} `, rng);

/**
 * Puts a near-miss paragraph right under a line of the header (no blank line between), where the
 * parser is reading routing, banner, E.O., TAGS, SUBJECT, REF or Classified By lines: text taken
 * for header is released as is, so a paragraph must not pass for header.
 */
export const nearMissInHeader: Mutator = (bytes, rng) => {
  const ls = lines(bytes);
  const at = 1 + rng.int(Math.min(ls.length, 40));
  const label = rng.pick(['', '¶1. ', `${1 + rng.int(9)}. `, 'A. ', '-- ']);
  ls.splice(at, 0, `${utf8Binary(label)}${utf8Binary(rng.pick(NEAR_MISS_MARKS))} HEADER ZONE PARAGRAPH ${rng.int(1e6)} THAT MUST BE WITHHELD FROM EVERY RELEASE.`);
  return joinLines(ls);
};

/** Junk lines: control characters, punctuation runs, stray marks and numbers, page furniture. */
export const junkLines: Mutator = (bytes, rng) => {
  const ls = lines(bytes);
  const junk = [
    '\t\t  ', '¶', '((((((((', '))))', '1.', '(C', 'C)', '-- (S)', '////', '\u000c', 'NNNN', 'PAGE 02 OF 03',
    'BERLIN 00000173  002 OF 002', 'E.O. 12958: DECL:', 'Classified By:', 'SUBJECT:', '\u001b[31m', '\u00ad\u200b',
    'a.', 'II.', '(U) (C) (S)', '¶¶¶ 1. 2. 3.',
  ];
  const n = 1 + rng.int(4);
  for (let k = 0; k < n; k++) ls.splice(rng.int(ls.length + 1), 0, utf8Binary(rng.pick(junk)));
  return joinLines(ls);
};

/** One line of 1 MiB (letters and spaces, or one unbroken word). */
export const hugeLine: Mutator = (bytes, rng) => {
  const ls = lines(bytes);
  const unbroken = rng.next() < 0.5;
  const unit = unbroken ? 'A' : 'WORD ';
  const line = unit.repeat(Math.ceil((1 << 20) / unit.length)).slice(0, 1 << 20);
  ls.splice(rng.int(ls.length + 1), 0, line);
  return joinLines(ls);
};

/** Inserts 1–3 NUL bytes (decodeInput must refuse the file cleanly). */
export const insertNul: Mutator = (bytes, rng) => {
  const s = toBinaryString(bytes);
  let out = s;
  for (let k = 1 + rng.int(3); k > 0; k--) {
    const at = rng.int(out.length + 1);
    out = `${out.slice(0, at)}\u0000${out.slice(at)}`;
  }
  return fromBinaryString(out);
};

/** Inserts invalid UTF-8: a lone continuation byte, a cut sequence, an overlong form, 0xFF. */
export const invalidUtf8: Mutator = (bytes, rng) => {
  const bad = ['\x80', '\xC3', '\xE2\x82', '\xC0\xAF', '\xFF', '\xED\xA0\x80', '\xB6'];
  const s = toBinaryString(bytes);
  const at = rng.int(s.length + 1);
  return fromBinaryString(s.slice(0, at) + rng.pick(bad) + s.slice(at));
};

/** Mixes line ends: some LF become CR or CRLF (an old Mac or Windows editor touched the file). */
export const mixLineEnds: Mutator = (bytes, rng) => {
  const out: number[] = [];
  const p = rng.next();
  for (const b of bytes) {
    if (b === LF && rng.next() < p) {
      if (rng.next() < 0.5) out.push(CR);
      else out.push(CR, LF);
    } else out.push(b);
  }
  return Uint8Array.from(out);
};

/** Every mutator by name, with a weight: cheap and telling ones more often, the 1 MiB line rarely. */
export const MUTATORS: readonly { readonly name: string; readonly weight: number; readonly fn: Mutator }[] = [
  { name: 'flip-bytes', weight: 4, fn: flipBytes },
  { name: 'truncate', weight: 2, fn: truncate },
  { name: 'duplicate-lines', weight: 3, fn: duplicateLines },
  { name: 'delete-lines', weight: 3, fn: deleteLines },
  { name: 'near-miss-mark', weight: 5, fn: nearMissMark },
  { name: 'add-near-miss-paragraph', weight: 2, fn: addNearMissParagraph },
  { name: 'near-miss-in-header', weight: 2, fn: nearMissInHeader },
  { name: 'swap-mark', weight: 3, fn: swapMark },
  { name: 'swap-banner', weight: 3, fn: swapBanner },
  { name: 'junk-lines', weight: 3, fn: junkLines },
  { name: 'huge-line', weight: 0.15, fn: hugeLine },
  { name: 'nul-bytes', weight: 0.5, fn: insertNul },
  { name: 'invalid-utf8', weight: 2, fn: invalidUtf8 },
  { name: 'mixed-line-ends', weight: 2, fn: mixLineEnds },
];

/** Picks a mutator by weight. */
export function pickMutator(rng: Rng): (typeof MUTATORS)[number] {
  const total = MUTATORS.reduce((s, m) => s + m.weight, 0);
  let r = rng.next() * total;
  for (const m of MUTATORS) {
    r -= m.weight;
    if (r < 0) return m;
  }
  return MUTATORS[MUTATORS.length - 1]!;
}

/** Applies 1–`max` weighted mutators in a row; returns the bytes and the names applied. */
export function mutate(bytes: Uint8Array, rng: Rng, max = 3): { bytes: Uint8Array; applied: string[] } {
  let out = bytes;
  const applied: string[] = [];
  for (let k = 1 + rng.int(max); k > 0; k--) {
    const m = pickMutator(rng);
    out = m.fn(out, rng);
    applied.push(m.name);
  }
  return { bytes: out, applied };
}
