/**
 * Probe 62a F4: a plain-text table aligned with spaces or tabs was not seen as a table, so a (U)
 * on a row's first cell marked the whole row (`(U) UQ… public   ZQ… unmarked` released whole),
 * and with tabs the unmarked row under it was read as its wrap and released too. Such rows are
 * now table rows, as in a `|` grid table: a mark on the first cell alone marks only that cell
 * (the row goes to pending, "marks only the first cell of this table row"), and an unmarked row
 * is a portion of its own (so is a cell's text wrapped under its column). Controls: prose with two spaces after full stops, a gap after an
 * item's number and mark, a right-aligned date on one line and an indented quotation are not
 * tables, and a row whose cells are all (U) is released.
 * One release is read back with pdftotext (poppler) and pdf.js.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProfile, runReleaseBatch } from '../../../src/index.js';
import { pdfjsText, popplerText } from '../../pdf/helpers/check.js';
import { decideWord } from '../../helpers/decide-word.js';


const memo = (block: string) =>
  `SECRET//NOFORN\n\nSUBJECT: (U) UQSUBJ tables\n\n(U) UQLEAD The table lists contacts.\n\n(S//NF) ZQBODY The source is secret.\n\n${block}\n\n(U) UQTAIL end.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20400101\n\nSECRET//NOFORN\n`;

const SPACED = [
  'Name                  Role',
  '--------------------  --------------------',
  '(U) UQTB2R1A          (U) UQTB2R1B',
  '(S//NF) ZQTB2R2A      (S//NF) ZQTB2R2B',
  'ZQTB2R3A unmarked     ZQTB2R3B unmarked',
  '(U) UQTB2R4A public   ZQTB2R4B unmarked',
].join('\n');
const TABBED = ['(U) UQTB3R1A\t(U) UQTB3R1B', '(S//NF) ZQTB3R2A\t(S//NF) ZQTB3R2B', '(U) UQTB3R4A\tZQTB3R4B unmarked', 'ZQTB3R5A\tZQTB3R5B'].join('\n');
const RULED = ['Name          Role', '------------------------------', '(U) UQTB4R1A  ZQTB4R1B handler'].join('\n');
const RULED2 = ['Name          Role', '--------      --------', '(U) UQTB5R1A  ZQTB5R1B handler'].join('\n');

const decide = decideWord;

describe('probe 62a F4: a table aligned with spaces or tabs', () => {
  it.each([
    ['spaces, dashed rule under the header: a (U) first cell', SPACED, 'ZQTB2R4B', 'UQTB2R4A'],
    ['tabs: a (U) first cell', TABBED, 'ZQTB3R4B', 'UQTB3R4A'],
    ['a header over one dashed line, one row', RULED, 'ZQTB4R1B', 'UQTB4R1A'],
    ['a header over a dashed rule of two runs, one row', RULED2, 'ZQTB5R1B', 'UQTB5R1A'],
  ])('%s marks only that cell: the row is pending', (_name, block, secret, cell) => {
    const text = memo(block);
    const { doc, d, portion } = decide(text, secret);
    expect(d.action).not.toBe('release');
    expect(d.ruleId).toBe('public/unknown-marking');
    expect(portion.kind).toBe('table-row');
    expect(portion.markFirstCellOnly).toBe(true);
    expect(text.slice(portion.span.start, portion.span.end)).toContain(cell);
    expect(doc.diagnostics.find((x) => x.code === 'unknown-marking' && x.span?.start === portion.span.start)?.message).toMatch(/marks only the first cell of this table row/);
  });

  it.each([
    ['spaces', SPACED, 'ZQTB2R3A', 'UQTB2R1B'],
    ['tabs', TABBED, 'ZQTB3R5A', 'UQTB3R4A'],
    ['a cell wrapped under its column', '(U) UQW1A          (U) UQW1B\n                   ZQW1WRAP more text\n(U) UQW2A          (U) UQW2B', 'ZQW1WRAP', 'UQW1B'],
    ['a cell wrapped under a tab', '(U) UQW3A\t(U) UQW3B\n\tZQW3WRAP\n(U) UQW4A\t(U) UQW4B', 'ZQW3WRAP', 'UQW3B'],
  ])('%s: an unmarked row is a portion of its own, withheld', (_name, block, secret, above) => {
    const text = memo(block);
    const { d, portion } = decide(text, secret);
    expect(d.action).toBe('withhold');
    expect(portion.markingSource).toBe('unmarked');
    expect(text.slice(portion.span.start, portion.span.end)).not.toContain(above);
  });

  it.each([
    ['a row whose cells are all (U)', SPACED, 'UQTB2R1B'],
    ['a tab row whose cells are all (U)', TABBED, 'UQTB3R1B'],
    ['a padded grid table row whose cells are all (U)', '+-----------------+-----------------+\n| (U) UQGR1A      | (U) UQGR1B      |\n+-----------------+-----------------+\n| (U) UQGR2A      | (U) UQGR2B      |\n+-----------------+-----------------+', 'UQGR1B'],
    ['a padded Markdown table row whose cells are all (U)', '| Name            | Role            |\n|-----------------|-----------------|\n| (U) UQMD1A      | (U) UQMD1B      |\n| (U) UQMD2A      | (U) UQMD2B      |', 'UQMD2B'],
    ['two spaces after full stops at the same column', '(U) UQPR1 The man came.  He said so and then\nhe left for home.  He came back the next day.', 'UQPR1'],
    ['stray double spaces at the same column', '(U) UQPR2 of about 100  soldiers each, spread out\nin the VRAE. He  told Poloff he believed it.', 'UQPR2'],
    ['a gap after the number and mark of items', '1.  (U)  UQIT1 First item of the list.\n2.  (U)  UQIT2 Second item of the list.', 'UQIT2'],
    ['a right-aligned date on one line', '(U) UQDT1 Report of the meeting              12 May 2010', 'UQDT1'],
    ['an indented quotation', '(U) UQQT1 The minister said:\n\n(U)      "UQQT2 We will not  negotiate.  Never.\n         Not  now."', 'UQQT2'],
  ])('control, %s: released', (_name, block, word) => {
    const { d, portion } = decide(memo(block), word);
    expect(d.action).toBe('release');
    expect(portion.markFirstCellOnly ?? false).toBe(false);
  });

  it('a release of an aligned table leaks no unmarked row (text, pdftotext, pdf.js)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'probe62c-'));
    const out = path.join(dir, 'out');
    const files: Record<string, string> = {
      't1.txt': memo('(U) UQT1A\t(U) UQT1B\nZQT1C row\tZQT1D row\n(U) UQT1E\t(U) UQT1F'),
      't2.txt': memo('(U) UQT2A          (U) UQT2B\nZQT2C unmarked     ZQT2D unmarked\n(U) UQT2E          (U) UQT2F'),
      'f4.txt': memo(SPACED),
      'f4b.txt': memo(TABBED),
    };
    for (const [f, t] of Object.entries(files)) writeFileSync(path.join(dir, f), t);
    const { summary } = await runReleaseBatch({
      files: Object.keys(files).map((f) => path.join(dir, f)), out, profile: await resolveProfile('public'), profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
      force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(),
    });
    expect(summary.failed).toBe(0);
    // The rows whose first cell alone is marked send their documents to pending.
    for (const stem of ['f4', 'f4b']) expect(existsSync(path.join(out, 'release', `${stem}.txt`))).toBe(false);
    const expected: Record<string, string[]> = { t1: ['UQT1A', 'UQT1B', 'UQT1E', 'UQT1F', 'UQTAIL'], t2: ['UQT2A', 'UQT2B', 'UQT2E', 'UQT2F', 'UQTAIL'] };
    for (const [stem, uq] of Object.entries(expected)) {
      const text = readFileSync(path.join(out, 'release', `${stem}.txt`), 'utf8');
      const pdf = new Uint8Array(readFileSync(path.join(out, 'release', `${stem}.pdf`)));
      const poppler = popplerText(pdf);
      expect(poppler).not.toBeNull();
      const pdfjs = await pdfjsText(pdf);
      for (const s of [text, poppler!, [...pdfjs.pages, pdfjs.extra].join('\n')]) {
        expect(s).not.toMatch(/ZQ[A-Za-z0-9]+/);
        for (const w of uq) expect(s).toContain(w);
      }
    }
  });
});
