import { describe, expect, it } from 'vitest';
import { cutAtLabelLines, cutAtLabels, cutAtPlaceholders } from '../../src/leak/tool-words.js';
import { countLeakRuns, releasedRunSet, releaseShingles, countLeakRunsIn, shingleHashes } from '../../src/leak/shingle-hash.js';
import { findLeaks } from '../../src/leak/words.js';
import { findSelfLeak } from '../../src/audit/cross.js';

// A withheld paragraph that ends with the word its box says, followed in the original by a line
// the release keeps: `NOFORN` + the kept line is a run of withheld words no reader was shown.
const WITHHELD = 'Ministers met on trade late into the night\nNOFORN\nS E C R E T BERLIN 000173';
const RELEASE = 'TAGS: PRE\n[WITHHELD: NOFORN]\nS E C R E T BERLIN 000173\n7. [WITHHELD: B1, 1.4(B), 1.4(D)]\n';
const VISIBLE = 'TAGS: PRE\n\u0000\nS E C R E T BERLIN 000173\n7. \u0000\n';

describe('the tool\'s own words break runs of the document\'s', () => {
  it('cuts a release text at its placeholders, and only there', () => {
    expect(cutAtPlaceholders(RELEASE)).toEqual(['TAGS: PRE\n', '\nS E C R E T BERLIN 000173\n7. ', '\n']);
    expect(cutAtPlaceholders('[DENIED IN FULL: B1] a [REDACTED: B6] b [see para 3]')).toEqual(['', ' a ', ' b [see para 3]']);
    expect(cutAtPlaceholders('no placeholder')).toEqual(['no placeholder']);
  });

  it('cuts a PDF\'s lines at box labels and at rows of a label wrapped at spaces, not at other lines', () => {
    const labels = ['NOFORN', 'B1, 1.4(B), 1.4(D)'];
    const pdf = 'S E C R E T BERLIN 000173\nNOFORN\nkept line\nB1, 1.4(B),\n1.4(D)\nNOFORN is a word here';
    expect(cutAtLabelLines(pdf, labels)).toEqual(['S E C R E T BERLIN 000173', 'kept line', '', 'NOFORN is a word here']);
    expect(cutAtLabelLines(pdf, [])).toEqual([pdf]);
    // pdf.js items: joined as the reader joined them (a space within a page, a line break between pages).
    expect(cutAtLabels(['a', 'b', '  NOFORN ', 'c', 'd'], labels, (i) => (i === 4 ? '\n' : ' '))).toEqual(['a b', 'c\nd']);
  });

  it('the self-check (both ways), findLeaks and the audit find no run through a placeholder', () => {
    expect(countLeakRuns([WITHHELD], RELEASE, VISIBLE)).toBe(0);
    expect(countLeakRunsIn(releaseShingles([WITHHELD], RELEASE, VISIBLE))).toBe(0);
    expect(findLeaks([WITHHELD], RELEASE, VISIBLE)).toEqual([]);
    expect(findSelfLeak('x', [{ portionId: 'p7', text: WITHHELD }], VISIBLE, RELEASE)).toBeNull();
    // Read as one text, the label and the kept line were a run (the refusal this fixes).
    expect(findLeaks([WITHHELD], RELEASE.replace(/[[\]]/g, ' '), VISIBLE)).toEqual(['noforn s e c r e t berlin']);
  });

  it('still finds withheld runs inside a piece, whatever stands around them', () => {
    const leaked = `${RELEASE}Ministers met on trade late into the night [WITHHELD: B6]`;
    expect(countLeakRuns([WITHHELD], leaked, VISIBLE)).toBe(1);
    expect(countLeakRunsIn(releaseShingles([WITHHELD], leaked, VISIBLE))).toBe(1);
    expect(findLeaks([WITHHELD], leaked, VISIBLE)).toEqual(['ministers met on trade late into the night']);
    expect(findSelfLeak('x', [{ portionId: 'p7', text: WITHHELD }], VISIBLE, leaked)).toMatchObject({ portions: ['p7'], runs: 1 });
    // A short withheld piece (a name) is found whole within a piece, not across a cut.
    expect(findSelfLeak('x', [{ portionId: 'p2', text: 'Anna Berg' }], '', ['met Anna', 'Berg today'])).toBeNull();
    expect(findSelfLeak('x', [{ portionId: 'p2', text: 'Anna Berg' }], '', ['met Anna Berg today'])).toMatchObject({ runs: 1 });
  });

  it('releasedRunSet is the union of each piece\'s runs between its placeholders', () => {
    const a = 'one two three four five six seven eight nine';
    const b = 'ten eleven twelve thirteen fourteen fifteen sixteen seventeen';
    expect([...releasedRunSet([a, b])]).toEqual([...releasedRunSet([`${a} [WITHHELD: B1] ${b}`])]);
    expect([...releasedRunSet([`${a} ${b}`])]).toEqual([...shingleHashes(`${a} ${b}`, 8)]);
    expect(releasedRunSet([`${a} ${b}`]).length).toBeGreaterThan(releasedRunSet([a, b]).length);
  });
});
