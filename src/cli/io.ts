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
  /**
   * Said by a command that writes files (release, index, check --ics) before it starts: a standard
   * output its reader closed early (`declass release … | head -1`) then no longer ends the process;
   * the rest of the report is dropped, a note goes to standard error, and the files are finished.
   * Without it a reading command stops at the closed pipe. Absent where there is no process (tests).
   */
  writesFiles?(): void;
}

/** A write error that means the reader went away: the pipe was closed (`| head`), or the stream already ended. */
const isClosed = (error: NodeJS.ErrnoException): boolean => error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED';

/**
 * Standard output and error as the process writes them, minding a reader that stops early: a
 * reading command (parse, explain, audit …) ends at a closed standard output with the exit code it
 * has so far, as before; once `writesFiles` was said, the command runs to its end (every document,
 * the manifest, the index) with its report dropped and one note on standard error, and exits with
 * the code its work gives. Writes to a closed stream are dropped rather than raised.
 */
function processStreams(): { stdout(text: string): void; stderr(text: string): void; writesFiles(): void } {
  const open = { stdout: true, stderr: true };
  let writing = false;
  const stderr = (text: string): void => void (open.stderr && process.stderr.write(text));
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (!isClosed(error)) throw error;
    open.stderr = false;
  });
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (!isClosed(error)) throw error;
    if (!open.stdout) return;
    open.stdout = false;
    if (!writing) process.exit(process.exitCode ?? 0);
    stderr('declass: standard output was closed before the end of the report; the rest of it is dropped, and the files are still written\n');
  });
  return {
    stdout: (text) => void (open.stdout && process.stdout.write(text)),
    stderr,
    writesFiles: () => {
      writing = true;
    },
  };
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
  const streams = processStreams();
  return {
    stdout: streams.stdout,
    stderr: streams.stderr,
    writesFiles: streams.writesFiles,
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
