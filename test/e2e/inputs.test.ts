/**
 * Inputs and overrides (issue 13), through the built binary: an override that matches nothing is
 * an error before anything is written; a file without any marking is refused; folders are walked
 * as ripgrep walks them (and `--no-ignore`); `-` reads one document from standard input; `--ics -`
 * writes to standard output; characters a PDF cannot show are reported on the console.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOverrides, resolveProfile } from '../../src/node/profiles.js';
import type { Profile } from '../../src/rules/load.js';
import { lines, REPO, runBin, tmp } from '../helpers/bin.js';
import { expectNoLeaksInFolder, documentFiles } from '../helpers/release-folder.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { cable } from '../parse/helpers.js';

const SAMPLES = path.join(REPO, 'samples');
const BERLIN = path.join(SAMPLES, '08BERLIN173.txt');
const MADRID = path.join(SAMPLES, '08MADRID308.txt');
const AS_OF = '2010-12-01';
const NOT_MARKED = 'not a marked document (no banner, portion mark, E.O. line or classification authority block)';

let publicProfile: Profile;
beforeAll(async () => {
  publicProfile = await resolveProfile('public');
});

/** An overrides file with these decisions (each 6 lines long, after the first line). */
function overridesFile(decisions: readonly { ref: string; portion: string }[]): string {
  const file = path.join(tmp('overrides'), 'decisions.yaml');
  const body = decisions.map((d) => `  - ref: ${d.ref}\n    portion: ${d.portion}\n    action: release\n    reviewer: J. Smith\n    date: 2010-11-20\n    note: MDR case M-2010-0042\n`).join('');
  writeFileSync(file, `overrides:\n${body}`);
  return file;
}

