/**
 * Marks at a line's end that the line scan (marks.ts scanLine) does not read, each a mark not
 * understood (probe 63a F1, F7; read as text, the paragraph was released under an UNCLASSIFIED
 * banner):
 * - `… the plan (ꓢ).`: a short parenthetical in letters or symbols of a script the reader does not
 *   map to Latin ones (unread-script.ts);
 * - `… reported the plan(S)` at a paragraph's end: a level in capitals glued to a word holding a
 *   lower-case letter. A plural is written `plan(s)` in such a word; in capitals (`OFFICER(S)`,
 *   a cable's style) `(S)` is the plural, and stays text;
 * - `… met the officer (C` at a paragraph's end or as the file's last bytes: a parenthesis opened
 *   on a level and never closed (a file or a copy cut inside the mark). `(S//` is lookalike.ts's.
 */
import { endingParenthetical, holdsUnreadScript, unreadScriptMessage } from '../unread-script.js';
import type { MarkHit } from './marks.js';

/** A level in capitals alone in parentheses (`(S)`, `(C)`, `(TS)`). */
const LEVEL_ONLY = /^\((?:TS|[CS])\)$/;
/** A parenthesis opened on a level and never closed, at the line's end. */
const CUT_LEVEL = /\((?:TOP SECRET|SECRET|CONFIDENTIAL|TS|[CS])[ \t]*$/;

/** The odd mark ending the line `[from, last)` (see above); null when there is none. */
export function oddTrailingMark(source: string, from: number, last: number): MarkHit | null {
  const paren = endingParenthetical(source, from, last);
  if (paren) {
    const { open, end } = paren;
    const raw = source.slice(open, end);
    if (holdsUnreadScript(raw.slice(1, -1))) return unknown(open, end, raw, unreadScriptMessage(raw));
    if (LEVEL_ONLY.test(raw) && /\p{L}/u.test(source[open - 1] ?? '') && /\p{Ll}/u.test(wordBefore(source, from, open)) && endsParagraph(source, last)) {
      return unknown(open, end, raw, `Mark ${JSON.stringify(raw)} is glued to the word before it at the paragraph's end; a plural is written in lower case, "(s)"; not understood.`);
    }
    return null;
  }
  const cut = CUT_LEVEL.exec(source.slice(Math.max(from, last - 24), last));
  if (!cut || !endsParagraph(source, last)) return null;
  const start = Math.max(from, last - 24) + cut.index;
  const raw = source.slice(start, last).trimEnd();
  return unknown(start, start + raw.length, raw, `Mark ${JSON.stringify(raw)} is not closed at the paragraph's end (a text cut inside its mark); not understood.`);
}

function unknown(start: number, end: number, raw: string, message: string): MarkHit {
  return { start, end, raw, status: 'unknown', marking: null, message, lookalike: true };
}

/** The word right before `at` (letters run back from it), not before `from`. */
function wordBefore(source: string, from: number, at: number): string {
  let i = at;
  while (i > from && /\p{L}/u.test(source[i - 1]!)) i--;
  return source.slice(i, at);
}

/** True when the line ending at `last` ends its paragraph: the next line is blank, or the text ends. */
function endsParagraph(source: string, last: number): boolean {
  const nl = source.indexOf('\n', last);
  if (nl < 0) return source.slice(last).trim() === '';
  if (source.slice(last, nl).trim() !== '') return false;
  const next = source.indexOf('\n', nl + 1);
  return source.slice(nl + 1, next < 0 ? source.length : next).trim() === '';
}
