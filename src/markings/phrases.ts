/**
 * Matching multi-word phrases of the marking vocabulary over tokenized items.
 */
import { SCI_SYSTEMS } from './controls.js';
import type { Item } from './tokens.js';
import { CONTROL_WORDS, MAX_PHRASE_WORDS, TRAILERS } from './vocabulary.js';

/** A phrase found at some position: how many items it spans, its table entry and its words. */
export interface PhraseMatch<T> {
  readonly n: number;
  readonly entry: T;
  /** The words joined by single spaces (`FOR OFFICIAL USE ONLY`, `ORCON USGOV`). */
  readonly phrase: string;
}

/**
 * The longest phrase of `table` starting at `items[i]`, its words joined by a space or a hyphen
 * in the source (`ORCON-USGOV`, `NATO SECRET`), or null.
 */
export function phraseAt<T>(
  items: readonly Item[],
  i: number,
  table: ReadonlyMap<string, T>,
  maxWords: number,
): PhraseMatch<T> | null {
  for (let n = Math.min(maxWords, items.length - i); n >= 1; n--) {
    const words = items.slice(i, i + n);
    if (words.slice(1).some((it) => it.sep !== ' ' && it.sep !== '-')) continue;
    const phrase = words.map((it) => it.word).join(' ');
    const entry = table.get(phrase);
    if (entry !== undefined) return { n, entry, phrase };
  }
  return null;
}

/**
 * True if a new element (a control, SCI system, FGI, REL or trailer) starts at `items[i]`. Used to
 * end a REL TO or FGI list; `NATO` is not counted, as inside a REL TO list it is a tetragraph.
 */
export function startsElement(items: readonly Item[], i: number): boolean {
  const word = items[i]?.word;
  if (word === undefined) return false;
  if (word === 'REL' || word === 'FGI' || word === 'COMINT' || SCI_SYSTEMS.has(word)) return true;
  if (phraseAt(items, i, TRAILERS, 2)) return true;
  const cw = phraseAt(items, i, CONTROL_WORDS, MAX_PHRASE_WORDS);
  return cw !== null && cw.phrase !== 'NATO';
}
