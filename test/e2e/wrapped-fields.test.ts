/**
 * Probe 56d through the CLI: a memo whose Declassify On wraps its event onto an indented line
 * (released in full as declassified by the date alone) goes to pending/ like the one-line
 * instruction; a (U) paragraph after a run-in heading (`2. Assessment (U). …`, withheld under B1
 * as unmarked) is released, its (S//NF) neighbour is not. Every file written is read back for leaks.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/rules/load.js';
import { runCli } from '../helpers/memory-io.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';

const AS_OF = '2026-12-01';
const tmp = (name: string) => mkdtempSync(path.join(tmpdir(), `declass-wrapped-${name}-`));
const PUBLIC = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');

const FILES: Readonly<Record<string, string>> = {
  'wrapped.txt':
    'SECRET//NOFORN\n\nDATE: 15 March 2021\nSUBJECT: (U) Decl test\n\n(S//NF) ZQWRAPPED classified content.\n\nClassified By: J. Smith\nDerived From: Multiple Sources\nDeclassify On: 20210315\n               or upon completion of the operation\n\nSECRET//NOFORN\n',
  'runin.txt':
    'SECRET//NOFORN\n\nSUBJECT: (U) Program review\n\n1. (S//NF) The relay ZQNFRELAY is run by the service.\n\n2. Assessment (U). The program is on schedule and within budget.\n\nClassified By: J. Smith\nDerived From: Multiple Sources\nDeclassify On: 20500101\n\nSECRET//NOFORN\n',
};

describe('wrapped authority fields and run-in headings through release', () => {
  it('the wrapped event goes to review; the run-in (U) paragraph is released; nothing leaks', async () => {
    const inDir = tmp('in');
    for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(inDir, name), text);
    const out = tmp('out');
    const run = await runCli(['release', inDir, '--profile', 'public', '--out', out, '--as-of', AS_OF, '--quiet']);
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(out, 'pending'))).toContain('wrapped.txt');
    expect(readdirSync(path.join(out, 'release'))).not.toContain('wrapped.txt');
    const runin = readFileSync(path.join(out, 'release', 'runin.txt'), 'utf8');
    expect(runin).toContain('2. Assessment (U). The program is on schedule and within budget.');
    expect(runin).not.toContain('ZQNFRELAY');
    expect(runin).toContain('RELEASE IN PART B1');
    for (const sub of ['release', 'pending']) {
      for (const f of readdirSync(path.join(out, sub)).filter((n) => n.endsWith('.txt'))) expect(readFileSync(path.join(out, sub, f), 'utf8')).not.toMatch(/ZQWRAPPED|ZQNFRELAY/);
    }
    const originals = new Map(Object.keys(FILES).map((n) => [n.replace(/\.txt$/, ''), path.join(inDir, n)]));
    expect(await expectNoLeaksInFolder(out, originals, PUBLIC, AS_OF)).toBeGreaterThanOrEqual(2);
    const explain = await runCli(['explain', path.join(inDir, 'wrapped.txt'), '--profile', 'public', '--as-of', AS_OF]);
    expect(explain.stdout).toContain('DECL Declassify On: 20210315 or upon completion of the operation (line 10): review');
    const lint = await runCli(['lint', path.join(inDir, 'runin.txt'), '--json']);
    expect(JSON.parse(lint.stdout).diagnostics.map((d: { code: string }) => d.code)).not.toContain('unmarked-portion');
  });
});
