/**
 * Lines that say a classification the banner reader did not take as a banner: written with
 * look-alike or invisible characters (`ЅECRET//NOFORN` with a Cyrillic Ѕ, `SECRET／／NOFORN`,
 * `SEC\u200BRET`), in a form the grammar does not know (`SECRET//NOFORN//WNINTEL`, `TOP SECRET
 * UMBRA`, `HANDLE VIA COMINT CHANNELS ONLY`, `UK SECRET`, `GEHEIM`), or right under a lead-in that
 * makes them a paragraph's text (`(U) … classified as follows:` / `SECRET//NOFORN`). Read as
 * ordinary text, such a line said nothing about the document, and the unmarked text under an
 * UNCLASSIFIED banner (or a NATO banner) was released: each is a sign now that the document may
 * be classified, and one not understood in a classified document leaves its banner not
 * understood (fail closed). Pure.
 */
import { readBannerWords } from '../banner-words.js';
import { disguisedLevel, disguisedLine, LOOK_ALIKES, STAND_IN_SCRIPT, WILDCARD, WILDCARD_LEVELS } from './disguised-words.js';
import type { Marking } from '../../types.js';

/** Characters that draw nothing (Unicode's default-ignorable code points: probe 63a F1) and combining marks (a strike-through). */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u0300-\u036F]/gu;
/** FULLWIDTH SOLIDUS, FRACTION SLASH, DIVISION SLASH, BIG SOLIDUS. */
const SLASH = /[\uFF0F\u2044\u2215\u29F8]/g;
/** HYPHEN, NON-BREAKING HYPHEN, FIGURE DASH, FULLWIDTH HYPHEN-MINUS. */
const HYPHEN = /[\u2010\u2011\u2012\uFF0D]/g;
/** Full-width ASCII (`ＳＥＣＲＥＴ`, `，`). */
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const LOOK_ALIKE = /[АВЕКМНОРСТХЅІЈҮΑΒΕΖΗΙΚΜΝΟΡΤΥΧ]/g;
const ANY = /[\p{Default_Ignorable_Code_Point}\u0300-\u036F\uFF0F\u2044\u2215\u29F8\u2010\u2011\u2012\uFF01-\uFF5E]/u;

/**
 * `text` with invisible characters dropped and look-alikes read as the ASCII they stand for, or
 * null when it holds none. A word of Cyrillic or Greek letters only is left as it is (`СЕКРЕТНО`
 * is Russian, not a disguised Latin word). A line whose level is disguised beyond that
 * (`ⓈⒺⒸⓇⒺⓉ`, `ꜱᴇᴄʀᴇᴛ`, `S3CRET`, `ЅΕС ЯΕТ`: disguisedLine) reads as WILDCARDs, a line not understood.
 */
export function foldBannerStandIns(text: string): string | null {
  const folded = foldStandIns(text);
  if (folded !== null && classificationWords(folded) !== null) return folded;
  const disguised = text.length <= 80 ? disguisedLine(text) : null;
  return disguised === null ? folded : (foldStandIns(disguised) ?? disguised);
}

/** {@link foldBannerStandIns} of the look-alikes, invisible and full-width characters only. */
function foldStandIns(text: string): string | null {
  const mixed = /[A-Za-z]/.test(text) && /[^\x00-\x7f]/.test(text);
  if (!mixed && !ANY.test(text) && !STAND_IN_SCRIPT.test(text)) return null;
  let out = text.replace(INVISIBLE, '').replace(SLASH, '/').replace(HYPHEN, '-');
  out = out.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  out = out.replace(/\S+/g, (w) => (/[A-Za-z]/.test(w) ? (mixed ? unknownAsWildcard(w.replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c] ?? c)) : w) : (disguisedLevel(w) ?? w)));
  return out === text ? null : out;
}

/** A capital or symbol outside ASCII that compatibility folding leaves so (Lisu `ꓢ`, Coptic `Ⲥ`, `🆂`, `🇸`). */
const UNKNOWN_CAPITAL = /(?=[\p{Lu}\p{Lt}\p{Lo}\p{So}])[^\x00-\x7f]/gu;

/**
 * A word of ASCII letters and others, with compatibility forms folded (NFKC: `𝐒ECRET`) and each
 * capital or symbol outside ASCII left (`ꓢECRET`, `ⲤONFIDENTIAL`, `🆂ECRET`) made a WILDCARD:
 * a hand-made table of look-alikes leaves some out, and such a banner on a later page was read as
 * text and its page's unmarked text released (probe 63a F1). classificationWords takes the
 * wildcard for any letter of a level word (a line not understood: the grammar reads no `?`).
 */
