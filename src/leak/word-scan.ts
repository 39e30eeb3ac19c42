/**
 * The word hashes of a text in one pass over its characters: the same values as hashing each
 * word of `normalisedWords(text)` (words.ts), without building the lower-cased copy, the split
 * array or a string per word. The leak checks hash every release, its visible text and its
 * withheld pieces; the strings were most of that cost and of the garbage.
 *
 * Exactly as words.ts: characters no reader sees are dropped first; `-` followed by blanks that
 * hold a line break joins the words around it (JavaScript's `\s`), the text is lower-cased as
 * `String.prototype.toLowerCase` does, and a word is a run of letters and numbers (`\p{L}`,
 * `\p{N}`). A text with a capital sigma, the one letter whose lower case depends on its
 * neighbours, goes the string way.
 */
import { normalisedWords, UNSEEN_CHARACTERS } from './words.js';

/** First values of the two 32-bit word hashes (FNV-1a style with different primes and seeds). */
const START_A = (0x811c9dc5 ^ 0x9e3779b1) | 0;
const START_B = (0x01000193 ^ 0x85ebca77) | 0;
const PRIME_A = 0x01000193;
const PRIME_B = 0x5bd1e995;

/** Word hashes: for word i, its two hashes at `pairs[2i]` and `pairs[2i + 1]`. */
export interface WordHashes {
  readonly pairs: Uint32Array;
  readonly count: number;
}

/** Word hashes as they are found: the hash lanes of the word being read, and a growing array of finished pairs. */
class WordHasher {
  pairs: Uint32Array;
  count = 0;
  private a = START_A;
  private b = START_B;
  private inWord = false;

  constructor(capacity: number) {
    this.pairs = new Uint32Array(2 * capacity);
  }

  /** One UTF-16 unit of a lower-cased letter or number, or -1 for a character that ends a word. */
  feed(unit: number): void {
    if (unit >= 0) {
      this.a = Math.imul(this.a ^ unit, PRIME_A);
      this.b = Math.imul(this.b ^ unit, PRIME_B);
      this.inWord = true;
    } else if (this.inWord) this.end();
  }

  /** Ends the word being read, if any. */
  end(): void {
    if (!this.inWord) return;
    if (2 * this.count + 2 > this.pairs.length) {
      const grown = new Uint32Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[2 * this.count] = this.a >>> 0;
    this.pairs[2 * this.count + 1] = (this.b ^ (this.b >>> 15)) >>> 0;
    this.count++;
    this.a = START_A;
    this.b = START_B;
    this.inWord = false;
  }
}

/** For each ASCII character, the unit a word gets from it (lower-cased), or -1 when it ends a word. */
const ASCII_UNITS = Int16Array.from({ length: 0x80 }, (_, c) => {
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) ? c : -1;
});

/** The hashes of `normalisedWords(text)`, word by word. */
export function wordHashesOf(text: string): WordHashes {
  if (text.includes('\u03a3')) return hashWords(normalisedWords(text));
  // Characters no reader sees go first, as in normalisedWords (a test before the copy: rare).
  if (text.search(UNSEEN_CHARACTERS) >= 0) text = text.replace(UNSEEN_CHARACTERS, '');
  const words = new WordHasher(Math.max(8, text.length >>> 3));
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 0x2d) {
      const after = afterLineBreakBlanks(text, i + 1);
      if (after > 0) {
        i = after;
        continue;
      }
    }
    if (c < 0x80) {
      words.feed(ASCII_UNITS[c]!);
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    for (const unit of loweredUnits(cp)) words.feed(unit);
    i += cp > 0xffff ? 2 : 1;
  }
  words.end();
  return { pairs: words.pairs, count: words.count };
}

/** The hashes of words already normalised (the string way, for a text with a capital sigma). */
function hashWords(words: readonly string[]): WordHashes {
  const hasher = new WordHasher(Math.max(1, words.length));
  for (const w of words) {
    for (let k = 0; k < w.length; k++) hasher.feed(w.charCodeAt(k));
    hasher.end();
  }
  return { pairs: hasher.pairs, count: hasher.count };
}

/**
 * Where the blanks after a `-` at `from - 1` end when they hold a line break (`-\s*\n\s*`
 * matches there, and the whole run goes), else -1.
 */
function afterLineBreakBlanks(text: string, from: number): number {
  let j = from;
  let lineBreak = false;
  for (; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === 0x0a) lineBreak = true;
    else if (!isJsSpace(d)) break;
  }
  return lineBreak ? j : -1;
}

/** JavaScript's `\s`: white space and line terminators. */
function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * A non-ASCII code point lower-cased: the UTF-16 units of each letter or number it becomes, -1
 * for each code point that is neither (a word break). Kept per code point: texts repeat few.
 */
const LOWERED = new Map<number, readonly number[]>();
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

function loweredUnits(cp: number): readonly number[] {
  const known = LOWERED.get(cp);
  if (known !== undefined) return known;
  const units: number[] = [];
  for (const ch of String.fromCodePoint(cp).toLowerCase()) {
    if (WORD_CHAR.test(ch)) for (let k = 0; k < ch.length; k++) units.push(ch.charCodeAt(k));
    else units.push(-1);
  }
  if (LOWERED.size >= 65536) LOWERED.clear();
  LOWERED.set(cp, units);
  return units;
}
