/**
 * Content-stream tokenizer and parser: bytes → operations, each with the byte span it occupies,
 * so that a rewrite can replace exactly the operations it changes and copy every other byte as it
 * was (see edits.ts). Operands are values of the object model (numbers, names, strings, arrays,
 * dictionaries, booleans, null). Inline images (`BI … ID data EI`) are one operation whose data is
 * kept as bytes.
 *
 * The parser never throws on odd input: an unbalanced `]` or `>>`, a stray keyword or junk is
 * kept as an operation or operand the interpreter can see, and `problems` lists what was odd, so
 * that a caller can fail closed where it matters.
 */
import { PdfDict, PdfName, PdfString, type PdfValue } from '../objects/model.js';
import { inlineEndsDisagree } from './inline-end.js';

/** One operation: its operator, operands, and the half-open byte span `[start, end)` from its first operand to the end of its operator. */
export interface Operation {
  readonly op: string;
  readonly operands: PdfValue[];
  readonly start: number;
  readonly end: number;
  /** For `BI` only: the image dictionary (abbreviated keys as written) and its raw data. */
  readonly inline?: { readonly dict: PdfDict; readonly data: Uint8Array };
}

/** The parsed stream. */
export interface ParsedContent {
  readonly ops: Operation[];
  /** Oddities met (unterminated string, unbalanced bracket, operands left without operator…). */
  readonly problems: string[];
  /**
   * The byte offset of the first inline image whose data holds an `EI` another reader stops at
   * before the end this parser found (see inline-end.ts), or
   * that pdf.js reads past: the readings disagree.
   */
  readonly ambiguousInlineImage?: number;
}

const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

function isRegular(c: number): boolean {
  return WS[c] === 0 && DELIM[c] === 0;
}

const KEYWORD_VALUES: Record<string, PdfValue> = { true: true, false: false, null: null };

/** Powers of ten that are exact doubles (10^0 … 10^22). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number the bytes `[start, end)` spell, without building a string, when that is exact: an
 * optional sign, at most 15 digits and at most one point. A whole number of at most 15 digits and
 * a power of ten up to 10^22 are both exact doubles, so their quotient is the correctly rounded
 * value, which is what `Number()` gives for the same text (Clinger's fast path). Anything else
 * (longer numbers, keywords, a lone sign or point) gives undefined and goes the general way.
 */
function shortNumber(b: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  const neg = b[i] === 0x2d;
  if (neg || b[i] === 0x2b) i++;
  let m = 0;
  let digits = 0;
  let decimals = 0;
  let point = false;
  for (; i < end; i++) {
    const c = b[i]!;
    if (c >= 0x30 && c <= 0x39) {
      if (++digits > 15) return undefined;
      m = m * 10 + (c - 0x30);
      if (point) decimals++;
    } else if (c === 0x2e && !point) point = true;
    else return undefined;
  }
  if (digits === 0) return undefined;
  const v = decimals === 0 ? m : m / POW10[decimals]!;
  return neg ? -v : v;
}

/**
 * Words of at most three bytes already read (operators, mostly), by their bytes: the number or
 * the frozen keyword object they read as. Bounded, as a hostile stream could spell many.
 */
const SHORT_WORDS = new Map<number, number | Keyword>();
const MAX_SHORT_WORDS = 4096;
/** Names of one to three bytes without `#` already read, by their bytes (bounded likewise). */
const SHORT_NAMES = new Map<number, PdfName>();
/**
 * A bare word that is not a number (an operator), and a closing bracket: classes, so that telling
 * a token from a value is one `instanceof` (an `in` test on whatever value came was megamorphic:
 * 2% of a PDF batch's main thread).
 */
class Keyword {
  constructor(readonly keyword: string) {}
}
class Close {
  constructor(readonly close: string) {}
}
const CLOSE_ARRAY = Object.freeze(new Close(']'));
const CLOSE_DICT = Object.freeze(new Close('>>'));

