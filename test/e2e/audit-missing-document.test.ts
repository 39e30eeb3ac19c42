/**
 * A document removed from a release folder whole (its files, its record, the manifest chain made
 * again) passed `audit --originals` with its original among them (probe 10, F12): only `--head`
 * caught it. An original that no record was made from is a warning now, naming it.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO, runBin, tmp } from '../helpers/bin.js';

it('audit --originals names an original that no record of the folder was made from', () => {
  const dir = tmp('audit-missing');
  const inDir = path.join(dir, 'in');
  mkdirSync(inDir);
  for (const f of ['08BERLIN173.txt', '05BOGOTA3726.txt']) copyFileSync(path.join(REPO, 'samples', f), path.join(inDir, f));
  const out = path.join(dir, 'out');
  // Release one of the two; the other stands for a document removed from the folder.
  expect(runBin(['release', path.join(inDir, '05BOGOTA3726.txt'), '-p', 'public', '-o', out, '--as-of', '2015-01-01', '-q']).code).toBe(0);
  const r = runBin(['audit', out, '--originals', inDir]);
  expect(r.stdout).toMatch(/warning: \.: rerun: original .*08BERLIN173\.txt \(sha256 [0-9a-f]{12}…\) has no record in the folder/);
  expect(r.stdout).not.toMatch(/original .*05BOGOTA3726\.txt .*has no record/);
  // Every original recorded: no such warning.
  expect(runBin(['audit', out, '--originals', path.join(inDir, '05BOGOTA3726.txt')]).stdout).not.toContain('has no record');
});
