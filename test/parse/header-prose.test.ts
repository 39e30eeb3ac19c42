/**
 * Sentences in a cable's header zone are content, not header. Header lines are released as
 * written, and the header readers took any line before SUBJECT for a pass line, a line under TO for
 * an address, a line after a REF item or after the Classified By reasons for more of the field: a
 * sentence there (`The informant … confirmed the arrests.`) was released from a SECRET cable denied
 * in full. Pass lines, address lists and REF lists as cables write them stay header.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { hasWordsAfterReasons } from '../../src/parse/header/classified-by.js';
import { isPassLine, readsAsSentence, wordsOf } from '../../src/parse/header/pass-line.js';
import { readDocument } from '../../src/parse/read.js';
import { loadProfile } from '../../src/rules/load.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

/** The decision (action and rule) of the portion holding `word`, or null when it is in no portion (header). */
function decisionAt(text: string, word: string): string | null {
  const at = text.indexOf(word);
  const plan = evaluate(readDocument(text).doc, PUBLIC, { asOf: '2020-01-01', overrides: null, fallbackRef: 'X' });
  const d = plan.decisions.find((x) => x.span.start <= at && at < x.span.end);
  return d ? `${d.action} ${d.ruleId}` : null;
}

const BANNER = 'S E C R E T BERLIN 000999';
const TAIL = 'SUBJECT: (S) TEST\n\n1. (S) First paragraph.\n';
const ROUTING = 'VZCZCXYZ0016\nOO RUEHWEB\nDE RUEHRL #0173 0441627\nZNY SSSSS ZZH\nO 131627Z FEB 08\nFM AMEMBASSY BERLIN\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 0424\nBT\n';

/** A SECRET cable whose routing line `line` is written as `changed`. */
function routed(line: string, changed: string): string {
  const at = ROUTING.indexOf(line);
  const end = ROUTING.indexOf('\n', at);
  return `${ROUTING.slice(0, at)}${changed}${ROUTING.slice(end)}${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\n${TAIL}`;
}

describe('the helpers', () => {
  it.each([
    ['DEPT FOR EUR/WE', false, true],
    ['STATE PASS TO USTR FOR RVARGO, NMOORJANI, AMALITO', false, true],
    ['FOR THE SECRETARY FROM THE AMBASSADOR', false, true],
    ['AMALITO', false, true],
    ['Dept for af/e, af/c, af/w, af/s, af/eps', false, true],
    ['"PERISHABLE INFORMATION -- DO NOT SERVICE"', false, true],
    ['(ZARATE), TASK FORCE ON TERRORIST FINANCING, OFAC DIRECTOR', true, true],
    ['(ZARATE), TASK FORCE ON TERRORIST FINANCING, OFAC DIRECTOR', false, false],
    ['The informant KILLER inside the cabinet confirmed the arrests.', false, false],
    ['THE INFORMANT KILLER INSIDE THE CABINET CONFIRMED THE ARRESTS.', false, false],
    ['KARZAI IS OUR SOURCE', false, false],
    ['DEPT FOR EUR/WE: HE SAID IT WAS OVER', false, false],
    // A routing phrase and a sentence after it (probe 8): the addressing word made it a pass line.
    ['PLEASE PASS TO SECDEF. THE CHANCELLOR IS GRAVELY ILL.', false, false],
    ['EYES ONLY FOR THE SECRETARY - SHAH IS ILL', false, false],
    ['STATE FOR NEA - SHAH HAS CANCER', false, false],
    ['FROM AMBASSADOR: THE SHAH IS ILL', false, false],
    ['CORRECTED COPY (SHAH IS ILL)', false, false],
    ['DEPT PASS WHITE HOUSE FOR SCOWCROFT: THE SHAH IS ILL', false, false],
    ['SHAH IS ILL', true, false],
    // Offices that spell a verb, and a repeat notice's passive, stay pass lines.
    ['DEPT FOR WHA/CAN AND L/LEI', false, true],
    ['USDA FAS FOR OFSO/WHO, H. MAGINNIS', false, true],
    ['TALLINN, VILNIUS, USNATO INFO ALL NATO POST COLLECTIVE IS BEING', true, false],
  ])('%j (after a pass line: %s) is a pass line: %s', (text, continues, pass) => {
    expect(isPassLine(text, continues)).toBe(pass);
  });

  it('a repeat notice wrapped over lines (`… IS BEING` / `REPEATED FOR YOUR ACTION.`) is a pass line', () => {
    expect(isPassLine('TALLINN, VILNIUS, USNATO INFO ALL NATO POST COLLECTIVE IS BEING', true, 'REPEATED FOR YOUR ACTION.')).toBe(true);
    expect(isPassLine('STATE FOR NEA - SHAH IS BEING', false, 'TREATED FOR CANCER')).toBe(false);
  });

  it.each([
    ['B. Minister told Ambassador informant KILLER would defect in May', true],
    ['    Summary: the informant KILLER confirmed the arrests.', true],
    ['Informant KILLER confirmed the arrests', false],
    ['l. Mtcr poc 201/2006 - may 16 2006', false],
    ['     ¶B. STATE 46997', false],
    ['RUEHXP/ALL NATO POST COLLECTIVE PRIORITY', false],
  ])('%j reads as a sentence: %s', (text, sentence) => {
    expect(readsAsSentence(text)).toBe(sentence);
  });

  it.each([
    ['Classified By: POLOFF X. REASONS: 1.4 (B) AND (D). SUMMARY: THE MINISTER SAID IT.', true],
    ['AND (D). THE MINISTER SAID KILLER WILL RESIGN.', true],
    ['and (d).  This message was coordinated with Embassy Ankara.', true],
    ['Classified By: Ambassador Robert F. Godec for reasons 1.4 (b) and (d).', false],
    ['Classified By: PolCouns Velia M. De Pirro for reasons 12958: 1.4 (b)(d)', false],
    ['for reasons 1.4 (b) and (d); E.O. 12958', false],
    ['AND (D).', false],
  ])('%j has words after its reasons: %s', (text, words) => {
    expect(hasWordsAfterReasons(text)).toBe(words);
  });
});

