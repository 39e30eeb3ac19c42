/**
 * CMaps as PDF files embed them: ToUnicode maps (code → Unicode text) and the encoding CMaps of
 * Type0 fonts (code → CID, with the code-space ranges that say how many bytes each code takes).
 * The PostScript-like syntax is read with the content-stream parser: each `end…` keyword comes
 * out as an operation whose operands are the entries before it.
 */
import { PdfName, PdfString, type PdfValue } from '../objects/model.js';
import { parseContent } from '../syntax/parse.js';

/** One code-space range: codes of `bytes` bytes whose every byte lies between `low` and `high` byte-wise. */
export interface CodespaceRange {
  readonly bytes: number;
  readonly low: Uint8Array;
  readonly high: Uint8Array;
}

/** What an embedded CMap says. */
export interface ParsedCMap {
  readonly codespace: CodespaceRange[];
  /** code → CID (encoding CMaps). */
  readonly cids: Map<number, number>;
  /** Ranges code → CID kept as ranges (large CMaps stay small): `[low, high, firstCid]`. */
  readonly cidRanges: [number, number, number][];
  /** code → Unicode text (ToUnicode CMaps). */
  readonly unicode: Map<number, string>;
  /** The predefined CMap this one builds on (`usecmap`), if any. */
  readonly useCMap?: string;
  /** 1 for vertical writing. */
  readonly wmode: number;
}

function codeOf(s: PdfString): number {
  let v = 0;
  for (const b of s.bytes) v = v * 256 + b;
  return v;
}

function utf16(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  if (bytes.length % 2 === 1) s += String.fromCharCode(bytes[bytes.length - 1]!);
  return s;
}

/** Add `delta` to the last UTF-16 unit of `s` (bfrange destinations count up in their last byte). */
function bump(s: string, delta: number): string {
  if (s.length === 0) return s;
  return s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) + delta);
}

/** Parse an embedded CMap (decoded stream bytes). Entries of other forms are skipped. */
export function parseCMap(bytes: Uint8Array): ParsedCMap {
  const codespace: CodespaceRange[] = [];
  const cids = new Map<number, number>();
  const cidRanges: [number, number, number][] = [];
  const unicode = new Map<number, string>();
  let useCMap: string | undefined;
  let wmode = 0;
  const { ops } = parseContent(bytes);
  for (const { op, operands: a } of ops) {
    switch (op) {
      case 'endcodespacerange':
        for (let i = 0; i + 1 < a.length; i += 2) {
          const lo = a[i], hi = a[i + 1];
          if (lo instanceof PdfString && hi instanceof PdfString && lo.bytes.length === hi.bytes.length && lo.bytes.length > 0) {
            codespace.push({ bytes: lo.bytes.length, low: lo.bytes, high: hi.bytes });
          }
        }
        break;
      case 'endbfchar':
        for (let i = 0; i + 1 < a.length; i += 2) {
          const c = a[i], d = a[i + 1];
          if (c instanceof PdfString && d instanceof PdfString) unicode.set(codeOf(c), utf16(d.bytes));
          else if (c instanceof PdfString && d instanceof PdfName) unicode.set(codeOf(c), d.name);
        }
        break;
      case 'endbfrange':
        for (let i = 0; i + 2 < a.length; i += 3) {
          const lo = a[i], hi = a[i + 1], d = a[i + 2];
          if (!(lo instanceof PdfString && hi instanceof PdfString)) continue;
          const l = codeOf(lo), h = codeOf(hi);
          if (h < l || h - l > 0xffff) continue;
          if (d instanceof PdfString) {
            const base = utf16(d.bytes);
            for (let c = l; c <= h; c++) unicode.set(c, bump(base, c - l));
          } else if (Array.isArray(d)) {
            for (let c = l; c <= h && c - l < d.length; c++) {
              const e = d[c - l];
              if (e instanceof PdfString) unicode.set(c, utf16(e.bytes));
            }
          }
        }
        break;
      case 'endcidchar':
        for (let i = 0; i + 1 < a.length; i += 2) {
          const c = a[i], cid = a[i + 1];
          if (c instanceof PdfString && typeof cid === 'number') cids.set(codeOf(c), cid);
        }
        break;
      case 'endcidrange':
        for (let i = 0; i + 2 < a.length; i += 3) {
          const lo = a[i], hi = a[i + 1], cid = a[i + 2];
          if (lo instanceof PdfString && hi instanceof PdfString && typeof cid === 'number') cidRanges.push([codeOf(lo), codeOf(hi), cid]);
        }
        break;
      case 'usecmap': {
        const n = a[a.length - 1];
        if (n instanceof PdfName) useCMap = n.name;
        break;
      }
      case 'def': {
        const [k, v] = a.slice(-2) as [PdfValue, PdfValue];
        if (k instanceof PdfName && k.name === 'WMode' && typeof v === 'number') wmode = v;
        break;
      }
    }
  }
  return { codespace, cids, cidRanges, unicode, ...(useCMap ? { useCMap } : {}), wmode };
}

/** The CID for `code` in a parsed encoding CMap, or undefined. */
export function cidOf(cmap: ParsedCMap, code: number): number | undefined {
  const c = cmap.cids.get(code);
  if (c !== undefined) return c;
  for (const [lo, hi, first] of cmap.cidRanges) if (code >= lo && code <= hi) return first + (code - lo);
  return undefined;
}

/**
 * The length in bytes of the code starting at `bytes[at]`, by the code-space ranges (PDF 32000
 * 9.7.6.2): the shortest range that matches; when none does, the shortest range length whose
 * first byte matches, else 1 — and `matched` false, so that the caller can treat it as unsure.
 */
export function codeLength(ranges: readonly CodespaceRange[], bytes: Uint8Array, at: number): { length: number; matched: boolean } {
  for (let n = 1; n <= 4; n++) {
    if (at + n > bytes.length) break;
    for (const r of ranges) {
      if (r.bytes !== n) continue;
      let ok = true;
      for (let k = 0; k < n; k++) {
        const b = bytes[at + k]!;
        if (b < r.low[k]! || b > r.high[k]!) {
          ok = false;
          break;
        }
      }
      if (ok) return { length: n, matched: true };
    }
  }
  let min = 0;
  for (const r of ranges) if (min === 0 || r.bytes < min) min = r.bytes;
  return { length: Math.max(1, Math.min(min || 1, bytes.length - at)), matched: false };
}
