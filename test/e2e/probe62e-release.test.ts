/**
 * Probe 62a F7, F8 and F9 (fix62e), read and released through the CLI (release text, and the
 * release PDF by pdfjs): no `ZQ…` word (withheld) in release/, every `UQ…` word the case releases
 * there.
 * - F7: a paragraph marked sentence by sentence (`UQ… (U). ZQ… (S//NF).`) is read at its highest
 *   mark and withheld whole, as before, but no longer silently: one warning for either order of its
 *   marks, calling it a paragraph (the mirror order was called a heading).
 * - F8: a mark written with full-width, small or superscript parentheses (`（U）`) is read as `(U)`
 *   with a `mark-characters-read` warning, as full-width slashes were; such parentheses around text
 *   that is no mark stay as written.
 * - F9: public-pii (and foia-intel, which uses the same patterns) redacts e-mail addresses written
 *   out (`ZQTWO at example dot com`, `zq.three [at] state.gov`), a seven-figure number in two groups
 *   after a telephone word (`cell: 555 0101`) and ten figures run together in the list of numbers
 *   after one (`Phone: …, 2025550150`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/parse/decode.js';
import { readDocument } from '../../src/parse/read.js';
import { runCli } from '../helpers/memory-io.js';
import { releaseOneText } from '../helpers/released-texts.js';

const memo = (body: string, banner = 'SECRET//NOFORN'): string =>
  `${banner}\n\nSUBJECT: (U) UQSUBJ plan\n\n${body}\n\n(S//NF) ZQTAIL secret paragraph.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20400101\n\n${banner}\n`;

const release = (text: string, profile = 'public'): Promise<Map<string, string>> => releaseOneText(text, { profile });

const words = (text: string, prefix: string): string[] => [...new Set(text.match(new RegExp(`\\b${prefix}[A-Za-z0-9]+\\b`, 'gi')) ?? [])];

/** Releases `input` and checks every ZQ word withheld everywhere and exactly the `released` UQ words in release/. */
async function expectReleased(input: string, released: readonly string[], profile = 'public'): Promise<void> {
  const files = await release(input, profile);
  expect([...files.keys()].some((f) => f.startsWith('release/'))).toBe(true);
  for (const [file, text] of files) {
    for (const w of words(input, 'ZQ')) expect(text, `${file}: ${w}`).not.toContain(w);
    if (!file.startsWith('release/')) continue;
    for (const w of released) expect(text, `${file}: ${w}`).toContain(w);
    for (const w of words(input, 'UQ').filter((x) => !released.includes(x))) expect(text, `${file}: ${w}`).not.toContain(w);
  }
}

/** The diagnostics of reading `text` as a file is read: decoded (look-alike characters of marks folded), then read. */
function codes(text: string) {
  const decoded = decodeInput(new TextEncoder().encode(text));
  if (!decoded.ok) throw new Error(decoded.message);
  return [...decoded.diagnostics, ...readDocument(decoded.text, { format: 'document' }).doc.diagnostics];
}