describe('a sentence in the header of a SECRET cable is withheld, not released as header', () => {
  it.each([
    ['between the banner and the E.O. line', `${BANNER}\n\nThe informant KILLER inside the cabinet confirmed the arrests.\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\n${TAIL}`],
    ...[
      'PLEASE PASS TO SECDEF. KILLER THE CHANCELLOR IS GRAVELY ILL.',
      'EYES ONLY FOR THE SECRETARY - KILLER SHAH IS ILL',
      'STATE FOR NEA - KILLER SHAH HAS CANCER',
      'FROM AMBASSADOR: KILLER THE SHAH IS ILL',
      'CORRECTED COPY (KILLER SHAH IS ILL)',
      'FOR THE SECRETARY FROM HELMS\nDEPT PASS WHITE HOUSE FOR SCOWCROFT: KILLER THE SHAH IS ILL',
    ].map((line) => [`a routing phrase and a sentence: ${line}`, `${BANNER}\n\nNODIS\n${line}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\n${TAIL}`]),
    ['between the E.O. and TAGS lines', `${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nInformant KILLER confirmed arrests.\nTAGS: PREL GM\n${TAIL}`],
    ['under TAGS', `${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\nAHMED KILLER IS OUR SOURCE IN KABUL\n${TAIL}`],
    ['on the TAGS line', `${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM - The informant KILLER confirmed the arrests\n${TAIL}`],
    ['as a REF item', `${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\nSUBJECT: (S) TEST\n\nREF: A. STATE 12345\nB. Minister told Ambassador informant KILLER would defect in May\n\n1. (S) First paragraph.\n`],
    ['indented under a REF item', `${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\nSUBJECT: (S) TEST\n\nREF: A. STATE 12345\n    Summary: the informant KILLER confirmed the arrests.\n\n1. (S) First paragraph.\n`],
    ['under TO in the routing', `VZCZCXYZ0016\nOO RUEHWEB\nDE RUEHRL #0173 0441627\nZNY SSSSS ZZH\nO 131627Z FEB 08\nFM AMEMBASSY BERLIN\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 0424\nInformant KILLER confirmed the arrests\nBT\n${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\n${TAIL}`],
    ['after the Classified By reasons, on its line', `${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\nSUBJECT: (S) TEST\n\nClassified By: POLOFF X. REASONS: 1.4 (B) AND (D). SUMMARY: THE MINISTER SAID KILLER WILL RESIGN.\n\n1. (S) First paragraph.\n`],
    ['in the Classified By name, before the reasons', `${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\nSUBJECT: (S) TEST\n\nClassified By: POLOFF J. DOE, WHO MET KILLER IN BONN. REASONS: 1.4 (B) AND (D).\n\n1. (S) First paragraph.\n`],
    ['in the Classified By name, a sentence', `${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\nSUBJECT: (S) TEST\n\nClassified By: POLOFF J. DOE. KILLER WILL DEFECT. REASONS: 1.4 (B) AND (D).\n\n1. (S) First paragraph.\n`],
    ['after the Classified By reasons, on the next line', `${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\nSUBJECT: (S) TEST\n\nClassified By: POLOFF X. REASONS: 1.4 (B)\nAND (D). THE MINISTER SAID KILLER WILL RESIGN.\n\n1. (S) First paragraph.\n`],
    // Appended to a line the header reader knows (the routing block, the banner, SIPDIS).
    ...[
      ['VZCZCXYZ0016', 'VZCZCXYZ0016 THE MINISTER SAID KILLER THAT THE PLAN IS SECRET'],
      ['OO RUEHWEB', 'OO RUEHWEB THE MINISTER SAID KILLER THAT THE PLAN IS SECRET'],
      ['DE RUEHRL', 'DE RUEHRL #0173 0441627 THE MINISTER SAID KILLER THAT THE PLAN IS SECRET'],
      ['ZNY', 'ZNY SSSSS ZZH THE MINISTER SAID KILLER THAT THE PLAN IS SECRET'],
      ['the date-time group', 'O 131627Z FEB 08 THE MINISTER SAID KILLER THAT THE PLAN IS SECRET'],
      ['FM', 'FM AMEMBASSY BERLIN THE MINISTER SAID KILLER THAT THE PLAN IS SECRET'],
    ].map(([line, changed]) => [`on the routing line ${line}`, routed(line!, changed!)]),
    ['on the banner line', `${BANNER} THE MINISTER SAID KILLER THAT THE PLAN IS SECRET\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\n${TAIL}`],
    // A mark after a prefix the start of a line is not read with, and its text, short.
    ['after the E.O. line, a mark after a prefix', `${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\n1.1 (TS//SI) KILLER SOURCE MET\nTAGS: PREL GM\n${TAIL}`],
    ['after SIPDIS, a lettered mark', `${BANNER}\n\nSIPDIS\nA.1 (S) CONTACT: KILLER AL-RASHID, MFA\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\n${TAIL}`],
    ['indented under REF, a bracketed prefix', `${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\nSUBJECT: (S) TEST\n\nREF: A. STATE 12345\n     [1] (S) KILLER SOURCE MET\n\n1. (S) First paragraph.\n`],
    ['on the SIPDIS line', `${BANNER}\n\nSIPDIS THE MINISTER SAID KILLER THAT THE PLAN IS SECRET\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\n${TAIL}`],
    // The REF line's own value: a mark and its text, or a sentence (released as written before).
    ['on the REF line, a mark and its text', `${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\nSUBJECT: (S) TEST\n\nREF: (C) KILLER DUCOFFRE IS OUR SOURCE\n\n1. (S) First paragraph.\n`],
    ['on the REF line, after a cable number and its class', `${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\nSUBJECT: (S) TEST\n\nREF: STATE 13607 (S//NF) KILLER DUCOFFRE IS OUR SOURCE\n\n1. (S) First paragraph.\n`],
    ['on the REF line, a sentence', `${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\nSUBJECT: (S) TEST\n\nREF: STATE 13607 - KILLER WILL DEFECT\n\n1. (S) First paragraph.\n`],
  ])('%s', (_where, text) => {
    expect(decisionAt(text, 'KILLER')).toMatch(/^withhold /);
  });

  it('pass lines, an address list and a REF list stay header; the reasons still count', () => {
    const text = `VZCZCXYZ0016\nOO RUEHWEB\nDE RUEHRL #0173 0441627\nZNY SSSSS ZZH\nO 131627Z FEB 08\nFM AMEMBASSY BERLIN\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 0424\nINFO RUEHXP/ALL NATO POST COLLECTIVE PRIORITY\nRUEHNO/USMISSION USNATO PRIORITY 9992\nBT\n${BANNER}\n\nSIPDIS\n\nDEPT FOR EUR/CE AND INR\nNSC FOR HOVENIER\n\nE.O. 12958: DECL: 02/13/2031\nTAGS: PREL GM\nSUBJECT: (S) TEST\n\nREF: A. STATE 12345\n     B. BERLIN 678 (NOTAL)\n\nClassified By: POLOFF X. REASONS: 1.4 (B) AND (D).\n\n1. (S) First paragraph.\n`;
    for (const word of ['USNATO', 'HOVENIER', 'EUR/CE', 'BERLIN 678', 'POLOFF']) expect(decisionAt(text, word)).toBeNull();
    // A REF line of lettered items, a class after a number, a quoted title with a verb in it.
    for (const ref of ['REF: A. A) SECSTATE 52920', 'REF: A. (A) PARIS 7682 AND PREVIOUS', 'REF: STATE 13607 (C)', 'REF: A. STATE 12345 ("WHAT IS NEXT FOR IRAQ")']) {
      expect(decisionAt(text.replace('REF: A. STATE 12345', ref), ref.slice(5, 14))).toBeNull();
    }
    // Tags in lower case, and State's tags in words in capitals (06TELAVIV145), stay header.
    for (const tags of ['Tags: pgov, prel, econ, epet, pinr, marr, snar, kz', 'TAGS: PREL PGOV IR IS KPAL PINR ELECTIONS GOI INTERNAL ISRAELI PALESTINIAN AFFAIRS']) {
      expect(decisionAt(`${BANNER}\n\nE.O. 12958: DECL: 02/13/2031\n${tags}\n${TAIL}`, tags.slice(6, 16))).toBeNull();
    }
    const plan = evaluate(readDocument(text).doc, PUBLIC, { asOf: '2020-01-01', overrides: null, fallbackRef: 'X' });
    expect(plan.decisions.find((d) => d.action === 'withhold')?.authority).toEqual(expect.arrayContaining(['1.4(B)', '1.4(D)']));
  });
});

