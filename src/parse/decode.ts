import type { Diagnostic } from '../types.js';
import { foldRenderedMarks } from './rendered-marks.js';
import { foldMarkStandIns, standInDiagnostic } from './stand-ins.js';

/** Result of turning the bytes of an input file into cable text. */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const latin1 = new TextDecoder('latin1');

/**
 * Windows-1252's characters at 0x80-0x9F, where Latin-1 has control characters: text that is not
 * UTF-8 is most often saved by Windows (`’ “ ” —`), and Node's decoder (its `windows-1252` too)
 * gives the controls U+0092, U+0093…, which the release text kept and its PDF dropped. The five
 * bytes Windows-1252 leaves undefined stay controls.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Bytes read as Windows-1252. */
function decodeWindows1252(bytes: Uint8Array): string {
  return latin1.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/**
 * Decodes an input file. UTF-8 is expected; a UTF-8 BOM is dropped; invalid UTF-8 is read as
 * Windows-1252 (Latin-1 and Windows punctuation; cables predate Unicode) with a warning; CRLF and lone CR line ends become LF with an
 * info diagnostic, so that every later offset refers to `text`; a mark that hides invisible or
 * look-alike characters is read without them (./stand-ins.ts, a warning). UTF-16 with a byte order
 * mark (what Windows editors call Unicode) is read as such, with an info diagnostic. Binary data
 * (NUL bytes) and empty files are refused: there is nothing a reviewer could release from them.
 */
export function decodeInput(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: 'empty file' };
  const diagnostics: Diagnostic[] = [];
  let text: string;
  const utf16 = utf16Of(bytes);
  if (utf16) {
    // Windows editors save "Unicode" text as UTF-16 with a byte order mark: every other byte of
    // ASCII text is NUL, so it is told apart by the mark before the NUL test below.
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, message: `starts with a ${utf16.toUpperCase()} byte order mark but is not valid ${utf16.toUpperCase()} text` };
    }
    if (text.includes('\0')) return { ok: false, message: 'binary data (NUL characters), not a text document' };
    diagnostics.push({ severity: 'info', code: 'encoding-utf16', message: `Input was read as ${utf16.toUpperCase()} (it starts with that byte order mark).` });
    return normalised(text, diagnostics);
  }
  if (bytes.indexOf(0) !== -1) return { ok: false, message: 'binary data (NUL bytes), not a text document' };
  try {
    text = utf8.decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
    diagnostics.push({
      severity: 'warning',
      code: 'encoding-latin1',
      message: 'Input is not valid UTF-8; it was read as Windows-1252 (Latin-1 with Windows punctuation).',
    });
  }
  return normalised(text, diagnostics);
}

/** `utf-16le` or `utf-16be` when `bytes` start with that byte order mark (and hold whole code units). */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** A line's label (item number or letter, bullet, `SUBJECT:`-like word) with a form feed between it and a mark. */
const LABEL_FEED_MARK = /^([^\S\n\f]*(?:¶[^\S\n\f]?)?(?:\(?\d{1,3}[.)]|\(?[A-Za-z][.)]|[•·*-]|[A-Z][A-Za-z]{1,15}[^\S\n\f]?:)[^\S\n\f]*)\f(?=[^\S\n]*\()/gm;

/** Line ends as LF, white-space-only text refused, marks' stand-in characters folded. */
function normalised(input: string, diagnostics: Diagnostic[]): DecodeResult {
  let text = input;
  if (/\r/.test(text)) {
    text = text.replace(/\r\n?/g, '\n');
    diagnostics.push({
      severity: 'info',
      code: 'line-ends-normalised',
      message: 'CR or CRLF line ends were read as LF.',
    });
  }
  // Unicode's and a word processor's line breaks are line breaks (U+2028, NEL, a vertical tab, a
  // paragraph separator a blank line): read as blanks, two of them after a (U) paragraph joined
  // the unmarked text after them to it, released with its mark.
  if (/[\u2028\u2029\u0085\v]/.test(text)) {
    text = text.replace(/[\u2028\u0085\v]/g, '\n').replace(/\u2029/g, '\n\n');
    diagnostics.push({ severity: 'info', code: 'line-ends-normalised', message: 'Line or paragraph separators (U+2028, U+2029, NEL, vertical tab) were read as line ends.' });
  }
  // A form feed is a page break wherever it stands: every viewer and printer starts a new page at
  // it. Inside a line it was read as a blank, which joined the unmarked paragraph at the top of the
  // next page to the (U) paragraph ending before it, released with its mark (probe 69c F1). A line
  // end before it makes it the page break at a line start the readers already know.
  // Only after text on the line (the first feed of a run): blanks alone before it add no blank line.
  // A feed between a label and its mark (`1. \f(U) …`, `SUBJECT: \f(U) …`) moves to the line start,
  // so the label goes to the next page with its portion: split there, the bare label was an
  // unmarked portion, withheld under B1 (probe 69c F4).
  const inLineFeed = /(?<=\S[^\S\n\f]*)\f/g;
  if (inLineFeed.test(text)) {
    text = text.replace(LABEL_FEED_MARK, '\f$1').replace(inLineFeed, '\n\f');
    diagnostics.push({ severity: 'info', code: 'line-ends-normalised', message: 'Form feeds inside a line were read as a line end and a page break.' });
  }
  if (text.trim().length === 0) return { ok: false, message: 'file holds only white space' };
  // Marks and classification lines written with character references, inline HTML or emphasis are
  // read as they render (./rendered-marks.ts); marks that hide a zero-width space or a look-alike
  // slash as written plainly (./stand-ins.ts).
  const refs = foldRenderedMarks(text);
  const folded = foldMarkStandIns(refs.text);
  const standIns = standInDiagnostic(folded.marks + refs.marks);
  if (standIns) diagnostics.push(standIns);
  return { ok: true, text: folded.text, diagnostics };
}