function unknownAsWildcard(word: string): string {
  return word.normalize('NFKC').replace(UNKNOWN_CAPITAL, WILDCARD);
}

/** A level word, alone or after a country or alliance (`UK SECRET`, `NATO RESTRICTED`). */
const LEVEL_LEAD = /^(?:(?:[A-Z]{2,3}|NATO|COSMIC)\s+)?(?:TOP\s+SECRET|SECRET|CONFIDENTIAL|RESTRICTED|UNCLASSIFIED|UNCLAS)(?![A-Z])/;
/**
 * A level run into the next word, a typing slip: `TOPSECRET`, `SECRETREL TO USA, GBR`,
 * `SECRETNOFORN`. Only before a control word (CONTROL_WORD reads the rest): `SECRETARY` is none.
 */
const RUN_TOGETHER = /^(?:TOPSECRET(?![A-Z])|(?:TOP\s*SECRET|SECRET|CONFIDENTIAL)(?=(?:NOFORN|NF|ORCON|REL|RELIDO|WNINTEL|NOCONTRACT|PROPIN)(?![A-Z])))/;
/** Words that only a classification line holds after its level (controls, SCI, release words). */
const CONTROL_WORD = /^(?:NOFORN|NF|ORCON|OC|WNINTEL|NOCONTRACT|PROPIN|UMBRA|GAMMA|SPOKE|MORAY|ZARF|RUFF|TK|SI|HCS|COMINT|TALENT|KEYHOLE|REL|RELEASABLE|RELIDO|EYES|FGI|SCI|SAR|LIMDIS|EXDIS|NODIS|SENSITIVE|DEFENSE|DÉFENSE|UE|EU|FOUO|PII|LES|ATOMAL|CRYPTO|SPECAT|UK|AUSTEO|AGAO|CANADIAN|NZEO|STRAP\d?)$/;
/**
 * Country codes (ISO 3166 trigraphs of the governments whose lines a US reader meets, NATO and EU
 * tetragraphs) that after CAPCO's `//` open another government's line: `//NLD STG GEHEIM`, `//POL
 * TAJNE`, `//DNK HEMMELIGT`, `//CTS` (NATO's COSMIC TOP SECRET). Read as a line the grammar does
 * not understand (fail closed): as text, an attachment page's unmarked text was released under an
 * UNCLASSIFIED memo's banner (probe 63e F2). `//ABC NEWS REPORT` is none.
 */
const FOREIGN_LEAD = /^\/\/\s*(?:(?:AUS|AUT|BEL|BGR|CAN|CHE|CZE|DEU|DNK|ESP|EST|FIN|FRA|GBR|GRC|HRV|HUN|IRL|ISL|ISR|ITA|JPN|KOR|LTU|LUX|LVA|NLD|NOR|NZL|POL|PRT|ROU|SVK|SVN|SWE|TUR|UKR)\s+\S|(?:NATO|CTS|CTSA|NS|NC|NR|NU|EU|COSMIC)(?![A-Z]))/;
/** Classification lines of other governments, and US ones without a level word (after a country: `UK EYES ONLY`). */
const OTHER_LINE =
  /^(?:(?:[A-Z]{2,3}|NATO)\s+)?(?:GEHEIM|STRENG GEHEIM|VS-VERTRAULICH|VS-NUR FÜR DEN DIENSTGEBRAUCH|CONFIDENTIEL D[EÉ]FENSE|SECRET D[EÉ]FENSE|TR[EÈ]S SECRET|DIFFUSION RESTREINTE|SECRET UE|OFFICIAL[- ]SENSITIVE|PROTECTED [ABC]|AUSTEO|NOFORN|EYES ONLY|SENSITIVE COMPARTMENTED INFORMATION|HANDLE VIA [A-Z ]+ CHANNELS(?: ONLY)?|СЕКРЕТНО|СОВЕРШЕННО СЕКРЕТНО|RISERVATO|SEGRETO|SECRETO|RESERVADO|CONFIDENCIAL|ΑΠΟΡΡΗΤΟ|ΑΚΡΩΣ ΑΠΟΡΡΗΤΟ|機密|机密|極秘|极密|絕密|绝密|秘密)(?![\p{L}])/u;
