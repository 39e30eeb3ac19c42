/**
 * Probe 59a of `declass audit`, each tamper on a fresh copy of a release with its hashes and the
 * manifest chain made again (no secret is needed): withheld text put into the Vaughn index (an
 * edited record, the index rebuilt) is a `leak` of every index file (F1); withheld text in a PDF's
 * attachment, document JavaScript or a string under a custom catalog key is a `leak` of that PDF,
 * not only a re-run difference (F6); an extra file named with withheld words is reported
 * without its name (F7).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditFolder, rerunRelease, resolveProfile, runReleaseBatch, type AuditOptions } from '../../src/index.js';
import { sha256Hex } from '../../src/hash.js';
import { chainNext } from '../../src/release/folder.js';
import { runBin } from '../helpers/bin.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';

const SAMPLE = path.resolve('samples/08BERLIN173.txt');
const ORIGINALS = [SAMPLE];
const AS_OF = '2010-12-01';
// Withheld (C) ¶2 of 08BERLIN173, as the tamperer copies it.
const WITHHELD = 'Ducoffre countered that a critical mass of both users and producers had already joined the Oslo Process';
let root = '';
let one = '';

const options: AuditOptions = { cwd: process.cwd(), originals: ORIGINALS, crossCheckLimit: 2000, rerun: rerunRelease };

/** A copy of the release to break. */
function copy(name: string): string {
  const dir = path.join(root, name);
  cpSync(one, dir, { recursive: true });
  return dir;
}

/** Records the new sha256 and size of `files` in the record of 08BERLIN173 (after `edit`), and chains the manifest again. */
function forge(dir: string, files: readonly string[], edit: (record: Record<string, any>) => void = () => {}): void {
  const recordFile = path.join(dir, 'review', '08BERLIN173.audit.json');
  const record = JSON.parse(readFileSync(recordFile, 'utf8')) as Record<string, any>;
  edit(record);
  for (const f of files) {
    const bytes = readFileSync(path.join(dir, f));
    const o = (record['outputs'] as { path: string; sha256: string; bytes: number }[]).find((x) => x.path === f)!;
    o.sha256 = sha256Hex(bytes);
    o.bytes = bytes.length;
  }
  writeFileSync(recordFile, `${JSON.stringify(record, null, 2)}\n`);
  const manifestFile = path.join(dir, 'review', 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { head: string; entries: { record: string; sha256: string; chain: string }[] };
  let chain = '';
  for (const e of manifest.entries) {
    e.sha256 = sha256Hex(readFileSync(path.join(dir, e.record)));
    e.chain = chain = chainNext(chain, e.sha256);
  }
  manifest.head = chain;
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The release PDF of 08BERLIN173 changed by `change` (pdf-lib), its hash forged. */
async function tamperPdf(name: string, change: (pdf: PDFDocument) => void | Promise<void>): Promise<string> {
  const dir = copy(name);
  const rel = 'release/08BERLIN173.pdf';
  const pdf = await PDFDocument.load(readFileSync(path.join(dir, rel)));
  await change(pdf);
  writeFileSync(path.join(dir, rel), await pdf.save());
  forge(dir, [rel]);
  return dir;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'declass-audit-59-'));
  one = path.join(root, 'one');
  const profile = await resolveProfile('public');
  await runReleaseBatch({ files: [SAMPLE], out: one, profile, profileRef: 'public', overrides: null, overridesFile: null, asOf: AS_OF, formats: ['text', 'pdf'], pageSize: 'letter', force: false, jobs: 1, maxInputBytes: 10 * 1024 * 1024, crossCheck: true, cwd: process.cwd() });
  expect(await expectNoLeaksInFolder(one, new Map([['08BERLIN173', SAMPLE]]), profile, AS_OF)).toBe(2);
  const clean = await auditFolder(one, options);
  expect(clean.failures).toEqual([]);
});

