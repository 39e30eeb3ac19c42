/**
 * Benchmark of the PDF redaction engine against the MuPDF.js peer on the same PDFs, in one run
 * (issue 17): documents per second and peak RSS side by side. Not part of the default suite (no
 * timing is ever asserted): run it with
 *
 *     npm run build && DECLASS_PDF_BENCH=1 npx vitest run test/pdf/bench.test.ts
 *
 * (DECLASS_PDF_BENCH=all for every corpus file; a number N for every N-th.) Regions come from the
 * stand-in reader (pdf.js), found before the clock starts; the engine then runs in a child process
 * of its own (the compiled dist/pdf), so that its peak RSS is its own, and the peer script runs
 * under /usr/bin/time the same way. The peer also reads the text itself (MuPDF structured text),
 * so the engine's end-to-end figure adds the pdf.js reading time. Outputs go to /tmp/declass-pdf-bench.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findStandInRegions } from './helpers/stand-in.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/pdf');
const PEER = path.resolve(ROOT, '../shared/bench/peer-mupdf-pdf.sh');
const MODE = process.env.DECLASS_PDF_BENCH;
const OUT = '/tmp/declass-pdf-bench';

const ready = MODE !== undefined && existsSync(CORPUS);
if (!ready) console.warn('skipping the PDF benchmark: set DECLASS_PDF_BENCH=1 (and have ../shared/corpus/pdf)');

/** CPU seconds (user + system) from GNU time's -v output: steadier than wall time on a shared machine. */
function cpuSeconds(stderr: string): number | null {
  const u = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const s = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  return u && s ? +(Number(u[1]) + Number(s[1])).toFixed(2) : null;
}

/** Peak RSS in MB from GNU time's -v output. */
function maxRssMb(stderr: string): number | null {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return m ? Math.round(Number(m[1]) / 1024) : null;
}

const CHILD = `
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
const [dist, jobsFile, outDir] = process.argv.slice(2);
const { redactPdf } = await import(path.join(dist, 'pdf/index.js'));
const jobs = JSON.parse(readFileSync(jobsFile, 'utf8'));
const t0 = performance.now();
let failed = 0;
for (const j of jobs) {
  try {
    const r = await redactPdf(new Uint8Array(readFileSync(j.file)), j.regions, { title: 'Release' });
    writeFileSync(path.join(outDir, path.basename(j.file)), r.bytes);
  } catch (e) { failed++; console.error(j.file + ': ' + e.message); }
}
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ docs: jobs.length, failed, seconds: +seconds.toFixed(3), docsPerSecond: +(jobs.length / seconds).toFixed(1) }));
`;

describe.skipIf(!ready)('PDF redaction benchmark against MuPDF.js', () => {
  it('redacts the same PDFs as the peer and reports docs/s and peak RSS', async () => {
    const dist = path.join(ROOT, 'dist');
    if (!existsSync(path.join(dist, 'pdf/index.js'))) throw new Error('run `npm run build` first: the benchmark runs the compiled engine');
    const all = readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).sort();
    const step = MODE === 'all' ? 1 : Number(MODE) > 1 ? Number(MODE) : 10;
    const files = all.filter((_, i) => i % step === 0).map((f) => path.join(CORPUS, f));
    mkdirSync(path.join(OUT, 'ours'), { recursive: true });
    mkdirSync(path.join(OUT, 'peer'), { recursive: true });

    const t0 = performance.now();
    const jobs = [];
    for (const file of files) jobs.push({ file, regions: (await findStandInRegions(new Uint8Array(readFileSync(file)))).regions });
    const readSeconds = (performance.now() - t0) / 1000;
    writeFileSync(path.join(OUT, 'jobs.json'), JSON.stringify(jobs));
    writeFileSync(path.join(OUT, 'child.mjs'), CHILD);

    const ours = spawnSync('/usr/bin/time', ['-v', process.execPath, path.join(OUT, 'child.mjs'), dist, path.join(OUT, 'jobs.json'), path.join(OUT, 'ours')], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(ours.status, ours.stderr).toBe(0);
    const oursResult = JSON.parse(ours.stdout.trim().split('\n').pop()!) as { docs: number; failed: number; seconds: number; docsPerSecond: number };
    expect(oursResult.failed).toBe(0);
    expect(readdirSync(path.join(OUT, 'ours'))).toHaveLength(new Set(files.map((f) => path.basename(f))).size);

    const peer = spawnSync('/usr/bin/time', ['-v', 'bash', PEER, path.join(OUT, 'peer'), ...files], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, PEER_DIR: '/tmp/declass-peer' } });
    const peerResult = peer.status === 0 ? (JSON.parse(peer.stdout.trim().split('\n').pop()!) as { docs: number; seconds: number; docsPerSecond: number; failed: number }) : null;

    const summary = {
      docs: files.length,
      ours: { redactDocsPerSecond: oursResult.docsPerSecond, endToEndDocsPerSecond: +(files.length / (oursResult.seconds + readSeconds)).toFixed(1), pdfjsReadSeconds: +readSeconds.toFixed(2), cpuSeconds: cpuSeconds(ours.stderr), peakRssMb: maxRssMb(ours.stderr) },
      peer: peerResult ? { docsPerSecond: peerResult.docsPerSecond, failed: peerResult.failed, cpuSeconds: cpuSeconds(peer.stderr), peakRssMb: maxRssMb(peer.stderr) } : { error: peer.stderr.slice(-300) },
    };
    console.log(`PDF bench: ${JSON.stringify(summary)}`);
    writeFileSync(path.join(OUT, 'summary.json'), JSON.stringify(summary, null, 2));
  });
});
