/** `lintDocument` (one table row per problem kind) and `declass lint` run in-process. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintDocument } from '../../src/lint/index.js';
import { parseCable } from '../../src/parse/index.js';
import { runCli } from '../helpers/memory-io.js';
import { cable } from '../parse/helpers.js';


const AS_OF = '2026-11-26';
const lint = (text: string) => lintDocument(parseCable(text), AS_OF);
const errorCodes = (text: string) => lint(text).filter((d) => d.severity === 'error').map((d) => d.code);
const warningCodes = (text: string) => lint(text).filter((d) => d.severity === 'warning').map((d) => d.code);

describe('lintDocument', () => {
  it('a clean cable has no errors (an unmarked subject is a warning)', () => {
    expect(errorCodes(cable('¶1. (C) One.\n\n¶2. (U) Two.'))).toEqual([]);
    expect(warningCodes(cable('¶1. (C) One.'))).toEqual(['unmarked-subject']);
  });

  it.each([
    ['an unmarked paragraph in a classified cable', cable('¶1. (C) One.\n\n¶2. Two.'), 'unmarked-portion'],
    ['an unknown mark', cable('¶1. (C0) One.'), 'unknown-marking'],
    ['a banner lower than the highest portion', cable('¶1. (S) One.'), 'banner-below-portions'],
    ['a banner missing NOFORN that a portion requires', cable('¶1. (S//NF) One.', { banner: 'S E C R E T BERLIN 000173' }), 'banner-missing-controls'],
    ['an UNCLAS banner missing the SBU of its portions', cable('¶1. (SBU) One.', { banner: 'UNCLAS BERLIN 000173', eo: 'E.O. 12958: N/A', classifiedBy: '' }), 'banner-missing-controls'],
    ['no banner although portions are classified', cable('¶1. (S) One.').replace('C O N F I D E N T I A L BERLIN 000173', ''), 'banner-missing'],
    ['a banner that was not understood', cable('¶1. (C) One.', { banner: 'CONFIDENTIAL//XYZZY' }), 'banner-unknown'],
    ['a classified cable without an E.O. line', cable('¶1. (C) One.', { eo: '' }), 'decl-invalid'],
    ['a classified cable without Classified By', cable('¶1. (C) One.', { classifiedBy: '' }), 'no-classification-reasons'],
    ['Classified By without reasons', cable('¶1. (C) One.', { classifiedBy: 'Classified By: Jeff Rathke, Political Counselor.' }), 'no-classification-reasons'],
  ])('%s → %s (error)', (_, text, code) => {
    expect(errorCodes(text)).toContain(code);
  });

  it('a banner with the portions’ controls (caveat line) is fine', () => {
    expect(errorCodes(cable('¶1. (S//NF) One.', { banner: 'S E C R E T BERLIN 000173', caveats: ['NOFORN'] }))).toEqual([]);
  });

  it('an unclassified cable needs no Classified By, no DECL and no portion marks', () => {
    const text = cable('¶1. Plain.\n\n¶2. Text.', { banner: 'UNCLAS BERLIN 000173', eo: 'E.O. 12958: N/A', classifiedBy: '' });
    expect(lint(text).map((d) => d.code)).toEqual([]);
  });

  it('missing reasons under an order before E.O. 12958 is only a warning', () => {
    const text = cable('¶1. SECRET - ENTIRE TEXT.\n\n¶2. TEXT.', { banner: 'S E C R E T PANAMA 08545', eo: 'E.O.12356: DECL:OADR', classifiedBy: '' });
    expect(warningCodes(text)).toContain('no-classification-reasons');
    expect(errorCodes(text)).not.toContain('no-classification-reasons');
  });

  it('infos (normalised marks) are not reported; diagnostics are sorted by position', () => {
    const ds = lint(cable('¶1. (S/NF) One.\n\n¶2. Two.', { banner: 'SECRET//NOFORN BERLIN 000173' }));
    expect(ds.every((d) => d.severity !== 'info')).toBe(true);
    const starts = ds.map((d) => d.span?.start ?? -1);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });
});

let tmp = '';
const file = (name: string) => path.join(tmp, name);

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'declass-lint-'));
  writeFileSync(file('clean.txt'), cable('¶1. (C) One.'));
  writeFileSync(file('bad.txt'), cable('¶1. (S) One.\n\n¶2. Two.\n\n¶3. (C0) Three.'));
  writeFileSync(file('empty.txt'), '');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('declass lint', () => {
  it('prints like ESLint stylish: the file, then line:col  severity  message  code; exit 1 on errors', async () => {
    const r = await runCli(['lint', file('bad.txt'), file('clean.txt'), '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(file('bad.txt'));
    const rows = lines.filter((l) => /^ {2}\d+:\d+ /.test(l));
    expect(rows.some((l) => /^ {2}12:1 +error +Banner .* banner-below-portions$/.test(l))).toBe(true);
    expect(rows.some((l) => /^ {2}26:1 +error +Paragraph 2 has no portion mark.* unmarked-portion$/.test(l))).toBe(true);
    expect(rows.some((l) => /^ {2}28:5 +error +.* unknown-marking$/.test(l))).toBe(true);
    expect(r.stdout).toMatch(/^✖ \d+ problems \(\d+ errors, \d+ warnings?\)$/m);
    // The clean file's only problem is a warning: it is listed, but it does not fail the run.
    expect(lines).toContain(file('clean.txt'));
  });

  it('warnings only: exit 0', async () => {
    const r = await runCli(['lint', file('clean.txt'), '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✖ 1 problem \(0 errors, 1 warning\)/);
  });

  it('--json prints one record per file with counts and line/column', async () => {
    const r = await runCli(['lint', file('bad.txt'), file('clean.txt'), '--json', '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    const recs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((x: any) => [path.basename(x.file), x.errorCount > 0])).toEqual([
      ['bad.txt', true],
      ['clean.txt', false],
    ]);
    expect(recs[0].diagnostics[0]).toEqual(expect.objectContaining({ severity: expect.any(String), code: expect.any(String), line: expect.any(Number), column: expect.any(Number) }));
  });

  it('a bad file is one line on stderr and the others are linted; only missing paths: 66', async () => {
    const r = await runCli(['lint', file('empty.txt'), file('clean.txt'), '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`declass: ${file('empty.txt')}: empty file\n`);
    expect(r.stdout).toContain(file('clean.txt'));
    const missing = await runCli(['lint', file('nope.txt')]);
    expect(missing.code).toBe(66);
  });

  it('a bad --as-of is a usage error (64)', async () => {
    const r = await runCli(['lint', file('clean.txt'), '--as-of', '2026-02-30']);
    expect(r.code).toBe(64);
  });
});
