/**
 * What an authority item says, for the checks of a reviewer's authority list (overrides.ts) and
 * the warnings on what it claims (engine/evaluate.ts). No dependencies: a release loads it.
 */

/** A 1.4 (or E.O. 12958's 1.5) classification reason as an authority item: `1.4(C)`, `1.4 c`; the letter captured. */
export const CLASSIFICATION_REASON = /^1\.[45]\s*\(?([A-Za-z])\)?$/;

/** Whether an authority item is FOIA exemption (b)(1): `B1`, `(b)(1)`. */
export function isB1(item: string): boolean {
  return /^B1$|^\(b\)\(1\)$/i.test(item);
}
