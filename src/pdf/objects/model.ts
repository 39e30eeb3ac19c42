/**
 * The PDF object model the redaction engine works on: plain values that own their data, so that
 * nothing outside src/pdf/objects/ needs to know which library parsed the file (pdf-lib today).
 *
 * Streams keep their data as it was in the file (still encoded); {@link PdfStream.decoded} and
 * src/pdf/objects/filters.ts decode it. Numbers are JavaScript numbers (integers and reals are
 * told apart only when written).
 */

/** A PDF name, without its slash and with `#xx` escapes decoded. Interned: compare with `===`. */
export class PdfName {
  private static readonly table = new Map<string, PdfName>();
  private constructor(readonly name: string) {}
  /** The one PdfName for `name` (no leading slash). */
  static of(name: string): PdfName {
    let n = PdfName.table.get(name);
    if (!n) {
      n = new PdfName(name);
      PdfName.table.set(name, n);
    }
    return n;
  }
  toString(): string {
    return `/${this.name}`;
  }
}

/** A PDF string as its bytes. `hex` records how it was written, so a rewrite can keep the form. */
export class PdfString {
  constructor(
    readonly bytes: Uint8Array,
    readonly hex = false,
  ) {}
  /** A string from text: PDFDocEncoding when every character is ASCII, else UTF-16BE with a BOM. */
  static fromText(text: string): PdfString {
    if (/^[\x20-\x7e]*$/.test(text)) return new PdfString(new TextEncoder().encode(text));
    const out = new Uint8Array(2 + text.length * 2);
    out[0] = 0xfe;
    out[1] = 0xff;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 + 2 * i] = c >> 8;
      out[3 + 2 * i] = c & 0xff;
    }
    return new PdfString(out);
  }
}

/** An indirect reference `num gen R`. */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  toString(): string {
    return `${this.num} ${this.gen} R`;
  }
}

/** A dictionary: keys are names without the slash, in the order they were read or set. */
export class PdfDict {
  readonly map: Map<string, PdfValue>;
  constructor(entries?: Iterable<readonly [string, PdfValue]>) {
    this.map = new Map(entries as Iterable<[string, PdfValue]> | undefined);
  }
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
  set(key: string, value: PdfValue): this {
    this.map.set(key, value);
    return this;
  }
  delete(key: string): boolean {
    return this.map.delete(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  /** A shallow copy (values shared). */
  clone(): PdfDict {
    return new PdfDict(this.map);
  }
}

/** A stream: its dictionary and its data as stored in the file (encoded by the dictionary's /Filter). */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly data: Uint8Array,
  ) {}
}

/** Any PDF value. Arrays are plain JavaScript arrays. */
export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfDict | PdfStream | PdfValue[];

/** The objects of a file and its trailer, as read (the newest definition of each object number). */
export interface PdfObjects {
  /** Indirect objects by object number (generations are not kept apart: the newest wins). */
  readonly objects: Map<number, PdfValue>;
  /** The trailer dictionary (Root, Info, ...). */
  readonly trailer: PdfDict;
}

/** Follow references until a direct value (undefined for a dangling reference; cycles stop after 32 hops). */
export function resolve(objs: PdfObjects, v: PdfValue | undefined): PdfValue | undefined {
  for (let hops = 0; v instanceof PdfRef && hops < 32; hops++) v = objs.objects.get(v.num);
  return v instanceof PdfRef ? undefined : v;
}

/** `dict[key]` resolved. */
export function lookup(objs: PdfObjects, dict: PdfDict | undefined, key: string): PdfValue | undefined {
  return dict ? resolve(objs, dict.get(key)) : undefined;
}

/** `dict[key]` resolved, when it is a dictionary (a stream's dictionary is not returned). */
export function lookupDict(objs: PdfObjects, dict: PdfDict | undefined, key: string): PdfDict | undefined {
  const v = lookup(objs, dict, key);
  return v instanceof PdfDict ? v : undefined;
}

/** `dict[key]` resolved, when it is a number. */
export function lookupNumber(objs: PdfObjects, dict: PdfDict | undefined, key: string): number | undefined {
  const v = lookup(objs, dict, key);
  return typeof v === 'number' ? v : undefined;
}

/** `dict[key]` resolved, when it is a name: the name's text. */
export function lookupName(objs: PdfObjects, dict: PdfDict | undefined, key: string): string | undefined {
  const v = lookup(objs, dict, key);
  return v instanceof PdfName ? v.name : undefined;
}

/** `dict[key]` resolved, when it is an array (elements not resolved). */
export function lookupArray(objs: PdfObjects, dict: PdfDict | undefined, key: string): PdfValue[] | undefined {
  const v = lookup(objs, dict, key);
  return Array.isArray(v) ? v : undefined;
}

/** An array of numbers (elements resolved), or undefined when any element is not a number. */
export function numbers(objs: PdfObjects, v: PdfValue | undefined): number[] | undefined {
  const a = resolve(objs, v);
  if (!Array.isArray(a)) return undefined;
  const out: number[] = [];
  for (const e of a) {
    const n = resolve(objs, e);
    if (typeof n !== 'number') return undefined;
    out.push(n);
  }
  return out;
}

/** The dictionary of a dictionary or of a stream. */
export function dictOf(v: PdfValue | undefined): PdfDict | undefined {
  if (v instanceof PdfDict) return v;
  if (v instanceof PdfStream) return v.dict;
  return undefined;
}
