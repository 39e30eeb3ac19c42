/**
 * Grouping the content lines of a document into draft portions.
 *
 * A portion opens at a mark (line start after a prefix, or mid-line after a sentence end), at a
 * bullet, numbered item, Markdown heading or table row, and at a header or SUBJECT line. An
 * unmarked line continues the portion before it only when it must be the same paragraph:
 * - in a document that separates paragraphs with blank lines, every line up to the next blank
 *   line (the usual plain-text and Markdown memo);
 * - otherwise (pdftotext's default output has no blank lines between paragraphs) when the line
 *   before ran to the wrap width and did not end a sentence, or the line starts in lower case, or
 *   the portion is a marked lead-in ending with a colon (the list under it belongs to it).
 * Anything else starts an unmarked portion of its own: unmarked text in a classified document is
 * withheld, and is never glued to a (U) portion before it (fail closed).
 *
 * A mark at the end of a line (`Other Support (U)`, a teaser ending `… on the ground. (S//SI)`)
 * marks the unmarked text before it when that text is one short heading-like line, or starts right
 * after a hard boundary (blank line, header, banner, start of text); in a portion that has a mark,
 * it and every other mark inside can only raise the marking.
 */
import { isBarePunctuation, type LineRole } from './header.js';
import type { DocLine } from './lines.js';
import { abovePlainU, compareLevels, LEVEL_BANNER } from '../../markings/index.js';
import type { Level } from '../../types.js';
import { readCellStartMark, readLineStart, readMarkAt, scanLine, type LineMarks, type LineStart, type MarkHit, type Structure } from './marks.js';
import { endsSubject } from '../subject-end.js';
import { alignedCellMarks, alignedLaterCellsMarked, alignedTableRows, type AlignedRow } from './aligned-table.js';
import { opensNextItem } from './item-sequence.js';
import { fenceMarks } from './fences.js';
import { lineBreaksInside, opensDialectBlock } from './markdown-blocks.js';

/** A piece of a line that belongs to a portion: content offsets. */
export interface Piece {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  /** Page furniture (a banner, a page break) lies between this piece and the one before. */
  readonly breakBefore: boolean;
}

/** A portion being built. */
export interface Draft {
  readonly pieces: Piece[];
  /** Its own mark: leading, or a trailing mark that marks it. */
  lead: MarkHit | null;
  /** True when `lead` is a mark at the end of the text it marks. */
  trailingLead: boolean;
  readonly structure: Structure | 'header' | 'subject';
  readonly number: string | null;
  /** Other marks inside the portion: they can only raise its marking. */
  readonly raises: MarkHit[];
  /** Started right after a hard boundary (not split from the text before by the wrap rules). */
  readonly hardStart: boolean;
  /** A marked portion whose last line ended with a colon: unmarked lines under it are its list. */
  leadIn: boolean;
  /** Header lines (`FROM:`) take up to this many unmarked lines after them (author, office). */
  headerBudget: number;
  /** Only a mark so far (`(U)` alone on its line): the next line is its text. */
  markOnly: boolean;
  /** For a portion opened by a mark at a line's start: whether a content line came right before it (`line`), a blank line or page break (`gap`), or neither (a hard boundary, the start). */
  textBefore: 'line' | 'gap' | null;
  /** A trailing mark found where it cannot mark anything (kept for the diagnostic). */
  strayTrailing: MarkHit | null;
  /**
   * The lead mark trails several sentences (`The raid … at dawn. The press covered it (U).`):
   * SIDtoday marks its lead paragraphs so, whole; which sentences a (U) there marks is not known.
   */
  trailsSentences: boolean;
  /** Parentheticals at a line's start read as text of the sentence above (see continuesSentence), for the diagnostic. */
  readonly readAsText: MarkHit[];
  /**
   * An unmarked bullet or list item set right under a marked lead-in (`(U) … below:` / `• …`): the
   * lead-in's mark, for the diagnostic. Each item is a portion of its own (see placeOnPage).
   */
  itemUnder: MarkHit | null;
  /**
   * Opened right under a marked lead-in or an item of its list (no blank line between): an item of
   * that list, marked or not. An unmarked bullet or label line under a marked one is an item of its own.
   */
  inList: boolean;
  /** Opened by an HTML comment in the middle of a line (see withComment): no mark after it marks it. */
  hidden: boolean;
}

/** What grouping needs besides the lines. */
export interface GroupInput {
  readonly source: string;
  readonly lines: readonly DocLine[];
  readonly roles: readonly LineRole[];
  readonly bannerRelTo: readonly string[];
  /**
   * The document is bannered UNCLASSIFIED with no sign of being classified: an acronym's definition
   * or a mark named as an example inside a text is read as text (scanLine), not as a mark.
   */
  readonly definitions: boolean;
  /** Wrap width in columns (see wrapWidth). */
  readonly width: number;
  /**
   * Lines of banners whose level is not the document banner's (or not understood): an UNCLASSIFIED
   * cover memo's SECRET attachment. No portion continues across one.
   */
  readonly levelBreaks: ReadonlySet<number>;
  /** Markdown fenced code blocks: opening line → closing line (see fences.ts). */
  readonly fences: ReadonlyMap<number, number>;
  /** Text read out of a PDF: whether the text before a page break goes on after it, as its layout shows (see PageFlow). */
  readonly pageFlow?: PageFlow | undefined;
}

/**
 * For text read out of a PDF: how the text whose last character is at offset `end`, before a page
 * break, meets offset `start`, the next page's first text, as the page's geometry shows: `wrap`, a
 * full line, then the same face, size and left edge; `aligned`, the same but the line is short;
 * `apart` (../../pdf/layout/page-flow.ts).
 */
export type PageFlow = (end: number, start: number) => 'wrap' | 'aligned' | 'apart';

