/**
 * The scalars of front matter lines (YAML, TOML or JSON), read without a YAML parser: whatever
 * the key, a value can name the memo's classification (`sensitivity: SECRET`, `handling: NOFORN`,
 * `tags: [secret, noforn]`, `meta: {classification: SECRET}`, `{"classification": "SECRET"}`).
 * A key list missed each of these (probe 67d F8), so every scalar, keys and comments too, is read
 * (fail closed). A quote or a bracket left open at the block's end, or an escape that does not
 * decode, is syntax the reader cannot read: the caller holds the memo.
 */

/** One scalar, the index (into the block's lines) of the line it starts on, and where it sits. */
export interface FrontMatterScalar {
  readonly text: string;
  readonly line: number;
  /** The keys it sits under, outermost first (block and flow maps, a TOML table); none for a comment. */
  readonly keys: readonly string[];
  /** True when the scalar is a key (`key:`, `key =`), false for a value, a list item or a comment. */
  readonly isKey: boolean;
}

/** The scalars of a front matter's lines, and the line where the syntax could not be read (or null). */
export interface FrontMatterValues {
  readonly scalars: FrontMatterScalar[];
  readonly unread: { readonly line: number; readonly why: string } | null;
}

/** Characters that end a plain scalar: flow brackets and separators (`:` and `#` only before a blank, see below). */
const FLOW = new Set(['[', ']', '{', '}', ',', '=']);
/** YAML node properties (`&anchor`, `!!str`, `!tag`), a list item's or a complex key's indicator, a block scalar's header. */
const PROPERTIES = /^(?:(?:[&!][^\s]*|[-?])(?:\s+|$))+|^[|>][-+0-9]*$/;
/** A TOML table header (`[meta]`, `[[items]]`): the keys of the lines under it sit under it. */
const TOML_TABLE = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;

/**
 * Where a scalar sits: the block keys above it (by indentation), a TOML table, the flow maps it is
 * in. A value is read by its key (`caveats: NOFORN pending review`): the caller takes any value
 * under a key naming a classification as a sign unless it says UNCLASSIFIED (probe 68d F1).
 */
class KeyPath {
  private block: { indent: number; key: string }[] = [];
  private table: string[] = [];
  private nextTable: string[] | null = null;
  /** The key of each open flow collection (null until its `key:`), innermost last. */
  private flow: (string | null)[] = [];
  private lineKey: string | null = null;
  private lineKeyIndent = 0;
  private lineValue = false;

  get depth(): number {
    return this.flow.length;
  }
  /** A new line outside any flow collection or quote: leaves the block keys it is not under. */
  startLine(text: string): void {
    this.lineKey = null;
    this.lineValue = false;
    const table = TOML_TABLE.exec(text);
    if (table) {
      // The lines under the header sit under it; its own name does not.
      this.nextTable = [table[1]!];
      return;
    }
    const indent = /^\s*/.exec(text)![0].length;
    const item = /^\s*-(?:\s|$)/.test(text);
    while (this.block.length > 0 && (this.block.at(-1)!.indent > indent || (this.block.at(-1)!.indent === indent && !item))) this.block.pop();
    this.lineKeyIndent = /^\s*(?:-\s+)*/.exec(text)![0].length;
  }
  /** A line ended outside any flow collection: a key with no value on it opens a block. */
  endLine(): void {
    if (this.nextTable) {
      [this.table, this.nextTable, this.block] = [this.nextTable, null, []];
      return;
    }
    if (this.lineKey !== null && !this.lineValue && this.flow.length === 0) this.block.push({ indent: this.lineKeyIndent, key: this.lineKey });
  }
  keys(): string[] {
    const keys = [...this.table, ...this.block.map((b) => b.key)];
    if (this.lineKey !== null) keys.push(this.lineKey);
    for (const k of this.flow) if (k !== null) keys.push(k);
    return keys;
  }
  /** True (and the key recorded) when a key may open here: the first at its depth. */
  setKey(key: string): boolean {
    if (this.flow.length === 0) {
      if (this.lineKey !== null) return false;
      this.lineKey = key;
      return true;
    }
    if (this.flow.at(-1) !== null) return false;
    this.flow[this.flow.length - 1] = key;
    return true;
  }
  value(): void {
    this.lineValue = true;
  }
  open(): void {
    this.lineValue = true;
    this.flow.push(null);
  }
  close(): void {
    this.flow.pop();
  }
  /** A `,` in a flow collection: the next item has its own key. */
  next(): void {
    if (this.flow.length > 0) this.flow[this.flow.length - 1] = null;
  }
}

