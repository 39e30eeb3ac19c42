/**
 * The body of a cable: numbered paragraphs, their subparagraphs, unnumbered text, headings and the
 * signature, grouped into portions whose spans never overlap and that together cover every content
 * line. Marks are read here; effective markings are settled in index.ts.
 */
import type { Marking, PortionKind, Span } from '../types.js';
import { compareLevels } from '../markings/index.js';
import type { Role } from './header.js';
import type { Line } from './lines.js';
import { militaryLabel, nestedMilitaryLabel, nextMilitaryLabel, paraLabel, paraNumber, romanLabel } from './cable-labels.js';
import { labelAfterSiblingLine, paragraphStartBefore } from './list-label.js';
import { isNoMarkInText } from './mentions.js';
import { readBareLabelAt, readMarkAt, readOpenMarkAt, readUnclosedAt, type MarkRead } from './marks.js';
import { LIST_LETTER, MARK_AHEAD, MARK_START, nearMissAfterShortLabel, withEmphasisCloserBlanked } from './lookalike.js';
import { BULLET_GLYPHS, SLASH_HEADING, UNDERLINE, WEBSITE_LINE } from './patterns.js';

/** A portion as grouped, before ids and effective markings are assigned. */
export interface DraftPortion {
  kind: PortionKind;
  /** Number or letter as written (`3`, `A`), or null. */
  number: string | null;
  /** How the number was written: `3.` → `.`, `3)` → `)`, `(3)` → `()`. */
  suffix: string;
  parent: DraftPortion | null;
  /** Where the portion starts (its `¶`, number, mark or first character). */
  start: number;
  mark: MarkRead | null;
  /** A parenthetical after the number that is not a marking (`(Mideast)`), for the record. */
  topic: boolean;
  /** Content lines in order. */
  lines: Line[];
  /** For each line: a page break (furniture) came between it and the previous content line. */
  breakBefore: boolean[];
  /** For each line: a blank line or page break came before it (a new block). */
  gapBefore: boolean[];
  /** Unnumbered text that looks like a title (`Summary`, an underlined heading). */
  heading: boolean;
  /** Counters for children ids. */
  childMarks: number;
  lastChildNumber: number;
  /** The last lettered child's letter, as written (`a`, `B`). */
  lastChildLetter: string | null;
}

const NUMBERED = /^(¶\s*)?(\d{1,3})(?:[ \t]?(\.)(?![0-9])|(\))|(?=\s{1,3}\())\s*/;
const PAREN_NUMBER = /^\((\d{1,2})\)\s+/;
const LETTERED = /^(¶\s*)?([A-Za-z])([.)])\s+/;
const PAREN_LETTER = /^\(([A-Za-z])\)\s+/;
/** Letters that may be an inner list's roman numeral (`(i)`, `(v)`, `(x)`). */
const ROMAN_LETTER = /^[ivx]$/;
/** A letter label after a dash: `-- (b) …`, `- (b) …` (a cable's subparagraph under a bullet). */
const DASHED_PAREN_LETTER = /^-{1,2}[ \t]*\(([A-Za-z])\)[ \t]+/;
/** Roman numerals and compound numbers before a mark (`II. (U)`, `iv. (U)`, `20A-B. (SBU)`, `#. (U)`). */
const ENUM_LABEL = /^(?:[ivxlcIVXLC]{2,6}|\d{1,3}[A-Za-z](?:-[A-Za-z0-9]{1,3})?|#)[.)][ \t]+(?=\()/;
/**
 * A bullet or an opening quote before a mark: `-- (S/NF) …`, `* (C) …`, `"(TS//SI) …`; or, after
 * a blank, before a mark in another form (`• [S] …`, `-- S//NF: …`, `• S NF) …`, `• SECRET: …`).
 * Text pasted into a cable from mail or Markdown brings its own: `> `, `| `, `# `, `**` (bold
 * even without a blank: `**S//NF:** …`, as an opening quote: `"S//NF: …`).
 */
const BULLET = new RegExp(`^(?:-{1,2}|\\*{1,2}|o|§|>{1,3}|\\||#{1,6}|_{1,2}|[${BULLET_GLYPHS}]|["“‘'])(?:\\s*(?=[([<{\\uff08\\u3010])|[ \\t]+(?=${MARK_START}))|^(?:\\*\\*|__|["“‘'])(?=${MARK_START})`);

/** Result of grouping the body. */
export interface BodyResult {
  readonly portions: DraftPortion[];
}

/**
 * Where the grouping stands: the portions so far, the open ones, and what came before the line
 * being read. One value passed through the steps below (no closures).
 */
interface GroupState {
  readonly out: DraftPortion[];
  current: DraftPortion | null;
  /** The open top-level numbered (or lettered) paragraph, parent of subparagraphs. */
  top: DraftPortion | null;
  /** The open lettered subparagraph of `top`, parent of numbered items inside it (`p1.a.1`). */
  sub: DraftPortion | null;
  /** The number of the last top-level numbered paragraph (0 before the first). */
  lastTop: number;
  /** A blank line, a page break or a header line came since the last content line. */
  gap: boolean;
  /** A page break (furniture) came since the last content line. */
  brk: boolean;
  prevContent: Line | null;
  signature: DraftPortion | null;
  /** The open portion whose lead-in ended with a colon: the list blocks after it are its own. */
  listOf: DraftPortion | null;
  /** Unmarked text opened after `top`: lettered items now belong to that text, not to `top`. */
  interrupted: boolean;
  /** A list label held back from the open portion for the rest of its line ({@link holdsListLabel}). */
  heldLabel: Line | null;
}

/**
 * Groups content lines into portions. `roles` must be final for every line (content, signature,
 * blank, furniture, boilerplate, subject); boilerplate and subject lines close the open portion.
 */
export function groupBody(source: string, lines: readonly Line[], roles: readonly Role[]): BodyResult {
  const st: GroupState = { out: [], current: null, top: null, sub: null, lastTop: 0, gap: true, brk: false, prevContent: null, signature: null, listOf: null, interrupted: false, heldLabel: null };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const role = roles[i];
    if (role === 'blank') {
      st.gap = true;
    } else if (role === 'furniture') {
      st.gap = true;
      st.brk = true;
    } else if (role === 'signature') {
      addSignatureLine(st, l);
    } else if (role !== 'content') {
      closeOpen(st, null);
      if (role === 'boilerplate' || role === 'subject') {
        st.gap = true;
        st.brk = false;
      }
    } else {
      addContentLine(st, source, lines, roles, i);
    }
  }
  closeOpen(st, null);
  for (const d of st.out) if (d.kind === 'text' && !d.mark && !d.heading) d.heading = isHeadingBlock(d.lines);
  return { portions: st.out };
}

