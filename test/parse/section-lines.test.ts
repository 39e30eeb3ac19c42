/**
 * A later section's classification line in a cable's body (`SECRET SECTION 02 OF 02 REYKJAVIK
 * 000999`) says what the text under it is. It was read as text, and an UNCLAS cable whose second
 * section is SECRET released that section's unmarked text. It is a classification line now: above
 * the banner, it makes the level of unmarked text uncertain (withheld pending review); at the
 * banner's level it changes nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { isSectionClassificationLine } from '../../src/parse/patterns.js';
import { readDocument } from '../../src/parse/read.js';
import { loadProfile } from '../../src/rules/load.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const cable = (section: string) =>
  `UNCLAS REYKJAVIK 000999\n\nSIPDIS\n\nE.O. 13526: N/A\nTAGS: PGOV IC\nSUBJECT: SYNTHETIC CABLE\n\n1. (U) An unclassified paragraph.\n\n${section}\n\n2. Unmarked paragraph zulu.\n`;

/** The rule that decided the portion holding `word`. */
function ruleAt(text: string, word: string): string | undefined {
  const at = text.indexOf(word);
  const plan = evaluate(readDocument(text).doc, PUBLIC, { asOf: '2026-12-05', overrides: null, fallbackRef: 'X' });
  return plan.decisions.find((d) => d.span.start <= at && at < d.span.end)?.ruleId;
}

describe('a section classification line in the body', () => {
  it.each([
    ['SECRET SECTION 02 OF 02 REYKJAVIK 000999', true],
    ['C O N F I D E N T I A L SECTION 03 OF 04 STATE 000123', true],
    ['UNCLAS SECTION 02 OF 02 REYKJAVIK 000999', true],
    ['SECRET', false],
    ['SECRET SECTION 02 OF 02 REYKJAVIK 000999 and more words', false],
    ['RUEHTV/AMEMBASSY TEL AVIV PRIORITY 1136\tC O N F I D E N T I A L SECTION 01 OF 03 BERN 000443', false],
  ])('%j is one: %s', (line, yes) => {
    expect(isSectionClassificationLine(line)).toBe(yes);
  });

  it('a SECRET section under an UNCLAS banner: its unmarked text is withheld pending review, not released', () => {
    expect(ruleAt(cable('SECRET SECTION 02 OF 02 REYKJAVIK 000999'), 'zulu')).toBe('public/unmarked-level-uncertain');
  });

  it('an UNCLAS section line under an UNCLAS banner changes nothing', () => {
    expect(ruleAt(cable('UNCLAS SECTION 02 OF 02 REYKJAVIK 000999'), 'zulu')).toBe('public/unmarked-in-unclassified');
  });
});
