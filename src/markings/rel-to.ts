/**
 * REL TO lists: canonical order and intersection.
 */
import type { Marking } from '../types.js';
import { TETRAGRAPH_MEMBERS } from './countries.js';

/**
 * The notes the grammar leaves in a marking's `normalisations` when it mends a REL TO list as
 * written, which {@link relToFormProblems} reads back: written once here, where both look.
 */
export const REL_TO_NOTES = {
  usaAdded: 'USA added to the REL TO list (it is always first)',
  sorted: 'REL TO list sorted (USA, trigraphs, tetragraphs)',
  separators: 'REL TO list separators read as ", "',
} as const;

/** A REL TO list written otherwise than CAPCO spells it (§H.8), as a lint code and what is wrong. */
export interface RelToProblem {
  readonly code: 'rel-to-usa-first' | 'rel-to-order' | 'rel-to-separators';
  readonly problem: string;
}

/**
 * How the REL TO list of `m` was written otherwise than CAPCO wants it: `USA` first, then the
 * trigraphs alphabetically, then the tetragraphs alphabetically, separated by `, ` (`REL TO FVEY`
 * lacks USA; `REL TO USA GBR AUS` has no commas and is out of order). The grammar reads each
 * (fail closed does not depend on them: the list is the same set of countries); a lint warning
 * says what was written. None when the marking has no REL TO list (also when NOFORN dropped it).
 */
export function relToFormProblems(m: Marking): RelToProblem[] {
  if (m.relTo.length === 0) return [];
  const out: RelToProblem[] = [];
  if (m.normalisations.includes(REL_TO_NOTES.usaAdded)) out.push({ code: 'rel-to-usa-first', problem: 'the REL TO list does not name USA first' });
  if (m.normalisations.includes(REL_TO_NOTES.sorted)) out.push({ code: 'rel-to-order', problem: 'the REL TO list is out of order' });
  if (m.normalisations.includes(REL_TO_NOTES.separators)) out.push({ code: 'rel-to-separators', problem: 'the REL TO list is not separated by commas' });
  return out;
}

/**
 * Sort a REL TO list into CAPCO order (§H.8): `USA` first, then trigraphs alphabetically, then
 * tetragraphs alphabetically. Duplicates are removed; `USA` is NOT added here (callers decide).
 */
export function sortRelTo(codes: Iterable<string>): string[] {
  const set = new Set(codes);
  const rest = [...set].filter((c) => c !== 'USA');
  const tri = rest.filter((c) => c.length !== 4).sort();
  const tetra = rest.filter((c) => c.length === 4).sort();
  return [...(set.has('USA') ? ['USA'] : []), ...tri, ...tetra];
}

/** Expand fixed-membership tetragraphs (FVEY, ACGU, TEYE) into their members, keeping the rest. */
function expand(list: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const code of list) {
    const members = TETRAGRAPH_MEMBERS[code];
    if (members) members.forEach((m) => out.add(m));
    else out.add(code);
  }
  return out;
}

/**
 * Intersect REL TO lists (CAPCO §D.2: the banner is REL TO the countries common to every list).
 * FVEY, ACGU and TEYE are expanded to their members for the comparison; a tetragraph present in
 * every list is kept as the tetragraph rather than its members. Open-membership tetragraphs
 * (NATO, ISAF, …) are compared as opaque codes: `NATO` and `FRA` have nothing in common, which
 * errs towards NOFORN. Returns the sorted common list, `USA` included; a result of just `['USA']`
 * or `[]` means no common country.
 */
export function intersectRelTo(lists: readonly (readonly string[])[]): string[] {
  if (lists.length === 0) return [];
  const expanded = lists.map(expand);
  let common = [...(expanded[0] ?? [])].filter((c) => expanded.every((s) => s.has(c)));
  // Re-compress fixed tetragraphs that every list names literally.
  for (const [tetra, members] of Object.entries(TETRAGRAPH_MEMBERS)) {
    if (lists.every((l) => l.includes(tetra))) {
      common = common.filter((c) => c === 'USA' || !members.includes(c));
      common.push(tetra);
    }
  }
  return sortRelTo(common);
}

/** True if every country REL TO `narrow` allows is also allowed by `wide` (after expanding FVEY/ACGU/TEYE). */
export function relToSubset(narrow: readonly string[], wide: readonly string[]): boolean {
  const w = expand(wide);
  for (const c of expand(narrow)) if (!w.has(c)) return false;
  return true;
}
