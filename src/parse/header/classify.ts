/**
 * What a line of the header zone is: the regular expressions of its lines, and the tests the
 * phases share (a bare record's start, a record-like line, a header field's start, the anchor
 * where the header proper starts, a line that opens a portion). Pure.
 */
import type { Line } from '../lines.js';
import { LIST_LETTER } from '../lookalike.js';
import {
  CAB_LINE,
  captionsOnlyAfter,
  CLASSIFIED_BY_LINE,
  CSV_ROW,
  CSV_SEAM,
  ENTIRE_TEXT,
  EXTRACT_NOTICE,
  PRECEDENCE_LINE,
  REF_LINE,
  SUBJECT_LINE,
  TAGS_LINE,
  isBareClassificationLine,
  isRoutingLine,
  matchBanner,
  matchEoLine,
} from '../patterns.js';
import { readsAsSentence } from './pass-line.js';
import type { HeaderInput } from './types.js';

/** A `key: value` line of a leaked database record (`id: 190648`, `origin: Embassy Berlin`). */
export const RECORD_KEY = /^([a-z_]+):\s?(.*)$/;

/**
 * The start of a bare database record: an id (or a `>` / `null` seam) and a date, then a
 * reference id, blank lines allowed between them.
 */
export function isBareRecordStart(lines: readonly Line[], i: number): boolean {
  const next = (k: number): number => skipBlank(lines, k + 1);
  if (i >= lines.length || !/^(?:\d{1,7}|>|null)$/i.test(lines[i]!.text)) return false;
  let d = next(i);
  if (d < lines.length && /^\d{1,7}$/.test(lines[d]!.text) && !/^\d{1,7}$/.test(lines[i]!.text)) d = next(d);
  const r = next(d);
  return (
    d < lines.length &&
    r < lines.length &&
    /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.test(lines[d]!.text) &&
    /^\d{2}[A-Z]+\d+$/.test(lines[r]!.text)
  );
}

/** `C O R R E C T E D C O P Y` notices above the banner. */
/**
 * A `SIPDIS` line (State's SIPRNet distribution notice), released with the header. Words after it
 * that read as a sentence (`SIPDIS THE MINISTER SAID … THAT THE PLAN IS SECRET`) make it content:
 * header lines are released as written.
 */
export function isSipdisLine(text: string): boolean {
  return /^SIPDIS\b/i.test(text) && !readsAsSentence(text);
}

