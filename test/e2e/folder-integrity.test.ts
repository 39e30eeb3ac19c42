/**
 * One folder, one release (issue 13, "Folder integrity"), through the built binary: `release`
 * refuses a folder released with another profile, as-of date or overrides file (exit 73, one line
 * saying what differs and what to do) and `--replace` discards the old release safely; `audit`
 * fails a folder whose records disagree (`consistency`), says which checks it skipped without the
 * originals, and `--require-originals` fails on them; `release --fail-on cross-leak` and `audit`
 * agree on cross-document leaks.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/node/profiles.js';
import type { Profile } from '../../src/rules/load.js';
import { lines, REPO, runBin, tmp } from '../helpers/bin.js';
import { documentFiles, expectNoLeaksInFolder, releasedFiles } from '../helpers/release-folder.js';
import { cable } from '../parse/helpers.js';

const SAMPLES = path.join(REPO, 'samples');
const STATE = path.join(SAMPLES, '08STATE116943.txt');
const BERLIN = path.join(SAMPLES, '08BERLIN173.txt');
const AS_OF = '2010-12-01';

/** Every file under `dir` with its bytes, relative path → bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), readFileSync(full).toString('base64'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const samplesOriginals = () => new Map(readdirSync(SAMPLES).filter((n) => /\.(txt|md)$/.test(n)).map((n) => [n.replace(/\.txt$/, ''), path.join(SAMPLES, n)]));

let profiles: Record<'public' | 'us-secret', Profile>;
/** A folder with the samples released for the public: copied for each test that changes it. */
let publicOut: string;
beforeAll(async () => {
  profiles = { public: await resolveProfile('public'), 'us-secret': await resolveProfile('us-secret') };
  publicOut = path.join(tmp('integrity-public'), 'out');
  const r = runBin(['release', SAMPLES, '-p', 'public', '-o', publicOut, '--as-of', AS_OF, '--formats', 'text,pdf', '-q']);
  expect(r.code).toBe(0);
  await expectNoLeaksInFolder(publicOut, samplesOriginals(), profiles.public, AS_OF);
});

const copyOfPublic = (): string => {
  const dir = path.join(tmp('integrity-copy'), 'out');
  cpSync(publicOut, dir, { recursive: true });
  return dir;
};

describe('release refuses a folder released with other settings', () => {
  it('the issue: a SECRET//NOFORN release among public ones is refused (73), in one line, and nothing changes', () => {
    const out = copyOfPublic();
    const before = snapshot(out);
    const r = runBin(['release', STATE, '-p', 'us-secret', '-o', out, '--as-of', AS_OF, '--formats', 'text,pdf']);
    expect(r.code).toBe(73);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^declass: .* holds a release made with other settings \(review\/manifest\.json: profile public \(sha256 [0-9a-f]{12}…\) there, us-secret \(sha256 [0-9a-f]{12}…\) here\); a folder holds one release: choose a new --out, or add --replace to discard the release in it first\n$/);
    expect(snapshot(out)).toEqual(before);
  });

  it('another as-of date, or an overrides file, is another release too', () => {
    const out = copyOfPublic();
    const date = runBin(['release', BERLIN, '-p', 'public', '-o', out, '--as-of', '2026-11-26', '--formats', 'text,pdf']);
    expect(date.code).toBe(73);
    expect(date.stderr).toMatch(/as of 2010-12-01 there, 2026-11-26 here/);
    const overrides = path.join(tmp('integrity-ov'), 'overrides.yaml');
    writeFileSync(overrides, 'overrides:\n  - ref: 08BERLIN173\n    portion: p2\n    action: release\n    reviewer: J. Smith\n    date: 2026-11-20\n');
    const withOverrides = runBin(['release', BERLIN, '-p', 'public', '-o', out, '--as-of', AS_OF, '--formats', 'text,pdf', '--overrides', overrides]);
    expect(withOverrides.code).toBe(73);
    expect(withOverrides.stderr).toMatch(/no overrides there, .*overrides\.yaml \(sha256 [0-9a-f]{12}…\) here/);
  });

  it('the same settings are welcome: a document added to the folder', () => {
    const out = path.join(tmp('integrity-add'), 'out');
    expect(runBin(['release', BERLIN, '-p', 'public', '-o', out, '--as-of', AS_OF, '--formats', 'text']).code).toBe(0);
    expect(runBin(['release', STATE, '-p', 'public', '-o', out, '--as-of', AS_OF, '--formats', 'text']).code).toBe(0);
    expect(releasedFiles(out)).toEqual(['08BERLIN173.txt', '08STATE116943.txt']);
    expect(runBin(['audit', out]).code).toBe(0);
  });

  it('a record left by a run killed before its manifest counts as well', () => {
    const out = path.join(tmp('integrity-killed'), 'out');
    expect(runBin(['release', BERLIN, '-p', 'public', '-o', out, '--as-of', AS_OF, '--formats', 'text']).code).toBe(0);
    // As if a run had written this record and been killed before its manifest.
    rmSync(path.join(out, 'review/manifest.json'));
    const r = runBin(['release', STATE, '-p', 'us-secret', '-o', out, '--as-of', AS_OF, '--formats', 'text']);
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/\(review\/08BERLIN173\.audit\.json: profile public/);
  });
});

