/**
 * The benchmark's plumbing, not its speed: the text-only section over 20 cables counts every
 * document and cleans up after itself, and the page count it reads from PDF bytes agrees with
 * what the renderers report. Nothing here asserts a time.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { countPdfPages, listCables, runPipeline } from '../../src/bench/run.js';
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
