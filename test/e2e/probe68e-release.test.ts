/**
 * Probe 68e F1 (fix69a), released through the CLI (text and release PDF): the header a later
 * section repeats is found as whole lines and fields. No `ZQ…` word of a cable below is in
 * release/ or pending/, and its (U) text (`UQ…`) is released: a (C) paragraph's first line
 * repeating the SUBJECT's words opens that paragraph (the (U) one above is no longer withheld with
 * it), and a SUBJECT the first header does not hold no longer takes the (U) line after it.
 * See test/parse/probe68e-section-header.test.ts for the reading.
 */
import { describe, expect, it } from 'vitest';
import { cable } from '../parse/helpers.js';
import { markerWords, releaseOneText } from '../helpers/released-texts.js';

const EO = 'E.O. 12958: DECL: 02/13/2040';
const SUBJECT = 'SUBJECT: (C) ZQS SECRET TALKS WITH MINISTER';
const SECTION = 'C O N F I D E N T I A L SECTION 02 OF 02 BERLIN 000173';
const P1 = '1. (U) UQ1 The embassy hosted a reception on trade and culture';

const CASES: [string, string][] = [
  ['f1g a (C) paragraph repeating the subject', `${P1}.\n\n${SECTION}\n\n(C) ZQS SECRET TALKS WITH MINISTER\nZQ2 the minister said the deal is done and\nZQ3 will be signed in June.\n\n2. (U) UQ2 Trade week ends.\n`],
  ['f1a the same under SIPDIS mid-sentence', `${P1} and\n${SECTION}\nSIPDIS\n(C) ZQS SECRET TALKS WITH MINISTER\nZQ2 the minister said the deal is done.\n\n2. (U) UQ2 Trade week ends.\n`],
  [
    'f1f a subject the first header does not hold',
    `${P1}\n${SECTION}\nSUBJECT: ZQ1 GERMANY AGREES THAT OSLO PROCESS TEXT ON CLUSTER\nMUNITIONS ZQ2 SHOULD NOT HINDER INTEROPERABILITY\nUQ3 and the guests left at nine.\n\n2. (U) UQ2 Trade week ends.\n`,
  ],
  [
    'the known subject repeated across a (U) paragraph',
    `${P1} and\n${SECTION}\nSIPDIS\n${EO}\nTAGS: MOPS PARM PREL NATO GM\nSUBJECT: (C) ZQS SECRET\nTALKS WITH MINISTER\nUQ3 press representatives from the capital.\n\n2. (C) ZQ4 further details follow septel.\n`,
  ],
];

describe('probe 68e F1: released through the CLI', () => {
  it.each(CASES)('%s: no ZQ word handed out, the (U) text released', async (_name, body) => {
    const input = cable(body, { eo: EO, subject: SUBJECT });
    const files = await releaseOneText(input);
    expect([...files.keys()].some((f) => f.startsWith('release/'))).toBe(true);
    for (const [file, text] of files) for (const w of markerWords(input, 'ZQ')) expect(text, `${file}: ${w}`).not.toContain(w);
    for (const file of ['release/doc.txt', 'release/doc.pdf']) for (const w of markerWords(body, 'UQ')) expect(files.get(file), `${file}: ${w}`).toContain(w);
  });
});