const SENTENCE_END = /[.!?…]["'”’)\]]*$/;

/** A sentence that ends inside a text and another that begins after it (a capital, a figure or a quote). */
const SENTENCE_INSIDE = /[.!?…]["'”’)\]]*\s+["'“‘(]?[\p{Lu}\p{N}]/u;

/** The state of grouping, passed explicitly from one step to the next. */
interface GroupState {
  readonly input: GroupInput;
  /** The document separates paragraphs with blank lines (see usesBlankLines). */
  readonly blankParagraphs: boolean;
  /** Its paragraphs wrap at the wrap width (see wrappedLines: three such lines). */
  readonly wraps: boolean;
  /**
   * Some paragraph wraps at the wrap width (see wrappedLines: one such line), so that a line that
   * reaches it is known to be full: a lone title may set the width of a short text (see continuesAcrossPage).
   */
  readonly measured: boolean;
  readonly drafts: Draft[];
  /** Rows of tables aligned with spaces or tabs (see aligned-table.ts): line index → cells after the first. */
  readonly aligned: ReadonlyMap<number, AlignedRow>;
  /** The portion being built. */
  cur: Draft | null;
  /** The next portion starts right after a hard boundary (blank line, header, banner, start). */
  hard: boolean;
  /** A blank line, or page furniture or a banner, came since the last content line. */
  blankGap: boolean;
  pageGap: boolean;
  /** The last content line, null after a boundary line (authority, date, rule). */
  prev: DocLine | null;
  /**
   * At a page's top, until its first line of text: the last portion of the page before that ended
   * without ending its sentence (see carriedOver).
   */
  carried: Draft | null;
}

/** Groups content lines into draft portions, in document order. Linear. */
export function groupPortions(input: GroupInput): Draft[] {
  const wrapped = wrappedLines(input);
  const st: GroupState = { input, blankParagraphs: usesBlankLines(input), wraps: wrapped >= 3, measured: wrapped >= 1, drafts: [], aligned: alignedTableRows(input.source, input.lines, input.roles), cur: null, hard: true, blankGap: false, pageGap: false, prev: null, carried: null };
  const inline = inlineBanners(input);
  for (let i = 0; i < input.lines.length; i++) {
    const fenceEnd = input.fences.get(i);
    if (fenceEnd !== undefined) {
      groupFence(st, i, fenceEnd);
      i = fenceEnd;
    } else if (!passBoundary(st, input.roles[i]!, input.levelBreaks.has(i) || inline.has(i))) groupLine(st, i);
  }
  close(st);
  attachLoneMarks(st.drafts);
  return st.drafts;
}

/**
 * Banner lines with text of the same page above and below them: a classification line inside the
 * text (an e-mail's `Classification: SECRET//NOFORN` under its Subject, a quoted message's), not a
 * page's top or bottom. No portion continues across one, whatever its level: read as page
 * furniture, the message's unmarked body went on with the `Subject: (U) …` line above and was
 * released as its (U).
 */
function inlineBanners(input: GroupInput): Set<number> {
  const out = new Set<number>();
  const { lines, roles } = input;
  const firstContent = new Map<number, number>();
  const lastContent = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    // Text of the page: content, and the header and subject lines a message opens with.
    if (roles[i] !== 'content' && roles[i] !== 'subject' && roles[i] !== 'header') continue;
    const page = lines[i]!.page;
    if (!firstContent.has(page)) firstContent.set(page, i);
    lastContent.set(page, i);
  }
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== 'banner') continue;
    const page = lines[i]!.page;
    if ((firstContent.get(page) ?? Infinity) < i && i < (lastContent.get(page) ?? -1)) out.add(i);
  }
  return out;
}

/**
 * A mark alone on its line with no text after it, right under a marked portion's last line
 * (`(U) The source reported …` / `(S)`: a trailing mark wrapped onto a line of its own, as text
 * out of a PDF can be), raises that portion as a trailing mark would. A blank line or page break
 * away it is left alone: in SIDtoday such a mark is a photograph's or caption's whose text is not
 * in the text layer (`(U) … Award for …` / blank / `(U//FOUO)` / `(S//SI)` / the citation).
 */
function attachLoneMarks(drafts: readonly Draft[]): void {
  for (let k = 1; k < drafts.length; k++) {
    const d = drafts[k]!;
    const before = drafts[k - 1]!;
    if (d.markOnly && d.lead && d.textBefore === 'line' && before.lead) before.raises.push(d.lead);
  }
}

function close(st: GroupState): void {
  if (st.cur) st.drafts.push(st.cur);
  st.cur = null;
}

function openDraft(source: string, piece: Piece, lead: MarkHit | null, structure: Draft['structure'], number: string | null, hardStart: boolean, headerBudget: number): Draft {
  return {
    pieces: [piece],
    lead,
    trailingLead: false,
    structure,
    number,
    raises: [],
    hardStart,
    leadIn: false,
    headerBudget,
    markOnly: lead !== null && source.slice(lead.end, piece.end).trim() === '',
    strayTrailing: null,
    trailsSentences: false,
    textBefore: null,
    readAsText: [],
    itemUnder: null,
    inList: false,
    hidden: false,
  };
}

/**
 * A line that holds no portion text: a blank line, page furniture or a page number (a gap), or an authority,
 * date or rule line or a banner of another level (a hard boundary). True when `role` is one of them.
 */
function passBoundary(st: GroupState, role: LineRole, levelBreak: boolean): boolean {
  if (role === 'blank') {
    st.blankGap = true;
    return true;
  }
  if ((role === 'furniture' || role === 'banner' || role === 'folio') && !levelBreak) {
    st.pageGap = true;
    return true;
  }
  if (role === 'authority' || role === 'date' || role === 'rule' || levelBreak) {
    close(st);
    st.hard = true;
    st.blankGap = st.pageGap = false;
    st.prev = null;
    return true;
  }
  return false;
}

/**
 * A fenced code block, fences included, as one portion of its own (see fences.ts): never the wrap
 * of the line above it, and nothing after it goes on with it.
 */
function groupFence(st: GroupState, open: number, end: number): void {
  const { source, lines, bannerRelTo } = st.input;
  close(st);
  const pieces: Piece[] = [];
  for (let k = open; k <= end; k++) if (!lines[k]!.blank) pieces.push({ start: lines[k]!.first, end: lines[k]!.last, line: k, breakBefore: false });
  const { lead, raises } = fenceMarks(source, lines, open, end, bannerRelTo);
  const d = openDraft(source, pieces[0]!, lead, null, null, true, 0);
  d.pieces.push(...pieces.slice(1));
  d.raises.push(...raises);
  d.markOnly = false;
  st.cur = d;
  close(st);
  st.hard = true;
  st.blankGap = st.pageGap = false;
  st.prev = lines[end]!;
  st.carried = null;
}

/** One line of text: its first piece, the portions that marks in the middle of it open, a trailing mark. */
function groupLine(st: GroupState, i: number): void {
  const { source, lines, roles, bannerRelTo } = st.input;
  const line = lines[i]!;
  const role = roles[i]!;
  if (st.prev && line.page !== st.prev.page) {
    st.pageGap = true;
    st.carried = carriedOver(st, st.prev.page);
  }
  if (st.blankGap && !st.pageGap) {
    close(st);
    st.hard = true;
  }

  const row = st.aligned.get(i);
  const own = readLineStart(source, line.first, line.last, bannerRelTo);
  // A row of a table aligned with spaces or tabs is a table row (probe 62a F4).
  const lineStart: LineStart = row && own.structure !== 'heading' ? { ...own, structure: 'table-row', number: null } : own;
  // A row whose first cell is marked and another cell is not: the mark is the first cell's, and
  // the unmarked cell's level is not known (`| (U) Bob | … is the source |` in a SECRET memo was
  // released as the row's (U)). The row's marking is not known (fail closed), whatever the first
  // cell's level: it was unmarked text under (U), withheld under B1 as "no portion mark".
  const read =
    lineStart.structure === 'table-row' && lineStart.mark && !laterCellsMarked(source, line, lineStart.mark, bannerRelTo, row)
      ? { ...lineStart, mark: firstCellOnly(lineStart.mark, tableCellMarks(source, line, lineStart.mark, bannerRelTo, row)) }
      : lineStart;
  const wrapped = markWrappedInSentence(st, read, line);
  const asText = wrapped || continuesSentence(st, read, line) ? read.mark : null;
  const start: LineStart = asText ? { ...read, mark: null } : read;
  const scanned: LineMarks =
    start.structure === 'table-row' ? tableRowMarks(source, line, start, bannerRelTo, row) : scanLine(source, start.mark ? start.mark.end : start.textStart, line.last, bannerRelTo, st.input.definitions);
  const from = start.mark ? start.mark.end : start.textStart;
  const marks = withLineBreaks(st, withComment(outsideComments(source, scanned, line), commentStart(source, from, line)), start.mark, from, line);
  const structure: Draft['structure'] = role === 'header' ? 'header' : role === 'subject' ? 'subject' : start.structure;
  const firstEnd = marks.openers.length > 0 ? trimEnd(source, line.first, marks.openers[0]!.start) : line.last;
  const piece: Piece = { start: line.first, end: firstEnd, line: i, breakBefore: st.pageGap && st.cur !== null };

  if (asText) {
    // It goes on with the sentence above: the line continues the portion, whatever its width.
    st.cur!.pieces.push(piece);
    st.cur!.markOnly = false;
    if (asText) st.cur!.readAsText.push(asText);
    if (asText && wrapped) st.cur!.raises.push(asText);
  } else placeFirstPiece(st, piece, start, structure, role === 'header' ? 3 : 0, line);
  st.cur!.readAsText.push(...marks.asText);
  addRaises(st.cur!, marks.inline, piece);
  openMidLine(st, marks, line, i);
  endLine(st, marks.trailing, line);
}

