/**
 * Patterns more than one profile uses, defined once: a redact rule names them with `match.use`
 * (`use: [email]`), so `public-pii` and `foia-intel` withhold the same e-mail addresses and
 * telephone numbers (foia-intel's own copies missed `zqmüller@…`, `963-5555`, `030/8305-1234`,
 * `ext. 4-1234` and left `(49)` of `(49)(30) 8305-1234`).
 */

/**
 * An e-mail address. Letters of any script (müller@auswärtiges-amt.de) and, inside the local part,
 * an apostrophe (john.o'neil@state.gov, where only neil@… was matched); never at its start, so a
 * quote before the address is not withheld with it.
 */
const LOCAL_PART = "[\\p{L}\\p{N}._%+-][\\p{L}\\p{N}._%+'’-]{0,63}";

/** `[at]`, `(at)`, `<at>`, `{at}`, spaced or not: an `@` written out so that harvesters miss it. */
const AT_BRACKETED = '[ ]?[\\[(<{][ ]?at[ ]?[\\])>}][ ]?';

/** `[dot]`, `(dot)` or ` dot `: a `.` written out. */
const DOT_WRITTEN = '(?:[ ]?[\\[(<{][ ]?dot[ ]?[\\])>}][ ]?|[ ]dot[ ])';

/** One label of a domain, then `.` or a written-out dot. */
const DOMAIN_LABEL = `[\\p{L}\\p{N}-]{1,63}(?:\\.|${DOT_WRITTEN})`;

/** Up to three more labels, written out one by one (a repeated group that holds a quantifier is refused: span-match.ts). */
const MORE_LABELS = `(?:${DOMAIN_LABEL})?`.repeat(3);

/**
 * The last label of an address written with a bare ` at `: a generic domain or a country's that is
 * no English word (`He looked at the dot on the map` is no address).
 */
const KNOWN_TLD =
  '(?:com|org|net|gov|mil|edu|int|info|biz|us|uk|ca|au|nz|ie|de|fr|es|nl|ch|se|pl|ru|ua|cn|jp|kr|tw|hk|sg|' +
  'mx|br|za|ng|ke|eg|il|tr|ir|iq|pk|sa|ae)';

/**
 * An e-mail address, and one written out so that harvesters miss it (probe62a F9): `zq.three [at]
 * state.gov`, `zq (at) example (dot) com`; with a bare ` at ` only when a dot is written out too
 * (`ZQTWO at example dot com`), so `met us at www.state.gov` is no address. Case is ignored when the
 * rule ignores it (`AT`, `DOT` in a cable in capitals).
 */
const EMAIL = [
  `${LOCAL_PART}@[\\p{L}\\p{N}.-]{1,253}\\.\\p{L}{2,24}`,
  `(?<![\\p{L}\\p{N}._%+'’-])${LOCAL_PART}${AT_BRACKETED}${DOMAIN_LABEL}${MORE_LABELS}\\p{L}{2,24}(?![\\p{L}\\p{N}])`,
  `(?<![\\p{L}\\p{N}._%+'’-])${LOCAL_PART}[ ]at[ ]${MORE_LABELS}[\\p{L}\\p{N}-]{1,63}${DOT_WRITTEN}${KNOWN_TLD}(?![\\p{L}\\p{N}])`,
];

/**
 * What follows a number that counts or measures something (`3500-4000 troops`, `100 000 000 euros`,
 * `12 345 678 voters`): such a number is not a telephone number.
 */
const COUNTED =
  '(?![ \\u00a0]+(?:troops|soldiers|people|persons|personnel|residents|inhabitants|voters|votes|refugees|' +
  'casualties|deaths|cases|members|workers|students|families|households|children|men|women|' +
  'dollars|euros|pounds|francs|yen|rubles|roubles|yuan|rupees|pesos|USD|EUR|GBP|' +
  'tons|tonnes|barrels|kilometers|kilometres|km|miles|meters|metres|hectares|acres|units|vehicles|' +
  'million|billion)\\b)';

/** Before a number that is a resolution's, not a telephone (`resolution 1546 2004 1701`, `UNSCR 1701`). */
const NOT_RESOLUTION = '(?<!\\b(?:[Rr]esolutions?|RESOLUTIONS?|UNSCRs?|UNSC)[ \\u00a0]{1,3})';

/**
 * A number in groups of three after one to three figures (`100 000 000`, `12 345 678`, `123.456.789`):
 * thousands, not a telephone number (which ends in a group of four or is written with its area code);
 * a number that goes on after them (`52 614 488 4218`) is a telephone number.
 */
