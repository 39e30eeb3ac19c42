/**
 * The bytes of a page's content stream written straight into one reused buffer: no string per
 * operator, no joined page string and no Buffer copy of it before zlib reads it. Writing the
 * content as strings was a sixth of rendering a PDF, and its garbage a good part of the rest.
 * Numbers are written as `num` (write.ts) gives them, text as `encodeWinAnsiLiteral`.
 */
import { writeWinAnsiLiteral } from './encoding.js';

export class ContentBytes {
  private buf: Uint8Array;
  private length = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  /** Starts a new stream (the buffer is reused). */
  reset(): void {
    this.length = 0;
  }

  /** The bytes written since the last reset: a view valid until the next write. */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }

  /** ASCII text (operators, names, separators). */
  ascii(s: string): void {
    this.room(s.length);
    const { buf } = this;
    let at = this.length;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.length = at;
  }

  /** A number as `num` writes it: at most two decimals, no trailing zeros, no `-0`, no exponent. */
  num(n: number): void {
    const hundredths = Math.round(n * 100);
    if (hundredths % 100 === 0) {
      const whole = hundredths / 100 || 0;
      if (!Number.isSafeInteger(whole)) return this.ascii(String(whole));
      if (whole < 0) this.ascii('-');
      return this.digits(Math.abs(whole));
    }
    const abs = Math.abs(hundredths);
    const frac = abs % 100;
    if (hundredths < 0) this.ascii('-');
    const whole = (abs - frac) / 100;
    if (Number.isSafeInteger(whole)) this.digits(whole);
    else this.ascii(String(whole));
    this.room(3);
    this.buf[this.length++] = 0x2e;
    if (frac < 10) {
      this.buf[this.length++] = 0x30;
      this.buf[this.length++] = 0x30 + frac;
    } else {
      this.buf[this.length++] = 0x30 + Math.floor(frac / 10);
      if (frac % 10 !== 0) this.buf[this.length++] = 0x30 + (frac % 10);
    }
  }

  /** A non-negative safe integer in decimal. */
  private digits(v: number): void {
    let width = 1;
    for (let p = 10; p <= v; p *= 10) width++;
    this.room(width);
    const { buf } = this;
    let at = this.length + width;
    this.length = at;
    do {
      buf[--at] = 0x30 + (v % 10);
      v = Math.floor(v / 10);
    } while (v > 0);
  }

  /** The body of a PDF literal string `(...)` as `encodeWinAnsiLiteral` gives it, one byte per character. */
  literal(text: string): void {
    this.room(2 * text.length);
    this.length = writeWinAnsiLiteral(text, this.buf, this.length);
  }
}
