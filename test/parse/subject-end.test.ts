/**
 * A line right under a subject line takes the subject's mark only when it is the subject's wrap.
 * `SUMMARY: THE MINISTER SAID …` under `SUBJECT: (U) GERMANY TALKS` in a CONFIDENTIAL cable, and
 * `PURPOSE: … to approve the strike` or a sentence under a memo's `SUBJECT: (U) Plan`, were
 * released as the subject's (U), in the text, the PDF and the Vaughn index's Subject column. They
 * are unmarked text now (withheld while the document is classified); a wrapped subject, and a
 * subject's own short second line, still go on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { readDocument } from '../../src/parse/read.js';
import { endsSubject } from '../../src/parse/subject-end.js';
import { loadProfile } from '../../src/rules/load.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

function decisionAt(text: string, word: string, format: 'cable' | 'document'): string {
  const at = text.indexOf(word);
  const plan = evaluate(readDocument(text, { format }).doc, PUBLIC, { asOf: '2010-12-01', overrides: null, fallbackRef: 'X' });
  const d = plan.decisions.find((x) => x.span.start <= at && at < x.span.end);
  return d ? `${d.portionId} ${d.action} ${d.ruleId}` : 'header';
}

const CABLE = (under: string) =>
  `C O N F I D E N T I A L BERLIN 000173\n\nSIPDIS\n\nE.O. 12958: DECL: 02/13/2018\nTAGS: PREL GM\nSUBJECT: (U) GERMANY TALKS\n${under}\n\nClassified By: POLOFF X. REASONS: 1.4 (B) AND (D).\n\n1. (C) The minister said that the plan is secret.\n`;
const MEMO = (under: string) =>
  `SECRET//NOFORN\n\nMEMORANDUM FOR: Director\nSUBJECT: (U) Plan\n${under}\n\n(U) This memorandum summarizes the plan approved last week in the office.\n\n(S) The plan closes offices.\n\nClassified By: J. Smith, Chief\nReason: 1.4(c)\nDeclassify On: 20350315\n\nSECRET//NOFORN\n`;
const EMAIL = (under: string) =>
  `Classification: SECRET//NOFORN\n\nFrom: Smith, John\nSent: Tuesday, March 15, 2011 10:00 AM\nTo: Director\nSubject: (U) Plan\n${under}\n\n(U) See below.\n\n(S//NF) The plan closes offices.\n\nClassified By: John Smith, Chief\nReason: 1.4(c)\nDeclassify On: 20350315\n\nClassification: SECRET//NOFORN\n`;

describe('endsSubject', () => {
  it.each([
    ['SUBJECT: (U) GERMANY TALKS', 'SUMMARY: THE MINISTER SAID KILLER THE PLAN IS SECRET.', true],
    ['SUBJECT: (U) Plan', 'The minister KILLER said the plan is secret.', true],
    ['SUBJECT: (U) Plan', 'Place of meeting: the KILLER compound', true],
    ['SUBJECT: A VERY LONG SUBJECT LINE THAT WRAPS ONTO THE NEXT LINE OF', 'PURPOSE: KILLER', true],
    // Wraps, and a subject's own second line (the corpus: 10CHISINAU81, 05ANKARA1656, 06BOGOTA10958).
    ['SUBJECT: REQUEST FOR INFORMATION ON SECURITY', 'DIALOGUES: CHISINAU RESPONSE', false],
    ['SUBJECT: ANKARA MEDIA REACTION REPORT', 'TUESDAY, MARCH 22, 2005', false],
    ['SUBJECT: URIBE SUPPORTS SUPREME COURT ACTIONS ON PARAPOLITICAL', 'SCANDAL, INSISTS INSTITUTIONS MUST BE ALLOWED TO WORK', false],
  ])('%j then %j: ends the subject %s', (prev, next, ends) => {
    expect(endsSubject(prev, next, 48)).toBe(ends);
  });
});

describe('a line under the subject that is not its wrap is unmarked text, withheld in a classified document', () => {
  it.each([
    ['a cable: SUMMARY under the subject', CABLE('SUMMARY: THE MINISTER SAID KILLER THE PLAN IS SECRET.'), 'cable'],
    ['a memo: PURPOSE under the subject', MEMO('PURPOSE: KILLER to approve the strike'), 'document'],
    ['a memo: DATE with prose under the subject', MEMO('DATE: 15 March 2011, the day KILLER was arrested'), 'document'],
    ['a memo: a sentence under the subject', MEMO('The minister KILLER said the plan is secret.'), 'document'],
    ['an e-mail: Importance with prose under the subject', EMAIL('Importance: High - the raid on KILLER compound begins at dawn'), 'document'],
  ] as const)('%s', (_what, text, format) => {
    expect(decisionAt(text, 'KILLER', format)).toMatch(/ withhold public\/unmarked-in-classified$/);
  });

  it('a wrapped subject goes on under its mark', () => {
    const cable = CABLE('').replace('SUBJECT: (U) GERMANY TALKS\n', 'SUBJECT: (U) GERMANY: FOREIGN MINISTER STEINMEIER ON THE TALKS WITH\nIRAN AND ZULUWORD THE EU-3\n');
    expect(decisionAt(cable, 'ZULUWORD', 'cable')).toBe('subject release public/unclassified');
  });
});
