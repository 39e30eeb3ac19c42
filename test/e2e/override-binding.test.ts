/**
 * A reviewer decision binds to what the reviewer saw (probe 10, F14): one reference that two inputs
 * of different content give is refused for a decision without a sha256; a decision's `sha256` or
 * `mark` that the document no longer matches does not apply (exit 78 when it matches nothing, an
 * `override-portion-changed` warning on a batch's other document). Override dates are calendar
 * dates (F3).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runBin, tmp } from '../helpers/bin.js';

const BERLIN = path.join(REPO, 'samples', '08BERLIN173.txt');
const AS_OF = '2015-01-01';

/** v1: the sample; v2: the same cable whose ¶1 an edit made SECRET with new text. */
function twoVersions(): { dir: string; v1: string; v2: string; sha1: string } {
  const dir = tmp('binding');
  const text = readFileSync(BERLIN, 'utf8');
  const edited = text.replace(/1\. \(C\)[^\n]*/, '1. (S) SECRET NEW TEXT ABOUT THE SOURCE NAMED IN THIS PARAGRAPH.');
  expect(edited).not.toBe(text);
  const v1 = path.join(dir, 'v1.txt');
  const v2 = path.join(dir, 'v2.txt');
  writeFileSync(v1, text);
  writeFileSync(v2, edited);
  return { dir, v1, v2, sha1: createHash('sha256').update(text).digest('hex') };
}

function decisions(dir: string, extra: string, date = '2014-11-20'): string {
  const file = path.join(dir, 'decisions.yaml');
  writeFileSync(file, `overrides:\n  - ref: 08BERLIN173\n    portion: p1\n    action: release\n    reviewer: J. Smith\n    date: ${date}\n${extra}`);
  return file;
}

const release = (dir: string, inputs: string[], file: string) => runBin(['release', ...inputs, '-p', 'public', '-o', path.join(dir, 'out'), '--as-of', AS_OF, '--overrides', file]);

describe('an override binds to the document the reviewer saw', () => {
  it('a decision without sha256 that two inputs of different content match is refused, naming both', () => {
    const { dir, v1, v2 } = twoVersions();
    const r = release(dir, [v1, v2], decisions(dir, ''));
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('decisions.yaml:2: override for 08BERLIN173 p1 matches two different documents with that reference');
    expect(r.stderr).toContain('v1.txt (sha256');
    expect(r.stderr).toContain('v2.txt (sha256');
  });

  it('with sha256 the decision applies to that document only; the other is warned and decided by the profile', () => {
    const { dir, v1, v2, sha1 } = twoVersions();
    const r = release(dir, [v1, v2], decisions(dir, `    sha256: ${sha1}\n`));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('[override-portion-changed]');
    expect(readFileSync(path.join(dir, 'out', 'release', 'v1.txt'), 'utf8')).toContain('(DECLASSIFIED, formerly C)');
    const v2Out = path.join(dir, 'out', 'release', 'v2.txt');
    expect(readFileSync(v2Out, 'utf8')).not.toContain('SECRET NEW TEXT');
  });

  it('the edited document alone: a sha256 or mark it no longer matches is exit 78', () => {
    const { dir, v2, sha1 } = twoVersions();
    const bySha = release(dir, [v2], decisions(dir, `    sha256: ${sha1}\n`));
    expect(bySha.code).toBe(78);
    expect(bySha.stderr).toContain('does not bind: it was written for the document of sha256');
    const byMark = release(dir, [v2], decisions(dir, '    mark: (C)\n'));
    expect(byMark.code).toBe(78);
    expect(byMark.stderr).toContain('it was written for p1 marked (C), which is now (S)');
  });

  it('an existing decision (no sha256, no mark) on one document still applies; a matching mark too', () => {
    const { dir, v1 } = twoVersions();
    expect(release(dir, [v1], decisions(dir, '')).code).toBe(0);
    const again = tmp('binding-mark');
    expect(release(again, [v1], decisions(again, '    mark: (C)\n')).code).toBe(0);
  });

  it('an override date that is no calendar date is refused with the file and line (F3)', () => {
    const { dir, v1 } = twoVersions();
    const r = release(dir, [v1], decisions(dir, '', '2026-02-30'));
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('February 2026 has 28 days');
    expect(r.stderr).toContain('decisions.yaml:');
  });
});
