/**
 * Paragraph labels a cable writes besides `3.` and `A.`: the military subparagraph `2.A.` / `2.B.`,
 * `PARA 3.` and roman numerals (`II.`, `III.`, `iv)`). Not read as labels, an unmarked one directly
 * under a (U) paragraph was that paragraph's text and released with it (probe 62a F3), and `2.A.`
 * was read as paragraph 2 whose text was the label `A.`. Pure: the grouping (src/parse/body.ts)
 * decides what a label opens.
 */
import { classifyParenthetical, foldForeignLettersMapped, hasForeignLetters } from '../markings/index.js';

/**
 * `2.A. …`, `12.b) …`: a paragraph's number, then its subparagraph's letter; or the label alone on
 * its line, its text on the next (`2.B.` / `ZQ …`: read as the (U) text above, released, probe 65e F1).
 */
const MILITARY = /^(\d{1,3})\.([A-Za-z])([.)])(?:[ \t]+(?=\S)|[ \t]*$)/;

/**
 * A subparagraph label written any way a cable writes one, read only after an open one (see
 * {@link nextMilitaryLabel}): the number; then the letter (one, or a doubled one after Z) in
 * parentheses (`2.(B)`, `2(B)`, `2-(B)`), or after a separator (`.`, ` .`, `. `, ` `, `-`, `,`, a
 * stop and a dash or an underscore `.-` `._`, `_`, `/`, `:`, a bracket `[` `.[`, or none) with a
 * suffix (`.`, `)`, `]`, `:`, `,`, `;`, `-`, a stop and one of them `.-` `..`, or none) and perhaps
 * a numbered item or a first lettered one (`2.C.1.`, `2.C(1)`, `2.C.a.`, `2.C.i.`, `2.C.1.a.`,
 * `2.C.(a)`); then a blank (a no-break or other space too), a word glued on after a stop
 * (`2.C.ZQX`; `2.B.C.` is an abbreviation), or the line's end (the text on the next line). Each of
 * `2.B.- `, `2.B.. `, `2.B.a. `, `2,B. `, `2.B] `, `2.B.`+NBSP (probe 65e F1, fixed at 02f6eb6) and
 * `2.B.(a) `, `2.B.1.a. `, `2.-B. `, `2._B. `, `2/B. `, `2:B. `, `2.[B] `, or any label alone on its
 * line under `2.A. (U) … .` was that paragraph's text and released (probe 65e F1).
 */
const MILITARY_ANY =
  /^(\d{1,3})(?:[.-]?\(([A-Za-z]{1,2})\)|(\.[-_[]?|[ \t]\.|\.[ \t]|[ \t]|[-,_/:[]|)([A-Za-z]{1,2})(\.[-.:)]|[.):,;\]-]?)(\(\d{1,2}\)|(?<=\.)(?:\d{1,2}(?:[.)](?:[a-z][.)])?)?|[ai][.)]|\([a-z]\)))?)(?:[ \t\u00a0\u2000-\u200a\u202f\u3000]+(?=\S)|(?<=[.)])(?=[A-Za-z]{2})|[ \t\u00a0\u2000-\u200a\u202f\u3000]*$)/;

/** `2.A.1. …`, `2.A.1) …`, `2.A.(1) …`, `2.A(1) …`: a military subparagraph's numbered item. */
const MILITARY_NESTED = /^(\d{1,3})\.([A-Za-z])(?:\.?\((\d{1,2})\)|\.(\d{1,2})([.)]?))[ \t]+(?=\S)/;

/** `PARA 3. …`, `PARAGRAPH 3: …`, `Para 3) …`, `PARA 3 …`. */
const PARA_N = /^[Pp](?:ARA|ara)(?:GRAPH|graph)?\.?[ \t]*(\d{1,3})[.):]?[ \t]+/;

