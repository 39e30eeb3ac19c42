/**
 * Fail closed on cross-document leaks: a document whose release shows text another document of the
 * batch (or of an --against folder) withholds is held in pending/ (its text and PDF moved, its
 * record and the manifest saying why), so that the folder passes its own audit; an interrupted or
 * resumed run holds it too; --cross-leak warn keeps the old behaviour.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { cable } from '../parse/helpers.js';
import { runReleaseBatch } from '../../src/batch/run.js';
import { resolveProfile } from '../../src/node/profiles.js';

const tmp = (name: string) => mkdtempSync(path.join(tmpdir(), `declass-hold-${name}-`));
// Withheld in A (a (C) paragraph), carried marked (U) in B: ZQ… tokens make a leak one grep away.
const paragraph = 'ZQHOLDALPHA the minister said privately that the government would recognise the new coalition within a week, ZQHOLDOMEGA whatever the opposition decided at its congress.';
const A = cable(`¶1. (U) Meeting with the foreign minister.\n\n¶2. (C) ${paragraph}\n`, { subject: 'SUBJECT: (U) MEETING WITH THE MINISTER' });
const B = cable(`¶1. (U) Press reporting on the coalition.\n\n¶2. (U) ${paragraph}\n`, { banner: 'UNCLAS BERLIN 000174', eo: 'E.O. 12958: N/A', classifiedBy: '', subject: 'SUBJECT: (U) PRESS REPORTING' });
const release = (inputs: string[], out: string, ...extra: string[]) => runCli(['release', ...inputs, '--profile', 'public', '--out', out, '--as-of', '2010-12-01', ...extra]);

let inDir: string;
beforeAll(() => {
  inDir = tmp('in');
  writeFileSync(path.join(inDir, 'SYNTH-A.txt'), A);
  writeFileSync(path.join(inDir, 'SYNTH-B.txt'), B);
});

const files = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** Every file of release/ (the PDFs through pdftotext) holds no withheld token. */
function expectNothingWithheldInRelease(out: string): void {
  for (const name of files(path.join(out, 'release'))) {
    const file = path.join(out, 'release', name);
    const text = name.endsWith('.pdf') ? execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }) : readFileSync(file, 'utf8');
    expect(text, name).not.toMatch(/ZQHOLD/);
  }
}

function expectHeld(out: string): void {
  expect(files(path.join(out, 'release')).filter((n) => n.startsWith('SYNTH-B'))).toEqual([]);
  expect(files(path.join(out, 'pending'))).toEqual(['SYNTH-B.pdf', 'SYNTH-B.txt']);
  expect(files(path.join(out, 'release')).filter((n) => n.startsWith('SYNTH-A'))).toEqual(['SYNTH-A.pdf', 'SYNTH-A.txt']);
  const record = JSON.parse(readFileSync(path.join(out, 'review/SYNTH-B.audit.json'), 'utf8'));
  expect(record.held).toEqual({ reason: 'cross-document', matches: [{ from: 'SYNTH-A', portions: ['p2'], runs: expect.any(Number), line: expect.any(Number) }] });
  expect(record.outputs.filter((o: { kind: string }) => o.kind === 'text' || o.kind === 'pdf').map((o: { path: string }) => o.path).sort()).toEqual(['pending/SYNTH-B.pdf', 'pending/SYNTH-B.txt']);
  const manifest = JSON.parse(readFileSync(path.join(out, 'review/manifest.json'), 'utf8'));
  expect(manifest.entries.find((e: { stem: string }) => e.stem === 'SYNTH-B').held).toEqual(record.held);
  expect(manifest.entries.find((e: { stem: string }) => e.stem === 'SYNTH-A').held).toBeUndefined();
  // The line named is where the paragraph is in B's release text; the record quotes none of it.
  const line = readFileSync(path.join(out, 'pending/SYNTH-B.txt'), 'utf8').split('\n')[record.held.matches[0].line - 1];
  expect(line).toMatch(/ZQHOLDALPHA|minister said/);
  expect(JSON.stringify(record.held)).not.toMatch(/minister|ZQHOLD/);
  expectNothingWithheldInRelease(out);
}

