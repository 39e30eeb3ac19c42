/**
 * Marks and classification lines read as Markdown renders them. A text file's `(&#83;)`,
 * `(**S**)`, `(<b>S</b>)`, `(S<!-- x -->)`, `(S&#8203;)`, `(&Sfr;)` and lines `S&#69;CRET`,
 * `SE<!-- -->CRET`, `SE**CRET**` render as `(S)` and `SECRET`; read as written they were text, and
 * an UNCLASSIFIED memo's SECRET paragraph (or one inside a (U) paragraph) was released (probe 63a
 * F6, 66c F3/F4). Rendering here is CommonMark's inline part that a mark or a line can hide in:
 * every character reference decoded (numeric, hex, and HTML's named ones), inline HTML tags and
 * comments dropped, emphasis and strike-through markers (`*`, `_`, `~`) dropped when they pair up.
 * Only a parenthetical that then reads as a mark, and a line that then reads as a classification
 * line where the text as written read as none, is rewritten: as it renders, padded with blanks to
 * its written length, so every offset still refers to the same text (the release rewrites those
 * characters). Anything else stays as written: `(*see below*)`, `(<i>sic</i>)`, `**Note:**`.
 */
import { abovePlainU, classifyParenthetical, parseMarking } from '../markings/index.js';
import { classificationWords } from './document/classification-lines.js';
import { namedReference } from './html-references.js';
import { plainStandIns } from './stand-ins.js';

/** `(` and `)`, as written or as character references (`&#40;`, `&#x28;`, `&lpar;`). */
const OPEN = String.raw`(?:\(|&(?:#0*40|#[xX]0*28|lpar);)`;
const CLOSE = String.raw`(?:\)|&(?:#0*41|#[xX]0*29|rpar);)`;
/** An HTML comment or tag, as CommonMark's inline raw HTML (on one line). */
const HTML = String.raw`<!--[^\n]*?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?\/?>`;
/** An opening, then tags, comments and characters (no other opening: `(see &#40;S&#41;` is read from the inner one), then a closing. */
const PARENTHETICAL = new RegExp(`${OPEN}((?:${HTML}|(?!${OPEN})[^)\\n]){1,240}?)${CLOSE}`, 'g');
/** What may hide a mark: a reference, a tag or comment, an emphasis marker. */
const MARKUP = /[&<*_~]/;
const HTML_ALL = new RegExp(HTML, 'g');
const REFERENCE_ALL = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;
/** Emphasis markers: `*` and `~` runs anywhere, `_` runs not inside a word (CommonMark: `snake_case` stays). */
const EMPHASIS = /\*+|~+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;
/** A line's Markdown decoration before its text: indentation, heading hashes, block-quote marks. */
const DECORATION = /^[ \t]{0,3}(?:>[ \t]?)*(?:#{1,6}[ \t]+)?/;

/** `text` as it renders, or null when its emphasis markers do not pair up (`(S*)` renders its `*`). */
export function renderInline(text: string): string | null {
  const bare = text.replace(HTML_ALL, '');
  let stars = 0;
  let lines = 0;
  let tildes = 0;
  for (const run of bare.match(EMPHASIS) ?? []) {
    if (run[0] === '*') stars += run.length;
    else if (run[0] === '_') lines += run.length;
    else tildes += run.length;
  }
  if (stars % 2 !== 0 || lines % 2 !== 0 || tildes % 2 !== 0) return null;
  return bare.replace(EMPHASIS, '').replace(REFERENCE_ALL, decodeReference);
}

/** A character reference's text (CommonMark: code point 0 and those out of range are U+FFFD; an unknown name stays). */
function decodeReference(whole: string, decimal?: string, hex?: string, name?: string): string {
  if (name !== undefined) return namedReference(name) ?? whole;
  const code = decimal !== undefined ? parseInt(decimal, 10) : parseInt(hex!, 16);
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
}

/**
 * `text` with every mark and classification line that Markdown renders from references, tags or
 * emphasis read as it renders (same length), and how many that touched.
 */
export function foldRenderedMarks(text: string): { readonly text: string; readonly marks: number } {
  if (!MARKUP.test(text)) return { text, marks: 0 };
  let marks = 0;
  const folded = text.replace(PARENTHETICAL, (whole: string, inner: string) => {
    const mark = renderedMark(whole, inner);
    if (mark === null) return whole;
    marks++;
    return mark;
  });
  const lines = folded.split('\n').map((line) => {
    const read = renderedLine(line);
    if (read === null) return line;
    marks++;
    return read;
  });
  return { text: lines.join('\n'), marks };
}

/** `(inner)` as the mark it renders, padded to `whole`'s length, or null when it renders none (or needs no rendering). */
function renderedMark(whole: string, inner: string): string | null {
  if (!MARKUP.test(whole)) return null;
  const rendered = renderInline(inner);
  if (rendered === null) return null;
  const stood = plainStandIns(rendered);
  const plain = stood.normalize('NFKC');
  if (plain.length > whole.length - 2 || classifyParenthetical(plain.trim()) === 'not-a-marking') return null;
  // Markup may raise a mark, never make a plain (U): `(~~U~~)` and `(<del>U</del>)` are a struck-out
  // mark, `(**U)` renders its stars, `(U <note (S) ZQ>)` hides a mark in what looks like a tag, and
  // read as (U) each released the classified text after it (probe 66d); nor does a letter referenced
  // as a mathematical form (`&Uopf;`). As written they are no mark: unmarked, withheld in a
  // classified document.
  const read = parseMarking(`(${plain.trim()})`, 'portion');
  if (read.ok && !abovePlainU(read.marking)) return null;
  // The blanks that keep the length go after the mark: a release shows `(U)   text`, not `(U   )`.
  return `(${plain.trim()})`.padEnd(whole.length, ' ');
}

/** `line` as the classification line above UNCLASSIFIED it renders, padded to its length, when as written it read as none. */
function renderedLine(line: string): string | null {
  if (!MARKUP.test(line) || line.length > 400) return null;
  const lead = DECORATION.exec(line)![0];
  const body = line.slice(lead.length);
  if (classificationWords(body) !== null) return null;
  const rendered = renderInline(body);
  if (rendered === null) return null;
  const plain = plainStandIns(rendered).normalize('NFKC');
  if (plain === body || plain.length > body.length) return null;
  // Only a line above UNCLASSIFIED is read so: `UN**CLASSIFIED**` may not make a SECRET memo's
  // unmarked text under it an unclassified page's (fail closed: as written it is withheld).
  const words = classificationWords(plain);
  if (words === null || /^UNCLAS/.test(words)) return null;
  return lead + plain.padEnd(body.length, ' ');
}
