/**
 * vitest globalSetup: every temporary file of the run goes under one folder, deleted when the run
 * ends. Tests (and the CLI processes they start) make their folders with `os.tmpdir()`, which
 * reads TMPDIR; set here in the main process before the test workers start, so they and their
 * children inherit it. Without it, each `npm test` left about 130 folders in the system's
 * temporary folder. Run once per project: the first setup makes the folder and its teardown
 * deletes it. The pdftotext cache (../helpers/pdf-corpus.ts) stays in the system's folder
 * ({@link SYSTEM_TMP_ENV}) so that only the first run pays for it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The environment variable that keeps the system's temporary folder while TMPDIR points at the run's. */
export const SYSTEM_TMP_ENV = 'DECLASS_TEST_SYSTEM_TMP';

export default function scratch(): (() => void) | undefined {
  if (process.env[SYSTEM_TMP_ENV]) return undefined;
  const system = os.tmpdir();
  const dir = mkdtempSync(path.join(system, 'declass-test-'));
  const before = process.env['TMPDIR'];
  process.env[SYSTEM_TMP_ENV] = system;
  process.env['TMPDIR'] = dir;
  return () => {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
    delete process.env[SYSTEM_TMP_ENV];
    rmSync(dir, { recursive: true, force: true });
  };
}