const NOT_THOUSANDS = '(?!\\d{1,3}(?: \\d{3} \\d{3}|\\.\\d{3}\\.\\d{3}|\\u00a0\\d{3}\\u00a0\\d{3})(?!\\d|[ .-]\\d))';

/**
 * A range of round counts (`3500-4000`, `200-300`): both numbers end in `00`. A telephone number
 * whose exchange and line both end in `00` is rarer than such a range in text.
 */
const NOT_ROUND_RANGE = '(?!\\d{1,2}00-\\d{1,2}00(?!\\d))';

/** A row of years (`1999 2003 1999 2003`, a table's header), not a telephone number in groups. */
const NOT_YEARS = '(?!(?:19|20)\\d\\d[ \\u00a0](?:19|20)\\d\\d(?!\\d))';

/**
 * A payment card or account number in groups: four groups of four figures (`4111 1111 1111 1111`,
 * `5500-0000-0000-0004`) or American Express's 4-6-5 (`3782 822463 10005`), one kind of separator
 * throughout (no backreference: the patterns of a rule are joined in one expression). Read by its
 * shape, no check digit computed: such a number identifies a person's account whatever issued it,
 * and is no telephone number.
 */
const CARD = [
  `(?<![\\w/.-])${NOT_YEARS}\\d{4}(?: \\d{4} \\d{4} \\d{4}|-\\d{4}-\\d{4}-\\d{4})(?![\\w/]|[.-]\\d)`,
  '(?<![\\w/.-])3[47]\\d{2}(?: \\d{6} \\d{5}|-\\d{6}-\\d{5})(?![\\w/]|[.-]\\d)',
];

/** Not a card number's last three groups either (`1111 1111 1111` of `4111 1111 1111 1111`). */
const NOT_CARD_TAIL = '(?!(?<=(?<![\\w/.-])\\d{4} )\\d{4} \\d{4} \\d{4}(?!\\d)|(?<=(?<![\\w/.-])\\d{4}-)\\d{4}-\\d{4}-\\d{4}(?!\\d))';

/** Not the start of a card number ({@link CARD}): the telephone patterns leave it to that rule. */
const NOT_CARD = '(?!\\d{4}(?: \\d{4} \\d{4} \\d{4}|-\\d{4}-\\d{4}-\\d{4})(?!\\d)|3[47]\\d{2}(?: \\d{6} \\d{5}|-\\d{6}-\\d{5})(?!\\d))';

/**
 * A US social security number: `123-45-6789`, or `123 45 6789` after `SSN` or `Social Security`
 * (numbers the Social Security Administration never issues, 000, 666 or 9xx first, 00 or 0000 in
 * a group, are not taken: such a shape is a date or a reference).
 */
const SSN = [
  '(?<![\\w/.-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\w/]|[.-]\\d)',
  '(?<=\\b(?:SSN|SSAN|[Ss]ocial [Ss]ecurity(?: [Nn](?:o\\.|umber))?|SOCIAL SECURITY(?: N(?:O\\.|UMBER))?):?[ ]?(?:#[ ]?)?)(?!000|666|9\\d\\d)\\d{3}[ ]?(?!00)\\d{2}[ ]?(?!0000)\\d{4}(?!\\d)',
];

/**
 * Not a cable's message serial numbers after its precedence on a routing line (`NIACT IMMEDIATE
 * 2276-2279`, `PRIORITY 5779-5780`), nor a report's number: a CIA TD's (`TD-314/014 437-09`) or an
 * IIR's (`IIR 6 022 0061 93`). Designators of messages and reports, not telephone numbers: the
 * header lines, where redact rules apply too, are full of them.
 */
const NOT_DESIGNATOR =
  '(?!(?<=\\b(?:FLASH|IMMEDIATE|PRIORITY|ROUTINE|NIACT)[ ]{1,3})\\d{4}(?:-\\d{4})?(?![\\w/-]))(?<!\\bTD-|\\bIIR[ ]\\d[ ]\\d{3}[ ])';

/** An extension written after the number (`202-647-4000x123`, `202-647-4000 ext. 123`): withheld with it. */
const EXTENSION = '(?:[ ]?(?:x|ext\\.?)[ ]?\\d{1,5})?';

