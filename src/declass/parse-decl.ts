/**
 * Reads a declassification instruction (the value of a cable's E.O. line, or of a
 * `Declassify On:` line) into a {@link DeclValue}. Pure and total: every input gives a value, and
 * what cannot be read is kind `unrecognised` (never an exception).
 */
import type { DeclKind, DeclValue } from '../types.js';
import { parseDateText } from './parse-date.js';

/**
 * Parses a declassification instruction.
 *
 * `raw` is the text after the order number and its colon, exactly as written
 * (`DECL: 02/13/2018`, `N/A`, `DECL: X1, X5`, `DNG: CO 03/06/2018`), or the value of a
 * `Declassify On:` line (`20351010`, `25X1, 20501001`); `null` means the cable has no E.O. line
 * (kind `none`). The whole line is accepted too (`E.O. 12958: DECL: 02/13/2018`, `EO 12958 DECL:`,
 * `E.o. 12958: decl:`, `E.O.1295: NA`): the order label is dropped, because the governing order
 * follows the origination date, not the label.
 *
 * Tolerated around the value: `DECLl:`, `DECL: DECL:`, `DECL ON:`, `Declassify on`, any case,
 * extra spaces, a trailing `\` (leaked database rows), a trailing `TAGS: …` (headers collapsed
 * onto one line), trailing punctuation.
 *
 * Kinds, in the order they are tried:
 * - `none`: null; an E.O. line with no instruction (`""`, `DECL:`); a template placeholder such as
 *   `(##)`; or a value cut off in a partial extract (`DE...`, `DECL: 08...`), which also sets
 *   `truncated`;
 * - `not-applicable`: `N/A`, `NA`, `NOT APPLICABLE`;
 * - `source-list`: `N/A to RD/FRD/TFNI portions. See source list for NSI portions.`, `N/A to NATO
 *   portions. See source list for NSI portions.` (32 CFR 2001.24(h)(3)); `codes` names the portions
 *   the instruction does not apply to (`RD`, `FRD`, `TFNI`, `NATO`);
 * - `date` with code `DECLASSIFIED`: a declassification marking, `DECLASSIFIED BY NARA 09/02/2009`;
 * - `downgrade`: `DNG: CO 03/06/2018` (a downgrade, not a declassification);
 * - `date`: see {@link parseDateText} for the formats; two-digit years pivot at 69;
 * - `exemption` / `oadr` / `manual-review` / `gds` / `agency-only`: a list of codes with at most one
 *   date, e.g. `X1, X5`, `1.6X1`, `(X1)`, `25X1`, `25X6, 20501001`, `25X1-HUMAN` (→ `50X1-HUM`),
 *   `50X1-HUM`, `50X2-WMD`, `75X2, 20851231`, `OADR`, `MR`, `GDS`, `XGDS-2`, `DCI ONLY`; E.O. 12065
 *   forms `GDS 12/31/84`, `RDS-2 06/01/1998`, `XDS-1 …` (with a trailing classifier name in
 *   parentheses); a derivative `Source marked OADR, Date of source: …`;
 * - `duration`: `TEN YEARS`, `20 YEARS`, `TEN (10) YEARS FROM DATE OF ORIGIN`; `date` stays null
 *   until it is resolved against the origination date by the assessment;
 * - `event`: words naming an event (`AFTER`, `UPON`, `UNTIL`, `CLOSURE`, …), e.g.
 *   `TEN YEARS AFTER KOREAN UNIFICATION`, `1.6 FIVE YEARS AFTER CLOSURE OF ICTY`;
 * - `unrecognised`: anything else, including impossible dates (`13/45/2010`).
 */
