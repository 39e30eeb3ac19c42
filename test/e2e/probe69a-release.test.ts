/**
 * Probe 69a F1, F2 through the CLI: a mark at the end of a line right under a line that ends a
 * sentence (`ZQ01 … one.` / `ZQ02 … (S//NF)`). Under an UNCLASSIFIED banner both lines were released
 * in full, `(S//NF)` printed in the release, with no warning (F1); in a SECRET memo the (U) lines got
 * B1, DENIED IN FULL (F2). Now the lines are held pending review, and the console says why.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';

const PARA = (mark: string, token: string) => `${token}01 First sentence here on line one.\n${token}02 second line of the paragraph. ${mark}`;

async function release(input: string): Promise<{ stderr: string; folder: string; text: string; authorities: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-probe69a-'));
  writeFileSync(path.join(dir, 'memo.txt'), input);
  const out = path.join(dir, 'out');
  const run = await runCli(['release', path.join(dir, 'memo.txt'), '--profile', 'public', '--out', out, '--as-of', '2026-12-01', '--formats', 'text']);
  expect(run.code, run.stderr).toBe(0);
  const record = JSON.parse(readFileSync(path.join(out, 'review', 'memo.audit.json'), 'utf8')) as { decisions: { action: string; authority: string[] }[] };
  // Nothing under release/ (the Vaughn index included) holds a withheld token or the mark.
  for (const f of readdirSync(path.join(out, 'release'))) {
    const released = readFileSync(path.join(out, 'release', f), 'utf8');
    expect(released).not.toMatch(/ZQ0|\(S\/\/NF\)/);
  }
  const folder = existsSync(path.join(out, 'pending', 'memo.txt')) ? 'pending' : 'release';
  return { stderr: run.stderr, folder, text: readFileSync(path.join(out, folder, 'memo.txt'), 'utf8'), authorities: record.decisions.filter((d) => d.action === 'withhold').flatMap((d) => d.authority) };
}

describe('a mark ending a line it cannot be tied to (probe 69a)', () => {
  it.each([
    ['an UNCLASSIFIED banner (F1)', `UNCLASSIFIED\n\n${PARA('(S//NF)', 'ZQ')}\n\nUQ03 Public text. (U)\n\nUNCLASSIFIED\n`],
    ['an e-mail marked Classification: UNCLASSIFIED (F1)', `From: a@b.gov\nTo: c@d.gov\nSubject: (U) UQ00 Lunch\nClassification: UNCLASSIFIED\n\nUQ01 See below. (U)\n\n${PARA('(S//NF)', 'ZQ')}\n`],
  ])('under %s: held pending review, the console warns, nothing released', async (_name, input) => {
    const r = await release(input);
    expect(r.folder).toBe('pending');
    expect(r.text).not.toMatch(/ZQ0|\(S\/\/NF\)/);
    expect(r.stderr).toMatch(/warning: The banner is UNCLASSIFIED but the text holds the mark "\(S\/\/NF\)".*\[unclassified-banner-contradicted\]/);
  });

  it('a (U) there in a SECRET memo: pending review, not B1 (F2)', async () => {
    const r = await release(`SECRET\n\n${PARA('(U)', 'UQ')}\n\n(S) ZQ03 Secret text.\n\nClassified By: S0121\nDerived From: NSA/CSSM 1-52\nDeclassify On: 20320108\n\nSECRET\n`);
    expect(r.folder).toBe('pending');
    expect(r.text).not.toContain('ZQ03');
    expect(r.text.match(/\[WITHHELD: UNKNOWN MARKING - PENDING REVIEW\]/g)).toHaveLength(2);
    expect(r.authorities.filter((a) => a === 'B1')).toHaveLength(1);
  });
});
