/**
 * Probe 58a's findings, released through the CLI: none of the withheld words is in any file of
 * release/ (text, PDF read back by pdfjs, the index), and the index says true facts.
 * - F3: `B. ZQSUBB …` unmarked among SECRET siblings under a (U) lead-in was released.
 * - F4: `(S ZQSOPEN …` opening a paragraph of an UNCLASSIFIED memo was released in full.
 * - F5: a (U) paragraph raised by an inline (S) was said to be "portion-marked SECRET" and
 *   "classified in their entirety".
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { handedOutText } from '../helpers/released-texts.js';

const CABLE = `VZCZCXYZ0000
PP RUEHWEB

DE RUEHSJ #0108 0011200
ZNY CCCCC ZZH
P 011200Z JUN 06
FM AMEMBASSY SAN JOSE
TO RUEHC/SECSTATE WASHDC PRIORITY 6115

S E C R E T SAN JOSE 000108

SIPDIS

E.O. 12958: DECL: 06/01/2031
TAGS: PREL PGOV CS
SUBJECT: (U) SUBPARAGRAPH TEST

Classified By: Ambassador X per 1.4 (d)

¶1. (U) The minister raised three points:

A. (S) ZQSUBA the first point is secret.
B. ZQSUBB the second point carries no mark of its own.
C. (S) ZQSUBC the third point is secret.

¶2. (U) ZQKEPT closing remarks.
`;

const OPEN = 'UNCLASSIFIED\n\n(U) ZQKEPT opening paragraph.\n\n(S ZQSOPEN the source reported the plan; the closing parenthesis of the mark was dropped.\n\n(U) Closing paragraph.\n\nUNCLASSIFIED\n';

const INLINE =
  'SECRET\n\n(U) ZQKEPT intro paragraph.\n\n(U) Inline: the officer (S) ZQINLINE said so.\n\nClassified By: J\nDerived From: Multiple Sources\nDeclassify On: 20401231\n\nSECRET\n';

const releaseText = handedOutText;

describe('probe 58a: released through the CLI', () => {
  it.each([
    ['F3 cable', 'cable.txt', CABLE, ['ZQSUBA', 'ZQSUBB', 'ZQSUBC']],
    ['F4 memo', 'memo.txt', OPEN, ['ZQSOPEN']],
    ['F5 memo', 'memo.txt', INLINE, ['ZQINLINE']],
  ])('%s: no withheld word in release/', async (_name, file, text, withheld) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-p58-in-'));
    writeFileSync(path.join(dir, file), text);
    const out = mkdtempSync(path.join(tmpdir(), 'declass-p58-out-'));
    const run = await runCli(['release', dir, '--profile', 'public', '--out', out, '--as-of', '2026-12-01', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const released = await releaseText(out);
    for (const w of withheld) expect(released).not.toContain(w);
    // The text around it is released.
    expect(released).toContain('ZQKEPT');
  });

  it('F5: the index says the paragraph is marked UNCLASSIFIED and raised by a mark inside it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-p58-in-'));
    writeFileSync(path.join(dir, 'memo.txt'), INLINE);
    const out = mkdtempSync(path.join(tmpdir(), 'declass-p58-out-'));
    expect((await runCli(['release', dir, '--profile', 'public', '--out', out, '--as-of', '2026-12-01', '--quiet'])).code).toBe(0);
    const csv = readFileSync(path.join(out, 'release', 'index.csv'), 'utf8');
    expect(csv).toContain('is portion-marked UNCLASSIFIED and is raised to SECRET by a portion mark of that level inside its text');
    expect(csv).not.toContain('portion-marked SECRET');
    expect(csv).not.toContain('classified in their entirety');
    const lint = await runCli(['lint', path.join(dir, 'memo.txt')]);
    expect(lint.stdout).toContain('mark-raised-inside');
  });

  it('F3 and F4: lint reports the unmarked subparagraph and the open mark', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-p58-in-'));
    writeFileSync(path.join(dir, 'cable.txt'), CABLE);
    writeFileSync(path.join(dir, 'memo.txt'), OPEN);
    const lint = await runCli(['lint', path.join(dir, 'cable.txt'), path.join(dir, 'memo.txt')]);
    expect(lint.stdout).toMatch(/Subparagraph B has no portion mark.*unmarked-portion/);
    expect(lint.stdout).toMatch(/Mark "\(S" has no closing parenthesis.*unknown-marking/);
  });
});
