/**
 * Nothing silent about options (a probe's findings): a reviewer's release decision that claims an
 * exemption is refused; what `rules check` warns about a profile file is said by release and
 * explain too; options that do nothing are said to; `-p public` beside a file named `public` says
 * which one it used; an output folder that cannot be made is one error, not a hang.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';
import { loadProfile } from '../../src/rules/load.js';
import { resolveProfile } from '../../src/node/profiles.js';

const CABLE = path.resolve('samples/08BERLIN173.txt');
const AS_OF = '2026-12-01';
const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'declass-notices-'));

/** A profile whose last rule comes after a rule without conditions: `rules check` warns rule-unreachable. */
const UNREACHABLE = 'id: t\ndescription: t\naudience: { id: public }\nbanner: foia\nrules:\n  - id: w\n    when: {}\n    action: withhold\n    authority: [B5]\n  - id: after\n    when: { level: [U] }\n    action: release\n';

describe('a reviewer release decision that claims an exemption', () => {
  it('is refused when the overrides file is read: exit 78, file:line, nothing written', () => {
    const dir = tmp();
    const file = path.join(dir, 'ov.yaml');
    writeFileSync(file, 'overrides:\n  - ref: 08BERLIN173\n    portion: p2\n    action: release\n    authority: [B1]\n    reviewer: A\n    date: 2026-11-20\n');
    const r = runBin(['release', CABLE, '-p', 'public', '--as-of', AS_OF, '-o', path.join(dir, 'out'), '--overrides', file]);
    expect(r.code).toBe(78);
    expect(r.stderr).toBe(`declass: ${file}:5: overrides[0].authority: a release decision withholds nothing, so it takes no exemption ("B1"); name the review that released it (for example [MDR]) or leave authority out\n`);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe('the warnings of `rules check` for a profile file', () => {
  const dir = tmp();
  const file = path.join(dir, 'unreachable.yaml');
  writeFileSync(file, UNREACHABLE);
  const line = (): string => {
    const check = runBin(['rules', 'check', file]);
    expect(check.code).toBe(0);
    return check.stderr.trim();
  };

  it.each([
    ['release', (): string[] => ['release', CABLE, '-p', file, '--as-of', AS_OF, '-o', path.join(dir, 'out'), '--formats', 'text', '-q']],
    ['explain', (): string[] => ['explain', CABLE, '-p', file, '--as-of', AS_OF]],
  ])('%s says them, in the same words', async (_command, args) => {
    const expected = line();
    expect(expected).toMatch(/^declass: .*unreachable\.yaml:10: warning: .*\[rule-unreachable\]$/);
    const r = runBin(args());
    expect(r.stderr.split('\n')).toContain(expected);
    if (_command === 'release') {
      const profile = loadProfile(readFileSync(file, 'utf8'), file);
      expect(await expectNoLeaksInFolder(path.join(dir, 'out'), new Map([['08BERLIN173', CABLE]]), profile, AS_OF)).toBeGreaterThan(0);
    }
  });

  it('bundled profiles have none', () => {
    const r = runBin(['explain', CABLE, '-p', 'public', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('-p NAME beside a file of that name', () => {
  it('uses the bundled profile and says how to use the file', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'public'), UNREACHABLE);
    const r = runBin(['explain', CABLE, '-p', 'public', '--as-of', AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('declass: warning: --profile public is the bundled profile public, not the file "public" in this folder; to use the file, write --profile ./public\n');
  });
});

describe('a profile file with the id of a bundled profile', () => {
  it('is said to be another file than the bundled one; the bundled file itself is not', () => {
    const dir = tmp();
    const edited = path.join(dir, 'my-public.yaml');
    writeFileSync(edited, `${readFileSync('rules/public.yaml', 'utf8')}# edited\n`);
    const r = runBin(['explain', CABLE, '-p', edited, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^declass: warning: profile ${edited.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has the id of the bundled profile public but is not that file \\(sha256 [0-9a-f]{12}… against [0-9a-f]{12}…\\): the outputs name it public; give it an id of its own\n$`));
    const same = runBin(['explain', CABLE, '-p', path.resolve('rules/public.yaml'), '--as-of', AS_OF]);
    expect(same.code).toBe(0);
    expect(same.stderr).toBe('');
  });
});

describe('options that do nothing', () => {
  it.each([
    ['--page-size without a PDF format', ['--formats', 'text', '--page-size', 'a4'], 'declass: warning: --page-size a4 does nothing: --formats text writes no typeset PDF (pdf, review)\n'],
    ['--rasterize-unsure without the pdf format', ['--formats', 'text,review', '--rasterize-unsure'], 'declass: warning: --rasterize-unsure does nothing: --formats text,review writes no release PDF\n'],
    ['--rasterize-unsure without a PDF input', ['--formats', 'text,pdf', '--rasterize-unsure'], 'declass: warning: --rasterize-unsure applies to PDF inputs, and no input is named .pdf\n'],
  ])('%s: a warning, the release made', async (_what, options, warning) => {
    const dir = tmp();
    const r = runBin(['release', CABLE, '-p', 'public', '--as-of', AS_OF, '-o', path.join(dir, 'out'), '-q', ...options]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(warning);
    expect(await expectNoLeaksInFolder(path.join(dir, 'out'), new Map([['08BERLIN173', CABLE]]), await resolveProfile('public'), AS_OF)).toBeGreaterThan(0);
  });

  it('no warning when they apply', () => {
    const dir = tmp();
    const r = runBin(['release', CABLE, '-p', 'public', '--as-of', AS_OF, '-o', path.join(dir, 'out'), '-q', '--formats', 'text,pdf', '--page-size', 'a4']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('an output folder that cannot be made', () => {
  it.runIf(existsSync('/proc/self'))('--out under /proc: exit 73 at once, one line (no endless mkdir)', () => {
    const started = Date.now();
    const r = runBin(['release', CABLE, '-p', 'public', '--as-of', AS_OF, '-o', '/proc/declass-no-such-folder']);
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/^declass: cannot write into \/proc\/declass-no-such-folder\/release: [^\n]+\n$/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
