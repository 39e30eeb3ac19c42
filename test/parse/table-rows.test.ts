/**
 * A Markdown table row is one portion, its first cell's mark the row's. A row whose first cell is
 * marked and another cell holding text is not (`| (U) Bob | … is the source |`) was released as the
 * row's (U) in a SECRET memo: the unmarked cell's level is not known. It was then unmarked text,
 * withheld under B1 as "no portion mark" (untrue: its first cell has one; probe 58a F2); now its
 * marking is not known, held for review like a row whose first cell is (S). Rows marked in every
 * cell keep their marks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { readDocument } from '../../src/parse/read.js';
import { loadProfile } from '../../src/rules/load.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const MEMO = (rows: string) => `**SECRET//NOFORN**\n\n(S) Bravo secret paragraph.\n\n| (U) Name | (U) Role |\n|---|---|\n${rows}\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20401231\n\n**SECRET//NOFORN**\n`;

function decisionAt(text: string, word: string): string {
  const at = text.indexOf(word);
  const plan = evaluate(readDocument(text, { format: 'document' }).doc, PUBLIC, { asOf: '2026-12-05', overrides: null, fallbackRef: 'X' });
  const d = plan.decisions.find((x) => x.span.start <= at && at < x.span.end)!;
  return `${d.action} ${d.ruleId}`;
}

describe('table rows', () => {
  it('a row marked in its first cell only, another cell holding text: marking not known, held for review', () => {
    expect(decisionAt(MEMO('| (U) Bob | zulu is the source |'), 'zulu')).toBe('withhold public/unknown-marking');
    expect(decisionAt(MEMO('| (S) Bob | zulu is the source |'), 'zulu')).toBe('withhold public/unknown-marking');
  });

  it('a row marked in every cell keeps its (U); an empty cell needs no mark', () => {
    expect(decisionAt(MEMO('| (U) Bob | (U) zulu analyst |'), 'zulu')).toBe('release public/unclassified');
    expect(decisionAt(MEMO('| (U) zulu Bob |  |'), 'zulu')).toBe('release public/unclassified');
  });
});