/** A signer line: closes the open portions and goes to the one signature portion. */
function addSignatureLine(st: GroupState, l: Line): void {
  closeOpen(st, null);
  st.top = null;
  st.sub = null;
  if (!st.signature) {
    st.signature = draft('signature', null, '', null, l.first, null);
    st.out.push(st.signature);
  }
  appendLine(st, st.signature, l);
  st.gap = false;
  st.brk = false;
}

/** A content line: opens a portion when it starts one, else continues the open one (or opens unmarked text). */
function addContentLine(st: GroupState, source: string, lines: readonly Line[], roles: readonly Role[], i: number): void {
  const l = lines[i]!;
  if (holdsListLabel(source, st.current, l, lines[i + 1], roles[i + 1])) {
    st.heldLabel = l;
    st.prevContent = l;
    return;
  }
  const held = st.heldLabel;
  st.heldLabel = null;
  const before = st.current;
  readContentLine(st, source, lines, roles, i);
  if (held) withHeldLabel(st.current!, before, held, l);
}

/**
 * A list label cut off its line by the mark after it (`-- B.` of `-- B. (U) …`, src/parse/reflow.ts
 * inlineMarkCuts) while the open portion began at a mark inside a line (`-- A. (C) …`): the label
 * goes with the portion its line opens, not at the end of the one above, which ran over the line
 * break and the label (release text `-- A. [WITHHELD: B1] (U) …`, B's label withheld with A).
 */
function holdsListLabel(source: string, current: DraftPortion | null, l: Line, next: Line | undefined, nextRole: Role | undefined): boolean {
  if (!l.piece || !current || !next || nextRole !== 'content' || next.start !== l.end || !LIST_LABEL_ONLY.test(l.text)) return false;
  const first = current.lines[0];
  return first !== undefined && first.start > 0 && source.charCodeAt(first.start - 1) !== 10;
}

/** A list label alone: `-- B.`, `B.`, `b)`, `(b)`, `2.`, `(2)`, after a bullet or not. */
const LIST_LABEL_ONLY = /^(?:(?:-{1,2}|[*•o])[ \t]*)?(?:\([A-Za-z0-9]{1,3}\)|[A-Za-z][.)]|\d{1,3}[.)])$/;

/** Puts a held list label back before `l`, the rest of its line: the start of the portion `l` opened, else a line of the one it went on with. */
function withHeldLabel(d: DraftPortion, before: DraftPortion | null, label: Line, l: Line): void {
  const at = d.lines.indexOf(l);
  if (d !== before && at === 0) d.start = Math.min(d.start, label.first);
  d.lines.splice(Math.max(at, 0), 0, label);
  d.breakBefore.splice(Math.max(at, 0), 0, false);
  d.gapBefore.splice(Math.max(at, 0), 0, false);
}

/** {@link addContentLine} for a line read as it stands. */
function readContentLine(st: GroupState, source: string, lines: readonly Line[], roles: readonly Role[], i: number): void {
  const l = lines[i]!;
  const s = readStart(source, l, {
    gap: st.gap || st.prevContent === null,
    prevText: st.prevContent?.text ?? '',
    lastTop: st.lastTop,
    top: st.top,
    sub: st.sub,
    current: st.current,
    interrupted: st.interrupted,
  });
  const current = st.current;
  if (s) {
    openAt(st, s, l);
  } else if (WEBSITE_LINE.test(l.text) && current?.start !== l.first) {
    // A website notice is never part of the paragraph above it, even with no blank line between.
    const d = draft('text', null, '', null, l.first, null);
    openPortion(st, d);
    appendLine(st, d, l);
  } else if (current && !st.gap && startsUnderlinedTitle(current, st.prevContent, lines, roles, i, st.listOf)) {
    // `Title` / `-----` right under a marked paragraph's last sentence: a heading of its own, as
    // it is after a blank line (read on, the (U) paragraph released it: probe 68a F2).
    const d = draft('text', null, '', null, l.first, null);
    openPortion(st, d);
    appendLine(st, d, l);
    if (st.top) st.interrupted = true;
  } else if (current && !st.gap && endsLowerItem(current, l, st.prevContent)) {
    // The unmarked item after a lower-marked one is the paragraph's: it takes the paragraph's mark.
    const d = draft('subparagraph', null, '', current.parent, l.first, null);
    openPortion(st, d);
    appendLine(st, d, l);
  } else if (current && !(st.gap && startsUnmarkedBlock(current, st.prevContent, blockAt(lines, roles, i), st.brk, st.listOf))) {
    if (st.gap && st.prevContent && LIST_LEAD.test(st.prevContent.text)) st.listOf = current;
    appendLine(st, current, l);
  } else {
    const d = draft('text', null, '', null, l.first, null);
    openPortion(st, d);
    appendLine(st, d, l);
    // `(a)`, `b.` items after unmarked text are that text's, never subparagraphs inheriting the
    // mark of the paragraph above it (08BOGOTA4083: a treaty's definitions under a (U) ¶6).
    if (st.top) st.interrupted = true;
  }
  st.prevContent = l;
  st.gap = false;
  st.brk = false;
}