/**
 * Strings of one to three bytes already read (a glyph or two each, in most text), by their bytes
 * and form: one PdfString each, shared (PdfStrings are never changed). Bounded likewise.
 */
const SHORT_STRINGS = new Map<number, PdfString>();
/** Where hex strings are decoded before they are shared or copied out (grows to the longest met, up to 64 KB). */
let hexScratch = new Uint8Array(256);
const MAX_HEX_SCRATCH = 65536;

/** The shared PdfString of the first `n` bytes of `bytes` when n is 1 to 3, else undefined. */
function shortString(bytes: ArrayLike<number>, n: number, hex: boolean): PdfString | undefined {
  if (n < 1 || n > 3) return undefined;
  const key = (hex ? 1 << 26 : 0) | (n << 24) | (bytes[0]! << 16) | (n > 1 ? bytes[1]! << 8 : 0) | (n > 2 ? bytes[2]! : 0);
  let s = SHORT_STRINGS.get(key);
  if (s === undefined) {
    s = new PdfString(Uint8Array.from({ length: n }, (_, k) => bytes[k]!), hex);
    if (SHORT_STRINGS.size < MAX_SHORT_WORDS) SHORT_STRINGS.set(key, s);
  }
  return s;
}

class Lexer {
  pos = 0;
  readonly problems: string[] = [];
  constructor(readonly b: Uint8Array) {}

  skipWs(): void {
    const b = this.b;
    for (;;) {
      while (this.pos < b.length && WS[b[this.pos]!] === 1) this.pos++;
      if (this.pos < b.length && b[this.pos] === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
        continue;
      }
      return;
    }
  }

