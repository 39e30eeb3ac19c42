/**
 * The reviewer's workflow (probe 67c): an override withholding under a pending label leaves the
 * document pending (F2); an override's `ref` for a renamed document may be the input's file name
 * or the output name the reviewer sees, in release, explain and a later run into the folder (F3);
 * audit binds every field of the manifest (F4); release refuses a release/ holding a file it did
 * not write (F5).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/hash.js';
import { runBin, tmp } from '../helpers/bin.js';

const ARGS = ['-p', 'public', '--as-of', '2026-12-01'];

const MEMO = `UNCLASSIFIED//FOR OFFICIAL USE ONLY

MEMORANDUM
DATE: 1 June 2025
SUBJECT: (U) Personnel matter UQ8

1. (U) Staff meeting notes UQ9.

2. (U//FOUO) The employee ZQ3 home address is listed here.

3. (U//FOUO) The travel schedule UQ10 is routine.

UNCLASSIFIED//FOR OFFICIAL USE ONLY
`;

// The name `ZQ1-source` repeats the withheld words of p2: its outputs are renamed doc-<sha12>.
const SECRET_MEMO = `SECRET//NOFORN

MEMORANDUM FOR THE RECORD
DATE: 15 March 2024
SUBJECT: (U) Budget planning UQ1

1. (U) The planning meeting took place on Tuesday UQ2.

2. (S//NF) The source ZQ1 reported on the facility.

3. (U//FOUO) The contractor list is attached UQ3 handle with care.

4. (U) Questions to the front office UQ4.

Classified By: J. Doe, Director
Reason: 1.4(c)
Declassify On: 20490315

SECRET//NOFORN
`;

const decision = (ref: string, portion: string, action: 'release' | 'withhold', authority?: string): string =>
  `  - ref: ${ref}\n    portion: ${portion}\n    action: ${action}\n${authority ? `    authority: [${authority}]\n` : ''}    reviewer: R. N\n    date: 2026-12-01\n`;

describe('an override withholding under a pending label (probe 67c F2)', () => {
  it.each([
    ['PENDING REVIEW', 'held by a reviewer'],
    ['SBU - PENDING FOIA REVIEW', 'SBU/FOUO handling'],
  ])('%s leaves the document in pending/, as a rule-decided pending portion does', (label, reason) => {
    const dir = tmp('override-pending');
    writeFileSync(path.join(dir, 'memo3.txt'), MEMO);
    writeFileSync(path.join(dir, 'ov.yaml'), `overrides:\n${decision('memo3', 'p1', 'release')}${decision('memo3', 'p2', 'withhold', 'B6')}${decision('memo3', 'p3', 'withhold', `"${label}"`)}`);
    const r = runBin(['release', 'memo3.txt', ...ARGS, '--overrides', 'ov.yaml', '-o', 'out'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('memo3: 2 released, 2 withheld — PENDING REVIEW - NOT FOR RELEASE');
    expect(r.stdout).toContain(`1 portion(s) ${reason}`);
    expect(existsSync(path.join(dir, 'out/release/memo3.txt'))).toBe(false);
    expect(readFileSync(path.join(dir, 'out/pending/memo3.txt'), 'utf8')).toContain('PENDING REVIEW - NOT FOR RELEASE');
    const record = JSON.parse(readFileSync(path.join(dir, 'out/review/memo3.audit.json'), 'utf8')) as { disposition: { kind: string; pending: unknown[] } };
    expect(record.disposition.kind).toBe('pending-review');
    expect(record.disposition.pending).toEqual([{ portionId: 'p3', reason }]);
    expect(runBin(['audit', 'out', '--originals', 'memo3.txt', '-q'], { cwd: dir }).code).toBe(0);
    // The reviewer decides it: released, final.
    writeFileSync(path.join(dir, 'ov2.yaml'), `overrides:\n${decision('memo3', 'p1', 'release')}${decision('memo3', 'p2', 'withhold', 'B6')}${decision('memo3', 'p3', 'release')}`);
    const again = runBin(['release', 'memo3.txt', ...ARGS, '--overrides', 'ov2.yaml', '-o', 'out', '--replace'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('RELEASE IN PART B6');
    expect(readFileSync(path.join(dir, 'out/release/memo3.txt'), 'utf8')).not.toContain('ZQ3');
    expect(existsSync(path.join(dir, 'out/pending/memo3.txt'))).toBe(false);
  });
});

describe('the ref of an override for a renamed document (probe 67c F3)', () => {
  const setup = (name: string, text: string): string => {
    const dir = tmp('override-names');
    writeFileSync(path.join(dir, name), text);
    writeFileSync(path.join(dir, 'other.txt'), MEMO.replaceAll('memo', 'other'));
    return dir;
  };
  const renamed = `doc-${sha256Hex(new TextEncoder().encode(SECRET_MEMO)).slice(0, 12)}`;

  it.each([
    ['an unsafe name, by its file name', 'my memo.txt', MEMO, 'my memo', 'my_memo-', 'p3'],
    ['an unsafe name, by its output name', 'my memo.txt', MEMO, 'my_memo-710358d7', 'my_memo-', 'p3'],
    ['a name repeating withheld words, by its file name', 'ZQ1-source.txt', SECRET_MEMO, 'ZQ1-source', renamed, 'p3'],
    ['a name repeating withheld words, by its output name', 'ZQ1-source.txt', SECRET_MEMO, renamed, renamed, 'p3'],
  ])('%s: release, explain and a later run into the folder accept it', (_name, file, text, ref, outputPrefix, portion) => {
    const dir = setup(file, text);
    const stem = file === 'my memo.txt' ? 'my_memo-710358d7' : renamed;
    writeFileSync(path.join(dir, 'ov.yaml'), `overrides:\n${decision(ref, portion, 'release')}`);
    const r = runBin(['release', file, ...ARGS, '--overrides', 'ov.yaml', '-o', 'out'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'out/review')).some((n) => n.startsWith(outputPrefix))).toBe(true);
    const record = JSON.parse(readFileSync(path.join(dir, `out/review/${stem}.audit.json`), 'utf8')) as { decisions: { portionId: string; ruleId: string }[] };
    expect(record.decisions.find((d) => d.portionId === portion)?.ruleId).toBe('override');
    const explain = runBin(['explain', file, ...ARGS, '--overrides', 'ov.yaml'], { cwd: dir });
    expect(explain.code, explain.stderr).toBe(0);
    expect(explain.stderr).not.toContain('for other documents');
    expect(explain.stdout).toMatch(new RegExp(`${portion}\\s.*\\[override\\]`));
    // A later run with the same settings that adds another document accepts the same file.
    const later = runBin(['release', 'other.txt', ...ARGS, '--overrides', 'ov.yaml', '-o', 'out'], { cwd: dir });
    expect(later.code, later.stderr).toBe(0);
    expect(runBin(['audit', 'out', '--originals', file, 'other.txt', '-q'], { cwd: dir }).code).toBe(0);
  });

  it('a ref that names nothing is refused with the names a document goes by', () => {
    const dir = setup('my memo.txt', MEMO);
    writeFileSync(path.join(dir, 'ov.yaml'), `overrides:\n${decision('my-memo', 'p3', 'release')}`);
    const r = runBin(['release', 'my memo.txt', ...ARGS, '--overrides', 'ov.yaml', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('ov.yaml:2: override for my-memo p3 matches no document (no input has the reference id my-memo, and none without a reference id of its own is named my-memo: its file name without .txt or .pdf, or the name of its outputs in release/ or pending/)');
  });
});

describe('audit binds every field of the manifest (probe 67c F4)', () => {
  const dir = tmp('manifest-fields');
  writeFileSync(path.join(dir, 'memo3.txt'), MEMO.replace('(U//FOUO) The employee', '(C) The employee'));
  const release = runBin(['release', 'memo3.txt', ...ARGS, '-o', 'out', '--formats', 'text'], { cwd: dir });
  const manifestFile = path.join(dir, 'out/review/manifest.json');
  const original = readFileSync(manifestFile, 'utf8');

  it.each([
    ['the profile id', (m: Record<string, any>) => (m['run'].profile.id = 'us-secret'), 'consistency: run.profile.id "us-secret" is not what the records name (public)'],
    ['the profile file', (m: Record<string, any>) => (m['run'].profile.file = 'rules/us-secret.yaml'), 'consistency: run.profile.file "rules/us-secret.yaml" is not what the records name (public.yaml)'],
    ['the overrides file', (m: Record<string, any>) => (m['run'].overrides = { file: 'other.yaml', sha256: 'a'.repeat(64) }), 'consistency: its run names profile public'],
    ['the tool version', (m: Record<string, any>) => (m['tool'].version = '0.0.1'), 'consistency: tool.version "0.0.1" is not what the records name'],
    ['an index size', (m: Record<string, any>) => (m['index'][0].bytes = 1), 'index: lists release/index.csv as 1 bytes; it has'],
    ['an extra key', (m: Record<string, any>) => (m['extra'] = 'ZQ-note'), 'chain: extra is no field of a declass manifest'],
    ['an extra key in an entry', (m: Record<string, any>) => (m['entries'][0].note = 'x'), 'chain: entries.note is no field of a declass manifest'],
  ])('an edit of %s fails with one line', (_name, edit, line) => {
    expect(release.code, release.stderr).toBe(0);
    expect(runBin(['audit', 'out', '--originals', 'memo3.txt', '-q'], { cwd: dir }).code).toBe(0);
    const m = JSON.parse(original) as Record<string, any>;
    edit(m);
    writeFileSync(manifestFile, `${JSON.stringify(m, null, 2)}\n`);
    try {
      const audit = runBin(['audit', 'out', '--originals', 'memo3.txt'], { cwd: dir });
      expect(audit.code).toBe(1);
      const lines = (audit.stdout + audit.stderr).split('\n').filter((l) => l.startsWith('review/manifest.json:'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(line);
    } finally {
      writeFileSync(manifestFile, original);
    }
  });
});

describe('release into a folder whose release/ holds a file declass did not write (probe 67c F5)', () => {
  it('is refused in one line, exit 73, nothing written; without it the release and its audit pass', () => {
    const dir = tmp('foreign-file');
    writeFileSync(path.join(dir, 'memo3.txt'), MEMO);
    mkdirSync(path.join(dir, 'out/release'), { recursive: true });
    writeFileSync(path.join(dir, 'out/release/cover.txt'), 'hi\n');
    const r = runBin(['release', 'memo3.txt', ...ARGS, '-o', 'out', '--formats', 'text'], { cwd: dir });
    expect(r.code).toBe(73);
    expect(r.stderr).toBe(`declass: release: ${path.join('out', 'release', 'cover.txt')} is not a file declass writes (no audit record or manifest lists it); move it out of ${path.join('out', 'release')} first (nothing was written; declass audit fails a folder holding it)\n`);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['release']);
    expect(readdirSync(path.join(dir, 'out/release'))).toEqual(['cover.txt']);
    unlinkSync(path.join(dir, 'out/release/cover.txt'));
    expect(runBin(['release', 'memo3.txt', ...ARGS, '-o', 'out', '--formats', 'text'], { cwd: dir }).code).toBe(0);
    // A document's outputs without its record (a run interrupted between them) are resumed, not refused.
    unlinkSync(path.join(dir, 'out/review/memo3.audit.json'));
    expect(runBin(['release', 'memo3.txt', ...ARGS, '-o', 'out', '--formats', 'text'], { cwd: dir }).code).toBe(0);
    expect(runBin(['audit', 'out', '--originals', 'memo3.txt', '-q'], { cwd: dir }).code).toBe(0);
  });
});

describe('overrides errors say what to write (probe 67c F7)', () => {
  it.each([
    ['a duplicate names the first line', `overrides:\n${decision('memo3', 'p3', 'release')}${decision('memo3', 'p3', 'release')}`, 'ov.yaml:7: a second decision for memo3 p3 (the first is at line 2); keep one'],
    ['a wrong portion id lists the ids', `overrides:\n${decision('memo3', 'P2', 'release')}`, 'ov.yaml:2: override for memo3 P2 matches no portion of memo3 (its portions: subject, p1, p2, p3)'],
    ['every decision that matches nothing is named', `overrides:\n${decision('memo3', 'p9', 'release')}${decision('memo9', 'p1', 'release')}`, '; 1 more override(s) match nothing: ov.yaml:7: override for memo9 p1 matches no document'],
    ['an authority that is no list', 'overrides:\n  - { ref: memo3, portion: p2, action: withhold, authority: B6, reviewer: R, date: 2026-12-01 }\n', 'overrides[0].authority: Invalid input: expected array, received string: write a list, [B6] or [B1, "1.4(D)"]'],
    ['an empty file', '', 'ov.yaml:1: (top level): Invalid input: expected object, received null: write `overrides:` and under it a list of decisions'],
    ['a list without overrides:', `${decision('memo3', 'p3', 'release')}`, 'ov.yaml:1: (top level): Invalid input: expected object, received array: write `overrides:`'],
  ])('%s', (_name, yaml, message) => {
    const dir = tmp('override-errors');
    writeFileSync(path.join(dir, 'memo3.txt'), MEMO);
    writeFileSync(path.join(dir, 'ov.yaml'), yaml);
    const r = runBin(['release', 'memo3.txt', ...ARGS, '--overrides', 'ov.yaml', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(78);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain(message);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
