/**
 * HTML's named character references (WHATWG HTML, "Named character references"), read with the
 * `entities` package's strict decoder: only a name that ends in `;` is one, which is all CommonMark
 * decodes (`&Sfr;` is 𝔖, `&NoBreak;` U+2060). Read by ./rendered-marks.ts.
 */
import { decodeHTMLStrict } from 'entities/decode';

/** The text `&name;` stands for, or undefined when HTML names no such reference. */
export function namedReference(name: string): string | undefined {
  const written = `&${name};`;
  const read = decodeHTMLStrict(written);
  // Strict: a name it does not know stays as written (`&notit;`; no legacy `&not` prefix is taken).
  return read === written ? undefined : read;
}