/** Opens the portion a line starts: a paragraph, a subparagraph, or a marked block. */
function openAt(st: GroupState, s: Start, l: Line): void {
  if (s.level === 'top') {
    const d = draft('paragraph', s.number, s.suffix, null, s.start, s.mark);
    d.topic = s.topic;
    openPortion(st, d);
    appendLine(st, d, l);
    st.top = d;
    st.sub = null;
    st.interrupted = false;
    if (s.number !== null && /^\d+(?:\.[A-Za-z])?$/.test(s.number)) st.lastTop = parseInt(s.number, 10);
  } else if (s.level === 'unmarked') {
    // A label with no mark under a marked portion (`III. …`, `PARA 3. …`): unmarked text of its own.
    const d = draft('text', null, '', null, s.start, null);
    openPortion(st, d);
    appendLine(st, d, l);
    if (st.top) st.interrupted = true;
  } else if (s.level === 'sub') {
    const numeric = s.number !== null && /^\d+$/.test(s.number);
    // Numbered items inside a lettered subparagraph are its children (`p1.a.1`).
    const parent = numeric && st.sub ? st.sub : st.top!;
    const d = draft('subparagraph', s.number, s.suffix, parent, s.start, s.mark);
    d.topic = s.topic;
    openPortion(st, d);
    appendLine(st, d, l);
    if (numeric) parent.lastChildNumber = Number(s.number);
    else {
      parent.lastChildLetter = s.number!;
      st.sub = d;
    }
  } else {
    // A marked block without a number: its own portion (a subparagraph inside a paragraph).
    const parent = st.sub ?? st.top;
    const d = parent ? draft('subparagraph', null, '', parent, s.start, s.mark) : draft('text', null, '', null, s.start, s.mark);
    openPortion(st, d);
    appendLine(st, d, l);
  }
}

function openPortion(st: GroupState, d: DraftPortion): void {
  closeOpen(st, d);
  st.current = d;
  st.out.push(d);
}

function appendLine(st: GroupState, d: DraftPortion, l: Line): void {
  d.lines.push(l);
  d.breakBefore.push(d.lines.length > 1 && st.brk);
  d.gapBefore.push(d.lines.length > 1 && st.gap);
}

/** Closes the open portion; before another one opens, title blocks at its end become a heading of their own. */
function closeOpen(st: GroupState, next: DraftPortion | null): void {
  const c = st.current;
  if (!c) return;
  if (next && c.lines.length > 1) {
    const h = splitTrailingHeading(c);
    if (h) st.out.push(h);
  }
  st.current = null;
}

/** Cuts up to three title blocks off the end of `c` into a heading portion, or returns null. */
function splitTrailingHeading(c: DraftPortion): DraftPortion | null {
  let cut = c.lines.length;
  for (let guard = 0; guard < 3; guard++) {
    let k = cut - 1;
    while (k > 0 && !c.gapBefore[k]) k--;
    if (k === 0 || !isHeadingBlock(c.lines.slice(k, cut))) break;
    cut = k;
  }
  if (cut === c.lines.length) return null;
  const h = draft('text', null, '', null, c.lines[cut]!.first, null);
  h.heading = true;
  h.lines = c.lines.slice(cut);
  h.breakBefore = c.breakBefore.slice(cut);
  h.gapBefore = c.gapBefore.slice(cut);
  h.breakBefore[0] = false;
  h.gapBefore[0] = false;
  c.lines = c.lines.slice(0, cut);
  c.breakBefore = c.breakBefore.slice(0, cut);
  c.gapBefore = c.gapBefore.slice(0, cut);
  return h;
}

/** `END SUMMARY`, `End Comment.`: the line closes a summary, comment or note. */
const END_MARKER = /\bEND (?:OF )?(?:SUMMARY|COMMENT|NOTE)\b[.\s]*$/i;

/** A lead-in that announces a list or a quotation: the line ends with a colon. */
const LIST_LEAD = /:["”]?$/;
/** A list item: a bullet, a dash or an enumerator at the start of the line (`-The…` too). */
const LIST_ITEM = /^(?:-{1,2}\s?(?=\S)|\*|o\s|•|·|\d{1,2}[.)]\s|[A-Za-z][.)]\s|\(\w{1,2}\)\s)/;

/**
 * Whether an unnumbered, unmarked block after a blank line (or a page break) starts a portion of
 * its own instead of continuing the open one. Glued to a (U) portion, a heading, a title line, a
 * quotation or a signature block that carries no mark would be released with it; as its own
 * unmarked portion it is decided as unmarked text (withheld in a classified document). It stays
 * with the open portion when:
 * - the open portion carries no mark (nothing changes), or an unclassified mark with handling
 *   controls (`(SBU)`): the block may share them, and unmarked text of an unclassified document
 *   is released, so splitting would release what the portion withholds;
 * - the sentence runs on (the line before does not end a sentence);
 * - it is a list or quotation under a lead-in that ends with a colon;
 * - it comes after a page break (page headers are furniture, not blocks) and is not a title.
 */
function startsUnmarkedBlock(current: DraftPortion, prev: Line | null, block: readonly Line[], brk: boolean, listOf: DraftPortion | null): boolean {
  const marking = markOf(current);
  if (!marking) return false;
  // `//BILATERAL RELATIONS//` on its own is a heading whatever comes before it.
  if (block.length === 1 && SLASH_HEADING.test(block[0]!.text)) return true;
  if (marking.status === 'marked' && marking.marking!.level === 'U' && marking.marking!.controls.length > 0) return false;
  if (!prev || LIST_LEAD.test(prev.text)) return false;
  // `… economy. END SUMMARY` then a title between blank lines: the summary has ended.
  if (!endsBlock(prev.text) && !(END_MARKER.test(prev.text) && isHeadingBlock(block))) return false;
  const l = block[0]!;
  if (listOf === current && LIST_ITEM.test(l.text)) return false;
  if (brk && !isHeadingBlock(block)) return false;
  return true;
}

/**
 * Whether line `i`, with no blank line before it, opens an underlined title: one or two title
 * lines then a line of dashes (`Camel Jockeys` / `-------------`), or the same between two such
 * lines, or a title of up to four words right over a numbered, marked paragraph (`Comment:`; no
 * cable of the corpus glues one so, a text that lost its blank lines does). A text whose blank lines were lost keeps its headings so (04THEHAGUE2735 glues `Parliament's
 * reaction` / `-----` to the paragraph above it even with them). It starts a block of its own when
 * {@link startsUnmarkedBlock} would split it off after a blank line; a line that ends a sentence
 * (`… goals.  End summary.` / `-----`) is no title: a rule under a paragraph stays with it.
 */
