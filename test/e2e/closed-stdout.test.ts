/**
 * A reader of the report that stops early (`declass release … | head -1`): a command that writes
 * files finishes them (every document, the manifest, the Vaughn index) with the rest of its report
 * dropped and one note on standard error, and exits with the code its work gives; a reading command
 * ends at the closed pipe, as before. The release made so is the release made with the whole report
 * read, byte for byte, and audit passes it. A folder whose manifest lists no index (release
 * --no-index, or no manifest at all) has its index check skipped, not passed.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { BIN, REPO, runBin, tmp } from '../helpers/bin.js';
import { hasPdftotext, pdftotext } from '../helpers/pdf-text.js';
import { PRODUCERS } from '../helpers/producers.js';

const AS_OF = '2015-01-01';
const SAMPLE = 'samples/MEMO-FIELD-OFFICES.txt';

interface ClosedRun {
  readonly code: number | null;
  readonly stderr: string;
  /** What was read of standard output before it was closed. */
  readonly read: string;
}

/** `declass ARGS` with its standard output closed by the reader after the first chunk (as `| head -1` does). */
function runClosingStdout(args: readonly string[]): Promise<ClosedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let read = '';
    let stderr = '';
    child.stdout.once('data', (chunk: Buffer) => {
      read = chunk.toString('utf8');
      child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, read }));
  });
}

/** Every file under `dir` by relative path, with its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const sub of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(dir, sub);
    if (statSync(full).isFile()) out.set(sub, readFileSync(full));
  }
  return out;
}

function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]/gu, ' ').split(/\s+/).filter(Boolean);
}

describe('a standard output closed early', () => {
  const dir = tmp('closed-stdout');
  const input = path.join(dir, 'in');
  beforeAll(async () => {
    mkdirSync(input, { recursive: true });
    for (const name of readdirSync(path.join(REPO, 'samples')).filter((n) => /\.(txt|md)$/.test(n))) copyFileSync(path.join(REPO, 'samples', name), path.join(input, name));
    if (hasPdftotext()) writeFileSync(path.join(input, 'memo.pdf'), await PRODUCERS[0]!.make(readFileSync(path.join(REPO, SAMPLE), 'utf8')));
  });

  it('release finishes every document, the manifest and the index, says so on standard error, and writes what a whole run writes', async () => {
    const closedOut = path.join(dir, 'closed');
    const wholeOut = path.join(dir, 'whole');
    const closed = await runClosingStdout(['release', input, '-p', 'public', '--as-of', AS_OF, '-o', closedOut, '-j', '1']);
    const whole = runBin(['release', input, '-p', 'public', '--as-of', AS_OF, '-o', wholeOut, '-j', '1']);
    expect(whole.stdout.length).toBeGreaterThan(closed.read.length);
    expect(closed.code).toBe(whole.code);
    expect(closed.stderr).toMatch(/^declass: standard output was closed before the end of the report; the rest of it is dropped, and the files are still written$/m);
    expect(existsSync(path.join(closedOut, 'review', 'manifest.json'))).toBe(true);
    expect(existsSync(path.join(closedOut, 'release', 'index.json'))).toBe(true);
    const got = filesOf(closedOut);
    const want = filesOf(wholeOut);
    expect([...got.keys()]).toEqual([...want.keys()]);
    for (const [file, bytes] of want) expect(got.get(file)!.equals(bytes), file).toBe(true);
    const audit = runBin(['audit', closedOut, '--originals', input]);
    expect(audit.stdout).toMatch(/audit passed/);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/^pass {4}index /m);
    if (hasPdftotext()) {
      // The release PDF, read back by poppler: no word of the memo's withheld portions alone.
      const profile = loadProfile(readFileSync(path.join(REPO, 'rules/public.yaml'), 'utf8'), 'rules/public.yaml');
      const plan = planRelease(readDocument(readFileSync(path.join(REPO, SAMPLE), 'utf8')).doc, profile, { asOf: AS_OF, stem: 'memo' });
      const shown = new Set(words(plan.visible));
      const secret = new Set(plan.withheld.flatMap((w) => words(w.text)).filter((w) => !shown.has(w)));
      expect(secret.size).toBeGreaterThan(5);
      expect(words(pdftotext(got.get(path.join('release', 'memo.pdf'))!)!).filter((w) => secret.has(w))).toEqual([]);
    }
  }, 120_000);

  it('index writes its files; parse ends at the closed pipe with no note', async () => {
    const out = path.join(dir, 'for-index');
    expect(runBin(['release', input, '-p', 'public', '--as-of', AS_OF, '-o', out, '--formats', 'text', '-q', '--no-index']).code).toBe(0);
    const noIndex = runBin(['audit', out]);
    expect(noIndex.code).toBe(0);
    expect(noIndex.stdout).toMatch(/^skipped index .*\[not checked: the manifest lists none \(release --no-index\)\]$/m);
    const index = await runClosingStdout(['index', out, '--format', 'csv,json']);
    expect(index.code).toBe(0);
    expect(readdirSync(path.join(out, 'release')).filter((n) => n.startsWith('index.')).sort()).toEqual(['index.csv', 'index.json']);
    expect(runBin(['audit', out]).stdout).toMatch(/^pass {4}index /m);
    const parse = await runClosingStdout(['parse', input]);
    expect(parse.code).toBe(0);
    expect(parse.stderr).not.toMatch(/standard output was closed/);
  }, 120_000);

  it('audit says the index was not checked when there is no manifest', () => {
    const out = path.join(dir, 'no-manifest');
    expect(runBin(['release', input, '-p', 'public', '--as-of', AS_OF, '-o', out, '--formats', 'text', '-q']).code).toBe(0);
    const bare = path.join(dir, 'no-manifest-copy');
    cpSync(out, bare, { recursive: true });
    rmSync(path.join(bare, 'review', 'manifest.json'));
    for (const n of readdirSync(path.join(bare, 'release')).filter((x) => x.startsWith('index.'))) rmSync(path.join(bare, 'release', n));
    const audit = runBin(['audit', bare]);
    expect(audit.code).toBe(1);
    expect(audit.stdout).toMatch(/^skipped index .*\[not checked: no manifest lists one\]$/m);
  });
});
