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

function planOf(raw: string) {
  const decoded = decodeInput(new TextEncoder().encode(raw));
  if (!decoded.ok) throw new Error(decoded.message);
  const text = decoded.text;
  return { text, plan: evaluate(readDocument(text).doc, PUBLIC, { asOf: '2026-12-05', overrides: null, fallbackRef: 'X' }) };
}

function actionAt(raw: string, word: string): string {
  const { text, plan } = planOf(raw);
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

  // A form feed is a page break wherever it stands: inside a line (probe 69c F1) the text after it
  // starts the next page, an unmarked paragraph there, as after a line end and a form feed.
  it.each([
    ['a form feed inside the line', '\f'],
    ['a form feed and spaces inside the line', '  \f  '],
    ['a line end and a form feed', '\n\f'],
  ])('%s after a (U) paragraph: the text after it is unmarked, withheld', (_what, sep) => {
    expect(actionAt(memo(sep), 'zulu')).toBe('withhold');
  });

  // A form feed between an item number or SUBJECT: and the mark hid the mark: the (U) text was
  // withheld under B1 as unmarked (probe 69c F4).
  it.each([
    ['an item number', '1. \f(U) Alpha public yankee.'],
    ['SUBJECT:', 'SUBJECT: \f(U) Alpha public yankee'],
  ])('a form feed between %s and the mark: the (U) text is released', (_what, line) => {
    const raw = `SECRET//NOFORN\n\n${line}\n\n(S//NF) Bravo secret.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20401231\n\nSECRET//NOFORN\n`;
    expect(actionAt(raw, 'yankee')).toBe('release');
    // The label is not an unmarked portion of its own: only the (S//NF) text is withheld.
    const { text, plan } = planOf(raw);
    const withheld = plan.decisions.filter((d) => d.action === 'withhold').map((d) => text.slice(d.span.start, d.span.end).trim());
    expect(withheld).toEqual(['(S//NF) Bravo secret.']);
  });

  it('one line separator goes on with the paragraph, as one line end does', () => {
    expect(actionAt(memo('\u2028'), 'zulu')).toBe('release');
    expect(actionAt(memo('\n'), 'zulu')).toBe('release');
  });
});
