/**
 * Reading portion marks where the parser expects them (after a paragraph number, at the start of a
 * line, after `SUBJECT:`), on top of the marking grammar in src/markings.
 */
import { classifyParenthetical, mostRestrictive, parseMarking } from '../markings/index.js';
import type { Marking } from '../types.js';
import { holdsUnreadScript, unreadScriptMessage } from './unread-script.js';
import { inForeignLetters, readBareLabelMark, readLookalikeMark, readUnclosedMark, type LookalikeMark } from './lookalike.js';

/** A mark found in the text. Offsets are absolute (into the source). */
export interface MarkRead {
  /** Where the mark as written starts and ends (a double mark `(U) (SBU)` is one mark). */
  readonly start: number;
  readonly end: number;
  /** `marked`: understood; `unknown`: a mark that was not understood (fail closed). */
  readonly status: 'marked' | 'unknown';
  /** The marking with its span set; null when unknown. */
  readonly marking: Marking | null;
  /** Why an unknown mark was not understood, or a note on a double mark. */
  readonly message: string | null;
  /** True for `(U) (SBU)`: two marks in a row, the more restrictive kept. */
  readonly double: boolean;
  /** For `(S-ENTIRE TEXT)`: the mark is an ENTIRE TEXT statement. */
  readonly entireText: boolean;
}

/** Longest parenthetical read as a possible mark (`(C/REL NATO and AUS)` is 20). */
const MAX_INNER = 48;
const PAREN = /^\(([^()\n]{1,48})\)/;
/** A long mark wrapped onto the next line: `(S//REL AFGHANISTAN, KYRGYZSTAN, \nTURKMENISTAN)`. */
const WRAPPED_PAREN = /^\(([^()\n]{1,80}\n[ \t]*[^()\n]{1,80})\)/;
const ENTIRE_INNER = /^([A-Za-z /]+?)\s*-*\s*ENTIRE\s+TEXT\.?$/i;
/** A mark that lost its opening parenthesis: `U) PolOffs delivered…` (seen in the corpus). */
const HALF_MARK = /^(U|C|S|TS|SBU|S\/NF|C\/NF|S\/\/NF|C\/\/NF)\)(?=\s)/;

/**
 * Reads a mark at `offset` in `source` (no leading blanks skipped). Returns null when there is no
 * parenthetical there, or when it is not a marking (`(Mideast)`, `(U.S.)`, `(ref A)`).
 */
export function readMarkAt(source: string, offset: number): MarkRead | null {
  return readParenMarkAt(source, offset) ?? readLookalikeAt(source, offset);
}

/** A mark written in a form the grammar does not read (`[S]`, `（S）`, `S//NF:`): unknown, or the mark inside `((S)`. */
function readLookalikeAt(source: string, offset: number): MarkRead | null {
  return asMarkRead(readLookalikeMark(source, offset));
}

/** `(S//NF The source …`: a mark that lost its `)` (unknown), at the start of an unnumbered paragraph. */
export function readUnclosedAt(source: string, offset: number): MarkRead | null {
  const eol = source.indexOf('\n', offset);
  return asMarkRead(readUnclosedMark(source, offset, eol < 0 ? source.length : eol));
}

/** `2. S//NF Text …`: a mark without parentheses or colon after a paragraph number (unknown); only read there. */
export function readBareLabelAt(source: string, offset: number): MarkRead | null {
  return asMarkRead(readBareLabelMark(source, offset));
}

function asMarkRead(l: LookalikeMark | null): MarkRead | null {
  if (!l) return null;
  return { start: l.start, end: l.end, status: l.marking ? 'marked' : 'unknown', marking: l.marking, message: l.message, double: false, entireText: false };
}

function readParenMarkAt(source: string, offset: number): MarkRead | null {
  // Every mark starts with `(`, or (one that lost it) with a level letter: most lines start with neither.
  const lead = source.charCodeAt(offset);
  if (lead !== 0x28 && lead !== 0x55 && lead !== 0x43 && lead !== 0x53 && lead !== 0x54) return null;
  const head = source.slice(offset, offset + MAX_INNER + 2);
  const m = PAREN.exec(head);
  if (!m) return head.startsWith('(') ? (readWrappedMark(source, offset) ?? readHalfMark(head, offset)) : readHalfMark(head, offset);
  const inner = m[1]!;
  if (ENTIRE_INNER.test(inner)) return readEntireTextMark(m[0], inner, offset);
  const first = readOne(m[0], inner, offset);
  if (!first) return null;
  return readSecondMark(source, first, offset + m[0].length) ?? first;
}