async function expectAuditPasses(out: string, ...extra: string[]): Promise<string> {
  const audited = await runCli(['audit', out, '--originals', inDir, ...extra]);
  expect(audited.stdout).not.toMatch(/^(release|pending|review)\/.*: (cross-leak|rerun|pending|consistency):/m);
  expect(audited.code, audited.stdout).toBe(0);
  return audited.stdout;
}

describe('release holds a document that releases text another withholds', () => {
  it('moves B to pending/ (text and PDF), records and prints why, and the folder passes its own audit', async () => {
    const out = path.join(tmp('out'), 'o');
    const run = await release([inDir], out);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^held: SYNTH-B: held: cross-document: \d+ run\(s\) of words withheld in SYNTH-A \(p2\) from line \d+; moved from release\/ to pending\/ \(pending\/SYNTH-B\.txt, pending\/SYNTH-B\.pdf\)$/m);
    expect(run.stdout).toMatch(/^ {2}1 document\(s\) held in pending\/ \(not release\/\) for cross-document leaks: /m);
    expect(run.stdout).toContain('1 held for cross-document leaks (not released)');
    expect(run.stdout).not.toMatch(/^warning: .*cross-leak/m);
    expectHeld(out);
    const audited = await expectAuditPasses(out);
    // The match found again in pending/: a warning (not handed out), not a failure.
    expect(audited).toMatch(/pending\/SYNTH-B\.txt: cross-leak: .* withheld in SYNTH-A \(p2\) appear here \(in pending\/: not handed out\)/);
    // A second run finds everything up to date and keeps the hold.
    const again = await release([inDir], out);
    expect(again.stdout).toMatch(/^held: SYNTH-B: .*held in pending\/ by an earlier run$/m);
    expectHeld(out);
    await expectAuditPasses(out);
  });

  it('a held document with withholdings of its own is pending review in the index handed out, which the audit rebuilds the same (stop 69 review)', async () => {
    // C carries A's withheld paragraph marked (U) and a (C) paragraph of its own: its index rows were
    // made while it was released (released in part) and must be built again from the held record.
    const dir = tmp('in-c');
    writeFileSync(path.join(dir, 'SYNTH-A.txt'), A);
    const C = cable(`¶1. (U) Press reporting on the coalition.\n\n¶2. (U) ${paragraph}\n\n¶3. (C) ZQHOLDOWN the ambassador's own assessment stays withheld.\n`, { subject: 'SUBJECT: (U) PRESS REPORTING' });
    writeFileSync(path.join(dir, 'SYNTH-C.txt'), C);
    const out = path.join(tmp('out-c'), 'o');
    expect((await release([dir], out)).code).toBe(0);
    expect(files(path.join(out, 'pending'))).toEqual(['SYNTH-C.pdf', 'SYNTH-C.txt']);
    const rows = (JSON.parse(readFileSync(path.join(out, 'release/index.json'), 'utf8')).rows as { stem: string; disposition: string }[]).filter((r) => r.stem === 'SYNTH-C');
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.disposition))).toEqual(new Set(['pending-review']));
    const audited = await runCli(['audit', out, '--originals', dir]);
    expect(audited.code, audited.stdout).toBe(0);
    expectNothingWithheldInRelease(out);
  });

  it('the audit fails a hold the cross check does not find, and a manifest entry without the hold', async () => {
    const out = path.join(tmp('forged'), 'o');
    await release([inDir], out);
    const recordFile = path.join(out, 'review/SYNTH-B.audit.json');
    const record = JSON.parse(readFileSync(recordFile, 'utf8'));
    record.held.matches[0].from = 'SYNTH-Z';
    writeFileSync(recordFile, `${JSON.stringify(record, null, 2)}\n`);
    const audited = await runCli(['audit', out, '--originals', inDir]);
    expect(audited.code).toBe(1);
    expect(audited.stdout).toMatch(/review\/SYNTH-B\.audit\.json: cross-leak: records a hold \(cross-document\) on text withheld in SYNTH-Z, which the cross-document check does not find/);
    expect(audited.stdout).toMatch(/review\/manifest\.json: consistency: entry SYNTH-B: states a hold, but its record/);
  });

  it('--cross-leak warn leaves B in release/ (said in the summary), which the audit fails; --fail-on cross-leak exits 1 either way', async () => {
    const out = path.join(tmp('warn'), 'o');
    const run = await release([inDir], out, '--cross-leak', 'warn');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^warning: release\/SYNTH-B\.txt: cross-leak: /m);
    expect(run.stdout).toMatch(/1 cross-document leak\(s\) not held \(--cross-leak warn left them in release\/\)/);
    expect(files(path.join(out, 'release'))).toContain('SYNTH-B.txt');
    expect((await runCli(['audit', out, '--originals', inDir])).code).toBe(1);
    const failOn = await release([inDir], path.join(tmp('failon'), 'o'), '--fail-on', 'cross-leak');
    expect(failOn.code).toBe(1);
    expect(failOn.stderr).toContain('--fail-on cross-leak: 1 cross-document leak(s)');
  });

  it('a run cut after the documents and before the holds writes no manifest; the resumed run holds B', async () => {
    const out = path.join(tmp('cut'), 'o');
    const profile = await resolveProfile('public');
    const opts = { files: [path.join(inDir, 'SYNTH-A.txt'), path.join(inDir, 'SYNTH-B.txt')], out, profile, profileRef: 'public', overrides: null, overridesFile: null, asOf: '2010-12-01', formats: ['text', 'pdf', 'review', 'diff'] as const, pageSize: 'letter' as const, force: false, jobs: 1, maxInputBytes: 1 << 24, crossCheck: true, cwd: process.cwd() };
    await expect(runReleaseBatch({ ...opts, findCrossLeaks: () => Promise.reject(new Error('killed')) })).rejects.toThrow('killed');
    expect(existsSync(path.join(out, 'review/manifest.json'))).toBe(false);
    expect((await runCli(['audit', out, '--originals', inDir])).code).toBe(1);
    const run = await release([inDir], out);
    expect(run.stdout).toMatch(/SYNTH-B: up to date/);
    expect(run.stdout).toMatch(/^held: SYNTH-B: .*moved from release\/ to pending\//m);
    expectHeld(out);
    await expectAuditPasses(out);
  });

  it('a run cut between moving the files and rewriting the record: the next run releases B again and holds it', async () => {
    const out = path.join(tmp('cut2'), 'o');
    const warned = await release([inDir], out, '--cross-leak', 'warn');
    expect(warned.code, warned.stderr).toBe(0);
    // The files left release/, the record still names them there.
    mkdirSync(path.join(out, 'pending'), { recursive: true });
    renameSync(path.join(out, 'release/SYNTH-B.txt'), path.join(out, 'pending/SYNTH-B.txt'));
    renameSync(path.join(out, 'release/SYNTH-B.pdf'), path.join(out, 'pending/SYNTH-B.pdf'));
    const run = await release([inDir], out);
    expect(run.stdout).toMatch(/^SYNTH-B: \d+ released/m);
    expectHeld(out);
    await expectAuditPasses(out);
  });

  it('holds B against an earlier release of A (--against), and the audit with --against passes', async () => {
    const root = tmp('against');
    const first = path.join(root, 'first');
    const second = path.join(root, 'second');
    await release([path.join(inDir, 'SYNTH-A.txt')], first);
    const run = await release([path.join(inDir, 'SYNTH-B.txt')], second, '--against', first);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`held: SYNTH-B: held: cross-document: `);
    expect(run.stdout).toContain(`withheld in SYNTH-A (released into ${first}) (p2)`);
    expect(files(path.join(second, 'release')).filter((n) => n.startsWith('SYNTH-B'))).toEqual([]);
    expect(files(path.join(second, 'pending'))).toEqual(['SYNTH-B.pdf', 'SYNTH-B.txt']);
    expectNothingWithheldInRelease(second);
    await expectAuditPasses(second, '--against', first);
    // Neither the other folder nor A's original: the hold cannot be found again, and the audit says so.
    const alone = await runCli(['audit', second, '--originals', path.join(inDir, 'SYNTH-B.txt')]);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toMatch(/records a hold \(cross-document\) on text withheld in SYNTH-A, which the cross-document check does not find/);
  });
});