describe('release --replace', () => {
  it('discards the old release, writes the new one, and the folder audits clean', async () => {
    const out = copyOfPublic();
    const r = runBin(['release', STATE, '-p', 'us-secret', '-o', out, '--as-of', AS_OF, '--formats', 'text,pdf', '--replace']);
    // Only the cable's own marking warnings (its banner lacks FGI; two DECL values), nothing of the replace.
    expect(r.stderr.split('\n').filter(Boolean).map((l) => /\[([a-z-]+)\]$/.exec(l)?.[1])).toEqual(['banner-missing-controls', 'decl-conflict']);
    expect(r.code).toBe(0);
    expect(documentFiles(path.join(out, 'release')).sort()).toEqual(['08STATE116943.pdf', '08STATE116943.txt']);
    expect(readdirSync(path.join(out, 'review')).sort()).toEqual(['08STATE116943.audit.json', 'manifest.json']);
    expect(await expectNoLeaksInFolder(out, new Map([['08STATE116943', STATE]]), profiles['us-secret'], AS_OF)).toBe(2);
    const audit = runBin(['audit', out, '--originals', STATE]);
    expect(audit.stdout).toContain('audit passed: 1 document(s)');
    expect(audit.code).toBe(0);
  });

  it('removes only what declass writes: anything else in release/ or review/ stops it before anything is removed', () => {
    for (const [where, name] of [
      ['release', 'NOTES.docx'],
      ['review', 'reviewer-notes.md'],
      ['release', 'sub'],
    ] as const) {
      const out = copyOfPublic();
      const foreign = path.join(out, where, name);
      if (name === 'sub') mkdirSync(foreign);
      else writeFileSync(foreign, 'my own notes\n');
      const before = snapshot(out);
      const r = runBin(['release', STATE, '-p', 'us-secret', '-o', out, '--as-of', AS_OF, '--replace']);
      expect(r.code).toBe(73);
      expect(r.stderr).toBe(`declass: --replace: ${foreign} is not a file declass writes; move it out of ${path.join(out, where)} first (nothing was removed)\n`);
      expect(snapshot(out)).toEqual(before);
    }
  });

  it('leaves files outside release/ and review/ alone', () => {
    const out = copyOfPublic();
    writeFileSync(path.join(out, 'README.txt'), 'what this folder is\n');
    expect(runBin(['release', BERLIN, '-p', 'us-secret', '-o', out, '--as-of', AS_OF, '--formats', 'text', '--replace']).code).toBe(0);
    expect(readFileSync(path.join(out, 'README.txt'), 'utf8')).toBe('what this folder is\n');
  });
});