/** Reads the scalars of `lines` (the block's text lines, fences excluded). Linear. */
export function frontMatterValues(lines: readonly string[]): FrontMatterValues {
  const scalars: FrontMatterScalar[] = [];
  let unread: FrontMatterValues['unread'] = null;
  let quote: { readonly mark: string; readonly line: number; text: string } | null = null;
  let depthLine = -1;
  const path = new KeyPath();
  /** Pushes a non-blank scalar with the keys it sits under; `key` when a `:` or `=` follows it. */
  const push = (text: string, line: number, as: 'value' | 'key' | 'comment'): void => {
    const plain = text.trim().replace(PROPERTIES, '').trim();
    if (plain === '') return;
    const keys = as === 'comment' ? [] : path.keys();
    const isKey = as === 'key' && path.setKey(plain);
    if (as === 'value') path.value();
    scalars.push({ text: plain, line, keys, isKey });
  };
  lines.forEach((text, k) => {
    if (!quote && path.depth === 0 && text.trim() !== '' && !/^\s*#/.test(text)) path.startLine(text);
    let token = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quote) {
        if (c === '\\' && quote.mark === '"') {
          quote.text += text.slice(i, i + 2);
          i++;
        } else if (c === quote.mark && quote.mark === "'" && text[i + 1] === "'") {
          quote.text += "'";
          i++;
        } else if (c === quote.mark) {
          const decoded = quote.mark === '"' ? decodeEscapes(quote.text) : quote.text;
          if (decoded === null) unread ??= { line: quote.line, why: 'an escape in a quoted value does not decode' };
          quoted = quotedKey(text, i + 1);
          push(decoded ?? quote.text, quote.line, quoted ? 'key' : 'value');
          quote = null;
        } else quote.text += c;
        continue;
      }
      const blankAfter = i + 1 === text.length || /\s/.test(text[i + 1]!);
      const blankBefore = i === 0 || /\s/.test(text[i - 1]!);
      if ((c === '"' || c === "'") && token.trim() === '') {
        quote = { mark: c, line: k, text: '' };
      } else if (c === '#' && blankBefore) {
        // A comment renders as nothing but may still say what the memo is: read as one scalar.
        push(token, k, 'value');
        token = text.slice(i + 1);
        push(token, k, 'comment');
        token = '';
        break;
      } else if (FLOW.has(c) || (c === ':' && (blankAfter || quoted))) {
        if (!quoted || token.trim() !== '') push(token, k, c === ':' || c === '=' ? 'key' : 'value');
        token = '';
        quoted = false;
        if (c === '[' || c === '{') {
          if (path.depth === 0) depthLine = k;
          path.open();
        } else if (c === ']' || c === '}') path.close();
        else if (c === ',') path.next();
      } else {
        if (!/\s/.test(c)) quoted = false;
        token += c;
      }
    }
    push(token, k, 'value');
    if (!quote && path.depth === 0) path.endLine();
    // A quoted value may go on over lines (YAML folds the break into a blank).
    if (quote) quote.text += ' ';
  });
  if (quote) unread ??= { line: (quote as { line: number }).line, why: 'a quoted value is never closed' };
  if (path.depth !== 0) unread ??= { line: Math.max(depthLine, 0), why: 'a bracket is never closed' };
  return { scalars, unread };
}

/** True when a `:` or `=` follows the quote closed before `from` (`"key": …`, `"key" = …`): the quoted scalar is a key. */
function quotedKey(text: string, from: number): boolean {
  return /^[ \t]*(?::|=)/.test(text.slice(from));
}

/** `text` (the inside of a double-quoted YAML, TOML or JSON string) with its escapes decoded, or null when one does not decode. */
function decodeEscapes(text: string): string | null {
  let bad = false;
  const out = text.replace(/\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x([0-9A-Fa-f]{2})|(.)|$)/g, (_m, u?: string, big?: string, x?: string, other?: string) => {
    const hex = u ?? big ?? x;
    if (hex !== undefined) {
      const cp = parseInt(hex, 16);
      if (cp <= 0x10ffff) return String.fromCodePoint(cp);
    } else if (other !== undefined && SIMPLE_ESCAPES[other] !== undefined) return SIMPLE_ESCAPES[other]!;
    bad = true;
    return ' ';
  });
  return bad ? null : out;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0', e: '\x1b', a: '\x07', v: '\v', ' ': ' ', _: '\u00a0', N: '\u0085', L: '\u2028', P: '\u2029', '"': '"', '/': '/', '\\': '\\', '\t': '\t' };
