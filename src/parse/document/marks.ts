/**
 * Portion marks inside a line of a document: where a mark opens a portion (at the line start after
 * a bullet, number, quote or label; after a sentence end in the middle of a line; after an opening
 * quote or asterisk), where it closes one (`Other Support (U)` at the end of a line), and where it
 * only sits inside one (`… is classified (TS//SI). Session …`), which can raise the portion's
 * marking but never lower it.
 */
import { classifyParenthetical, parseMarking } from '../../markings/index.js';
import type { Level, Marking } from '../../types.js';
import { lookalikeMarksInside, MARK_AHEAD, MARK_START, nearMissAfterShortLabel, ONE_WORD_NEAR_MISS, readBareLabelMark, readLookalikeMark, readUnclosedMark, withEmphasisCloserBlanked } from '../lookalike.js';
import { isDefinitionInText, isNoMarkInText } from '../mentions.js';
import { labelAfterSiblingLine, paragraphStartBefore } from '../list-label.js';
import { readOpenMarkAt } from '../marks.js';
import { holdsUnreadScript, unreadScriptMessage } from '../unread-script.js';
import { oddTrailingMark } from './trailing-marks.js';
import { BULLET_GLYPHS, NOTE_NUMBER } from '../patterns.js';

/** A mark found in the source. */
export interface MarkHit {
  /** Offsets of the mark, parentheses included. */
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  /** `marked` when the grammar understood it; `unknown` when it is an attempt at a mark it did not. */
  readonly status: 'marked' | 'unknown';
  readonly marking: Marking | null;
  /** The grammar's message for an unknown mark. */
  readonly message?: string;
  /**
   * A look-alike mark inside a text (`… [S] …`, `Tuesday(S//NF)`, `(S//` wrapped before its `)`,
   * which may end on the next line): `unknown`, with the marking it reads as (when it does), which
   * matters only when it says more than the portion's marking.
   */
  readonly lookalike?: true;
  /**
   * A table row's lead mark that marks its first cell only, its other cells unmarked: `unknown`
   * for the row, with the level the mark gives that cell (null when the mark itself was not
   * understood). In an UNCLASSIFIED document the row under a (U) is unmarked text instead.
   */
  readonly firstCellOnly?: Level | null;
  /**
   * With firstCellOnly: other cells of the row carry marks too, one holding text does not; the
   * level above is then the most restrictive of the marked cells (null when one was not understood).
   */
  readonly cellsPartlyMarked?: true;
  /**
   * Read as text, not as a mark: an acronym's definition or a mark named as an example in a
   * document bannered UNCLASSIFIED (isDefinitionInText), said in a parenthetical-read-as-text warning.
   */
  readonly definition?: true;
}

/**
 * How picky to be. `lead`: the mark stands where a mark belongs (line start after a prefix, a
 * table cell): lower case and broken marks count (`(s)` is read as SECRET, `(U.S.)` is an unknown
 * mark: fail closed). `strict`: anywhere else in a line: the level must be written in capitals,
 * and a mark that is not understood only counts when it starts with a level and a slash
 * (`(S///SI)`, `(U//FOFUO)`), so `system(s)` and `(Iran)` stay text.
 */
export type MarkMode = 'lead' | 'strict';

/** The longest mark looked for, in characters between the parentheses. */
const MAX_INNER = 90;

