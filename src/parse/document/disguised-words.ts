/**
 * Level words in disguise (probes 64d, 65e F2, F3): written in look-alike letters of other scripts,
 * enclosed or small capitals, lower-case look-alikes, digits and signs for letters, spaced or split
 * (`ꓢꓰꓚꓣꓰꓔ`, `ⓈⒺⒸⓇⒺⓉ`, `ꜱᴇᴄʀᴇᴛ`, `ѕесrеt`, `S3CRET`, `$ECRET`, `ЅΕС ЯΕТ`). Each letter must be drawn as
 * the level word's letter at its place, so an ordinary word of another script (`БЮДЖЕТ`) stays a
 * word. Such a word reads as WILDCARDs: a classification line not understood, never a banner. Pure.
 */
import { foldForeignLetters } from '../../markings/index.js';

/** Cyrillic and Greek capitals drawn as Latin ones. */
export const LOOK_ALIKES: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J', Ү: 'Y',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};
/**
 * Scripts and symbols with capitals drawn as Latin ones: Greek, Cyrillic, Cherokee, Coptic,
 * Tifinagh, Lisu, enclosed letters (`🆂`) and regional indicators (`🇸`).
 */
export const STAND_IN_SCRIPT = /[\u0391-\u03A9\u0400-\u042F\u13A0-\u13F5\u2C80-\u2CFF\u2D30-\u2D7F\uA4D0-\uA4FF\u{1F130}-\u{1F189}\u{1F1E6}-\u{1F1FF}]/u;

/**
 * Capitals of the stand-in scripts drawn as the Latin letters of the level words (Unicode's
 * confusables): Lisu, Cherokee, Coptic, Tifinagh, and Cyrillic `Я`, a mirrored R that a reader of
 * `ЅЕСЯЕТ` reads as R (faux Cyrillic; not in the confusables, but a banner written so says SECRET).
 */
const DRAWN_AS: Readonly<Record<string, string>> = {
  ...LOOK_ALIKES,
  Я: 'R',
  ꓮ: 'A', ꓚ: 'C', ꓓ: 'D', ꓰ: 'E', ꓝ: 'F', ꓲ: 'I', ꓡ: 'L', ꓠ: 'N', ꓳ: 'O', ꓑ: 'P', ꓣ: 'R', ꓢ: 'S', ꓔ: 'T', ꓴ: 'U',
  Ꭺ: 'A', Ꮯ: 'C', Ꭰ: 'D', Ꭼ: 'E', Ꮮ: 'L', Ꮲ: 'P', Ꭱ: 'R', Ꮪ: 'S', Ꭲ: 'T',
  Ⲁ: 'A', Ⲥ: 'C', Ⲉ: 'E', Ⲓ: 'I', Ⲛ: 'N', Ⲟ: 'O', Ⲣ: 'P', Ⲧ: 'T',
  ⵏ: 'I', ⵔ: 'O',
  // Cyrillic capitals outside the basic block (Komi, Abkhaz), drawn as G, D, F (`ԌΟΝҒΙԀΕΝΤΙΑᏞ`).
  Ԍ: 'G', Ԁ: 'D', Ғ: 'F',
};

/** The Latin capital `c` is drawn as (an enclosed letter `🆂`, a regional indicator `🇸`, a look-alike), or null. */
function drawnAs(c: string): string | null {
  const code = c.codePointAt(0)!;
  // Squared, negative circled and negative squared letters: A to Z in each block of 32 from U+1F130.
  if (code >= 0x1f130 && code <= 0x1f189) return (code - 0x1f130) % 32 < 26 ? String.fromCharCode(65 + ((code - 0x1f130) % 32)) : null;
  if (code >= 0x1f1e6 && code <= 0x1f1ff) return String.fromCharCode(65 + code - 0x1f1e6);
  return DRAWN_AS[c] ?? null;
}

/**
 * A word with no ASCII letter, all of it capitals of those scripts (`ꓢꓰꓚꓣꓰꓔ`, `ТОР`, `ЅЕСЯЕТ`),
 * each drawn as the letter of a level word at its place: all WILDCARDs (a line not understood,
 * never a banner). Left out before (only a word with an ASCII letter was read so), such a banner on
 * a later page was read as text and the page's unmarked text released (probe 64d, fix65a). A letter
 * that is no look-alike of its place's letter makes the word a word: read as any letter, it made
 * Russian `БЮДЖЕТ` ("budget") SECRET and Greek `ΓΟΝΦΙΔΕΝΤΙΑΛ` CONFIDENTIAL (probe 65e F3).
 */
