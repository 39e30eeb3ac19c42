import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/parse/decode.js';
import { parseCable } from '../../src/parse/index.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadProfile } from '../../src/rules/load.js';
import { visibleText, withheldTexts } from '../../src/release/index.js';
import { findLeaks } from '../helpers/leak.js';
import { extractPdfText, hasPdftotext, pdftotext } from '../helpers/pdf-text.js';
import { runCli } from '../helpers/memory-io.js';
import { documentFiles } from '../helpers/release-folder.js';

/** The seed cable of the corpus, bundled as a sample (the same bytes). */
const SEED = path.resolve('samples/08BERLIN173.txt');
const tmp = (name: string) => mkdtempSync(path.join(tmpdir(), `declass-${name}-`));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Leaks that are not explained by text the release is meant to show. */
function realLeaks(withheld: string[], output: string, visible: string): string[] {
  const allowed = new Set(findLeaks(withheld, visible));
  return findLeaks(withheld, output).filter((s) => !allowed.has(s));
}

describe('declass release on the seed cable', () => {
  let out: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    out = tmp('seed');
    run = await runCli(['release', SEED, '--profile', 'public', '--out', out, '--as-of', '2010-12-01']);
  });

  it('succeeds and writes every output where it belongs', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(documentFiles(path.join(out, 'release')).sort()).toEqual(['08BERLIN173.pdf', '08BERLIN173.txt']);
    expect(readdirSync(path.join(out, 'review')).sort()).toEqual(['08BERLIN173.audit.json', '08BERLIN173.diff', '08BERLIN173.review.pdf', 'manifest.json']);
  });

  it('leaks nothing withheld into release/, read back with independent readers', async () => {
    const doc = parseCable(readFileSync(SEED, 'utf8'));
    const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
    const plan = evaluate(doc, profile, { asOf: '2010-12-01' });
    const withheld = withheldTexts(plan);
    // The subject, ¶1–¶3, the stray unmarked last line and the signature: the leak check below has text to look for.
    expect(plan.decisions.filter((d) => d.action === 'withhold').map((d) => d.portionId)).toEqual(['subject', 'p1', 'p2', 'p3', 'text1', 'signature']);
    expect(withheld).toHaveLength(6);
    const visible = visibleText(plan);
    const text = readFileSync(path.join(out, 'release/08BERLIN173.txt'), 'utf8');
    expect(realLeaks(withheld, text, visible)).toEqual([]);
    const pdfBytes = readFileSync(path.join(out, 'release/08BERLIN173.pdf'));
    const pdf = await extractPdfText(pdfBytes);
    expect(realLeaks(withheld, pdf.text, visible)).toEqual([]);
    expect(realLeaks(withheld, JSON.stringify(pdf.info) + (pdf.metadata ?? ''), visible)).toEqual([]);
    expect(pdf.text).toContain('B1, 1.4(B), 1.4(D)');
    if (hasPdftotext()) expect(realLeaks(withheld, pdftotext(pdfBytes) ?? '', visible)).toEqual([]);
    // The audit record names decisions, never withheld text.
    const audit = readFileSync(path.join(out, 'review/08BERLIN173.audit.json'), 'utf8');
    expect(realLeaks(withheld, audit, visible)).toEqual([]);
  });

  it('records every output with its sha256', () => {
    const audit = JSON.parse(readFileSync(path.join(out, 'review/08BERLIN173.audit.json'), 'utf8'));
    expect(audit.profile.id).toBe('public');
    expect(audit.asOf).toBe('2010-12-01');
    expect(audit.input.sha256).toBe(sha(SEED));
    expect(audit.outputs.map((o: { path: string }) => o.path).sort()).toEqual([
      'release/08BERLIN173.pdf',
      'release/08BERLIN173.txt',
      'review/08BERLIN173.diff',
      'review/08BERLIN173.review.pdf',
    ]);
    for (const o of audit.outputs) expect(sha(path.join(out, o.path))).toBe(o.sha256);
    expect(audit.decisions.every((d: { ruleId: string; reason: string }) => d.ruleId && d.reason)).toBe(true);
  });

  it('is deterministic: a second run gives byte-identical files', async () => {
    const again = tmp('seed2');
    await runCli(['release', SEED, '--profile', 'public', '--out', again, '--as-of', '2010-12-01']);
    for (const sub of ['release', 'review']) {
      for (const f of readdirSync(path.join(out, sub))) expect(sha(path.join(again, sub, f)), f).toBe(sha(path.join(out, sub, f)));
    }
  });

  it('writes a unified diff into review/', () => {
    const diff = readFileSync(path.join(out, 'review/08BERLIN173.diff'), 'utf8');
    expect(diff).toMatch(/^=+\n--- original\/08BERLIN173\.txt\n\+\+\+ release\/08BERLIN173\.txt/m);
    expect(diff).toContain('-¶1. (C) Pol-mil chief');
  });
});

