/**
 * Runs the built CLI (dist/cli/bin.js) as a user does: a child process with its own standard
 * input, output, error, environment and exit code. test/setup/build.ts builds dist/ when stale.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/**
 * The built CLI; `DECLASS_TEST_BIN` points the CLI tests at another build (for example one of an
 * earlier commit, to see a new test fail there before the change it tests).
 */
export const BIN = process.env['DECLASS_TEST_BIN'] ?? path.join(REPO, 'dist/cli/bin.js');

export interface BinRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface BinOptions {
  /** Standard input (default: none, an empty stream). */
  readonly input?: string | Uint8Array;
  readonly cwd?: string;
  /** Extra environment; colour variables of the test's own environment are removed first. */
  readonly env?: Record<string, string>;
}

/** `declass ARGS` as a child process. */
export function runBin(args: readonly string[], options: BinOptions = {}): BinRun {
  const env: Record<string, string | undefined> = { ...process.env };
  // The test runner's own terminal settings must not leak into what is being tested.
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'DECLASS_DEBUG']) delete env[name];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input ?? '',
    env: { ...env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A new temporary folder for one test. */
export function tmp(name: string): string {
  return mkdtempSync(path.join(tmpdir(), `declass-${name}-`));
}

/** The lines of a text, without the empty last one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
}