/** Reads the mark at `at` (where `source[at] === '('`), ending before `limit`; null when it is not one. */
export function readMarkAt(source: string, at: number, limit: number, mode: MarkMode, bannerRelTo: readonly string[]): MarkHit | null {
  if (source.charCodeAt(at) !== 40) return null;
  const stop = Math.min(limit, at + MAX_INNER + 2);
  let close = -1;
  for (let i = at + 1; i < stop; i++) {
    const c = source.charCodeAt(i);
    if (c === 41) {
      close = i;
      break;
    }
    if (c === 40 || c === 10) break;
  }
  if (close < 0) return mode === 'lead' ? unclosedMarkAt(source, at, limit) : null;
  const inner = source.slice(at + 1, close);
  const raw = source.slice(at, close + 1);
  if (mode === 'strict' && !/^\s*[A-Z/]/.test(inner)) return null;
  const parsed = parseMarking(raw, 'portion', { bannerRelTo });
  if (parsed.ok) return { start: at, end: close + 1, raw, status: 'marked', marking: parsed.marking };
  if (mode === 'strict' && !/^\s*(?:TS|[UCS])\s*\//.test(inner)) return null;
  // `(S//NF The source said so).`: the `)` found closes the sentence, not the mark.
  if (classifyParenthetical(inner) === 'not-a-marking') {
    if (mode === 'strict') return null;
    // `(ꓢ) The source …`: a mark in letters of a script the look-alike tables do not know.
    if (holdsUnreadScript(inner)) return { start: at, end: close + 1, raw, status: 'unknown', marking: null, message: unreadScriptMessage(raw) };
    return unclosedBeforeText(source, at, limit);
  }
  return { start: at, end: close + 1, raw, status: 'unknown', marking: null, message: parsed.message };
}

/** A mark's opening that ends its line: a level, and a slash and controls or nothing more. */
const UNCLOSED = /^\((?:TS|[CS]|TOP SECRET|SECRET|CONFIDENTIAL)(?:[ \t]*\/{1,2}[A-Z0-9 ,/-]*)?[ \t]*$/;

/**
 * `(S//NF` ending its line where a mark belongs, its `)` on the next (a mark wrapped in the middle,
 * as text taken out of a PDF can be): a mark not understood, up to the line's end (`last`).
 */
function unclosedMarkAt(source: string, at: number, last: number): MarkHit | null {
  const before = unclosedBeforeText(source, at, last);
  if (before) return before;
  if (last - at > MAX_INNER) return null;
  const raw = source.slice(at, last);
  if (!UNCLOSED.test(raw)) return null;
  return { start: at, end: last, raw, status: 'unknown', marking: null, message: `Mark ${JSON.stringify(raw)} is not closed on its line; expected (${raw.slice(1).trim()}).` };
}

/**
 * The mark at the start of a table cell other than the row's first (`| x | (S) …`, `| x | S//NF:
 * …`, `| x | [S] …`): understood, or a look-alike (a mark not understood); null when there is none.
 */
export function readCellStartMark(source: string, at: number, last: number, bannerRelTo: readonly string[]): MarkHit | null {
  const m = readMarkAt(source, at, last, 'lead', bannerRelTo);
  if (m) return m;
  const l = lookalikeHit(source, at, last, bannerRelTo, false);
  return l ? { ...l, lookalike: true } : null;
}

/** {@link readUnclosedMark} at `at`, before `last`, as a mark not understood; null when there is none. */
function unclosedBeforeText(source: string, at: number, last: number): MarkHit | null {
  const l = readUnclosedMark(source, at, last);
  return l ? { start: l.start, end: l.end, raw: l.raw, status: 'unknown', marking: null, message: l.message } : null;
}

/**
 * A letter or roman numeral in parentheses that labels a list item, followed by a mark: `(a) (C) …`,
 * `(b) (S//NF) …`, `(iv) (U) …` (a DoD memo's references and subparagraphs). Not `(C)`, `(S)`, `(U)` or
 * `(R)` in capitals, which are marks themselves (`(C) (FOUO)` is a double mark; `(R)` a look-alike of
 * RESTRICTED). Without a mark after it, `(c)` alone stays what it was: read as a mark where a mark
 * belongs (fail closed).
 */
const LETTER = String.raw`[a-z]|[ivx]{2,4}|[ABD-QTV-Z]`;
const LETTER_LABEL = String.raw`\((?:${LETTER})\)(?=[ \t]+[([])`;
const LETTER_LABEL_AT = new RegExp(`^${LETTER_LABEL}[ \\t]+`);

/**
 * What comes before a mark at the start of a line: Markdown heading hashes, a block quote, a table
 * pipe, a definition's `:` or `~` (`: (U) …`), bullets and dashes, bold or italic markers, a number or letter (`1.`, `a)`, `(2)`, `(b)`, or a
 * bare footnote number right before a mark), `Q:` / `A:`, a Markdown footnote's label (`[^1]: (S//NF)
 * …`) or a bracketed footnote number before a mark (`[1] (S//NF) Source: …`), a paragraph label
 * before a mark (`PARA 2`, `¶2.`, `¶ 2`, as cables number paragraphs; before a mark in any form:
 * `PARA 2 <S>`, `¶2. S//NF: …`), opening quotes. Matched from the line's first character.
 * A footnote's other labels before a mark (probe 62a, F5): a lettered one in brackets (`[a] (U) …`;
 * not `[c]`, `[s]`, `[u]`, which spell levels), superscript digits (`¹ (U) …`) and daggers (`† (U)`,
 * `‡ (U)`); an asterisk is read as a bullet. Read as text, the note was unmarked and withheld under
 * B1 as having no portion mark.
 */
const PREFIX = new RegExp(
  `^(?:(?:#{1,6}|>|\\||[:~](?=[ \\t])|[-+–—${BULLET_GLYPHS}]{1,2}|[o§¶](?=[ \\t]+\\()|¶[ \\t]?\\d{1,3}[.):]?(?=[ \\t]*${MARK_START})|\\*{1,2}|_{1,2}|\\d{1,3}[.)]|\\d{1,3}(?=[ \\t]+\\()|\\(\\d{1,3}\\)|${LETTER_LABEL}|[A-Za-z][.)]|[QA]:|\\[\\^[A-Za-z0-9_-]{1,20}\\]:|\\[(?:\\d{1,3}|[abd-rtv-z])\\](?=[ \\t]+${MARK_START})|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3}(?=[ \\t]*${MARK_START})|[\u2020\u2021]{1,3}(?=[ \\t]*${MARK_START})|[Pp](?:ARA|ara)(?:GRAPH|graph)?\\.?[ \\t]*\\d{1,3}[.):]?(?=[ \\t]+${MARK_START})|["'“‘«])[ \\t]*)*`,
);

/** `1.`, `a)`, `(2)`, `(b)` before a mark, `¶2.`, or a bare footnote number before a mark (`2 (S//SI) Details …`): the item's number. */
const ITEM_NUMBER = new RegExp(String.raw`^(?:(?:(\d{1,3})[.)]|\((\d{1,3})\)|([A-Za-z])[.)]|(\d{1,3})(?=[ 	]+\()|\((${LETTER})\)(?=[ 	]+[([]))[ 	]|¶[ 	]?(\d{1,3})[.):]?(?=[ 	]*\())`);

/** A bullet at the start of a line's prefix. */
const BULLET_HEAD = new RegExp(`^(?:[-+–—*${BULLET_GLYPHS}]{1,2}|[o§])[ \\t]`);

/**
 * A short field label before a mark on the same line: `QUALIFICATIONS/EXPERIENCE: (S) …`,
 * `Comment : (U) …`, and before a look-alike (`SUBJECT: (S] …`, `SUBJECT: SECRET: …`, `Note: [S] …`);
 * in Markdown emphasis too (`**SUBJECT:** (U) …`, `**Note**: (S) …`: the line's prefix took the opening `**`);
 * an e-mail's reply and forward prefixes after it go with it (`Subject: RE: FW: (U) …`), and so does a
 * paragraph number after it (an intelligence report's `TEXT: 1. (S//NF) …`); an FBI form's labels
 * have a number sign or a plural in parentheses (`Case ID #: (S) …`, `Enclosure(s): (U) …`). A caption's
 * number is such a label without the colon (`Table 1. (U) Actors`, `Figure 2 (S//NF) …`).
 */
const CAPTION = String.raw`(?:Table|TABLE|Figure|FIGURE|Fig\.|FIG\.|Chart|CHART|Map|MAP|Exhibit|EXHIBIT|Graphic|GRAPHIC|Photo|PHOTO)[ \t]+\d{1,3}[.:]?`;
const LABEL = new RegExp(
  String.raw`^(?:[A-Z][A-Za-z0-9/&'’ #-]{0,40}?(?:\([sS]\))?(?:\*{1,2}|_{1,2})?[ \t]?:(?:\*{1,2}|_{1,2})?|${CAPTION}(?=[ \t]))[ \t]*(?:(?:RE|Re|FW|Fw|FWD|Fwd)[ \t]?:[ \t]*)*(?:\d{1,3}[.)][ \t]+)?${MARK_AHEAD}`,
);

/**
 * A short run-in heading between a paragraph's number and its mark, the mark followed by `.`, `:`
 * or a dash and the paragraph's text: `2. Assessment (U). The program …`, `3. Threat Picture
 * (S//NF): …`. Up to five words, each capitalised (or a short joining word: `Status of the
 * Program`). The heading is text of the portion the mark opens. A mark later in a sentence (`2. The
 * (U) version was …`) is none: no punctuation after it.
 */
const RUN_IN = /^[A-Z][A-Za-z0-9'’&/-]*(?:[ \t]+(?:[A-Z][A-Za-z0-9'’&/-]*|of|and|the|for|on|in|to|a|an|or|with|at|by)){0,4}[ \t]+(?=\()/;
const AFTER_RUN_IN = /^[ \t]*(?:[.:]|[ \t][-–—])[ \t]+\S/;

/** The mark after a run-in heading at `at` (see RUN_IN), or null. */
function runInHeadingMark(source: string, at: number, last: number, bannerRelTo: readonly string[]): MarkHit | null {
  const h = RUN_IN.exec(source.slice(at, Math.min(last, at + 70)));
  if (!h) return null;
  const m = readMarkAt(source, at + h[0].length, last, 'strict', bannerRelTo);
  return m && AFTER_RUN_IN.test(source.slice(m.end, Math.min(last, m.end + 8))) ? m : null;
}

/** The structure a line's prefix gives it. */
export type Structure = 'bullet' | 'item' | 'heading' | 'table-row' | null;

/** The start of a line: its prefix, structure, item number and leading mark (if any). */
export interface LineStart {
  /** Offset where the text after the prefix (and label) starts: the mark, or the first word. */
  readonly textStart: number;
  readonly structure: Structure;
  /** The item's number or letter as written (`3`, `b`), for `item`. */
  readonly number: string | null;
  readonly mark: MarkHit | null;
}

/** What a line's prefix makes it (a heading, a table row, a bullet, a numbered item, or none) and its item number. */
function lineStructure(text: string, prefix: string): { structure: Structure; number: string | null } {
  const head = prefix.trimStart();
  if (/^#{1,6}[ \t]/.test(head)) return { structure: 'heading', number: null };
  if (head.startsWith('|') && text.indexOf('|', 1) > 0) return { structure: 'table-row', number: null };
  if (BULLET_HEAD.test(head) && !/^\*\*[ \t]*$/.test(head)) return { structure: 'bullet', number: null };
  const n = ITEM_NUMBER.exec(head.length > 0 ? text : head);
  return n ? { structure: 'item', number: n[1] ?? n[2] ?? n[3] ?? n[4] ?? n[5] ?? n[6]! } : { structure: null, number: null };
}

/** Reads the start of a non-blank line (`first`/`last` are its content offsets). */
export function readLineStart(source: string, first: number, last: number, bannerRelTo: readonly string[]): LineStart {
  const text = source.slice(first, Math.min(last, first + 160));
  const prefix = PREFIX.exec(text)![0];
  const note = prefix.trimStart().length === 0 ? footnoteNumberMark(source, first, last, bannerRelTo) : null;
  if (note) return note;
  let { structure, number } = lineStructure(text, prefix);
  let at = first + prefix.length;
  let mark = at < last ? readMarkAt(source, at, last, 'lead', bannerRelTo) : null;
  if (mark && labelAfterSiblingLine(source, at, mark.raw)) {
    // `(c) copy the timekeeper.` under `(b) name a backup;` (or after a bullet, `- (c) …`): the
    // item's label, not CONFIDENTIAL (a mark after it, `(C) (S) …`, is the item's mark).
    if (structure === null) {
      structure = 'item';
      number = mark.raw.slice(1, -1);
    }
    at = mark.end;
    while (at < last && (source[at] === ' ' || source[at] === '\t')) at++;
    mark = at < last ? readMarkAt(source, at, last, 'lead', bannerRelTo) : null;
  }
  if (!mark) {
    const label = LABEL.exec(source.slice(at, Math.min(last, at + 50)));
    // `S/NF: (C) …`: a look-alike that ends in a colon is the line's mark, not a field label before one.
    const own = label ? lookalikeHit(source, at, last, bannerRelTo, structure === 'item') : null;
    if (own) mark = own;
    else if (label) {
      // `References: (a) (U) …`: a list label between the field label and the mark.
      const item = LETTER_LABEL_AT.exec(source.slice(at + label[0].length, Math.min(last, at + label[0].length + 12)));
      const after = at + label[0].length + (item ? item[0].length : 0);
      const m = readMarkAt(source, after, last, 'lead', bannerRelTo) ?? lookalikeHit(source, after, last, bannerRelTo, false);
      if (m) {
        mark = m;
        at = after;
      }
    }
  }
  const runIn = !mark && at < last && structure === 'item' ? runInHeadingMark(source, at, last, bannerRelTo) : null;
  if (runIn) [mark, at] = [runIn, runIn.start];
  if (!mark && at < last) mark = lookalikeHit(source, at, last, bannerRelTo, structure === 'item');
  // `2. (S The source …`: after an item's number a mark is expected, and a level that opens a
  // parenthesis never closed is one (the cable reader's reading; unnumbered, `(C The …` can be prose).
  if (!mark && at < last && structure === 'item') mark = openMarkHit(source, at, last);
  // `(S The source …` opening an unnumbered paragraph: where a mark belongs too (see OPEN_PROSE).
  if (!mark && at < last && structure === null && opensParagraph(source, first, at)) mark = openParagraphMarkHit(source, at, last);
  if (!mark && at < last) {
    const near = nearMissAfterShortLabel(source, at, last, (open) => readMarkAt(source, open, last, 'lead', bannerRelTo));
    if (near) {
      mark = near;
      at = near.start;
    }
  }
  // `**S//NF** The …`: read again with the closing `**` blanked (offsets stay the source's).
  const blanked = !mark && at < last ? withEmphasisCloserBlanked(source, prefix, at, last) : null;
  if (blanked !== null) {
    const m = lookalikeHit(blanked, at, last, bannerRelTo, structure === 'item') ?? unclosedBeforeText(blanked, at, last) ?? openMarkHit(blanked, at, last);
    if (m) mark = { ...m, raw: source.slice(m.start, m.end) };
  }
  if (!mark && at < last) {
    // The prefix takes `«` for an opening quote: `«S» The source …` is a mark in guillemets.
    let q = at;
    while (q > first && (source[q - 1] === ' ' || source[q - 1] === '\t')) q--;
    if (q > first && source[q - 1] === '\u00ab') {
      mark = lookalikeHit(source, q - 1, last, bannerRelTo, false);
      if (mark) at = q - 1;
    }
  }
  return { textStart: at, structure, number, mark };
}

/** A footnote's number set right against its mark (see footnoteNumberMark). */
const FOOTNOTE_NUMBER = new RegExp(`^${NOTE_NUMBER}(?=\\()`);

/**
 * The number and mark of a footnote set against each other at the start of a paragraph (`1(U)
 * Public footnote …`, `2(S//NF) ZQ… `, as LibreOffice sets a footnote's number, and a PDF's
 * superscript `¹` reads, and an endnote's roman number, `ii(U) …`): the note's number, then its mark, as after a bare number and a blank
 * (`2 (S//NF) …`, see PREFIX). Only 1 to 3 digits or a roman i to xx (NOTE_NUMBER) first on a line, right before a mark the grammar
 * understands (written in capitals); anything else stays text (`1(S//XX)` holds a mark not
 * understood: withheld pending review). Null when it is none.
 */
function footnoteNumberMark(source: string, first: number, last: number, bannerRelTo: readonly string[]): LineStart | null {
  let at = first;
  while (at < last && (source[at] === ' ' || source[at] === '\t')) at++;
  const n = FOOTNOTE_NUMBER.exec(source.slice(at, Math.min(last, at + 6)));
  const mark = n ? readMarkAt(source, at + n[0].length, last, 'strict', bannerRelTo) : null;
  return mark && mark.status === 'marked' ? { textStart: mark.start, structure: 'item', number: n![0], mark } : null;
}

/**
 * A short parenthetical in prose that opens with a level's letter: `(C and D) are the options`,
 * `(S or T)`. Not a mark that lost its `)`.
 */
const OPEN_PROSE = /^\((?:U|C|S|TS|SBU|CUI)[ \t]+(?:and|or|&|to|through|-|–)[ \t]+[^\s()]{1,12}\)/;

/**
 * `(S ZQ… the source …`, `(C The …`, `(SBU text …` at the very start of an unnumbered paragraph
 * (nothing before it on its line but blanks, a blank line or the start of the text above): a
 * level that opens a parenthesis never closed, as after an item's number, is a mark not
 * understood (withheld pending review). A paragraph does not open with a level's letter and a
 * blank in prose, bar a short parenthetical (OPEN_PROSE).
 */
function openParagraphMarkHit(source: string, at: number, last: number): MarkHit | null {
  if (OPEN_PROSE.test(source.slice(at, Math.min(last, at + 32)))) return null;
  return openMarkHit(source, at, last);
}

/** True when the line whose content starts at `first` opens a paragraph and `at` is its first character. */
function opensParagraph(source: string, first: number, at: number): boolean {
  if (source.slice(first, at).trim() !== '') return false;
  const lineStart = source.lastIndexOf('\n', first - 1) + 1;
  return paragraphStartBefore(source, first) === lineStart;
}

/** {@link readOpenMarkAt} at `at`, before `last`, as a mark not understood; null when there is none. */
function openMarkHit(source: string, at: number, last: number): MarkHit | null {
  const m = readOpenMarkAt(source, at);
  return m && m.end <= last ? { start: m.start, end: m.end, raw: source.slice(m.start, m.end), status: 'unknown', marking: null, message: m.message ?? '' } : null;
}

/**
 * A mark written in a form the grammar does not read (`[S]`, `（S）`, `S//NF:`, and after an item's
 * number `S//NF` alone): unknown, or the mark inside `((S)`.
 */
function lookalikeHit(source: string, at: number, last: number, bannerRelTo: readonly string[], afterNumber: boolean): MarkHit | null {
  const l = readLookalikeMark(source, at, bannerRelTo) ?? (afterNumber ? readBareLabelMark(source, at) : null);
  if (!l || l.end > last) return null;
  if (l.marking) return { start: l.start, end: l.end, raw: l.raw, status: 'marked', marking: l.marking };
  return { start: l.start, end: l.end, raw: l.raw, status: 'unknown', marking: null, message: l.message };
}

/**
 * True when a mark whose preceding text (on its line, from the start of the current piece) is
 * `before` opens a new portion: after a sentence end (`abroad. (U) …`, `feedback!" (U//FOUO) …`),
 * a colon or a dash, optionally followed by an opening quote, asterisk or bullet.
 */
export function opensAfter(before: string): boolean {
  let t = before.replace(/[ \t]+$/, '');
  // One opening quote, asterisk run or bullet directly before the mark.
  t = t.replace(/(?:^|(?<=[\s.!?:;]))["“'‘«•*]{1,2}$/, '').replace(/[ \t]+$/, '');
  if (t === '') return true;
  return /(?:[.!?…]["'”’)\]]*|:|--|[—–])$/.test(t);
}

/**
 * `… said so. (SS) The source …`, `… so. (С) The …` (a Cyrillic Es), `… so. (Ｓ) …`: a near miss
 * written as one word in capitals, where a portion opens in the middle of a line (after a sentence
 * end, not right after another mark). The strict reading there wants a level and a slash, so such
 * a paragraph, joined to the one above (as text out of a PDF is), was released inside it.
 */
function nearMissAfterSentence(source: string, at: number, last: number, pieceStart: number, lastEnd: number, bannerRelTo: readonly string[]): MarkHit | null {
  if (source.slice(Math.max(lastEnd, pieceStart), at).trim() === '' || !opensAfter(source.slice(Math.max(pieceStart, at - 16), at))) return null;
  const hit = readMarkAt(source, at, last, 'lead', bannerRelTo);
  if (!hit) return null;
  return (hit.status === 'unknown' && ONE_WORD_NEAR_MISS.test(hit.raw)) || LOWER_CASE_MARK.test(hit.raw) || LEVEL_LESS_MARK.test(hit.raw) ? hit : null;
}

/**
 * `… was issued. (s) The raid …`, `(ts)`, `(c)`, `(s/nf)`, `(ts/si)` after a sentence end: a mark
 * in lower case, as the start of a line reads it (the strict reading in a line wants capitals, so
 * the paragraph it opens was released inside the (U) one before it). A list's `(c)` after its
 * `(b)` stays a label (isNoMarkInText).
 */
const LOWER_CASE_MARK = /^\(\s*(?:ts|[csu])\s*(?:\/{1,2}[^)]*)?\)$/;

/** `… was issued. (REL TO USA, GBR) The raid …`: controls without a level, a mark not understood. */
const LEVEL_LESS_MARK = /^\(\s*REL(?:EASABLE)?\s+TO\b[^)]*\)$/i;

/** What a scan of the rest of a line found. */
export interface LineMarks {
  /** Offsets where a new portion starts in the middle of the line, each with its mark. */
  readonly openers: readonly { readonly start: number; readonly mark: MarkHit }[];
  /** A mark at the very end of the line (only punctuation after it), not the leading one. */
  readonly trailing: MarkHit | null;
  /** Every other mark in the line: it may raise the portion it sits in. */
  readonly inline: readonly MarkHit[];
  /** Marks read as text: definitions and examples (`Top Secret (TS) clearances`), with `definitions` only. */
  readonly asText: readonly MarkHit[];
}

/**
 * Scans `[from, last)` of a line for marks after its leading one. `pieceStart` is where the text
 * the first mark would follow begins (the line's text start). Linear in the line length.
 */
export function scanLine(source: string, from: number, last: number, bannerRelTo: readonly string[], definitions = false): LineMarks {
  const asText: MarkHit[] = [];
  const openers: { start: number; mark: MarkHit }[] = [];
  const inline: MarkHit[] = [];
  let trailing: MarkHit | null = null;
  let pieceStart = from;
  // Where the last character that is not trailing punctuation is: a mark ending after it ends the line.
  let lastSignificant = last - 1;
  while (lastSignificant >= from && /[\s.*_#|:;,]/.test(source[lastSignificant]!)) lastSignificant--;
  // The end of the last mark seen (or the piece start): nothing but blanks between it and a mark makes a double mark.
  let lastEnd = from;
  let i = source.indexOf('(', from);
  while (i >= 0 && i < last) {
    const prev = i > 0 ? source.charCodeAt(i - 1) : 32;
    // A mark glued to a word (`system(s)`, `NOMINEE(S)`) is not a mark.
    const glued = (prev >= 48 && prev <= 57) || (prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122);
    const read = glued ? null : (readMarkAt(source, i, last, 'strict', bannerRelTo) ?? nearMissAfterSentence(source, i, last, pieceStart, lastEnd, bannerRelTo));
    // `(a) file; (b) name; (C) copy`: a list's label, not a mark; `Copyright (C) 2005`: the sign.
    const named = read && isNoMarkInText(source, i, read.raw, paragraphStartBefore(source, from)) ? null : read;
    // `Top Secret (TS) clearances` in an UNCLASSIFIED document: text, and said so.
    const defined = named !== null && definitions && isDefinitionInText(source, i, named.raw);
    if (defined) asText.push({ ...named, definition: true });
    const hit = defined ? null : named;
    if (!hit) {
      i = source.indexOf('(', i + 1);
      continue;
    }
    if (hit.end > lastSignificant) {
      trailing = hit;
      break;
    }
    const before = source.slice(Math.max(pieceStart, i - 16), i);
    // A mark right after another (`(U) (SBU)`) or at the start of the piece is a double mark: it
    // raises the portion, it does not open one. (Each stretch is looked at once: linear.)
    const adjacent = source.slice(Math.max(lastEnd, pieceStart), i).trim() === '';
    lastEnd = hit.end;
    if (!adjacent && opensAfter(before)) {
      // The portion starts at an opening quote or asterisk right before the mark.
      let start = i;
      while (start > pieceStart && /["“'‘«*•]/.test(source[start - 1]!)) start--;
      if (start > pieceStart && !/\s/.test(source[start - 1]!) && start !== i) start = i;
      openers.push({ start, mark: hit });
      pieceStart = hit.end;
    } else {
      inline.push(hit);
    }
    i = source.indexOf('(', hit.end);
  }
  // A look-alike mark inside the text (`… [S] the source …`, `Tuesday(S//NF)`; a line here holds
  // no line start to find a label at): it would raise the portion it sits in, but which words it
  // covers is not known (a mark not understood, unless the portion's marking says as much:
  // effectiveMarking).
  for (const l of lookalikeMarksInside(source, from, last)) {
    inline.push({ start: l.start, end: l.end, raw: l.raw, status: 'unknown', marking: l.marking, message: l.message, lookalike: true });
  }
  // `… the plan (ꓢ).`, `… the plan(S)`, `… the officer (C`: a mark the scan above does not read.
  const odd = trailing ? null : oddTrailingMark(source, from, last);
  if (odd && !inline.some((m) => m.start < odd.end && odd.start < m.end)) inline.push(odd);
  return { openers, trailing, inline, asText };
}
