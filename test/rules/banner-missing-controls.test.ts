/**
 * A banner that lacks controls its portions carry (`SECRET//REL TO USA, FVEY` over an `(S//NF)`
 * paragraph) was found only by `declass lint`: a release to a partner went out under it without a
 * word (probe 67b F6). Now the console and the audit record say it, as a warning; the decisions
 * go by the portions' own marks and do not change.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';

const memo = (banner: string) =>
  [banner, '', '(U) Intro UQOPEN1.', '', '(S//NF) Noforn ZQNOFORN1.', '', '(S//REL TO USA, FVEY) Rel UQREL1.', '', 'Classified By: X, Chief', 'Reason: 1.4(c)', 'Declassify On: 20360101', banner, ''].join('\n');

describe('a banner that lacks controls its portions carry is said in the release (probe 67b F6)', () => {
  it.each<[string, string, string[]]>([
    ['fvey', 'SECRET//REL TO USA, FVEY', ['UQOPEN1', 'UQREL1']],
    ['nato', 'SECRET//REL TO USA, FVEY', ['UQOPEN1']],
    ['us-secret', 'SECRET//REL TO USA, FVEY', ['UQOPEN1', 'ZQNOFORN1', 'UQREL1']],
    ['public', 'SECRET//REL TO USA, FVEY', ['UQOPEN1']],
  ])('%s: %s over (S//NF)', async (id, banner, released) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-bmc-'));
    const input = path.join(dir, 'b1.txt');
    writeFileSync(input, memo(banner));
    const out = path.join(dir, 'out');
    const r = await runCli(['release', input, '--profile', id, '--out', out, '--as-of', '2026-12-01', '--formats', 'text'], { now: '2026-12-01T12:00:00Z' });
    expect(r.code).toBe(0);
    expect(r.stderr.match(/warning: .*lacks controls the portions carry; expected SECRET\/\/NOFORN\. \[banner-missing-controls\]/g)).toHaveLength(1);
    const record = JSON.parse(readFileSync(path.join(out, 'review', 'b1.audit.json'), 'utf8')) as { diagnostics: { severity: string; code: string }[] };
    const found = record.diagnostics.filter((d) => d.code === 'banner-missing-controls');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.severity === 'warning')).toBe(true);
    const sub = ['release', 'pending'].find((s) => { try { readFileSync(path.join(out, s, 'b1.txt')); return true; } catch { return false; } })!;
    const text = readFileSync(path.join(out, sub, 'b1.txt'), 'utf8');
    for (const token of ['UQOPEN1', 'ZQNOFORN1', 'UQREL1']) expect(text.includes(token), token).toBe(released.includes(token));
  });

  it('a banner that carries its portions\' controls says nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-bmc-'));
    const input = path.join(dir, 'b2.txt');
    writeFileSync(input, memo('SECRET//NOFORN'));
    const r = await runCli(['release', input, '--profile', 'fvey', '--out', path.join(dir, 'out'), '--as-of', '2026-12-01', '--formats', 'text'], { now: '2026-12-01T12:00:00Z' });
    expect(r.stderr).not.toMatch(/banner-missing-controls/);
  });
});