export function parseDecl(raw: string | null): DeclValue {
  if (raw === null) return value(null, 'none', { notes: ['no E.O. line'] });
  const notes: string[] = [];
  let s = raw
    // A Markdown hard break (` \`) at the end of the value or of one of its lines (`20210315 \` /
    // `or upon completion …`, read as one value) is no part of it.
    .replace(/\\[ \t]*(?=\r?\n|$)/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .trim();

  // The whole line, when given: drop the order label (`E.O. 12958:`, `EO 12958`, `E.0. 12958`).
  const label = /^(?:E\s?\.?\s?[O0]\s?\.?|EO)\s*\d{4,5}\b\s*[:.,;]?\s*/i.exec(s);
  if (label) s = s.slice(label[0].length);
  // A header collapsed onto one line carries the TAGS line after the value.
  s = s.replace(/\s+TAGS?\s*:.*$/i, '').replace(/\s+TA\.\.\.$/i, '');

  if (/(\.\.\.|\u2026)$/.test(s)) {
    return value(raw, 'none', {
      truncated: true,
      notes: ['cut off in the source (partial extract): the instruction cannot be read'],
    });
  }

  // `DECL:`, `DECLl:` (typo), `DECL: DECL:` (doubled), `DECL ON:`, `DECLASSIFY ON`, `DCL:`.
  let prefixes = 0;
  for (;;) {
    const p = /^(DECL(?:L|ASSIFY)?|DCL)(?:\s+ON)?(?=[\s:\d(]|$)\s*:?\s*/i.exec(s);
    if (!p) break;
    if (/^DECLL$/i.test(p[1]!)) notes.push(`typo "${p[1]}" read as DECL`);
    s = s.slice(p[0].length);
    prefixes++;
  }
  if (prefixes > 1) notes.push('repeated "DECL:" read once');
  s = s.replace(/[\s.,;:]+$/, '').trim();
  const u = s.toUpperCase();

  if (u === '') return value(raw, 'none', { notes: ['the E.O. line gives no instruction'] });
  if (/^(N\s?\/\s?A|N\.A|NA|NOT APPLICABLE)$/.test(u)) return value(raw, 'not-applicable', { notes });
  const notTo = NOT_APPLICABLE_TO.exec(u);
  if (notTo) {
    const codes = [...new Set(notTo[1]!.split(/\s*(?:\/|,|\bAND\b|\bOR\b)\s*/).filter(Boolean))];
    const list = /\bSOURCE LIST\b/.test(notTo[2]!);
    notes.push(`not applicable to the ${codes.join('/')} portions; ${list ? "the other portions' dates are in a source list, which the tool does not read" : 'no instruction given for the other portions'}`);
    return value(raw, 'source-list', { codes, notes });
  }
  if (/^[([]?\s*(#+|X{2,}|[#X]{1,2}\/[#X]{1,2}\/[#X]{2,4}|MM\/DD\/YY(YY)?)\s*[)\]]?$/.test(u)) {
    notes.push(`template placeholder "${s}" is not an instruction`);
    return value(raw, 'none', { notes });
  }

  // A declassification marking (32 CFR 2001.25) typed into the E.O. line.
  if (/^DECLASSIFIED\b/.test(u)) {
    const when = tailDate(s);
    if (when) {
      notes.push(...when.notes);
      return value(raw, 'date', { date: when.date, codes: ['DECLASSIFIED'], notes });
    }
  }

  // A downgrade: `DNG: CO 03/06/2018`, `DOWNGRADE TO C ON 03/06/2018`.
  const m = /^(?:DNG|DOWNGRADE(?:\s+TO)?)\s*:?\s*(TS|TOP SECRET|SECRET|S|CONFIDENTIAL|CO|C|UNCLASSIFIED|UNCLAS|U)?\b\s*(?:ON\s+)?(.*)$/.exec(u);
  if (m) {
    const to = m[1] ? LEVEL_WORDS[m[1]] ?? m[1] : 'an unstated level';
    const when = m[2] ? parseDateText(m[2]) : null;
    if (m[2] && !when) return value(raw, 'unrecognised', { notes });
    notes.push(`downgrade to ${to}${when ? ` on ${when.date}` : ''}; not a declassification instruction`, ...(when?.notes ?? []));
    return value(raw, 'downgrade', { date: when?.date ?? null, codes: ['DNG'], notes });
  }

  const date = parseDateText(s);
  if (date) return value(raw, 'date', { date: date.date, notes: [...notes, ...date.notes] });

  const coded = parseCodes(s, notes);
  if (coded) return value(raw, coded.kind, { date: coded.date, codes: coded.codes, sourceDate: coded.sourceDate, notes });

  // A section citation before the words (`1.6 FIVE YEARS AFTER CLOSURE OF ICTY`): E.O. 12958 §1.6
  // is the duration section; it adds nothing to the instruction.
  const cited = /^(?:SEC(?:TION)?\.?\s*)?1\.[56]\s+(?=[A-Z])/i.exec(s);
  if (cited) {
    notes.push(`section citation "${cited[0].trim()}" dropped`);
    s = s.slice(cited[0].length);
  }
  const words = s.toUpperCase();

  const years = durationYears(words);
  if (years !== null) return value(raw, 'duration', { years, notes });

  if (/[A-Z]{3}/.test(words) && EVENT_WORDS.test(words)) return value(raw, 'event', { event: s, notes });

  return value(raw, 'unrecognised', { notes });
}

/** The portions an N/A form names. */
const NA_PORTIONS = '(?:RD|FRD|TFNI|NATO)';
/**
 * `N/A to RD/FRD/TFNI portions` or `N/A to NATO portions`, then (usually) `See source list for NSI
 * portions`: the two forms 32 CFR 2001.24(h)(3) and ISOO Notices 2011-02 and 2013-01 allow.
 */
const NOT_APPLICABLE_TO = new RegExp(`^(?:N\\s?\\/\\s?A|NOT APPLICABLE) TO (${NA_PORTIONS}(?:\\s*(?:\\/|,|\\bAND\\b|\\bOR\\b)\\s*${NA_PORTIONS})*) PORTIONS?\\b(.*)$`);

const LEVEL_WORDS: Readonly<Record<string, string>> = {
  TS: 'TOP SECRET', 'TOP SECRET': 'TOP SECRET', S: 'SECRET', SECRET: 'SECRET', C: 'CONFIDENTIAL',
  CO: 'CONFIDENTIAL', CONFIDENTIAL: 'CONFIDENTIAL', U: 'UNCLASSIFIED', UNCLAS: 'UNCLASSIFIED',
  UNCLASSIFIED: 'UNCLASSIFIED',
};

/** Words that make a phrase an event rather than noise. */
const EVENT_WORDS =
  /\b(AFTER|UPON|UNTIL|WHEN|FOLLOWING|COMPLETION|CLOSURE|CLOSING|CONCLUSION|END OF|ONCE|TERMINATION|PRIOR TO|BEFORE|DEPARTURE|ARRIVAL|SIGNING|SIGNATURE|RELEASE|ANNOUNCEMENT|ELECTIONS?|VISIT|MEETING|UNIFICATION|RATIFICATION)\b/;

/** Finds a date at the end of `text` (one to three words), e.g. in `DECLASSIFIED BY NARA 09/02/2009`. */
function tailDate(text: string) {
  const words = text.split(' ');
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const d = parseDateText(words.slice(-n).join(' '));
    if (d) return d;
  }
  return null;
}

interface Coded {
  readonly kind: DeclKind;
  readonly codes: readonly string[];
  readonly date: string | null;
  /** The date of source of a derivative `Source marked OADR, Date of source: …`, when it reads as a date. */
  readonly sourceDate?: string | null;
}

/**
 * Reads a list of exemption and prior-order codes with at most one date, or returns null when any
 * part is not one. Codes are normalised (`(X1)` → `X1`, `1.6X1` → `X1`, `25X1-HUMAN` → `50X1-HUM`).
 */
function parseCodes(text: string, notes: string[]): Coded | null {
  let u = text.toUpperCase();
  // Derivative form (CAPCO §E.6): `Source marked OADR, Date of source: 19941015`.
  const derived = /^SOURCE MARKED\s*:?\s*(.+?)(?:[,;]?\s*DATE OF SOURCE\s*:?\s*(.*))?$/.exec(u);
  let sourceDate: string | null = null;
  if (derived) {
    u = derived[1]!;
    // The prior-order marking's 25-year date counts from the source's date (CAPCO §E.6: the
    // derivative classifier computes it from the source); without one, from the document's own.
    const source = derived[2] ? parseDateText(derived[2].trim().replace(/[.]+$/, '')) : null;
    sourceDate = source?.date ?? null;
    notes.push(
      `derivative: source marked ${derived[1]!.trim()}${derived[2] ? `, date of source ${derived[2].trim()}` : ''}; ${
        sourceDate ? `the 25-year date counts from the source's date ${sourceDate}` : "dates are computed from the document's own origination date"
      }`,
    );
  }
  // E.O. 12065 schedules carry the classifier's name and office after the date: `GDS 12/31/84 (SMITH, J) OR-M`.
  u = u.replace(/(\d)\s*\([^)]*\)\s*(?:OR-[A-Z])?$/, '$1');
  u = u
    .replace(/\bEO\s*12951\b/g, 'EO12951')
    .replace(/\b1\.6\s*\(?\s*(X\d)\s*\)?/g, (_, x: string) => {
      notes.push(`"1.6${x}" read as ${x} (E.O. 12958 §1.6(d) exemption)`);
      return x;
    })
    .replace(/\(\s*(X\d|\d\dX\d)\s*\)/g, '$1')
    .replace(/\b(25|50|75)\s*X\s*(\d)\b/g, '$1X$2')
    // `25X1- HUMAN`, `50X1 -HUM`: the hyphen of a suffixed code with a blank beside it.
    .replace(/\b(\d\dX\d)\s*-\s*(HUM(?:AN|INT)?|WMD)\b/g, '$1-$2')
    .replace(/\b(XGDS|RDS|XDS)\s*-?\s*(\d)\b/g, '$1-$2')
    .replace(/\b(DCI|DNI)\s+ONLY\b/g, '$1-ONLY')
    .replace(/\bMANUAL REVIEW\b/g, 'MR');

  const codes: string[] = [];
  let date: string | null = null;
  // Split on commas and `AND`, then on spaces where that still leaves whole codes.
  const parts = u.split(/\s*(?:[,;]|\bAND\b)\s*/).filter((p) => p !== '');
  if (parts.length === 0) return null;
  for (const part of parts) {
    const d = parseDateText(part);
    if (d) {
      if (date) return null;
      date = d.date;
      notes.push(...d.notes);
      continue;
    }
    const tokens = part.split(' ');
    // `GDS 12/31/84`, `RDS-2 06/01/1998`: a schedule followed by its date.
    if (tokens.length >= 2) {
      const rest = parseDateText(tokens.slice(1).join(' '));
      const code = normaliseCode(tokens[0]!, notes);
      if (rest && code) {
        if (date) return null;
        date = rest.date;
        notes.push(...rest.notes);
        codes.push(code);
        continue;
      }
    }
    for (const token of tokens) {
      const code = normaliseCode(token, notes);
      if (!code) return null;
      codes.push(code);
    }
  }
  if (codes.length === 0) return null;
  const unique = [...new Set(codes)];
  return { kind: kindOfCodes(unique), codes: unique, date, sourceDate };
}

/** Normalises one code token, or returns null when it is not a code. */
function normaliseCode(token: string, notes: string[]): string | null {
  let m: RegExpExecArray | null;
  if ((m = /^X([1-8])$/.exec(token))) return `X${m[1]}`;
  if ((m = /^25X([1-9])-?HUM(?:AN|INT)?$/.exec(token))) {
    notes.push(`"${token}" replaced by 50X1-HUM (ISOO Notice 2012-02)`);
    return '50X1-HUM';
  }
  if ((m = /^25X([1-9])$/.exec(token))) return `25X${m[1]}`;
  if (token === 'EO12951') return 'EO12951';
  if (/^50X1-?HUM(?:AN|INT)?$/.test(token)) return '50X1-HUM';
  if (/^50X2-?WMD$/.test(token)) return '50X2-WMD';
  if ((m = /^(50|75)X([1-9])$/.exec(token))) return `${m[1]}X${m[2]}`;
  if (token === 'OADR') return 'OADR';
  if (token === 'MR') return 'MR';
  if (token === 'GDS') return 'GDS';
  if ((m = /^XGDS(?:-([1-4]))?$/.exec(token))) return m[1] ? `XGDS-${m[1]}` : 'XGDS';
  if ((m = /^(RDS|XDS)-([1-4])$/.exec(token))) return `${m[1]}-${m[2]}`;
  if ((m = /^(DCI|DNI)-ONLY$/.exec(token))) return `${m[1]} ONLY`;
  return null;
}

/** The kind a set of codes makes: an exemption wins over prior-order markings. */
function kindOfCodes(codes: readonly string[]): DeclKind {
  if (codes.some((c) => /^(X\d|\d\dX|EO12951)/.test(c))) return 'exemption';
  if (codes.includes('OADR')) return 'oadr';
  if (codes.some((c) => c === 'MR' || /^(RDS|XDS)-/.test(c))) return 'manual-review';
  if (codes.some((c) => /GDS/.test(c))) return 'gds';
  return 'agency-only';
}

const UNITS: Readonly<Record<string, number>> = {
  ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5, SIX: 6, SEVEN: 7, EIGHT: 8, NINE: 9, TEN: 10,
  ELEVEN: 11, TWELVE: 12, THIRTEEN: 13, FOURTEEN: 14, FIFTEEN: 15, SIXTEEN: 16, SEVENTEEN: 17,
  EIGHTEEN: 18, NINETEEN: 19,
};
const TENS: Readonly<Record<string, number>> = { TWENTY: 20, THIRTY: 30, FORTY: 40, FIFTY: 50, SIXTY: 60, SEVENTY: 70 };

/**
 * Years of a duration in words or digits measured from origination (`TEN YEARS`, `20 YRS`,
 * `TWENTY-FIVE (25) YEARS FROM DATE OF ORIGIN`, `20 YEARS FROM DATE OF DOCUMENT`), or null. A
 * duration after anything else (`TEN YEARS AFTER KOREAN UNIFICATION`) is an event, not a duration.
 */
function durationYears(words: string): number | null {
  const m =
    /^(?:FOR\s+)?([A-Z]+(?:[- ][A-Z]+)?|\d{1,2})\s*(?:\(\s*\d{1,2}\s*\)\s*)?(?:YEARS?|YRS?\.?)(?:\s+(?:FROM|AFTER)\s+(?:THE\s+)?(?:DATE\s+OF\s+)?(?:ORIGIN|ORIGINATION|(?:THE\s+|THIS\s+)?(?:CABLE|MESSAGE|TELEGRAM|DOCUMENT|MEMO|MEMORANDUM)|DATE))?$/.exec(
      words,
    );
  if (!m) return null;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : numberWords(m[1]!);
  return n !== null && n > 0 && n <= 75 ? n : null;
}

function numberWords(text: string): number | null {
  const parts = text.split(/[- ]/);
  if (parts.length === 1) return UNITS[parts[0]!] ?? TENS[parts[0]!] ?? null;
  if (parts.length === 2) {
    const tens = TENS[parts[0]!];
    const unit = UNITS[parts[1]!];
    return tens !== undefined && unit !== undefined && unit < 10 ? tens + unit : null;
  }
  return null;
}

function value(
  raw: string | null,
  kind: DeclKind,
  extra: {
    date?: string | null;
    codes?: readonly string[];
    years?: number;
    event?: string;
    notes?: readonly string[];
    truncated?: boolean;
    sourceDate?: string | null;
  } = {},
): DeclValue {
  return {
    raw,
    kind,
    date: extra.date ?? null,
    codes: extra.codes ?? [],
    ...(extra.years !== undefined ? { years: extra.years } : {}),
    ...(extra.event !== undefined ? { event: extra.event } : {}),
    ...(extra.truncated ? { truncated: true } : {}),
    ...(extra.sourceDate ? { sourceDate: extra.sourceDate } : {}),
    notes: extra.notes ?? [],
  };
}

/**
 * What opens a line that goes on with the declassification instruction above it even when it is
 * not indented: an exemption or a prior order's code (`25X1-human`, `50X1-HUM`, `X3`, `OADR`,
 * `MR`). Under `Declassify On: 20100108` (a memo) or `E.O. 12958: DECL: 02/13/2009` (a cable) such a
 * line was text or header, and the document declassified by the date above it.
 */
export const DECL_CODE_START = /^(?:(?:25|50|75)X\d|X\d\b|OADR\b|MR(?![.\w])|GDS\b)/i;

/** An instruction and the code on the line under it, read as one value: `02/13/2009, 25X1-HUMAN`. */
export function withCodeUnder(above: string, code: string): string {
  return above === '' ? code : `${above.replace(/[,;]$/, '')}, ${code}`;
}