describe('bad input and batches', () => {
  it('goes on past broken files, reports each in one line, and leaves no partial output', async () => {
    const inDir = tmp('in');
    writeFileSync(path.join(inDir, 'a-good.txt'), readFileSync(SEED));
    writeFileSync(path.join(inDir, 'b-empty.txt'), '');
    writeFileSync(path.join(inDir, 'c-binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    const out = path.join(tmp('out'), 'o');
    const run = await runCli(['release', inDir, '--profile', 'public', '--out', out, '--as-of', '2010-12-01', '--formats', 'text']);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/b-empty\.txt: empty file$/);
    expect(lines[1]).toMatch(/c-binary\.txt: binary data/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(documentFiles(path.join(out, 'release'))).toEqual(['a-good.txt']);
    expect(readdirSync(path.join(out, 'review')).sort()).toEqual(['a-good.audit.json', 'manifest.json']);
  });

  it.each([
    ['a missing file', ['release', '/nonexistent/x.txt', '--profile', 'public', '--out', '/tmp/declass-never'], 66, /x\.txt: no such file or folder/],
    ['an unknown profile', ['release', SEED, '--profile', 'nope', '--out', '/tmp/declass-never'], 66, /profile "nope": no such file or folder \(bundled profiles: foia-intel, fvey, nato, public/],
    ['an invalid date', ['release', SEED, '--profile', 'public', '--out', '/tmp/declass-never', '--as-of', '2010-13-01'], 64, /month 13 does not exist/],
    ['an unknown format', ['release', SEED, '--profile', 'public', '--out', '/tmp/declass-never', '--formats', 'txt'], 64, /unknown format "txt"/],
    ['a missing --out', ['release', SEED, '--profile', 'public'], 64, /--out/],
    ['a typo in the command', ['relase', SEED], 64, /did you mean release\?/],
  ])('refuses %s with a one-line error', async (_name, argv, code, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync('/tmp/declass-never')).toBe(false);
  });

  it('refuses an output folder inside an input folder', async () => {
    const inDir = tmp('in2');
    writeFileSync(path.join(inDir, 'x.txt'), readFileSync(SEED));
    const run = await runCli(['release', inDir, '--profile', 'public', '--out', path.join(inDir, 'out')]);
    expect(run.code).toBe(73);
    expect(run.stderr).toMatch(/is, or is inside, the input folder/);
    expect(existsSync(path.join(inDir, 'out'))).toBe(false);
  });

  it('decodes CRLF, a BOM and Latin-1 instead of failing', async () => {
    const inDir = tmp('enc');
    const text = readFileSync(SEED, 'utf8');
    writeFileSync(path.join(inDir, 'crlf.txt'), `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    writeFileSync(path.join(inDir, 'latin1.txt'), Buffer.from(text.replace(/¶/g, '\u00B6'), 'latin1'));
    expect(decodeInput(readFileSync(path.join(inDir, 'latin1.txt'))).ok).toBe(true);
    const out = tmp('enc-out');
    const run = await runCli(['release', inDir, '--profile', 'public', '--out', out, '--as-of', '2010-12-01', '--formats', 'text']);
    // Read as Windows-1252 with a warning on the console (the CRLF and BOM file says nothing).
    expect(run.stderr).toBe(`declass: ${path.join(inDir, 'latin1.txt')}: warning: Input is not valid UTF-8; it was read as Windows-1252 (Latin-1 with Windows punctuation). [encoding-latin1]\n`);
    expect(run.code).toBe(0);
    const released = readFileSync(path.join(out, 'release/crlf.txt'), 'utf8');
    // Every portion is withheld as of 2010-12-01: the release is the one page of a denial.
    expect(released).toContain('DENIED IN FULL B1, 1.4(B), 1.4(D)');
    expect(released).toContain('[DENIED IN FULL: 6 portion(s) withheld under B1, 1.4(B), 1.4(D)]');
  });
});

describe('rules and explain commands', () => {
  it('lists the bundled profiles', async () => {
    const run = await runCli(['rules', 'list']);
    expect(run.code).toBe(0);
    for (const id of ['public', 'nato', 'us-secret', 'public-pii']) expect(run.stdout).toContain(id);
  });
  it('checks a profile file and names the line of a problem', async () => {
    const dir = tmp('rules');
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: bad\ndescription: d\naudience: { id: x }\nbanner: foia\nrules:\n  - id: a\n    action: relese\n');
    const run = await runCli(['rules', 'check', 'rules/public.yaml', bad]);
    expect(run.code).toBe(78);
    expect(run.stdout).toContain('rules/public.yaml: ok');
    expect(run.stderr).toMatch(/bad\.yaml:7: rules\[0\]\.action/);
  });
  it('explains every portion of the seed cable', async () => {
    const run = await runCli(['explain', SEED, '--profile', 'public', '--as-of', '2010-12-01', '--json']);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.find((r) => r.portionId === 'p1')).toMatchObject({ action: 'withhold', ruleId: 'public/classified', mark: '(C)' });
    mkdirSync(tmp('x'), { recursive: true });
  });
});
