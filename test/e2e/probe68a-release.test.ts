/**
 * Probe 68a (fix68e), released through the CLI (text and release PDF): no `ZQ…` word of a cable
 * below is in release/ or pending/, and its (U) text (`UQ…`) is released.
 * - F1: a later section's repeated header (SUBJECT included) inside a (U) paragraph;
 * - F2: an underlined title glued under a (U) paragraph (no blank lines);
 * - F3: `2. (U)` opening a wrapped line of a (C) paragraph.
 * See test/parse/probe68a-cable.test.ts for the reading.
 */
import { describe, expect, it } from 'vitest';
import { cable } from '../parse/helpers.js';
import { markerWords, releaseOneText } from '../helpers/released-texts.js';

const EO = 'E.O. 12958: DECL: 02/13/2040';
const SUBJECT = 'SUBJECT: ZQ1 SECRET TALKS WITH ZQ2 MINISTER';

const CASES: [string, string][] = [
  [
    'F1 section header in a (U) paragraph',
    `1. (C) ZQ3 the minister said privately that talks would resume.\n\n2. (U) UQ1 The embassy hosted a reception on trade and\nculture that was attended by many local guests and\n\nC O N F I D E N T I A L SECTION 02 OF 02 BERLIN 000173\n\nSIPDIS\n\n${EO}\nTAGS: MOPS PARM PREL NATO GM\nSUBJECT: ZQ1 SECRET TALKS\nWITH ZQ2 MINISTER\n\nUQ2 press representatives from the capital.\n\n3. (C) ZQ4 further details follow septel.\n`,
  ],
  [
    'F1 without blank lines',
    `1. (C) ZQ3 the minister said privately that talks would resume.\n\n2. (U) UQ1 The embassy hosted a reception on trade and\nC O N F I D E N T I A L SECTION 02 OF 02 BERLIN 000173\nSIPDIS\n${EO}\nTAGS: MOPS PARM PREL NATO GM\n${SUBJECT}\nUQ2 press representatives from the capital.\n`,
  ],
  ['F2 underlined title', '1. (U) UQ1 The embassy hosted a reception.\nZQ5 SECRET DEAL WITH MINISTER\n-----------------------------\n2. (C) ZQ6 talks will resume.\n3. (U) UQ2 Trade week ends.\n'],
  ['F2 dashes above and below', '1. (U) UQ1 The embassy hosted a reception.\n-----------------\nZQ5 Interior Deal\n-----------------\n2. (C) ZQ6 talks will resume.\n3. (U) UQ2 Trade week ends.\n'],
  ['F3 numbered wrap', '1. (U) UQ1 Trade week.\n\n2. (C) ZQ5 The minister referred to septel paragraph\n2. (U) ZQ6 and said the rebels would resume talks soon.\n\n3. (U) UQ2 Trade week ends on Friday.\n'],
];

describe('probe 68a: released through the CLI', () => {
  it.each(CASES)('%s: no ZQ word handed out, the (U) text released', async (_name, body) => {
    const input = cable(body, { eo: EO, subject: SUBJECT });
    const files = await releaseOneText(input);
    expect([...files.keys()].some((f) => f.startsWith('release/'))).toBe(true);
    for (const [file, text] of files) for (const w of markerWords(input, 'ZQ')) expect(text, `${file}: ${w}`).not.toContain(w);
    const released = files.get('release/doc.txt')!;
    for (const w of markerWords(body, 'UQ')) expect(released, w).toContain(w);
  });
});
