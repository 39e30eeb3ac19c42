/**
 * Probe 60a, F1 and F2, the text reader: unmarked text set right under a marked paragraph or
 * heading, no blank line between, that starts a block of its own was read as that portion's text
 * and released with a (U) one:
 * - quoted lines (`> …`: a Markdown block quote, an e-mail's quoted earlier message), and a quote
 *   of another depth (`>>`) or the replier's text after one;
 * - an HTML block (`<div>…</div>`);
 * - the line under an ATX heading with a leading mark (`## (U) Background` / `ZQ… text`): a
 *   heading is one line (with a trailing mark, `## Background (U)`, it was split off already).
 * Each is a portion of its own now: unmarked, withheld in a classified document with the
 * unmarked-portion reason and lint error; released in an UNCLASSIFIED one. Quoted lines that carry
 * their own marks are read as before. One release is read back with pdftotext (poppler) and pdf.js.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDocument, resolveProfile, runReleaseBatch } from '../../../src/index.js';
import { pdfjsText, popplerText } from '../../pdf/helpers/check.js';
import { decideWord } from '../../helpers/decide-word.js';


const AUTHORITY = 'Classified By: John Smith, Director\nReason: 1.4(c)\nDeclassify On: 20501231';
const memo = (block: string) => `SECRET//NOFORN\n\n(S//NF) ZQSECRETPARA other secret text of the memo.\n\n${block}\n\n(U) End of the memo text.\n\n${AUTHORITY}\n\nSECRET//NOFORN\n`;

const decide = decideWord;

describe('a block that starts under a marked paragraph or heading is a portion of its own (text reader)', () => {
  it.each([
    ['a quoted mail line under a (U) lead-in', '(U) Team, see the note below, forwarded for awareness:\n> The source met ZQBLOCK in Vienna.\n> He provided the ledger.'],
    ['the second quoted line', '(U) Team, see the note below, forwarded for awareness:\n> The source met ZQOTHER in Vienna.\n> He provided the ZQBLOCK ledger.'],
    ['a Markdown block quote under a (U) sentence', '(U) Intro public text.\n> ZQBLOCK unmarked quote'],
    ['a quote with no space after the >', '(U) Intro public text.\n>ZQBLOCK unmarked quote'],
    ['a nested quote under a marked quoted line', '(U) Intro public text.\n> (U) The earlier reply.\n> > ZQBLOCK the message before it.'],
    ['a deeper quote under a marked quoted line', '(U) Intro public text.\n> (U) The earlier reply.\n>> ZQBLOCK the message before it.'],
    ['the replier\'s text under a marked quoted line', '> (U) The earlier public reply.\nZQBLOCK my answer to it.'],
    ['an HTML block', '(U) Intro public text.\n<div>ZQBLOCK</div>'],
    ['an HTML block with attributes, its next line', '(U) Intro public text.\n<p class="note">\nZQBLOCK unmarked text.\n</p>'],
    ['an HTML comment', '(U) Intro public text.\n<!-- ZQBLOCK note -->'],
    ['the line under an ATX heading with a leading mark', '## (U) Background\nZQBLOCK text under.'],
    ['the line under a level-1 heading with a leading mark', '# (U) Background\nZQBLOCK text under.'],
    ['a lower-case line under a heading', '### (U) Background of\nzqblock the matter.'],
    ['a quote under a classified paragraph', '(C) Confidential text.\n> ZQBLOCK unmarked quote'],
  ])('%s: withheld as unmarked, the marked text above kept apart', (_name, block) => {
    const text = memo(block);
    const word = block.includes('ZQBLOCK') ? 'ZQBLOCK' : 'zqblock';
    const d = decide(text, word);
    expect(d.action).toBe('withhold');
    expect(d.portion.markingSource).toBe('unmarked');
    expect(d.reason).toMatch(/unmarked/);
    const lint = lintDocument(d.doc, '2026-12-01').filter((f) => f.code === 'unmarked-portion');
    expect(lint.some((f) => f.span !== undefined && d.portion.span.start <= f.span.start && f.span.start < d.portion.span.end)).toBe(true);
  });

  it.each([
    ['marked quoted lines', '(U) Intro public text.\n> (S//NF) ZQBLOCK marked quote\n> goes on here.', 'withhold', 'marked'],
    ['a quoted (U) line and its quoted next line', '(U) Intro public text.\n> (U) KEEPWORD public quote\n> and its next line.', 'release', 'marked'],
    ['quoted lines going on under each other', '> (U) KEEPWORD public quote\n> its next line.\n> and one more.', 'release', 'marked'],
    ['an address in angle brackets', '(U) Write to the desk at\n<KEEPWORD@example.gov> for more.', 'release', 'marked'],
    ['a heading with a trailing mark, as before', '## Background (U)\nZQBLOCK text right under it.', 'withhold', 'unmarked'],
  ])('%s', (_name, block, action, source) => {
    const word = block.includes('ZQBLOCK') ? 'ZQBLOCK' : 'KEEPWORD';
    const d = decide(memo(block), word);
    expect(d.action).toBe(action);
    expect(d.portion.markingSource).toBe(source);
  });

  it('the continuation line of a marked quote is the quote\'s', () => {
    const text = memo('(U) Intro public text.\n> (S//NF) ZQBLOCK marked quote\n> ZQNEXT goes on here.');
    expect(decide(text, 'ZQNEXT').portion.id).toBe(decide(text, 'ZQBLOCK').portion.id);
  });

  it('in an UNCLASSIFIED document quoted lines are released, with no lint error', () => {
    const text = 'UNCLASSIFIED\n\n(U) Intro public text.\n> KEEPWORD quoted public line\n> and more.\n\n(U) End of the memo text.\n\nUNCLASSIFIED\n';
    const d = decide(text, 'KEEPWORD');
    expect(d.action).toBe('release');
    expect(lintDocument(d.doc, '2026-12-01').filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('release files', () => {
  it.each([
    ['mail.txt', '(U) Team, please see the note below, UQKEEP forwarded for awareness:\n> The source met the case officer ZQQUOTED in Vienna.\n> He provided the ZQQUOTED2 ledger.'],
    ['report.md', '## (U) Background UQKEEP\nZQUNDER text under.\n\n(U) Intro UQKEEP text.\n> ZQQUOTED unmarked quote\n\n(U) More UQKEEP text.\n<div>ZQDIV</div>'],
  ])('%s: the withheld blocks are in neither release file (pdftotext, pdf.js)', async (name, block) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-block-'));
    const file = path.join(dir, name);
    writeFileSync(file, memo(block));
    const out = path.join(dir, 'out');
    const { summary } = await runReleaseBatch({
      files: [file], out, profile: await resolveProfile('public'), profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
      force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(),
    });
    expect(summary.failed).toBe(0);
    const stem = name.endsWith('.md') ? name : name.replace(/\.txt$/, '');
    const text = readFileSync(path.join(out, 'release', `${stem}.txt`), 'utf8');
    const pdf = new Uint8Array(readFileSync(path.join(out, 'release', `${stem}.pdf`)));
    const poppler = popplerText(pdf);
    expect(poppler).not.toBeNull();
    for (const s of [text, poppler ?? '', (await pdfjsText(pdf)).pages.join('\n')]) {
      expect(s).not.toMatch(/ZQ/);
      expect(s).toContain('UQKEEP');
    }
  });
});
