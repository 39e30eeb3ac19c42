/**
 * Header lines of memos and newsletters: `FROM:`, `MEMORANDUM FOR:` (or, DoD's form, `MEMORANDUM FOR
 * SECRETARY OF DEFENSE` without the colon), `TO:`, `FOR:` (a DoD info memo's addressee), `THROUGH:` (content:
 * a `header` portion, usually unmarked, so withheld in a classified document), `SUBJECT:` (a
 * `subject` portion), date lines (`Run Date: 02/22/2006`, `DATE: 12 March 2012`, `Date: March 3,
 * 2001`, an e-mail's `Sent: Tuesday, March 3, 2015 10:12 AM`, a letter's date alone on its line,
 * `June 3, 2015`: boilerplate, and the document's origination date), and lines without a letter or
 * digit (rules, table separators, `--`) or with only a memo's form words (`MEMORANDUM FOR THE RECORD`,
 * `Sincerely,`, `Attachments:`, an e-mail's `-----Original Message-----`): boilerplate, there is
 * nothing in them to withhold.
 */
import { parseDateText } from '../../declass/parse-date.js';
import { undecorated, type DocLine } from './lines.js';
import { FIXED_SEPARATOR } from './messages.js';
import { CLOSING } from './signature.js';

/**
 * A line of sentence punctuation only (`).`, `, ,`, `( )`): what a publisher's redaction left of a
 * line of text, no rule or separator (those repeat a dash, `=`, `_` or `*`).
 */
export function isBarePunctuation(text: string): boolean {
  return text.length <= 12 && /^[.,;:!?()[\] '"“”‘’]+$/u.test(text);
}

/** What a line is, before portions are grouped. */
export type LineRole = 'blank' | 'furniture' | 'banner' | 'folio' | 'authority' | 'date' | 'rule' | 'header' | 'subject' | 'content';

const HEADER = /^(?:FROM|From|TO|To|FOR|For|THROUGH|Through|THRU|Thru|MEMORANDUM\s+FOR(?:\s+THE\s+RECORD)?|Memorandum\s+for(?:\s+the\s+record)?|CC|Cc|ATTN|Attn|ATTENTION)\s*:/;
/**
 * A DoD-style addressee line, written without a colon (`MEMORANDUM FOR SECRETARY OF DEFENSE`), and
 * State's (`INFORMATION MEMO TO THE SECRETARY`, `ACTION MEMO FOR THE DEPUTY SECRETARY`).
 */
const MEMORANDUM_FOR = /^(?:MEMORANDUM\s+FOR|Memorandum\s+for|(?:INFO(?:RMATION)?|ACTION|DECISION)\s+MEMO(?:RANDUM)?\s+(?:TO|FOR))\s+\S/;
const SUBJECT = /^(?:SUBJECT|Subject|SUBJ)\s*:/;
const DATE = /^(?:Run\s+Dates?|RUN\s+DATES?|DATE|Date|SENT|Sent)\s*:\s*(.+)$/;
const RUN_DATE = /^\s*(?:Run|RUN)\s+(?:Dates?|DATES?)\s*:/;

/** An Army office symbol (`AEIN-ZA`, `DAMI-CDC`, `NGB-ZC`). */
const SYMBOL = String.raw`[A-Z][A-Z0-9]{1,7}(?:-[A-Z0-9]{1,8}){1,3}`;
/** An office symbol, then the date after a gap of spaces. */
const OFFICE_SYMBOL_DATE = new RegExp(String.raw`^${SYMBOL}[ 	]{3,}(\S.*)$`);

/** A month written in words (`June`, `JUN`, `Sept.`). */
const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;

/** SIDtoday's date line: the article's own date wherever its layout puts it (after the author, a blank line apart). */
export function isRunDateLine(line: DocLine): boolean {
  return RUN_DATE.test(line.text);
}

/** A weekday before a date and a time after it (`Tuesday, March 3, 2015 10:12 AM`, an e-mail's `Sent:`). */
const WEEKDAY = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+/i;
const TIME = /,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]\.?M\.?)?(?:\s+[A-Z]{2,4})?$/i;

