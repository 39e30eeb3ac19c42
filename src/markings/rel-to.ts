/**
 * REL TO lists: canonical order and intersection.
 */
import { TETRAGRAPH_MEMBERS } from './countries.js';

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
