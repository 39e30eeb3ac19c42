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
import type { Marking } from '../../types.js';

/** Invisible format characters, the soft hyphen and combining marks (a strike-through). */
const INVISIBLE = /[\u00AD\u0300-\u036F\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069]/g;
/** FULLWIDTH SOLIDUS, FRACTION SLASH, DIVISION SLASH, BIG SOLIDUS. */
const SLASH = /[\uFF0F\u2044\u2215\u29F8]/g;
/** HYPHEN, NON-BREAKING HYPHEN, FIGURE DASH, FULLWIDTH HYPHEN-MINUS. */
const HYPHEN = /[\u2010\u2011\u2012\uFF0D]/g;
/** Full-width ASCII (`ＳＥＣＲＥＴ`, `，`). */
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
/** Cyrillic and Greek capitals drawn as Latin ones. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J', Ү: 'Y',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};
const LOOK_ALIKE = /[АВЕКМНОРСТХЅІЈҮΑΒΕΖΗΙΚΜΝΟΡΤΥΧ]/g;
const ANY = /[\u00AD\u0300-\u036F\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069\uFF0F\u2044\u2215\u29F8\u2010\u2011\u2012\uFF01-\uFF5E]/;

/**
 * `text` with invisible characters dropped and look-alikes read as the ASCII they stand for, or
 * null when it holds none. A word of Cyrillic or Greek letters only is left as it is (`СЕКРЕТНО`
 * is Russian, not a disguised Latin word).
 */
export function foldBannerStandIns(text: string): string | null {
  const mixed = /[A-Za-z]/.test(text) && LOOK_ALIKE.test(text);
  LOOK_ALIKE.lastIndex = 0;
  if (!mixed && !ANY.test(text)) return null;
  let out = text.replace(INVISIBLE, '').replace(SLASH, '/').replace(HYPHEN, '-');
  out = out.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (mixed) out = out.replace(/\S+/g, (w) => (/[A-Za-z]/.test(w) ? w.replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c] ?? c) : w));
  return out === text ? null : out;
}

/** A level word, alone or after a country or alliance (`UK SECRET`, `NATO RESTRICTED`). */
const LEVEL_LEAD = /^(?:(?:[A-Z]{2,3}|NATO|COSMIC)\s+)?(?:TOP\s+SECRET|SECRET|CONFIDENTIAL|RESTRICTED|UNCLASSIFIED|UNCLAS)(?![A-Z])/;
/** Words that only a classification line holds after its level (controls, SCI, release words). */
const CONTROL_WORD = /^(?:NOFORN|NF|ORCON|OC|WNINTEL|NOCONTRACT|PROPIN|UMBRA|GAMMA|SPOKE|MORAY|ZARF|RUFF|TK|SI|HCS|COMINT|TALENT|KEYHOLE|REL|RELEASABLE|RELIDO|EYES|FGI|SCI|SAR|LIMDIS|EXDIS|NODIS|SENSITIVE|DEFENSE|DÉFENSE|UE|EU|FOUO|PII|LES|ATOMAL|CRYPTO|SPECAT)$/;
/** Classification lines of other governments, and US ones without a level word. */
const OTHER_LINE =
  /^(?:GEHEIM|STRENG GEHEIM|VS-VERTRAULICH|VS-NUR FÜR DEN DIENSTGEBRAUCH|CONFIDENTIEL D[EÉ]FENSE|SECRET D[EÉ]FENSE|TR[EÈ]S SECRET|DIFFUSION RESTREINTE|SECRET UE|OFFICIAL[- ]SENSITIVE|PROTECTED [ABC]|AUSTEO|NOFORN|EYES ONLY|SENSITIVE COMPARTMENTED INFORMATION|HANDLE VIA [A-Z ]+ CHANNELS(?: ONLY)?|СЕКРЕТНО|СОВЕРШЕННО СЕКРЕТНО|RISERVATO|SEGRETO|SECRETO|RESERVADO|CONFIDENCIAL)(?![\p{L}])/u;

/**
 * The words of `text` (a line without its Markdown decoration) when it reads as a classification
 * line, as the grammar should read them (capitals, letters spelled apart joined), or null. A
 * classification line is a level alone in title case (`Secret`), or capitals only (no lower-case
 * letter of any script; letters spelled apart by hyphens or dots joined: `S-E-C-R-E-T`), short,
 * and a level word followed by nothing, a separator (`//`, `/`, `--`, `,`) or a control word, or
 * another government's or a handling line. A heading in capitals (`SECRET SERVICE AGENTS MEET`)
 * is none.
 */
export function classificationWords(text: string): string | null {
  const trimmed = text.replace(/^[\s\-=*_~]+|[\s\-=*_~.]+$/g, '');
  // A level typed in title case alone on its line (`Secret`, `Top Secret`).
  if (/^(?:top\s+secret|secret|confidential)$/i.test(trimmed)) return trimmed.toUpperCase();
  // Letters spelled apart by hyphens or dots (`S-E-C-R-E-T`, `T.O.P S.E.C.R.E.T`).
  const t = trimmed.replace(/(?<![\p{L}])[A-Z](?:[-.][A-Z])+[-.]?(?![\p{L}])/gu, (w) => w.replace(/[-.]/g, ''));
  if (t.length === 0 || t.length > 100 || /\p{Ll}/u.test(t)) return null;
  if (OTHER_LINE.test(t)) return t.split(/\s+/).length <= 8 ? t : null;
  const lead = LEVEL_LEAD.exec(t);
  if (!lead) return null;
  const rest = t.slice(lead[0].length).trimStart();
  if (rest === '' || /^[/\-–—,:(]/.test(rest)) return t;
  return CONTROL_WORD.test(/^[^\s/,]+/.exec(rest)![0]) ? t : null;
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
}

/** `text`, a classification line, read: its marking (null when the grammar does not understand it). */
export function readClassificationLine(text: string): Marking | null {
  const folded = foldBannerStandIns(text) ?? text;
  const read = readBannerWords(classificationWords(folded) ?? folded);
  return read.ok ? read.marking : null;
}