describe('audit: consistency', () => {
  it('fails a folder whose records disagree on profile (audience) or date, naming the odd record', () => {
    // What an earlier declass allowed: a us-secret release of one cable copied among public ones.
    const out = copyOfPublic();
    const other = path.join(tmp('integrity-other'), 'out');
    expect(runBin(['release', STATE, '-p', 'us-secret', '-o', other, '--as-of', AS_OF, '--formats', 'text,pdf']).code).toBe(0);
    for (const rel of ['release/08STATE116943.txt', 'release/08STATE116943.pdf', 'review/08STATE116943.audit.json']) copyFileSync(path.join(other, rel), path.join(out, rel));
    const r = runBin(['audit', out, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { checks: { name: string; status: string }[]; failures: { file: string; check: string; message: string }[] };
    expect(report.checks.find((c) => c.name === 'consistency')?.status).toBe('fail');
    const consistency = report.failures.filter((f) => f.check === 'consistency');
    expect(consistency.map((f) => f.file)).toEqual(['review/08STATE116943.audit.json']);
    expect(consistency[0]!.message).toMatch(/^profile public \(sha256 [0-9a-f]{12}…\) in 20 other record\(s\), us-secret \(sha256 [0-9a-f]{12}…\) in this one: a folder holds one release$/);
  });

  it('fails a folder whose manifest names another run than its records', () => {
    const out = copyOfPublic();
    const manifest = path.join(out, 'review/manifest.json');
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    writeFileSync(manifest, JSON.stringify({ ...m, run: { ...m.run, asOf: '2026-11-26' } }, null, 2));
    const r = runBin(['audit', out]);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toContain(
      `review/manifest.json: consistency: its run names profile public (sha256 ${m.run.profile.sha256.slice(0, 12)}…) as of 2026-11-26, no overrides, but the records were made with profile public (sha256 ${m.run.profile.sha256.slice(0, 12)}…) as of 2010-12-01, no overrides`,
    );
  });
});

describe('audit without the originals', () => {
  it('says which checks it skipped, and why', () => {
    const r = runBin(['audit', publicOut]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^skipped +rerun .*\[need --originals\]$/m);
    // The warnings are the samples' diagnostics the records carry (unmarked-portion, …), passed on.
    expect(lines(r.stdout).at(-1)).toBe(`${publicOut}: audit passed (3 checks skipped: rerun, leak, cross-leak need --originals): 21 document(s), 4 warning(s).`);
    expect(lines(r.stdout).filter((l) => l.startsWith('warning: .: record: '))).toHaveLength(4);
  });

  it('--require-originals fails a partial audit (for CI), and passes a complete one', () => {
    const r = runBin(['audit', publicOut, '--require-originals']);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toContain('.: rerun: skipped (rerun need --originals), and a complete audit was required (--require-originals)');
    expect(lines(r.stdout).at(-1)).toMatch(/audit FAILED: 3 failure\(s\) in 21 document\(s\) \(3 checks skipped: rerun, leak, cross-leak need --originals\)\.$/);
    const complete = runBin(['audit', publicOut, '--require-originals', '--originals', SAMPLES]);
    expect(complete.stdout).toContain('audit passed: 21 document(s)');
    expect(complete.code).toBe(0);
  });
});

describe('release and audit agree on cross-document leaks', () => {
  const paragraph =
    'The minister said privately that the government would recognise the new coalition within a week, whatever the opposition decided at its congress.';
  const A = cable(`¶1. (U) Meeting with the foreign minister.\n\n¶2. (C) ${paragraph}\n`, { subject: 'SUBJECT: (U) MEETING WITH THE MINISTER' });
  const B = cable(`¶1. (U) Press reporting on the coalition.\n\n¶2. (U) ${paragraph}\n`, {
    banner: 'UNCLAS BERLIN 000174',
    eo: 'E.O. 12958: N/A',
    classifiedBy: '',
    subject: 'SUBJECT: (U) PRESS REPORTING',
  });

  it('by default B is held in pending/ and the audit passes; --cross-leak warn leaves it in release/ and the audit fails; --fail-on cross-leak: exit 1 on either', () => {
    const inDir = tmp('cross-in');
    writeFileSync(path.join(inDir, 'SYNTH-A.txt'), A);
    writeFileSync(path.join(inDir, 'SYNTH-B.txt'), B);
    const heldOut = path.join(tmp('cross-held'), 'o');
    const held = runBin(['release', inDir, '-p', 'public', '-o', heldOut, '--as-of', AS_OF, '--formats', 'text']);
    expect(held.code).toBe(0);
    expect(held.stdout).toMatch(/^held: SYNTH-B: held: cross-document: 15 run\(s\) of words withheld in SYNTH-A \(p2\) from line \d+; moved from release\/ to pending\/ \(pending\/SYNTH-B\.txt\)$/m);
    expect(existsSync(path.join(heldOut, 'release/SYNTH-B.txt'))).toBe(false);
    expect(runBin(['audit', heldOut, '--originals', inDir]).code).toBe(0);

    const out = path.join(tmp('cross-out'), 'o');
    const warned = runBin(['release', inDir, '-p', 'public', '-o', out, '--as-of', AS_OF, '--formats', 'text', '--cross-leak', 'warn']);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/^warning: release\/SYNTH-B\.txt: cross-leak: 15 run\(s\) of 8 words withheld in SYNTH-A \(p2\) appear here$/m);
    expect(warned.stdout).toContain('1 cross-document leak(s) not held (--cross-leak warn left them in release/): declass audit --originals will fail them; --fail-on cross-leak makes release exit 1 on any cross-document leak.');
    const audit = runBin(['audit', out, '--originals', inDir]);
    expect(audit.code).toBe(1);
    expect(lines(audit.stdout)).toContain('release/SYNTH-B.txt: cross-leak: 15 run(s) of 8 words withheld in SYNTH-A (p2) appear here');

    // Held or not, a leak found fails the run under --fail-on cross-leak.
    for (const dir of [out, heldOut]) {
      const failOn = runBin(['release', inDir, '-p', 'public', '-o', dir, '--as-of', AS_OF, '--formats', 'text', '--fail-on', 'cross-leak']);
      expect(failOn.code).toBe(1);
      expect(failOn.stderr).toBe('declass: --fail-on cross-leak: 1 cross-document leak(s)\n');
    }
    // A batch without one passes with the same option.
    const clean = runBin(['release', path.join(inDir, 'SYNTH-A.txt'), '-p', 'public', '-o', path.join(tmp('cross-clean'), 'o'), '--as-of', AS_OF, '--formats', 'text', '--fail-on', 'cross-leak']);
    expect(clean.code).toBe(0);
  });

  it('--fail-on cross-leak with the check turned off cannot pass; an unknown finding is a usage error', () => {
    const out = path.join(tmp('cross-off'), 'o');
    const off = runBin(['release', BERLIN, '-p', 'public', '-o', out, '--as-of', AS_OF, '--formats', 'text', '--fail-on', 'cross-leak', '--cross-check-limit', '0']);
    expect(off.code).toBe(1);
    expect(off.stderr).toMatch(/the cross-document check did not run/);
    const unknown = runBin(['release', BERLIN, '-p', 'public', '-o', out, '--fail-on', 'leaks']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toMatch(/unknown finding "leaks"; expected some of cross-leak/);
  });
});
