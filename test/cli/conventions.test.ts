/**
 * Command-line conventions, through the built binary (issue 13, "CLI conventions"): an unknown
 * option reported before a missing required one, dates that say what is wrong, --page-size in any
 * case, a missing profile file exits 66 like every missing input, --head checked, bare `declass`
 * is a usage error, colour only on a terminal (NO_COLOR, --no-color, FORCE_COLOR), lint --quiet
 * and --max-warnings as ESLint has them, and lint messages without internal ids.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfPageSize } from '../../src/audit/pdf-text.js';
import { resolveProfile } from '../../src/node/profiles.js';
import type { Profile } from '../../src/rules/load.js';
import { BIN, lines, REPO, runBin, tmp } from '../helpers/bin.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';

const SAMPLES = path.join(REPO, 'samples');
const BERLIN = path.join(SAMPLES, '08BERLIN173.txt');
const AS_OF = '2010-12-01';
// Any ANSI escape (colour) sequence.
const ESC = /\u001b\[/;

let publicProfile: Profile;
beforeAll(async () => {
  publicProfile = await resolveProfile('public');
});

describe('unknown options come before missing required ones', () => {
  it('--profil public: unknown option, did you mean --profile; not "required option --profile"', () => {
    const r = runBin(['release', BERLIN, '--profil', 'public', '-o', tmp('typo')]);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/^declass: unknown option '--profil' \(did you mean --profile\?\)\n$/);
    expect(r.stderr).not.toMatch(/required option/);
  });

  it('explain --profil public: the same', () => {
    const r = runBin(['explain', BERLIN, '--profil', 'public']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/unknown option '--profil'[^]*did you mean --profile\?/);
  });

  it('a required option that is missing is still reported, once the rest is right', () => {
    const r = runBin(['release', BERLIN, '--profile', 'public']);
    expect(r.code).toBe(64);
    expect(r.stderr).toBe("declass: required option '-o, --out <dir>' not specified\n");
  });

  it('--help still works with required options missing', () => {
    const r = runBin(['release', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--profile <name\|file>.*\(required\)/s);
  });
});

describe('option values', () => {
  it.each([
    ['2010-13-01', 'month 13 does not exist'],
    ['2011-02-29', 'February 2011 has 28 days'],
    ['2010-4-1', 'expected a date as YYYY-MM-DD, got "2010-4-1"'],
  ])('--as-of %s says: %s', (date, message) => {
    const r = runBin(['check', BERLIN, '--as-of', date]);
    expect(r.code).toBe(64);
    expect(lines(r.stderr)).toEqual([`declass: option '--as-of <YYYY-MM-DD>' argument '${date}' is invalid. ${message}`]);
  });

  it('--page-size A4 is accepted in any case, and lays the PDFs out on A4', async () => {
    const out = path.join(tmp('a4'), 'out');
    const r = runBin(['release', BERLIN, '-p', 'public', '-o', out, '--as-of', AS_OF, '--page-size', 'A4', '--formats', 'text,pdf']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(pdfPageSize(readFileSync(path.join(out, 'release/08BERLIN173.pdf')))?.width).toBeCloseTo(595.28, 1);
    expect(await expectNoLeaksInFolder(out, new Map([['08BERLIN173', BERLIN]]), publicProfile, AS_OF)).toBe(2);
    const bad = runBin(['release', BERLIN, '-p', 'public', '-o', out, '--page-size', 'A5']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/expected one of letter, a4, got "A5"/);
  });

  it('rules check nosuch.yaml exits 66 like every other missing input; a missing --profile file too', () => {
    const r = runBin(['rules', 'check', 'nosuch.yaml']);
    expect(r.code).toBe(66);
    expect(r.stderr).toBe('declass: nosuch.yaml: no such file or folder\n');
    const release = runBin(['release', BERLIN, '-p', 'nosuch.yaml', '-o', path.join(tmp('noprofile'), 'out')]);
    expect(release.code).toBe(66);
    expect(runBin(['parse', 'nosuch.txt']).code).toBe(66);
  });

  it('a file name with a newline or an escape sequence gets a one-line message, the characters escaped', () => {
    const dir = tmp('oneline');
    const bad = path.join(dir, 'bad\ngarbage.txt');
    writeFileSync(bad, 'no marking here\n');
    for (const cmd of [['parse', bad], ['lint', bad], ['release', bad, '-p', 'public', '-o', path.join(dir, 'out'), '--as-of', AS_OF]]) {
      const r = runBin(cmd);
      expect(r.code, cmd[0]).not.toBe(0);
      expect(lines(r.stderr), cmd[0]).toEqual([`declass: ${dir}/bad\\ngarbage.txt: not a marked document (no banner, portion mark, E.O. line or classification authority block)`]);
    }
    const missing = runBin(['parse', path.join(dir, 'no\u001b[31mne.txt')]);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toBe(`declass: ${dir}/no\\u001b[31mne.txt: no such file or folder\n`);
  });

  it.each([[], ['parse'], ['lint'], ['check'], ['release'], ['explain'], ['rules'], ['rules', 'check'], ['audit'], ['index']])('declass %s --help fits 80 columns, the notes after the options too', (...cmd: string[]) => {
    const r = runBin([...cmd, '--help']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).filter((l) => [...l].length > 80)).toEqual([]);
  });

  it('--head must be 64 hexadecimal digits', () => {
    const out = path.join(tmp('head'), 'out');
    expect(runBin(['release', BERLIN, '-p', 'public', '-o', out, '--as-of', AS_OF, '--formats', 'text']).code).toBe(0);
    const r = runBin(['audit', out, '--head', 'e185']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--head <sha256>.*is invalid\. expected a sha256 as 64 hexadecimal digits, got 4 character\(s\)/);
    const head = JSON.parse(readFileSync(path.join(out, 'review/manifest.json'), 'utf8')).head as string;
    // Upper case is the same hash.
    expect(runBin(['audit', out, '--head', head.toUpperCase()]).code).toBe(0);
    expect(runBin(['audit', out, '--head', `${head.slice(0, 63)}g`]).code).toBe(64);
  });
});

describe('bare declass', () => {
  it('prints the help on standard error and exits 64 (usage), as git does', () => {
    const r = runBin([]);
    expect(r.code).toBe(64);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: declass \[options\] \[command\]/);
    expect(r.stderr).toMatch(/Exit codes:/);
  });

  it('a command group without its command is a usage error too; asking for help is not', () => {
    expect(runBin(['rules']).code).toBe(64);
    expect(runBin(['--help']).code).toBe(0);
    expect(runBin(['help']).code).toBe(0);
    expect(runBin(['help', 'release']).code).toBe(0);
  });
});

describe('colour', () => {
  const checkArgs = ['check', BERLIN, path.join(SAMPLES, '89PANAMA8545.txt'), '--as-of', AS_OF];

  it('none when standard output is not a terminal', () => {
    const r = runBin(checkArgs);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ESC);
  });

  it('statuses coloured with FORCE_COLOR (as on a terminal); NO_COLOR and --no-color turn it off', () => {
    const forced = runBin(checkArgs, { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[36mclassified');
    expect(runBin(checkArgs, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ESC);
    expect(runBin([...checkArgs, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ESC);
    expect(runBin(['--no-color', ...checkArgs], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ESC);
  });

  it('failures in red on standard error, the prefix plain', () => {
    const r = runBin(['parse', 'nosuch.txt'], { env: { FORCE_COLOR: '1' } });
    expect(r.stderr).toBe('declass: nosuch.txt: \u001b[31mno such file or folder\u001b[39m\n');
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('on a real terminal (a pseudo-terminal made by script(1); --quiet, so no progress bar): coloured; with NO_COLOR: not', () => {
    const onTty = (env: Record<string, string>) => {
      const base: Record<string, string | undefined> = { ...process.env, TERM: 'xterm' };
      delete base['FORCE_COLOR'];
      delete base['NO_COLOR'];
      return spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${[...checkArgs, '--quiet'].map((a) => JSON.stringify(a)).join(' ')}`, '/dev/null'], {
        encoding: 'utf8',
        env: { ...base, ...env },
      }).stdout;
    };
    expect(onTty({})).toContain('\u001b[36mclassified');
    expect(onTty({ NO_COLOR: '1' })).not.toMatch(ESC);
  });
});

describe('lint --quiet and --max-warnings (as ESLint)', () => {
  // 08BERLIN173 has one error (an unmarked text portion) and one warning (an unmarked subject).
  const lint = (...extra: string[]) => runBin(['lint', BERLIN, '--as-of', AS_OF, ...extra]);

  it('without options: both, exit 1 for the error', () => {
    const r = lint();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ warning /);
    expect(r.stdout).toMatch(/ error /);
    expect(r.stdout).toContain('2 problems (1 error, 1 warning)');
  });

  it('--quiet reports errors only (also in --json)', () => {
    const r = lint('--quiet');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/ warning /);
    expect(r.stdout).toContain('1 problem (1 error, 0 warnings)');
    const json = JSON.parse(lint('--quiet', '--json').stdout);
    expect(json.diagnostics.map((d: { severity: string }) => d.severity)).toEqual(['error']);
  });

  it('--max-warnings N: exit 1 when warnings exceed N, even without errors; counted under --quiet too', () => {
    // A sample cable with warnings and no error.
    const warnOnly = path.join(SAMPLES, '05BOGOTA3726.txt');
    const plain = runBin(['lint', warnOnly, '--as-of', AS_OF, '--json']);
    const counts = JSON.parse(plain.stdout) as { errorCount: number; warningCount: number };
    expect(counts.errorCount).toBe(0);
    expect(counts.warningCount).toBeGreaterThan(0);
    expect(plain.code).toBe(0);
    const over = runBin(['lint', warnOnly, '--as-of', AS_OF, '--max-warnings', String(counts.warningCount - 1)]);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(`declass: too many warnings: ${counts.warningCount} found, at most ${counts.warningCount - 1} allowed (--max-warnings)\n`);
    expect(runBin(['lint', warnOnly, '--as-of', AS_OF, '--max-warnings', String(counts.warningCount)]).code).toBe(0);
    const quiet = runBin(['lint', warnOnly, '--as-of', AS_OF, '--quiet', '--max-warnings', '0']);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toMatch(/ warning /);
    expect(runBin(['lint', warnOnly, '--max-warnings', '-1']).code).toBe(64);
  });
});

describe('lint messages name portions as a reader sees them', () => {
  it('never an internal id such as text1 or p3.m1, over every sample', () => {
    const r = runBin(['lint', SAMPLES, '--as-of', AS_OF, '--json']);
    const messages = lines(r.stdout).flatMap((l) => (JSON.parse(l) as { diagnostics: { message: string }[] }).diagnostics.map((d) => d.message));
    expect(messages.length).toBeGreaterThan(20);
    expect(messages.filter((m) => /\btext\d+\b|\.m\d+\b|\bPortion p\d/.test(m))).toEqual([]);
    // The samples have unmarked text portions and headings: they are named by kind.
    expect(messages).toContain('This text has no portion mark; expected a mark such as (U) or (C) before it.');
    expect(messages.some((m) => /^This heading has no portion mark/.test(m))).toBe(true);
  });

  it('a mark not understood is quoted, without the portion id', () => {
    const dir = tmp('lint-unknown');
    const file = path.join(dir, 'unknown.txt');
    writeFileSync(file, readFileSync(BERLIN, 'utf8').replace('¶1. (C)', '¶1. (C0)'));
    const r = runBin(['lint', file, '--as-of', AS_OF, '--json']);
    const messages = (JSON.parse(r.stdout) as { diagnostics: { code: string; message: string }[] }).diagnostics;
    const unknown = messages.find((d) => d.code === 'unknown-marking');
    expect(unknown?.message).toMatch(/"\(C0\)"/);
    expect(unknown?.message).not.toMatch(/\bp1\b/);
  });
});
