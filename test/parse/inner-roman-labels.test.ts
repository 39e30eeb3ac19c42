/**
 * A cable's dashed letter labels with an inner list of roman numerals between them
 * (`-- (a) (U) … with parts:` / `(i) …;` / `(ii) …` / `-- (b) …`): the look-back for `(b)`'s
 * sibling passes the numerals, so an unmarked `(b)` is a subparagraph of its own, withheld, not
 * the (U) item's text (probe 61d F3: released with `(a)`'s (U)). A genuine `(i)` after `(h)` is
 * still the sibling sought.
 */
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { probeCableHead } from '../helpers/probe-cable.js';

const HEAD = `${probeCableHead('(S)')}2. (U) UQLEAD Points:
`;

/** The portion whose text holds `word`, as parse reads it. */
function portionOf(body: string, word: string): { level: string | null; source: string; text: string } {
  const src = `${HEAD}${body}\n\nSMITH\n`;
  const doc = parseCable(src);
  const p = doc.portions.find((x) => src.slice(x.span.start, x.span.end).includes(word));
  if (!p) throw new Error(`no portion holds ${word}`);
  return { level: p.marking?.level ?? null, source: p.markingSource, text: src.slice(p.span.start, p.span.end) };
}

describe('an inner list of roman numerals between dashed letter labels', () => {
  it.each([
    ['(i) and (ii)', '-- (a) (U) UQA first with parts:\n(i) UQI inner point;\n(ii) UQII inner point.\n-- (b) ZQB unmarked second.'],
    ['(i) to (v)', '-- (a) (U) UQA first:\n(i) one;\n(ii) two;\n(iii) three;\n(iv) four;\n(v) five.\n-- (b) ZQB unmarked second.'],
  ])('%s: the unmarked (b) is not the (U) item\'s text', (_name, body) => {
    const b = portionOf(body, 'ZQB');
    expect(b.text).not.toContain('UQA');
    // Its siblings carry marks: its level is not known (withheld), never the (U) item's.
    expect(b.level).not.toBe('U');
  });

  it('a genuine (i) after (h) is the sibling of (j)', () => {
    const letters = 'abcdefghi'.split('').map((c) => `-- (${c}) (U) UQ${c.toUpperCase()} item.`).join('\n');
    const j = portionOf(`${letters}\n-- (j) ZQJ unmarked.`, 'ZQJ');
    expect(j.text).not.toContain('UQI');
    expect(j.level).not.toBe('U');
  });
});