export const CORRECTED_COPY = /^\(?\s*(?:C O R R E C T E D|CORRECTED COPY)/i;

/**
 * A line of a leaked database record in one of its loose forms: an id, a date, a reference id
 * (or a `|`-separated list of them), an originating office, a classification, a tab-separated
 * row, `ID: 190648` / `ORIGIN: …` keys, and the `>` / `null` seams.
 */
export function isRecordLikeLine(t: string): boolean {
  return (
    /^(?:\d{1,7}|>|null)$/i.test(t) ||
    /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/.test(t) ||
    /^\d{1,2}[./]\d{1,2}[./]\d{4}(?: \d{1,2}:\d{2}(?::\d{2})?(?: [AP]M)?)?$/.test(t) ||
    /^\d{2}[A-Z]+\d+(?:\|\d{2}[A-Z]+\d+)*$/.test(t) ||
    /^(?:Embassy|Consulate|Consulate General|Mission|US Mission|USUN|Secretary of State|American Institute|US Office|US Interests Section|REO|UNVIE|USNATO|USEU)\b[A-Za-z ,.'-]{0,40}$/.test(t) ||
    isBareClassificationLine(t) ||
    (/\t/.test(t) && /\b\d{2}[A-Z]+\d+\b/.test(t)) ||
    /^(?:id|date|refid|origin|source|classification|destination|header|reference|references)\s*:/i.test(t) ||
    // An e-mail wrapper around a cable (`From: …`, `Sent: …`) and the cable list entry in it.
    /^(?:From|Sent|To|Cc|Subject):\s/.test(t) ||
    /^[A-Z][A-Z ]+ \d{8} [A-Z]{1,2} [A-Z]{2} \d{2}-[A-Z]{3}-\d{2}\b/.test(t)
  );
}

/** A date-time group on a line of its own (`061428Z Jun 03`, in partial extracts). */
export const BARE_DTG_LINE = /^()\d{6}Z\s+[A-Za-z]{3}\s+\d{2,4}$/;
/** The rest of a CSV row whose quoted origin was broken over two lines: `Hague",CONFIDENTIAL,,"VZCZC…`. */
export const CSV_TAIL = /^[A-Za-z .'-]{0,40}",(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED)[A-Z/ ]*,/;
/**
 * More of a leaked CSV row: fields without blanks that end where the routing header begins
 * (`SECRET,,"VZCZCXRO6602`, `9|10THEHAGUE97,"VZCZCXRO2029`) or a list of reference ids.
 */
export const CSV_FIELDS = /^[^\s"]*,"VZCZC[A-Z0-9]*$|^[A-Z/]*,(?:\d{2}[A-Z]+\d+)?(?:\|\d{2}[A-Z]+\d+)+,?"?$/;
export const ID_RECORD = /^(?:\.\.\.)?id:\s*\d+\b/;
export const HEADER_ENDS = /^-{3,}\s*header ends\s*-{3,}$/i;
export const PARAGRAPH_START = /^(?:¶\s*)?\d{1,3}\s?(?:[.)](?![0-9])|(?=\s{0,3}\())/;
/** A numbered paragraph written with a dot or `¶` (`¶1.`, `1.`), not a bare digit (`4(B/D)`). */
export const NUMBERED_PARAGRAPH = /^(?:¶\s*\d{1,3}|\d{1,3}\s?[.)](?![0-9]))/;
export const PAREN_START = /^\(([^()\n]{1,48})\)/;
/** A line made only of classification reasons: `1.4 (B) AND (D).`, `(c)and(d)`, `) .`. */
export const REASON_ONLY = /^(?:\s|[(),.;&/-]|1\.[456]|AND(?![A-Za-z])|and(?![A-Za-z])|OR(?![A-Za-z])|or(?![A-Za-z])|[A-Ha-h](?![A-Za-z]))+$/;
/** A line that goes on with the reason list: `and (d).`, `& d`, `, (d)`, `)`. */
export const REASON_CONTINUES = /^\s*(?:(?:and|or)\s*\(?\s*[a-h]\s*\)|&\s*\(?\s*[a-h]\b|,\s*\(?\s*[a-h]\s*\)|\))/i;
export const REASON_IN_LINE = /\bREASONS?\s*[:;]?\s*1\s?\.\s?[456]\b/i;
export const TAG_CONTINUATION = /^(?:[A-Z][A-Z0-9]{1,5},?\s+){1,20}[A-Z][A-Z0-9]{1,5},?$/;

/** The line starts with a portion mark, alone or after a bullet (`(C) …`, `-- (S) …`). */
export function startsWithMark(input: HeaderInput, l: Line): boolean {
  if (PAREN_START.test(l.text) || /^(?:-{1,2}|\*|o|•)\s*\(/.test(l.text)) {
    const at = l.text.startsWith('(') ? l.first : l.first + l.text.indexOf('(');
    if (input.isMarkAt(at)) return true;
  }
  // A mark in another form (`[S//NF) …`, `S/NF: …`, `TS) …`, `(S//NF The …`), alone or after a
  // bullet: a header reader took such a line for its own and released it as written.
  const bullet = /^(?:(?:-{1,2}|\*|•)[ \t]*)?/.exec(l.text)![0].length;
  return markInOtherForm(input, l.first + bullet);
}

/** A mark at `offset` in a form other than `(…)`; not a list letter (LIST_LETTER). */
function markInOtherForm(input: HeaderInput, offset: number): boolean {
  return !LIST_LETTER.test(input.source.slice(offset, offset + 2)) && input.isMarkAt(offset);
}

/**
 * The line opens a portion: a paragraph number, or a mark at its start, after a bullet or after
 * a letter label (`A. (S) …`). Header lines are released as they are, so no header reader may
 * take such a line as its own (a continuation of an address list, SUBJECT or REF, a pass line):
 * it ends the header, or is content (fail closed).
 */
export function opensPortion(input: HeaderInput, l: Line): boolean {
  if (l.blank) return false;
  return PARAGRAPH_START.test(l.text) || startsWithMark(input, l) || startsWithLetteredMark(input, l);
}

/** A letter label and a mark, in parentheses or in another form (`A. (S) …`, `B) S//NF …`, `A. S/NF: …`). */
export function startsWithLetteredMark(input: HeaderInput, l: Line): boolean {
  const lettered = /^(?:¶\s*)?([A-Za-z])[.)]\s*(?=\S)/.exec(l.text);
  if (lettered === null) return false;
  // `C. (C) PARIS 7527`: a REF list that repeats its letter in parentheses, not a mark.
  if (l.text.slice(lettered[0].length).startsWith(`(${lettered[1]})`)) return false;
  const at = l.first + lettered[0].length;
  return input.source[at] === '(' ? input.isMarkAt(at) : markInOtherForm(input, at);
}

/** How many times `ch` occurs in `text`. */
export function count(text: string, ch: string): number {
  let k = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) k++;
  return k;
}

/** The first non-blank line from `i` (`lines.length` when none). */
export function skipBlank(lines: readonly Line[], i: number): number {
  while (i < lines.length && lines[i]!.blank) i++;
  return i;
}

/** Letter of the last lettered item in a REF line (`REF: A. STATE 1 B. STATE 2` → `B`). */
export function lastRefLetter(text: string): string | null {
  let last: string | null = null;
  const re = /(?:^|[\s:,;])(?:¶\s*)?\(?([A-Za-z])[.)]\s/g;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m[1]!.toUpperCase();
  return last;
}

/** A line that starts a header field (E.O., TAGS, SUBJECT, REF, Classified By, a second CAB). */
export function isHeaderFieldStart(text: string): boolean {
  return (
    matchEoLine(text) !== null ||
    TAGS_LINE.test(text) ||
    SUBJECT_LINE.test(text) ||
    REF_LINE.test(text) ||
    CLASSIFIED_BY_LINE.test(text) ||
    CAB_LINE.test(text)
  );
}

/** Fields that may come after a title line or a truncated line and still belong to the header. */
export function isLateHeaderField(text: string): boolean {
  return (
    SUBJECT_LINE.test(text) ||
    TAGS_LINE.test(text) ||
    CLASSIFIED_BY_LINE.test(text) ||
    REF_LINE.test(text) ||
    CAB_LINE.test(text) ||
    (ENTIRE_TEXT.test(text) && text.length < 120) ||
    matchEoLine(text) !== null
  );
}

/**
 * The first line of the header proper: a banner (classification words with a post and number, a
 * SECTION, or alone), or the first E.O./TAGS/SUBJECT line, or a numbered or marked paragraph when
 * the header is missing. -1 when there is none.
 */
export function findAnchor(lines: readonly Line[], from: number, isMarkAt: (offset: number) => boolean): number {
  for (let j = from; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.blank) continue;
    const t = l.text;
    const b = matchBanner(t);
    if (b && (b.post !== null || b.section !== null || b.wordsEnd === t.length || captionsOnlyAfter(b, t))) return j;
    if (matchEoLine(t) || TAGS_LINE.test(t) || SUBJECT_LINE.test(t) || CLASSIFIED_BY_LINE.test(t)) {
      // An e-mail wrapper has its own `Subject:`; the cable's routing header comes after it.
      if (routingFollows(lines, j)) continue;
      return j;
    }
    if (isRoutingLine(t) || EXTRACT_NOTICE.test(t) || CSV_SEAM.test(t) || CSV_ROW.test(t)) continue;
    if (PARAGRAPH_START.test(t) && /^(?:¶\s*)?\d{1,3}\s?[.)]?\s*\(/.test(t)) {
      const at = l.first + t.indexOf('(');
      if (isMarkAt(at)) return j;
    }
    if (PAREN_START.test(t) && isMarkAt(l.first)) return j;
  }
  return -1;
}

/** A routing header (`VZCZC…`, precedence line) starts within the next few lines. */
function routingFollows(lines: readonly Line[], j: number): boolean {
  for (let k = j + 1; k < lines.length && k <= j + 12; k++) {
    const t = lines[k]!.text;
    if (/^VZCZC/.test(t) || PRECEDENCE_LINE.test(t)) return true;
    if (matchBanner(t)?.post) return false;
  }
  return false;
}

