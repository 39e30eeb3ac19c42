import { wantsColor } from './color.js';

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
  /** All of standard input as bytes (`-` as an input path: one document). */
  readStdinBytes?(): Promise<Uint8Array>;
  /**
   * Whether standard output and standard error want colour (see ./color.ts: a terminal, or
   * `FORCE_COLOR`; never with `NO_COLOR`). `--no-color` turns both off. Absent: no colour.
   */
  readonly color?: { readonly stdout: boolean; readonly stderr: boolean };
  /**
   * Calls `handler` on Ctrl-C (SIGINT) instead of the default exit; returns a function that
   * restores the default. Absent where there is no process to interrupt (tests).
   */
  onInterrupt?(handler: () => void): () => void;
}

/** The real process. */
export function nodeIo(): Io {
  // Standard input can be read once; both readers share it.
  let stdin: Promise<Buffer> | null = null;
  const readAll = (): Promise<Buffer> =>
    (stdin ??= (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    })());
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    now: () => new Date(),
    cwd: () => process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
    progressStream: process.stderr,
    readStdin: async () => (await readAll()).toString('utf8'),
    readStdinBytes: async () => new Uint8Array(await readAll()),
    color: { stdout: wantsColor(process.stdout, process.env), stderr: wantsColor(process.stderr, process.env) },
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      return () => void process.off('SIGINT', handler);
    },
  };
}
