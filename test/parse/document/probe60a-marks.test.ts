/**
 * Probe 60a, the text reader on modern marked documents:
 * - F3: a `(U)` that the line wrap put first on a line in the middle of a SECRET sentence (`1. (S//NF)
 *   The officer said the files his service had marked` / `(U) were in fact ZQ… holdings.`) opened a
 *   (U) portion and the rest of the sentence was released. The line goes on with the portion above,
 *   and the mark can only raise it.
 * - F6: acronym definitions (`Top Secret (TS) clearances`, `Sensitive But Unclassified (SBU)`) and
 *   marks named after `such as` raised (U) paragraphs of UNCLASSIFIED memos (TOP SECRET with no
 *   authority block; B1 under nato). A real inner mark still raises. The warning names the mark that
 *   sets the level, and a withheld raised portion's reason says the raise.
 * - F9: a table row with a (U) cell, an unmarked cell and an (S//NF) cell was said to have "its other
 *   cells carry no mark". Withheld pending review still (a cell is unmarked), with a true reason.
 * One release of each is read back with pdftotext.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/engine/evaluate.js';
import { isAcronymDefinition, isDefinitionInText } from '../../../src/parse/mentions.js';
import { readDocument } from '../../../src/parse/read.js';
import { loadProfile } from '../../../src/rules/load.js';
import { resolveProfile, runReleaseBatch } from '../../../src/index.js';
import { popplerText } from '../../pdf/helpers/check.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);
const PUBLIC = profile('public');
const NATO = profile('nato');

function decide(text: string, word: string, p = PUBLIC) {
  const { doc } = readDocument(text, { format: 'document' });
  const at = text.indexOf(word);
  const plan = evaluate(doc, p, { asOf: '2026-12-01', overrides: null, fallbackRef: 'X' });
  const d = plan.decisions.find((x) => x.span.start <= at && at < x.span.end)!;
  return { plan, doc, d, portion: doc.portions.find((q) => q.id === d.portionId)! };
}

const AUTH = 'Classified By: John Smith, Director\nReason: 1.4(c)\nDeclassify On: 20501231';
const secret = (block: string) => `SECRET//NOFORN\n\n(U) Public opening UQopen paragraph.\n\n(S//NF) ZQSECRETPARA other secret text.\n\n${block}\n\n(U) Public closing UQclose paragraph.\n\n${AUTH}\n\nSECRET//NOFORN\n`;
const unclas = (block: string) => `UNCLASSIFIED\n\n(U) Intro UQintro paragraph.\n\n${block}\n\n(U) Other UQother paragraph.\n\nUNCLASSIFIED\n`;

describe('F3: a mark the wrap put first on a line in the middle of a sentence', () => {
  it.each([
    ['(U) under a numbered (S//NF) item', '1. (S//NF) The liaison officer said the files his service had marked\n(U) were in fact ZQWRAP holdings of the service.', 'S'],
    ['(U) under an unnumbered (S//NF) paragraph', '(S//NF) A paragraph ZQtwo whose text\n(U) starts a line with a mark ZQWRAP mid-paragraph.', 'S'],
    ['(U) after a comma', '(S) The officer, the analyst,\n(U) and ZQWRAP the courier met.', 'S'],
    ['(TS) raises the (S) portion it goes on with', '(S) The officer said the files were\n(TS) in fact ZQWRAP holdings.', 'TS'],
    ['(U//FOUO) under a (C) paragraph', '(C) The officer said the files were\n(U//FOUO) in fact ZQWRAP holdings.', 'C'],
  ])('%s: goes on with the portion above, withheld', (_name, block, level) => {
    const text = secret(block);
    const { d, doc, portion } = decide(text, 'ZQWRAP');
    expect(d.action).toBe('withhold');
    expect(portion.marking?.level).toBe(level);
    expect(doc.diagnostics.some((x) => x.code === 'parenthetical-read-as-text' && /followed by lower case/.test(x.message))).toBe(true);
    expect(decide(text, 'UQclose').d.action).toBe('release');
  });

  it.each([
    ['after a sentence end', '(S//NF) The officer said the files were marked.\n(U) were in fact UQWRAP public.'],
    ['after a colon', '(S//NF) The officer listed the files:\n(U) one public UQWRAP item.'],
    ['a capital after the mark', '(S//NF) The officer said the files were marked\n(U) The UQWRAP public part.'],
    ['after a blank line', '(S//NF) The officer said the files were marked\n\n(U) were UQWRAP public.'],
    ['a numbered paragraph', '1. (S//NF) The officer said the files were marked\n2. (U) were UQWRAP public.'],
    ['a lettered subparagraph', 'a. (S//NF) The officer said the files were marked\nb. (U) were UQWRAP public.'],
    ['a cable paragraph', '¶1. (S//NF) The officer said the files were marked\n¶2. (U) were UQWRAP public.'],
    ['under a (U) paragraph', '(U) The officer said the files were marked\n(U) as UQWRAP public.'],
  ])('%s: the mark opens its portion as before', (_name, block) => {
    const { d, portion } = decide(secret(block), 'UQWRAP');
    expect(d.action).toBe('release');
    expect(portion.mark?.raw).toBe('(U)');
  });
});

describe('F6: acronym definitions and named marks in (U) text', () => {
  it.each([
    ['Top Secret (TS) clearances are required', 'Top Secret (TS)', '(TS)', true],
    ['the Confidential (C) level', 'Confidential (C)', '(C)', true],
    ['The Secretary (S) and the Deputy Secretary (D) met', 'Secretary (S)', '(S)', true],
    ['designated Sensitive But Unclassified (SBU) must be', 'Unclassified (SBU)', '(SBU)', true],
    ['Documents For Official Use Only (FOUO) are handled', 'Only (FOUO)', '(FOUO)', true],
    ['Controlled Unclassified Information (CUI) replaces FOUO', 'Information (CUI)', '(CUI)', true],
    ['The officer (S) said so', 'officer (S)', '(S)', false],
    ['The report by Smith (S) said so', 'Smith (S)', '(S)', false],
    ['met the Secretary (S).', 'Secretary (S)', '(S)', false],
    ['met the Secretary (S) yesterday', 'Secretary (S)', '(S)', false],
    ['Top Secret (TS//SI) clearances', 'Secret (TS//SI)', '(TS//SI)', false],
    ['Top Secret (S) clearances', 'Secret (S)', '(S)', false],
    ['Top Secret\n(TS) clearances', '\n(TS)', '(TS)', false],
  ])('%j: %s defines an acronym: %s', (text, near, raw, yes) => {
    const at = text.indexOf(near) + near.indexOf(raw);
    expect(isAcronymDefinition(text, at, raw)).toBe(yes);
  });

  it.each([
    ['Portion marks such as (C) and (TS//SI) are described', '(C)', true],
    ['Portion marks such as (C) and (TS//SI) are described', '(TS//SI)', true],
    ['marks, e.g. (S), (C) or (TS), are', '(TS)', true],
    ['The files (C) and (TS//SI) are described', '(TS//SI)', false],
    ['assets such as (S) The network', '(S)', false],
  ])('%j: %s is named (as an example: text in an UNCLASSIFIED document only): %s', (text, raw, yes) => {
    expect(isDefinitionInText(text, text.indexOf(raw), raw)).toBe(yes);
  });

  it.each([
    ['(U) Top Secret (TS) clearances are required UQABBR end.'],
    ['(U) the Confidential (C) level UQABBR end.'],
    ['(U) The Secretary (S) and the Deputy Secretary (D) met UQABBR end.'],
    ['(U) Information designated Sensitive But Unclassified (SBU) must be protected UQABBR end.'],
    ['(U) Documents For Official Use Only (FOUO) are handled UQABBR end.'],
    ['(U) Controlled Unclassified Information (CUI) replaces FOUO UQABBR end.'],
    ['(U) Portion marks such as (C) and (TS//SI) are described UQABBR in the CAPCO register.'],
  ])('%j: an UNCLASSIFIED memo is released in full (public and nato)', (para) => {
    const text = unclas(para);
    for (const p of [PUBLIC, NATO]) {
      const { plan, portion, d } = decide(text, 'UQABBR', p);
      expect(portion.marking?.level).toBe('U');
      expect(portion.raisedFrom).toBeUndefined();
      expect(d.action).toBe('release');
      expect(plan.declassification.status).toBe('unclassified');
      expect(plan.stamp).toBe('RELEASE IN FULL');
    }
  });

  it.each([
    ['(U) The officer (S) said ZQIN more.', 'S'],
    ['(U) The report by Smith (S) said ZQIN more.', 'S'],
    ['(U) They met the Secretary (S). ZQIN more.', 'S'],
    ['(U) Top Secret (TS//SI) clearances ZQIN more.', 'TS'],
  ])('%j: a real inner mark still raises the (U) paragraph', (para, level) => {
    const { portion, d } = decide(unclas(para), 'ZQIN');
    expect(portion.marking?.level).toBe(level);
    expect(d.action).toBe('withhold');
  });

  it('the warning names the mark that sets the level, and the reason says the raise', () => {
    const text = unclas('(U) The officer (C) said and (TS//SI) ZQIN more.');
    const { portion, d, doc } = decide(text, 'ZQIN');
    expect(portion.raisedFrom).toEqual({ level: 'U', by: '(TS//SI)' });
    const warning = doc.diagnostics.find((x) => x.code === 'mark-raised-inside')!;
    expect(warning.message).toMatch(/holds the mark \(TS\/\/SI\) inside its text: the whole portion is read as TOP SECRET/);
    expect(d.action).toBe('withhold');
    expect(d.reason).toMatch(/Its own mark is UNCLASSIFIED, but a portion mark inside its text raises it to TOP SECRET/);
    expect(d.reason).not.toContain('TS//SI');
  });
});

describe('F9: a table row with marked cells and an unmarked one', () => {
  const table = (row: string) => `${row}\n|---|---|---|\n| (U) GBR UQg | (U) ok UQh | (U) fine UQi |`;

  it('(U), unmarked, (S//NF): withheld pending review, the reason and message name the marked cells', () => {
    const { portion, d, doc } = decide(secret(table('| (U) CAN ZQTAB | active | (S//NF) ZQtabnote |')), 'ZQTAB');
    expect(portion.markingSource).toBe('unknown');
    expect(portion.rowCellsPartlyMarked).toEqual({ atLeast: 'S' });
    expect(d.action).toBe('withhold');
    expect(d.reason).toMatch(/some cells of the table row carry a mark and another cell holding text carries none, so the row's level is not known \(its marked cells make it at least SECRET\)/);
    expect(d.reason).not.toMatch(/first cell/);
    const m = doc.diagnostics.find((x) => x.code === 'unknown-marking')!;
    expect(m.message).toMatch(/carry the marks \(U\), \(S\/\/NF\), but another of its cells holding text carries none.*at least SECRET/);
  });

  it('(U), unmarked, (U): at least UNCLASSIFIED, still withheld in a SECRET memo', () => {
    const { portion, d } = decide(secret(table('| (U) CAN ZQTAB | active | (U) note |')), 'ZQTAB');
    expect(portion.rowCellsPartlyMarked).toEqual({ atLeast: 'U' });
    expect(d.action).toBe('withhold');
  });

  it('(U) and unmarked cells only: the first-cell reason as before', () => {
    const { portion, d } = decide(secret(table('| (U) CAN ZQTAB | active | note |')), 'ZQTAB');
    expect(portion.markFirstCellOnly).toBe(true);
    expect(portion.rowCellsPartlyMarked).toBeUndefined();
    expect(d.reason).toMatch(/marks only the first cell of the table row/);
  });

  it('every cell marked: the row takes the most restrictive, as before', () => {
    const { portion } = decide(secret(table('| (U) CAN ZQTAB | (U) active | (S//NF) note |')), 'ZQTAB');
    expect(portion.marking?.level).toBe('S');
    expect(portion.rowCellsPartlyMarked).toBeUndefined();
  });
});

describe('release files', () => {
  it('no withheld word in the release text or PDF; the (U) text is released (pdftotext)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-p60a-'));
    const files: Record<string, string> = {
      'wrap.txt': secret('1. (S//NF) The liaison officer said the files his service had marked\n(U) were in fact ZQWRAPSECRET holdings of the service.'),
      'abbr.txt': unclas('(U) Top Secret (TS) clearances are required UQABBRTS end.\n\n(U) Portion marks such as (C) and (TS//SI) are described UQMENTION in the register.\n\n(U) The Secretary (S) and the Deputy Secretary (D) met UQSECRETARY end.'),
      'table.md': secret('| (U) CAN ZQTABCAN | active | (S//NF) ZQTABNOTE |\n|---|---|---|\n| (U) GBR UQTABG | (U) ok UQTABH | (U) fine UQTABI |'),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const out = path.join(dir, 'out');
    const { summary } = await runReleaseBatch({
      files: Object.keys(files).map((f) => path.join(dir, f)), out, profile: await resolveProfile('public'), profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
      force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(),
    });
    expect(summary.failed).toBe(0);
    const expected: Record<string, { folder: string; uq: string[] }> = {
      wrap: { folder: 'release', uq: ['UQopen', 'UQclose'] },
      abbr: { folder: 'release', uq: ['UQABBRTS', 'UQMENTION', 'UQSECRETARY', 'UQintro', 'UQother'] },
      'table.md': { folder: 'pending', uq: ['UQTABG', 'UQTABH', 'UQTABI', 'UQopen', 'UQclose'] },
    };
    for (const [stem, { folder, uq }] of Object.entries(expected)) {
      const text = readFileSync(path.join(out, folder, `${stem}.txt`), 'utf8');
      const poppler = popplerText(new Uint8Array(readFileSync(path.join(out, folder, `${stem}.pdf`))));
      expect(poppler).not.toBeNull();
      for (const s of [text, poppler!]) {
        expect(s).not.toMatch(/ZQ[A-Za-z]+/);
        for (const w of uq) expect(s).toContain(w);
      }
    }
  });
});
