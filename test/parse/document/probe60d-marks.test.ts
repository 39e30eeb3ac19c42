/**
 * Probe 60d, the text reader:
 * - F1: the acronym and "such as" rules (probe 60a F6) read real inner marks as text, and the rest
 *   of a classified line went out as (U), silently: `(U) Staff met. Top Secret (TS) ZQ… the source
 *   is a minister.` in a SECRET memo, `TALKS STALLED (TS) ZQ…` and `PER REF (A) … SOURCES (S) ZQ…`
 *   in a SECRET cable. An acronym's definition or a mark named as an example is text only in a
 *   document bannered UNCLASSIFIED with no sign of being classified (never in a cable), never
 *   right after a sentence end, never in text written in capitals, a one-letter sibling only in the
 *   same sentence; where it is read as text, warning parenthetical-read-as-text says so.
 * - F4: the line under a title set wholly in bold or underscores (`**(U) Bold Title**`), and the
 *   line after a lone closing tag (`</div>`), were released as the (U) text above them.
 * One release of each is read back with pdftotext (poppler) and pdf.js.
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
import { pdfjsText, popplerText } from '../../pdf/helpers/check.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const AUTH = 'Classified By: J. Smith, Chief\nReason: 1.4(c)\nDeclassify On: 20401231';
const memo = (block: string) =>
  `SECRET//NOFORN\n\nMEMORANDUM FOR: Director\nFROM: J. Smith\nSUBJECT: (U) Plan\nDATE: 15 March 2011\n\n(U) Public opening UQopen paragraph.\n\n${block}\n\n(S) Secret body ZQTAIL.\n\n${AUTH}\n\nSECRET//NOFORN\n`;
const unclas = (block: string) => `UNCLASSIFIED\n\n(U) Intro UQintro paragraph.\n\n${block}\n\n(U) Other UQother paragraph.\n\nUNCLASSIFIED\n`;
const cable = (body: string) =>
  `R 110117Z OCT 08\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\n\nS E C R E T PARIS 001234\n\nE.O. 12958: DECL: 10/10/2038\nTAGS: PREL FR\nSUBJECT: TALKS\n\nCLASSIFIED BY: POLCOUNS JOHN DOE, REASONS 1.4 (B) AND (D).\n\n${body}\n\n4. (S) ZQAFOUR SECRET.\nSMITH\n`;

function decide(text: string, word: string, format: 'document' | 'cable' = 'document') {
  const { doc } = readDocument(text, { format });
  const at = text.indexOf(word);
  const plan = evaluate(doc, PUBLIC, { asOf: '2026-12-01', overrides: null, fallbackRef: 'X' });
  const d = plan.decisions.find((x) => x.span.start <= at && at < x.span.end)!;
  return { doc, d, portion: doc.portions.find((q) => q.id === d.portionId)! };
}

const F1_LINES: [string, string][] = [
  ['(U) Staff met. Top Secret (TS) ZQIN the source is a minister.', 'TS'],
  ['(U) Budget met. Secret (S) ZQIN source is in Kabul.', 'S'],
  ['(U) See Annex (A) and Section (S) ZQIN source names here.', 'S'],
  ['(U) Marks such as (S//NF) the ZQIN asset are used.', 'S'],
  ['(U) Options e.g. (S) the ZQIN asset remain.', 'S'],
  ['(U) Top Secret (TS) clearances ZQIN are held by the source.', 'TS'],
];

describe('F1: in a classified document an inner mark raises, whatever the words around it', () => {
  it.each(F1_LINES)('%j in a SECRET memo: withheld at %s or as its own portion', (para, level) => {
    const { d, portion } = decide(memo(para), 'ZQIN');
    expect(d.action).toBe('withhold');
    expect(portion.marking?.level).toBe(level);
    expect(decide(memo(para), 'UQopen').d.action).toBe('release');
  });

  it.each([
    ['1. (U) UQONE THE TALKS STARTED. TALKS STALLED (TS) ZQIN THE SOURCE SAID.'],
    ['2. (U) UQTWO PER REF (A) THE EMBASSY MET SOURCES (S) ZQIN THE ASSET NAMED.'],
    ['2. (U) UQTWO THE ANNEX (A) AND THE SECTION (S) ZQIN THE ASSET NAMED.'],
    ['2. (U) UQTWO TOP SECRET (TS) ZQIN CLEARANCES ARE HELD BY THE SOURCE.'],
    ['2. (U) Marks such as (S) the ZQIN asset are used.'],
  ])('%j in a SECRET cable: withheld', (para) => {
    const { d } = decide(cable(para), 'ZQIN', 'cable');
    expect(d.action).toBe('withhold');
  });
});

describe('F1: the acronym rule itself', () => {
  it.each([
    ['Staff met. Top Secret (TS) ZQ the source', 'Secret (TS)', '(TS)', false],
    ['Budget met. Secret (S) ZQ source', 'Secret (S)', '(S)', false],
    ['TALKS STALLED (TS) ZQAONE THE SOURCE', 'STALLED (TS)', '(TS)', false],
    ['PER REF (A) THE EMBASSY MET SOURCES (S) ZQATWO THE ASSET', 'SOURCES (S)', '(S)', false],
    ['See Annex (A). Then Section (S) ZQ names', 'Section (S)', '(S)', false],
    ['See Annex (A) and Section (S) names', 'Section (S)', '(S)', true],
    ['Top Secret (TS) clearances are required', 'Top Secret (TS)', '(TS)', true],
    ['The Secretary (S) and the Deputy Secretary (D) met', 'Secretary (S)', '(S)', true],
  ])('%j: %s defines an acronym: %s', (text, near, raw, yes) => {
    const at = text.indexOf(near) + near.indexOf(raw);
    expect(isAcronymDefinition(text, at, raw)).toBe(yes);
    expect(isDefinitionInText(text, at, raw)).toBe(yes);
  });
});

describe('F1: in an UNCLASSIFIED document a definition is text, and it is said', () => {
  it.each([
    ['(U) Top Secret (TS) clearances are required UQIN end.', '(TS)'],
    ['(U) See Annex (A) and Section (S) UQIN names here.', '(S)'],
    ['(U) Portion marks such as (C) and (TS//SI) are described UQIN in the register.', '(TS//SI)'],
  ])('%j: released, warning parenthetical-read-as-text names %s', (para, raw) => {
    const { d, doc } = decide(unclas(para), 'UQIN');
    expect(d.action).toBe('release');
    const w = doc.diagnostics.filter((x) => x.code === 'parenthetical-read-as-text');
    expect(w.some((x) => x.severity === 'warning' && x.message.startsWith(`${raw} follows the words it abbreviates`))).toBe(true);
  });

  it.each([['(U) Staff met. Top Secret (TS) ZQIN the source.', 'TS'], ['(U) Budget met. Secret (S) ZQIN the source.', 'S']])('%j: after a sentence end a mark still raises', (para, level) => {
    const { d, portion } = decide(unclas(para), 'ZQIN');
    expect(portion.marking?.level).toBe(level);
    expect(d.action).toBe('withhold');
  });

  it('an UNCLASSIFIED banner with an authority block (a sign of being classified): the mark raises', () => {
    const text = `UNCLASSIFIED\n\n(U) Intro UQintro.\n\n(U) Top Secret (TS) clearances ZQIN are required.\n\n${AUTH}\n\nUNCLASSIFIED\n`;
    expect(decide(text, 'ZQIN').d.action).toBe('withhold');
  });
});

describe('F4: a bold or underscored title line, and a lone closing tag, end the portion above', () => {
  it.each([
    ['a bold title', '**(U) Bold Title UQtitle**\nZQBLOCK unmarked line after bold title.'],
    ['an underscored title', '__(U) Underscore title UQtitle__\nZQBLOCK text'],
    ['a lone closing tag', '(U) Para UQtitle\n</div>\nZQBLOCK after closing tag'],
  ])('%s: the line under it is unmarked, withheld; the title released', (_name, block) => {
    const text = memo(block);
    const { d, portion } = decide(text, 'ZQBLOCK');
    expect(d.action).toBe('withhold');
    expect(portion.markingSource).toBe('unmarked');
    expect(decide(text, 'UQtitle').d.action).toBe('release');
  });

  it.each([
    ['bold words opening a longer line', '(U) Text **bold** words go on\nUQnext on the next line.'],
    ['bold lead-in with text after it', '**(U) Note:** the text goes on\nUQnext on the next line.'],
  ])('%s: the next line goes on with the (U) portion', (_name, block) => {
    expect(decide(memo(block), 'UQnext').d.action).toBe('release');
  });
});

describe('release files', () => {
  it('no withheld word in the release text or PDF (pdftotext, pdf.js)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-p60d-'));
    const files: Record<string, string> = {
      'a2.txt': memo(F1_LINES.map(([l], k) => l.replace('ZQIN', `ZQF${'ABCDEF'[k]}`)).join('\n\n')),
      'y1.txt': cable('1. (U) UQONE THE TALKS STARTED. TALKS STALLED (TS) ZQAONE THE SOURCE SAID.\n\n2. (U) UQTWO PER REF (A) THE EMBASSY MET SOURCES (S) ZQATWO THE ASSET NAMED.'),
      'b1.md': memo('**(U) Bold Title UQTWO**\nZQBOLD unmarked line after bold title.\n\n__(U) Underscore title UQWG__\nZQWG text\n\n(U) Para UQWE\n</div>\nZQWE after closing tag'),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const out = path.join(dir, 'out');
    const { summary } = await runReleaseBatch({
      files: Object.keys(files).map((f) => path.join(dir, f)), out, profile: await resolveProfile('public'), profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
      force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(),
    });
    expect(summary.failed).toBe(0);
    const expected: Record<string, string[]> = { a2: ['UQopen'], y1: [], 'b1.md': ['UQopen', 'UQTWO', 'UQWG', 'UQWE'] };
    for (const [stem, uq] of Object.entries(expected)) {
      const text = readFileSync(path.join(out, 'release', `${stem}.txt`), 'utf8');
      const pdf = new Uint8Array(readFileSync(path.join(out, 'release', `${stem}.pdf`)));
      const poppler = popplerText(pdf);
      expect(poppler).not.toBeNull();
      const pdfjs = await pdfjsText(pdf);
      for (const s of [text, poppler!, [...pdfjs.pages, pdfjs.extra].join('\n')]) {
        expect(s).not.toMatch(/ZQ[A-Za-z]+/);
        for (const w of uq) expect(s).toContain(w);
      }
    }
  });
});
