/** The REF field: a list of referenced cables, often lettered and wrapped over several lines. */
import type { Line } from '../lines.js';
import { CLASSIFIED_BY_LINE, isFurnitureLine } from '../patterns.js';
import { count, isHeaderFieldStart, lastRefLetter, opensPortion } from './classify.js';
import { readsAsSentence } from './pass-line.js';
import { field, setRole, type HeaderInput, type HeaderState } from './types.js';

/** Reads the REF field starting at line `at`; returns the index of its last line. */
export function readRef(input: HeaderInput, state: HeaderState, at: number): number {
  const { lines, source } = input;
  const l = lines[at]!;
  let end = l.last;
  setRole(input, at, 'boilerplate');
  let k = at + 1;
  let lastLetter = lastRefLetter(l.text);
  for (;;) {
    let m = k;
    while (m < lines.length && (lines[m]!.blank || isFurnitureLine(lines[m]!.text))) m++;
    if (m >= lines.length) break;
    const c = lines[m]!;
    if (isHeaderFieldStart(c.text) || CLASSIFIED_BY_LINE.test(c.text)) break;
    // `(C) STATE 034567` after `(B) …`: the next lettered reference, not a CONFIDENTIAL mark.
    if (!isNextRefItem(c.text, lastLetter) && opensPortion(input, c)) break;
    if (!continuesRef(c, m === k, source.slice(l.first, end), lastLetter)) break;
    // A sentence is no reference (`B. Minister told Ambassador … would defect in May`): read into
    // the field, it was released as written.
    if (readsAsSentence(c.text)) break;
    for (let q = k; q < m; q++) setRole(input, q, lines[q]!.blank ? 'blank' : 'furniture');
    setRole(input, m, 'boilerplate');
    end = c.last;
    lastLetter = lastRefLetter(c.text) ?? lastLetter;
    k = m + 1;
  }
  state.res.refs.push(field(input, l.first, end));
  state.res.structured = true;
  return k - 1;
}

/**
 * `(C) STATE 034567`, `(C) THE HAGUE 2308; (D) THE HAGUE 2995`: the item lettered after `lastLetter`,
 * written in parentheses, on a short line without lower-case letters that names a cable number. A
 * paragraph `(C) Summary: …` has lower-case letters, so it is still read as marked.
 */
export function isNextRefItem(text: string, lastLetter: string | null): boolean {
  const m = /^\(([A-Za-z])\)\s*\S/.exec(text);
  if (!m || lastLetter === null || m[1]!.toUpperCase().charCodeAt(0) !== lastLetter.charCodeAt(0) + 1) return false;
  return text.length <= 80 && !/[a-z]/.test(text) && /\d{2,}/.test(text);
}

/**
 * Whether line `c` continues a REF field whose text so far is `prev`: after a blank line only the
 * next lettered item does (`¶B. MEXICO 765`); a directly following line does when it looks like
 * one: an item, an indented line, a short line with a cable number, or after a line that ends open.
 */
function continuesRef(c: Line, adjacent: boolean, prev: string, lastLetter: string | null): boolean {
  const item = /^(?:¶\s*)?\(?([A-Za-z])[.)]/.exec(c.text);
  if (!adjacent) return item !== null && lastLetter !== null && item[1]!.toUpperCase().charCodeAt(0) === lastLetter.charCodeAt(0) + 1;
  return (
    item !== null ||
    c.first > c.start ||
    (c.text.length <= 80 && /\b\d{2,6}\b|NOTAL/.test(c.text)) ||
    /[,;&-]$|\bAND$/i.test(prev) ||
    // An open parenthesis or quote goes on: `A. HAVANA 683 ("SPAIN ON THE LOOKOUT FOR` / `CHANGE")`.
    count(prev, '(') > count(prev, ')') ||
    count(prev, '"') % 2 === 1
  );
}
