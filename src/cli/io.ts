/**
 * The CLI's window on the world: output streams, clock and terminal facts. Injected into `main` so
 * tests run commands in-process with captured output and a fixed clock.
 */
export interface Io {
  /** Write to standard output (text is written as given; add your own newlines). */
  stdout(text: string): void;
  /** Write to standard error. */
  stderr(text: string): void;
  /** Current time; used only for defaults such as `--as-of` today. */
  now(): Date;
  /** Working folder relative paths are resolved against. */
  cwd(): string;
  /** True when standard error is an interactive terminal (progress bars). */
  readonly isTTY: boolean;
}

/** The real process. */
export function nodeIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    now: () => new Date(),
    cwd: () => process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
  };
}
