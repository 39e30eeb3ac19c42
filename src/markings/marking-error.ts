/**
 * The error the marking parser throws internally; `parseMarking` turns it into `ok: false`.
 */

/** A marking that is not understood: `unknown` for a word not in the grammar, `malformed` for broken structure. */
export class MarkingError extends Error {
  readonly reason: 'unknown' | 'malformed';
  /** What was found, as the middle of a sentence: `"F" is not a known marking word`. */
  readonly problem: string;

  constructor(reason: 'unknown' | 'malformed', problem: string) {
    // It never leaves the parser, so its stack is never read; capturing one was 3.6% of a batch
    // (the parser tries readings that fail for every parenthetical of every cable).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(problem);
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.reason = reason;
    this.problem = problem;
    this.name = 'MarkingError';
  }
}
