import { isoDateOf } from '../../dates.js';
import type { Io } from '../io.js';

/** Today's date (UTC) as YYYY-MM-DD, from the injected clock. */
export function today(io: Io): string {
  return isoDateOf(io.now());
}

/**
 * The date a command decides as of: `--as-of`, or today. A date after today is a projection
 * (a declassification date between today and then counts as passed), which a release must not be
 * handed out as before that date: said on standard error, never quietly (a mistyped year).
 */
export function asOfDate(io: Io, given: string | undefined, release = false): string {
  const now = today(io);
  if (given === undefined) return now;
  if (given > now) {
    const then = release ? `; do not hand it out before ${given}` : '';
    io.stderr(`declass: warning: --as-of ${given} is after today (${now}): decided as the documents will stand then, declassification dates before it counted as passed${then}\n`);
  }
  return given;
}
