/**
 * Word-shingle leak check for tests: independent of src/audit so a bug there cannot hide a leak.
 *
 * Text is compared as runs of `n` consecutive words after normalising what layout changes:
 * case, hyphenation at line ends (`inter-\noperability`), line breaks and runs of whitespace,
 * and punctuation and symbols (deleted, so `Pol-mil`, `Pol-\nmil` and `polmil` agree, and a `?`
 * put in for an unencodable character disappears).
 */

/** Words of `text`, normalised as described in the module comment. */
export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/-[ \t]*\r?\n\s*/g, '') // hyphenation at a line end (cables often leave a space after it)
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '')
    .split(/\s+/u)
    .filter((w) => w.length > 0);
}

/**
 * The `n`-word shingles of `text`, in order of first appearance. A text with fewer than `n`
 * (but at least one) words gives one shingle of all its words.
 */
export function shingles(text: string, n = 5): string[] {
  const words = normaliseWords(text);
  if (words.length === 0) return [];
  if (words.length < n) return [words.join(' ')];
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return [...out];
}

/**
 * Shingles of any of `withheldTexts` that occur in `releasedText` (empty when clean). A withheld
 * text shorter than `n` words (a redacted name) is searched for as a whole, word-aligned.
 */
export function findLeaks(withheldTexts: readonly string[], releasedText: string, n = 5): string[] {
  const released = new Set(shingles(releasedText, n));
  const flat = ` ${normaliseWords(releasedText).join(' ')} `;
  const leaks = new Set<string>();
  for (const text of withheldTexts) {
    for (const s of shingles(text, n)) {
      const short = s.split(' ').length < n;
      if (short ? flat.includes(` ${s} `) : released.has(s)) leaks.add(s);
    }
  }
  return [...leaks];
}

/**
 * True when the words of each of `paragraphs` appear in `text` contiguously and in the given order
 * (normalised as above). Returns the index of the first paragraph not found, or -1 when all are.
 */
export function firstMissingInOrder(paragraphs: readonly string[], text: string): number {
  const hay = ` ${normaliseWords(text).join(' ')} `;
  let from = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const needle = ` ${normaliseWords(paragraphs[i]!).join(' ')} `;
    if (needle.trim() === '') continue;
    const at = hay.indexOf(needle, from);
    if (at < 0) return i;
    from = at + needle.length - 1;
  }
  return -1;
}