  literal(): PdfString {
    const b = this.b;
    const out: number[] = [];
    let depth = 1;
    this.pos++; // (
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const n = b[this.pos++];
        if (n === undefined) break;
        switch (n) {
          case 0x6e: out.push(10); break; // n
          case 0x72: out.push(13); break; // r
          case 0x74: out.push(9); break; // t
          case 0x62: out.push(8); break; // b
          case 0x66: out.push(12); break; // f
          case 0x0d: if (b[this.pos] === 0x0a) this.pos++; break; // line continuation
          case 0x0a: break;
          default:
            if (n >= 0x30 && n <= 0x37) {
              let v = n - 0x30;
              for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++) v = v * 8 + (b[this.pos++]! - 0x30);
              out.push(v & 0xff);
            } else out.push(n);
        }
        continue;
      }
      if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return shortString(out, out.length, false) ?? new PdfString(Uint8Array.from(out), false);
      // An end of line inside a literal string reads as one \n, whatever its bytes (PDF 32000 7.3.4.2).
      if (c === 0x0d) {
        if (b[this.pos] === 0x0a) this.pos++;
        out.push(10);
        continue;
      }
      out.push(c);
    }
    this.problems.push('unterminated literal string');
    return new PdfString(Uint8Array.from(out), false);
  }

  hex(): PdfString {
    const b = this.b;
    this.pos++; // <
    let end = this.pos;
    while (end < b.length && b[end] !== 0x3e) end++;
    // Decoded into a scratch buffer first: most strings are a glyph or two and shared (shortString).
    const size = (end - this.pos + 1) >> 1;
    if (hexScratch.length < size && size <= MAX_HEX_SCRATCH) hexScratch = new Uint8Array(Math.max(size, 2 * hexScratch.length));
    const out = size <= hexScratch.length ? hexScratch : new Uint8Array(size);
    let n = 0;
    let hi = -1;
    for (; this.pos < end; this.pos++) {
      const c = b[this.pos]!;
      const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;
      if (v < 0) {
        if (WS[c] !== 1) this.problems.push('bad character in hex string');
        continue;
      }
      if (hi < 0) hi = v;
      else {
        out[n++] = (hi << 4) | v;
        hi = -1;
      }
    }
    if (hi >= 0) out[n++] = hi << 4;
    if (this.pos >= b.length) this.problems.push('unterminated hex string');
    else this.pos++;
    return shortString(out, n, true) ?? new PdfString(out.slice(0, n), true);
  }

  name(): PdfName {
    const b = this.b;
    this.pos++; // /
    // Resource names (/F8, /GSa, /Im6) are short and met again and again: read each once.
    const start = this.pos;
    let end = start;
    while (end < b.length && end - start <= 3 && isRegular(b[end]!) && b[end] !== 0x23) end++;
    const len = end - start;
    if (len >= 1 && len <= 3 && !(end < b.length && isRegular(b[end]!))) {
      const key = (len << 24) | (b[start]! << 16) | (len > 1 ? b[start + 1]! << 8 : 0) | (len > 2 ? b[start + 2]! : 0);
      let n = SHORT_NAMES.get(key);
      if (n === undefined) {
        n = PdfName.of(String.fromCharCode(...b.subarray(start, end)));
        if (SHORT_NAMES.size < MAX_SHORT_WORDS) SHORT_NAMES.set(key, n);
      }
      this.pos = end;
      return n;
    }
    let s = '';
    while (this.pos < b.length && isRegular(b[this.pos]!)) {
      const c = b[this.pos++]!;
      if (c === 0x23 && this.pos + 1 < b.length) {
        const h = String.fromCharCode(b[this.pos]!, b[this.pos + 1]!);
        if (/^[0-9a-fA-F]{2}$/.test(h)) {
          s += String.fromCharCode(parseInt(h, 16));
          this.pos += 2;
          continue;
        }
      }
      s += String.fromCharCode(c);
    }
    return PdfName.of(s);
  }

  /** A regular-character run: a number, or a {@link Keyword}. */
  word(): number | Keyword {
    const b = this.b;
    const start = this.pos;
    while (this.pos < b.length && isRegular(b[this.pos]!)) this.pos++;
    const n = shortNumber(b, start, this.pos);
    if (n !== undefined) return n;
    // Operators are a few short words, met once an operation: read each once.
    const len = this.pos - start;
    const key = len <= 3 ? (len << 24) | (b[start]! << 16) | (len > 1 ? b[start + 1]! << 8 : 0) | (len > 2 ? b[start + 2]! : 0) : -1;
    const known = key >= 0 ? SHORT_WORDS.get(key) : undefined;
    if (known !== undefined) return known;
    const w = this.longWord(start);
    if (key >= 0 && SHORT_WORDS.size < MAX_SHORT_WORDS) SHORT_WORDS.set(key, w);
    return w;
  }

  /** The word `[start, pos)` the general way: a number (long, or a lone sign or point) or a keyword. */
  longWord(start: number): number | Keyword {
    const b = this.b;
    let s = '';
    for (let i = start; i < this.pos; i++) s += String.fromCharCode(b[i]!);
    if (/^[+-]?(\d+\.?\d*|\.\d*)$/.test(s) || s === '-' || s === '+') {
      const n = Number(s);
      return Number.isFinite(n) ? n : 0; // '.', '-', '+' alone read as 0, as viewers do
    }
    return Object.freeze(new Keyword(s));
  }

  /** The next value, or an operator {@link Keyword}, or undefined at the end. Closing brackets come back as {@link Close}. */
  next(): PdfValue | Keyword | Close | undefined {
    this.skipWs();
    const b = this.b;
    if (this.pos >= b.length) return undefined;
    const c = b[this.pos]!;
    if (c === 0x28) return this.literal();
    if (c === 0x2f) return this.name();
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) {
        this.pos += 2;
        return this.dictBody();
      }
      return this.hex();
    }
    if (c === 0x5b) {
      this.pos++;
      return this.arrayBody();
    }
    if (c === 0x5d) {
      this.pos++;
      return CLOSE_ARRAY;
    }
    if (c === 0x3e && b[this.pos + 1] === 0x3e) {
      this.pos += 2;
      return CLOSE_DICT;
    }
    if (!isRegular(c)) {
      this.pos++;
      this.problems.push(`stray delimiter ${String.fromCharCode(c)}`);
      return new Keyword(String.fromCharCode(c));
    }
    const w = this.word();
    if (typeof w === 'number') return w;
    if (w.keyword in KEYWORD_VALUES) return KEYWORD_VALUES[w.keyword]!;
    return w;
  }

  arrayBody(): PdfValue[] {
    const out: PdfValue[] = [];
    for (;;) {
      const v = this.next();
      if (v === undefined) {
        this.problems.push('unterminated array');
        return exact(out);
      }
      if (isClose(v)) {
        if (v.close === ']') return exact(out);
        this.problems.push('>> inside an array');
        continue;
      }
      if (isKeyword(v)) {
        this.problems.push(`operator ${v.keyword} inside an array`);
        continue;
      }
      out.push(v);
    }
  }

  dictBody(): PdfDict {
    const d = new PdfDict();
    for (;;) {
      const k = this.next();
      if (k === undefined) {
        this.problems.push('unterminated dictionary');
        return d;
      }
      if (isClose(k)) {
        if (k.close === '>>') return d;
        this.problems.push('] inside a dictionary');
        continue;
      }
      if (!(k instanceof PdfName)) {
        this.problems.push('dictionary key is not a name');
        continue;
      }
      const v = this.next();
      if (v === undefined || isClose(v) || isKeyword(v)) {
        this.problems.push('dictionary value missing');
        if (v !== undefined && isClose(v) && v.close === '>>') return d;
        continue;
      }
      d.set(k.name, v);
    }
  }
}