/** A long mark wrapped onto the next line; only a clear marking may span two lines (anything else is prose). */
function readWrappedMark(source: string, offset: number): MarkRead | null {
  const w = WRAPPED_PAREN.exec(source.slice(offset, offset + 170));
  if (!w || classifyParenthetical(w[1]!.replace(/\s+/g, ' ')) !== 'marking') return null;
  const raw = w[0];
  const parsed = parseMarking(`(${w[1]!.replace(/\s+/g, ' ')})`, 'portion');
  const span = { start: offset, end: offset + raw.length };
  if (parsed.ok) return { ...span, status: 'marked', marking: { ...parsed.marking, raw, span }, message: null, double: false, entireText: false };
  return { ...span, status: 'unknown', marking: null, message: parsed.message, double: false, entireText: false };
}

/** `U) PolOffs delivered…`: a mark that lost its opening parenthesis, read as unknown (fail closed). */
function readHalfMark(head: string, offset: number): MarkRead | null {
  const h = HALF_MARK.exec(head);
  if (!h) return null;
  return {
    start: offset,
    end: offset + h[0].length,
    status: 'unknown',
    marking: null,
    message: `Mark ${JSON.stringify(h[0])} has no opening parenthesis; expected a mark such as (${h[1]}).`,
    double: false,
    entireText: false,
  };
}

/** `(S-ENTIRE TEXT)`: a mark that is an ENTIRE TEXT statement. */
function readEntireTextMark(raw: string, inner: string, offset: number): MarkRead {
  const level = readEntireTextWords(ENTIRE_INNER.exec(inner)![1]!);
  const end = offset + raw.length;
  return {
    start: offset,
    end,
    status: level ? 'marked' : 'unknown',
    marking: level ? { ...level, raw, span: { start: offset, end } } : null,
    message: level ? null : `ENTIRE TEXT statement ${JSON.stringify(raw)} names no classification that was understood.`,
    double: false,
    entireText: true,
  };
}

/** A second mark right after the first (`(U) (SBU)`): one double mark, the more restrictive kept; null when there is none. */
function readSecondMark(source: string, first: MarkRead, after: number): MarkRead | null {
  const offset = first.start;
  let ws = after;
  while (ws < source.length && (source[ws] === ' ' || source[ws] === '\t')) ws++;
  if (ws === after && source[ws] !== '(') return null;
  const m2 = PAREN.exec(source.slice(ws, ws + MAX_INNER + 2));
  const second = m2 ? readOne(m2[0], m2[1]!, ws) : null;
  if (!m2 || !second) return null;
  const end = ws + m2[0].length;
  const raw = source.slice(offset, end);
  if (first.status === 'marked' && second.status === 'marked') {
    const winner = mostRestrictive(first.marking!, second.marking!);
    return {
      start: offset,
      end,
      status: 'marked',
      marking: { ...winner, raw, span: { start: offset, end } },
      message: `Two marks in a row ${JSON.stringify(raw)}: the more restrictive was kept.`,
      double: true,
      entireText: false,
    };
  }
  return {
    start: offset,
    end,
    status: 'unknown',
    marking: null,
    message: (first.status === 'unknown' ? first.message : second.message) ?? `Mark ${JSON.stringify(raw)} not understood.`,
    double: true,
    entireText: false,
  };
}

function readOne(raw: string, inner: string, offset: number): MarkRead | null {
  const read = markOf(raw, inner);
  if (!read) return null;
  const end = offset + raw.length;
  // Fields written out, not spread from the span: an object spread per mark read was a tenth of the body's parse.
  if (read.marking) return { start: offset, end, status: 'marked', marking: { ...read.marking, span: { start: offset, end } }, message: null, double: false, entireText: false };
  return { start: offset, end, status: 'unknown', marking: null, message: read.message, double: false, entireText: false };
}

