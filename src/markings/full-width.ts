/**
 * Full-width ASCII (U+FF01-FF5E, as East Asian input methods and some OCR write `（Ｓ）`) folded to
 * ASCII. One UTF-16 code unit each way, so offsets into the text do not move.
 */
export function foldFullWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Capital letters of other scripts drawn as Latin ones (Cyrillic `С` `Ѕ` `Т`, Greek `Τ` `Ν`, Roman
 * numeral `Ⅽ`), as OCR, a keyboard layout left on, or a hand hiding a mark from a search writes
 * them: `(С)`, `(Ѕ//NF)`, `(ТS)`. Read as no mark, the paragraph was released.
 */
const LOOKALIKE_CAPITALS: ReadonlyMap<string, string> = new Map(
  [
    'А A', 'В B', 'Е E', 'К K', 'М M', 'Н H', 'О O', 'Р P', 'С C', 'Т T', 'Х X', 'Ѕ S', 'І I', 'Ј J', 'Ү Y',
    'Α A', 'Β B', 'Ε E', 'Ζ Z', 'Η H', 'Ι I', 'Κ K', 'Μ M', 'Ν N', 'Ο O', 'Ρ P', 'Τ T', 'Υ Y', 'Χ X', 'Ϲ C',
    'Ⅰ I', 'Ⅴ V', 'Ⅹ X', 'Ⅼ L', 'Ⅽ C', 'Ⅾ D', 'Ⅿ M',
  ].map((pair) => pair.split(' ') as [string, string]),
);
const LOOKALIKE_CLASS = `[${[...LOOKALIKE_CAPITALS.keys()].join('')}]`;
const LOOKALIKE_CAPITALS_ALL = new RegExp(LOOKALIKE_CLASS, 'g');

/**
 * Letters that look like Latin ones and that compatibility decomposition (NFKD) leaves alone:
 * Cyrillic lower case (`ѕ` `с` `о`), small capitals (`ꜱ` `ᴄ` `ᴛ`), Cherokee (`Ꮪ` `Ꮯ` `Ꭲ`) and
 * Armenian (`Տ` `Ս`) capitals. NFKD itself takes care of mathematical letters (`𝐒`, `𝑆`), circled
 * ones (`Ⓢ`), superscripts (`ˢ`), ligatures and full-width forms.
 */
const LOOKALIKE_LETTERS: ReadonlyMap<string, string> = new Map(
  [
    'а a', 'с c', 'е e', 'о o', 'р p', 'ѕ s', 'і i', 'ј j', 'х x', 'у y', 'ο o', 'ν v',
    'ᴀ A', 'ʙ B', 'ᴄ C', 'ᴅ D', 'ᴇ E', 'ꜰ F', 'ɢ G', 'ʜ H', 'ɪ I', 'ᴊ J', 'ᴋ K', 'ʟ L', 'ᴍ M', 'ɴ N',
    'ᴏ O', 'ᴘ P', 'ʀ R', 'ꜱ S', 'ᴛ T', 'ᴜ U', 'ᴠ V', 'ᴡ W', 'ʏ Y', 'ᴢ Z',
    'Ꭺ A', 'Ᏼ B', 'Ꮯ C', 'Ꭼ E', 'Ꮋ H', 'Ꭻ J', 'Ꮶ K', 'Ꮇ M', 'Ꮎ O', 'Ꮲ P', 'Ꮪ S', 'Ꭲ T', 'Ꮩ V', 'Ꮃ W', 'Ꮓ Z',
    'Տ S', 'Ս U', 'Օ O', 'Ց G',
  ].map((pair) => pair.split(' ') as [string, string]),
);
const LOOKALIKE_LETTERS_ALL = new RegExp(`[${[...LOOKALIKE_LETTERS.keys()].join('')}]`, 'g');

/**
 * `text` as the Latin letters it shows, for deciding whether it is a mark (offsets are not kept):
 * compatibility forms decomposed (NFKD), accents and other combining marks dropped (`Ŝ`, `S̶`),
 * look-alike letters of other scripts replaced.
 */
export function foldForeignLetters(text: string): string {
  return foldFullWidth(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(LOOKALIKE_CAPITALS_ALL, (c) => LOOKALIKE_CAPITALS.get(c)!)
    .replace(LOOKALIKE_LETTERS_ALL, (c) => LOOKALIKE_LETTERS.get(c)!);
}

/**
 * The blocks a character {@link foldForeignLetters} turns into a Latin letter comes from: Latin
 * with accents and IPA (small capitals), combining marks, modifier letters, Greek, Cyrillic,
 * Armenian, Cherokee, phonetic extensions, letterlike symbols and Roman numerals, circled letters,
 * Latin extended-D, ligatures, small forms, full-width forms, mathematical letters (U+1D400…) and
 * enclosed letters (U+1F130…). A text without any (curly quotes, dashes, no-break spaces: text out
 * of a PDF) is not folded at all.
 */
const MAY_FOLD_TO_LETTER = /[\u00C0-\u058F\u13A0-\u13FF\u1D00-\u1EFF\u2070-\u209F\u20D0-\u218F\u2460-\u24FF\uA700-\uA7FF\uFB00-\uFB06\uFE50-\uFE6F\uFF01-\uFF5E]|\uD835[\uDC00-\uDFFF]|\uD83C[\uDD00-\uDDFF]/;

/** True when `text` holds a character outside ASCII that {@link foldForeignLetters} reads as other letters. */
export function hasForeignLetters(text: string): boolean {
  return MAY_FOLD_TO_LETTER.test(text) && foldForeignLetters(text) !== text;
}

/** Text folded by {@link foldForeignLetters} code point by code point, with where each folded character came from. */
export interface FoldedText {
  readonly text: string;
  /** For each character of `text`, the offset of the code point of the input it came from. */
  readonly starts: readonly number[];
  /** For each character of `text`, the offset just past the code point of the input it came from. */
  readonly ends: readonly number[];
}

/** {@link foldForeignLetters} of `text`, keeping for each folded character the code point of the input it came from. */
export function foldForeignLettersMapped(text: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const piece = cp < 0x80 ? text[i]! : foldForeignLetters(text.slice(i, i + width));
    folded += piece;
    for (let k = 0; k < piece.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    i += width;
  }
  return { text: folded, starts, ends };
}
