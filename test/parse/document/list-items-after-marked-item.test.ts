/**
 * Probe 59b, F1, the text reader: an unmarked `o` bullet or `(a)` / `b)` label line right under a
 * marked list item (`(U) The items are listed below:` / `(U) first public item` / `(a) ZQ…`) was
 * read as that item's text and released in a SECRET memo. It is an item of its own, unmarked:
 * withheld, with the list-item note. A wrap of the marked item (no bullet or label at its start)
 * stays with it, and `(C)` after the item is a mark. One release is read back with pdftotext.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProfile, runReleaseBatch } from '../../../src/index.js';
import { popplerText } from '../../pdf/helpers/check.js';
import { decideWord } from '../../helpers/decide-word.js';


const memo = (block: string) =>
  `SECRET//NOFORN\n\nSUBJECT: (U) Field Office Plan\n\n(U) This memorandum summarizes the plan approved last week.\n\n(S//NF) ZQSECRETPARA other secret text.\n\n${block}\n\n(U) Public closing paragraph here.\n\nClassified By: John Smith, Director\nReason: 1.4(c)\nDeclassify On: 20501231\n\nSECRET//NOFORN\n`;

const decide = decideWord;

const LEAD = '(U) The items are listed below:';

describe('an unmarked item right under a marked list item (text reader)', () => {
  it.each([
    ['(a) under a marked line of a lead-in', `${LEAD}\n(U) first public item\n(a) ZQITEM unmarked label item`],
    ['b) under a marked line of a lead-in', `${LEAD}\n(U) first public item\nb) ZQITEM unmarked label item`],
    ['an o bullet under a marked line of a lead-in', `${LEAD}\n(U) first public item\no ZQITEM an o bullet item`],
    ['(ii) under a marked line of a lead-in', `${LEAD}\n(U) first public item\n(ii) ZQITEM roman item`],
    ['(a) under a marked numbered item', `${LEAD}\n1. (U) first public item\n(a) ZQITEM unmarked sub-item`],
    ['(a) under a marked numbered item, no lead-in', `1. (U) first public item\n(a) ZQITEM unmarked sub-item`],
    ['an o bullet under a marked bullet', `• (U) first public item\no ZQITEM unmarked sub-bullet`],
    ['the second unmarked label after a marked item', `${LEAD}\n(U) first public item\n(a) Public first.\n(b) ZQITEM second label`],
    ['an o bullet after a (C) item and a (U) item (probe m5)', `${LEAD}\n(a) Public first.\n(b) Public second.\n(C) Confidential third.\n(U) first public item, the fourth\no ZQITEM an o bullet item`],
  ])('%s: withheld as unmarked, with the list-item note', (_name, block) => {
    const text = memo(block);
    const item = decide(text, 'ZQITEM');
    expect(item.action).toBe('withhold');
    expect(item.portion.markingSource).toBe('unmarked');
    expect(item.portion.listItemUnderMark).toBe(true);
    expect(item.reason).toMatch(/unmarked list item set right under a marked paragraph/);
    expect(decide(text, 'first public item').action).toBe('release');
  });

  it.each([
    ['a wrap of the marked item (lower case)', `${LEAD}\n1. (U) first public item that goes on and\nzqitem the rest of the item.`, 'release'],
    ['a wrap of a marked bullet', `• (U) first public item that goes on and\nzqitem the rest of the item.`, 'release'],
    ['(C) after a marked item is a mark', `${LEAD}\n(U) first public item\n(C) ZQITEM confidential item`, 'withhold'],
    ['a marked label item', `${LEAD}\n(U) first public item\n(a) (U) ZQITEM public sub-item`, 'release'],
  ])('%s: %s, no list-item note', (_name, block, action) => {
    const item = decide(memo(block), block.includes('ZQITEM') ? 'ZQITEM' : 'zqitem');
    expect(item.action).toBe(action);
    expect(item.portion.listItemUnderMark).toBeUndefined();
  });
});

describe('release files', () => {
  it('the unmarked items are in neither release file (text, pdftotext)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-items-'));
    const file = path.join(dir, 'memo.txt');
    writeFileSync(file, memo(`${LEAD}\n(U) first public item\n(a) ZQLBLA unmarked label item\nb) ZQLBLB second unmarked label item\no ZQOBUL an o bullet item`));
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
      expect(s).not.toMatch(/ZQ[A-Z]+/);
      expect(s).toContain('first public item');
    }
  });
});