export function disguisedLevel(word: string): string | null {
  const letters = [...word];
  if (!letters.every((c) => STAND_IN_SCRIPT.test(c))) return null;
  const read = letters.map(drawnAs);
  const spells = WILDCARD_LEVELS.some((l) => l.length === read.length && read.every((c, i) => c === l[i]));
  return spells ? WILDCARD.repeat(read.length) : null;
}


/** A letter read as any letter of a level word (the grammar reads no `?`: a line not understood). */
export const WILDCARD = '?';

/** The level words a word with wildcards may spell (see unknownAsWildcard). */
export const WILDCARD_LEVELS = ['TOP', 'SECRET', 'CONFIDENTIAL', 'UNCLASSIFIED', 'RESTRICTED'];

/** The level words a disguised line may be, its words joined (`TOP SECRET` as `TOPSECRET`). */
const LINE_LEVELS = ['TOP SECRET', 'SECRET', 'CONFIDENTIAL', 'UNCLASSIFIED', 'RESTRICTED'];
/** Their lengths, blanks left out: a quick test that passes over almost every line of text. */
const LINE_LENGTHS = new Set(LINE_LEVELS.map((l) => l.replace(' ', '').length));

/** Digits and signs typed for a letter of a level word (`S3CRET`, `5ECRET`, `$ECRET`, `C0NFIDENTIAL`). */
const TYPED_FOR: Readonly<Record<string, string>> = { '3': 'E', '5': 'S', $: 'S', '0': 'O', '1': 'I', '!': 'I', '7': 'T', '4': 'A', '@': 'A', '€': 'E', '©': 'C', '®': 'R', '§': 'S' };

/**
 * The Latin capital `c` shows, or null: an ASCII letter in either case, a look-alike capital of
 * another script or an enclosed one (drawnAs), a compatibility form or a look-alike letter that
 * foldForeignLetters reads (`Ⓢ`, `𝐒`, `ꜱ`, `ѕ`, `Ꮪ`), a digit or sign typed for a letter.
 */
function shownLetter(c: string): { letter: string; typed: boolean } | null {
  if (/^[A-Za-z]$/.test(c)) return { letter: c.toUpperCase(), typed: false };
  const drawn = drawnAs(c) ?? foldForeignLetters(c);
  if (/^[A-Za-z]$/.test(drawn)) return { letter: drawn.toUpperCase(), typed: false };
  return TYPED_FOR[c] ? { letter: TYPED_FOR[c]!, typed: true } : null;
}

/**
 * `text` with a disguised level that is all of it, or all of it before `/` (controls after it),
 * read as WILDCARDs, or null. The level's letters may be spaced or the word split (`Ѕ Е С R Е Т`,
 * `ЅΕС ЯΕТ`); at least one is disguised (plain `Secret`, `S E C R E T` are read elsewhere), at most
 * half are digits or signs (`S3`, `53` are no words). A long level (`CONFIDENTIAL`, `UNCLASSIFIED`,
 * `RESTRICTED`) may have one letter drawn as another (`ԌONFIDENTIAL`). Read as text, such a line on
 * a later page, and the page's unmarked text under it, was released (probe 65e F2).
 */
export function disguisedLine(text: string): string | null {
  const m = /^(\s*)([^/]{1,60}?)(\s*(?:\/.*)?)$/s.exec(text);
  if (!m || !/[^A-Za-z\s]/.test(m[2]!)) return null;
  const chars = [...m[2]!.replace(/\s+/g, '')];
  if (!LINE_LENGTHS.has(chars.length)) return null;
  const shown = chars.map(shownLetter);
  if (shown.some((s) => s === null) || shown.filter((s) => s!.typed).length * 2 > shown.length) return null;
  const word = shown.map((s) => s!.letter).join('');
  const level = LINE_LEVELS.find((l) => spellsLevel(word, l.replace(' ', '')));
  return level ? m[1]! + level.replace(/[A-Z]/g, WILDCARD) + m[3]! : null;
}

/** True when `word` is `level`, or for a level of eight letters or more, `level` with one letter drawn as another. */
function spellsLevel(word: string, level: string): boolean {
  if (word.length !== level.length) return false;
  const differ = [...word].filter((c, i) => c !== level[i]).length;
  return differ === 0 || (differ === 1 && level.length >= 8);
}
