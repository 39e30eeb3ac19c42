/**
 * `audit --profile` and `--overrides` that the release was not made with were ignored without a
 * word (probe 10, F4): the recorded profile and "no overrides" were used, and the audit passed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO, runBin, tmp } from '../helpers/bin.js';

it('audit warns of a --profile or --overrides the release was not made with, and of none it was', () => {
  const dir = tmp('audit-given');
  const out = path.join(dir, 'out');
  expect(runBin(['release', path.join(REPO, 'samples', '08BERLIN173.txt'), '-p', 'public', '-o', out, '--as-of', '2015-01-01', '-q']).code).toBe(0);
  const ov = path.join(dir, 'ov.yaml');
  writeFileSync(ov, 'overrides:\n  - ref: 08BERLIN173\n    portion: p1\n    action: withhold\n    authority: [B6]\n    reviewer: J. Smith\n    date: 2014-11-20\n');
  const r = runBin(['audit', out, '--profile', path.join(REPO, 'rules', 'nato.yaml'), '--overrides', ov]);
  expect(r.stdout).toMatch(/warning: \.: consistency: --profile .*nato\.yaml \(sha256 [0-9a-f]{12}…\) is not what the release was made with \(profile public, sha256 [0-9a-f]{12}…\); not used/);
  expect(r.stdout).toMatch(/warning: \.: consistency: --overrides .*ov\.yaml \(sha256 [0-9a-f]{12}…\) is not what the release was made with \(no overrides\); not used/);
  const same = runBin(['audit', out, '--profile', path.join(REPO, 'rules', 'public.yaml')]);
  expect(same.stdout).not.toContain('not used');
});

it('audit refuses a --profile or --overrides file that does not exist (exit 66), in one line (probe 17)', () => {
  const out = path.join(tmp('audit-given-missing'), 'out');
  expect(runBin(['release', path.join(REPO, 'samples', '08BERLIN173.txt'), '-p', 'public', '-o', out, '--as-of', '2015-01-01', '-q']).code).toBe(0);
  for (const option of ['--profile', '--overrides']) {
    const r = runBin(['audit', out, option, 'nosuch.yaml']);
    expect(r.code).toBe(66);
    expect(r.stderr).toBe(`declass: ${option} nosuch.yaml: no such file\n`);
  }
});
