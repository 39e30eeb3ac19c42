/**
 * The benchmark's plumbing, not its speed: the text-only section over 20 cables counts every
 * document and cleans up after itself, and the page count it reads from PDF bytes agrees with
 * what the renderers report. Nothing here asserts a time.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { countPdfPages, goalLines, listCables, runPipeline, type PipelineFigures, type StartupFigures } from '../../src/bench/run.js';
import { defaultJobs, isPdfPath, PDF_POOL_MIN_DOCUMENTS, POOL_MIN_DOCUMENTS } from '../../src/batch/defaults.js';
import { readCable } from '../../src/node/read.js';
import { resolveProfile } from '../../src/node/profiles.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { applyEdits, buildEdits } from '../../src/engine/edits.js';
import { renderReleasePdf, renderReviewPdf } from '../../src/render/pdf/index.js';
import { toReleaseView, toReviewView } from '../../src/render/view.js';
import { CORPUS_CABLES, HAS_CORPUS } from '../helpers/corpus.js';

const CORPUS = CORPUS_CABLES;
const benchDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith('declass-bench-c-'));

describe.skipIf(!HAS_CORPUS)('bench', () => {
  it('runs the text-only section over 20 cables and leaves no outputs behind', async () => {
    const before = benchDirs();
    const files = await listCables(CORPUS, 20);
    const f = await runPipeline({ section: 'c', files, formats: ['text', 'diff'] });
    expect(f.docs).toBe(20);
    expect(f.failed).toBe(0);
    expect(f.outputFiles).toBe(60); // text, diff and audit per document
    expect(f.pages).toBe(0);
    expect(f.docsPerSecond).toBeGreaterThan(0);
    expect(f.peakRssMb).toBeGreaterThan(0);
    expect(benchDirs()).toEqual(before);
  });

  it('replays the corpus with distinct stems for a scaling run', async () => {
    const files = await listCables(CORPUS, 3);
    const f = await runPipeline({ section: 'c', files, formats: ['text'], total: 7 });
    expect(f.docs).toBe(7);
    expect(f.outputFiles).toBe(14); // text and audit per document
    expect(f.peakRssMbAfterFirstPass).toBeGreaterThan(0);
  });

  it('counts PDF pages from the bytes as the renderers do', async () => {
    const profile = await resolveProfile('public');
    for (const file of await listCables(CORPUS, 5)) {
      const read = await readCable(file);
      if (!read.ok) throw new Error(read.message);
      const plan = evaluate(read.doc, profile, { asOf: '2010-12-01', overrides: null, fallbackRef: 'X' });
      const pieces = applyEdits(read.doc.source, buildEdits(plan));
      const release = await renderReleasePdf(toReleaseView(pieces, plan, 'X'), { pageSize: 'letter' });
      const review = await renderReviewPdf(toReviewView(plan, 'X'), { pageSize: 'letter' });
      expect(countPdfPages(release.bytes)).toBe(release.pages);
      expect(countPdfPages(review.bytes)).toBe(review.pages);
    }
  });
});

describe('goals of issue 18', () => {
  const pipeline = (docsPerSecond: number, peakRssMb = 200): PipelineFigures => ({
    section: 'x', formats: '', docs: 600, failed: 0, threads: 1, inputBytes: 1, outputFiles: 1, outputBytes: 1, pages: 1, seconds: 1, docsPerSecond, pagesPerSecond: 1, mbPerSecond: 1, peakRssMb, index: null, crossSeconds: null,
  });
  const peer = { available: true, docs: 600, pages: 1, inputBytes: 1, seconds: 1, wallSeconds: 1, setupSeconds: 1, docsPerSecond: 35, pagesPerSecond: 1, mbPerSecond: 1, peakRssMb: 1, processes: 1 } as const;
  const startup = (versionMs: number, batchMs: number): StartupFigures => ({ section: 'e', versionMs, helpMs: versionMs, batchMs, batchDocs: 17, batchFailed: false });

  it('prints one met / NOT met line per goal, with the figure', () => {
    const met = goalLines(pipeline(400), peer, pipeline(700), pipeline(900, 250), startup(90, 800), { allOutputsSeconds: 700 });
    expect(met).toHaveLength(6);
    expect(met.every((l) => l.trimStart().startsWith('met'))).toBe(true);
    const missed = goalLines(pipeline(300), peer, pipeline(500), pipeline(900, 320), startup(200, 1200), { allOutputsSeconds: 1000 });
    expect(missed.every((l) => l.includes('NOT met'))).toBe(true);
    expect(missed[0]).toMatch(/all outputs >= 10x the peer's docs\/s .*: 8\.57x/);
    expect(missed[2]).toMatch(/--version and --help < 150 ms: 200 ms and 200 ms/);
  });
});

describe('defaultJobs', () => {
  // [documents, of them PDFs, cores, jobs]
  it.each([
    [17, 0, 2, 1],
    [POOL_MIN_DOCUMENTS - 1, 0, 2, 1],
    [POOL_MIN_DOCUMENTS, 0, 2, 2],
    [POOL_MIN_DOCUMENTS, 0, 1, 1],
    [20_000, 0, 8, 8],
    // Mostly PDF work: no pool on 2 cores, nor below PDF_POOL_MIN_DOCUMENTS.
    [1065, 1065, 2, 1],
    [PDF_POOL_MIN_DOCUMENTS - 1, PDF_POOL_MIN_DOCUMENTS - 1, 4, 1],
    [PDF_POOL_MIN_DOCUMENTS, PDF_POOL_MIN_DOCUMENTS, 4, 4],
    // 20 PDFs are about 600 cables' work: a batch of 600 cables and 20 PDFs is PDF work.
    [620, 20, 2, 1],
    [2000, 20, 2, 2],
  ])('%i documents, %i PDFs, %i cores: --jobs %i', (documents, pdfs, cores, jobs) => {
    expect(defaultJobs(documents, pdfs, cores)).toBe(jobs);
  });

  it('names PDFs by their extension, any case', () => {
    expect(['a.pdf', 'b.PDF', 'c.txt', 'd.pdf.txt'].filter(isPdfPath)).toEqual(['a.pdf', 'b.PDF']);
  });
});
