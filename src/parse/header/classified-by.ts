/** The `Classified By:` field, with its reasons, however it is broken over lines and pages. */
import { ID_RECORD, isBareRecordStart, isHeaderFieldStart, NUMBERED_PARAGRAPH, REASON_CONTINUES, REASON_ONLY, startsWithLetteredMark, startsWithMark } from './classify.js';
import { CSV_ROW, isFurnitureLine, joinBrokenAnd, joinBrokenWords, normaliseReasons } from '../patterns.js';
import { PROSE_VERB } from './pass-line.js';
import { setRole, type HeaderInput, type HeaderState } from './types.js';

/**
 * Reads the field starting at line `at` (with or without its label); the first one read is the
 * document's. Returns the index of its last line.
 */
export function readClassifiedBy(input: HeaderInput, state: HeaderState, at: number): number {
  const { lines, source } = input;
  const l = lines[at]!;
  const start = l.first + (/^\([Uu]\)\s*/.exec(l.text)?.[0].length ?? 0);
  let end = l.last;
  setRole(input, at, 'boilerplate');
  let k = at + 1;
  // The field runs on while its reasons have not come yet, also across a blank line or a page
  // break (`REASONS` … `PAGE 02 …` … `1.4 (B) AND (D).`). Once the reasons are there, only a
  // directly following line made of reason tokens (`(D).`, `AND (D)`) still belongs to it:
  // the next block may be a paragraph that begins with a mark such as `(C)`.
  for (let taken = 0; taken < 6; taken++) {
    let m = k;
    let crossed = false;
    while (m < lines.length && (lines[m]!.blank || isFurnitureLine(lines[m]!.text))) {
      if (!lines[m]!.blank) crossed = true;
      m++;
    }
    if (m >= lines.length || !goesOn(input, source.slice(start, end), m, m === k, crossed)) break;
    for (let q = k; q < m; q++) setRole(input, q, lines[q]!.blank ? 'blank' : 'furniture');
    setRole(input, m, 'boilerplate');
    end = lines[m]!.last;
    k = m + 1;
  }
  // A sentence after the reasons, on the field's line or its tail (`… REASONS: 1.4 (B) AND (D).
  // SUMMARY: THE MINISTER SAID …`, `AND (D). THE MINISTER SAID …`), is no part of the field: header
  // lines are released as written, so such a line is content (fail closed); its reasons still count.
  // So is a sentence in the name before them (`Classified By: POLOFF J. DOE, WHO MET … IN BONN.
  // REASONS: …`): the field is a name, a title and an office.
  for (let q = at; q < k; q++) if (input.roles[q] === 'boilerplate' && (hasWordsAfterReasons(lines[q]!.text) || hasProseBeforeReasons(lines[q]!.text))) setRole(input, q, 'content');
  const raw = source.slice(start, end);
  // The letters are read with the line after the field too: an `and` broken at its end may have a
  // tail that goes on with text (`1.4 B A` / `ND D ZQ1 the minister said …`), a line that is content,
  // not the field, but read without it the `A` was cited as 1.4(a) and D dropped (probe 68e F5).
  const reasons = normaliseReasons(joinBrokenWords(reasonText(raw, lines[k]?.text ?? '')));
  if (!state.res.classifiedBy || completesPreview(state.res.classifiedBy, { raw, reasons })) state.res.classifiedBy = { raw, span: { start, end }, reasons };
  state.res.structured = true;
  return k - 1;
}

/**
 * A WikiLeaks file shows a preview of the cable cut off with `...` (`CLASSIFIED BY: Mark Wells,
 * Political Counse...`) before its full text: the preview's field gave no reasons, and B1 was
 * cited with no category for the 38 corpus cables of this shape (probe 68c F3). The full field
 * replaces it when it starts with the preview's words, so it is the same field, not a
 * concatenated cable's. Also where the full text is read as a header of its own (./restart.ts).
 */
export function completesPreview(preview: Field, full: Field): boolean {
  const cut = /^([\s\S]*?)\s*\.{3}\s*$/.exec(preview.raw)?.[1];
  const words = (t: string): string => t.replace(/\s+/g, ' ').trim().toUpperCase();
  return preview.reasons.length === 0 && full.reasons.length > 0 && cut !== undefined && cut.length > 15 && words(full.raw).startsWith(words(cut));
}

type Field = { readonly raw: string; readonly reasons: readonly string[] };

/** A full stop that ends an initial or a title, not a sentence (`U.S.`, `J.`, `Amb.`). */
const ABBREVIATION_END = /\b(?:[A-Z]|Amb|Dep|Pol|Gen|Col|Dr|Mr|Mrs|Ms|Jr|Sr|St|Lt|Adm|Maj|Capt|Cdr)\.\s*$/i;

