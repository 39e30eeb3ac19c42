/**
 * What an authority item says, for the checks of a reviewer's authority list (overrides.ts) and
 * the warnings on what it claims (engine/evaluate.ts). No dependencies: a release loads it.
 */

/**
 * A 1.4 (or E.O. 12958's 1.5) classification reason as an authority item: `1.4(C)`, `1.4 c`, and as
 * a reviewer cites the order's section, `Sec. 1.4(c)`, `§1.4(c)`, `E.O. 13526, sec. 1.4(c)` (kept as
 * written on the stamp); the section digit and the letter captured.
 */
export const CLASSIFICATION_REASON = /^(?:E\.?\s?O\.?\s*1(?:3526|2958),?\s*)?(?:(?:sec(?:tion|\.)?|§)\s*)?1\.([45])\s*\(?([A-Za-z])\)?$/i;

/** The reason an authority item cites, as declass writes it (`Sec. 1.4(c)` is `1.4(C)`), or null. */
export function classificationReason(item: string): string | null {
  const c = CLASSIFICATION_REASON.exec(item);
  return c ? `1.${c[1]}(${c[2]!.toUpperCase()})` : null;
}

/** Whether an authority item is FOIA exemption (b)(1): `B1`, `(b)(1)`. */
export function isB1(item: string): boolean {
  return /^B1$|^\(b\)\(1\)$/i.test(item);
}
