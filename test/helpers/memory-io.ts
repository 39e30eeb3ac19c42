import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

/** Result of running the CLI in-process. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** What was drawn on the (fake) terminal: progress bars. Empty unless `tty`. */
  readonly terminal: string;
}

export interface CliOptions {
  now?: string;
  cwd?: string;
  /** Standard input, for `--from-list -`. */
  stdin?: string;
  /** Pretend standard error is a terminal (progress bars draw into `terminal`). */
  tty?: boolean;
  /** Receives the interrupt trigger: call it to simulate Ctrl-C. */
  onInterruptInstalled?: (interrupt: () => void) => void;
  /** Called for each chunk written to stdout (e.g. to interrupt after the first document). */
  onStdout?: (text: string) => void;
}

/** Runs `declass ARGV` in-process with captured output and a fixed clock (2026-11-26). */
export async function runCli(argv: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let terminal = '';
  const progressStream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      terminal += chunk.toString();
      done();
    },
  });
  // cli-progress draws only on a terminal.
  Object.assign(progressStream, { isTTY: true, columns: 120 });
  const io: Io = {
    stdout: (t) => {
      stdout += t;
      options.onStdout?.(t);
    },
    stderr: (t) => void (stderr += t),
    now: () => new Date(options.now ?? '2026-12-05T12:00:00Z'),
    cwd: () => options.cwd ?? process.cwd(),
    isTTY: options.tty ?? false,
    ...(options.tty ? { progressStream } : {}),
    ...(options.stdin !== undefined ? { readStdin: async () => options.stdin! } : {}),
    ...(options.onInterruptInstalled
      ? {
          onInterrupt: (handler: () => void) => {
            options.onInterruptInstalled!(handler);
            return () => {};
          },
        }
      : {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, terminal };
}