/** A level or another government's line alone, in whatever case (`Secret`, `Geheim`, `VS-Vertraulich`, `Classified`). */
const ALONE = /^(?:top\s+secret|secret|confidential|classified|geheim|streng\s+geheim|vs-vertraulich|confidentiel\s+d[eé]fense|secret\s+d[eé]fense|diffusion\s+restreinte|restricted|eyes\s+only|noforn)$/iu;
/** SCI control systems alone (`SI//TK`, `HCS-P/SI-G`, `TK`): a classification line without its level. */
const SCI_ONLY = /^(?:SI|TK|HCS|COMINT|KEYHOLE|TALENT|GAMMA|UMBRA)(?:-[A-Z]+)*(?:\s*\/\/?\s*(?:SI|TK|HCS|COMINT|KEYHOLE|TALENT|GAMMA|UMBRA|NOFORN|NF|ORCON|REL TO [A-Z, ]+)(?:-[A-Z]+)*)*$/;
/** A label before the classification (`Class:`, `CLASSIFICATION -`, `Security:`, `Marking:`), a draft stamp, a page number before or after it. */
const AFFIXES = [
  /^(?:(?:security\s+)?class(?:ification)?|security|marking)\s*[:\-–—]\s*/i,
  /^draft\s*[-–—:]?\s*/i,
  /\s*[-–—:]?\s*draft$/i,
  /^(?:page\s+)?\d+(?:\s+of\s+\d+)?\s*[-–—|:]?\s+/i,
  /\s*[-–—|:]?\s*\(?(?:page\s+)?\d+(?:\s+of\s+\d+)?\)?$/i,
];

/**
 * `text` as a classification line reads once its dress is off: compatibility forms folded (NFKC:
 * `𝐒𝐄𝐂𝐑𝐄𝐓`, full-width letters and digits), HTML tags and escaped slashes (`<b>SECRET</b>`,
 * `SECRET&#47;&#47;NOFORN`, Markdown's `SECRET\/\/NOFORN`), backticks, table pipes and a list's
 * number (`| SECRET//NOFORN |`, `1. SECRET//…`).
 */
