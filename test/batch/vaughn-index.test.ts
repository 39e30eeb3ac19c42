/**
 * The Vaughn index after a batch (src/batch/run.ts): a batch in which every document fails, into
 * a new folder, leaves nothing (no index, no manifest, no folder); into a folder that holds no
 * document, no index in release/ (not an empty one), and an old one goes; a folder that still holds a document from an earlier run keeps its index.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReleaseBatch, type BatchOptions } from '../../src/batch/run.js';
import { resolveProfile } from '../../src/node/profiles.js';
import { writeVaughnIndex } from '../../src/batch/vaughn.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';

const SAMPLE = path.resolve('samples/08STATE79112.txt');
const indexFiles = (out: string): string[] => (existsSync(path.join(out, 'release')) ? readdirSync(path.join(out, 'release')).filter((n) => n.startsWith('index.')).sort() : []);

async function batch(files: string[], out: string, more: Partial<BatchOptions> = {}): Promise<Awaited<ReturnType<typeof runReleaseBatch>>['summary']> {
  const opts: BatchOptions = {
    files,
    out,
    profile: await resolveProfile('public'),
    profileRef: 'public',
    overrides: null,
    overridesFile: null,
    asOf: '2010-12-01',
    formats: ['text'],
    pageSize: 'letter',
    force: false,
    jobs: 1,
    maxInputBytes: 10 * 1024 * 1024,
    crossCheck: false,
    cwd: process.cwd(),
    ...more,
  };
  return (await runReleaseBatch(opts)).summary;
}

describe('the Vaughn index of a batch', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-batch-index-'));
  const inputs = path.join(dir, 'in');
  mkdirSync(inputs, { recursive: true });
  // Not marked documents: each fails.
  const bad = ['README.txt', 'NOTES.txt'].map((n) => path.join(inputs, n));
  for (const f of bad) writeFileSync(f, 'Nothing here is marked.\nJust notes.\n');

  it('writes none when every document fails, and removes an old one', async () => {
    const out = path.join(dir, 'all-failed');
    const s = await batch(bad, out);
    expect([s.documents, s.failed, s.manifest, s.index]).toEqual([0, 2, null, null]);
    // Nothing written: no manifest of no records, and not the folder either.
    expect(existsSync(out)).toBe(false);
    // An index left in the folder from before goes (a folder with outputs gets its manifest).
    mkdirSync(path.join(out, 'release'), { recursive: true });
    writeFileSync(path.join(out, 'release/index.csv'), 'stale\n');
    const again = await batch(bad, out);
    expect([again.index, again.manifest?.records]).toEqual([null, 0]);
    expect(indexFiles(out)).toEqual([]);
  }, 60_000);

  it('keeps the index of a folder that still holds a document from an earlier run', async () => {
    const out = path.join(dir, 'earlier');
    const first = await batch([SAMPLE], out);
    expect(first.documents).toBe(1);
    expect(indexFiles(out)).toEqual(['index.csv', 'index.json']);
    const again = await batch(bad, out);
    expect([again.documents, again.failed, again.manifest?.records]).toEqual([0, 2, 1]);
    expect(again.index?.rows).toBe(first.index?.rows);
    expect(indexFiles(out)).toEqual(['index.csv', 'index.json']);
  }, 60_000);

  it('is the index the records alone give, for records written, found up to date and left by an earlier run', async () => {
    // The batch hands the index what it knows of the records it wrote or checked; the rest it reads.
    const out = path.join(dir, 'known');
    const [a, b, c, d] = ['08STATE79112', '08BERLIN173', '04OTTAWA3115', '89PANAMA8545'].map((n) => path.resolve(`samples/${n}.txt`));
    await batch([a!, b!], out);
    const second = await batch([c!, d!, a!], out);
    expect([second.documents, second.skipped, second.manifest?.records]).toEqual([3, 1, 4]);
    const read = (f: string): Buffer => readFileSync(path.join(out, 'release', f));
    const fromBatch = [read('index.csv'), read('index.json')];
    expect(second.index?.rows).toBeGreaterThan(10);
    const rebuilt = await writeVaughnIndex(out, { pdf: false });
    expect(rebuilt.rows).toBe(second.index?.rows);
    expect(read('index.csv').equals(fromBatch[0]!)).toBe(true);
    expect(read('index.json').equals(fromBatch[1]!)).toBe(true);
    expect(JSON.parse(fromBatch[1]!.toString('utf8')).documents).toBe(4);
  }, 60_000);

  it('is the index the records alone give for a release without a text file, under a case number', async () => {
    // Rows made while releasing (no release text: no subject or FROM/TO) are the rows read back.
    const out = path.join(dir, 'pdf-only');
    const files = ['08STATE79112', '08BERLIN173', '04OTTAWA3115'].map((n) => path.resolve(`samples/${n}.txt`));
    const s = await batch(files, out, { formats: ['pdf'], case: { number: 'F-2026-00001' } });
    expect(s.documents).toBe(3);
    const read = (f: string): Buffer => readFileSync(path.join(out, 'release', f));
    const fromBatch = [read('index.csv'), read('index.json'), read('index.pdf')];
    expect(JSON.parse(fromBatch[1]!.toString('utf8')).rows[0].docNumber).toMatch(/^C0+1$/);
    await writeVaughnIndex(out, { case: 'F-2026-00001' });
    expect([read('index.csv'), read('index.json'), read('index.pdf')].map((b, i) => b.equals(fromBatch[i]!))).toEqual([true, true, true]);
    // The release PDFs written leak nothing (read by pdftotext, or pdf.js without it).
    const originals = new Map(files.map((f) => [path.basename(f, '.txt'), f]));
    expect(await expectNoLeaksInFolder(out, originals, await resolveProfile('public'), '2010-12-01')).toBe(3);
  }, 60_000);
});
