/**
 * Probe 68e F5 / 68c F1, released through the CLI: an `and` broken over the Classified By line's
 * end whose tail line goes on with text (`1.4 B A` / `ND D ZQ1 …`) cites the letters the cable gives
 * (it cited 1.4(A), a category never written, and dropped D), and the tail line's words are withheld
 * (`an` / `d (d) JOHN SMITH, ZQ1 …` was read into the field and released as written).
 * Reasons the corpus gives in a form that was not read (plain `B1` with b1-without-reasons): after a
 * blank line, in a flattened header line, after a mistyped section. Probe 68c F4: a DNG or
 * no-E.O.-line cable's reasons say what is true before and after its 25-year date.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';

const head = (decl: string): string =>
  `P 121736Z MAR 08\nFM AMEMBASSY MADRID\nTO SECSTATE WASHDC PRIORITY 4472\n\nC O N F I D E N T I A L MADRID 000999\n\n${decl}TAGS: PREL SP\nSUBJECT: (U) UQ1 SUBJECT LINE\n\n`;
const cable = (classifiedBy: string, decl = 'E.O. 12958: DECL: 03/12/2018\n'): string =>
  `${head(decl)}${classifiedBy}\n\n1. (C) ZQ2 CLASSIFIED PARAGRAPH TEXT.\n\n2. (U) UQ2 UNCLASSIFIED PARAGRAPH TEXT.\n\nSMITH\n`;

type Released = { stderr: string; stamp: string; authorities: string[][]; codes: string[]; texts: string[]; reasons: string[] };

async function releaseOne(input: string, asOf = '2010-01-01'): Promise<Released> {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-fix69c-'));
  writeFileSync(path.join(dir, 'doc.txt'), input);
  const run = await runCli(['release', path.join(dir, 'doc.txt'), '--profile', 'public', '--out', path.join(dir, 'out'), '--as-of', asOf, '--formats', 'text']);
  expect(run.code, run.stderr).toBe(0);
  const record = JSON.parse(readFileSync(path.join(dir, 'out', 'review', 'doc.audit.json'), 'utf8')) as {
    stamp: string;
    declassification: { reason: string };
    decisions: { action: string; authority: string[]; reason?: string }[];
    diagnostics: { code: string; message: string }[];
  };
  const folder = record.decisions.some((d) => d.authority.includes('PENDING DECLASSIFICATION REVIEW')) ? 'pending' : 'release';
  const text = readFileSync(path.join(dir, 'out', folder, 'doc.txt'), 'utf8');
  for (const zq of ['ZQ1', 'ZQ2']) expect(text).not.toContain(zq);
  return {
    stderr: run.stderr,
    stamp: record.stamp,
    authorities: record.decisions.filter((d) => d.action === 'withhold').map((d) => d.authority),
    codes: record.diagnostics.map((d) => d.code),
    texts: [text, ...record.diagnostics.map((d) => d.message)],
    reasons: [record.declassification.reason, ...record.decisions.map((d) => d.reason ?? '')],
  };
}

describe('a broken `and` with text after its tail: B1 cites the letters given, the tail line is withheld', () => {
  it.each([
    ['`B A` / `ND D ZQ1 …` (probe 68e c1)', 'Classified By: Ambassador John Doe for reasons 1.4 B A\nND D ZQ1 the minister said the deal is done.'],
    ['`B A` / `ND D. THIS CABLE …`', 'Classified By: DCM X FOR REASONS 1.4 B A\nND D. THIS CABLE IS ZQ1 SENSITIVE.'],
    ['`B A` / `ND D A MINISTER …` (the article is no letter)', 'Classified By: DCM X FOR REASONS 1.4 B A\nND D A MINISTER SAID ZQ1 NO.'],
    ['`(b) an` / `d (d) JOHN SMITH, ZQ1 …` (was released as header)', 'Classified By: DCM X for reasons 1.4 (b) an\nd (d) JOHN SMITH, ZQ1 POLOFF'],
    ['`(B) AN` / `D (D) ZQ1 …`', 'Classified By: DCM X, REASONS 1.4 (B) AN \nD (D) ZQ1 THE MINISTER'],
  ])('%s', async (_name, classifiedBy) => {
    const r = await releaseOne(cable(classifiedBy));
    expect(r.stamp).toBe('RELEASE IN PART B1, 1.4(B), 1.4(D)');
    for (const a of r.authorities) expect(a).toEqual(['B1', '1.4(B)', '1.4(D)']);
    expect(r.authorities.flat()).not.toContain('1.4(A)');
    expect(r.codes).not.toContain('b1-without-reasons');
    expect(r.texts[0]).toContain('UQ2');
  });
});

describe('reasons given in a form that was not read: B1 cites them, no b1-without-reasons', () => {
  it.each([
    ['`REASON:` after a blank line (09NAPLES69)', 'CLASSIFIED BY: J. Patick Truhn, Consul General, AmConGen Naples.\n\nREASON: 1.4 (b), (d)'],
    ['a mistyped section (06BOGOTA5384)', 'Classified By: CDA MILTON DRUCKER FOR REASONS 1 (B) AND (D) '],
    ['`for` / `reasons 14 (b)` (08BERLIN643)', 'Classified By: Glbal Affairs Unit Chief Don L. Brown for\nreasons 14 (b) and (d).'],
    ['inside a REF line (09TRIPOLI250)', 'REF: STATE 24355 CLASSIFIED BY: Gene Cretz, Ambassador. REASON: 1.4 (b), (d)'],
  ])('%s', async (_name, classifiedBy) => {
    const r = await releaseOne(cable(classifiedBy));
    expect(r.stamp).toBe('RELEASE IN PART B1, 1.4(B), 1.4(D)');
    for (const a of r.authorities) expect(a).toEqual(['B1', '1.4(B)', '1.4(D)']);
    expect(r.codes).not.toContain('b1-without-reasons');
    expect(r.stderr).not.toContain('b1-without-reasons');
  });

  it.each([
    ['a name alone (10STATE15856)', 'Classified By: EUR/PRA Director Stephanie Miley '],
    ['a preview cut off (08USNATO279)', 'Classified By: A/DCM ...'],
  ])('%s: the warning stays', async (_name, classifiedBy) => {
    const r = await releaseOne(cable(classifiedBy));
    expect(r.stamp).toBe('RELEASE IN PART B1');
    expect(r.codes).toContain('b1-without-reasons');
  });
});

describe('a DNG or no-E.O.-line cable: what is true before and after its 25-year date (2033-12-31)', () => {
  const reasons = 'Classified By: DCM X for reasons 1.4 (b) and (d)';
  it.each([
    ['DNG', 'E.O. 12958: DNG: CO 03/12/2018\n'],
    ['no E.O. line', ''],
  ])('%s', async (_name, decl) => {
    const before = await releaseOne(cable(reasons, decl), '2020-01-01');
    const after = await releaseOne(cable(reasons, decl), '2034-06-01');
    for (const r of [before, after]) {
      expect(r.stamp).toBe('PENDING REVIEW - NOT FOR RELEASE');
      expect(r.reasons.join(' ')).not.toMatch(/not known whether the portion is still classified/);
      expect(r.reasons.join(' ')).not.toMatch(/applies meanwhile/);
    }
    expect(before.reasons.join(' ')).toMatch(/stays classified at its marked level, at the latest until its 25-year date 2033-12-31/);
    expect(after.reasons.join(' ')).toMatch(/its 25-year date 2033-12-31 has passed.*declassified it on that date unless it was exempted.*confirm with the originating agency that no exemption applies/);
    expect(after.reasons.join(' ')).not.toMatch(/stays classified/);
  });
});