describe('an override that matches nothing is an error, before anything is written', () => {
  it.each([
    ['an unknown portion id', { ref: '08BERLIN173', portion: 'p9' }, 'matches no portion of 08BERLIN173 (its portions: subject, p1, p2, p3, text1, signature)'],
    ['an unknown ref', { ref: '08BERLN173', portion: 'p2' }, 'matches no document (no input has the reference id 08BERLN173, and none without a reference id of its own is named 08BERLN173: its file name without .txt or .pdf, or the name of its outputs in release/ or pending/)'],
  ])('%s: exit 78, FILE:LINE of the decision', (_name, bad, message) => {
    const file = overridesFile([{ ref: '08BERLIN173', portion: 'p2' }, bad]);
    const out = path.join(tmp('ov-out'), 'out');
    const r = runBin(['release', SAMPLES, '-p', 'public', '-o', out, '--as-of', AS_OF, '--overrides', file]);
    expect(r.code).toBe(78);
    expect(r.stderr).toBe(`declass: ${file}:8: override for ${bad.ref} ${bad.portion} ${message}\n`);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('a portion that no longer exists (the cable was edited after the review): the same', () => {
    const dir = tmp('ov-edited');
    const edited = path.join(dir, '08BERLIN173.txt');
    // Paragraph 6 removed from the cable after the reviewer decided on it.
    const text = readFileSync(BERLIN, 'utf8');
    writeFileSync(edited, text.slice(0, text.indexOf('¶6.')));
    const file = overridesFile([{ ref: '08BERLIN173', portion: 'p6' }]);
    const r = runBin(['release', edited, '-p', 'public', '-o', path.join(dir, 'out'), '--as-of', AS_OF, '--overrides', file]);
    expect(r.code).toBe(78);
    expect(r.stderr).toBe(`declass: ${file}:2: override for 08BERLIN173 p6 matches no portion of 08BERLIN173 (its portions: subject, p1, p2, p3, text1, signature)\n`);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('names the others in the same line, each with its line (probe 67c F7)', () => {
    const file = overridesFile([{ ref: 'X1', portion: 'p1' }, { ref: 'X2', portion: 'p1' }, { ref: 'X3', portion: 'p1' }]);
    const r = runBin(['release', BERLIN, '-p', 'public', '-o', path.join(tmp('ov-many'), 'out'), '--as-of', AS_OF, '--overrides', file]);
    expect(r.code).toBe(78);
    const none = (ref: string): string =>
      `matches no document (no input has the reference id ${ref}, and none without a reference id of its own is named ${ref}: its file name without .txt or .pdf, or the name of its outputs in release/ or pending/)`;
    expect(lines(r.stderr)).toEqual([`declass: ${file}:2: override for X1 p1 ${none('X1')}; 2 more override(s) match nothing: ${file}:8: override for X2 p1 ${none('X2')}; ${file}:14: override for X3 p1 ${none('X3')}`]);
  });

  it('overrides that all apply are used; one for a document released into the folder earlier (same settings) applies too', async () => {
    const file = overridesFile([{ ref: '08BERLIN173', portion: 'p2' }, { ref: '08MADRID308', portion: 'p1' }]);
    const out = path.join(tmp('ov-ok'), 'out');
    const both = runBin(['release', BERLIN, MADRID, '-p', 'public', '-o', out, '--as-of', AS_OF, '--overrides', file, '--formats', 'text']);
    expect(both.stderr).toBe('');
    expect(both.code).toBe(0);
    const record = JSON.parse(readFileSync(path.join(out, 'review/08BERLIN173.audit.json'), 'utf8'));
    expect(record.decisions.find((d: { portionId: string }) => d.portionId === 'p2')).toMatchObject({ action: 'release', ruleId: 'override' });
    // Berlin again alone: the Madrid decision matches Madrid's record in the folder.
    const again = runBin(['release', BERLIN, '-p', 'public', '-o', out, '--as-of', AS_OF, '--overrides', file, '--formats', 'text', '--force']);
    expect(again.code).toBe(0);
    // Into a new folder, it matches nothing.
    const alone = runBin(['release', BERLIN, '-p', 'public', '-o', path.join(tmp('ov-alone'), 'out'), '--as-of', AS_OF, '--overrides', file, '--formats', 'text']);
    expect(alone.code).toBe(78);
    expect(alone.stderr).toMatch(/:8: override for 08MADRID308 p1 matches no document/);
    expect(await expectNoLeaksInFolder(out, new Map([['08BERLIN173', BERLIN], ['08MADRID308', MADRID]]), publicProfile, AS_OF, await readOverrides(file))).toBe(2);
  });

  it('explain: an override for this document that names a missing portion is an error; others are counted in a note', () => {
    const bad = overridesFile([{ ref: '08BERLIN173', portion: 'p9' }]);
    const r = runBin(['explain', BERLIN, '-p', 'public', '--as-of', AS_OF, '--overrides', bad]);
    expect(r.code).toBe(78);
    expect(r.stderr).toBe(`declass: ${bad}:2: override for 08BERLIN173 p9 matches no portion of 08BERLIN173 (its portions: subject, p1, p2, p3, text1, signature)\n`);
    const others = overridesFile([{ ref: '08BERLIN173', portion: 'p2' }, { ref: '08MADRID308', portion: 'p1' }]);
    const ok = runBin(['explain', BERLIN, '-p', 'public', '--as-of', AS_OF, '--overrides', others]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe(`declass: note: 1 of the 2 override(s) in ${others} are for other documents; not used here\n`);
  });
});

describe('a file that is not a marked document', () => {
  it('a README among the cables is refused in one line and counted as failed; the cables are released', async () => {
    const inDir = tmp('readme-in');
    copyFileSync(BERLIN, path.join(inDir, '08BERLIN173.txt'));
    writeFileSync(path.join(inDir, 'README.md'), '# Cables\n\nThe cables of the 2008 review, as received from the archive.\n');
    writeFileSync(path.join(inDir, 'LICENSE.txt'), 'Permission is hereby granted, free of charge, to any person obtaining a copy.\n');
    const out = path.join(tmp('readme-out'), 'out');
    const r = runBin(['release', inDir, '-p', 'public', '-o', out, '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([`declass: ${path.join(inDir, 'LICENSE.txt')}: ${NOT_MARKED}`, `declass: ${path.join(inDir, 'README.md')}: ${NOT_MARKED}`]);
    expect(JSON.parse(r.stdout)).toMatchObject({ documents: 1, failed: 2 });
    expect(documentFiles(path.join(out, 'release')).sort()).toEqual(['08BERLIN173.pdf', '08BERLIN173.txt']);
    expect(await expectNoLeaksInFolder(out, new Map([['08BERLIN173', BERLIN]]), publicProfile, AS_OF)).toBe(2);
    // check and parse say the same.
    const check = runBin(['check', path.join(inDir, 'README.md')]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`README.md: ${NOT_MARKED}`);
  });
});

describe('a release in which every document fails', () => {
  it('one bad file: its one error line, exit 1, and nothing written (no folder, no manifest)', () => {
    const file = path.join(tmp('one-bad'), 'README.txt');
    writeFileSync(file, 'Nothing here is marked.\n');
    const out = path.join(tmp('one-bad-out'), 'out');
    const r = runBin(['release', file, '-p', 'public', '-o', out, '--as-of', AS_OF]);
    expect([r.code, r.stdout, lines(r.stderr)]).toEqual([1, '', [`declass: ${file}: ${NOT_MARKED}`]]);
    expect(existsSync(out)).toBe(false);
  });

  it('several: a line each and one saying nothing was written; a folder the user made stays, empty', () => {
    const inDir = tmp('all-bad');
    const files = ['A.txt', 'B.txt'].map((n) => path.join(inDir, n));
    for (const f of files) writeFileSync(f, 'Just notes.\n');
    const out = tmp('all-bad-out');
    const r = runBin(['release', ...files, '-p', 'public', '-o', out, '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([...files.map((f) => `declass: ${f}: ${NOT_MARKED}`), `declass: all 2 documents failed; nothing written to ${out}`]);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('folders are walked as ripgrep walks them', () => {
  let root: string;
  beforeAll(() => {
    root = tmp('walk');
    const inDir = path.join(root, 'in');
    for (const sub of ['node_modules/pkg', '.git', '.cache', 'nested']) mkdirSync(path.join(inDir, sub), { recursive: true });
    copyFileSync(BERLIN, path.join(inDir, '08BERLIN173.txt'));
    copyFileSync(MADRID, path.join(inDir, 'nested', '08MADRID308.txt'));
    copyFileSync(MADRID, path.join(inDir, 'node_modules/pkg/VENDORED.txt'));
    copyFileSync(MADRID, path.join(inDir, '.git/HIDDEN.txt'));
    copyFileSync(MADRID, path.join(inDir, '.hidden.txt'));
    // An earlier release folder inside the inputs: its release texts must not be read as inputs.
    // (Without its Vaughn index: --no-ignore would read release/index.pdf as an input too.)
    const r = runBin(['release', BERLIN, '-p', 'public', '-o', path.join(inDir, 'old-release'), '--as-of', AS_OF, '--formats', 'text', '--no-index']);
    expect(r.code).toBe(0);
  });

  it('skips node_modules/, hidden files and folders, and the folders of a declass output, in one note', () => {
    const r = runBin(['check', path.join(root, 'in'), '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((l) => path.relative(root, JSON.parse(l).file))).toEqual([path.join('in', '08BERLIN173.txt'), path.join('in', 'nested', '08MADRID308.txt')]);
    expect(lines(r.stderr)).toEqual([
      `declass: note: not walked (hidden, node_modules, declass output): ${path.join(root, 'in', '.cache')}/, ${path.join(root, 'in', '.git')}/, ${path.join(root, 'in', '.hidden.txt')} and 3 more; --no-ignore walks them`,
    ]);
  });

  it('--no-ignore walks everything', () => {
    const r = runBin(['check', path.join(root, 'in'), '--as-of', AS_OF, '--json', '--no-ignore']);
    const files = lines(r.stdout).map((l) => path.relative(path.join(root, 'in'), JSON.parse(l).file));
    expect(files).toEqual(
      ['.git/HIDDEN.txt', '.hidden.txt', '08BERLIN173.txt', 'nested/08MADRID308.txt', 'node_modules/pkg/VENDORED.txt', 'old-release/release/08BERLIN173.txt'].map((p) => p.split('/').join(path.sep)),
    );
    // The old release's records are walked too, and counted: they are no input by their name.
    const review = path.join(root, 'in', 'old-release', 'review');
    expect(lines(r.stderr)).toEqual([`declass: note: 2 file(s) skipped: not .txt, .md or .pdf (${path.join(review, '08BERLIN173.audit.json')}, ${path.join(review, 'manifest.json')}); name a file to take it`]);
  });

  it('a folder that holds only skipped files is a usage error that says so', () => {
    const r = runBin(['parse', path.join(root, 'in', 'old-release')]);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/no \.txt, \.md or \.pdf files found in .* \(some were skipped; --no-ignore walks them\)/);
  });

  it('release walks the same way', () => {
    const out = path.join(root, 'out');
    const r = runBin(['release', path.join(root, 'in'), '-p', 'public', '-o', out, '--as-of', AS_OF, '--formats', 'text', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).documents).toBe(2);
  });
});

describe('symbolic links are not followed, and are reported', () => {
  let root: string;
  beforeAll(() => {
    root = tmp('links');
    mkdirSync(path.join(root, 'links'));
    copyFileSync(BERLIN, path.join(root, '08BERLIN173.txt'));
    symlinkSync(MADRID, path.join(root, 'links', '08MADRID308.txt'));
    symlinkSync(SAMPLES, path.join(root, 'links', 'samples'));
    // Neither an input's name nor a folder: not a candidate, counted with the files of other names.
    symlinkSync(path.join(root, 'missing'), path.join(root, 'links', 'dangling'));
  });

  it('a walk names the links it did not follow (a folder, an input) and takes the rest', () => {
    const r = runBin(['check', root, '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((l) => path.basename(JSON.parse(l).file))).toEqual(['08BERLIN173.txt']);
    expect(lines(r.stderr)).toEqual([
      `declass: note: symbolic links not followed: ${path.join(root, 'links', '08MADRID308.txt')}, ${path.join(root, 'links', 'samples')}/; name them (or their targets) to take them`,
      `declass: note: 1 file(s) skipped: not .txt, .md or .pdf (${path.join(root, 'links', 'dangling')}); name a file to take it`,
    ]);
  });

  it('a folder of links only is a usage error that says why; a link named is taken', () => {
    const r = runBin(['check', path.join(root, 'links'), '--as-of', AS_OF]);
    expect(r.code).toBe(64);
    // The message names the folder given (probe 17: it said "the given paths").
    expect(r.stderr).toContain(`no .txt, .md or .pdf files found in ${path.join(root, 'links')} (symbolic links are not followed; name them or their targets)`);
    const named = runBin(['check', path.join(root, 'links', '08MADRID308.txt'), '--as-of', AS_OF, '--json']);
    expect(named.code).toBe(0);
    expect(lines(named.stdout)).toHaveLength(1);
    expect(named.stderr).toBe('');
  });
});

describe('- reads one document from standard input', () => {
  const berlin = () => readFileSync(BERLIN);

  it('parse -, lint -, check -, explain -', () => {
    const parse = runBin(['parse', '-', '--json'], { input: berlin() });
    expect(parse.code).toBe(0);
    expect(JSON.parse(parse.stdout)).toMatchObject({ file: '-', ref: '08BERLIN173' });
    const lint = runBin(['lint', '-', '--json', '--as-of', AS_OF], { input: berlin() });
    expect(JSON.parse(lint.stdout)).toMatchObject({ file: '-', ref: '08BERLIN173' });
    const check = runBin(['check', '-', '--json', '--as-of', AS_OF], { input: berlin() });
    expect(JSON.parse(check.stdout)).toMatchObject({ file: '-', ref: '08BERLIN173', status: 'classified' });
    const explain = runBin(['explain', '-', '-p', 'public', '--as-of', AS_OF, '--json'], { input: berlin() });
    expect(explain.code).toBe(0);
    expect(lines(explain.stdout).map((l) => JSON.parse(l).portionId)).toContain('p2');
    // Not a marked document: refused the same way as a file.
    const prose = runBin(['parse', '-'], { input: 'Dear colleagues,\nthe meeting moved.\n' });
    expect(prose.code).toBe(1);
    expect(prose.stderr).toBe(`declass: -: ${NOT_MARKED}\n`);
  });

  it('release - needs --stem to name its outputs; with it, the folder audits clean against the original', async () => {
    const out = path.join(tmp('stdin-release'), 'out');
    const without = runBin(['release', '-', '-p', 'public', '-o', out, '--as-of', AS_OF], { input: berlin() });
    expect(without.code).toBe(64);
    expect(without.stderr).toBe('declass: - reads a document from standard input; name its outputs with --stem NAME\n');
    expect(existsSync(out)).toBe(false);
    const r = runBin(['release', '-', '--stem', 'BERLIN-FROM-STDIN', '-p', 'public', '-o', out, '--as-of', AS_OF], { input: berlin() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(documentFiles(path.join(out, 'release')).sort()).toEqual(['BERLIN-FROM-STDIN.pdf', 'BERLIN-FROM-STDIN.txt']);
    expect(JSON.parse(readFileSync(path.join(out, 'review/BERLIN-FROM-STDIN.audit.json'), 'utf8')).input.path).toBe('-');
    expect(await expectNoLeaksInFolder(out, new Map([['BERLIN-FROM-STDIN', BERLIN]]), publicProfile, AS_OF)).toBe(2);
    const audit = runBin(['audit', out, '--originals', BERLIN]);
    expect(audit.stdout).toContain('audit passed: 1 document(s)');
    // --stem is for standard input only, and must be a safe name; - once.
    expect(runBin(['release', BERLIN, '--stem', 'X', '-p', 'public', '-o', out]).code).toBe(64);
    expect(runBin(['release', '-', '--stem', '../x', '-p', 'public', '-o', out], { input: berlin() }).stderr).toMatch(/--stem "\.\.\/x": use letters, digits/);
    expect(runBin(['parse', '-', '-'], { input: berlin() }).code).toBe(64);
  });
});

describe('check --ics -', () => {
  it('writes the calendar to standard output, alone; the counts go to standard error', () => {
    // In a folder of its own: a declass that took - for a file name would write one there.
    const cwd = tmp('ics-stdout');
    const r = runBin(['check', BERLIN, MADRID, '--as-of', AS_OF, '--ics', '-'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(r.stdout).toMatch(/END:VCALENDAR\r\n$/);
    expect(r.stdout).toContain('SUMMARY:Declassify 08BERLIN173');
    expect(r.stderr).toBe('2 document(s) as of 2010-12-01: 0 unclassified, 1 classified, 0 declassified, 1 review, 0 invalid\n');
    expect(readdirSync(cwd)).toEqual([]);
    expect(runBin(['check', BERLIN, '--ics', '-', '--json']).code).toBe(64);
  });
});

describe('characters a PDF cannot show', () => {
  it('are reported on the console, one line per character, with a count in the summary', async () => {
    const inDir = tmp('chars-in');
    const text = cable('¶1. (U) The delegation met Mr. Иванов and Ms. Petrova in Moscow.\n\n¶2. (C) The rest of this paragraph is classified and stays withheld.\n');
    writeFileSync(path.join(inDir, 'CYRILLIC.txt'), text);
    const out = path.join(tmp('chars-out'), 'out');
    const r = runBin(['release', inDir, '-p', 'public', '-o', out, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    const replaced = lines(r.stderr);
    expect(replaced).toHaveLength(5); // И в а н о: each distinct character once
    expect(replaced[0]).toBe(`declass: ${path.join(inDir, 'CYRILLIC.txt')}: warning: Character "И" (U+0418) is not in the PDF font's WinAnsi encoding; replaced with "?". [pdf-char-replaced]`);
    expect(r.stdout).toContain('  5 character(s) the PDF font cannot show replaced by ? in the PDFs of 1 document(s) (pdf-char-replaced; the release text keeps them)');
    expect(JSON.parse(runBin(['release', inDir, '-p', 'public', '-o', out, '--as-of', AS_OF, '--json']).stdout)).toMatchObject({ charsReplaced: 5, documentsWithCharsReplaced: 1, skipped: 1 });
    // The release text keeps the name; the PDF shows question marks.
    expect(readFileSync(path.join(out, 'release/CYRILLIC.txt'), 'utf8')).toContain('Иванов');
    expect((await extractPdfText(readFileSync(path.join(out, 'release/CYRILLIC.pdf')))).text).toContain('Mr. ?????? and');
    expect(await expectNoLeaksInFolder(out, new Map([['CYRILLIC', path.join(inDir, 'CYRILLIC.txt')]]), publicProfile, AS_OF)).toBe(2);
  });
});
