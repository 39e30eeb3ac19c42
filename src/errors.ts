/**
 * Typed errors, each carrying the process exit code it maps to. The CLI turns them into one-line
 * messages; nothing else in the library calls process.exit.
 *
 * Exit codes (documented in `declass --help` and README):
 * - 0  success
 * - 1  the command ran and found problems (lint errors, failed audit, a file that could not be processed,
 *      a status listed in --fail-on)
 * - 2  internal error (a bug: please report it)
 * - 64 usage error (unknown option, bad date, missing argument)
 * - 66 input not found or unreadable
 * - 73 output could not be written (folder refused or not writable)
 * - 78 invalid release profile or overrides file
 * - 130 interrupted (SIGINT): documents in progress were finished, nothing partial was left
 */
export const ExitCode = {
  ok: 0,
  problems: 1,
  internal: 2,
  usage: 64,
  noInput: 66,
  cantCreate: 73,
  config: 78,
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Base class: a message fit for one line of output, and an exit code. */
export class DeclassError extends Error {
  readonly exitCode: ExitCodeValue;
  constructor(message: string, exitCode: ExitCodeValue, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad command-line usage (unknown flag, invalid date). */
export class UsageError extends DeclassError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.usage, options);
  }
}

/** An input file or folder that does not exist, cannot be read, or is not a cable. */
export class InputError extends DeclassError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.noInput, options);
  }
}

/** An output that cannot or may not be written. */
export class OutputError extends DeclassError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.cantCreate, options);
  }
}

/** An invalid release profile or overrides file. The message names the file and the place in it. */
export class ConfigurationError extends DeclassError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.config, options);
  }
}

/** A broken invariant (e.g. overlapping edits). In a redaction tool this stops output: never skip. */
export class InternalError extends DeclassError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.internal, options);
  }
}
