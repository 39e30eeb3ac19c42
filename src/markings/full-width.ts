/**
 * Full-width ASCII (U+FF01-FF5E, as East Asian input methods and some OCR write `（Ｓ）`) folded to
 * ASCII. One UTF-16 code unit each way, so offsets into the text do not move.
 */
export function foldFullWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** True when `text` holds a full-width ASCII character. */
export function hasFullWidth(text: string): boolean {
  return /[\uFF01-\uFF5E]/.test(text);
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
const HAS_LOOKALIKE_CAPITAL = new RegExp(LOOKALIKE_CLASS);
const LOOKALIKE_CAPITALS_ALL = new RegExp(LOOKALIKE_CLASS, 'g');

/** True when `text` holds a full-width character or a capital of another script drawn as a Latin one. */
export function hasForeignLetters(text: string): boolean {
  return hasFullWidth(text) || HAS_LOOKALIKE_CAPITAL.test(text);
}

/** `text` with full-width characters and look-alike capitals folded to ASCII (offsets kept). */
export function foldForeignLetters(text: string): string {
  return foldFullWidth(text).replace(LOOKALIKE_CAPITALS_ALL, (c) => LOOKALIKE_CAPITALS.get(c)!);
}
