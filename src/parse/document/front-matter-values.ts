/**
 * The scalars of front matter lines (YAML, TOML or JSON), read without a YAML parser: whatever
 * the key, a value can name the memo's classification (`sensitivity: SECRET`, `handling: NOFORN`,
 * `tags: [secret, noforn]`, `meta: {classification: SECRET}`, `{"classification": "SECRET"}`).
 * A key list missed each of these (probe 67d F8), so every scalar, keys and comments too, is read
 * (fail closed). A quote or a bracket left open at the block's end, or an escape that does not
 * decode, is syntax the reader cannot read: the caller holds the memo.
 */

/** One scalar and the index (into the block's lines) of the line it starts on. */
export interface FrontMatterScalar {
  readonly text: string;
  readonly line: number;
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

/** Reads the scalars of `lines` (the block's text lines, fences excluded). Linear. */
export function frontMatterValues(lines: readonly string[]): FrontMatterValues {
  const scalars: FrontMatterScalar[] = [];
  let unread: FrontMatterValues['unread'] = null;
  let quote: { readonly mark: string; readonly line: number; text: string } | null = null;
  let depth = 0;
  let depthLine = -1;
  const push = (text: string, line: number) => {
    const plain = text.trim().replace(PROPERTIES, '').trim();
    if (plain !== '') scalars.push({ text: plain, line });
  };
  lines.forEach((text, k) => {
    let token = '';
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
          push(decoded ?? quote.text, quote.line);
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
        push(token, k);
        token = text.slice(i + 1);
        break;
      } else if (FLOW.has(c) || (c === ':' && blankAfter)) {
        push(token, k);
        token = '';
        if (c === '[' || c === '{') {
          if (depth === 0) depthLine = k;
          depth++;
        } else if (c === ']' || c === '}') depth--;
      } else token += c;
    }
    push(token, k);
    // A quoted value may go on over lines (YAML folds the break into a blank).
    if (quote) quote.text += ' ';
  });
  if (quote) unread ??= { line: (quote as { line: number }).line, why: 'a quoted value is never closed' };
  if (depth !== 0) unread ??= { line: Math.max(depthLine, 0), why: 'a bracket is never closed' };
  return { scalars, unread };
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