function isKeyword(v: unknown): v is Keyword {
  return v instanceof Keyword;
}
function isClose(v: unknown): v is Close {
  return v instanceof Close;
}

/** Image dictionary keys that give the data length of an unfiltered inline image. */
function inlineDataLength(dict: PdfDict): number | undefined {
  if (dict.get('F') !== undefined || dict.get('Filter') !== undefined) return undefined;
  const w = dict.get('W') ?? dict.get('Width');
  const h = dict.get('H') ?? dict.get('Height');
  const mask = dict.get('IM') ?? dict.get('ImageMask');
  const bpc = mask === true ? 1 : (dict.get('BPC') ?? dict.get('BitsPerComponent'));
  const cs = dict.get('CS') ?? dict.get('ColorSpace');
  const comps = mask === true ? 1 : cs instanceof PdfName ? ({ G: 1, DeviceGray: 1, RGB: 3, DeviceRGB: 3, CMYK: 4, DeviceCMYK: 4 } as Record<string, number>)[cs.name] : undefined;
  if (typeof w !== 'number' || typeof h !== 'number' || typeof bpc !== 'number' || comps === undefined) return undefined;
  return Math.ceil((w * comps * bpc) / 8) * h;
}

/** Where the data of an inline image ends: the `EI` that follows whitespace and is followed by whitespace and plain operators. */
function findInlineEnd(b: Uint8Array, from: number): number {
  for (let i = from; i + 1 < b.length; i++) {
    if (b[i] !== 0x45 || b[i + 1] !== 0x49) continue;
    if (i > from && WS[b[i - 1]!] !== 1) continue;
    const after = b[i + 2];
    if (after !== undefined && WS[after] !== 1) continue;
    // What follows must look like content-stream text, not more binary image data.
    let ok = true;
    for (let k = i + 2; k < Math.min(b.length, i + 2 + 32); k++) {
      const c = b[k]!;
      if (c > 0x7e || (c < 0x20 && WS[c] !== 1)) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
}

/**
 * A copy of `values` that holds just them. An array grown by push keeps room for 16 values or
 * more, and a page's operations and their operands live until the page is written (over 300
 * corpus PDFs, the bytes the scavenger promoted fell from 282-294 to 209-211 MB with exact copies).
 */
function exact(values: PdfValue[]): PdfValue[] {
  return values.length === 0 ? [] : values.slice();
}

/** The operands of every operation that has none (q, Q, BT, ET, T*…): one array, never changed. */
const NO_OPERANDS: PdfValue[] = [];

/**
 * An operation's operands as {@link exact} gives them, but numbers alone (most operations: Td,
 * Tf's size, cm, re, colours) in an array of numbers, which holds them unboxed: in an array of
 * any values each fractional number is an object of its own (16 bytes a number, and a page's
 * operations live until its release is written).
 */
function exactOperands(values: PdfValue[]): PdfValue[] {
  const n = values.length;
  if (n === 0) return NO_OPERANDS;
  for (let i = 0; i < n; i++) if (typeof values[i] !== 'number') return values.slice();
  const v = values as number[];
  switch (n) {
    case 1:
      return [v[0]!];
    case 2:
      return [v[0]!, v[1]!];
    case 3:
      return [v[0]!, v[1]!, v[2]!];
    case 4:
      return [v[0]!, v[1]!, v[2]!, v[3]!];
    case 6:
      return [v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!];
    default:
      return values.slice();
  }
}

/**
 * Parse a content stream.
 *
 * @param bytes The decoded stream (all of a page's streams joined, or one form's stream).
 * @returns The operations in order, with byte spans into `bytes`, and the oddities met.
 */
export function parseContent(bytes: Uint8Array): ParsedContent {
  const lx = new Lexer(bytes);
  const ops: Operation[] = [];
  // Gathered in one array, each operation given an exact copy (see exact).
  const operands: PdfValue[] = [];
  let start = -1;
  let ambiguous: number | undefined;
  for (;;) {
    lx.skipWs();
    const at = lx.pos;
    const v = lx.next();
    if (v === undefined) break;
    if (start < 0) start = at;
    if (isClose(v)) {
      lx.problems.push(`unbalanced ${v.close}`);
      continue;
    }
    if (!isKeyword(v)) {
      operands.push(v);
      continue;
    }
    if (v.keyword === 'BI') {
      const dict = new PdfDict();
      for (;;) {
        const k = lx.next();
        if (k === undefined) break;
        if (isKeyword(k)) {
          if (k.keyword !== 'ID') lx.problems.push(`unexpected ${k.keyword} in inline image`);
          break;
        }
        if (!(k instanceof PdfName)) continue;
        const val = lx.next();
        if (val !== undefined && !isKeyword(val) && !isClose(val)) dict.set(k.name, val);
      }
      // One whitespace byte separates ID from the data.
      const dataStart = Math.min(bytes.length, lx.pos + 1);
      const known = inlineDataLength(dict);
      let ei = known !== undefined ? findInlineEnd(bytes, dataStart + known) : findInlineEnd(bytes, dataStart);
      if (ei < 0) {
        lx.problems.push('inline image without EI');
        ei = bytes.length;
      }
      if (ambiguous === undefined && inlineEndsDisagree(bytes, dict, dataStart, known, ei)) ambiguous = start;
      const dataEnd = ei > dataStart && WS[bytes[ei - 1]!] === 1 && known === undefined ? ei - 1 : Math.min(ei, known !== undefined ? dataStart + known : ei);
      lx.pos = Math.min(bytes.length, ei + 2);
      ops.push({ op: 'BI', operands: exactOperands(operands), start, end: lx.pos, inline: { dict, data: bytes.subarray(dataStart, dataEnd) } });
    } else {
      ops.push({ op: v.keyword, operands: exactOperands(operands), start, end: lx.pos });
    }
    operands.length = 0;
    start = -1;
  }
  if (operands.length > 0) lx.problems.push('operands at the end of the stream without an operator');
  return { ops, problems: lx.problems, ...(ambiguous !== undefined ? { ambiguousInlineImage: ambiguous } : {}) };
}
