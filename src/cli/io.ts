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
  /** The terminal stream progress bars draw on (only when `isTTY`). */
  readonly progressStream?: NodeJS.WritableStream;
  /** All of standard input as text (`--from-list -`). */
  readStdin?(): Promise<string>;
  /**
   * Calls `handler` on Ctrl-C (SIGINT) instead of the default exit; returns a function that
   * restores the default. Absent where there is no process to interrupt (tests).
   */
  onInterrupt?(handler: () => void): () => void;
}

/** The real process. */
export function nodeIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    now: () => new Date(),
    cwd: () => process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
    progressStream: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      return () => void process.off('SIGINT', handler);
    },
  };
}
