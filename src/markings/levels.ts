/**
 * US classification levels: order, names and abbreviations.
 */
import type { Level } from '../types.js';

/** All levels, lowest first. The index is the rank used by {@link compareLevels}. */
export const LEVELS: readonly Level[] = ['U', 'C', 'S', 'TS'];

/** Banner words for each level (always spelled out in a banner, CAPCO §A.6). */
export const LEVEL_BANNER: Readonly<Record<Level, string>> = {
  U: 'UNCLASSIFIED',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  TS: 'TOP SECRET',
};

/**
 * Order two levels: negative when `a` is lower than `b`, 0 when equal, positive when higher
 * (`U < C < S < TS`). Usable as an `Array#sort` comparator.
 */
export function compareLevels(a: Level, b: Level): number {
  return LEVELS.indexOf(a) - LEVELS.indexOf(b);
}

/** The higher of two levels. */
export function maxLevel(a: Level, b: Level): Level {
  return compareLevels(a, b) >= 0 ? a : b;
}

/** True for `C`, `S` and `TS`. */
export function isClassified(level: Level): boolean {
  return level !== 'U';
}
