/**
 * The error the marking parser throws internally; `parseMarking` turns it into `ok: false`.
 */

/** A marking that is not understood: `unknown` for a word not in the grammar, `malformed` for broken structure. */
export class MarkingError extends Error {
  constructor(
    readonly reason: 'unknown' | 'malformed',
    /** What was found, as the middle of a sentence: `"F" is not a known marking word`. */
    readonly problem: string,
  ) {
    super(problem);
    this.name = 'MarkingError';
  }
}
