/**
 * A date after today is a projection: declassification dates before it count as passed, so a
 * release made so holds text that is still classified today. It is said on standard error (a
 * mistyped year must not pass quietly); today or before says nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';

const SEED = path.resolve('samples/08BERLIN173.txt');
const NOW = '2026-11-26T12:00:00Z';

describe('--as-of after today', () => {
  it('release: a warning naming both dates and when the release may be handed out; the release is made', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'declass-as-of-')), 'out');
    const r = await runCli(['release', SEED, '--profile', 'public', '--out', out, '--as-of', '2031-01-01', '--formats', 'text'], { now: NOW });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('declass: warning: --as-of 2031-01-01 is after today (2026-11-26): decided as the documents will stand then, declassification dates before it counted as passed; do not hand it out before 2031-01-01\n');
  });

  it.each([['check'], ['lint'], ['explain']])('%s: the same warning, without the hand-out clause', async (command) => {
    const extra = command === 'explain' ? ['--profile', 'public'] : [];
    const r = await runCli([command, SEED, ...extra, '--as-of', '2027-01-01'], { now: NOW });
    expect(r.stderr).toContain('declass: warning: --as-of 2027-01-01 is after today (2026-11-26): decided as the documents will stand then, declassification dates before it counted as passed\n');
  });

  it('today, a past date or none: no warning', async () => {
    for (const asOf of [['--as-of', '2026-11-26'], ['--as-of', '2010-12-01'], []]) {
      const r = await runCli(['check', SEED, ...asOf], { now: NOW });
      expect(r.stderr).not.toContain('--as-of');
    }
  });
});

describe('--as-of before a document was written', () => {
  const WARNING = "warning: The as-of date 2000-01-01 is before the document's origination on 2008-02-13: it is decided as it stood before it was written. [as-of-before-origin]\n";

  it('release: a warning for the document (it is still decided as its instruction says)', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'declass-as-of-')), 'out');
    const r = await runCli(['release', SEED, '--profile', 'public', '--out', out, '--as-of', '2000-01-01', '--formats', 'text'], { now: NOW });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`declass: ${SEED}: ${WARNING}`);
  });

  it('check: the same warning for the document', async () => {
    const r = await runCli(['check', SEED, '--as-of', '2000-01-01'], { now: NOW });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${SEED}: ${WARNING}`);
  });

  // explain printed only decl-conflict of the assessment's notes (probe 60b F1): the command that
  // explains the decision said nothing of it.
  it('explain: the same warning, in its explanation', async () => {
    const r = await runCli(['explain', SEED, '--profile', 'public', '--as-of', '2000-01-01'], { now: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${WARNING.replace(' [as-of-before-origin]\n', '')} (as-of-before-origin)\n`);
  });

  it('on or after the origination date: no warning', async () => {
    for (const asOf of ['2008-02-13', '2010-12-01']) {
      const r = await runCli(['check', SEED, '--as-of', asOf], { now: NOW });
      expect(r.stderr).not.toContain('as-of-before-origin');
    }
  });
});
