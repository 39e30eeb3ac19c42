/**
 * Probe 64c F6 (fix65a): FOUO, SBU, LOU and CUI mark unclassified information only (CAPCO p134;
 * domain.md §1.3). A mark pairing one with a classified level (`(C//FOUO)`, `(S//FOUO)`) was
 * accepted without a word: a warning now, from both readers, in the lint and (doc.diagnostics)
 * in the release's audit record. The decision reads the level, as before.
 */
import { describe, expect, it } from 'vitest';
import { lintDocument } from '../../src/lint/index.js';
import { readDocument } from '../../src/parse/read.js';

const memo = (mark: string) => `CONFIDENTIAL\n\nSUBJECT: (U) Notes\n\n(U) The notes follow.\n\n${mark} The plan ZQ1 is set.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20400101\n\nCONFIDENTIAL\n`;
const cable = (mark: string) =>
  `R 110117Z OCT 08\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\nC O N F I D E N T I A L PARIS 001234\nE.O. 12958: DECL: 10/10/2030\nTAGS: PREL FR\nSUBJECT: TALKS\n\n1. (U) The notes follow.\n\n2. ${mark} The plan ZQ1 is set.\n\nSMITH\n`;
const READERS = [
  ['memo', memo],
  ['cable', cable],
] as const;

const codes = (text: string) => readDocument(text).doc.diagnostics.filter((d) => d.code === 'control-with-classified-level');

describe('a control for unclassified information with a classified level', () => {
  for (const [name, wrap] of READERS) {
    it.each(['(C//FOUO)', '(S//FOUO)', '(C//NF/FOUO)', '(S//SBU)', '(C//LOU)'])(`${name}: %j is a warning, in the lint too`, (mark) => {
      const text = wrap(mark);
      const found = codes(text);
      expect(found).toHaveLength(1);
      expect(found[0]!.severity).toBe('warning');
      expect(found[0]!.message).toContain(mark);
      expect(lintDocument(readDocument(text).doc, '2026-12-01').map((d) => d.code)).toContain('control-with-classified-level');
    });
    it.each(['(U//FOUO)', '(C)', '(S//NF)', '(SBU)', '(C//LES)'])(`${name}: %j is none`, (mark) => {
      expect(codes(wrap(mark))).toEqual([]);
    });
  }
  it('a banner CONFIDENTIAL//FOUO is one too', () => {
    const text = memo('(C)').replace(/^CONFIDENTIAL$/gm, 'CONFIDENTIAL//FOUO');
    expect(codes(text).length).toBeGreaterThanOrEqual(1);
  });
});
