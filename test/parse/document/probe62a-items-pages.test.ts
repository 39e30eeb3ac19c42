/**
 * Probe 62a, the text reader:
 * - F1: after a form feed, a (U) heading or title that ends no sentence (`(U) Background`, `1. (U)
 *   Summary`, `(U) … on 12 May`) took in the next page's first unmarked paragraph, released as (U).
 *   Only a line that reaches the wrap width (shown by a wrapped paragraph), text that goes on in
 *   lower case after a line ending mid-sentence, or a paragraph of more lines than one that ends no
 *   sentence, goes on across the page.
 * - F2: a line right under a marked item that opens with the item's next label, a label the line
 *   grammar does not read (`[2]` under `[1] (U)`, `1.2`, `ii.`, `A:`, `Step 2:`, `#2`, `**`, …),
 *   was released as the (U) item's wrap. It is an item of its own, unmarked: withheld, with the
 *   list-item note.
 * - F5: a footnote labelled `¹`, `†`, `‡` or `[a]` before its mark was read as unmarked and withheld
 *   under B1; the label is a footnote's, the note is (U) and released.
 * Each finding's case fails on 1412cb4. The release files are read back (text and pdftotext).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProfile, runReleaseBatch } from '../../../src/index.js';
import { popplerText } from '../../pdf/helpers/check.js';
import { decideWord } from '../../helpers/decide-word.js';

const TAIL = '\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20400101\n\nSECRET//NOFORN\n';
const memo = (block: string) => `SECRET//NOFORN\n\nSUBJECT: (U) UQSUBJ lists\n\n(U) UQB1 The report cites two different sources.\n\n(S//NF) ZQB2 The second source is a liaison man.\n\n${block}${TAIL}`;

const decide = decideWord;

const PAGE = 'SECRET//NOFORN\n\fSECRET//NOFORN\n\n';
const WRAPPED =
  '(U) UQWRAP This memorandum reports on the plan that the office approved last week for the\nregional programme and its schedule, which the staff will carry out over the coming months in\nthree phases that the annex describes.\n\n';

describe('probe 62a F1: a heading or title at a page foot', () => {
  it.each([
    ['a (U) heading', `(U) UQHEAD Background\n\n${PAGE}ZQNEXT The asset reported on the shipment.`],
    ['a numbered (U) heading', `1. (U) UQHEAD Background\n\n${PAGE}ZQNEXT The asset reported on the shipment.`],
    ['a (U) title, no page furniture', '(U) UQHEAD Summary of the meeting with the Minister of Interior on 12 May\n\fZQNEXT The asset reported on the shipment.'],
    ['a (U) heading in a wrapped text', `${WRAPPED}(U) UQHEAD Transition schedule\n${PAGE}ZQNEXT The asset reported on the shipment.`],
  ])('after %s: the next page text is its own, unmarked: withheld', (_name, block) => {
    const text = memo(block);
    const next = decide(text, 'ZQNEXT');
    expect(next.action).toBe('withhold');
    expect(next.portion.markingSource).toBe('unmarked');
    expect(decide(text, 'UQHEAD').action).toBe('release');
  });

  it.each([
    ['a full line that ends no sentence', `${WRAPPED}(U) UQHEAD The office will report on the plan to the committee once the staff has\n${PAGE}UQNEXT Reviewed the figures for the third phase of the programme.`],
    ['a short line ending mid-sentence, then lower case', `(U) UQHEAD The office will report on the plan to the\n\fcommittee UQNEXT next week.`],
    ['a short line cut after a joining word (a PDF with a wide width)', `(U) UQHEAD The office will forward the report to the\n\fUQNEXT National Security Council.`],
    ['a mark alone at the page foot', `(U)\n${PAGE}UQNEXT The office will report on the plan.`],
    // SIDtoday 2005-09-21: a paragraph's short last line (a line the PDF reader did not join to the
    // long one above it) ends no sentence; the next page goes on with a capital.
    ['a paragraph\'s short last line', `(U) UQHEAD The analysts will be given opportunities to accomplish the objectives during duty hours. The Senior Language Authority\n(SLA), the Director and the Language Training\n${PAGE}UQNEXT Investment Board will be available.`],
  ])('after %s: the text goes on, released', (_name, block) => {
    const next = decide(memo(block), 'UQNEXT');
    expect(next.action).toBe('release');
    expect(next.portion.mark?.raw).toBe('(U)');
  });
});

describe('probe 62a F2: the next label under a marked item', () => {
  it.each([
    ['[1] / [2]', '[1] (U) UQN1 Public newspaper article, 2010.\n[2] ZQITEM unmarked.'],
    ['1.1 / 1.2', '1.1 (U) UQN1 Public newspaper article, 2010 ok.\n1.2 ZQITEM unmarked.'],
    ['I. / II.', 'I. (U) UQN1 Public newspaper article, 2010 okay.\nII. ZQITEM unmarked.'],
    ['i. / ii.', 'i. (U) UQN1 Public newspaper article, 2010 okay.\nii. ZQITEM unmarked.'],
    ['Q: / A:', 'Q: (U) UQN1 Public newspaper article, 2010 okay.\nA: ZQITEM unmarked.'],
    ['Step 1: / Step 2:', 'Step 1: (U) UQN1 Public newspaper article 2010.\nStep 2: ZQITEM unmarked.'],
    ['1.a. / 1.b.', '1.a. (U) UQN1 Public newspaper article 2010 ok.\n1.b. ZQITEM unmarked.'],
    ['#1 / #2', '#1 (U) UQN1 Public newspaper article, 2010 okay.\n#2 ZQITEM unmarked.'],
    ['Note 1: / Note 2:', 'Note 1: (U) UQN1 Public newspaper article 2010.\nNote 2: ZQITEM unmarked.'],
    ['* / **', '* (U) UQN1 Public newspaper article, 2010 okay.\n** ZQITEM unmarked.'],
    ['1 / 2', '1 (U) UQN1 Public newspaper article, 2010 okay.\n2 ZQITEM unmarked.'],
    ['¹ / ²', '¹ (U) UQN1 Public newspaper article, 2010 okay.\n² ZQITEM unmarked.'],
    ['[2] after a wrapped [1]', '[1] (U) UQN1 Public newspaper article that the office cites in the\nannex, 2010.\n[2] ZQITEM unmarked.'],
  ])('%s: withheld as unmarked, with the list-item note', (_name, block) => {
    const text = memo(block);
    const item = decide(text, 'ZQITEM');
    expect(item.action).toBe('withhold');
    expect(item.portion.markingSource).toBe('unmarked');
    expect(item.portion.listItemUnderMark).toBe(true);
    expect(decide(text, 'UQN1').action).toBe('release');
  });

  it.each([
    ['a wrap that opens with a year', '(U) UQN1 The office cites the reports of the liaison service from\n2010 UQWRAP was a year of change.'],
    ['a wrap that opens with a number after a bare 1', '1 (U) UQN1 The office cites the reports, of which\n2 were UQWRAP published.'],
    ['a wrap that opens with a number that does not follow', '[1] (U) UQN1 The office cites the reports of the liaison service, about\n3 UQWRAP of them published.'],
    ['a field label is no counter', 'Comment: (U) UQN1 The office cites the reports of the liaison service of\nComment: UQWRAP the neighbouring country.'],
  ])('%s: the wrap goes on, released', (_name, block) => {
    const text = memo(block);
    expect(decide(text, 'UQWRAP').action).toBe('release');
    expect(decide(text, 'UQWRAP').portion.listItemUnderMark).toBeUndefined();
  });

  it('iv. / v.: v. is a letter label, an item of its own: withheld as unmarked', () => {
    const text = memo('iv. (U) UQN1 Public newspaper article, 2010 okay.\nv. ZQITEM unmarked.');
    expect(decide(text, 'ZQITEM').action).toBe('withhold');
    expect(decide(text, 'ZQITEM').portion.markingSource).toBe('unmarked');
    expect(decide(text, 'UQN1').action).toBe('release');
  });

  it('a marked next item is its own portion, released', () => {
    const text = memo('[1] (U) UQN1 Public newspaper article, 2010.\n[2] (U) UQN2 Another article.');
    expect(decide(text, 'UQN2').action).toBe('release');
    expect(decide(text, 'UQN2').portion.id).not.toBe(decide(text, 'UQN1').portion.id);
  });
});

describe('probe 62a F5: a footnote label before the mark', () => {
  it.each([
    ['¹', '¹ (U) UQFN Public newspaper article, 2010.'],
    ['¹²', '¹² (U) UQFN Public newspaper article, 2010.'],
    ['†', '† (U) UQFN Another public note.'],
    ['‡', '‡ (U) UQFN Another public note.'],
    ['*', '* (U) UQFN Another public note.'],
    ['[a]', '[a] (U) UQFN A third public note.'],
  ])('%s (U): marked (U), released', (_name, block) => {
    const note = decide(memo(block), 'UQFN');
    expect(note.action).toBe('release');
    expect(note.portion.mark?.raw).toBe('(U)');
  });

  it.each([
    ['¹ unmarked', '¹ ZQFN An unmarked note.'],
    ['[a] unmarked', '[a] ZQFN An unmarked note.'],
    ['[s] is no label: (S) is read as a mark', '[s] (U) ZQFN A note.'],
  ])('%s: withheld', (_name, block) => {
    expect(decide(memo(block), 'ZQFN').action).not.toBe('release');
  });

  // Probe 62c F5: released as the (U) note's wrap at f6c487e. A label of a note's shape opens a note.
  it.each([
    ['²ZQ glued under ¹(U) glued', '¹(U) UQFN a public footnote.\n²ZQNOTE unmarked, no space.'],
    ['¹² under ¹ (U): not the next number', '¹ (U) UQFN a public footnote.\n¹² ZQNOTE unmarked.'],
    ['[s] under [a] (U)', '[a] (U) UQFN a public footnote.\n[s] ZQNOTE unmarked.'],
    ['‡ under * (U)', '* (U) UQFN a public footnote.\n‡ ZQNOTE unmarked.'],
  ])('%s: the next note is its own, withheld; the (U) note released', (_name, block) => {
    const text = memo(block);
    expect(decide(text, 'ZQNOTE').action).toBe('withhold');
    expect(decide(text, 'UQFN').action).toBe('release');
  });
});

describe('release files', () => {
  it('no withheld word in either release file (text, pdftotext)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-62a-'));
    const file = path.join(dir, 'memo.txt');
    writeFileSync(
      file,
      memo(`[1] (U) UQN1 Public newspaper article, 2010.\n[2] ZQITEM unmarked.\n\n¹ (U) UQFN Public note.\n\n(U) UQHEAD Background\n\n${PAGE}ZQNEXT The asset reported on the shipment.`),
    );
    const out = path.join(dir, 'out');
    const { summary } = await runReleaseBatch({
      files: [file], out, profile: await resolveProfile('public'), profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
      force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(),
    });
    expect(summary.failed).toBe(0);
    const text = readFileSync(path.join(out, 'release', 'memo.txt'), 'utf8');
    const poppler = popplerText(new Uint8Array(readFileSync(path.join(out, 'release', 'memo.pdf'))));
    expect(poppler).not.toBeNull();
    for (const s of [text, poppler!]) {
      expect(s).not.toMatch(/ZQ[A-Z0-9]+/);
      for (const w of ['UQN1', 'UQFN', 'UQHEAD', 'UQB1']) expect(s).toContain(w);
    }
  });
});