/** The ISO dates of a date line's value, or null unless every part of it is a date. */
function datesOf(value: string): string[] | null {
  // One date first: `March 3, 2015` has a comma in it.
  const one = parseDateText(value.trim().replace(/[.]+$/, '').replace(WEEKDAY, '').replace(TIME, ''));
  if (one) return [one.date];
  const parts = value.split(/\s*[,;]\s*|\s+and\s+/i).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0 || parts.length > 12) return null;
  const out: string[] = [];
  for (const p of parts) {
    const d = parseDateText(p.replace(/[.]+$/, ''));
    if (!d) return null;
    out.push(d.date);
  }
  return out;
}

/**
 * A memo's form words alone on a line (`MEMORANDUM FOR THE RECORD`, `INFORMATION MEMO`): like a rule
 * line, nothing in them to withhold (withheld as unmarked text of a classified memo, they were B1).
 */
const FORM_WORDS = /^(?:MEMORANDUM(?:\s+FOR\s+(?:THE\s+)?RECORD)?|(?:INFO(?:RMATION)?|ACTION|DECISION)\s+MEMO(?:RANDUM)?|Memorandum(?:\s+for\s+(?:the\s+)?Record)?)[ \t]*$/;
/**
 * A letter's closing (`Sincerely,`) and the words that introduce a memo's attachments without
 * naming them (`Attachments:`, `2 Enclosures`, `As stated`): form words too. The attachments'
 * titles under them stay text, to be marked. A label such as `TAB A` / `Enclosure 1` alone on a
 * line is not: it may be the wrapped last line of a marked paragraph (`(S) … is in` / `TAB Q`),
 * kept as written it released words of a SECRET sentence silently (probe 67d); it stays text.
 */
const ATTACHMENT_WORDS = /^(?:(?:\d+\s+)?(?:Attachments?|ATTACHMENTS?|Enclosures?|ENCLOSURES?|Tabs?|TABS?)(?:\s*\(\d+\))?\s*:?|As\s+stated\.?|AS\s+STATED\.?)$/;
/**
 * A transmittal's marking instruction (32 CFR 2001.24(b)): `Unclassified When Classified Enclosure
 * Removed`, `Upon Removal of Attachments, This Document is UNCLASSIFIED`, `UNCLASSIFIED WHEN
 * SEPARATED FROM ATTACHMENT`, `SECRET//NOFORN when attachment 2 is removed`. It says how to mark
 * the memo without what it carries; nothing in it to withhold.
 */
const CARRIED = String.raw`(?:THE\s+)?(?:CLASSIFIED\s+)?(?:ATTACHMENTS?|ENCLOSURES?|TABS?)(?:\s+\d+(?:\s*(?:,|AND)\s*\d+)*)?`;
const LEVEL_WORDS = String.raw`(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP\s+SECRET)(?:\/\/[A-Z /,-]+)?`;
const TRANSMITTAL_INSTRUCTION = new RegExp(
  String.raw`^(?:${LEVEL_WORDS}\s+(?:(?:WHEN\s+(?:SEPARATED|DETACHED|REMOVED)\s+FROM|UPON\s+(?:REMOVAL|SEPARATION)\s+(?:OF|FROM))\s+${CARRIED}|WHEN\s+${CARRIED}\s+(?:(?:IS|ARE)\s+)?(?:REMOVED|DETACHED))|UPON\s+REMOVAL\s+OF\s+${CARRIED},?\s+THIS\s+(?:DOCUMENT|MEMORANDUM|MEMO|LETTER|PAGE)\s+IS\s+${LEVEL_WORDS})\.?$`,
  'i',
);

