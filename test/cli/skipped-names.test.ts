/**
 * A folder walk takes `.txt`, `.md` and `.pdf` files; the others (`b.text`, `c`, `d.txt~` beside
 * `a.txt`) were left out without a word, while the note listed hidden files and symbolic links.
 * They are counted in a note of their own now, naming at most three.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, REPO, runBin, tmp } from '../helpers/bin.js';

const BERLIN = path.join(REPO, 'samples/08BERLIN173.txt');

function folder(others: readonly string[]): string {
  const dir = tmp('skipped-names');
  copyFileSync(BERLIN, path.join(dir, 'a.txt'));
  for (const name of others) writeFileSync(path.join(dir, name), 'CONFIDENTIAL\n');
  return dir;
}

describe('files a folder walk leaves out by their name', () => {
  it('are counted and named in one note; the inputs are processed', () => {
    const dir = folder(['b.text', 'c', 'd.txt~']);
    const r = runBin(['check', dir, '--as-of', '2010-12-01', '--json']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(1);
    expect(lines(r.stderr)).toEqual([`declass: note: 3 file(s) skipped: not .txt, .md or .pdf (${['b.text', 'c', 'd.txt~'].map((n) => path.join(dir, n)).join(', ')}); name a file to take it`]);
  });

  it('many: counted, three named', () => {
    const names = Array.from({ length: 12 }, (_, i) => `n${String(i).padStart(2, '0')}.csv`);
    const dir = folder(names);
    const r = runBin(['release', dir, '-p', 'public', '-o', path.join(tmp('skipped-out'), 'out'), '--as-of', '2010-12-01', '--formats', 'text', '-q']);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([`declass: note: 12 file(s) skipped: not .txt, .md or .pdf (${names.slice(0, 3).map((n) => path.join(dir, n)).join(', ')} and 9 more); name a file to take it`]);
  });

  it('the bundled samples folder holds documents only: the Quick start prints no such note', () => {
    const r = runBin(['check', path.join(REPO, 'samples'), '--as-of', '2010-12-01', '--json']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(21);
    expect(r.stderr).not.toMatch(/skipped/);
  });
});
