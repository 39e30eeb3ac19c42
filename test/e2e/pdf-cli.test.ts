/**
 * PDF inputs through the CLI: `parse`, `lint`, `check`, `explain` and `release` take `FILE.pdf`,
 * folders are walked for `*.pdf`, a scan is refused in one line without stopping the batch, an
 * output name never repeats withheld words, the release PDF holds no withheld word (read back by
 * poppler's pdftotext), `audit --originals` re-runs PDF records and passes, and a second release
 * finds the PDF up to date. A batch of 32 PDFs or more (verified on the pdf.js thread) writes the
 * same bytes as each PDF released alone (verified in the batch's own thread).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { runBin, tmp } from '../helpers/bin.js';
import { hasPdftotext, pdftotext } from '../helpers/pdf-text.js';
import { PRODUCERS } from '../helpers/producers.js';
import { documentFiles, releasedFiles } from '../helpers/release-folder.js';

const AS_OF = '2015-01-01';
const SAMPLE = 'samples/MEMO-FIELD-OFFICES.txt';

function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]/gu, ' ').split(/\s+/).filter(Boolean);
}

describe.skipIf(!hasPdftotext())('PDF inputs through the CLI', () => {
  const dir = tmp('pdf-cli');
  const input = path.join(dir, 'in');
  const out = path.join(dir, 'out');
  beforeAll(async () => {
    mkdirSync(input, { recursive: true });
    const text = readFileSync(SAMPLE, 'utf8');
    const pdf = await PRODUCERS[0]!.make(text);
    writeFileSync(path.join(input, 'memo.pdf'), pdf);
    // "liaison" is only in a withheld portion of the memo.
    writeFileSync(path.join(input, 'liaison-accounts.pdf'), pdf);
    const scan = await PDFDocument.create({ updateMetadata: false });
    scan.addPage([612, 792]).drawRectangle({ x: 50, y: 50, width: 500, height: 600, color: rgb(0.6, 0.6, 0.6) });
    writeFileSync(path.join(input, 'scan.pdf'), await scan.save());
  });

  it('parse, lint, check and explain read a PDF; a scan is refused in one line', () => {
    const file = path.join(input, 'memo.pdf');
    const parse = runBin(['parse', file]);
    expect(parse.code).toBe(0);
    expect(parse.stdout).toMatch(/portion\(s\)/);
    expect(runBin(['lint', file]).stdout).toMatch(/problem|no problems|✔|✖/);
    expect(runBin(['check', file, '--as-of', AS_OF]).stdout).toMatch(/SECRET|\bS\b/);
    expect(runBin(['explain', file, '-p', 'public', '--as-of', AS_OF]).stdout).toMatch(/WITHHELD B1/);
    const scan = runBin(['parse', path.join(input, 'scan.pdf')]);
    expect(scan.code).not.toBe(0);
    expect(scan.stderr.trim()).toBe(`declass: ${path.join(input, 'scan.pdf')}: no text layer: the text is images or drawn shapes (a scan, or text printed as outlines), which declass does not read: OCR it, or export it again with its text`);
  });

  it('a damaged PDF is refused in one line: nothing of the PDF parser on the console, nothing written', () => {
    // pdf-lib's parser wrote `Trying to parse invalid object: …` and `Invalid object ref: 1 0 R`
    // to standard error before the error line.
    const cut = path.join(tmp('pdf-damaged'), 'damaged.pdf');
    writeFileSync(cut, '%PDF-1.7\n1 0 obj\n');
    const error = `declass: ${cut}: the PDF cannot be parsed: Failed to parse PDF document (line:2 col:0 offset=9): Failed to parse invalid PDF object\n`;
    const parse = runBin(['parse', cut]);
    expect([parse.code, parse.stderr]).toEqual([1, error]);
    const outDir = path.join(tmp('pdf-damaged-out'), 'out');
    const release = runBin(['release', cut, '-p', 'public', '--as-of', AS_OF, '-o', outDir]);
    expect([release.code, release.stdout, release.stderr]).toEqual([1, '', error]);
    expect(existsSync(outDir)).toBe(false);
  });

  it('release walks the folder for PDFs, renames an output whose name repeats withheld words, leaks nothing, and audit passes', () => {
    const r = runBin(['release', input, '-p', 'public', '--as-of', AS_OF, '-o', out, '-j', '1', '--rasterize-unsure']);
    expect(r.stderr).toMatch(/scan\.pdf: no text layer: the text is images or drawn shapes/);
    expect(r.stderr).toMatch(/liaison-accounts\.pdf: warning: the input's file name repeats withheld words: its outputs are named pdf-[0-9a-f]{12} \[output-renamed\]/);
    const released = documentFiles(path.join(out, 'release')).sort();
    expect(released.filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
    expect(released).toContain('memo.pdf');
    expect(released.some((f) => f.includes('liaison'))).toBe(false);

    const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
    const expected = planRelease(readDocument(readFileSync(SAMPLE, 'utf8')).doc, profile, { asOf: AS_OF, stem: 'memo' });
    const shown = new Set(words(expected.visible));
    const secret = new Set(expected.withheld.flatMap((w) => words(w.text)).filter((w) => !shown.has(w)));
    expect(secret.size).toBeGreaterThan(5);
    for (const f of released.filter((x) => x.endsWith('.pdf'))) {
      const text = pdftotext(readFileSync(path.join(out, 'release', f)))!;
      expect(words(text).filter((w) => secret.has(w))).toEqual([]);
      expect(text).toContain('Staff at both offices');
    }

    const audit = runBin(['audit', out, '--originals', input]);
    expect(audit.stdout).toMatch(/audit passed: 2 document\(s\)/);
    expect(audit.code).toBe(0);
    const again = runBin(['release', input, '-p', 'public', '--as-of', AS_OF, '-o', out, '-j', '1']);
    expect(again.stdout.match(/: up to date, /g)).toHaveLength(2);
  });

  it('a PDF on standard input gets its document number under --case', () => {
    const stdinOut = path.join(dir, 'stdin-out');
    const r = runBin(['release', '-', '-p', 'public', '--as-of', AS_OF, '-o', stdinOut, '--stem', 'memo', '--case', 'F-2026-00123', '--formats', 'text', '-q'], { input: readFileSync(path.join(input, 'memo.pdf')) });
    expect(r.code, r.stderr).toBe(0);
    const records = readdirSync(path.join(stdinOut, 'review')).filter((n) => n.endsWith('.audit.json'));
    expect(records).toHaveLength(1);
    const record = JSON.parse(readFileSync(path.join(stdinOut, 'review', records[0]!), 'utf8')) as { case?: { number: string; docNumber: string } };
    expect(record.case).toEqual({ number: 'F-2026-00123', docNumber: 'C00000001' });
  });

  it('a batch of 32 PDFs (verification on the pdf.js thread) writes what each PDF released alone writes, and leaks nothing', async () => {
    const batchIn = path.join(dir, 'batch-in');
    mkdirSync(batchIn, { recursive: true });
    const text = readFileSync(SAMPLE, 'utf8');
    // 32 different documents: the memo with its subject numbered.
    for (let i = 0; i < 32; i++) writeFileSync(path.join(batchIn, `m${String(i).padStart(2, '0')}.pdf`), await PRODUCERS[0]!.make(text.replace(/^(SUBJECT: .*)$/m, `$1 ${i}`)));
    const batchOut = path.join(dir, 'batch-out');
    const r = runBin(['release', batchIn, '-p', 'public', '--as-of', AS_OF, '-o', batchOut, '--formats', 'pdf', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const pdfs = releasedFiles(batchOut).filter((f) => /^m\d\d\.pdf$/.test(f));
    expect(pdfs).toHaveLength(32);
    for (const name of ['m00', 'm17', 'm31']) {
      const aloneOut = path.join(dir, `alone-${name}`);
      const alone = runBin(['release', path.join(batchIn, `${name}.pdf`), '-p', 'public', '--as-of', AS_OF, '-o', aloneOut, '--formats', 'pdf', '-q']);
      expect(alone.code, alone.stderr).toBe(0);
      expect(readFileSync(outputFile(batchOut, `${name}.pdf`)).equals(readFileSync(outputFile(aloneOut, `${name}.pdf`)))).toBe(true);
      expect(readFileSync(path.join(batchOut, 'review', `${name}.audit.json`), 'utf8')).toBe(readFileSync(path.join(aloneOut, 'review', `${name}.audit.json`), 'utf8'));
    }
    const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
    const expected = planRelease(readDocument(text).doc, profile, { asOf: AS_OF, stem: 'm00' });
    const shown = new Set(words(expected.visible));
    const secret = new Set(expected.withheld.flatMap((w) => words(w.text)).filter((w) => !shown.has(w)));
    expect(secret.size).toBeGreaterThan(5);
    for (const f of pdfs) expect(words(pdftotext(readFileSync(outputFile(batchOut, f)))!).filter((w) => secret.has(w))).toEqual([]);
  }, 120_000);
});

/** Where a release output of `out` is: release/, or pending/ for a document pending review. */
function outputFile(out: string, name: string): string {
  const released = path.join(out, 'release', name);
  return existsSync(released) ? released : path.join(out, 'pending', name);
}
