import { isoDateOf } from '../../dates.js';
import type { Io } from '../io.js';

/** Today's date (UTC) as YYYY-MM-DD, from the injected clock. */
export function today(io: Io): string {
  return isoDateOf(io.now());
}
