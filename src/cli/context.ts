import type { Colors } from './color.js';
import type { Io } from './io.js';

/** What every command module receives: the injected I/O and a way to report its exit code. */
export interface CommandContext {
  readonly io: Io;
  /** Record the command's exit code (the highest one reported wins). */
  exit(code: number): void;
  /** Colour formatters for standard output and standard error (identity when colour is off). */
  colors(): { readonly out: Colors; readonly err: Colors };
}
