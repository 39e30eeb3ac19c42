/**
 * The next label of a list whose item labels the line grammar does not read as items (probe 62a,
 * F2): `[1] (U) …` over `[2] …`, `1.1` over `1.2`, `i.` over `ii.`, `I.` over `II.`, `Q:` over
 * `A:`, `Step 1:` over `Step 2:`, `1.a.` over `1.b.`, `#1` over `#2`, `Note 1:` over `Note 2:`,
 * `*` over `**`, `¹` over `²`, a bare `1` over `2`. A line that opens with the label that follows the marked item's
 * label is the list's next item, not the item's wrap: read on, `[2] ZQ… unmarked.` under
 * `[1] (U) …` was released as the (U) item's text. Only the label before the item's own mark
 * counts, and only its successor (or the same footnote sign again): a wrapped line that starts
 * with a number (`2010 was a year …`) under a line with no such label stays a wrap. Pure.
 */

/** A label before a mark: a short token, or a word and a number (`Step 1:`, `Note 2:`). */
const LABEL_SHAPE = /^(?:[^\s]{1,10}|[A-Z][a-z]{1,10}[ \t]\d{1,3}[.:)]?)$/;

/** Footnote signs: a label of these repeats or grows (`*`, `**`; `†`, `‡`, `††`). */
const SIGNS = /^[*†‡]{1,3}$/;

/** Superscript digits, 0 to 9 (a footnote's `¹`, `²`). */
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}$/;

/** The label's counter, last: digits, a roman numeral or a letter, with what stands before and after it. */
const COUNTER = /^(.*?)(\d{1,3}|[ivxlc]{1,7}|[IVXLC]{1,7}|[A-Za-z])([^\p{L}\p{N}]{0,2})$/u;

const ROMAN: readonly [number, string][] = [
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
}

/** The value of a lower-case roman numeral written the usual way, or null. */
function fromRoman(s: string): number | null {
  for (let n = 1; n < 200; n++) if (toRoman(n) === s) return n;
  return null;
}

/** What may follow `count` as the next counter (a number, a roman numeral, a letter). */
function successors(count: string): string[] {
  if (/^\d+$/.test(count)) return [String(Number(count) + 1)];
  const out: string[] = [];
  const upper = count === count.toUpperCase();
  const roman = fromRoman(count.toLowerCase());
  if (roman !== null) out.push(upper ? toRoman(roman + 1).toUpperCase() : toRoman(roman + 1));
  if (count.length === 1 && !/[zZ]/.test(count)) out.push(String.fromCharCode(count.charCodeAt(0) + 1));
  return out;
}

/** The labels that may follow `label` (the text before a marked item's mark), or none. */
export function nextLabels(label: string): string[] {
  if (!LABEL_SHAPE.test(label)) return [];
  if (SIGNS.test(label)) {
    const out = [label, label + label[label.length - 1]];
    if (label === '†') out.push('‡');
    return out;
  }
  if (SUPERSCRIPT.test(label)) {
    const next = String(Number([...label].map((c) => SUPERSCRIPT_DIGITS.indexOf(c)).join('')) + 1);
    return [[...next].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('')];
  }
  if (label === 'Q:') return ['A:', 'Q:'];
  if (label === 'A:') return ['Q:'];
  const m = COUNTER.exec(label);
  if (!m) return [];
  const [, before, count, after] = m as unknown as [string, string, string, string];
  // The counter is a token of its own: not the end of a word (`Comment:`) or of a longer number.
  if (/^\d+$/.test(count) ? /\d$/.test(before) : /\p{L}$/u.test(before)) return [];
  return successors(count).map((s) => before + s + after);
}

/**
 * A footnote's label of these shapes (superscript digits, signs, a bracketed letter or number)
 * before a marked note is followed by a note whenever a line right under it opens with a label of
 * the same shape, next in sequence or not, spaced or glued to its text: no wrapped line opens so.
 * Read by the sequence alone, `²ZQ…` glued to its text under `¹(U) …`, `¹² ZQ…` under `¹ (U) …` and
 * `[s] ZQ…` under `[a] (U) …` were released as the (U) note's wrap (probe 62c, F5).
 */
const NOTE_SHAPES: readonly RegExp[] = [/^[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}$/, /^[*†‡]{1,3}$/, /^\[[\p{L}\p{N}]{1,3}\]$/u];

/**
 * True when `text` (a line right under a marked item whose label before its mark is `label`)
 * opens with the next label of the same list, then a blank and text. After a bare number (`1
 * (U) …`), a lower-case word after the next number is the item's wrap (`2 were published …`)
 * when the line above ended no sentence (`aboveEndsSentence`).
 */
export function opensNextItem(label: string, text: string, aboveEndsSentence: boolean): boolean {
  const shape = NOTE_SHAPES.find((re) => re.test(label));
  if (shape && new RegExp(shape.source.replace(/\$$/, ''), shape.flags).test(text)) return true;
  for (const next of nextLabels(label)) {
    if (!text.startsWith(next)) continue;
    const rest = text.slice(next.length);
    if (!/^[ \t]+\S/.test(rest)) continue;
    if (/^\d+$/.test(label) && !aboveEndsSentence && /^[ \t]+\p{Ll}/u.test(rest)) continue;
    return true;
  }
  return false;
}
