/**
 * Reading a REL TO list out of a marking: `REL TO USA, GBR`, `REL NATO`, `Rel to Ukraine`,
 * `REL TO NATO/AUS`, `REL NATO and AUS`, `Rel NATO, ISAF`, `REL FRANCE`.
 */
import { MAX_NAME_WORDS, isNamePrefix, lookupCountry } from './countries.js';
import { MarkingError } from './marking-error.js';
import { REL_TO_NOTES } from './rel-to.js';
import { startsElement } from './phrases.js';
import type { Item } from './tokens.js';

/** One country in the list and how it was recognised. */
interface CountryMatch {
  readonly n: number;
  readonly code: string;
  readonly kind: 'code' | 'name' | 'unknown-code';
  readonly phrase: string;
}

/**
 * Read a REL TO list starting at the `REL` word, pushing a note per normalisation into `notes`.
 * The list ends at `//`, at a hyphen, or at a `/` or space followed by another control
 * (`S/REL NATO/NF`); `AND` joins the last two countries (Andorra is never meant). Country names
 * become GENC trigraphs; unknown 3–4 letter codes are kept with a note; any other word is an
 * error. Returns the codes as written (unsorted, `USA` not added) and the index after the list;
 * an empty list means a bare `REL`.
 */
export function parseRelTo(items: readonly Item[], start: number, notes: string[]): { next: number; codes: string[] } {
  let j = start + 1;
  const to = items[j];
  const hasTo = to?.word === 'TO' && to.sep === ' ';
  if (hasTo) j++;
  const codes: string[] = [];
  let oddSeparators = false;
  let afterAnd = false;
  while (j < items.length) {
    const it = items[j] as Item;
    if (codes.length === 0) {
      if (it.sep !== ' ') break;
    } else if (!afterAnd) {
      if (it.sep === '//' || it.sep === '-' || it.sep === '--') break;
      if (it.sep !== ',' && startsElement(items, j)) break;
      if (it.sep !== ',') oddSeparators = true;
      // `GBR and NZL`, also after a serial comma (`GBR, and NZL`): AND joins, Andorra is never meant.
      if (it.word === 'AND' && (it.sep === ' ' || it.sep === ',')) {
        afterAnd = true;
        oddSeparators = true;
        j++;
        continue;
      }
    } else if (it.sep !== ' ') {
      throw new MarkingError('malformed', '"AND" must be followed by a country in the REL TO list');
    }
    afterAnd = false;
    const match = matchCountry(items, j);
    if (!match) throw new MarkingError('unknown', `"${it.word}" is not a country name or code in the REL TO list`);
    if (match.kind === 'name') notes.push(`country name "${match.phrase}" read as ${match.code}`);
    if (match.kind === 'unknown-code') notes.push(`unknown code "${match.code}" in the REL TO list kept as written`);
    codes.push(match.code);
    j += match.n;
  }
  if (afterAnd) throw new MarkingError('malformed', '"AND" must be followed by a country in the REL TO list');
  if (codes.length > 0 && !hasTo) notes.push('REL read as REL TO');
  if (oddSeparators) notes.push(REL_TO_NOTES.separators);
  return { next: j, codes };
}

/** The longest country name or code at `items[j]` (multi-word names joined by spaces or hyphens). */
function matchCountry(items: readonly Item[], j: number): CountryMatch | null {
  let words = '';
  let best: CountryMatch | null = null;
  for (let n = 1; n <= MAX_NAME_WORDS && j + n - 1 < items.length; n++) {
    const it = items[j + n - 1] as Item;
    if (n > 1 && it.sep !== ' ' && it.sep !== '-') break;
    words = n === 1 ? it.word : `${words} ${it.word}`;
    const look = lookupCountry(words);
    if (look.kind === 'code' || look.kind === 'name') best = { n, code: look.code, kind: look.kind, phrase: words };
    else if (n === 1 && look.kind === 'unknown-code') best = { n, code: look.code, kind: look.kind, phrase: words };
    if (!isNamePrefix(words)) break;
  }
  return best;
}
