/**
 * releasedSpanText (fix65b, probe 64a F6): what a span of the source reads in the release, or
 * null when any of it is withheld or redacted or an edit crosses its ends. The index's Subject of
 * a titled document comes from it, so a partly withheld title must give null.
 */
import { describe, expect, it } from 'vitest';
import { releasedSpanText, type Edit } from '../../src/engine/edits.js';

const SOURCE = 'BANNER\n(S) Title ZQ1 words\nbody';
const TITLE = { start: 7, end: 26 };
const at = (start: number, end: number) => ({ start, end });

describe('releasedSpanText', () => {
  it.each<[string, Edit[], string | null]>([
    ['no edit', [], '(S) Title ZQ1 words'],
    ['the stamp inserted at its start, the banner replaced before it', [{ kind: 'replace', span: at(0, 6), text: 'UNCLASSIFIED' }, { kind: 'replace', span: at(7, 7), text: 'X\n' }], '(S) Title ZQ1 words'],
    ['its mark rewritten (declassified)', [{ kind: 'replace', span: at(7, 10), text: '(DECLASSIFIED, formerly S)' }], '(DECLASSIFIED, formerly S) Title ZQ1 words'],
    ['a span in it redacted', [{ kind: 'redact', span: at(17, 20), authority: 'B6' }], null],
    ['withheld whole', [{ kind: 'withhold', span: TITLE, portionId: 'title', label: '', authority: 'B1', heightLines: 1 }], null],
    ['an edit crossing its end', [{ kind: 'delete', span: at(20, 30) }], null],
  ])('%s', (_name, edits, expected) => expect(releasedSpanText(SOURCE, edits, TITLE)).toBe(expected));
});
