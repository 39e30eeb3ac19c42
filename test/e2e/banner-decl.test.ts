/**
 * A memo whose banner ends in a declassification instruction (`SECRET//NOFORN//20320108`, `//X1`,
 * `//MR`) beside a block's `Declassify On: 20210315`: `release` published the SECRET//NF paragraph
 * in full as declassified (probe 15, the banner's instruction dropped). Now the most protective
 * instruction decides, lint warns of the disagreement, and explain names the line that decided
 * (text and `--json`).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';

const AS_OF = '2026-06-01';
const memo = (banner: string, decl = 'Declassify On: 20210315') =>
  `${banner}\n\nSUBJECT: (U) Plan\nDATE: 15 March 2011\n\n(S//NF) SECRETPARA The liaison office closes.\n\nClassified By: J. Smith, Chief\nReason: 1.4(c)\n${decl}\n\n${banner}\n`;
const tmp = (name: string) => mkdtempSync(path.join(tmpdir(), `declass-bannerdecl-${name}-`));

describe('a banner\'s declassification instruction in release, lint and explain', () => {
  it.each(['SECRET//NOFORN//20320108', 'SECRET//NOFORN//X1', 'SECRET//NOFORN//MR'])('%s: the SECRET paragraph is not released', async (banner) => {
    const dir = tmp('in');
    writeFileSync(path.join(dir, 'memo.txt'), memo(banner));
    const out = tmp('out');
    const run = await runCli(['release', dir, '--profile', 'public', '--out', out, '--as-of', AS_OF, '--quiet']);
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(out, 'release'))).toContain('memo.txt');
    for (const f of readdirSync(path.join(out, 'release'))) {
      if (f.endsWith('.txt')) expect(readFileSync(path.join(out, 'release', f), 'utf8')).not.toContain('SECRETPARA');
    }
    const lint = await runCli(['lint', path.join(dir, 'memo.txt'), '--json']);
    expect(JSON.parse(lint.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain('decl-conflict');
  });

  it('explain names the instruction that decided and its line, in text and in JSON', async () => {
    const dir = tmp('explain');
    const file = path.join(dir, 'memo.txt');
    writeFileSync(file, memo('SECRET//NOFORN', 'Declassify On: 20210315\nDeclassify On: 20360315'));
    const text = await runCli(['explain', file, '--profile', 'public', '--as-of', AS_OF]);
    expect(text.stdout).toContain('DECL Declassify On: 20360315 (line 11): classified');
    expect(text.stdout).toMatch(/decl-conflict/);
    const json = await runCli(['explain', file, '--profile', 'public', '--as-of', AS_OF, '--json']);
    const rows = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
    // The portion fields are as before; the document's assessment is added to each line.
    expect(rows.find((r) => r.portionId === 'p1')).toMatchObject({ action: 'withhold', mark: '(S//NF)' });
    expect(rows[0].declassification).toMatchObject({ value: 'Declassify On: 20360315', status: 'classified', rule: 'eo13526-1.5', line: 11 });
    expect(rows[0].declassification.diagnostics.map((d: { code: string }) => d.code)).toContain('decl-conflict');
  });
});
