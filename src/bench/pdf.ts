/**
 * The PDF section of `npm run bench`: born-digital PDFs (../shared/corpus/pdf) released by declass
 * (read the text layer, decide with `public` as of 2026-12-01, remove the withheld glyphs, verify
 * with pdf.js, write the release PDF and the audit record, through the batch runner of `declass
 * release`) and by the MuPDF.js peer that applies true redactions to the same PDFs
 * (../shared/bench/peer-mupdf-pdf.sh: its own reading, redaction and full save), side by side in
 * one run: documents per second and peak RSS, each in a process of its own under GNU time. After
 * the timed runs (not in the figures), the peer's outputs go through declass's own verifier
 * (./peer-leaks.ts): how many still show withheld text, whether the verifier catches every one,
 * and where the peer withheld what declass releases.
 *
 * `node dist/bench/pdf.js [--pdf-corpus DIR] [--pdf-limit N] [--no-peer] [--no-peer-check]`; `run.js` runs it after the
 * cable sections (`--pdf-only` runs only this, `--no-pdf` leaves it out).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultJobs } from '../batch/executor.js';
import { runReleaseBatch } from '../batch/run.js';
import { tuneJit } from '../node/jit.js';
import { resolveProfile } from '../node/profiles.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../node/read.js';
import { isMainModule, pathExists } from '../node/system.js';
import { collectInputs } from '../node/walk.js';
import { comparePeerLeaks, formatPeerLeaks, type PeerLeakFigures } from './peer-leaks.js';
import { scratchFolder } from './scratch.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PDF_CORPUS = path.resolve(REPO, '../shared/corpus/pdf');
const PEER = path.resolve(REPO, '../shared/bench/peer-mupdf-pdf.sh');
const AS_OF = '2026-12-01';

/** One side of the comparison. */
export interface PdfSide {
  readonly name: string;
  readonly docs: number;
  readonly failed: number;
  readonly seconds: number;
  readonly docsPerSecond: number;
  readonly cpuSeconds: number | null;
  readonly peakRssMb: number | null;
  readonly note?: string;
}

interface PdfOptions {
  readonly corpus: string;
  readonly limit: number | undefined;
  readonly peer: boolean;
  /** Run declass's checks on the peer's outputs after the timed runs (off with --no-peer-check). */
  readonly peerCheck: boolean;
  readonly child: boolean;
}

const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

/** Runs `cmd` under GNU time -v; returns its stdout, exit code and GNU time's figures. */
function timed(cmd: string, args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string; cpu: number | null; rss: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-v', cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolve({ code, stdout, stderr, cpu: user && sys ? round(Number(user[1]) + Number(sys[1])) : null, rss: rss ? round(Number(rss[1]) / 1024) : null });
    });
  });
}

/** declass over the PDFs, in this process: release PDF and audit record, through the batch runner. */
async function declassSide(files: readonly string[]): Promise<Omit<PdfSide, 'cpuSeconds' | 'peakRssMb'>> {
  tuneJit(files.length); // as `declass release` does (src/cli/commands/release.ts)
  const scratch = await scratchFolder('declass-bench-pdf-');
  const out = scratch.dir;
  try {
    const { summary } = await runReleaseBatch(
      { files, out, profile: await resolveProfile('public'), profileRef: 'public', overrides: null, overridesFile: null, asOf: AS_OF, formats: ['pdf'], pageSize: 'letter', force: true, jobs: defaultJobs(files.length, files.length), maxInputBytes: DEFAULT_MAX_INPUT_BYTES, crossCheck: false, cwd: process.cwd() },
      {},
    );
    return { name: `declass release --formats pdf (${summary.threads} worker thread(s))`, docs: summary.documents, failed: summary.failed, seconds: round(summary.seconds, 2), docsPerSecond: round(summary.documents / summary.seconds) };
  } finally {
    await scratch.done();
  }
}

/**
 * The peer over the same PDFs, in its own process; then, when `compare` is given and the peer ran,
 * its outputs through declass's checks (./peer-leaks.ts), after the timed run.
 */
async function peerSide(files: readonly string[], compare: boolean): Promise<{ side: PdfSide; leaks: PeerLeakFigures | null }> {
  if (!(await pathExists(PEER))) return { side: { name: 'MuPDF.js peer', docs: 0, failed: 0, seconds: 0, docsPerSecond: 0, cpuSeconds: null, peakRssMb: null, note: `not found: ${PEER}` }, leaks: null };
  const scratch = await scratchFolder('declass-bench-pdf-peer-');
  const out = scratch.dir;
  try {
    // Installs mupdf once (not timed), then the timed run.
    await timed('bash', [PEER, out, files[0]!]);
    const r = await timed('bash', [PEER, out, ...files]);
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.code !== 0 || !line.startsWith('{')) return { side: { name: 'MuPDF.js peer', docs: 0, failed: 0, seconds: 0, docsPerSecond: 0, cpuSeconds: null, peakRssMb: null, note: `failed: ${r.stderr.split('\n')[0]}` }, leaks: null };
    const f = JSON.parse(line) as { docs: number; failed: number; seconds: number; docsPerSecond: number };
    const side: PdfSide = { name: 'MuPDF.js peer (reads, redacts, saves)', docs: f.docs, failed: f.failed, seconds: f.seconds, docsPerSecond: f.docsPerSecond, cpuSeconds: r.cpu, peakRssMb: r.rss };
    if (!compare) return { side, leaks: null };
    process.stderr.write(`declass bench (PDF): checking the peer's ${files.length} output(s) with declass's verifier (not timed)\n`);
    const tty = process.stderr.isTTY;
    const leaks = await comparePeerLeaks(files, out, await resolveProfile('public'), AS_OF, (done) => {
      if (tty && (done % 10 === 0 || done === files.length)) process.stderr.write(`\r  ${done}/${files.length}`);
    });
    if (tty) process.stderr.write('\n');
    return { side, leaks };
  } finally {
    await scratch.done();
  }
}