describe('wordsOf', () => {
  // The words of a line were read by splitting it with a regular expression and testing each token
  // with three more; every header line is read (routing lines too), so it is a character loop now.
  // This is the expression version, the reference the loop must agree with.
  const SENTENCE = new Set('A AN IS ARE WAS WERE WILL WOULD HAS HAVE HAD THAT THIS WITH BY OUR HIS HER THEIR HE SHE THEY WE IT NOT BE BEEN SAID TOLD IN ON WHO WHICH CAN COULD SHOULD MAY MUST'.split(' '));
  const reference = (text: string) => {
    let n = 0;
    let sentence = 0;
    let lower = 0;
    for (const token of text.split(/[\s,;:()"+]+/)) {
      const w = token.replace(/[.!?]+$/, '');
      if (!/^[A-Za-z']+$/.test(w)) continue;
      n++;
      if (SENTENCE.has(w.toUpperCase())) sentence++;
      if (/^[a-z'][a-z']+$/.test(w) && !/^(?:for|and|to|also|pass|pls|please|of|from|the|at)$/.test(w)) lower++;
    }
    return { n, sentence, lower };
  };
  it('counts as the split-and-test reading does', () => {
    const piece = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u2003', ',', ';', ':', '(', ')', '"', '+', '.', '!?', "'", 'THE', 'said', 'Is', 'for', 'U.S.', 'don\'t', 'A', 'x', 'SHOULD', 'SHOULDN', '\ud83d\ude00'));
    fc.assert(fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
      const text = pieces.join('');
      expect(wordsOf(text)).toEqual(reference(text));
    }), { numRuns: 2000 });
    expect(wordsOf('THE MINISTER SAID KILLER THAT THE PLAN IS SECRET.')).toEqual(reference('THE MINISTER SAID KILLER THAT THE PLAN IS SECRET.'));
  });
});
