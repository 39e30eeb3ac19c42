/**
 * Line-level recognisers for the parts of a cable. Each takes the content of one line (leading and
 * trailing blanks already trimmed, see `Line.text`) and answers with offsets relative to it.
 *
 * Performance: every expression here is anchored and free of nested quantifiers over the same
 * characters, so it runs in time linear in the line; expressions with a possibly ambiguous split
 * are only applied to short lines.
 */
import { cableYear, isoDate, MONTH_NUMBERS } from '../dates.js';
import { HANDLING_REQUEST_WORDS } from '../markings/index.js';
import { governingOrder } from '../declass/orders.js';

const DTG = /(?<![0-9])(\d{2})(\d{2})(\d{2})Z\s{1,3}(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s{1,3}(\d{2}(?:\d{2})?)(?![0-9])/i;

/** A date-time group such as `131627Z FEB 08` inside `text`. */
export function findDtg(text: string): { index: number; raw: string; date: string; year: number } | null {
  const m = DTG.exec(text);
  if (!m) return null;
  const year = cableYear(m[5]!);
  const date = isoDate(year, MONTH_NUMBERS[m[4]!.toUpperCase()]!, Number(m[1]));
  if (!date) return null;
  return { index: m.index, raw: m[0], date, year };
}

/**
 * A note's number as set before its text or as its reference: 1 to 3 digits, or a lower-case roman
 * numeral i to xx (LibreOffice numbers endnotes so: `i(S) …`, `sentenceⁱⁱ`; probe 65c F3, F5).
 * For `new RegExp`: a group.
 */
export const NOTE_NUMBER = '(?:\\d{1,3}|(?=[ivx])(?:xx|x?(?:ix|iv|v?i{0,3})))';

/**
 * Bullet glyphs a list item may open with before its mark, beyond `-`, `*` and `•`: the shapes
 * word processors use, and the private-use codes Symbol and Wingdings bullets become when a
 * document is saved as text (U+F0A7, U+F0B7, U+F0D8). A letter `o` or a `§` with blanks and a
 * mark after it is a bullet too (Word's second-level bullet, and a Wingdings square shown in the
 * wrong font, saved as text). For `new RegExp`: a class body.
 */
export const BULLET_GLYPHS = '•·▪◦‣●○■□◆◇❖➢➤►▶✓✔\\uF0A7\\uF0B7\\uF0D8';

/** The precedence line of the routing header: `O 131627Z FEB 08`, `O P 220852Z JUN 08`. */
export const PRECEDENCE_LINE = /^([OPRZ](?: ?[OPRZ])?)\s+\d{6}Z\s/;

/** Routing and transmission lines that are never content. */
const ROUTING_LINE =
  /^(?:(?:R[A-Z]{3,7}\s+){1,}R[A-Z]{3,7}$|VZCZC|ZZ[A-Z]|ZN[YR]\s|DE\s+[A-Z]{4,}|FM\s|TO\s|INFO\s|XMT\s|CC\s|BT$|NNNN$|ORIGIN\s|ACTION\s|[OPRZ]{1,2}(?: [OPRZ])?\s+(?:RUE|RH|RUC|RUL|RUF|RUM|RUZ)[A-Z]*|#\d+|R[A-Z]{4,}\/|\/\d+[A-Z]?$|[A-Z]{2,}-\d{2}\s)/;

/** True for a line of the routing header (transmission prosigns, FM/TO/INFO, address lines with routing indicators). */
export function isRoutingLine(text: string): boolean {
  return ROUTING_LINE.test(text) || PRECEDENCE_LINE.test(text);
}

/** WikiLeaks' notice on partial extracts. */
export const EXTRACT_NOTICE = /^["',\s]*This record is a partial extract of the original cable/i;

/** A row of WikiLeaks' cables.csv leaked into the text: `12055,11/12/2003 16:26,03THEHAGUE2835,"Embassy …",SECRET//NOFORN,…`. */
export const CSV_ROW = /^(\d+),(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}),(\d{2}[A-Z]+\d+),(?:"([^"]*)",([^,]*),)?/;

/** Lines of only quotes and commas: the seams of a leaked CSV row. */
export const CSV_SEAM = /^["',]+$/;

// ---------------------------------------------------------------------------------------------
// Banner

/** Classification words at the start of a banner, spaced or not. */
const BANNER_WORDS =
  /^(?:S(?: ?S)? ?E C R E T|C(?: ?C)? ?O N F I D E N T I A L|T O P S E C R E T|U(?: ?U)? ?N C L A S(?: S I F I E D)?|L I M I T E D O F F I C I A L U S E|TOP SECRET|S?SECRET|C?CONFIDENTIAL|UNCLASSIFIED|U?UNCLAS|LIMITED OFFICIAL USE)(?![A-Za-z])/;

/** Caveat and control words that may follow the classification words on a banner line. */
const BANNER_CONTROL =
  /^(?:\s*\/\/?\s*|\s*,\s*|\s+-\s+|\s+)(?:NOFORN|NF|SBU|FOUO|FOR OFFICIAL USE ONLY|E F T O|EFTO|SENSITIVE BUT UNCLASSIFIED|SENSITIVE|LIMDIS|EXDIS|NODIS|ORCON|PROPIN|FGI|MR|RELIDO|REL TO(?: USA)?|REL)(?![A-Za-z])/;

// A digit may start it: a declassification instruction ending the banner (`SECRET//NOFORN//20320108
// BERLIN 000999`), read with the banner (the marking grammar keeps it as the banner's instruction);
// not taken, the cable had no banner and its 2032 was not read.
const BANNER_SLASH_WORD = /^\s*\/\/?\s*[A-Z0-9][A-Z0-9-]*(?![a-z])/;

/** A REL TO list after a banner control: `, GBR` or ` NATO`. */
const BANNER_REL_ITEM = /^(?:\s*,\s*|\s+)(?:USA|[A-Z]{3,4})(?![A-Za-z])/;

const SECTION = /^\s*SECTION\s+(\d{1,3})\s+(?:OF|of|GF)\s+(\d{1,3})/;
const POST_NUMBER = /^\s+([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,4})\s+(\d{2,7})(?![0-9])/;

/**
 * True when what follows the classification words of banner match `b` on line `text` is only
 * captions (`S E C R E T  NODIS  CHEROKEE`, `C O N F I D E N T I A L STADIS`, `S E C R E T ROGER
 * CHANNEL`: cables before 1972 wrote no post and number there). Not taken for a banner, such a
 * cable with no E.O. line and no marks was refused as "not a marked document (no banner …)".
 */
export function captionsOnlyAfter(b: BannerMatch, text: string): boolean {
  return /^(?:\s+(?:NODIS|EXDIS|LIMDIS|STADIS|CHEROKEE|ROGER CHANNEL|EYES ONLY|ZFF\d?|SPECAT))+\s*$/.test(text.slice(b.wordsEnd));
}

/** What {@link matchBanner} found on a line; offsets are relative to the line text. */
export interface BannerMatch {
  /** Start and end of the classification words (with any controls written on the line). */
  readonly wordsStart: number;
  readonly wordsEnd: number;
  readonly section: { readonly start: number; readonly end: number } | null;
  /** Post as written (`BERLIN`, `SAN JOSE`), when a post and number follow. */
  readonly post: string | null;
  readonly number: string | null;
  /** Offset just past what was understood (`text.length` when the whole line was). */
  readonly end: number;
}

/**
 * Reads a banner line: optional stray quotes/commas (CSV seams), classification words, controls,
 * `SECTION nn OF nn`, post and number. Returns null when the line does not start with
 * classification words followed by a word boundary.
 */
export function matchBanner(text: string): BannerMatch | null {
  // Letter-spaced banners are sometimes in lower case (`S e c r e t section 01 of 02 nairobi`).
  if (/^[",' ]*[A-Za-z] [a-z] [a-z] /.test(text) && /^[\x20-\x7e]*$/.test(text)) text = text.toUpperCase();
  let i = 0;
  while (i < text.length && (text[i] === '"' || text[i] === ',' || text[i] === ' ' || text[i] === "'" || text[i] === '.')) i++;
  const head = BANNER_WORDS.exec(text.slice(i));
  if (!head) return null;
  const wordsStart = i;
  let wordsEnd = i + head[0].length;
  let rest = text.slice(wordsEnd);
  for (let guard = 0; guard < 12; guard++) {
    // A known control, or any word after a slash (an unknown control is still banner text: it
    // makes the banner not understood rather than ending it).
    const c = BANNER_CONTROL.exec(rest) ?? BANNER_SLASH_WORD.exec(rest);
    if (!c) break;
    wordsEnd += c[0].length;
    rest = rest.slice(c[0].length);
    if (/REL(?: TO(?: USA)?)?$/.test(c[0])) {
      for (let g = 0; g < 20; g++) {
        const r = BANNER_REL_ITEM.exec(rest);
        // A REL TO list never runs into `SECTION` or a post followed by a number.
        if (!r || /^\s+SECTION\b/.test(rest) || POST_NUMBER.test(rest)) break;
        wordsEnd += r[0].length;
        rest = rest.slice(r[0].length);
      }
    }
  }
  let end = wordsEnd;
  let section: BannerMatch['section'] = null;
  const s = SECTION.exec(rest);
  if (s) {
    const lead = s[0].length - s[0].trimStart().length;
    section = { start: end + lead, end: end + s[0].length };
    end += s[0].length;
    rest = rest.slice(s[0].length);
  }
  let post: string | null = null;
  let number: string | null = null;
  const p = POST_NUMBER.exec(rest);
  if (p) {
    post = p[1]!;
    number = p[2]!;
    end += p[0].length;
  }
  return { wordsStart, wordsEnd, section, post, number, end };
}

/** A line that is nothing but classification words (a page header or footer inside the body). */
export function isBareClassificationLine(text: string): boolean {
  if (text.length > 60) return false;
  const b = matchBanner(text);
  return b !== null && b.section === null && b.post === null && b.wordsEnd === text.length && b.wordsStart === 0;
}

/**
 * A section's classification line inside the body (`SECRET SECTION 02 OF 02 REYKJAVIK 000999`,
 * `C O N F I D E N T I A L SECTION 03 OF 04 STATE 000123`): the banner of a later section, whose
 * level says what the text under it is. Read as text, a SECRET section's line under an UNCLAS
 * banner was released with the unmarked text after it.
 */
export function isSectionClassificationLine(text: string): boolean {
  if (text.length > 100) return false;
  const b = matchBanner(text);
  return b !== null && b.section !== null && b.wordsStart === 0 && b.end >= text.length && !text.includes("\t");
}

// ---------------------------------------------------------------------------------------------
// Caveats and boilerplate under the banner

/**
 * The words of a caveat line. Also State's SBU and LES captions written otherwise (`LAW ENFORCEMENT
 * SENSITIVE`, `LES`, `S E N S I T I V E`), a misspelt `SENSITIVE` (`SENSITVE`) and `PROTECT` alone:
 * read as pass lines, they were released with the cable's text in full; as caveat lines they are
 * read (../markings/caveat.ts), or reported and taken for SBU (./banner.ts).
 */
const CAVEAT_TOKEN = new RegExp(
  String.raw`^(NOFORN|SENSITIVE|SIPDIS|SBU|FOUO|FOR OFFICIAL USE ONLY|NODIS|EXDIS|LIMDIS|STADIS|CHEROKEE|ROGER CHANNEL|ORCON|PROPIN|BUT UNCLASSIFIED|E F T O|EFTO|NOT FOR INTERNET(?: DISTRIBUTION)?|LAW ENFORCEMENT SENSITIVE|LES|S E N S I T I V E|SENS[A-Z]{3,6}|PROTECT|${HANDLING_REQUEST_WORDS})(?![A-Za-z])[\s,/.;:–—-]*`,
);

/**
 * A line made only of caveat words (`NOFORN`, `SENSITIVE`, `SENSITIVE, SIPDIS`, State's SBU
 * statement `SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY` or `… - PLEASE PROTECT
 * ACCORDINGLY.`: the request is read with the words before it, ../markings/caveat.ts). Returns the
 * offsets of the first and last non-SIPDIS words, `{start: -1, end: -1}` when the line holds only
 * SIPDIS, or null when it is not a caveat line.
 */
export function matchCaveatLine(text: string): { start: number; end: number } | null {
  if (text.length > 80) return null;
  if (/^[\x20-\x7e]*$/.test(text)) text = text.toUpperCase();
  let i = 0;
  let start = -1;
  let end = -1;
  for (let guard = 0; guard < 16 && i < text.length; guard++) {
    const m = CAVEAT_TOKEN.exec(text.slice(i));
    if (!m) return null;
    const word = m[1]!;
    if (word !== 'SIPDIS') {
      if (start < 0) start = i;
      end = i + word.length;
    }
    i += m[0].length;
  }
  if (i < text.length) return null;
  return { start, end };
}

/** A distribution caption word, letter-spaced too (`N O D I S`), in capitals as cables write it. */
const DISTRIBUTION_CAPTION = /(?<![A-Z])(?:N ?O ?D ?I ?S|E ?X ?D ?I ?S|L ?I ?M ?D ?I ?S|S ?T ?A ?D ?I ?S)(?![A-Z])/;

/**
 * A short line of the caption area that holds a distribution caption among other words (`EXDIS
 * EYES ONLY`, `LIMDIS FOR AMBASSADOR`, `EXDIS - DISTRIBUTE AS NODIS`, `N O D I S`): the whole line
 * is a caveat line, its caption read (../markings/caveat.ts) and its other words reported. Taken
 * for a pass line, it was released and the telegram's paragraphs went to NATO and FVEY readers.
 * Same offsets as {@link matchCaveatLine}.
 */
export function matchCaptionLine(text: string): { start: number; end: number } | null {
  if (text.length > 80 || !DISTRIBUTION_CAPTION.test(text)) return null;
  return { start: text.search(/\S/), end: text.trimEnd().length };
}

/** `E.O. 12958: DECL: 02/13/2018` and its variants (`E.0.`, `E.N.`, `EO 12958`, `E.O.12356:`, `E.O.  12958:` with two spaces, `E.O 12958:` without its second dot). */
const EO_LINE = /^["\s]*(?:E\.\s?[ON0](?:\.[ \t]*(\d{4,5})?|\s+(\d{4,5})(?![0-9]))|EO\s+(\d{5})(?![0-9]))\s*[:;]?\s*/i;
const DECL_KEYWORD = /^(?:DECL[A-Za-z]*(?:\s+ON)?\s*(?:[:;]\s*|\s+(?=\d))|DECLASSIFY(?:\s+ON)?\s*[:;]?\s*)/i;

/** Reads an E.O. line: the order as written and where the DECL value starts (relative offsets). */
export function matchEoLine(text: string): { order: string | null; declStart: number } | null {
  const m = EO_LINE.exec(text);
  if (!m) return null;
  let declStart = m[0].length;
  const k = DECL_KEYWORD.exec(text.slice(declStart));
  if (k) declStart += k[0].length;
  return { order: m[1] ?? m[2] ?? m[3] ?? null, declStart };
}

export const TAGS_LINE = /^TAGS?\s*:?\s+(?=\S)|^TAGS\s*:\s*/i;
export const SUBJECT_LINE = /^(?:SUBJECT|SUBJ)\s*:\s*/i;
export const REF_LINE = /^(?:REFS?|REFTELS?|REFERENCES?|REF\(S\))\s*[:.]\s*|^(?:REFS?|REFTELS?)\s+(?=[A-Z]\.|\(?[A-Z]\)|[A-Z]{3,} \d)/i;
/** `Classified By:` with an optional `(U)` mark before it. */
export const CLASSIFIED_BY_LINE = /^(?:\([Uu]\)\s*)?CLASSIFIED\s+BY\b/i;
/** Lines of a second classification authority block (`Declassify on:`, `Derived from:`, `Reason:`). */
export const CAB_LINE = /^(?:DECLASSIFY ON|DERIVED FROM|DECL ON|REASONS?)\s*:/i;

/** `CONFIDENTIAL - ENTIRE TEXT`, `(S-ENTIRE TEXT)`, `The entire text of this report is SBU`. */
export const ENTIRE_TEXT = /ENTIRE\s+TEXT/i;

/** A short line of dashes, equals signs or underscores (the underline of a heading). */
export const UNDERLINE = /^[-=_*~ ]{3,}$/;

/** End-of-message and publication markers after the signature (`BT` / `#0001` / `NNNN`: the break, the message's number and its end). */
export const TRAILER_LINE = /^(?:NNNN|BT|#\d{1,6}|End Cable Text|["'.#>]+|\(?END OF (?:MESSAGE|TEXT)\)?|=+\s*CABLE ENDS\s*=+)$/i;

/**
 * `Visit Canada's Classified Web Site at`, `Please visit Paris' Classified Website at:`: the post's
 * website notice at the end of a cable, with its address on the next line. A portion of its own.
 */
export const WEBSITE_LINE = /^(?:Please\s+)?visit\b.{0,60}\bclassified\s+web\s?site\b/i;

/** `//BILATERAL RELATIONS//`: a heading written between double slashes. */
export const SLASH_HEADING = /^\/\/[^/\s].{0,100}\/\/$/;

/** A line that holds a web address (the second line of a website notice). */
export const URL_IN_LINE = /\bhttps?:\/\/|\bwww\./i;

// ---------------------------------------------------------------------------------------------
// Page furniture

const CONTINUATION_HEADER =
  /^(?:[A-Z][A-Z.'()/-]*(?: [A-Z.'()/-]+){0,4} +)?(?:\d{3,8}|X{4,}) +\d{3}(?:\.\d{1,2})? +OF +\d{3}$/;
const PAGE_HEADER =
  /^(?:(?:[A-Z] ){2,}[A-Z] +|(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)(?:\/\/[A-Z]+)? +)?(?:INFO +)?PAGE +\d{2,3}(?![0-9])/;
/** WikiLeaks' truncation of a continuation header in partial extracts: `ROME 00001...`. */
const TRUNCATED_CONTINUATION = /^[A-Z][A-Z ]{1,30} 0{2,}\d*\.{2,}$/;

/**
 * Page furniture: the continuation header repeated on every page after the first
 * (`MONTERREY 00000130  002 OF 002`), the teletype page header (`PAGE 02 VATICA 01261 061419Z`,
 * `SECRET PAGE 02 ROME 03067 211833Z`). Bare classification lines are furniture only inside the
 * body; the caller decides that.
 */
export function isFurnitureLine(text: string): boolean {
  if (text.length > 100) return false;
  if (CONTINUATION_HEADER.test(text) || TRUNCATED_CONTINUATION.test(text)) return true;
  // `PAGE 02` alone could start a sentence: require a teletype tail (a DTG, a routing id, spaced letters).
  return PAGE_HEADER.test(text) && (/\d{6}Z$/.test(text) || /\bR[A-Z]{4,}\d/.test(text) || /(?:[A-Z] ){3,}[A-Z]/.test(text));
}

/** Continuation headers inside a long re-flowed line (`…allowed to STOCKHOLM 00000720 002 OF 002 follow…`). */
export const INLINE_CONTINUATION = /(?<=\s)[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3} +(?:\d{5,8}|X{4,}) +\d{3}(?:\.\d{1,2})? +OF +\d{3}(?=\s|$)/g;

// ---------------------------------------------------------------------------------------------
// Classified By reasons

// `1.4`, also broken over a line before or after its dot (`REASONS 1 ⏎ .4 (B AND D)`).
const SECTION_TOKEN = /(?<![0-9.])1[ \t]*\n?[ \t]*\.[ \t]*\n?[ \t]*([4-6])(?![0-9])\.?/g;
// A backslash is a separator too: some cables end their lines with one (`reasons 1.4 \\ ⏎ (b) and (d) \\`).
// `through` and `thru` join a range as a dash does (`1.4 (B) THROUGH (D)`).
// The `E` of `E.O.` (`Reason: 1.4(d), E.O. 13526`) is no letter: it was cited as 1.4(e).
// `+` joins letters as `and` does (`1.4 (b+d)`, `1.4 (b)+(e)`: the list stopped at it).
const REASON_TOKEN = /^\s*(?:\(\s*([a-hA-H])\s*\)|([a-hA-H])(?![A-Za-z0-9])(?!\.[ \t]?O(?![A-Za-z]))|((?:and|or|through|thru)(?![A-Za-z])|[&+,/\-–)(;\\]))/i;

/** The section repeated after a range token (`1.4(B)-1.4(D)`): the range read b and d only. */
const RANGE_SECTION = /^\s*1[ \t]*\.[ \t]*([4-6])(?![0-9])(?=\s*\(?\s*[a-hA-H](?![A-Za-z0-9]))/;

/** A token that makes a range of the letters either side of it (`b-d`, `(B) THROUGH (D)`). */
const RANGE_TOKEN = /^(?:[-–]|through|thru)$/i;

/**
 * The letters of a list that starts at `from` in `text`, a range read as every letter in it
 * (`b-d`, `(b)-(d)`, `(B) THROUGH (D)` → b, c, d: the range read b and d only), and the index
 * after the list.
 */
function readReasonLetters(text: string, from: number, maxTokens: number, section?: string): { letters: string[]; end: number } {
  const letters: string[] = [];
  let i = from;
  let pendingRange: string | null = null;
  let last: string | null = null;
  for (let guard = 0; guard < maxTokens; guard++) {
    if (pendingRange && section) {
      const again = RANGE_SECTION.exec(text.slice(i, i + 24));
      if (again && again[1] === section) i += again[0].length;
    }
    const t = REASON_TOKEN.exec(text.slice(i, i + 24));
    if (!t || t[0].length === 0) break;
    i += t[0].length;
    const letter = (t[1] ?? t[2])?.toLowerCase();
    if (letter) {
      if (pendingRange) for (let c = pendingRange.charCodeAt(0) + 1; c < letter.charCodeAt(0); c++) letters.push(String.fromCharCode(c));
      letters.push(letter);
      last = letter;
      pendingRange = null;
    } else if (RANGE_TOKEN.test(t[3] ?? '')) {
      pendingRange = last;
    }
  }
  return { letters, end: i };
}

/**
 * Reasons cited in a `Classified By` text, normalised: `1.4 (B) AND (D)` → `['1.4(b)', '1.4(d)']`,
 * `REASON: 1.4(b), (d)`, `1.5, b/d`, `1.5(b)-(d)` and `1.4 (B) THROUGH (D)` (ranges). Sections 1.4
 * to 1.6 are read; other numbers (the E.O. number, dates) are ignored. Duplicates are dropped;
 * order is as written. Letters cited alone (`reasons b and d`) are categories of §1.4 here: the
 * order the document falls under decides their section ({@link bareReasonsUnder}).
 */
export function normaliseReasons(raw: string): string[] {
  const text = joinBrokenAnd(raw);
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (section: string, letter: string): void => {
    const r = `1.${section}(${letter.toLowerCase()})`;
    if (!seen.has(r)) {
      seen.add(r);
      out.push(r);
    }
  };
  SECTION_TOKEN.lastIndex = 0;
  for (let m = SECTION_TOKEN.exec(text); m; m = SECTION_TOKEN.exec(text)) {
    const section = m[1]!;
    const { letters, end } = readReasonLetters(text, m.index + m[0].length, 40, section);
    for (const letter of letters) add(section, letter);
    SECTION_TOKEN.lastIndex = Math.max(SECTION_TOKEN.lastIndex, end);
  }
  if (out.length === 0) for (const letter of bareReasonLetters(text)) add('4', letter);
  return out;
}

/**
 * `and` broken inside the word by a line end or a stray blank (`1.4 B A` / `ND D`, `(b) a` /
 * `nd (d)`, `(B) AN` / `D (D)`, `(b) an d (d)`): its first piece was read as the letter A, a
 * category the cable never gives, and the list stopped there, dropping D (probe 68c F1). Joined
 * only where a letter follows (`an d (d)`): `an d.` alone may end with the letter d.
 */
const BROKEN_AND = /(?<![A-Za-z0-9])(?:a[ \t]*\n?[ \t]*nd|an[ \t]*\n?[ \t]*d)(?=[ \t]*\n?[ \t]*\(?[ \t]*[a-h](?![A-Za-z0-9]))/gi;

/** The text with every broken `and` of a reason list joined (see {@link BROKEN_AND}). */
export function joinBrokenAnd(text: string): string {
  return text.replace(BROKEN_AND, 'and');
}

/**
 * `Rea` / `sons`, `a` / `nd` → `Reasons`, `and`: words broken over a line end, so reasons are not
 * read from their pieces. A lone letter that opens the next line is a reason letter, no word's tail
 * (`1.4 (b and` / `d)` was joined into `andd` and D was lost).
 */
export function joinBrokenWords(text: string): string {
  return text.replace(/([A-Za-z])[ \t]*\n[ \t]*([a-z])(?=[a-z])/g, '$1$2');
}

/**
 * `reasons` or `reason`, a colon maybe, then what may be a list of letters alone, also after a
 * section number mistyped (`REASONS 1 (B) AND (D)`, `reasons 14 (b) and (d).`, `Reasons 1/4 (B) and
 * (D).`, `reasons 1.b and d.`: 4 corpus cables cited B1 with no category). Only §1.4 (§1.5 before
 * 2003) gives categories letters, so the letters name them whatever the typo. `for` / `reasons`
 * over a line end comes here joined (`forreasons`, {@link joinBrokenWords}: 08BERLIN643).
 */
const BARE_REASONS = /(?:\b|(?<=\bfor))reasons?\b[ \t]*:?[ \t]*(?:1(?:[ \t]*[/.])?4?[ \t]*(?=\(?[ \t]*[a-hA-H](?![A-Za-z0-9])))?/gi;

/**
 * The categories a `Classified By` text cites by their letters alone, without `1.4`
 * (`for reasons b, d.`, `reasons b and d`, `Reasons: B/D`, `reason (d)`, `reasons b-d`): read as
 * none, the cable's B1 withholdings cited no category and lint said it gave no reasons. Only a
 * list of letters a to h that ends the field, its sentence or its clause (`.`, `;`, the end) is
 * read; a word after it (`reasons a lot`, `reason E.O. 12958`) reads nothing.
 */
function bareReasonLetters(text: string): string[] {
  for (const m of text.matchAll(BARE_REASONS)) {
    const { letters, end } = readReasonLetters(text, m.index + m[0].length, 20);
    if (letters.length > 0 && /^[ \t]*(?:[.;](?!\S)|$)/.test(text.slice(end))) return letters;
  }
  return [];
}

/**
 * The reasons of a `Classified By` text (`text`, read by {@link normaliseReasons} into `reasons`)
 * under the order a document of `originated` (ISO, or null) fell under. Letters cited alone name
 * no section: in a document of 14 October 1995 to 24 March 2003 (E.O. 12958 before its
 * amendment) they are §1.5 categories, and `reasons b and d` cites 1.5(b) and 1.5(d), not 1.4(b)
 * and 1.4(d), the numbering the 2003 amendment gave them (the record cited it as if the cable had).
 * In a document of before 14 October 1995 (E.O. 12356, whose categories are numbered
 * §1.3(a)(1)–(10), and earlier orders) no section is claimed: they are cited as written, `reason (b)`
 * (they were cited 1.4(b), a numbering those orders never had; probe 61c F12), and
 * {@link isPreLetteredOrder} says so. Otherwise, and when the date is not known, they stay §1.4
 * (the order in force since 2003). Reasons written with their section are kept as written.
 */
export function bareReasonsUnder(text: string, reasons: readonly string[], originated: string | null): readonly string[] {
  if (isPreLetteredOrder(originated)) {
    SECTION_TOKEN.lastIndex = 0;
    if (SECTION_TOKEN.test(text)) return reasons;
    return reasons.map((r) => r.replace(/^1\.4\(/, 'reason ('));
  }
  if (governingOrder(originated) !== 'E.O. 12958') return reasons;
  SECTION_TOKEN.lastIndex = 0;
  if (SECTION_TOKEN.test(text)) return reasons;
  return reasons.map((r) => r.replace(/^1\.4\(/, '1.5('));
}

/** True for a document of before 14 October 1995: the orders then in force did not letter their categories. */
export function isPreLetteredOrder(originated: string | null): boolean {
  return originated !== null && originated < '1995-10-14';
}
