/**
 * Defaults of a release batch, apart from the pool itself so that the command line can show
 * them without loading it.
 */
import { availableParallelism } from 'node:os';

/** The default `--jobs`: the cores this process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}