describe('audit (probe 59a)', () => {
  it('withheld text put into the Vaughn index (a record edited, the index rebuilt) is a leak of every index file', async () => {
    const dir = copy('index-leak');
    forge(dir, [], (r) => {
      r['declassification'].reason = `${WITHHELD}.`;
    });
    expect(runBin(['index', dir, '--format', 'csv,json,pdf,xlsx']).code).toBe(0);
    forge(dir, []);
    const report = await auditFolder(dir, options);
    const leaks = report.failures.filter((f) => f.check === 'leak');
    expect(new Set(leaks.map((f) => f.file))).toEqual(new Set(['release/index.csv', 'release/index.json', 'release/index.pdf', 'release/index.xlsx']));
    expect(leaks.find((f) => f.file === 'release/index.xlsx')!.message).toMatch(/run\(s\) of withheld words \(p2\) of 08BERLIN173 appear here/);
    for (const f of [...report.failures, ...report.warnings]) expect(`${f.file} ${f.message}`).not.toContain('critical mass');
  });

  it('the index quoting what the release shows (its subject, reasons, rule texts) is no leak', async () => {
    const dir = copy('index-clean');
    expect(runBin(['index', dir, '--format', 'csv,json,pdf,xlsx']).code).toBe(0);
    forge(dir, []);
    expect((await auditFolder(dir, options)).failures).toEqual([]);
  });

  it('withheld text in a PDF attachment, document JavaScript or a custom catalog string is a leak of the PDF', async () => {
    const cases: Record<string, (pdf: PDFDocument) => void | Promise<void>> = {
      attachment: (pdf) => pdf.attach(new TextEncoder().encode(`notes: ${WITHHELD}`), 'notes.txt', { mimeType: 'text/plain' }),
      javascript: (pdf) => pdf.addJavaScript('note', `var note = "${WITHHELD}";`),
      'custom key': (pdf) => pdf.catalog.set(PDFName.of('Note'), PDFHexString.fromText(WITHHELD)),
      // A filter the audit's own reader does not decode: the objects are read through pdf-lib.
      'hex-coded stream': (pdf) => {
        const hex = Buffer.from(WITHHELD).toString('hex') + '>';
        const ref = pdf.context.register(pdf.context.stream(hex, { Filter: 'ASCIIHexDecode' }));
        pdf.catalog.set(PDFName.of('Extra'), ref);
        pdf.catalog.set(PDFName.of('Label'), PDFString.of('extra'));
      },
    };
    for (const [name, change] of Object.entries(cases)) {
      const dir = await tamperPdf(`pdf-${name.replace(/ /g, '-')}`, change);
      const report = await auditFolder(dir, options);
      const leaks = report.failures.filter((f) => f.check === 'leak');
      expect(leaks.map((f) => f.file), name).toEqual(['release/08BERLIN173.pdf']);
      expect(leaks[0]!.message, name).toMatch(/run\(s\) of withheld words \(p2\) of 08BERLIN173 appear/);
    }
  });

  it('an extra file named with withheld words is reported without its name', async () => {
    const dir = copy('stray-name');
    writeFileSync(path.join(dir, 'release', `${WITHHELD}.txt`), 'nothing\n');
    writeFileSync(path.join(dir, 'release', 'notes.txt'), 'nothing\n');
    const report = await auditFolder(dir, options);
    const stray = report.failures.filter((f) => f.check === 'unrecorded').map((f) => f.file);
    expect(stray).toHaveLength(2);
    expect(stray).toContain('release/notes.txt');
    expect(stray.find((f) => f !== 'release/notes.txt')).toMatch(/^release\/<a name that repeats withheld text, sha256 [0-9a-f]{12}…>$/);
    for (const f of [...report.failures, ...report.warnings]) expect(`${f.file} ${f.message}`).not.toContain('critical mass');
  });

  it('a stray name is masked by the test release names its outputs with: one withheld word run into others', async () => {
    // Release would rename an output `signatoriesNotes` (src/leak/name-check.ts); an 8-word run
    // alone did not mask it.
    const dir = copy('stray-word');
    writeFileSync(path.join(dir, 'release', 'signatoriesNotes.txt'), 'nothing\n');
    const report = await auditFolder(dir, options);
    const stray = report.failures.filter((f) => f.check === 'unrecorded').map((f) => f.file);
    expect(stray).toEqual([expect.stringMatching(/^release\/<a name that repeats withheld text, sha256 [0-9a-f]{12}…>$/)]);
  });
});
