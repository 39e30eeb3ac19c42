/**
 * Character mapping for the PDF renderers.
 *
 * The PDFs are set in the standard Courier fonts, which (as pdf-lib embeds them) encode
 * WinAnsi (Windows-1252) only. Every string that reaches a page goes through a
 * {@link CharMapper} first, so the writer never meets a character it cannot encode:
 * - characters in WinAnsi are kept (¶ § ’ “ ” – — é € … all are);
 * - typographic characters outside it are mapped to an equivalent (‐ → -, ″ → ", ≤ → <=,
 *   ł → l, ő → o via NFKD without combining marks, full-width ASCII → ASCII);
 * - invisible characters (soft hyphen, zero-width spaces, BOM) and control characters are dropped;
 * - tabs are expanded to spaces at 8-column stops;
 * - anything else becomes `?`, with one `pdf-char-replaced` warning per distinct character.
 *
 * Pure: no pdf-lib import (the WinAnsi table is written out here; a test checks it against
 * pdf-lib's own encoding).
 */
import type { Diagnostic } from '../../types.js';

/** Code points 0x80–0x9F of Windows-1252 that WinAnsiEncoding defines, by Unicode code point. */
const WINANSI_HIGH: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80], // €
  [0x201a, 0x82], // ‚
  [0x0192, 0x83], // ƒ
  [0x201e, 0x84], // „
  [0x2026, 0x85], // …
  [0x2020, 0x86], // †
  [0x2021, 0x87], // ‡
  [0x02c6, 0x88], // ˆ
  [0x2030, 0x89], // ‰
  [0x0160, 0x8a], // Š
  [0x2039, 0x8b], // ‹
  [0x0152, 0x8c], // Œ
  [0x017d, 0x8e], // Ž
  [0x2018, 0x91], // ‘
  [0x2019, 0x92], // ’
  [0x201c, 0x93], // “
  [0x201d, 0x94], // ”
  [0x2022, 0x95], // •
  [0x2013, 0x96], // –
  [0x2014, 0x97], // —
  [0x02dc, 0x98], // ˜
  [0x2122, 0x99], // ™
  [0x0161, 0x9a], // š
  [0x203a, 0x9b], // ›
  [0x0153, 0x9c], // œ
  [0x017e, 0x9e], // ž
  [0x0178, 0x9f], // Ÿ
]);

/**
 * The WinAnsi byte for one Unicode code point, or `undefined` when WinAnsi cannot encode it.
 * Printable ASCII and Latin-1 (0xA0–0xFF) map to themselves.
 */
export function winAnsiCode(codePoint: number): number | undefined {
  if (codePoint >= 0x20 && codePoint <= 0x7e) return codePoint;
  if (codePoint >= 0xa0 && codePoint <= 0xff) return codePoint;
  return WINANSI_HIGH.get(codePoint);
}

/** True when every character of `text` is encodable in WinAnsi. */
export function isWinAnsi(text: string): boolean {
  for (const ch of text) if (winAnsiCode(ch.codePointAt(0)!) === undefined) return false;
  return true;
}

const HEX = '0123456789ABCDEF';

/**
 * Encode text as an upper-case hex string of WinAnsi bytes (for a PDF hex string `<...>`).
 * Characters WinAnsi cannot encode become `?`: the layout maps every string beforehand, so this
 * is only a last line of defence and never throws.
 */
export function encodeWinAnsiHex(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = winAnsiCode(ch.codePointAt(0)!) ?? 0x3f;
    out += HEX[code >> 4]! + HEX[code & 15]!;
  }
  return out;
}

/**
 * Encode text as the body of a PDF literal string `(...)`: one character per WinAnsi byte (a
 * "binary" string, char codes 0–255), with `\\`, `(` and `)` escaped. Characters WinAnsi cannot
 * encode become `?`; never throws. Half the size of hex, so less to compress.
 */
export function encodeWinAnsiLiteral(text: string): string {
  const bytes = new Uint8Array(2 * text.length);
  return Buffer.from(bytes.buffer, 0, writeWinAnsiLiteral(text, bytes, 0)).toString('latin1');
}

/**
 * Writes {@link encodeWinAnsiLiteral}'s bytes into `buf` from `at` (room for two bytes per UTF-16
 * unit of `text` is the caller's); returns where they end.
 */
export function writeWinAnsiLiteral(text: string, buf: Uint8Array, at: number): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) {
      if (c === 0x5c || c === 0x28 || c === 0x29) buf[at++] = 0x5c;
      buf[at++] = c;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    buf[at++] = winAnsiCode(cp) ?? 0x3f;
  }
  return at;
}

