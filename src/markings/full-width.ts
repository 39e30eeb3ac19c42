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
