/**
 * Probe 69c, released through the CLI (text and PDF):
 * - F1: a form feed inside a line is a page break: the unmarked paragraph after it is withheld,
 *   not joined to the (U) paragraph before it.
 * - F4: a form feed between `1. ` / `SUBJECT: ` and the mark does not hide the mark.
 * - F2: a withheld word in the input's name with one letter the safe name cannot write
 *   (`NIGHTJÁR`, Cyrillic `PELІCAN`) does not survive in part (`NIGHTJ_R`) in release/ names, the
 *   PDF's title or text, or the index; F9: no release/ name starts with a dash.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';

const TAIL = 'Classified By: Jane Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20451231\n\nSECRET//NOFORN\n';

async function release(files: Record<string, string>): Promise<{ out: string; names: string[]; shown: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-fix69h-'));
  const inputs = path.join(dir, 'in');
  execFileSync('mkdir', ['-p', inputs]);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(inputs, name), text);
  const out = path.join(dir, 'out');
  const run = await runCli(['release', inputs, '--profile', 'public', '--out', out, '--as-of', '2010-01-01']);
  expect(run.code, run.stderr).toBe(0);
  const rel = path.join(out, 'release');
  const names = readdirSync(rel);
  // Everything handed out: names, texts, index files, and each PDF's text and document info.
  const shown = names
    .map((n) => {
      const f = path.join(rel, n);
      if (!n.endsWith('.pdf')) return `${n}\n${readFileSync(f, 'utf8')}`;
      return `${n}\n${execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' })}\n${execFileSync('pdfinfo', [f], { encoding: 'utf8' })}`;
    })
    .join('\n');
  return { out, names, shown };
}

describe('a form feed inside a line is a page break', () => {
  it('F1: the unmarked paragraph after it is withheld', async () => {
    const memo = `SECRET//NOFORN\n\nSUBJECT: (U) Page test UQ91\n\n(U) The public paragraph UQ92 ends here.\fThe unmarked paragraph ZQ91 names the source CORMORANT.\n\n(S//NF) Secret ZQ92.\n\n${TAIL}`;
    const { shown } = await release({ 'memo.txt': memo });
    expect(shown).toContain('UQ92');
    expect(shown).not.toMatch(/ZQ91|CORMORANT|ZQ92/);
  });

  it('F4: a form feed between the label and the mark hides no mark', async () => {
    const memo = `SECRET//NOFORN\n\nSUBJECT: \f(U) Budget note UQ11\n\n1. \f(U) The office budget UQ12 was approved on time.\n\n2. (S//NF) Program funding ZQ11 is moved.\n\n${TAIL}`;
    const { shown } = await release({ 'memo.txt': memo });
    expect(shown).toMatch(/SUBJECT: \(U\) Budget note UQ11/);
    expect(shown).toMatch(/1\. \(U\) The office budget UQ12/);
    expect(shown).not.toContain('ZQ11');
  });
});

describe('a withheld word in the file name with a letter the safe name cannot write', () => {
  const memo = (word: string) => `SECRET//NOFORN\n\nSUBJECT: (U) Note UQ31\n\n(U) The public paragraph UQ32.\n\n(S//NF) The source ${word} ZQ31 reported.\n\n${TAIL}`;
  it.each([
    ['an accented letter', 'NIGHTJÁR.txt', 'NIGHTJAR', /nightj|j_r/i],
    ['a Cyrillic look-alike', 'PELІCAN.txt', 'PELICAN', /pel_|_can/i],
    ['a letter of another script', 'OSPREY中.txt', 'OSPREY', /osprey/i],
  ])('%s: no part of it is handed out', async (_what, file, word, part) => {
    const { names, shown } = await release({ [file]: memo(word) });
    expect(names.some((n) => /^doc-[0-9a-f]{12}\./.test(n)), names.join(' ')).toBe(true);
    expect(shown).toContain('UQ32');
    expect(shown).not.toMatch(part);
    expect(shown).not.toContain('ZQ31');
  });

  it('F9: a leading dash is not kept', async () => {
    const { names } = await release({ '-memo.txt': memo('HERON') });
    expect(names.filter((n) => n.startsWith('-'))).toEqual([]);
  });
});