/** A roman numeral label, one case throughout: `III. …`, `iv) …`. */
const ROMAN = /^([IVXLC]{1,7}|[ivxlc]{1,7})([.)])[ \t]+/;

/** A well-formed roman numeral below 400 (`IIII`, `VX`, `IC` are not). */
const ROMAN_VALUE = /^C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/**
 * A pilcrow before a label (`¶2.A. (U) …`, `¶2.B. …`: the corpus's own paragraph style, `¶1. (C)`),
 * and the blanks after it. Not read, `¶2.A.` was paragraph 2's text and the (U) after it a mark
 * inside (C) ¶2, and an unmarked `¶2.B. …` ran on as the (U) text above, released (probe 65e F1).
 */
const PILCROW = /^¶[ \t]*/;

/** The length of a pilcrow and its blanks at the start of `text` (0: none). */
function pilcrowLength(text: string): number {
  return PILCROW.exec(text)?.[0].length ?? 0;
}

/** A military subparagraph label at the start of `text` (after a pilcrow or none): its number, letter, suffix and length. */
export function militaryLabel(text: string): { number: number; letter: string; suffix: string; length: number } | null {
  const lead = pilcrowLength(text);
  const m = MILITARY.exec(text.slice(lead));
  return m ? { number: Number(m[1]), letter: m[2]!, suffix: m[3]!, length: lead + m[0].length } : null;
}

/**
 * A military subparagraph label at the start of `text`, strict or loose, that follows `open` (the
 * open one's number and letter: `2.B` after `2.A.`, whatever the case of B). Loose, an unmarked
 * `2.B …` directly under `2.A. (U) …` was read as its text and released (probe 63). The letter is
 * the next one, or a later one at most three places on (`2.C` under `2.A.`, a letter skipped; `2.AA`
 * after `2.Z.`): read as the text above, it was released with its (U) (probes 63a, 64d F9), while
 * `2.Q: …` or `2.x …` (a roman numeral) is text (probe 64d F8). Written with no stop at all, only
 * the next letter after a blank or a hyphen is a label (`2 B …`, `2-B …`): `2 C …` may be a wrapped
 * figure, `2B …` a word. A letter in parentheses that the mark grammar reads (`2.(c)`, `2.(U)`,
 * `2.(S)`) is the paragraph's mark, never a label: read as label C, `2.(c) …` lost its mark and ran
 * on as the (U) text above (probe 64d F1, F2).
 */
export function nextMilitaryLabel(text: string, open: { number: string; letter: string } | null): ReturnType<typeof militaryLabel> {
  if (!open) return null;
  const lead = pilcrowLength(text);
  const head = labelHead(text.slice(lead));
  const m = MILITARY_ANY.exec(head.text);
  if (!m || m[1] !== open.number) return null;
  const [, number, paren, separator = '', letter = paren!, suffix = '', item] = m;
  const step = letterOrder(letter) - letterOrder(open.letter);
  if (step < 1 || step > MAX_LATER_STEP || (paren && isMarkLetter(paren)) || (step > 1 && ROMAN_LETTERS.test(letter))) return null;
  const stopped = paren !== undefined || item !== undefined || separator.includes('.') || /[.)]/.test(suffix);
  if (!stopped && (!/^[ \t-]$/.test(separator) || step > 1)) return null;
  // `2 C. The river froze.` after a sentence end may be prose (probe 65e F7), but read so, an unmarked
  // `2 C. ZQ…` (or `2 c.`, `2\tC.`, `2 C.ZQ`, `2 B,`) under 2.A. ran on as its (U) text and was
  // released (probe 66d): a label, withheld when it is prose (fail closed).
  // `2.B.(c) …`: the (c) is the subparagraph's mark, read after the label, not its first item.
  const end = item?.startsWith('(') && isMarkLetter(item.slice(1, -1)) ? m[0].lastIndexOf(item) : m[0].length;
  return { number: Number(number), letter, suffix: suffix || ')', length: lead + head.length(end) };
}