/**
 * A parenthetical the grammar does not read, alone at the start of a line that goes on with the
 * sentence of the line above: an acronym or office code the wrap put there (`… the Combined Forces
 * Command` / `(CFC) Headquarters …`, `… Analysis & Production` / `(S2) in the near future`), not a
 * mark. It must be letters and digits only (no slash: `(S//N F)` stays a mark not understood), the
 * line above must end no sentence or lead-in (`.`, `:`; a footnote call after its last word,
 * `Document**`, ends none), and the text after it must go on in
 * lower case or punctuation (a portion never opens so) after a line the wrap ended, a line of
 * prose, a list going on (`,`, `and`) or the words its letters are the initials of; or, after a
 * line the wrap ended, its letters must be the initials of the words before it (`(CFC)
 * Headquarters`). Anything else stays a mark not understood (withheld pending review: fail closed).
 */
function continuesSentence(st: GroupState, start: LineStart, line: DocLine): boolean {
  const mark = start.mark;
  if (!mark || mark.status !== 'unknown' || mark.lookalike || start.structure !== null || mark.start !== line.first) return false;
  if (!st.cur || !st.prev || st.blankGap || st.pageGap) return false;
  const inner = mark.raw.slice(1, -1);
  if (!mark.raw.endsWith(')') || !/^[A-Za-z0-9][A-Za-z0-9 ,&]*$/.test(inner)) return false;
  // A footnote call glued to the last word (`… Requirements Document**`) ends no sentence (SROB
  // 2004-03-02's `(CRD) completed, …` was withheld as a mark not understood, probe 66a item 4).
  const above = st.prev.text.trimEnd().replace(FOOTNOTE_CALL, '');
  if (!/[\p{L}\p{N},&]$/u.test(above)) return false;
  // The wrap put it there: it would not have fitted on the line above. (A short line above, `(U)
  // Title` over `(C0) the text`, leaves a typed mark a mark.) Text read out of a PDF can join a
  // paragraph's later lines, so the width it sets can be wider than the page's: a line above of
  // PROSE_LINE characters or more is prose the wrap ended, when lower case follows.
  const wrapped = st.prev.last - st.prev.start + 1 + mark.raw.length >= 0.85 * st.input.width;
  const after = st.input.source.slice(mark.end, line.last).trimStart();
  const initials = initialsOf(above, inner.replace(/[^A-Za-z]/g, '').length) === inner;
  if (after === '' || /^[\p{Ll},.;:)\-–—]/u.test(after)) return wrapped || initials || st.prev.last - st.prev.start >= PROSE_LINE || LIST_GOES_ON.test(above);
  return wrapped && initials;
}

/**
 * A mark the grammar reads, alone at the start of a line (no bullet, number or label before it),
 * right under a line of a portion that is not plain (U) and that ends no sentence (no `.`, `?`,
 * `!`, `…` or `:` at its end), and followed by a lower-case word: `1. (S//NF) The officer said the
 * files his service had marked` / `(U) were in fact ZQ… holdings.` A portion does not open in the
 * middle of a sentence: this is a mark named in the sentence that the line wrap put first. Read as
 * a portion of its own, the rest of the SECRET sentence was released as (U) (probe 60a, F3). The
 * line goes on with the portion above, and the mark can only raise it (a `(TS)` there makes the
 * portion TOP SECRET): fail closed. Diagnostic `parenthetical-read-as-text`.
 */
