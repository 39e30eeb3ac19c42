/**
 * Lettered list labels that are spelled like portion marks: `(c)` after `(b)` labels the third item
 * of a list (`Employees must: (a) file the request; (b) name a backup; (c) copy the timekeeper.`),
 * it is not CONFIDENTIAL; so are `(s)` after `(r)` and `(u)` after `(t)`, in either case. Read as a
 * mark, such a label made an UNCLASSIFIED memo's item a CONFIDENTIAL portion: the document rolled
 * up to CONFIDENTIAL and went to review whole, and in a classified one the item was withheld under
 * (b)(1) as marked CONFIDENTIAL. A label is one only after its predecessor in the same list: a
 * `(C)` with no `(B)` before it stays a mark (fail closed). Pure.
 */

/** A single letter in parentheses that spells a level: `(C)`, `(S)`, `(U)`, in either case. */
const LEVEL_LETTER = /^\(([CSUcsu])\)$/;

/** How far back a list's previous label is looked for, in lines (line starts) or characters (in a text). */
const LINES_BACK = 40;
const CHARS_BACK = 2000;

/** The label before `raw`'s letter (`(B)` for `(C)`, `(r)` for `(s)`), or null when `raw` is no level letter. */
function predecessorOf(raw: string): string | null {
  const m = LEVEL_LETTER.exec(raw);
  return m ? `(${String.fromCharCode(m[1]!.charCodeAt(0) - 1)})` : null;
}

/** True for a character that may stand right before a label: none, a blank, punctuation (not a letter or digit). */
function freeBefore(source: string, at: number): boolean {
  return at === 0 || !/[\p{L}\p{N}]/u.test(source[at - 1]!);
}

/**
 * True when the mark `raw` at `at` (its opening parenthesis) is the next label of a list whose
 * previous label stands, on its own (`; (b) `, not `2(b)`), between `from` and `at`: the same line
 * or paragraph (`(a) file; (b) name; (c) copy`), and no sentence ends right before it.
 */
export function labelAfterSiblingInText(source: string, at: number, raw: string, from: number): boolean {
  const before = predecessorOf(raw);
  if (before === null || !/[ \t]/.test(source[at + raw.length] ?? '')) return false;
  // After a sentence end it may open a paragraph (`… and (B). (C) The source said …`): a mark, so
  // that its text is never glued to a (U) portion before it (fail closed).
  let i = at - 1;
  while (i >= from && /[\s"'“‘]/.test(source[i]!)) i--;
  if (i >= from && /[.!?]/.test(source[i]!)) return false;
  const start = Math.max(from, at - CHARS_BACK);
  const k = source.slice(start, at).lastIndexOf(before);
  if (k < 0) return false;
  const p = start + k;
  return freeBefore(source, p) && /[ \t]/.test(source[p + before.length] ?? '');
}

/**
 * Where the paragraph holding `at` starts: after the last blank line before it (at most
 * {@link CHARS_BACK} characters back), for {@link labelAfterSiblingInText} across a wrapped line
 * (`… (B) name a` / `backup; (C) copy …`).
 */
export function paragraphStartBefore(source: string, at: number): number {
  const floor = Math.max(0, at - CHARS_BACK);
  let lineStart = source.lastIndexOf('\n', at - 1) + 1;
  while (lineStart > floor) {
    const prevStart = source.lastIndexOf('\n', lineStart - 2) + 1;
    if (source.slice(prevStart, lineStart - 1).trim() === '') return lineStart;
    lineStart = prevStart;
  }
  return Math.max(lineStart, floor);
}

/** What may stand before a list's label on its line: blanks, then a dash or bullet (`-- (c) …`). */
const LEAD = /^([ \t]*)((?:--?|[•·*])?)[ \t]*$/;

/** A line that opens with a letter label, after such a lead: `(b) …`, `-- (b) …`, `-- b) …`. */
const LABELLED_LINE = /^([ \t]*)((?:--?|[•·*])?)[ \t]*\(?([A-Za-z])\)[ \t]/;

/**
 * True when the mark `raw` that opens the line at `at` (nothing before it on the line but blanks
 * and a dash or bullet) is the next label of a list whose labels open lines: the nearest earlier
 * line that opens with a letter label (within {@link LINES_BACK} lines, and no numbered paragraph
 * between) opens with its predecessor, as far in and after the same dash or bullet (`(b) name a
 * backup;` over `(c) copy the timekeeper.`; 05THEHAGUE3305's `-- b) The Dutch …` over `-- (c) Yes,
 * …`). A REF list indented under its field (`REF: (A) …` / `     (B) …`) does not make the body's
 * first `(C) Summary: …` a label.
 */
export function labelAfterSiblingLine(source: string, at: number, raw: string): boolean {
  const before = predecessorOf(raw);
  if (before === null || !/[ \t]/.test(source[at + raw.length] ?? '')) return false;
  let end = source.lastIndexOf('\n', at - 1);
  const lead = LEAD.exec(source.slice(end + 1, at));
  if (!lead) return false;
  for (let n = 0; n < LINES_BACK && end > 0; n++) {
    const lineStart = source.lastIndexOf('\n', end - 1) + 1;
    const text = source.slice(lineStart, Math.min(end, lineStart + 24));
    const head = LABELLED_LINE.exec(text);
    if (head) return `(${head[3]})` === before && head[1]!.length === lead[1]!.length && head[2] === lead[2];
    // A numbered paragraph between them ends the list.
    if (/^[ \t]*(?:¶[ \t]?)?\d{1,3}[.)]/.test(text)) return false;
    end = lineStart - 1;
  }
  return false;
}