/**
 * Ten to fifteen figures run together right after a telephone word (`mobile 05321234567`, `Tel:
 * +902124555555`, `fax no. 903124555558`, probe 60b F7), or in the list of numbers after it, and a
 * seven-figure local number in two groups there (`cell: 555 0101`, probe62a F9): written without separators, a number is
 * read as a telephone number only when the text says it is one, so a cable's reference, a date, an
 * account or a serial number elsewhere is left alone. The word is `tel`, `tel.`, `telephone`,
 * `phone`, `mobile`, `cell`, `fax`, with an optional `no.` and `:` (case is ignored when the rule
 * ignores it, as the bundled rules do).
 */
const PHONE_WORD_DIGITS =
  '(?<=\\b(?:[Tt]el|TEL|[Tt]elephone|TELEPHONE|[Pp]hone|PHONE|[Mm]obile|MOBILE|[Cc]ell|CELL|[Ff]ax|FAX)\\.?' +
  '(?:[ ]?(?:[Nn]o|NO)\\.?)?[ ]?:?[ ]{0,2}' +
  // …or later in the list of numbers that follows the word (`Phone: (202) 555-0147, 2025550150`, probe62a F9).
  '(?:(?:[-+()\\d .,;/]|\\b(?:or|and)\\b){0,100}(?:[,;/][ ]{0,2}|[ ](?:or|and)[ ]{1,2}))?)' +
  // Ten to fifteen figures run together, or a local number of seven in two groups (`cell: 555 0101`).
  '(?<!\\d)(?:\\+?\\d{10,15}|\\d{3}[ .]\\d{4})(?![\\w/]|[.-]\\d)';

/**
 * A telephone number.
 * +1 202 647 4000, (202) 647-4000, 52 614 488 4218, 202-647-4000, 0171 499 9000, 030/8305-1234, 202-647-4000x123;
 * whole, with country and area codes: (49)(30) 8305-1234, +49 30 8305 0, 011-49-30-8305-1234
 * (a number matched from its area code on left `(49)` or `011-49-` in the release);
 * local numbers: 8305-1234, 647-1234 (not a range of years, 1990-2000, or of hours, 0800-1645, or
 * of round counts, 3500-4000);
 * an extension: ext. 4-1234.
 * Never a count or an amount (a number followed by `troops`, `euros`, `voters`…), thousands in groups
 * of three (`100 000 000`, a passport number `123 456 789`), a row of years, a resolution's number
 * a card number (`4111 1111 1111 1111`: {@link CARD}), or a message's or report's designator
 * ({@link NOT_DESIGNATOR}).
 * Ten figures run together (`2026474000`) are not matched: any long number would be. After a
 * telephone word they are ({@link PHONE_WORD_DIGITS}).
 */
const TELEPHONE = [
  '(?<![\\w/])(?:(?:\\+|011[ .-]?|00)\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\(\\d{1,4}\\)[ .-]?\\d{2,4}[ .-]\\d{1,4}(?![\\w/])',
  '(?<![\\w/])(?:\\+|011[ .-]|00)\\d{1,3}[ .-]\\d{1,5}[ .-]\\d{1,5}(?:[ .-]\\d{1,5})?(?:[ .-]\\d{1,5})?(?![\\w/])',
  `(?<![\\w/])${NOT_RESOLUTION}${NOT_THOUSANDS}${NOT_YEARS}(?:\\+\\d{1,3}[ .-]?)?\\d{2,4}[ ./-]\\d{3,4}[ .-]\\d{3,4}(?:[ .-]\\d{4})?${EXTENSION}(?![\\w/])`,
  '(?<![\\w/.-])(?!(?:1[89]|20)\\d\\d-(?:1[89]|20)\\d\\d(?!\\d))(?!(?:[01]\\d|2[0-4])[0-5]\\d-(?:[01]\\d|2[0-4])[0-5]\\d(?!\\d))' +
    `${NOT_ROUND_RANGE}\\d{3,4}-\\d{4}(?![\\w/-])`,
  '(?<=\\b(?:[Ee]xt|EXT)\\.?[ ]?)\\d{1,5}(?:-\\d{1,5})?(?![\\w/])',
  PHONE_WORD_DIGITS,
].map((p) => `${NOT_DESIGNATOR}${NOT_CARD_TAIL}${NOT_CARD}${p}${COUNTED}`);

/** The shared patterns by the name `match.use` gives. */
export const SHARED_PATTERNS = { email: EMAIL, telephone: TELEPHONE, card: CARD, ssn: SSN } as const satisfies Record<string, readonly string[]>;

export type SharedPatternName = keyof typeof SHARED_PATTERNS;

export const SHARED_PATTERN_NAMES = Object.keys(SHARED_PATTERNS) as [SharedPatternName, ...SharedPatternName[]];