/** The first characters of a line, full-width and look-alike letters folded (`２．Β．`: 2.B.), and the source length of a folded prefix. */
function labelHead(text: string): { text: string; length: (folded: number) => number } {
  const head = text.slice(0, LABEL_HEAD);
  if (!hasForeignLetters(head)) return { text: head, length: (n) => n };
  const f = foldForeignLettersMapped(head);
  return { text: f.text, length: (n) => (n === 0 ? 0 : f.ends[n - 1]!) };
}

/** Characters of a line a label is looked for in (`¶2.B.1.a.` and its blanks take fewer). */
const LABEL_HEAD = 24;

/** How many letters after the open one a later label may be: `2.D` under `2.A.` (two skipped), not `2.Q:`. */
const MAX_LATER_STEP = 3;

/** A roman numeral of one or two letters (`i`, `ii`, `iv`, `x`): an item of its own list, not a later letter. */
const ROMAN_LETTERS = /^(?:[ivx]|ii|iv|vi|ix|xi|xx)$/i;

/** Whether `(letter)` is a portion mark the grammar reads, or one it fails closed on (`(c)`, `(U)`, `(TS)`). */
function isMarkLetter(letter: string): boolean {
  return classifyParenthetical(letter) !== 'not-a-marking';
}

/** A subparagraph letter's place: A–Z are 1–26, a doubled letter after them (AA 27, BB 28, …); 0 for anything else. */
function letterOrder(letter: string): number {
  const u = letter.toUpperCase();
  if (/^[A-Z]$/.test(u)) return u.charCodeAt(0) - 64;
  return /^([A-Z])\1$/.test(u) ? 26 + u.charCodeAt(0) - 64 : 0;
}

/**
 * A numbered item of the open military subparagraph at the start of `text` (`2.A.1. …`,
 * `2.A.(1) …` under `2.A. …`, whatever the case of A): its number, suffix and length. Read as the
 * subparagraph's text, an unmarked one under `2.A. (U) …` was released (probe 63d F4).
 */
export function nestedMilitaryLabel(text: string, open: { number: string; letter: string } | null): { number: number; suffix: string; length: number } | null {
  const lead = pilcrowLength(text);
  const m = open ? MILITARY_NESTED.exec(text.slice(lead)) : null;
  if (!m || m[1] !== open!.number || m[2]!.toLowerCase() !== open!.letter.toLowerCase()) return null;
  return { number: Number(m[3] ?? m[4]), suffix: m[3] ? ')' : (m[5] ?? ''), length: lead + m[0].length };
}

/** A `PARA n.` label at the start of `text`: its number and length. */
export function paraLabel(text: string): { number: number; length: number } | null {
  const m = PARA_N.exec(text);
  return m ? { number: Number(m[1]), length: m[0].length } : null;
}

/** A roman numeral label at the start of `text` (`II.`, `iv)`): the numeral, else null. */
export function romanLabel(text: string): string | null {
  const m = ROMAN.exec(text);
  if (!m || !ROMAN_VALUE.test(m[1]!.toUpperCase())) return null;
  return m[1]!;
}

/** A military subparagraph or `PARA n` label alone (after a pilcrow or none), cut off its line by the mark after it (`2.A.` of `2.A. (U) …`, `¶2.A.`). */
export const CABLE_LABEL_ONLY = /^(?:¶[ \t]*)?(?:\d{1,3}\.[A-Za-z][.)]|[Pp](?:ARA|ara)(?:GRAPH|graph)?\.?[ \t]*\d{1,3}[.):]?)\s*$/;

/** The number of a `PARA n` label at the start of `text` (any suffix or none), else null. */
export function paraNumber(text: string): number | null {
  const m = /^[Pp](?:ARA|ara)(?:GRAPH|graph)?\.?[ \t]*(\d{1,3})/.exec(text);
  return m ? Number(m[1]) : null;
}
