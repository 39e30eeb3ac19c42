import { createTwoFilesPatch } from 'diff';

/**
 * Unified diff from the original to the release (jsdiff). It shows withheld text on its `-` lines,
 * so it belongs in the review folder, never in the release folder.
 */
export function renderDiff(original: string, release: string, stem: string): string {
  return createTwoFilesPatch(`original/${stem}.txt`, `release/${stem}.txt`, original, release, undefined, undefined, { context: 3 });
}
