/**
 * B1 cites the §1.4 categories of the authority block whose Declassify On applies (probe 64c F4):
 * a derivative block without Reason over an older block's `Reason: 1.4(d)`, or an e-mail reply
 * over a quoted message, cited the other block's 1.4(D) beside B1. A derivative block's none gives
 * a bare B1 (as any derivative document's); when the blocks' reasons differ, a warning names the
 * block cited, and so does each withholding's reason (fix65b).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { readDocument } from '../../src/parse/read.js';
import { loadProfile } from '../../src/rules/load.js';

const profile = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const DERIVED = (decl: string) => `Classified By: Jane Roe, Director\nDerived From: OPS Guide 12, 1 Jan 2005\nDeclassify On: ${decl}\n`;
const ORIGINAL = (reason: string, decl: string) => `Classified By: Jane Roe, Director\nReason: ${reason}\nDeclassify On: ${decl}\n`;
const memo = (top: string, bottom: string) =>
  `SECRET\n\n${top}\nMEMORANDUM FOR THE RECORD\n\nDate: March 1, 2006\nSubject: (U) Test UQsubj\n\n(U) Intro UQintro.\n\n(S) Secret ZQsec.\n\n${bottom}\nSECRET\n`;
const EMAIL =
  'SECRET\n\nFrom: Analyst B\nSent: March 1, 2011\nSubject: (U) RE: Update\n\n(S) New secret reply ZQg09a.\n\nClassified By: Analyst B\nDerived From: Multiple Sources\nDeclassify On: 20360301\n\n-----Original Message-----\nFrom: Analyst A\nSent: March 1, 2006\nSubject: (U) Update\n\n(S) Old secret ZQg09b.\n\nClassified By: Analyst A\nReason: 1.4(d)\nDeclassify On: 20160301\n\nSECRET\n';

describe('B1 cites the governing authority block (probe 64c F4)', () => {
  it.each([
    ['derivative block (applied) over an original block', memo(DERIVED('20400101'), ORIGINAL('1.4(d)', '20160101')), ['B1'], true],
    ['two original blocks, the later date applied', memo(ORIGINAL('1.4(a)', '20400101'), ORIGINAL('1.4(d)', '20160101')), ['B1', '1.4(A)'], true],
    ['two original blocks, the second applied', memo(ORIGINAL('1.4(d)', '20160101'), ORIGINAL('1.4(a)', '20400101')), ['B1', '1.4(A)'], true],
    ['two blocks that agree', memo(ORIGINAL('1.4(c)', '20160101'), ORIGINAL('1.4(c)', '20400101')), ['B1', '1.4(C)'], false],
    ['one block', memo('', ORIGINAL('1.4(c)', '20400101')), ['B1', '1.4(C)'], false],
    ['an e-mail reply over a quoted message', EMAIL, ['B1'], true],
  ])('%s', (_name, text, authority, warned) => {
    const plan = evaluate(readDocument(text, { format: 'document' }).doc, profile, { asOf: '2026-12-01' });
    const secret = plan.decisions.filter((d) => d.action === 'withhold' && d.ruleId === 'public/classified');
    expect(secret.length).toBeGreaterThan(0);
    for (const d of secret) expect(d.authority).toEqual(authority);
    const note = plan.diagnostics.find((d) => d.code === 'authority-reasons-differ');
    expect(note !== undefined).toBe(warned);
    if (note) expect(note.message).toMatch(/B1 cites .*, those of the block of "Declassify On: \d{8}" \(line \d+\), whose instruction applies/);
    // fix65b: each withholding says it too (its reason is the audit record's and the Vaughn index's justification).
    const line = note ? /\(line (\d+)\)/.exec(note.message)![1] : null;
    for (const d of secret) {
      if (line) expect(d.reason).toMatch(new RegExp(`B1's reasons are those of the authority block at line ${line}, whose Declassify On applies; another block gives (?:1\\.4\\([A-H]\\)|no category)`));
      else expect(d.reason).not.toMatch(/authority block/);
    }
  });
});
