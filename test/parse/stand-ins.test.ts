/**
 * Marks that hide invisible characters or look-alikes of `/` and `-`: `(\u200bS)`, `(S／／NF)`,
 * `(S‑NF)`. Both readers took them for text, and the SECRET paragraph of an UNCLASSIFIED memo or
 * cable was released (checked through decodeInput and the library on the build before). Decoding
 * now reads such a parenthetical with blanks, `/` and `-` in their place, character for character.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput, parseCable } from '../../src/parse/index.js';
import { parseMarkedDocument } from '../../src/parse/document/index.js';
import { foldMarkStandIns } from '../../src/parse/stand-ins.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { tmp } from '../helpers/bin.js';
import { runCli } from '../helpers/memory-io.js';

const publicProfile = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const MARKS = [
  '(S\uff0f\uff0fNF)', // FULLWIDTH SOLIDUS
  '(S\u2044\u2044NF)', // FRACTION SLASH
  '(S\u2215\u2215NF)', // DIVISION SLASH
  '(S//\u200bNF)', // ZERO WIDTH SPACE
  '(\u200bS)',
  '(S\u200b)',
  '(C\u200c)', // ZERO WIDTH NON-JOINER
  '(S\u200d//NF)', // ZERO WIDTH JOINER
  '(\u200eS)', // LEFT-TO-RIGHT MARK
  '(\u2066S\u2069)', // an isolate
  '(S\ufeff)', // a byte-order mark inside the text
  '(S\u2011NF)', // NON-BREAKING HYPHEN
  // Any default-ignorable code point, and any Unicode bracket pair but ASCII [ ] { } (probe 63a F1).
  '(S\ufe0f)', // VARIATION SELECTOR-16
  '(\u061cS)', // ARABIC LETTER MARK
  '(S\u180e)', // MONGOLIAN VOWEL SEPARATOR
  '(S\u{e0020})', // TAG SPACE (two UTF-16 units)
  '(S\u3164)', // HANGUL FILLER
  '\u2985S\u2986', // WHITE PARENTHESES
  '\u2772S\u2773', // TORTOISE SHELL BRACKETS
  '\u2329S\u232a', // ANGLE BRACKETS
  '\u27e6TS\u27e7', // WHITE SQUARE BRACKETS
];

const cable = (body: string) => `UNCLASSIFIED\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: MEETING\n\n${body}\n`;
const memo = (body: string) => `UNCLASSIFIED\n\nMEMORANDUM FOR THE RECORD\n\nSUBJECT: (U) Meeting\n\n${body}\n\nUNCLASSIFIED\n`;

describe('foldMarkStandIns', () => {
  it.each(MARKS)('%j: read as a mark, same length', (mark) => {
    const text = `1. ${mark} The source reported.`;
    const folded = foldMarkStandIns(text);
    expect(folded.marks).toBe(1);
    expect(folded.text).toHaveLength(text.length);
    expect(folded.text).not.toMatch(/[\u200b-\u200f\u2066-\u2069\ufeff\uff0f\u2044\u2215\u2011\ufe0f\u061c\u180e\u3164\u2985\u2772\u2329\u27e6]|\u{e0020}/u);
  });

  it.each([
    'a Persian word in parentheses (\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645) keeps its non-joiner',
    'a ratio (a\u2044b) is no mark',
    'an emoji (\u{1F468}\u200d\u{1F469}) keeps its joiner',
    'a date range 2011\u20112012 outside parentheses',
    'plain (S//NF) needs nothing',
    'a Japanese note \u300c\u6ce8\u300d in corner brackets',
    'a list item [S] in square brackets (the look-alike scan\'s)',
    // Brackets other than parentheses never make a plain (U) (probe 63e F6): `［U］` stays text, as `[U]` does.
    '\uff3bU\uff3d The partner was told.',
    '\u3008U\u3009 The partner was told.',
    '\u300cU\u300d The partner was told.',
  ])('%s: unchanged', (text) => {
    expect(foldMarkStandIns(text)).toEqual({ text, marks: 0 });
  });
});

describe('a mark with stand-in characters, decoded and read by both readers', () => {
  for (const [name, wrap, read] of [
    ['cable', cable, parseCable],
    ['marked document', memo, parseMarkedDocument],
  ] as const) {
    for (const where of ['own paragraph', 'after a sentence']) {
      it.each(MARKS)(`${name}, ${where}, %j: the SECRET words are withheld, with a warning`, (mark) => {
        const body = where === 'own paragraph' ? `(U) The meeting was held on Tuesday.\n\n${mark} The zulu1 source reported the plan.\n\n(U) End.` : `(U) The meeting was held on Tuesday. ${mark} The zulu1 source reported the plan.\n\n(U) End.`;
        const decoded = decodeInput(new TextEncoder().encode(wrap(body)));
        if (!decoded.ok) throw new Error(decoded.message);
        expect(decoded.diagnostics.map((d) => d.code)).toContain('mark-characters-read');
        const text = planRelease(read(decoded.text), publicProfile, { asOf: '2026-12-03', stem: 'T' }).releaseText;
        expect(text).not.toContain('zulu1');
        expect(text).toContain('The meeting was held on Tuesday.');
      });
    }
  }
});

describe('through the command line', () => {
  it('release warns on the console, withholds the paragraph, and audit --originals passes', async () => {
    const dir = tmp('stand-ins');
    const input = path.join(dir, 'in');
    mkdirSync(input);
    writeFileSync(path.join(input, 'memo.txt'), memo('(U) The meeting was held on Tuesday.\n\n(\u200bS) The zulu1 source reported the plan.\n\n(U) End.'));
    const out = path.join(dir, 'out');
    const run = await runCli(['release', input, '--profile', 'public', '--out', out, '--as-of', '2026-12-03']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('[mark-characters-read]');
    for (const folder of ['release', 'pending']) {
      for (const name of readdirSync(path.join(out, folder))) {
        if (name.endsWith('.txt')) expect(readFileSync(path.join(out, folder, name), 'utf8')).not.toContain('zulu1');
      }
    }
    const audit = await runCli(['audit', out, '--originals', input]);
    expect(audit.code).toBe(0);
  });
});
