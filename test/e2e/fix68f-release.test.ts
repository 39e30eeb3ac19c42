/**
 * Probe 68c, released through the CLI: the reasons B1 cites and what the console says about the
 * cable's authority lines.
 * - F1, F2: reasons broken over a line or joined by `+` are all cited, no letter the cable does not
 *   give (`B A` / `ND D` cited 1.4(A) and withheld `ND D` as a portion of its own).
 * - F3: the full text's Classified By completes a preview cut off with `...`; where no reasons can
 *   be read, `b1-without-reasons` in the record and on the console.
 * - F5: the `decl-*` warnings `check` prints are printed by `release` too.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';

const head = (decl: string, classifiedBy: string): string =>
  `P 121736Z MAR 08\nFM AMEMBASSY MADRID\nTO SECSTATE WASHDC PRIORITY 4472\n\nC O N F I D E N T I A L MADRID 000999\n\n${decl}TAGS: PREL SP\nSUBJECT: (U) UQ1 SUBJECT LINE\n\n${classifiedBy}\n\n`;
const cable = (classifiedBy: string, decl = 'E.O. 12958: DECL: 03/12/2018\n', between = ''): string =>
  `${head(decl, classifiedBy)}1. (C) ZQ1 CLASSIFIED PARAGRAPH TEXT.\n\n${between}2. (U) UQ2 UNCLASSIFIED PARAGRAPH TEXT.\n\nSMITH\n`;
/** A WikiLeaks file: a preview cut off with `...`, then the full cable. */
const preview = (full: string): string => `${head('E.O. 12958: DECL: 03/12/2018\n', 'Classified By: DCM John Doe, Pol...')}\n\nid: 1\nheader:\n${cable(full)}`;

async function release(input: string, asOf = '2010-01-01'): Promise<{ stderr: string; stamp: string; authorities: string[][]; codes: string[]; text: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-fix68f-'));
  writeFileSync(path.join(dir, 'doc.txt'), input);
  const run = await runCli(['release', path.join(dir, 'doc.txt'), '--profile', 'public', '--out', path.join(dir, 'out'), '--as-of', asOf, '--formats', 'text']);
  expect(run.code, run.stderr).toBe(0);
  const record = JSON.parse(readFileSync(path.join(dir, 'out', 'review', 'doc.audit.json'), 'utf8')) as { stamp: string; decisions: { action: string; authority: string[] }[]; diagnostics: { code: string }[] };
  // A document that needs a human goes to pending/ instead of release/.
  const folder = record.decisions.some((d) => d.authority.includes('PENDING DECLASSIFICATION REVIEW')) ? 'pending' : 'release';
  const text = readFileSync(path.join(dir, 'out', folder, 'doc.txt'), 'utf8');
  expect(text).not.toContain('ZQ1');
  return { stderr: run.stderr, stamp: record.stamp, authorities: record.decisions.filter((d) => d.action === 'withhold').map((d) => d.authority), codes: record.diagnostics.map((d) => d.code), text };
}

describe('B1 cites every reason the cable gives and no other', () => {
  it.each([
    ['`B A` / `ND D` (07BRASILIA2262)', cable('Classified By: DCM X FOR REASONS 1.4 B A\nND D')],
    ['`(b+d)` (10MAPUTO80)', cable('Classified By: DCM X for reasons 1.4 (b+d)')],
    ['`(b and` / `d)` (10BAKU98)', cable('Classified By: xxxxx for Reasons 1.4 (b and\nd)')],
    ['`an d` (10LONDON42)', cable('Classified By: DCM X for reasons 1.4 (b) an d (d).')],
    ['a preview cut off, then the full field (09BOGOTA3093)', preview('Classified By: DCM John Doe, Political Counselor; REASON: 1.4(B), (D)')],
  ])('%s', async (_name, input) => {
    const r = await release(input);
    expect(r.authorities).toEqual([['B1', '1.4(B)', '1.4(D)'], ['B1', '1.4(B)', '1.4(D)']].slice(0, r.authorities.length));
    expect(r.authorities.flat()).not.toContain('1.4(A)');
    expect(r.codes).not.toContain('b1-without-reasons');
    expect(r.text).toContain('UQ2');
  });
});

describe('what release prints about the authority lines', () => {
  it.each([
    ['no reasons read', cable('Classified By: DCM John Doe, Political Counselor.'), '2010-01-01', /warning: B1 is cited with no §1\.4 category.*\[b1-without-reasons\]/],
    // A derivatively classified memo gives no reasons of its own: the warning sends the reviewer to its source.
    ['a derivatively classified memo', 'SECRET\n\nMEMORANDUM FOR THE RECORD\n\nDATE: 10 January 2012\n\nSUBJECT: (U) UQ1 Plans\n\n1. (S) ZQ1 secret paragraph.\n\n2. (U) UQ2 public paragraph.\n\nDerived From: NSA/CSSM 1-52\nDated: 20070108\nDeclassify On: 20320108\n\nSECRET\n', '2012-01-01', /warning: B1 is cited with no §1\.4 category: it is derivatively classified \("Derived From: NSA\/CSSM 1-52"\), whose reasons are its source's; find the reasons in its source before it is handed out\. \[b1-without-reasons\]/],
    ['two DECL lines that disagree', cable('Classified By: X for reasons 1.4 (b) and (d)', undefined, 'E.O. 12958: DECL: 03/12/2028\n\n'), '2019-01-01', /warning: .*disagree.*\[decl-conflict\]/],
    ['no E.O. line', cable('Classified By: X for reasons 1.4 (b) and (d)', ''), '2010-01-01', /warning: .*no E\.O\. line.*\[decl-missing\]/],
    ['a date before the cable', cable('Classified By: X for reasons 1.4 (b) and (d)', 'E.O. 12958: DECL: 03/12/2007\n'), '2010-01-01', /warning: .*\[decl-before-origin\]/],
    ['a date past 25 years', cable('Classified By: X for reasons 1.4 (b) and (d)', 'E.O. 12958: DECL: 03/12/2040\n'), '2010-01-01', /warning: .*\[decl-over-25-years\]/],
  ])('%s', async (_name, input, asOf, expected) => {
    const r = await release(input, asOf);
    expect(r.stderr).toMatch(expected);
    // Once per kind.
    const code = /\[([a-z0-9-]+)\\\]/.exec(expected.source)![1]!;
    expect(r.stderr.split(`[${code}]`).length - 1).toBe(1);
  });
});
