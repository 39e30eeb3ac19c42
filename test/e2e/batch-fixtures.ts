/** What the batch tests share: the samples, the built CLI, the date, a temporary folder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The bundled sample cables. */
export const SAMPLES = path.resolve('samples');
/** The built CLI (npm ci runs the build): worker threads exist only there. */
export const BIN = path.resolve('dist/cli/bin.js');
/** The as-of date of every batch test. */
export const AS_OF = '2010-12-01';
/** A new temporary folder for one test. */
export const tmp = (name: string): string => mkdtempSync(path.join(tmpdir(), `declass-batch-${name}-`));
