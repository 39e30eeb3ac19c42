/**
 * A banner below its portions' roll-up is a marking error (a possible spill) that `lint` reports
 * as `banner-below-portions`; `release` recorded nothing while the document was still classified
 * (probe 64c F5). The release's audit record carries it now, for memos and cables alike.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';

const profile = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const memo = (banner: string, body: string, decl: string) =>
  `${banner}\n\nMEMORANDUM FOR THE RECORD\n\nDate: March 1, 2006\nSubject: (U) Test UQsubj\n\n${body}\n\nClassified By: Jane Roe, Director\nReason: 1.4(c)\nDeclassify On: ${decl}\n\n${banner}\n`;
const cable = (banner: string, body: string) =>
  `${banner}\n\nSECTION 01 OF 01 BERLIN 000173\n\nE.O. 12958: DECL: 02/13/2040\nTAGS: PREL, GM\nSUBJECT: (U) TEST UQsubj\n\nClassified By: Ambassador, reasons 1.4(b) and (d).\n\n${body}\nSMITH\n`;

const codesOf = async (text: string, format: 'document' | 'cable', asOf: string) => {
  const result = await releaseDocument({ doc: readDocument(text, { format }).doc, profile, asOf, stem: 'DOC', input: { path: 'DOC.txt', sha256: '0'.repeat(64) }, formats: ['text'] });
  return result.audit.diagnostics.map((d) => d.code);
};

describe('banner below its portions is recorded by release (probe 64c F5)', () => {
  it.each([
    ['memo, CONFIDENTIAL over (S), classified', memo('CONFIDENTIAL', '(U) Intro UQ1.\n\n(S) Secret para ZQ11c.', '20400101'), 'document', '2026-12-01', true],
    ['memo, CONFIDENTIAL over (S) and (TS), date passed later', memo('CONFIDENTIAL', '(S) Secret ZQ11d.\n\n(TS) Top ZQ11e.', '20160101'), 'document', '2010-01-01', true],
    ['memo, SECRET over (S)', memo('SECRET', '(U) Intro UQ2.\n\n(S) Secret para ZQ11f.', '20400101'), 'document', '2026-12-01', false],
    ['cable, CONFIDENTIAL over (S)', cable('C O N F I D E N T I A L', '1. (C) Conf ZQc1.\n\n2. (S) Secret ZQc2.\n'), 'cable', '2026-12-01', true],
    ['cable, SECRET over (S)', cable('S E C R E T', '1. (C) Conf ZQc3.\n\n2. (S) Secret ZQc4.\n'), 'cable', '2026-12-01', false],
  ] as const)('%s', async (_name, text, format, asOf, expected) => {
    expect((await codesOf(text, format, asOf)).includes('banner-below-portions')).toBe(expected);
  });
});