function markWrappedInSentence(st: GroupState, start: LineStart, line: DocLine): boolean {
  const mark = start.mark;
  if (!mark || mark.status !== 'marked' || mark.lookalike || start.structure !== null || mark.start !== line.first) return false;
  const c = st.cur;
  if (!c || !st.prev || st.blankGap || c.structure === 'table-row' || c.structure === 'heading') return false;
  if (c.lead?.status === 'marked' && c.lead.marking?.level === 'U' && !c.lead.marking.controls.length && c.raises.length === 0) return false;
  if (/[.!?…:]["'”’)\]*_]*$/.test(st.prev.text.trimEnd())) return false;
  return /^\p{Ll}/u.test(st.input.source.slice(mark.end, line.last).trimStart());
}

/** Footnote call signs right after a word at a line's end (`Document**`, `Office†`). */
const FOOTNOTE_CALL = /(?<=[\p{L}\p{N}])(?:\*{1,3}|[†‡]{1,3})$/u;

/** Characters of a line that is prose, not a title or a label (see continuesSentence). */
const PROSE_LINE = 60;

/**
 * A line that leaves a list of names going on (`Len Reinsfelder (S1),` / `(S2), Jim Cusick (S3),`;
 * `(S12), and` / `(S3) who served …`, where the Intercept blanked the names before the codes).
 */
const LIST_GOES_ON = /(?:,|\b(?:and|or))$/;

/** The initials of the last `n` words of `text`, upper case (`Combined Forces Command` → `CFC`). */
function initialsOf(text: string, n: number): string {
  const words = text.split(/[\s/-]+/).filter((w) => /^\p{Lu}/u.test(w));
  return n > 1 && words.length >= n ? words.slice(-n).map((w) => w[0]).join('') : '';
}

/** The line's first piece: a new portion (a mark or a structure opens one), a list item, or a continuation. */
function placeFirstPiece(st: GroupState, piece: Piece, start: LineStart, structure: Draft['structure'], headerBudget: number, line: DocLine): void {
  placeOnPage(st, piece, start, structure, headerBudget, line);
  // What the page before carried is settled by the page's first line, unless that is a marked
  // line short of a sentence (a running header, a table head) above the text that goes on.
  if (start.mark === null || line.text.length >= 0.75 * st.input.width || SENTENCE_END.test(line.text)) st.carried = null;
}

function placeOnPage(st: GroupState, piece: Piece, start: LineStart, structure: Draft['structure'], headerBudget: number, line: DocLine): void {
  const { source, width } = st.input;
  const c = st.cur;
  const under = listItemUnder(st, start, structure, line);
  if (start.mark !== null || structure !== null || under !== null) {
    close(st);
    const label = under !== null && structure === null ? LIST_LABEL_LINE.exec(line.text)! : null;
    st.cur = openDraft(source, piece, start.mark, label ? 'item' : structure, label ? (label[1] ?? label[2] ?? null) : start.number, st.hard, headerBudget);
    st.cur.itemUnder = under;
    st.cur.inList = c !== null && !st.blankGap && !st.pageGap && (c.leadIn || c.inList || c.itemUnder !== null);
    if (start.mark && st.prev) st.cur.textBefore = st.blankGap || st.pageGap ? 'gap' : 'line';
  } else if (c === null) {
    st.cur = openDraft(source, piece, null, null, null, st.hard, 0);
  } else if (st.prev !== null && startsBlock(c, st.prev, line, source, st.input.lines)) {
    close(st);
    st.cur = openDraft(source, piece, null, null, null, true, 0);
  } else if (c.structure === 'subject' && st.prev && !st.pageGap && endsSubject(st.prev.text, line.text, 0.85 * width)) {
    // Not the subject's wrap (`PURPOSE: …`, a sentence under `SUBJECT: (U) Plan`): text of its own.
    close(st);
    st.cur = openDraft(source, piece, null, null, null, true, 0);
  } else if (st.carried !== null && st.carried !== c && /^[a-z]/.test(line.text)) {
    // The page before ended a portion mid-sentence, and others came after it (a footnote, a
    // caption, a running header, a repeated table head): which one this text goes on with is not
    // known, so it is text of its own (unmarked: withheld in a classified document).
    close(st);
    st.cur = openDraft(source, piece, null, null, null, true, 0);
  } else if (opensListItem(st, c, line)) {
    // `[2] …` under `[1] (U) …`: the list's next item, unmarked (see item-sequence.ts).
    close(st);
    st.cur = openDraft(source, piece, null, 'item', null, false, 0);
    st.cur.itemUnder = c.lead;
  } else if (st.pageGap ? c.markOnly || goesOnAcrossPage(st, c, line) : c.headerBudget > 0 || continues(c, st.prev, line, width, st.blankParagraphs ? st.input : null, st.wraps) || hangsUnderMark(c, source, st.input.lines, line)) {
    if (c.headerBudget > 0 && !st.pageGap) c.headerBudget--;
    c.pieces.push(piece);
    if (c.markOnly && line.text.length > 0) c.markOnly = false;
  } else {
    close(st);
    st.cur = openDraft(source, piece, null, null, null, st.pageGap || st.hard, 0);
  }
}

/**
 * An unmarked line that cannot go on with the portion `c` whose last line is `prev`, whatever the
 * wrap: the line under a Markdown ATX heading (`## (U) Background` / `ZQ… text`: a heading is one
 * line), a block quote opening or ending, or one of another depth (`(U) … below:` / `> The source …`:
 * in CommonMark a block quote interrupts a paragraph, in mail it is the earlier message), and an
 * HTML block opening under text (`<div>…`, a lone `</div>`), and the line under a title set wholly in
 * bold or underscores (`**(U) Bold Title**` / `ZQ… text`: a title, as a heading), and a Markdown
 * footnote or link reference definition (see MARKDOWN_DEFINITION). Read on, each
 * was released as the (U) text above it (probe 60a, F1, F2; probe 60d, F4); a portion of its own,
 * unmarked, it is withheld in a classified document.
 */
function startsBlock(c: Draft, prev: DocLine, line: DocLine, source: string, lines: readonly DocLine[]): boolean {
  if (c.structure === 'heading' || EMPHASIS_TITLE.test(prev.text)) return true;
  if (quoteDepth(line.text) !== quoteDepth(prev.text)) return true;
  // `\> …`: a quote's mark escaped (literal in CommonMark, a quoted line to its reader): where it
  // goes is not known, so it opens a block (fail closed), as an unescaped one does.
  if (ESCAPED_QUOTE.test(line.text) && !ESCAPED_QUOTE.test(prev.text)) return true;
  // A form's hanging indent under a field's mark goes on (see hangsUnderMark, hangsAtColumn).
  if (indentedBlockUnder(source, prev, line) && !hangsUnderMark(c, source, lines, line) && !hangsAtColumn(c, source, lines, line)) return true;
  if (MARKDOWN_DEFINITION.test(line.text) || opensDialectBlock(line.text)) return true;
  if (prev.page === line.page && opensSetextHeading(c, source, lines, line)) return true;
  return HTML_BLOCK.test(line.text) && !HTML_BLOCK.test(prev.text);
}

/**
 * The first unmarked line under a marked line in a paragraph over a setext heading's underline
 * (`(U) …` / `Title ZQ…` / `More ZQ…` / `=====` or `-----`): the heading, every line of it down to
 * the underline one portion, the marked line's text no more (CommonMark makes the paragraph above
 * the underline the heading, the (U) line with it; which of its lines the author meant for the
 * heading is not known, and the unmarked ones hold no mark: fail closed). Read on, they were
 * released as the (U) line's wrap (probe 63a F9, probe 64d F5). Kept whole: a (U) line's sentence
 * that ends on the line right above the rule (`(U) … ended at noon and` / `everyone left.` /
 * `-----`), a plain-text memo's rule under its paragraph (withheld, it was (U) text: probe 64d F6).
 * A heading line that carries the mark opens its portion by it. Not across a page break: the
 * first line of a page goes on with the page before as it did.
 */
function opensSetextHeading(c: Draft, source: string, lines: readonly DocLine[], line: DocLine): boolean {
  if (c.lead === null) return false;
  let k = line.index;
  while (lines[k + 1] && !lines[k + 1]!.blank && lines[k + 1]!.page === line.page && !isSetextUnderline(source, lines[k + 1]!)) k++;
  const under = lines[k + 1];
  if (!under || under.blank || under.page !== line.page) return false;
  return !(SENTENCE_END.test(lines[k]!.text) && !SENTENCE_END.test(lines[k - 1]!.text));
}

/** A setext heading's underline: at most three blanks before it, no tab. */
function isSetextUnderline(source: string, line: DocLine): boolean {
  return line.first - line.start <= 3 && SETEXT_UNDERLINE.test(line.text) && !source.slice(line.start, line.first).includes('\t');
}

/**
 * A setext heading's underline: three or more `=` or `-`, nothing else (CommonMark takes one; a
 * text out of a PDF sets `--` before a list's items, as SIDtoday's `--` / `(U) See also …`).
 */
const SETEXT_UNDERLINE = /^(?:={3,}|-{3,})$/;

/**
 * A Markdown footnote definition (`[^1]: …`) or link reference definition (`[f]: <url> "title"`):
 * a block of its own wherever it stands (the footnote renders at the page's foot, the definition
 * not at all), as it is after a blank line. Right under a (U) line it was read as that line's text
 * and released (probe 63a F5). A footnote whose text opens with a mark opens a portion by it.
 */
const MARKDOWN_DEFINITION = /^(?:\[\^[^\]\s]+\]:|\[[^\]]+\]:[ \t]*(?:<[^>]*>|\S+)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$)/;

/** A line opening with an escaped block-quote mark (`\> …`). */
const ESCAPED_QUOTE = /^\\>/;

/**
 * A line set in by four or more spaces (or a tab) more than the line above, which ended a sentence
 * or a lead-in (`(U) List UQ…:` / `    ZQ… indented code block`): a block of its own (an indented
 * code block or a quoted passage), not the wrap of the sentence above; read on, it was released as
 * the (U) text above it. The indented wrap of a sentence that goes on (`(U) Wrapped paragraph` /
 * `    continues here.`) goes on.
 */
