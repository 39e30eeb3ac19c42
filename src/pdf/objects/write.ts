/**
 * Writes the object model as a complete PDF file: one body, one cross-reference table, one
 * trailer. Only the objects reachable from the trailer's Root and Info are written, renumbered
 * 1..n in the order they are first reached, so nothing left unreferenced by the redaction (an old
 * object version from an incremental update, a removed annotation, a replaced content stream)
 * can travel in the file. No /ID, no dates: the same model gives the same bytes.
 *
 * A serializer of our own rather than pdf-lib's writer: the guarantee "only reachable objects, in
 * a fixed order, nothing added" is part of the redaction's safety, and it is short enough to read.
 */
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObjects, type PdfValue } from './model.js';

/** A number as PDF syntax: integers as they are, reals with at most 10 decimals, never exponents or `-0`. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '0';
  if (Number.isInteger(n)) return Object.is(n, -0) ? '0' : String(n);
  let s = n.toFixed(Math.abs(n) >= 1e6 ? 2 : 10);
  s = s.replace(/\.?0+$/, '');
  return s === '-0' || s === '' ? '0' : s;
}

const DELIM = new Set('()<>[]{}/%#'.split('').map((c) => c.charCodeAt(0)));

/** A name as PDF syntax, with `#xx` escapes for delimiters, `#`, and bytes outside 0x21–0x7E. */
export function formatName(name: string): string {
  let s = '/';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i) & 0xff;
    s += c < 0x21 || c > 0x7e || DELIM.has(c) ? `#${c.toString(16).padStart(2, '0').toUpperCase()}` : name[i];
  }
  return s;
}

/** A string as PDF syntax: hex when `hex`, else a literal string with escapes for every byte that needs one. */
export function formatString(bytes: Uint8Array, hex: boolean): string {
  if (hex) {
    let s = '<';
    for (const b of bytes) s += b.toString(16).padStart(2, '0');
    return s + '>';
  }
  let s = '(';
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) s += '\\' + String.fromCharCode(b);
    else if (b < 0x20 || b > 0x7e) s += '\\' + b.toString(8).padStart(3, '0');
    else s += String.fromCharCode(b);
  }
  return s + ')';
}

/**
 * A direct value as PDF syntax (latin1 text: every char is one byte). `ref` maps a reference to
 * the one written; streams are not direct values and are refused. Keys in `drop` are left out of
 * every dictionary, at any depth.
 */
export function formatValue(v: PdfValue, ref: (r: PdfRef) => string = String, drop?: ReadonlySet<string>): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatNumber(v);
  if (v instanceof PdfName) return formatName(v.name);
  if (v instanceof PdfString) return formatString(v.bytes, v.hex);
  if (v instanceof PdfRef) return ref(v);
  if (Array.isArray(v)) return '[' + v.map((e) => formatValue(e, ref, drop)).join(' ') + ']';
  if (v instanceof PdfDict) {
    let s = '<<';
    for (const [k, e] of v.map) {
      if (e === undefined || drop?.has(k)) continue;
      s += formatName(k) + ' ' + formatValue(e, ref, drop) + '\n';
    }
    return s + '>>';
  }
  throw new TypeError('a stream cannot be a direct object');
}

function latin1(s: string): Uint8Array {
  return Buffer.from(s, 'latin1');
}

/** The values of `d` less the keys dropped. */
function keptValues(d: PdfDict, drop: ReadonlySet<string> | undefined): PdfValue[] {
  return drop ? [...d.map].filter(([k]) => !drop.has(k)).map(([, e]) => e) : [...d.map.values()];
}

/**
 * Numbers, in the order first reached from `v`, the objects `v` reaches (`order`: their old
 * numbers; `newNum`: old to new). A function of the module rather than a closure made per file
 * (see content/interpret.ts: the optimised code of closures made per call did not outlive full GCs).
 */
function visitReachable(objs: PdfObjects, v: PdfValue | undefined, drop: ReadonlySet<string> | undefined, order: number[], newNum: Map<number, number>): void {
  // Iterative walk: deep page trees and long arrays must not overflow the stack.
  const stack: (PdfValue | undefined)[] = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (x instanceof PdfRef) {
      if (newNum.has(x.num) || !objs.objects.has(x.num)) continue;
      newNum.set(x.num, order.length + 1);
      order.push(x.num);
      stack.push(objs.objects.get(x.num));
    } else if (Array.isArray(x)) {
      for (let i = x.length - 1; i >= 0; i--) stack.push(x[i]);
    } else if (x instanceof PdfDict) {
      stack.push(...keptValues(x, drop).reverse());
    } else if (x instanceof PdfStream) {
      stack.push(...keptValues(x.dict, drop).reverse());
    }
  }
}

/** Options of {@link writePdf}. */
export interface WritePdfOptions {
  /**
   * Keys left out of every dictionary written (stream dictionaries too), as if deleted first:
   * what only they reach is not reachable, so not written. The objects given are not changed,
   * so a model shared with a reader (the text layer's) stays as it was read.
   */
  readonly dropKeys?: readonly string[];
}

/**
 * Serialize the objects reachable from `objs.trailer` (its Root and Info) as a PDF file.
 *
 * @param objs Objects and trailer; refs that point nowhere are written as `null`.
 * @param version The header version, e.g. "1.7".
 * @param options Keys to leave out.
 * @returns The file's bytes.
 */
export function writePdf(objs: PdfObjects, version = '1.7', options: WritePdfOptions = {}): Uint8Array {
  const drop = options.dropKeys && options.dropKeys.length > 0 ? new Set(options.dropKeys) : undefined;
  const order: number[] = [];
  const newNum = new Map<number, number>();
  const trailerRefs: [string, PdfValue | undefined][] = [
    ['Root', objs.trailer.get('Root')],
    ['Info', objs.trailer.get('Info')],
  ];
  for (const [, v] of trailerRefs) visitReachable(objs, v, drop, order, newNum);
  const ref = (r: PdfRef): string => {
    const n = newNum.get(r.num);
    return n === undefined ? 'null' : `${n} 0 R`;
  };

  const chunks: Uint8Array[] = [];
  let offset = 0;
  const push = (b: Uint8Array): void => {
    chunks.push(b);
    offset += b.length;
  };
  push(latin1(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`));
  const offsets: number[] = [];
  for (const num of order) {
    offsets.push(offset);
    const n = newNum.get(num)!;
    const obj = objs.objects.get(num)!;
    if (obj instanceof PdfStream) {
      const dict = obj.dict.clone().set('Length', obj.data.length);
      push(latin1(`${n} 0 obj\n${formatValue(dict, ref, drop)}\nstream\n`));
      push(obj.data);
      push(latin1('\nendstream\nendobj\n'));
    } else {
      push(latin1(`${n} 0 obj\n${formatValue(obj, ref, drop)}\nendobj\n`));
    }
  }
  const xrefAt = offset;
  let xref = `xref\n0 ${order.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
  const trailer = new PdfDict([['Size', order.length + 1]]);
  for (const [k, v] of trailerRefs) if (v instanceof PdfRef && newNum.has(v.num)) trailer.set(k, v);
  push(latin1(`${xref}trailer\n${formatValue(trailer, ref)}\nstartxref\n${xrefAt}\n%%EOF\n`));
  return Buffer.concat(chunks);
}
