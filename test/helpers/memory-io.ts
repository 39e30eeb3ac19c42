import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

/** Result of running the CLI in-process. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `declass ARGV` in-process with captured output and a fixed clock (2026-11-26). */
export async function runCli(argv: readonly string[], options: { now?: string; cwd?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    now: () => new Date(options.now ?? '2026-11-26T12:00:00Z'),
    cwd: () => options.cwd ?? process.cwd(),
    isTTY: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