/** An office symbol alone on its line. */
const OFFICE_SYMBOL = new RegExp(`^${SYMBOL}$`);

/**
 * An Army memo's office symbol alone on its line, where a PDF's text puts it when the date sat at
 * the right margin of the same line (`15 March 2019` / `AEIN-ZA` / `MEMORANDUM FOR …`): between
 * the memo's date line and its first header or subject line, blank lines aside. Elsewhere such a
 * word (`F-16`, `MQ-9`) is text. Indices of such lines, given the roles found so far.
 */
export function officeSymbolLines(lines: readonly DocLine[], roles: readonly LineRole[]): number[] {
  const out: number[] = [];
  const step = (i: number, by: 1 | -1) => {
    let k = i + by;
    while (k >= 0 && k < lines.length && roles[k] === 'blank') k += by;
    return k >= 0 && k < lines.length ? roles[k] : undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== 'content' || !OFFICE_SYMBOL.test(lines[i]!.text)) continue;
    const above = step(i, -1);
    const below = step(i, 1);
    if (above === 'date' && (below === 'header' || below === 'subject')) out.push(i);
  }
  return out;
}

/**
 * A letter, a digit, or a letter drawn enclosed, circled or parenthesized or as a regional
 * indicator (`🆂`, `Ⓢ`, `⒮`, `🇸`): a line without one is a rule. A banner `🆂🅴🅲🆁🅴🆃` (fix65a) or
 * `ⓈⒺⒸⓇⒺⓉ` (probe 65e F2) read as a rule said nothing, and the unmarked text under it was released
 * under an UNCLASSIFIED banner.
 */
const WORDLIKE = /[\p{L}\p{N}\u249C-\u24E9\u{1F130}-\u{1F189}\u{1F1E6}-\u{1F1FF}]/u;

/** The role of a line that is not a banner or authority line, and its dates for a date line. */
export function lineRole(line: DocLine): { role: LineRole; dates?: string[]; bare?: true } {
  if (line.blank) return { role: 'blank' };
  if (!WORDLIKE.test(line.text)) return { role: 'rule' };
  const { text } = undecorated(line.text);
  const plain = text.replace(/[*_]+/g, '').trim();
  if (FORM_WORDS.test(plain) || ATTACHMENT_WORDS.test(plain) || CLOSING.test(plain) || TRANSMITTAL_INSTRUCTION.test(plain) || FIXED_SEPARATOR.test(plain)) return { role: 'rule' };
  const date = DATE.exec(text.replace(/[*_]+(?=\s*:)|(?<=:)\s*[*_]+/g, ''));
  if (date) {
    const dates = datesOf(date[1]!);
    if (dates) return { role: 'date', dates };
  }
  // A letter's or DoD memo's date, alone on its line (`June 3, 2015`, `3 June 2015`, right-aligned):
  // with the day and the month in words, so that a number or `January 2004` alone stays text. Where
  // it may stand is the caller's to check (readRoles, in index.ts).
  if (MONTH_WORD.test(text) && /\b\d{1,2}\b/.test(text)) {
    const alone = datesOf(text.trim());
    if (alone && alone.length === 1) return { role: 'date', dates: alone, bare: true };
    // An Army memo's office symbol with the date at the right margin (AR 25-50: `AEIN-ZA      15
    // March 2019`): the same date line, its symbol the office's, as the letterhead above it is.
    const symbol = OFFICE_SYMBOL_DATE.exec(text);
    const dated = symbol ? datesOf(symbol[1]!) : null;
    if (dated && dated.length === 1) return { role: 'date', dates: dated, bare: true };
  }
  if (HEADER.test(text.replace(/[*_]+(?=\s*:)/, '')) || MEMORANDUM_FOR.test(text)) return { role: 'header' };
  if (SUBJECT.test(text.replace(/[*_]+(?=\s*:)/, ''))) return { role: 'subject' };
  return { role: 'content' };
}
