/**
 * Unicode's and a word processor's line breaks are line breaks: U+2028 (line separator), NEL, a
 * vertical tab, and U+2029 (paragraph separator) as a blank line. Read as blanks, two of them after
 * a (U) paragraph joined the unmarked text after them to it, released under its (U).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { decodeInput } from '../../src/parse/decode.js';
import { readDocument } from '../../src/parse/read.js';
import { loadProfile } from '../../src/rules/load.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const memo = (sep: string) => `SECRET//NOFORN\n\n(S//NF) Bravo secret.\n\n(U) Alpha.${sep}The informant zulu confirmed.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20401231\n\nSECRET//NOFORN\n`;

function actionAt(raw: string, word: string): string {
  const decoded = decodeInput(new TextEncoder().encode(raw));
  if (!decoded.ok) throw new Error(decoded.message);
  const text = decoded.text;
  const plan = evaluate(readDocument(text).doc, PUBLIC, { asOf: '2026-12-05', overrides: null, fallbackRef: 'X' });
  const at = text.indexOf(word);
  return plan.decisions.find((d) => d.span.start <= at && at < d.span.end)!.action;
}

describe('line and paragraph separators', () => {
  it.each([
    ['two line separators', '\u2028\u2028'],
    ['a paragraph separator', '\u2029'],
    ['two NELs', '\u0085\u0085'],
    ['two vertical tabs', '\v\v'],
  ])('%s after a (U) paragraph: the text after them is unmarked, withheld', (_what, sep) => {
    expect(actionAt(memo(sep), 'zulu')).toBe('withhold');
  });

  it('one line separator goes on with the paragraph, as one line end does', () => {
    expect(actionAt(memo('\u2028'), 'zulu')).toBe('release');
    expect(actionAt(memo('\n'), 'zulu')).toBe('release');
  });
});