function startsUnderlinedTitle(current: DraftPortion, prev: Line | null, lines: readonly Line[], roles: readonly Role[], i: number, listOf: DraftPortion | null): boolean {
  const block = blockAt(lines, roles, i);
  let k = block.length > 0 && UNDERLINE.test(block[0]!.text) ? 1 : 0;
  const first = k;
  while (k < block.length && k - first < 2 && isTitleLine(block[k]!.text)) k++;
  if (k === first || k >= block.length) return false;
  // `Comment:` alone over `¶12. (C) …`: a title of a few words over a numbered, marked paragraph.
  const over = first === 0 && k === 1 && block[0]!.text.trim().split(/\s+/).length <= 4 && NUMBERED_MARKED.test(block[1]!.text);
  if (!over && !UNDERLINE.test(block[k]!.text)) return false;
  return startsUnmarkedBlock(current, prev, block.slice(0, over ? 1 : k + 1), false, listOf);
}

/** A numbered paragraph's start with a mark after its number (`¶12. (C) …`, `3. (U) …`). */
const NUMBERED_MARKED = /^(?:¶\s*)?\d{1,3}[.)]?[ \t]+\(/;

/** A line that may be a title: short, opening with a letter, not ending a sentence or clause. */
function isTitleLine(text: string): boolean {
  const t = text.trim();
  if (t.length > 80 || UNDERLINE.test(t) || !/^["'“(]?[A-Za-z]/.test(t)) return false;
  if (/^(?:END\b|BEGIN\b|QUOTE\b|UNQUOTE\b)/i.test(t)) return false;
  return !/[.,;]$/.test(t) || /\.\.\.$/.test(t);
}

/**
 * A new list item on the next line (`-- …`, `B. …`, `(b) …`, `2) …`) after an item marked lower
 * than its paragraph (`1. (C) …` / `-- (U) …` / `-- unmarked …`): the lower mark is that item's
 * alone. Read on as the (U) item's text, the unmarked item was released out of a (C) paragraph; as
 * an item of its own it takes the paragraph's mark (fail closed, and what the author meant when
 * marking only the one item). After an item marked as high as its paragraph nothing changes.
 */
function endsLowerItem(current: DraftPortion, l: Line, prev: Line | null): boolean {
  // A heading's underline (`-----`) under the item is no list item.
  if (current.kind !== 'subparagraph' || !current.parent || UNDERLINE.test(l.text)) return false;
  // After a one-line item (a talking point), also a new sentence on a line the author broke.
  if (!LIST_ITEM.test(l.text) && !(current.lines.length === 1 && brokenAfterSentence(prev, l))) return false;
  const item = current.mark?.marking;
  if (!item || current.mark!.status !== 'marked') return false;
  // Under a paragraph with no mark, or one not understood, the unmarked item is unmarked text (or
  // takes the mark not understood): withheld in a classified document (fail closed). Kept with a
  // (U) item before it, it was released out of a paragraph that is itself withheld.
  const para = markOf(current.parent);
  if (para?.status !== 'marked' || para.marking === null) return true;
  return saysLess(item, para.marking);
}

/**
 * True when `prev` ends a sentence well short of a teletype line and `l` opens a new one, so the
 * author broke the line: `3. (S) Points:` / `   (U) Public framing.` / `   The real message …`
 * is a new item of the paragraph, not the (U) item's text (read on, it was released). A line
 * wrapped at a sentence end is long: its next word would not have fitted on it.
 */
function brokenAfterSentence(prev: Line | null, l: Line): boolean {
  if (!prev || !/[.!?]["')]?$/.test(prev.text) || !/^[A-Z]/.test(l.text)) return false;
  const word = /^\S+/.exec(l.text)![0];
  return prev.last - prev.start + 1 + word.length <= SHORT_LINE;
}

/** Columns a line of a cable's paragraph fills before it wraps, at least (they wrap at 60 to 72). */
const SHORT_LINE = 56;

/**
 * A mark wrapped to the start of a line in the middle of a sentence (`… the press guidance, marked`
 * / `(U), does not mention …`; `He noted that` / `(U) …`) that says less than the open portion:
 * the sentence's text, not a new portion. Opened there, it released the rest of a (C) paragraph
 * that the same sentence on one line withholds. A mark that says as much or more still opens one
 * (fail closed).
 */
function lowersOpenPortion(mark: MarkRead, current: DraftPortion | null): boolean {
  const open = current ? markOf(current) : null;
  if (!open?.marking || open.status !== 'marked') return false;
  return mark.status === 'marked' && mark.marking !== null && saysLess(mark.marking, open.marking);
}

/** True when `item` is a lower level than `para`, or lacks a control or REL TO limit `para` carries. */
function saysLess(item: Marking, para: Marking): boolean {
  const order = compareLevels(item.level, para.level);
  if (order !== 0) return order < 0;
  if (para.controls.some((c) => !item.controls.includes(c))) return true;
  return para.relTo.length > 0 && (item.relTo.length === 0 || item.relTo.some((c) => !para.relTo.includes(c)));
}

/** The mark the portion carries: its own, or that of the paragraph it belongs to. */
function markOf(d: DraftPortion): MarkRead | null {
  for (let p: DraftPortion | null = d; p; p = p.kind === 'subparagraph' ? p.parent : null) if (p.mark) return p.mark;
  return null;
}

/** The content lines of the block that starts at `i` (up to the next blank or non-content line). */
function blockAt(lines: readonly Line[], roles: readonly Role[], i: number): Line[] {
  const out: Line[] = [];
  for (let k = i; k < lines.length && roles[k] === 'content' && out.length < 6; k++) out.push(lines[k]!);
  return out;
}

function draft(
  kind: PortionKind,
  number: string | null,
  suffix: string,
  parent: DraftPortion | null,
  start: number,
  mark: MarkRead | null,
): DraftPortion {
  return {
    kind,
    number,
    suffix,
    parent,
    start,
    mark,
    topic: false,
    lines: [],
    breakBefore: [],
    gapBefore: [],
    heading: false,
    childMarks: 0,
    lastChildNumber: 0,
    lastChildLetter: null,
  };
}

interface StartContext {
  /** A blank line, a page break or the start of the body came before this line. */
  readonly gap: boolean;
  readonly prevText: string;
  readonly lastTop: number;
  readonly top: DraftPortion | null;
  readonly sub: DraftPortion | null;
  readonly current: DraftPortion | null;
  readonly interrupted: boolean;
}

interface Start {
  readonly level: 'top' | 'sub' | 'marked' | 'unmarked';
  readonly number: string | null;
  readonly suffix: string;
  readonly start: number;
  readonly mark: MarkRead | null;
  readonly topic: boolean;
}

/**
 * Whether a content line opens a portion, and at which level. Numbered lines are paragraphs when
 * they carry a mark, or follow a blank line and continue the numbering; lettered lines are
 * subparagraphs of the open paragraph; a line that starts with a mark opens a marked block.
 */
function readStart(source: string, l: Line, ctx: StartContext): Start | null {
  const open = openMilitary(ctx.top);
  const nested = nestedMilitaryLabel(l.text, open);
  if (nested) return readNested(source, l, nested);
  const mil = militaryLabel(l.text) ?? nextMilitaryLabel(l.text, open);
  if (mil) return readMilitary(source, l, mil, ctx);
  const nm = NUMBERED.exec(l.text);
  if (nm) return readNumbered(source, l, nm, ctx);
  const paren = readParenLabel(source, l, ctx);
  if (paren) return paren;
  const lm = LETTERED.exec(l.text);
  return (lm ? readLettered(source, l, lm, ctx) : readUnnumbered(source, l, ctx)) ?? unmarkedLabel(l, ctx);
}

/**
 * `2.A. (U) …` / `2.B. …`: subparagraph A of paragraph 2 when paragraph 2 is open, else a
 * paragraph of its own numbered `2.A` (read as `2.`, its text `A.` was an unmarked paragraph and
 * the (U) after it ran on over `2.B. …`, which was released: probe 62a F3).
 */
function readMilitary(source: string, l: Line, lab: NonNullable<ReturnType<typeof militaryLabel>>, ctx: StartContext): Start | null {
  const after = l.first + lab.length;
  const mark = readMarkAt(source, after) ?? readUnclosedAt(source, after) ?? markOnNextLine(source, l, after);
  if (!mark && !(ctx.gap || endsBlock(ctx.prevText))) return null;
  const at = { suffix: lab.suffix, start: l.first, mark, topic: false };
  if (ctx.top?.number === String(lab.number)) return { level: 'sub', number: lab.letter, ...at };
  if (!mark && !ctx.gap && !splitsOff(ctx.current)) return null;
  return { level: 'top', number: `${lab.number}.${lab.letter}`, ...at };
}

/**
 * The mark that opens the next line, for a label alone on its line (`2.B.` / `(U) …`): the label's
 * mark (the line is read again as a marked block of its own). Taken for unmarked, the bare label
 * was withheld B1 above a released (U) text.
 */
function markOnNextLine(source: string, l: Line, after: number): MarkRead | null {
  if (after < l.last || l.piece) return null;
  const next = /^\r?\n[ \t]*/.exec(source.slice(l.end, l.end + 40));
  return next ? readMarkAt(source, l.end + next[0].length) : null;
}

/**
 * `2.A.1. (U) …`, `2.A.(1) …` under `2.A. …`: a numbered item of the open military subparagraph,
 * marked or not, never its text (unmarked, it was released with a (U) one's: probe 63d F4). A label
 * this long, the open one's number and letter, is no wrapped word of prose.
 */
function readNested(source: string, l: Line, lab: NonNullable<ReturnType<typeof nestedMilitaryLabel>>): Start {
  const after = l.first + lab.length;
  const mark = readMarkAt(source, after) ?? readUnclosedAt(source, after);
  const at = { suffix: lab.suffix, start: l.first, mark, topic: false };
  return mark ? { level: 'sub', number: String(lab.number), ...at } : { level: 'unmarked', number: null, ...at };
}

/** The open military subparagraph's number and letter: paragraph `2.A`, or subparagraph A of paragraph 2. */
function openMilitary(top: DraftPortion | null): { number: string; letter: string } | null {
  const own = top?.number ? /^(\d{1,3})\.([A-Za-z])$/.exec(top.number) : null;
  if (own) return { number: own[1]!, letter: own[2]! };
  return top?.number && /^\d{1,3}$/.test(top.number) && top.lastChildLetter ? { number: top.number, letter: top.lastChildLetter } : null;
}

/**
 * `PARA 3. …`, `III. …`, `iv) …` with no mark, after a sentence end directly under a marked portion
 * (no blank line: after one, {@link startsUnmarkedBlock} decides): a label, so a new portion with
 * no mark, never the text of the one above (released with its (U): probe 62a F3). `PARA n.` is
 * paragraph n where the numbering allows it; otherwise unmarked text.
 */
function unmarkedLabel(l: Line, ctx: StartContext): Start | null {
  if (ctx.gap || !endsBlock(ctx.prevText) || !splitsOff(ctx.current)) return null;
  const para = paraLabel(l.text);
  const at = { suffix: '', start: l.first, mark: null, topic: false };
  if (para && numberLevel(para.number, '.', ctx, false) === 'top') return { ...at, level: 'top', number: String(para.number), suffix: '.' };
  return para || romanLabel(l.text) || nextMilitaryLetter(l.text, ctx.top?.number) ? { ...at, level: 'unmarked', number: null } : null;
}

/**
 * True when `text` opens with the letter after that of an open paragraph numbered `2.A` (`B. …`
 * under `2.A. (U) …`): its next subparagraph, written short. Read as the (U) paragraph's text, it
 * was released (probe 62c, F4).
 */
function nextMilitaryLetter(text: string, top: string | null | undefined): boolean {
  const open = top ? /^\d{1,3}\.([A-Za-z])$/.exec(top) : null;
  const label = /^([A-Za-z])[.)][ \t]+\S/.exec(text);
  return open !== null && label !== null && label[1]!.charCodeAt(0) === open[1]!.charCodeAt(0) + 1;
}

/**
 * Whether unmarked text may be split off the open portion: it carries a mark that was understood,
 * and not an unclassified one with handling controls (`(SBU)`: as unmarked text of an unclassified
 * document the split-off text would be released, which the portion withholds).
 */
function splitsOff(current: DraftPortion | null): boolean {
  const m = current ? markOf(current) : null;
  if (m?.status !== 'marked' || !m.marking) return false;
  return !(m.marking.level === 'U' && m.marking.controls.length > 0);
}

/** `¶3. (C) …`, `3. …`: a paragraph or a numbered subparagraph, or null when the number is prose. */
function readNumbered(source: string, l: Line, nm: RegExpExecArray, ctx: StartContext): Start | null {
  const number = nm[2]!;
  const suffix = nm[3] ? '.' : nm[4] ? ')' : '';
  const after = l.first + nm[0].length + repeatedNumber(source, l.first + nm[0].length, number);
  const mark =
    readMarkAt(source, after) ??
    readOpenMarkAt(source, after) ??
    readUnclosedAt(source, after) ??
    markAfterLeadIn(source, after) ??
    markAfterBullet(source, after) ??
    markAfterParaLabel(source, after) ??
    readBareLabelAt(source, after);
  const topic = !mark && source[after] === '(';
  const n = Number(number);
  const sentenceBefore = ctx.gap || endsBlock(ctx.prevText);
  if (!mark && (!sentenceBefore || suffix === '')) return null;
  if (!mark && !ctx.gap && n !== ctx.lastTop + 1) return null;
  const level = numberLevel(n, suffix, ctx, mark !== null);
  if (level === null || wrappedNumber(n, level, mark, ctx)) return null;
  return { level, number, suffix, start: l.first, mark, topic };
}

/**
 * A number and mark opening a line with no blank line before it that the numbering does not make
 * the next paragraph (`¶2. (C) … septel paragraph` / `2. (U) and said …`): in the middle of a
 * sentence (a list's item too), or repeating or going back in the numbering, it is the open paragraph's text when its
 * mark says less than that paragraph's. Opened there, it released the rest of a (C) paragraph as
 * (U) (probe 68a F3). A mark that says as much or more still opens a paragraph (fail closed).
 */
function wrappedNumber(n: number, level: 'top' | 'sub', mark: MarkRead | null, ctx: StartContext): boolean {
  if (ctx.gap || !mark) return false;
  const midSentence = !endsBlock(ctx.prevText);
  // The next paragraph's number, or after a sentence end a later one or a list's item: a new portion.
  if (level === 'top' ? n === ctx.lastTop + 1 || (!midSentence && n > ctx.lastTop) : !midSentence) return false;
  return lowersOpenPortion(mark, ctx.current);
}

/** A mark after a bullet at `at` (`1. o (S) …`, `2. -- (C) …`), else null. */
function markAfterBullet(source: string, at: number): MarkRead | null {
  const bullet = BULLET.exec(source.slice(at, at + 4));
  return bullet ? readMarkAt(source, at + bullet[0].length) : null;
}

/**
 * A paragraph label as cables write it (`PARA 2`, `PARAGRAPH 3:`) before a mark in any form: a
 * mark is expected there, so one not understood (`PARA 2 <S> …`, `PARA 2 S//NF: …`) opens the
 * portion too (fail closed).
 */
const PARA_LABEL = new RegExp(String.raw`^[Pp](?:ARA|ara)(?:GRAPH|graph)?\.?[ \t]*\d{1,3}[.):]?[ \t]+(?=${MARK_START})`);

/** The mark after a paragraph label at `at` (`PARA 2 <S> …`), else null. */
function markAfterParaLabel(source: string, at: number): MarkRead | null {
  if ((source.charCodeAt(at) | 0x20) !== 0x70) return null; // P or p: most lines are not looked at further
  const label = PARA_LABEL.exec(source.slice(at, at + 20));
  return label ? (readMarkAt(source, at + label[0].length) ?? readUnclosedAt(source, at + label[0].length)) : null;
}

/** `¶1. 1. (SBU) Summary`: the length of a number written twice (`1. ` after `¶1. `), else 0. */
function repeatedNumber(source: string, at: number, number: string): number {
  const m = /^(\d{1,3})\.[ \t]+(?=\()/.exec(source.slice(at, at + 8));
  return m && m[1] === number ? m[0].length : 0;
}

/** The parenthesised labels `(1)` and `(a)` inside a paragraph (`(c)` after `(b)` is a label, not CONFIDENTIAL). */
function readParenLabel(source: string, l: Line, ctx: StartContext): Start | null {
  const pn = PAREN_NUMBER.exec(l.text);
  if (pn && ctx.top) {
    const mark = readMarkAt(source, l.first + pn[0].length) ?? readUnclosedAt(source, l.first + pn[0].length);
    if (mark || ctx.gap) return { level: 'sub', number: pn[1]!, suffix: '()', start: l.first, mark, topic: false };
  }
  const dashed = ctx.top && !ctx.interrupted ? readDashedLabel(source, l, ctx.top) : null;
  if (dashed) return dashed;
  const pl = PAREN_LETTER.exec(l.text);
  if (!pl || ctx.interrupted) return null;
  // A first `(C)` is a mark; `(a)` or the letter after the last one is a label.
  const letter = pl[1]!;
  const prev = ctx.top?.lastChildLetter ?? null;
  const follows = prev !== null && nextLabel(letter, prev);
  const asMark = readMarkAt(source, l.first);
  const sentenceBefore = ctx.gap || endsBlock(ctx.prevText);
  if (ctx.top && sentenceBefore && (follows || (!asMark && letter.toLowerCase() === 'a'))) {
    const mark = readMarkAt(source, l.first + pl[0].length);
    return { level: 'sub', number: letter, suffix: '()', start: l.first, mark, topic: false };
  }
  return null;
}

/**
 * Whether `(letter)` is the label after `(prev)`: the next letter, and not a level letter in the
 * other case than its sibling's (`(C)` after `(a)`, `(b)`: a mark, CONFIDENTIAL, read as label c it
 * was released as the (U) paragraph's item, probe 61c F7).
 */
function nextLabel(letter: string, prev: string): boolean {
  if (letter.toLowerCase().charCodeAt(0) !== prev.toLowerCase().charCodeAt(0) + 1) return false;
  const upper = (c: string) => c !== c.toLowerCase();
  return !/^[CSUcsu]$/.test(letter) || upper(letter) === upper(prev);
}

/**
 * `-- (a) (S) …` / `-- (b) (U) …`: a dashed letter label before a mark opens a subparagraph with
 * that mark, as `(a) (S) …` does; read as the text of the paragraph above, B's (U) text was
 * withheld with A's SECRET, and an unmarked `-- (b) …` under `-- (a) (U) …` was released as A's.
 * Without a mark, only the letter after a sibling's that opened a subparagraph, dashed or not
 * (`-- (b) …` under `-- (a) (U) …` or `(a) (U) …`, however long), opens one: its own portion, whose level is unknown when its
 * siblings carry marks of their own (src/parse/index.ts siblingMarkedAbove). A level letter
 * (`-- (C) …`) that does not follow its sibling's is a mark (the bullet's, read elsewhere).
 */
function readDashedLabel(source: string, l: Line, top: DraftPortion): Start | null {
  const m = DASHED_PAREN_LETTER.exec(l.text);
  if (!m) return null;
  const letter = m[1]!;
  const prev = top.lastChildLetter;
  const follows = prev !== null && nextLabel(letter, prev) && siblingDashedBefore(source, l, prev.toLowerCase(), top.start);
  if (!follows && /^[CSUcsu]$/.test(letter)) return null;
  const mark = readMarkAt(source, l.first + m[0].length) ?? readUnclosedAt(source, l.first + m[0].length);
  if (!mark && !follows) return null;
  return { level: 'sub', number: letter, suffix: '()', start: l.first, mark, topic: false };
}

/**
 * True when the nearest earlier line of the paragraph (from `from`, its start) that opens with a
 * letter label, dashed or not (`-- (a) …`, `(a) …`), has `letter`. Not a fixed number of lines
 * back: a `-- (b) …` after an `(a)` of more than 40 lines, or after a plain `(a) (U) …`, was read as
 * that item's text and released with its (U) (probe 61c F6).
 */
function siblingDashedBefore(source: string, l: Line, letter: string, from: number): boolean {
  let end = l.first - 1;
  while (end > from) {
    const start = Math.max(source.lastIndexOf('\n', end - 1) + 1, from);
    const text = source.slice(start, end).trimStart();
    const m = DASHED_PAREN_LETTER.exec(text) ?? PAREN_LETTER.exec(text);
    const found = m ? m[1]!.toLowerCase() : null;
    if (found === letter) return true;
    // `(i)`, `(v)`, `(x)` that are not the sibling sought are an inner list's roman numerals
    // (`-- (a) … with parts:` / `(i) …;` / `(ii) …` / `-- (b) …`): look past them (probe 61d F3).
    if (found !== null && !ROMAN_LETTER.test(found)) return false;
    end = start - 1;
  }
  return false;
}

/** `A. (C) …`, `b) …`: a subparagraph (or a top-level lettered paragraph when no number is open). */
function readLettered(source: string, l: Line, lm: RegExpExecArray, ctx: StartContext): Start | null {
  const letter = lm[2]!;
  const after = l.first + lm[0].length;
  const mark = readMarkAt(source, after);
  const topic = !mark && source[after] === '(';
  const prev = ctx.top?.lastChildLetter ?? null;
  const follows =
    (prev === null && letter.toLowerCase() === 'a') ||
    (prev !== null && letter.toLowerCase().charCodeAt(0) === prev.toLowerCase().charCodeAt(0) + 1);
  const sentenceBefore = ctx.gap || endsBlock(ctx.prevText);
  if (!mark && !follows && ctx.gap) {
    // `U) PolOffs delivered…`: a mark that lost its opening parenthesis (fail closed).
    const half = readMarkAt(source, l.first);
    if (half) return marked(l, half);
  }
  if (mark || (follows && sentenceBefore && !ctx.interrupted)) {
    if (ctx.top) return { level: 'sub', number: letter, suffix: lm[3]!, start: l.first, mark, topic };
    // Lettered paragraphs with no numbered paragraph around them are top-level.
    if (mark) return { level: 'top', number: letter, suffix: lm[3]!, start: l.first, mark, topic };
  }
  return null;
}

/**
 * A marked block without a number. An unnumbered mark opens a portion after a blank line or the
 * end of a sentence; in the middle of a wrapped sentence only a mark that was understood does
 * (`(S/CT) funds…` is an office).
 */
function readUnnumbered(source: string, l: Line, ctx: StartContext): Start | null {
  const t = l.text;
  const free = ctx.gap || endsBlock(ctx.prevText);
  const label = ENUM_LABEL.exec(t);
  if (label && free) {
    // `II. (U) Macro conflict conditions`, `20A-B. (SBU) …`: an enumerator the numbering above
    // does not follow, with its mark: a marked block of its own.
    const mark = readMarkAt(source, l.first + label[0].length);
    if (mark) return marked(l, mark);
  }
  if (t.startsWith('(')) {
    const mark = readMarkAt(source, l.first) ?? (free ? readUnclosedAt(source, l.first) : null);
    // `(C) To declare …` under `(B) While acknowledging …` (03ANKARA3694): a list's label, not a mark.
    if (mark && labelAfterSiblingLine(source, l.first, source.slice(mark.start, mark.end))) return null;
    // `… (a) withdrawal, (b) elections,` / `(c) amnesty, …`: the list's next label wrapped to the
    // line start, not CONFIDENTIAL (read as a mark it cut the (U) paragraph and cited B1 on it).
    if (mark && isNoMarkInText(source, l.first, source.slice(mark.start, mark.end), paragraphStartBefore(source, l.first))) return null;
    // Mid-sentence a parenthesis closed on its line is the office it names (`(S/CT) funds`); a
    // mark in another form (`(S] …`) is a mark anywhere.
    if (!mark || !(free || mark.status === 'marked' || !/^\([^()\n]{1,48}\)/.test(t))) return null;
    return free || !lowersOpenPortion(mark, ctx.current) ? marked(l, mark) : null;
  }
  const bullet = BULLET.exec(t);
  if (bullet) {
    // After a bullet (`-- (S//N F) …`) a mark is expected, so even one not understood opens a
    // portion mid-sentence (fail closed), unlike a bare parenthesis there.
    const at = l.first + bullet[0].length;
    const mark = readMarkAt(source, at) ?? readUnclosedAt(source, at) ?? inEmphasis(source, at, bullet[0], l.first + t.length);
    // `-- (c) Yes, …` under `-- b) The Dutch …` (05THEHAGUE3305): a list's label, not a mark.
    if (mark && labelAfterSiblingLine(source, at, source.slice(mark.start, mark.end))) return null;
    if (mark) return marked(l, mark);
  }
  // `PARA 2 <S> …`: a mark in any form after a paragraph label; mid-sentence only one not
  // understood (`… as in` / `PARA 2 (C) above` is a reference).
  const para = markAfterParaLabel(source, l.first);
  // After a sentence end `PARA 2. (U) …` is paragraph 2 (read as a mark inside ¶1: probe 62a F3).
  if (para && free) return { level: 'top', number: String(paraNumber(t)), suffix: '.', start: l.first, mark: para, topic: false };
  if (para && para.status === 'unknown') return marked(l, para);
  // A mark that lost its `(` (`U) PolOffs …`) or one in another form (`[S//NF) …`, `S/NF: …`).
  const half = readMarkAt(source, l.first);
  if (half && ctx.gap) return marked(l, half);
  // Such a mark opens a block after a sentence end too, and one not understood even in the middle
  // of a sentence (`… Tuesday` / `TS) The …`, `[S//NF) …`): read on as the paragraph's text, it
  // was released under the paragraph's mark, or as header text. Not a list letter (`C) The third
  // …`).
  if (half && (free || half.status === 'unknown') && !LIST_LETTER.test(t)) return marked(l, half);
  // `Summary: (C) Spanish FM Moratinos told…` at the start of a block.
  const lead = free ? markAfterLeadIn(source, l.first) : null;
  if (lead) return marked(l, lead);
  // `No. 1 (SS) …`, `2.1 (SS) …`: a near miss after a label, at the start of a block.
  const near = free ? nearMissAfterShortLabel(source, l.first, l.first + t.length, (open) => readMarkAt(source, open)) : null;
  return near ? marked(l, near) : null;
}

/** `**S//NF** The …`: after a bold or italic opener, the mark read with its closer blanked (see withEmphasisCloserBlanked). */
function inEmphasis(source: string, at: number, prefix: string, last: number): MarkRead | null {
  const blanked = withEmphasisCloserBlanked(source, prefix, at, last);
  return blanked === null ? null : (readMarkAt(blanked, at) ?? readUnclosedAt(blanked, at));
}

/** A marked block starting at the line's first character. */
function marked(l: Line, mark: MarkRead): Start {
  return { level: 'marked', number: null, suffix: '', start: l.first, mark, topic: false };
}

/**
 * A lead-in before a mark: the usual words (`Summary`, `Comment`) with or without a colon, or any
 * one to four words ending in a colon or dashes (`Answer: (C) …`, `Freedom Fighters: (S//NF) …`),
 * and before a look-alike (`Comment: SECRET: …`, `Summary: [S//NF) …`).
 */
const LEAD_IN = new RegExp(
  String.raw`^(?:(?:SUMMARY(?: AND COMMENT)?|COMMENT|KEY POINTS|BACKGROUND|INTRODUCTION|ACTION REQUEST|NOTE)[ \t]*(?:[.:]|-{1,2})?|(?:[A-Za-z][\w'/&.-]*[ \t]+){0,3}[A-Za-z][\w'/&.-]*[ \t]*(?::|-{1,2}))[ \t]*${MARK_AHEAD}`,
  'i',
);

/** `¶1. Summary: (C) During…`: the mark written after a lead-in word still marks the paragraph. */
function markAfterLeadIn(source: string, at: number): MarkRead | null {
  const m = LEAD_IN.exec(source.slice(at, at + 40));
  return m ? readMarkAt(source, at + m[0].length) : null;
}

/** The previous line ends a sentence, a list item or a heading, so a new item may start. */
function endsBlock(prev: string): boolean {
  return /[.:;!?"')\]]$/.test(prev) || UNDERLINE.test(prev);
}

/**
 * Top-level paragraph or subparagraph for a numbered line: the next number in the sequence is a
 * paragraph; inside a paragraph, `1)` or a number restarting at 1 (or continuing the children) is
 * a subparagraph; any other number is a paragraph (gaps and repeats happen in extracts).
 */
function numberLevel(n: number, suffix: string, ctx: StartContext, marked: boolean): 'top' | 'sub' | null {
  if (ctx.top) {
    const parent = ctx.sub ?? ctx.top;
    const child = parent.lastChildNumber;
    // `1)` under `¶3.`: a different way of numbering is a level down.
    if ((suffix === ')' || suffix === '()') && suffix !== ctx.top.suffix) return 'sub';
    // Items restarting at 1 inside a paragraph, or continuing its items.
    if ((child === 0 && n === 1 && ctx.lastTop >= 1) || (child > 0 && n === child + 1)) return 'sub';
  }
  if (ctx.lastTop === 0 || n === ctx.lastTop + 1) return 'top';
  if (n > ctx.lastTop) return 'top';
  return marked ? 'top' : null;
}

/**
 * A title rather than prose: at most three short lines that do not end a sentence, or any short
 * block with an underline of dashes.
 */
export function isHeadingBlock(lines: readonly Line[]): boolean {
  if (lines.length === 0 || lines.length > 5) return false;
  const underlined = lines.some((l) => UNDERLINE.test(l.text));
  const words = lines.filter((l) => !UNDERLINE.test(l.text));
  if (words.length === 0) return underlined;
  if (words.length > 3) return false;
  for (const l of words) {
    const t = l.text;
    if (t.length > 80 || !/[A-Za-z]/.test(t)) return false;
    if (!underlined) {
      if (!/^[A-Z]/.test(t)) return false;
      if (/^(?:END\b|BEGIN\b|QUOTE\b|UNQUOTE\b)/i.test(t)) return false;
    }
  }
  const lastText = words[words.length - 1]!.text;
  if (!underlined && /[.,;:]$/.test(lastText) && !/\.\.\.$/.test(lastText)) return false;
  return true;
}

/** Content spans of a portion with page furniture cut out; `after(line)` is the offset after its newline. */
export function segmentsOf(d: DraftPortion, end: number, after: (l: Line) => number): Span[] {
  const segs: Span[] = [];
  let segStart = d.start;
  for (let k = 1; k < d.lines.length; k++) {
    if (d.breakBefore[k]) {
      segs.push({ start: segStart, end: after(d.lines[k - 1]!) });
      segStart = d.lines[k]!.start;
    }
  }
  segs.push({ start: segStart, end });
  return segs;
}