/** `A. (S) …`: a lettered paragraph and its mark (`A. Smith` may be a name going on with the field). */
const LETTERED_MARK = /^[A-Za-z][.)][ \t]+[([<{]/;

/**
 * The line opens a paragraph: a number, a letter and a mark, or a mark (after a bullet too), also
 * a mark in another form after a letter (`A. S/NF: …` right under `REASON:` was read into the
 * field and released as written: the fuzzer, seed 9201).
 */
function opensParagraph(input: HeaderInput, c: HeaderInput['lines'][number]): boolean {
  return NUMBERED_PARAGRAPH.test(c.text) || LETTERED_MARK.test(c.text) || startsWithMark(input, c) || startsWithLetteredMark(input, c);
}

/**
 * Whether line `m` continues the field read so far (`text`): `adjacent` when no blank line or
 * page furniture comes between, `crossed` when page furniture does.
 */
function goesOn(input: HeaderInput, text: string, m: number, adjacent: boolean, crossed: boolean): boolean {
  const c = input.lines[m]!;
  const reasonOnly = REASON_ONLY.test(c.text);
  // `E.O. 12958, 1.4(b)(d).` after `For reasons \\` names the reasons: no E.O. line of its own.
  if (isHeaderFieldStart(c.text) && !/^REASONS?\s*:/i.test(c.text) && !(adjacent && EO_REASON.test(c.text))) return false;
  // A cut-off extract (`1.b an...`) ends here; a record or CSV row that follows is not text.
  if (/\.\.\.$/.test(text) || ID_RECORD.test(c.text) || CSV_ROW.test(c.text) || isBareRecordStart(input.lines, m)) return false;
  // A word broken over the line end (`… 1.4 (b) a` / `nd (d)`) continues the field.
  if (adjacent && /^[a-z]/.test(c.text) && /[a-z]$/i.test(text)) return true;
  // An `and` broken at the line end, then reasons only (`… 1.4 B A` / `ND D`): read alone, the `A`
  // was cited as 1.4(a) and `ND D` became a portion of its own (probe 68c F1).
  if (adjacent && finishesBrokenAnd(text, c.text)) return true;
  // After the reasons only their tail: `(D).`, or `and (d).  This message was …`.
  if (normaliseReasons(text).length > 0) return adjacent && (reasonOnly || REASON_CONTINUES.test(c.text));
  if (adjacent) {
    if (reasonOnly) return true;
    if (opensParagraph(input, c)) return false;
    // A line in lower case, or one that names reasons, goes on (`… U.S.` / `Embassy …, for reasons`).
    if (/^[a-z]/.test(c.text) || /REASON|\b1\.[456]\b/i.test(c.text)) return true;
    // The field ended with a full stop after its reasons in a form they are not read from (`… for
    // reasons b, k.`; `for reasons b, d.` is read now, ../patterns.ts), or after a word with no
    // reasons at all (`… CDA Tom Kelly.`): the body begins. Read into the field, the line was no
    // portion of its own (after `for reasons b, d.` it was released as written, in a SECRET cable too). A full stop after a figure (`Reasons 1.` /
    // `4 (b)`), an initial or a title (`U.S.`, `Amb.`) does not end it.
    if (/\bREASONS?\b.*[^.\d\s]\.\s*$/is.test(text)) return false;
    return !(/[a-z]{2,}\.\s*$/i.test(text) && !ABBREVIATION_END.test(text));
  }
  if (reasonOnly) return true;
  // Across a page break too, a line that opens a portion ends the field (`PAGE 02 …` / `-- (S//NOFRN)
  // …` was read into it and released as written: the fuzzer, seed 9003).
  if (opensParagraph(input, c)) return false;
  if (!(crossed || /^(?:1\.[456]|REASON)/i.test(c.text))) return false;
  // `REASON: 1.4 (b), (d)` after a blank line under a field that gave none (09NAPLES69) is its
  // reasons: B1 cited no category.
  return /(?:REASONS?|1\.[456]|BY|FOR|,)\s*:?\s*$/i.test(text) || (REASON_LINE.test(c.text) && normaliseReasons(text).length === 0);
}

/** `REASON: 1.4 (b), (d)`, `Reasons: E.O. 12958 1.5(d)`: a line that opens with the field's reasons. */
const REASON_LINE = /^REASONS?\s*:?\s*(?:E\.?\s?O\.?\s*1\d{4}\s*,?\s*)?1\s?\.\s?[456](?![0-9])/i;

/** `E.O. 12958, 1.4(b)(d).`: the order's number then its reasons, on a line of the field. */
const EO_REASON = /^E\.?\s?O\.?\s*1\d{4}\s*,?\s*(?:SEC(?:TION)?\.?\s*)?1\s?\.\s?[456](?![0-9])/i;

/** True when `line` completes an `and` broken at the end of `text` and holds reasons only. */
function finishesBrokenAnd(text: string, line: string): boolean {
  const piece = brokenAndPiece(text, line);
  return piece !== null && REASON_ONLY.test(joinBrokenAnd(`${piece}\n${line}`).replace(/\\/g, ' '));
}

/** The first piece of an `and` broken at the end of `text` (`A`, `AN`) that `line` completes, or null. */
function brokenAndPiece(text: string, line: string): string | null {
  const piece = /(?<![A-Za-z])[A-Za-z]{1,2}[ \t]*$/.exec(text)?.[0];
  return piece && joinBrokenAnd(`${piece}\n${line}`) !== `${piece}\n${line}` ? piece : null;
}

/**
 * The field's text (`raw`) for reading its letters: a line that completes an `and` broken at the
 * end of the line before is cut after its list (`ND D ZQ1 …` → `ND D`), and so is the line after
 * the field (`next`), read only when it completes one.
 */
function reasonText(raw: string, next: string): string {
  const lines = raw.split('\n');
  const out = lines.map((line, i) => (i > 0 && brokenAndTail(lines[i - 1]!, line)) || line);
  const tail = brokenAndTail(lines[lines.length - 1]!, next);
  return (tail ? [...out, tail] : out).join('\n');
}

/** A broken `and`'s tail and the letter it joins (`ND D`, `d (d)`, `nd (D)`). */
const TAIL_HEAD = /^[ \t]*(?:nd|d)[ \t]*\(?[ \t]*[a-h](?![A-Za-z0-9])[ \t]*\)?/i;

/**
 * What may go on with the list after it: blanks, brackets, commas, `and`, a letter, but no letter
 * that opens prose (`ND D A MINISTER SAID`: the article A is no category).
 */
const TAIL_TOKEN = /^(?:[ \t]+|[(),&/+]|(?:and|or)(?![A-Za-z])|[a-h](?![A-Za-z0-9])(?![ \t.]+[A-Za-z]{2}))/i;

/**
 * The head of `line` that completes an `and` broken at the end of the field `text` (`ND D` of
 * `ND D ZQ1 the minister …`), up to where its list ends; '' when it completes none.
 */
function brokenAndTail(text: string, line: string): string {
  if (!brokenAndPiece(text, line)) return '';
  let i = TAIL_HEAD.exec(line)?.[0].length ?? 0;
  for (let t = TAIL_TOKEN.exec(line.slice(i)); t && t[0].length > 0; t = TAIL_TOKEN.exec(line.slice(i))) i += t[0].length;
  return line.slice(0, i);
}

/**
 * True when the name on a line of the field, before its reasons (`REASON`, `1.4`, `for reasons`),
 * holds a verb or relative pronoun (a name's initials and `for` are no sentence: `Classified by
 * Ambassador Janet A. Sanderson for reasons …`).
 */
export function hasProseBeforeReasons(text: string): boolean {
  const name = text.replace(/^(?:\([Uu]\)\s*)?(?:CLASSIFIED\s+BY\b\s*:?\s*)+/i, '');
  const cut = /\bREASONS?\b|\b1\s?\.\s?[456]/i.exec(name);
  return PROSE_VERB.test(cut ? name.slice(0, cut.index) : name);
}

/** What may stand in a reason list after `1.4`: blanks, punctuation, `and`, `or`, a letter `a`-`h`. */
const REASON_TOKEN = /^(?:\s+|[(),.;:&/+-]|and\b|or\b|[a-h](?![a-z]))/i;

/**
 * True when words follow the reasons on `text`: after its last `1.4` (or from the start of a tail
 * line such as `AND (D).`), past the reason tokens, two words of two letters or more remain
 * (`SUMMARY: THE MINISTER SAID …`; not `E.O. 12958`).
 */
export function hasWordsAfterReasons(text: string): boolean {
  let from = -1;
  for (const m of text.matchAll(/1\s?\.\s?[456]/g)) from = m.index + m[0].length;
  // A broken `and`'s tail (`ND D ZQ1 …`, `d (d) JOHN SMITH`) is a tail line too.
  if (from < 0 && (REASON_CONTINUES.test(text) || TAIL_HEAD.test(text))) from = 0;
  if (from < 0) return false;
  let rest = text.slice(from);
  for (let t = REASON_TOKEN.exec(rest); t !== null && t[0].length > 0; t = REASON_TOKEN.exec(rest)) rest = rest.slice(t[0].length);
  return (rest.match(/[A-Za-z]{2,}/g)?.length ?? 0) >= 2;
}