async function pdfFiles(opts: PdfOptions): Promise<string[]> {
  const { files } = await collectInputs([opts.corpus]);
  const pdfs = files.filter((f) => f.toLowerCase().endsWith('.pdf'));
  return opts.limit === undefined ? pdfs : pdfs.slice(0, opts.limit);
}

/** Both sides, each in a process of its own; prints a table and one JSON line. */
export async function runPdfBench(argv: readonly string[]): Promise<void> {
  const opts = pdfOptions(argv);
  const files = await pdfFiles(opts);
  if (opts.child) {
    process.stdout.write(`${JSON.stringify(await declassSide(files))}\n`);
    return;
  }
  if (files.length === 0) {
    process.stdout.write(`\nPDF section: no PDFs in ${opts.corpus}; skipped\n`);
    return;
  }
  process.stderr.write(`declass bench (PDF): ${files.length} PDFs from ${opts.corpus}\n`);
  const self = fileURLToPath(import.meta.url);
  const r = await timed(process.execPath, [self, '--pdf-child', '--pdf-corpus', opts.corpus, ...(opts.limit !== undefined ? ['--pdf-limit', String(opts.limit)] : [])]);
  if (r.code !== 0) throw new Error(`PDF section exited with ${r.code}: ${r.stderr.split('\n').slice(0, 3).join(' ')}`);
  const ours: PdfSide = { ...(JSON.parse(r.stdout.trim().split('\n').pop()!) as PdfSide), cpuSeconds: r.cpu, peakRssMb: r.rss };
  const peerRun = opts.peer ? await peerSide(files, opts.peerCheck) : null;
  const peer = peerRun?.side ?? null;
  const peerLeaks = peerRun?.leaks ?? null;
  const rows = [ours, ...(peer ? [peer] : [])].map((s) => [s.name, String(s.docs), String(s.failed), s.seconds.toFixed(1), s.docsPerSecond.toFixed(1), s.cpuSeconds === null ? '-' : s.cpuSeconds.toFixed(1), s.peakRssMb === null ? '-' : s.peakRssMb.toFixed(0), s.note ?? '']);
  const head = ['PDF input', 'docs', 'failed', 'seconds', 'docs/s', 'CPU s', 'peak RSS MB', ''];
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((x) => x[i]!.length)));
  const fmt = (x: string[]) => x.map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const ratio = peer && peer.docsPerSecond > 0 ? `; declass/peer docs/s: ${round(ours.docsPerSecond / peer.docsPerSecond, 2)}×` : '';
  process.stdout.write(['', `PDF section: ${files.length} PDFs, profile public as of ${AS_OF}, load ${os.loadavg().map((x) => round(x, 2)).join(' ')}${ratio}`, fmt(head), ...rows.map(fmt), ...(peerLeaks ? [formatPeerLeaks(peerLeaks)] : []), ''].join('\n'));
  process.stdout.write(`${JSON.stringify({ bench: 'declass-pdf', files: files.length, declass: ours, peer, peerLeaks })}\n`);
}

/** `argv` without the PDF section's own options (so the cable sections' parser does not see them). */
export function withoutPdfArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--pdf-corpus' || a === '--pdf-limit') i++;
    else if (!['--pdf-only', '--no-pdf', '--pdf-child', '--no-peer-check'].includes(a) && !/^--pdf-(?:corpus|limit)=/.test(a)) out.push(a);
  }
  return out;
}

function pdfOptions(argv: readonly string[]): PdfOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { 'pdf-corpus': { type: 'string' }, 'pdf-limit': { type: 'string' }, 'no-peer': { type: 'boolean' }, 'no-peer-check': { type: 'boolean' }, quick: { type: 'boolean' }, peer: { type: 'boolean' }, 'pdf-child': { type: 'boolean' } },
    strict: false,
  });
  const limit = typeof values['pdf-limit'] === 'string' ? Number(values['pdf-limit']) : values.quick ? 100 : undefined;
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error(`--pdf-limit expects a positive whole number`);
  const noPeer = values['no-peer'] === true || (values.quick === true && values.peer !== true);
  return { corpus: typeof values['pdf-corpus'] === 'string' ? path.resolve(values['pdf-corpus']) : PDF_CORPUS, limit, peer: !noPeer, peerCheck: values['no-peer-check'] !== true, child: values['pdf-child'] === true };
}

if (isMainModule(import.meta.url)) {
  runPdfBench(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`bench (PDF): ${(error as Error).message}\n`);
    process.exit(1);
  });
}
