/**
 * `release --case` into a folder that already holds documents of the case (probe 57b): a document
 * that sorts before them renumbers them, and they are released again with their new numbers, so
 * two runs give the folder one batch gives, byte for byte. They got the same `C00000001` as the new
 * one, and the audit passed; now it fails such a folder.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCaseNumbers } from '../../src/audit/consistency.js';
import { resolveProfile } from '../../src/node/profiles.js';
import { lines, REPO, runBin, tmp } from '../helpers/bin.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';

const LATER = 'samples/08BERLIN173.txt';
const EARLIER = 'samples/02BOGOTA3281.txt';
const AS_OF = '2026-12-01';
const ARGS = ['-p', 'public', '--as-of', AS_OF, '--case', 'F-1'];
const ORIGINALS = new Map([
  ['08BERLIN173', path.join(REPO, LATER)],
  ['02BOGOTA3281', path.join(REPO, EARLIER)],
]);

/** Every file under `dir` with its bytes, by relative path. */
function folderBytes(dir: string): Map<string, string> {
  const names = (readdirSync(dir, { recursive: true }) as string[]).filter((n) => !n.endsWith('review') && !n.endsWith('release') && !n.endsWith('pending')).sort();
  return new Map(names.map((n) => [n, readFileSync(path.join(dir, n)).toString('base64')]));
}

const docNumber = (out: string, stem: string): string => (JSON.parse(readFileSync(path.join(out, 'review', `${stem}.audit.json`), 'utf8')) as { case: { docNumber: string } }).case.docNumber;

describe('release --case: documents added to a folder renumber those after them', () => {
  it('two runs give the folder one batch gives, byte for byte; the renumbered document is released again, with a note', async () => {
    const root = tmp('case-renumber');
    const two = path.join(root, 'two');
    const one = path.join(root, 'one');
    expect(runBin(['release', LATER, ...ARGS, '-o', two]).code).toBe(0);
    const second = runBin(['release', EARLIER, ...ARGS, '-o', two]);
    expect(second.code, second.stderr).toBe(0);
    expect(lines(second.stderr)).toEqual([`declass: note: --case F-1: the documents given renumber 1 document(s) already in ${two}, released again from their recorded inputs: 08BERLIN173 C00000001 → C00000002`]);
    expect(runBin(['release', EARLIER, LATER, ...ARGS, '-o', one]).code).toBe(0);
    expect([docNumber(two, '02BOGOTA3281'), docNumber(two, '08BERLIN173')]).toEqual(['C00000001', 'C00000002']);
    expect(folderBytes(two)).toEqual(folderBytes(one));
    expect(readFileSync(path.join(two, 'release', '08BERLIN173.txt'), 'utf8')).toContain('Doc No. C00000002');
    await expectNoLeaksInFolder(two, ORIGINALS, await resolveProfile('public'), AS_OF);
    expect(runBin(['audit', two, '--originals', 'samples', '-q']).code).toBe(0);
  });

  it('a renumbered document whose input is no longer at its recorded path: refused (73), nothing written', () => {
    const root = tmp('case-renumber-moved');
    const inputs = path.join(root, 'in');
    mkdirSync(inputs);
    cpSync(path.join(REPO, LATER), path.join(inputs, '08BERLIN173.txt'));
    const out = path.join(root, 'out');
    expect(runBin(['release', '08BERLIN173.txt', ...ARGS, '-o', out], { cwd: inputs }).code).toBe(0);
    rmSync(path.join(inputs, '08BERLIN173.txt'));
    const before = folderBytes(out);
    const r = runBin(['release', EARLIER, ...ARGS, '-o', out]);
    expect(r.code).toBe(73);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('08BERLIN173 (C00000001 → C00000002): its input 08BERLIN173.txt is not there; name those inputs with the new documents');
    expect(folderBytes(out)).toEqual(before);
  });
});

describe('audit: the document numbers of a case', () => {
  /** A folder holding `EARLIER` released alone (from `start`) beside `LATER` released alone: as two runs of an older version left it. */
  function spliced(start: string): string {
    const root = tmp('case-audit');
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    expect(runBin(['release', LATER, ...ARGS, '-o', a]).code).toBe(0);
    expect(runBin(['release', EARLIER, ...ARGS, '--doc-start', start, '-o', b]).code).toBe(0);
    for (const f of readdirSync(path.join(b, 'release')).filter((n) => n.startsWith('02BOGOTA3281'))) cpSync(path.join(b, 'release', f), path.join(a, 'release', f));
    for (const f of readdirSync(path.join(b, 'review')).filter((n) => n.startsWith('02BOGOTA3281'))) cpSync(path.join(b, 'review', f), path.join(a, 'review', f));
    return a;
  }
  const consistency = (out: string): string[] => {
    const r = runBin(['audit', out, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { failures: { file: string; check: string; message: string }[] };
    return report.failures.filter((f) => f.check === 'consistency').map((f) => `${f.file}: ${f.message}`);
  };

  it('fails two records with one number', () => {
    expect(consistency(spliced('1'))).toEqual([
      "review/08BERLIN173.audit.json: case F-1: Doc No. C00000001 is also 02BOGOTA3281's; every document of a case has its own number (release the folder's documents again with --case F-1)",
    ]);
  });

  it('fails numbers out of the order of their references', () => {
    expect(consistency(spliced('2'))).toEqual([
      "review/08BERLIN173.audit.json: case F-1: Doc No. C00000001, below 02BOGOTA3281's C00000002, though it sorts after it by reference (release the folder's documents again with --case F-1)",
    ]);
  });

  it('passes numbers in order with a gap (a file read but not released keeps its number)', () => {
    const entry = (stem: string, ref: string, n: string) => ({ stem, own: stem, ref, case: 'F-1', docNumber: n });
    expect(checkCaseNumbers([entry('a', '01A1', 'C00000001'), entry('c', '03C1', 'C00000003')])).toEqual([]);
    expect(checkCaseNumbers([entry('a', '01A1', 'C00000001'), entry('c', '03C1', 'C00000001')])).toHaveLength(1);
  });
});