function indentedBlockUnder(source: string, prev: DocLine, line: DocLine): boolean {
  if (!(SENTENCE_END.test(prev.text) || /:["'”’*_]*$/.test(prev.text))) return false;
  return indentWidth(source, line) - indentWidth(source, prev) >= 4;
}

/** The blanks before a line's first character, a tab counted as four. */
function indentWidth(source: string, line: DocLine): number {
  return source.slice(line.start, line.first).replace(/\t/g, '    ').length;
}

/** How many block-quote marks (`>`, `> >`) open a line. */
function quoteDepth(text: string): number {
  const q = /^(?:>[ \t]?)+/.exec(text);
  return q ? q[0].replace(/[ \t]/g, '').length : 0;
}

/**
 * A line that opens an HTML block: a tag (`<div>`, `<p class=…>`), a comment, a declaration or a
 * processing instruction; a closing tag, alone (`</div>`: CommonMark's type 6 interrupts a paragraph)
 * or with text after it (`</div>ZQ…`). Not an address in angle brackets (`<post@example.gov>`,
 * `<https://…>`).
 */
const HTML_BLOCK = /^<(?:[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)|\/[A-Za-z][A-Za-z0-9-]*\s*>|!--|![A-Za-z]|!\[CDATA\[|\?)/;

/** A line set wholly in bold or underscores (`**(U) Bold Title**`, `__(U) Title__`): a title. */
const EMPHASIS_TITLE = /^(\*\*|__)(?=\S)(?:(?!\1).)*\S\1[ \t]*$/;

/**
 * A letter or roman label (`(a)`, `b)`, `(ii)`) or an `o` bullet (as Word sets a second-level one)
 * opening a line, no mark after it: the reader takes it for an item only under a lead-in or a
 * marked item of a list (see listItemUnder). A label spelled like a mark (`(c)` with no `(b)` before it) was read as a mark.
 */
const LIST_LABEL_LINE = /^(?:\(?([A-Za-z])\)|\(([ivxIVX]{1,4})\)|o)[ \t]+\S/;

/**
 * The mark of the marked lead-in (`(U) The minister listed the items below:`) that an unmarked
 * bullet or list item right under it, or under an earlier such item, sits under, or the mark of
 * the marked list item it sits right under (see markedItem); null otherwise.
 * The item is a portion of its own, unmarked: each item of a list carries its own mark (CAPCO).
 * Read as the lead-in's list, `• ZQYANKEE agent names …` under a (U) lead-in of a SECRET memo was
 * released as (U) (probe 58f, F6); unmarked, it is withheld in a classified document.
 */
function listItemUnder(st: GroupState, start: LineStart, structure: Draft['structure'], line: DocLine): MarkHit | null {
  const c = st.cur;
  if (c === null || start.mark !== null || st.blankGap || st.pageGap) return null;
  const under = c.leadIn ? c.lead : (c.itemUnder ?? markedItem(c));
  if (under === null) return null;
  const item = structure === 'bullet' || structure === 'item' || (structure === null && LIST_LABEL_LINE.test(line.text));
  return item ? under : null;
}

/**
 * The mark of a marked list item (`1. (U) first item`, `• (U) …`, or a marked line right under a
 * lead-in), null for anything else. An unmarked `o` bullet or `(a)` label right under it is an item
 * of its own: read on as the marked item's text, `(a) ZQ…` under `(U) first public item` was
 * released as (U) (probe 59b, F1). A wrapped line of the item (no bullet or label) goes on with it.
 */
function markedItem(c: Draft): MarkHit | null {
  if (c.lead === null || c.trailingLead) return null;
  return c.structure === 'bullet' || c.structure === 'item' || c.inList ? c.lead : null;
}

/** A line's marks, with the portions opened in the middle of it by a mark or by an HTML comment (no mark). */
type LineOpeners = Omit<LineMarks, 'openers'> & { readonly openers: readonly { readonly start: number; readonly mark: MarkHit | null }[] };

/** Where an HTML comment opens after a line's first character (`(U) The visit … <!-- reviewer: …`), or -1. */
function commentStart(source: string, from: number, line: DocLine): number {
  // Within the line only: searched to the source's end for each line, a document with no comment
  // would be read in time that grows with the square of its length (see lookalike.ts indexBefore).
  const start = Math.max(from, line.first + 1);
  if (start >= line.last) return -1;
  const at = source.slice(start, line.last).indexOf('<!--');
  return at === -1 ? -1 : start + at;
}

/**
 * The line's marks without a mark of (U) (none above it) read inside an HTML comment
 * (`<!-- … -->`, or `<!--` to the line's end): a comment renders nothing, so the text after it
 * shows unmarked (read as the comment's (U), `<!--(U)-->ZQ… text` was released: probe 67d F5).
 * Markup may raise a mark, never make a plain (U) (see ../rendered-marks.ts): a mark above (U)
 * inside a comment still opens its portion (fail closed).
 */
function outsideComments(source: string, marks: LineMarks, line: DocLine): LineMarks {
  const text = source.slice(line.first, line.last);
  if (!text.includes('<!--')) return marks;
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/<!--[^]*?(?:-->|$)/g)) spans.push([line.first + m.index, line.first + m.index + m[0].length]);
  const hidden = (hit: MarkHit): boolean =>
    hit.status === 'marked' && !(hit.marking && abovePlainU(hit.marking)) && spans.some(([a, b]) => hit.start >= a && hit.start < b);
  const openers = marks.openers.filter((o) => !hidden(o.mark));
  const trailing = marks.trailing && hidden(marks.trailing) ? null : marks.trailing;
  return openers.length === marks.openers.length && trailing === marks.trailing ? marks : { ...marks, openers, trailing };
}

/**
 * The line's marks with an HTML comment opened in the middle of it as an opener with no mark: the
 * comment, and the paragraph's text after it, are a portion of their own (unmarked: withheld in a
 * classified document), never the text of the portion it opens in. A comment renders nothing, so
 * the author who marked the visible sentence (U) never saw it as the portion's; read as its text,
 * `(U) The visit … <!-- ZQ… our source -->` was released (probe 63a F3). A comment that opens a
 * line opens a block of its own (see startsBlock).
 */
function withComment(marks: LineMarks, at: number): LineOpeners {
  if (at === -1) return marks;
  const openers = [...marks.openers, { start: at, mark: null }].sort((a, b) => a.start - b.start);
  return { ...marks, openers };
}

/**
 * The line's openers with one at each HTML line break (`<br>`) with text after it inside a plain
 * (U) portion (see lineBreaksInside): the text after it is a portion of its own, marked by a mark
 * right after the break, else unmarked (withheld in a classified document). In a portion above
 * (U) the text after the break goes on with it, as any unmarked text there does (fail closed).
 */
function withLineBreaks(st: GroupState, marks: LineOpeners, own: MarkHit | null, from: number, line: DocLine): LineOpeners {
  const { source, bannerRelTo } = st.input;
  const breaks = lineBreaksInside(source, from, line.last);
  if (breaks.length === 0) return marks;
  const openers = [...marks.openers];
  for (const at of breaks) {
    const before = openers.filter((o) => o.start < at).pop();
    const governing = before ? before.mark : (own ?? (st.cur && !st.blankGap ? st.cur.lead : null));
    if (governing?.status !== 'marked' || !governing.marking || abovePlainU(governing.marking)) continue;
    let text = at + /^<br[ \t]*\/?>/i.exec(source.slice(at))![0].length;
    while (text < line.last && /[ \t]/.test(source[text]!)) text++;
    const mark = readMarkAt(source, text, line.last, 'lead', bannerRelTo);
    openers.push({ start: at, mark: mark?.status === 'marked' ? mark : null });
    openers.sort((a, b) => a.start - b.start);
  }
  return { ...marks, openers };
}

/** Portions opened by marks in the middle of the line (or by a comment, see withComment), each up to the next. */
function openMidLine(st: GroupState, marks: LineOpeners, line: DocLine, i: number): void {
  const { source } = st.input;
  marks.openers.forEach((o, k) => {
    const end = k + 1 < marks.openers.length ? trimEnd(source, o.start, marks.openers[k + 1]!.start) : line.last;
    close(st);
    const p: Piece = { start: o.start, end, line: i, breakBefore: false };
    st.cur = openDraft(source, p, o.mark, null, null, false, 0);
    st.cur.hidden = o.mark === null;
    addRaises(st.cur, marks.inline, p);
  });
}

/** After the line: a trailing mark closes the portion it marks or raises; a marked line ending with a colon is a lead-in. */
function endLine(st: GroupState, trailing: MarkHit | null, line: DocLine): void {
  st.hard = false;
  const d = st.cur;
  if (d && trailing) {
    applyTrailing(d, trailing, st.input.source, line, st.input.width);
    close(st);
    st.hard = true;
  } else if (d && d.lead && /:["'”’*_]*$/.test(line.text)) {
    d.leadIn = true;
  }
  st.blankGap = st.pageGap = false;
  st.prev = line;
}

/** Offset after the last non-blank character before `end` (not before `from`). */
function trimEnd(source: string, from: number, end: number): number {
  let e = end;
  while (e > from && /\s/.test(source[e - 1]!)) e--;
  return e;
}

/** Inline marks that fall inside `piece` (a look-alike one wrapped onto the next line: that starts in it). */
function addRaises(d: Draft, inline: readonly MarkHit[], piece: Piece): void {
  for (const m of inline) if (m.start >= piece.start && (m.end <= piece.end || (m.lookalike && m.start < piece.end))) d.raises.push(m);
}

/**
 * The marks of a table row, one portion however many cells it has: the first cell's mark is the
 * row's (`start.mark`); a mark at the start of another cell, understood or in another form (`| x |
 * S//NF: …`), and any mark or look-alike inside a cell's text (`| x | The source (S) said |`)
 * raise it. (Only marks in parentheses at a cell's start were looked for: the others were released
 * with the row in an UNCLASSIFIED memo.)
 */
function tableRowMarks(source: string, line: DocLine, start: LineStart, bannerRelTo: readonly string[], row?: AlignedRow): LineMarks {
  const scanned = scanLine(source, start.mark ? start.mark.end : start.textStart, line.last, bannerRelTo);
  const all = [...tableCellMarks(source, line, start.mark, bannerRelTo, row), ...scanned.openers.map((o) => o.mark), ...(scanned.trailing ? [scanned.trailing] : []), ...scanned.inline];
  const starts = new Set<number>();
  const inline = all.filter((m) => {
    if (starts.has(m.start)) return false;
    starts.add(m.start);
    return true;
  });
  return { openers: [], trailing: null, inline, asText: [] };
}

/** Marks at the start of the cells of a table row, after the first (which is the row's mark). */
function tableCellMarks(source: string, line: DocLine, first: MarkHit | null, bannerRelTo: readonly string[], row?: AlignedRow): MarkHit[] {
  if (row) return alignedCellMarks(source, row, line.last, bannerRelTo);
  const out: MarkHit[] = [];
  for (let i = source.indexOf('|', line.first); i >= 0 && i < line.last; i = source.indexOf('|', i + 1)) {
    let j = i + 1;
    while (j < line.last && /[ \t*_]/.test(source[j]!)) j++;
    if (j >= line.last || (first && j === first.start)) continue;
    const m = readCellStartMark(source, j, line.last, bannerRelTo);
    if (m) out.push(m);
  }
  return out;
}

/**
 * A table row's first cell's mark as the mark of that cell only, when a later cell holding text
 * carries no mark: the row's marking is not known. `others` are the marks at the start of its other
 * cells: when there are some (`| (U) CAN | active | (S//NF) … |`), the row is at least the most
 * restrictive of its marked cells, and the message says which cells are marked (it said the other
 * cells carried no mark, probe 60a F9).
 */
function firstCellOnly(mark: MarkHit, others: readonly MarkHit[]): MarkHit {
  const own = mark.status === 'marked' && mark.marking ? mark.marking.level : null;
  const base = { start: mark.start, end: mark.end, raw: mark.raw, status: 'unknown' as const, marking: null };
  if (others.length === 0) {
    const message = `The mark ${JSON.stringify(mark.raw)} marks only the first cell of this table row and its other cells carry no mark, so the row's level is not known; it is withheld pending review. Mark each cell.`;
    return { ...base, firstCellOnly: own, message };
  }
  let level: Level | null = own;
  for (const m of others) level = level === null || !m.marking || m.status !== 'marked' ? null : compareLevels(m.marking.level, level) > 0 ? m.marking.level : level;
  const marks = [mark, ...others].map((m) => m.raw).join(', ');
  const atLeast = level === null ? '' : ` (at least ${LEVEL_BANNER[level]}, the most restrictive of its marked cells)`;
  const message = `The cells of this table row carry the marks ${marks}, but another of its cells holding text carries none, so the row's level is not known${atLeast}; it is withheld pending review. Mark each cell.`;
  return { ...base, firstCellOnly: level, cellsPartlyMarked: true, message };
}

/** True when every cell of a table row after the first that holds text starts with a mark. */
function laterCellsMarked(source: string, line: DocLine, first: MarkHit, bannerRelTo: readonly string[], row?: AlignedRow): boolean {
  if (row) return alignedLaterCellsMarked(source, row, line.last, bannerRelTo);
  for (let i = source.indexOf('|', first.end); i >= 0 && i < line.last; i = source.indexOf('|', i + 1)) {
    let j = i + 1;
    while (j < line.last && /[ \t*_]/.test(source[j]!)) j++;
    const next = source.indexOf('|', j);
    const cellEnd = next < 0 || next > line.last ? line.last : next;
    // An empty cell, or a separator's (`---`, `:--:`), holds no text.
    if (j >= cellEnd || /^[\s:*_-]*$/.test(source.slice(j, cellEnd))) continue;
    if (!readCellStartMark(source, j, line.last, bannerRelTo)) return false;
  }
  return true;
}

/**
 * True when the document separates paragraphs with blank lines: most lines that open a portion
 * (a mark or a list item) follow a blank line or a header/banner line.
 */
function usesBlankLines(input: GroupInput): boolean {
  const { source, lines, roles, bannerRelTo } = input;
  let openers = 0;
  let afterGap = 0;
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== 'content') continue;
    const l = lines[i]!;
    if (l.text[0] !== '(' && !/^[-*•#|\d"“]/.test(l.text)) continue;
    const s = readLineStart(source, l.first, l.last, bannerRelTo);
    if (!s.mark && s.structure === null) continue;
    openers++;
    let k = i - 1;
    while (k >= 0 && roles[k] !== 'blank' && roles[k] !== 'content' && roles[k] !== 'header' && roles[k] !== 'subject') k--;
    if (k < 0 || roles[k] !== 'content') afterGap++;
  }
  return openers >= 2 && afterGap >= openers * 0.6;
}

/** A caption's label: `Figure 1.`, `Table 2:`, `Photo:`, `Source:`. */
const CAPTION_LABEL = /^(?:(?:Figure|Fig\.|Table|Chart|Map|Exhibit|Graphic|Image|Photo|Illustration)\s+[0-9IVX]+[A-Za-z]?[.:]|(?:Photo|Source|Caption)\s*:)\s/;

/** Whether an unmarked line continues the portion `d` whose last line is `prev` (same block, no page break). */
function continues(d: Draft, prev: DocLine | null, line: DocLine, width: number, blankParagraphs: GroupInput | null, wraps: boolean): boolean {
  if (!prev) return false;
  if (d.markOnly) return true;
  // A caption's label after a sentence's end (`… today.` / `Figure 1. The asset …`) opens the
  // caption, set right under a paragraph with no blank between: read on, an unmarked caption that
  // repeated a withheld sentence was released under the (U) paragraph above.
  if (CAPTION_LABEL.test(line.text) && SENTENCE_END.test(prev.text)) return false;
  // Punctuation alone goes on with the text above (see isBarePunctuation): no portion opens so.
  if (isBarePunctuation(line.text)) return true;
  const p = prev.text;
  const lower = /^[a-z]/.test(line.text);
  const prevWidth = prev.last - prev.start;
  if (blankParagraphs) return !brokenUnderU(d, blankParagraphs, p, prevWidth, line, width, wraps);
  if (d.leadIn) {
    // The list under a lead-in ends where a prose paragraph begins: a long line after a short one
    // that ended a sentence.
    return !(SENTENCE_END.test(p) && prevWidth < 0.85 * width && line.last - line.start >= 0.85 * width && !lower);
  }
  if (SENTENCE_END.test(p)) return lower;
  if (/:["'”’*_]*$/.test(p)) return true;
  const firstWord = /^\S*/.exec(line.text)![0].length;
  if (prevWidth + 1 + firstWord >= 0.85 * width) return true;
  return lower;
}

/**
 * In a document of blank-line paragraphs, a block of one-line portions (`(S//NF) …` / `(U) Public
 * line one.` / `The unmarked line …`, no blank lines between): after a one-line (U) portion that
 * opened right under another portion's line and ended a sentence well short of the wrap width (the
 * next word would have fitted), a line that does not go on in lower case is a portion of its own.
 * Read on as the (U) line's text, it was released; unmarked, it is withheld in a classified
 * document (probe 12, F6). A (U) paragraph of several lines, or one after a blank line, goes on as
 * written (a PDF's lines were joined where the wrap broke them: one broken short is its author's,
 * mostly the same paragraph: `(U) Thanks for reading!` / `Cindy`). In a text whose paragraphs wrap at
 * its width (`wraps`, see wrappedLines), the same holds after a blank line when the line is the
 * paragraph's rest (see restOfParagraph): `2(U) Public footnote text.` / `ZQFOOTC unmarked next
 * line.` (probe 58f, F6). Lines broken short one after another stay one paragraph.
 */
function brokenUnderU(d: Draft, input: GroupInput, prevText: string, prevWidth: number, line: DocLine, width: number, wraps: boolean): boolean {
  if (d.lead?.status !== 'marked' || d.lead.marking?.level !== 'U' || d.trailingLead || d.leadIn || d.pieces.length !== 1) return false;
  const above = d.pieces[0]!.line - 1;
  const underLine = above >= 0 && input.roles[above] === 'content';
  if (!underLine && !wraps) return false;
  // The (U) line ends a sentence (or a clause: `;`); the next opens a new one: a capital of any
  // script, a quote or a parenthesis (not a comma: `… contact Mr.` / `, ODNI Watch` goes on). A (U) heading with no stop goes on (SIDtoday
  // sets `(U) Charles Berlin Discusses Leadership` over its text).
  if (!(SENTENCE_END.test(prevText) || /;["'”’)]*$/.test(prevText)) || !/^[\p{Lu}"“'‘(\[]/u.test(line.text)) return false;
  const firstWord = /^\S*/.exec(line.text)![0].length;
  return prevWidth + 1 + firstWord < 0.85 * width && (underLine || restOfParagraph(input, d.pieces[0]!.line + 1, width));
}

/** True when the content lines from `k` on up to the next line of another role are one paragraph: each but the last runs to the wrap width. */
function restOfParagraph(input: GroupInput, k: number, width: number): boolean {
  const { lines, roles } = input;
  if (roles[k] !== 'content') return false;
  for (; k + 1 < lines.length && roles[k + 1] === 'content'; k++) if (lines[k]!.last - lines[k]!.start < 0.85 * width) return false;
  return true;
}

/**
 * How many lines (up to three) run to the wrap width with a line of the same paragraph under them
 * (on the same page: the line under a page break may be another paragraph's).
 * With three, the text's paragraphs wrap at its width (typed or saved with a fixed line length).
 * Text read out of a PDF, whose wrapped lines the layout joined, has few such lines.
 */
function wrappedLines(input: GroupInput): number {
  const { lines, roles, width } = input;
  let n = 0;
  for (let i = 0; i + 1 < lines.length && n < 3; i++) if (roles[i] === 'content' && roles[i + 1] === 'content' && lines[i + 1]!.page === lines[i]!.page && lines[i]!.last - lines[i]!.start >= 0.85 * width) n++;
  return n;
}

/**
 * A hanging indent under a portion's lead mark, or under the text after it, when something stands
 * before the mark on its line (a field label, a bullet, a number): `Title: (U) OPERATION EXAMPLE;`
 * over `       IT - OTHER;`, as a form prints a field's further lines; each further line at that
 * indent goes on too. The line goes on with the portion, whatever its case: read as a new paragraph
 * it was unmarked text, withheld as such. Spaces only (a tab's column is not known).
 */
function hangsUnderMark(d: Draft, source: string, lines: readonly DocLine[], line: DocLine): boolean {
  const mark = d.lead;
  if (!mark || d.trailingLead || line.first === line.start) return false;
  const head = lines[d.pieces[0]!.line]!;
  if (mark.start <= head.first || mark.end >= head.last) return false;
  if (!/^ +$/.test(source.slice(line.start, line.first)) || !/^ *$/.test(source.slice(head.start, head.first))) return false;
  let text = mark.end;
  while (text < head.last && source.charCodeAt(text) === 0x20) text++;
  const indent = line.first - line.start;
  return indent === mark.start - head.start || indent === text - head.start;
}

/** The column `blanks` (spaces and tabs, or any text) reaches, tab stops every `tab` columns. */
function columnOf(text: string, tab: number): number {
  let col = 0;
  for (const ch of text) col = ch === '\t' ? (Math.floor(col / tab) + 1) * tab : col + 1;
  return col;
}

/** Whether `a` and `b` reach the same column whatever a tab's width (4 or 8): a layout both readings agree on. */
function sameColumn(a: string, b: string): boolean {
  return columnOf(a, 4) === columnOf(b, 4) && columnOf(a, 8) === columnOf(b, 8);
}

/**
 * A hanging indent that hangsUnderMark does not read (probe 61c F8), under a line that ended a
 * sentence:
 * - tabs: `1.<TAB>(U) … ends.` / `<TAB>continues`: under the mark or its text after a label, the
 *   columns equal whether a tab is 4 or 8 wide;
 * - a mark at the line's start, `(U) First sentence … ends.` / `    The paragraph goes on`, at the
 *   text's column, once a line of the paragraph already stands there as its wrap: the first such
 *   line under a sentence is no different from an indented block (`(U) The memo said the
 *   following.` / `    ZQ… quoted passage`), so it opens a block (withheld unmarked: fail closed).
 * An indent deeper than the text or not aligned with it (`(U) List:` / `      code`) is no hang.
 */
function hangsAtColumn(d: Draft, source: string, lines: readonly DocLine[], line: DocLine): boolean {
  const mark = d.lead;
  if (!mark || d.trailingLead || line.first === line.start) return false;
  const head = lines[d.pieces[0]!.line]!;
  if (mark.start < head.first || mark.end >= head.last) return false;
  const indent = source.slice(line.start, line.first);
  if (!/^[ \t]+$/.test(indent) || !/^[ \t]*$/.test(source.slice(head.start, head.first))) return false;
  let text = mark.end;
  while (text < head.last && (source.charCodeAt(text) === 0x20 || source.charCodeAt(text) === 0x09)) text++;
  const toText = source.slice(head.start, text);
  if (mark.start > head.first) return sameColumn(indent, source.slice(head.start, mark.start)) || sameColumn(indent, toText);
  if (!sameColumn(indent, toText)) return false;
  return d.pieces.slice(1).some((p) => {
    const l = lines[p.line]!;
    return l !== line && sameColumn(source.slice(l.start, l.first), toText);
  });
}

/**
 * The last portion of page `page` that ended without ending its sentence (a paragraph the page
 * break cut), or null. Text at the next page's top that goes on in lower case goes on with it only
 * when nothing came between: it went on with the last portion before it (a footnote `1 (U)
 * Open-source reporting ….` after the cut paragraph, a `(U)` running header or a `(U)` table head a
 * browser repeats on the next page) and was released as its (U): the cut paragraph was SECRET. A
 * caption that ends no sentence after the cut paragraph is taken for the cut one (a paragraph cut
 * at a page's foot ends on a short line too): left.
 */
function carriedOver(st: GroupState, page: number): Draft | null {
  const { source, lines } = st.input;
  const count = st.drafts.length + (st.cur ? 1 : 0);
  const at = (k: number): Draft => (k === st.drafts.length ? st.cur! : st.drafts[k]!);
  for (let k = count - 1; k >= 0; k--) {
    const d = at(k);
    const last = d.pieces[d.pieces.length - 1]!;
    if (lines[last.line]!.page !== page) return null;
    const text = source.slice(last.start, last.end).trimEnd();
    if (!SENTENCE_END.test(text) && !text.endsWith(':')) return d;
  }
  return null;
}

/**
 * Across page furniture: only text that plainly goes on. The line before the break ran to the wrap
 * width (the next page's first word would not have fitted; `width` is Infinity where no paragraph
 * shows the width) and ended no sentence, or the text goes
 * on in lower case after it; or a short line before it ended in a word or a comma (no stop) and
 * the text goes on in lower case (`… while I` / `was there`), or it ended where no heading ends
 * (see CUT_MID_SENTENCE). A short line that ends no sentence is a heading or
 * a title (`(U) Background`, `1. (U) Summary`, `(U) … on 12 May`): read on, the next page's unmarked
 * first paragraph was released as its (U) (probe 62a, F1); text of its own, it is withheld unmarked.
 * A paragraph of more lines than one on the page (`paragraph`, see runsOn) goes on whenever its
 * last line ends no sentence, as before.
 */
function continuesAcrossPage(prev: DocLine | null, line: DocLine, width: number, paragraph: boolean): boolean {
  if (!prev) return false;
  if (paragraph && !/[.!?:…]["'”’)\]]*$/.test(prev.text)) return true;
  const lower = /^[a-z]/.test(line.text);
  const firstWord = /^\S*/.exec(line.text)![0].length;
  if (prev.last - prev.start + 1 + firstWord >= 0.85 * width) return lower || !/[.!?:…]["'”’)\]]*$/.test(prev.text);
  return (lower && /[\p{L}\p{N},;-]["'”’)]*$/u.test(prev.text)) || CUT_MID_SENTENCE.test(prev.text);
}

/**
 * Whether `line`, after page furniture, goes on with the portion `c`. In a PDF its layout decides
 * (see PageFlow): the text before the break ends no sentence, and wraps onto the next page, or, at
 * the same edge, ends where no heading ends (CUT_MID_SENTENCE: `"shuffled" in,` / `"stumbled" in,`)
 * or ends a paragraph of more lines than one on its page (not a heading) and the text goes on in
 * lower case.
 * Read from the text alone, a short `(U)` line with no stop ran on into the next page's unmarked
 * paragraph and released it, and a full line cut mid-sentence lost the next page's half of its
 * paragraph as unmarked (probe 65c F2, F4).
 */
function goesOnAcrossPage(st: GroupState, c: Draft, line: DocLine): boolean {
  const { prev, input } = st;
  if (input.pageFlow && prev) {
    if (/[.!?:…]["'”’)\]]*$/.test(prev.text)) return false;
    const flow = input.pageFlow(prev.last - 1, line.first);
    return flow === 'wrap' || (flow === 'aligned' && (CUT_MID_SENTENCE.test(prev.text) || (/^[a-z]/.test(line.text) && runsOn(c, input.lines, prev))));
  }
  return continuesAcrossPage(prev, line, st.measured ? input.width : Infinity, runsOn(c, input.lines, prev));
}

/**
 * True when the portion has a line before `prev` (its last line) on the same page: a paragraph,
 * not a one-line heading or title. Its last line before a page break goes on when it ends no
 * sentence, whatever its length: a PDF's paragraph reaches the reader as long joined lines, and a
 * line it did not join (`(SLA), the Director, … the Language Training`, which opens with a
 * parenthesis) is short beside them; SIDtoday 2005-09-21's `Investment Board (LTIB), …` on the
 * next page was withheld as unmarked (see continuesAcrossPage).
 */
function runsOn(c: Draft, lines: readonly DocLine[], prev: DocLine | null): boolean {
  if (!prev) return false;
  return c.pieces.some((piece) => {
    const l = lines[piece.line]!;
    return l.index < prev.index && l.page === prev.page && !l.blank;
  });
}

/**
 * A line that ends where no heading or title ends: a comma, a dash, or a word that joins what comes
 * after it (`… forward information to the` over a page break in a PDF whose joined lines set a wide
 * wrap width, SIDtoday 2005-03-14). The text at the next page's top goes on with it, in any case.
 */
const CUT_MID_SENTENCE =
  /(?:[,–—-]|\b(?:the|a|an|of|to|and|or|nor|but|in|on|at|by|for|from|with|into|as|that|which|who|whose|than|its|their|his|her|our|is|are|was|were|be|been|has|have|had|will|would|can|could|should|must|not))["'”’)]*$/;

/**
 * A line right under a portion whose own mark has a label before it that the line grammar does
 * not read as an item's (`[1] (U) …`, `1.1 (U) …`, `Step 1: (U) …`), opening with the label that
 * follows it (`[2] …`): the list's next item, not the portion's wrap (see opensNextItem).
 */
function opensListItem(st: GroupState, c: Draft, line: DocLine): boolean {
  const mark = c.lead;
  if (!mark || c.trailingLead || !st.prev || st.pageGap || st.blankGap) return false;
  const before = st.input.source.slice(c.pieces[0]!.start, mark.start);
  // A footnote's superscript or sign may be glued to its mark (`¹(U) …`).
  if (!/\S[ \t]+$/.test(before) && !/^[⁰¹²³⁴⁵⁶⁷⁸⁹*†‡]{1,3}$/.test(before)) return false;
  if (before.includes('\n')) return false;
  return opensNextItem(before.trim(), line.text, SENTENCE_END.test(st.prev.text));
}

/**
 * A mark at the end of a line: it marks the text before it, or raises the portion it ends. A
 * subject line's is the subject's mark however long the line (`Subject: RE: FW: … (S//NF)`: the
 * reply prefixes made a short e-mail's line too long to read as a heading, and the subject was
 * released as unmarked text of an UNCLASSIFIED printout, probe 66c F2).
 */
function applyTrailing(d: Draft, t: MarkHit, source: string, line: DocLine, width: number): void {
  if (d.lead) {
    d.raises.push(t);
    return;
  }
  const single = d.pieces.length === 1;
  const before = source.slice(d.pieces[0]!.start, t.start).trimEnd();
  const headingLike = single && (d.structure === 'subject' || line.last - line.start < 0.75 * width) && !SENTENCE_END.test(before);
  if ((d.hardStart || headingLike) && !d.hidden) {
    d.lead = t;
    d.trailingLead = true;
    d.trailsSentences = !headingLike && SENTENCE_INSIDE.test(before);
  } else {
    d.strayTrailing = t;
  }
}
