/**
 * `auditFolder` as a library, without the CLI: a folder released through the library API audits
 * clean with every check run, a changed file fails the hash check, and the re-run it is handed
 * is the one it uses (a stand-in that refuses makes every document fail the re-run check).
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditFolder, rerunRelease, resolveProfile, runReleaseBatch, type AuditOptions } from '../../src/index.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';

const SAMPLES = path.resolve('samples');
const STEMS = ['08BERLIN173', '89PANAMA8545', 'SYNTH-UNCLAS-BADMARK'];
const AS_OF = '2010-12-01';
let out = '';

const options = (extra: Partial<AuditOptions> = {}): AuditOptions => ({
  cwd: process.cwd(),
  originals: STEMS.map((s) => path.join(SAMPLES, `${s}.txt`)),
  crossCheckLimit: 2000,
  rerun: rerunRelease,
  ...extra,
});

beforeAll(async () => {
  out = path.join(mkdtempSync(path.join(tmpdir(), 'declass-audit-folder-')), 'out');
  const profile = await resolveProfile('public');
  const { summary } = await runReleaseBatch({
    files: STEMS.map((s) => path.join(SAMPLES, `${s}.txt`)),
    out,
    profile,
    profileRef: 'public',
    overrides: null,
    overridesFile: null,
    asOf: AS_OF,
    formats: ['text', 'pdf'],
    pageSize: 'letter',
    force: false,
    jobs: 1,
    maxInputBytes: 10 * 1024 * 1024,
    crossCheck: true,
    cwd: process.cwd(),
  });
  expect(summary).toMatchObject({ documents: 3, failed: 0 });
  const checked = await expectNoLeaksInFolder(out, new Map(STEMS.map((s) => [s, path.join(SAMPLES, `${s}.txt`)])), profile, AS_OF);
  expect(checked).toBe(6);
});

describe('auditFolder', () => {
  it('passes a folder as released, every check run, reporting progress per document', async () => {
    const progress: number[] = [];
    const report = await auditFolder(out, options(), { onStart: (n) => progress.push(-n), onProgress: (done) => progress.push(done) });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ ok: true, dir: out, documents: 3 });
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['record', 'pass'],
      ['hash', 'pass'],
      ['missing', 'pass'],
      ['unrecorded', 'pass'],
      ['pending', 'pass'],
      ['chain', 'pass'],
      ['rerun', 'pass'],
      ['leak', 'pass'],
      ['cross-leak', 'pass'],
      ['authority', 'pass'],
      ['consistency', 'pass'],
      ['index', 'pass'],
    ]);
    expect(progress).toEqual([-3, 1, 2, 3]);
  });

  it('without originals, skips the checks that need them', async () => {
    const report = await auditFolder(out, options({ originals: [] }));
    expect(report.ok).toBe(true);
    expect(report.checks.filter((c) => c.status === 'skipped').map((c) => [c.name, c.skippedBecause])).toEqual([
      ['rerun', 'need --originals'],
      ['leak', 'need --originals'],
      ['cross-leak', 'need --originals'],
    ]);
  });

  it('without originals and asked to be complete (--require-originals), fails on each skipped check', async () => {
    const report = await auditFolder(out, options({ originals: [], requireComplete: true }));
    expect(report.ok).toBe(false);
    expect(report.failures.map((f) => [f.file, f.check])).toEqual([
      ['.', 'cross-leak'],
      ['.', 'leak'],
      ['.', 'rerun'],
    ]);
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.name)).toEqual(['rerun', 'leak', 'cross-leak']);
  });

  it('fails the hash check for a release file changed after the release', async () => {
    const copy = path.join(mkdtempSync(path.join(tmpdir(), 'declass-audit-folder-copy-')), 'out');
    cpSync(out, copy, { recursive: true });
    appendFileSync(path.join(copy, 'release', '08BERLIN173.txt'), '\nAdded later.\n');
    const report = await auditFolder(copy, options({ originals: [] }));
    expect(report.ok).toBe(false);
    expect(report.failures.map((f) => [f.file, f.check])).toEqual([['release/08BERLIN173.txt', 'hash']]);
  });

  it('uses the re-run it is handed', async () => {
    const report = await auditFolder(out, options({ rerun: async () => ({ ok: false, message: 'no re-run here' }) }));
    expect(report.failures.map((f) => [f.file, f.check, f.message])).toEqual(
      readdirSync(path.join(out, 'review'))
        .filter((n) => n.endsWith('.audit.json'))
        .sort()
        .map((n) => [`review/${n}`, 'rerun', 'no re-run here']),
    );
  });
});