/** What a parenthetical says as a portion mark: a marking, or why it is an unknown mark. */
type MarkMeaning = { readonly marking: Marking; readonly message: null } | { readonly marking: null; readonly message: string };

/**
 * Meanings of the parentheticals read so far, by their text. A batch reads the same few marks
 * (`(C)`, `(SBU)`, `(S//NF)`) tens of thousands of times, and classifying one parses it twice;
 * both are pure functions of the text, and the markings they give are never changed (each
 * portion gets its own object with its span). Emptied when full, so it stays small.
 */
const MEANINGS = new Map<string, MarkMeaning | null>();
const MEANINGS_MAX = 4096;

function markOf(raw: string, inner: string): MarkMeaning | null {
  const known = MEANINGS.get(raw);
  if (known !== undefined) return known;
  const meaning = meaningOf(raw, inner);
  if (MEANINGS.size >= MEANINGS_MAX) MEANINGS.clear();
  MEANINGS.set(raw, meaning);
  return meaning;
}

/** A marking shared by every portion that carries the mark: frozen, so a change would throw rather than spread. */
function frozen(m: Marking): Marking {
  for (const list of [m.sci, m.controls, m.relTo, m.fgi, m.normalisations]) Object.freeze(list);
  return Object.freeze(m);
}

function meaningOf(raw: string, inner: string): MarkMeaning | null {
  const kind = classifyParenthetical(inner);
  // `2. (ꓢ) The source …`: a mark in letters of a script the look-alike tables do not know.
  if (kind === 'not-a-marking') return holdsUnreadScript(inner) ? { marking: null, message: unreadScriptMessage(raw) } : null;
  const parsed = parseMarking(raw, 'portion');
  if (kind === 'marking' && parsed.ok) return { marking: frozen(parsed.marking), message: null };
  if (kind === 'marking' && !parsed.ok) return { marking: null, message: parsed.message };
  return { marking: null, message: parsed.ok ? `Mark ${JSON.stringify(raw)} looks malformed.` : parsed.message };
}

const OPEN_MARK = /^\((U|C|S|TS|SBU|CUI)(?:\/\/?[A-Z]{1,6})?(?=[ \t]+[^\s)])/;

/**
 * A mark that lost its closing parenthesis right after a paragraph number: `¶6. (C XXXXXXXXXXXX,
 * too, asserted…` (a redaction ate it). Read as an unknown mark so the paragraph is withheld.
 * Only used after a paragraph number, where a mark is expected (an unnumbered paragraph asks
 * {@link readUnclosedAt}, which wants a control: `(C The …` there could be prose).
 */
export function readOpenMarkAt(source: string, offset: number): MarkRead | null {
  return (
    readAsciiOpenMark(source, offset) ??
    asMarkRead(
      inForeignLetters(source, offset, (folded) => {
        const m = readAsciiOpenMark(folded, 0);
        return m && { start: m.start, end: m.end, raw: folded.slice(m.start, m.end), marking: null, message: m.message ?? '' };
      }),
    )
  );
}

function readAsciiOpenMark(source: string, offset: number): MarkRead | null {
  const m = OPEN_MARK.exec(source.slice(offset, offset + 12));
  if (!m) return null;
  return {
    start: offset,
    end: offset + m[0].length,
    status: 'unknown',
    marking: null,
    message: `Mark ${JSON.stringify(m[0])} has no closing parenthesis; expected a mark such as (${m[1]}).`,
    double: false,
    entireText: false,
  };
}

/**
 * The classification words of an ENTIRE TEXT statement (`SECRET`, `S`, `SENSITIVE BUT
 * UNCLASSIFIED`), read as a banner (or as a portion abbreviation). Null when not understood.
 */
export function readEntireTextWords(words: string): Marking | null {
  const w = words.trim().replace(/\s*[-–]+$/, '').trim();
  if (!w) return null;
  const asBanner = parseMarking(w.toUpperCase(), 'banner');
  if (asBanner.ok) return asBanner.marking;
  const asPortion = parseMarking(`(${w})`, 'portion');
  return asPortion.ok ? asPortion.marking : null;
}