describe('probe 62a F7: a paragraph marked sentence by sentence', () => {
  it.each([
    ['the (U) sentence first (was silent)', 'UQtA public sentence (U). ZQtB secret sentence (S//NF).', '((U) … (S//NF))'],
    ['the (S//NF) sentence first (was "This heading")', 'ZQtB secret sentence (S//NF). UQtA public sentence (U).', '((S//NF) … (U))'],
    ['three sentences', 'UQtA one (U). ZQtB two (S). UQtC three (U).', '((U) … (S) … (U))'],
  ])('%s: withheld whole, with one warning that calls it a paragraph', async (_name, para, marks) => {
    const text = memo(para);
    const found = codes(text).filter((d) => d.code === 'sentence-marks-joined' || d.code === 'mark-raised-inside');
    expect(found).toHaveLength(1);
    expect(found[0]!.code).toBe('sentence-marks-joined');
    expect(found[0]!.message).toContain(`This paragraph is marked sentence by sentence ${marks}`);
    expect(found[0]!.message).not.toContain('heading');
    const p = readDocument(text, { format: 'document' }).doc.portions.find((x) => text.slice(x.span.start, x.span.end).includes('ZQtB'))!;
    expect(p.kind).toBe('paragraph');
    expect(p.marking?.level).toBe('S');
    await expectReleased(text, ['UQSUBJ']);
  });

  it.each([
    ['every sentence (U)', 'UQtA one (U). UQtB two (U).', ['UQSUBJ', 'UQtA', 'UQtB']],
    ['a heading marked at its end', 'UQtA Background (U)', ['UQSUBJ', 'UQtA']],
    ['a leading mark raised inside keeps its own warning', '(U) UQtA public. ZQtB secret (S//NF) here.', ['UQSUBJ']],
  ])('controls: %s', async (_name, para, released) => {
    expect(codes(memo(para)).map((d) => d.code)).not.toContain('sentence-marks-joined');
    await expectReleased(memo(para), released);
  });

  it('lint reports it (it was silent)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-p62e-lint-'));
    const file = path.join(dir, 'doc.txt');
    writeFileSync(file, memo('UQtA public sentence (U). ZQtB secret sentence (S//NF).'));
    const run = await runCli(['lint', file]);
    expect(run.stdout).toMatch(/warning +This paragraph is marked sentence by sentence .*sentence-marks-joined/);
  });
});

describe('probe 62a F8: look-alike parentheses around a mark', () => {
  it.each([
    ['full-width (U)', '\uFF08U\uFF09 UQmA fullwidth public.', ['UQSUBJ', 'UQmA']],
    ['small (U)', '\uFE59U\uFE5A UQmA small public.', ['UQSUBJ', 'UQmA']],
    ['superscript (U)', '\u207DU\u207E UQmA superscript public.', ['UQSUBJ', 'UQmA']],
    ['full-width (S)', '\uFF08S\uFF09 ZQmA fullwidth secret.', ['UQSUBJ']],
    ['full-width (S//NF) with full-width slashes', '\uFF08S\uFF0F\uFF0FNF\uFF09 ZQmA secret.', ['UQSUBJ']],
  ])('%s: read as the mark, with a warning', async (_name, para, released) => {
    const text = memo(para);
    expect(codes(text).map((d) => d.code)).toContain('mark-characters-read');
    await expectReleased(text, released);
  });

  it('full-width parentheses around text that is no mark stay as written', async () => {
    const text = memo('(U) UQmA the delegation \uFF08\u6CE8\uFF09 and \uFF08Beijing\uFF09 replied.');
    expect(codes(text).map((d) => d.code)).not.toContain('mark-characters-read');
    const files = await release(text);
    expect(files.get('release/doc.txt')).toContain('UQmA the delegation \uFF08\u6CE8\uFF09 and \uFF08Beijing\uFF09 replied.');
  });
});

describe('probe 62a F9: public-pii, e-mail addresses written out and telephone numbers after a telephone word', () => {
  const pii = (body: string) => `UNCLASSIFIED\n\nSUBJECT: (U) UQSUBJ contacts\n\n${body}\n\nUNCLASSIFIED\n`;
  it.each([
    ['the probe file', '(U) UQa Contact ZQTWO at example dot com or zq.three [at] state.gov.\n\n(U) UQb Phone: (202) 555-0147, 2025550150; cell: 555 0101.', ['UQa', 'UQb'], ['example dot com', 'state.gov', '2025550150', '555 0101']],
    ['capitals, as cables write', '(U) UQa E-MAIL ZQCAPS AT EXAMPLE DOT ORG OR ZQBR (AT) STATE (DOT) GOV.', ['UQa'], ['EXAMPLE', 'STATE (DOT)']],
  ])('%s', async (_name, body, released, gone) => {
    for (const profile of ['public-pii', 'foia-intel']) {
      await expectReleased(pii(body), ['UQSUBJ', ...released], profile);
      for (const [file, text] of await release(pii(body), profile)) for (const w of gone) expect(text, `${profile} ${file}`).not.toContain(w);
    }
  });
});
