/**
 * Probe 58f, F6, the text reader: unmarked text set right under a marked (U) paragraph of a SECRET
 * memo, no blank line between, was read as that paragraph's and released:
 * - an unmarked bullet or list item under a (U) lead-in (`(U) … below:` / `• ZQYANKEE …`): each
 *   list item is a portion and carries its own mark (CAPCO), so it is unmarked text, withheld, and
 *   its reason and the lint say it is an unmarked list item under a marked paragraph;
 * - in a memo wrapped at a fixed width, a line its author broke short under a one-line (U)
 *   paragraph (`2(U) Public footnote text.` / `ZQFOOTC …`), a paragraph of its own, withheld.
 * Lines under a lead-in that are no items, a marked item, a wrap and lines broken short one after
 * another stay as they were. One release is read back with pdftotext (poppler) and pdf.js.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDocument, resolveProfile, runReleaseBatch } from '../../../src/index.js';
import { pdfjsText, popplerText } from '../../pdf/helpers/check.js';
import { decideWord } from '../../helpers/decide-word.js';


const WRAPPED =
  '(U) This memo is wrapped at a fixed width of about seventy columns so the\nreader can tell a wrap from a break; here is more text to set the wrap\nwidth of the memo lines, and it goes on for a third line of its text.\n\n(S//NF) ZQSECRETPARA other secret text that also wraps at the same width\nof the memo lines as the first one does here for the reader to see it.';

const memo = (block: string) => `SECRET//NOFORN\n\n${WRAPPED}\n\n${block}\n\nClassified By: John Smith, Director\nReason: 1.4(c)\nDeclassify On: 20501231\n\nSECRET//NOFORN\n`;

const decide = decideWord;

const LEAD = '(U) The minister listed the public items below:';

describe('an unmarked list item under a marked lead-in (text reader)', () => {
  it.each([
    ['a bullet glyph', '• ZQITEM agent names are here.'],
    ['a dash', '- ZQITEM agent names are here.'],
    ['an en dash', '– ZQITEM agent names are here.'],
    ['an asterisk', '* ZQITEM agent names are here.'],
    ['a white bullet', '◦ ZQITEM agent names are here.'],
    ['a square bullet', '▪ ZQITEM agent names are here.'],
    ["Word's o bullet", 'o ZQITEM agent names are here.'],
    ['a number', '1. ZQITEM agent names are here.'],
    ['a number in parentheses', '(1) ZQITEM agent names are here.'],
    ['a letter label', 'a) ZQITEM agent names are here.'],
    ['a letter in parentheses', '(a) ZQITEM agent names are here.'],
    ['a roman numeral in parentheses', '(ii) ZQITEM agent names are here.'],
    ['the second item of a list', '• Public first item.\n• ZQITEM agent names are here.'],
    ['the third label, spelled like a mark, after its predecessor', '(a) Public first.\n(b) Public second.\n(c) ZQITEM agent names are here.'],
  ])('%s: withheld as unmarked, the lead-in released, the reason says why', (_name, items) => {
    const text = memo(`${LEAD}\n${items}`);
    const item = decide(text, 'ZQITEM');
    expect(item.action).toBe('withhold');
    expect(item.portion.markingSource).toBe('unmarked');
    expect(item.portion.listItemUnderMark).toBe(true);
    expect(item.reason).toMatch(/unmarked list item set right under a marked paragraph/);
    expect(decide(text, 'The minister').action).toBe('release');
    const lint = lintDocument(item.doc, '2026-12-01').filter((f) => f.code === 'unmarked-portion');
    expect(lint.some((f) => /unmarked list item set right under a marked paragraph/.test(f.message))).toBe(true);
  });

  it.each([
    ['an item with its own (U) mark', '• (U) ZQITEM public item.', 'release'],
    ['a level letter with no predecessor: a mark', '(C) ZQITEM confidential text.', 'withhold'],
    ['an unmarked line under the lead-in that is no item (as before: the lead-in\'s)', 'ZQITEM and others.', 'release'],
  ])('%s', (_name, items, action) => {
    const item = decide(memo(`${LEAD}\n${items}`), 'ZQITEM');
    expect(item.action).toBe(action);
    expect(item.portion.listItemUnderMark).toBeUndefined();
  });

  it('in an UNCLASSIFIED memo an unmarked item is released, with no note', () => {
    const text = `UNCLASSIFIED\n\n${LEAD}\n• ZQITEM public names.\n\nUNCLASSIFIED\n`;
    const item = decide(text, 'ZQITEM');
    expect(item.action).toBe('release');
    expect(item.reason).not.toMatch(/list item/);
  });
});

describe('a line broken short under a one-line (U) paragraph of a memo wrapped at a fixed width', () => {
  it.each([
    ['a footnote and its next line', 'withhold', '2(U) Public footnote text.\nZQBREAK unmarked next line.'],
    ['a paragraph that wraps after it', 'withhold', '(U) Public line.\nZQBREAK unmarked paragraph that runs on to the wrap width of this memo\nand ends here.'],
    ['a wrap: the next word would not have fitted', 'release', '(U) Public text that runs on close to the wrap width of this memo, to\nZQBREAK the rest.'],
    ['no sentence end', 'release', '(U) Public text for\nZQBREAK the rest.'],
    ['lower case', 'release', '(U) Public text.\nzqbreak the rest.'],
    ['lines broken short one after another', 'release', '(U) Public question one?\nZQBREAK question two?\nPublic question three?'],
  ])('%s: %s', (_name, action, block) => {
    expect(decide(memo(block), block.includes('ZQBREAK') ? 'ZQBREAK' : 'zqbreak').action).toBe(action);
  });

  it('a memo not wrapped at a fixed width: as before, read on', () => {
    const text = 'SECRET//NOFORN\n\n(S//NF) ZQSECRETPARA other.\n\n2(U) Public footnote text.\nZQBREAK unmarked next line.\n\nClassified By: John Smith, Director\nReason: 1.4(c)\nDeclassify On: 20501231\n\nSECRET//NOFORN\n';
    expect(decide(text, 'ZQBREAK').action).toBe('release');
  });
});

describe('release files', () => {
  it('the withheld item and broken line are in neither release file (pdftotext, pdf.js)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-list-'));
    const file = path.join(dir, 'memo.txt');
    writeFileSync(file, memo(`${LEAD}\n• ZQYANKEE agent names are here.\n\n2(U) Public footnote text.\nZQFOOTC unmarked next line.`));
    const out = path.join(dir, 'out');
    const { summary } = await runReleaseBatch({
      files: [file], out, profile: await resolveProfile('public'), profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
      force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(),
    });
    expect(summary.failed).toBe(0);
    const text = readFileSync(path.join(out, 'release', 'memo.txt'), 'utf8');
    const pdf = new Uint8Array(readFileSync(path.join(out, 'release', 'memo.pdf')));
    const poppler = popplerText(pdf);
    for (const s of [text, poppler ?? '', (await pdfjsText(pdf)).pages.join('\n')]) {
      expect(s).not.toMatch(/ZQYANKEE|ZQFOOTC|ZQSECRETPARA/);
      expect(s).toContain('The minister listed the public items below:');
      expect(s).toContain('Public footnote text.');
    }
  });
});