/** Characters outside WinAnsi with a conventional equivalent in it. */
const SUBSTITUTES: ReadonlyMap<number, string> = new Map([
  // dashes and minus signs
  [0x2010, '-'],
  [0x2011, '-'],
  [0x2012, '-'],
  [0x2043, '-'],
  [0x2212, '-'],
  [0x2015, '\u2014'],
  // quotes and primes
  [0x201b, '\u2018'],
  [0x201f, '\u201c'],
  [0x2032, "'"],
  [0x2033, '"'],
  [0x2035, '`'],
  [0x02bc, '\u2019'],
  [0x02b9, "'"],
  [0x02ba, '"'],
  // spaces
  [0x2000, ' '],
  [0x2001, ' '],
  [0x2002, ' '],
  [0x2003, ' '],
  [0x2004, ' '],
  [0x2005, ' '],
  [0x2006, ' '],
  [0x2007, ' '],
  [0x2008, ' '],
  [0x2009, ' '],
  [0x200a, ' '],
  [0x202f, ' '],
  [0x205f, ' '],
  [0x3000, ' '],
  // punctuation and symbols
  [0x2024, '.'],
  [0x2044, '/'],
  [0x2215, '/'],
  [0x2190, '<-'],
  [0x2192, '->'],
  [0x2194, '<->'],
  [0x21d2, '=>'],
  [0x2260, '/='],
  [0x2264, '<='],
  [0x2265, '>='],
  [0x2248, '~'],
  [0x2116, 'No.'],
  [0x2027, '\u00b7'],
  [0x2219, '\u00b7'],
  [0x25cf, '\u2022'],
  [0x25aa, '\u2022'],
  [0x2023, '\u2022'],
  // letters without a canonical decomposition
  [0x0131, 'i'],
  [0x0141, 'L'],
  [0x0142, 'l'],
  [0x0110, 'D'],
  [0x0111, 'd'],
  [0x0126, 'H'],
  [0x0127, 'h'],
  [0x1e9e, 'SS'],
  [0x0132, 'IJ'],
  [0x0133, 'ij'],
]);

/** Invisible characters: dropped without a diagnostic. */
const INVISIBLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

const TAB_STOP = 8;

function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

function hexCodePoint(cp: number): string {
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Maps strings to WinAnsi-encodable text and collects diagnostics, one per distinct replaced
 * character (in order of first appearance).
 */
export interface CharMapper {
  /**
   * Map `text` for display. `column` is the 0-based column at which `text` starts on its
   * line (for tab expansion). The result contains only WinAnsi characters, no controls.
   */
  map(text: string, column?: number): string;
  /** `pdf-char-replaced` warnings so far, one per distinct character replaced by `?`. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Create a fresh {@link CharMapper} (one per rendered document, so diagnostics are per file). */
export function createCharMapper(): CharMapper {
  return new WinAnsiMapper();
}

/**
 * The {@link CharMapper}: a class rather than an object of closures made per document (the
 * optimised code of closures made per call was seen not to outlive full GCs: see
 * src/pdf/content/interpret.ts).
 */
class WinAnsiMapper implements CharMapper {
  private readonly cache = new Map<number, string>();
  readonly diagnostics: Diagnostic[] = [];

  map(text: string, column = 0): string {
    // Fast path: plain ASCII without tabs or controls (nearly every cable line).
    if (/^[\x20-\x7e]*$/.test(text)) return text;
    const nfc = text.normalize('NFC');
    let out = '';
    let col = column;
    for (let i = 0; i < nfc.length; ) {
      // A run of printable ASCII is kept as it is, in one slice: a long line with one `¶` or `§`
      // (every Vaughn index justification) was built a character at a time.
      let end = i;
      while (end < nfc.length) {
        const c = nfc.charCodeAt(end);
        if (c < 0x20 || c > 0x7e) break;
        end++;
      }
      if (end > i) {
        out += nfc.slice(i, end);
        col += end - i;
        i = end;
        continue;
      }
      const cp = nfc.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      i += ch.length;
      if (cp === 0x09) {
        const n = TAB_STOP - (col % TAB_STOP);
        out += ' '.repeat(n);
        col += n;
        continue;
      }
      const mapped = this.mapCodePoint(cp, ch);
      out += mapped;
      col += mapped.length;
    }
    return out;
  }

  private mapCodePoint(cp: number, ch: string): string {
    const cached = this.cache.get(cp);
    if (cached !== undefined) return cached;
    let out: string;
    if (INVISIBLE.has(cp)) out = ''; // before the WinAnsi test: the soft hyphen is in WinAnsi but would print
    else if (winAnsiCode(cp) !== undefined) out = ch;
    else if (cp === 0x0a) out = ' '; // a stray newline inside a line still separates words
    else if (isControl(cp)) out = '';
    else {
      const sub = SUBSTITUTES.get(cp) ?? decompose(ch);
      if (sub !== undefined) out = sub;
      else {
        out = '?';
        this.diagnostics.push({
          severity: 'warning',
          code: 'pdf-char-replaced',
          message: `Character "${ch}" (${hexCodePoint(cp)}) is not in the PDF font's WinAnsi encoding; replaced with "?".`,
        });
      }
    }
    this.cache.set(cp, out);
    return out;
  }
}

/**
 * Compatibility decomposition without combining marks (`ő` → `o`, `ﬁ` → `fi`, `Ｂ` → `B`),
 * accepted only when the whole result is WinAnsi and not empty.
 */
function decompose(ch: string): string | undefined {
  const stripped = ch.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
  if (stripped === '' || stripped === ch) return undefined;
  return isWinAnsi(stripped) && !/[\x00-\x1f\x7f-\x9f]/.test(stripped) ? stripped : undefined;
}