function undressed(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/<\/?[A-Za-z][^<>]{0,40}>/g, ' ')
    .replace(/&#0*47;|&#x0*2f;|&sol;/gi, '/')
    .replace(/\\\//g, '/')
    .replace(/[`|]/g, ' ')
    .replace(/^\s*\d{1,2}[.)]\s+/, '')
    .trim();
}

/**
 * The words of `text` (a line without its Markdown decoration) when it reads as a classification
 * line, as the grammar should read them, or null. A classification line is, in any of its columns
 * (three blanks or more apart: `UNCLASSIFIED      SECRET//NOFORN//WNINTEL`), once a label, a draft
 * stamp and a page number are off: a level or another government's line alone in any case
 * (`Secret`, `Geheim`); or capitals only (no lower-case letter of any script; a line with `//`
 * read in capitals: `SECRET//NoForn`; letters spelled apart by hyphens, dots or blanks joined:
 * `S-E-C-R-E-T`, `S  E  C  R  E  T`), short, and a level word followed by nothing, a separator
 * (`//`, `/`, `--`, `,`) or a control word, another government's or a handling line, or SCI
 * control systems alone (`SI//TK`). A heading in capitals (`SECRET SERVICE AGENTS MEET`) is none.
 */
export function classificationWords(text: string): string | null {
  const plain = undressed(text);
  if (plain.length === 0 || plain.length > 140) return null;
  // Of two columns (an UNCLASSIFIED page's banner beside a SECRET one), the one above U.
  const read = plain.split(/\s{3,}/).map(columnWords).filter((w): w is string => w !== null);
  return read.find((w) => !/^UNCLAS/.test(w)) ?? read[0] ?? null;
}

/** {@link classificationWords} of one column. */
function columnWords(column: string): string | null {
  let trimmed = column.replace(/^[\s\-=*_~]+|[\s\-=*_~.]+$/g, '');
  for (const affix of AFFIXES) trimmed = trimmed.replace(affix, '');
  if (ALONE.test(trimmed)) return trimmed.toUpperCase();
  let t = trimmed.includes('//') ? trimmed.toUpperCase() : trimmed;
  // `//SECRET//`: CAPCO's separators around a US level (`//GBR SECRET` is a foreign banner, kept).
  t = t.replace(/^\/\/\s*(?=(?:TOP\s+SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)\b)/, '').replace(/\s*\/\/$/, '').replace(/_/g, ' ');
  // Letters spelled apart by hyphens or dots (`S-E-C-R-E-T`, `T.O.P S.E.C.R.E.T`), or by one or two blanks.
  t = t.replace(/(?<![\p{L}])[A-Z](?:[-.][A-Z])+[-.]?(?![\p{L}])/gu, (w) => w.replace(/[-.]/g, ''));
  t = t.replace(/(?<![\p{L}])[A-Z](?: {1,2}[A-Z]){4,}(?![\p{L}])/gu, (w) => {
    const joined = w.replace(/ /g, '');
    return /^(?:TOPSECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|RESTRICTED)$/.test(joined) ? joined.replace(/^TOP/, 'TOP ') : w;
  });
  if (t.length === 0 || t.length > 100 || /\p{Ll}/u.test(t)) return null;
  // `//FRA SECRET DEFENSE`, `//DEU GEHEIM`: CAPCO's form of a foreign line (the grammar reads `//DEU
  // SECRET`; the national words it does not: read as text, the page's unmarked text was released).
  const bare = t.replace(/^\/\/\s*(?=(?:[A-Z]{3}|NATO|COSMIC)\s)/, '');
  if (OTHER_LINE.test(bare) || FOREIGN_LEAD.test(t)) return t.split(/\s+/).length <= 8 ? t : null;
  if (SCI_ONLY.test(t)) return t;
  const known = levelsForWildcards(bare);
  const lead = LEVEL_LEAD.exec(known) ?? RUN_TOGETHER.exec(known);
  if (!lead) return null;
  const rest = known.slice(lead[0].length).trimStart();
  if (rest === '' || /^[/\-–—,:(]/.test(rest)) return t;
  return CONTROL_WORD.test(/^[^\s/,]+/.exec(rest)![0]) ? t : null;
}

/**
 * `text` with each word holding a WILDCARD (and at least as many letters as wildcards) read as the
 * level word it can spell: `?ECRET//NOFORN` as `SECRET//NOFORN`, for the test of a level only.
 */
function levelsForWildcards(text: string): string {
  if (!text.includes(WILDCARD)) return text;
  return text.replace(/[A-Z?]+/g, (w) => {
    const wild = w.split(WILDCARD).length - 1;
    // All wildcards: a disguised word (disguisedLevel), which spells a level word already.
    if (wild === 0 || (wild * 2 > w.length && wild < w.length)) return w;
    return WILDCARD_LEVELS.find((l) => l.length === w.length && [...w].every((c, i) => c === WILDCARD || c === l[i])) ?? w;
  });
}

/**
 * A classification inside a line of text (`… marked SECRET//NOFORN in the file`, `5ECRET//NOFORN`,
 * `Page 2 SECRET//NOFORN//WNINTEL rest`): a level before CAPCO's `//`, or `//` before a control.
 * Portion marks in parentheses are not looked at. Only a sign that an UNCLASSIFIED document may be
 * classified: such a line is not the document's banner.
 */
export function holdsClassification(text: string): boolean {
  if (!text.includes('//') && !text.includes('\u2044')) return false;
  const t = undressed(text).replace(/\([^()]{0,80}\)/g, ' ').toUpperCase();
  return /(?:^|[^(\w])(?:TOP\s+SECRET|SECRET|CONFIDENTIAL)\s*\/\/|\/\/\s*(?:NOFORN|NF|ORCON|NOCONTRACT|PROPIN|REL\s+TO|RELIDO|SI|TK|HCS|FGI|SCI|SAR|ATOMAL|WNINTEL)\b/.test(t);
}

/** True when `text` reads as a classification line (see classificationWords). */
export function readsAsClassificationLine(text: string): boolean {
  return classificationWords(text) !== null;
}

/** A classification line in a document's text, as written and as read (null: not understood). */
export interface TextClassificationLine {
  readonly raw: string;
  readonly marking: Marking | null;
  readonly span: { readonly start: number; readonly end: number };
  /** The whole line is the classification (not one inside a line of text: see holdsClassification). */
  readonly whole: boolean;
}

/** `text`, a classification line, read: its marking (null when the grammar does not understand it). */
export function readClassificationLine(text: string): Marking | null {
  const folded = foldBannerStandIns(text) ?? text;
  const read = readBannerWords(classificationWords(folded) ?? folded);
  return read.ok ? read.marking : null;
}
