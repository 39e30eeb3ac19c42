/**
 * A PDF input pending review (issue 12 for PDF inputs): its release PDF — the original redacted —
 * goes to pending/ with `PENDING REVIEW - NOT FOR RELEASE` on every page, as pdftotext (page by
 * page, `-f N -l N`) and pdf.js read it; a final document's release PDF has its release banner
 * and disposition there instead; the leak checks hold for both. The inputs are sample documents made into PDFs by pdf-lib
 * (test/helpers/producers.ts), each on two pages, so the test needs neither the corpus nor ../shared:
 * NEWSLETTER-REGIONAL-CENTER is pending under `public` as of 2015-01-01 (FOUO portions),
 * MEMO-FIELD-OFFICES is final (released in part).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkTextAuthorities } from '../../src/audit/verify.js';
import { sha256Hex } from '../../src/hash.js';
import { readPdfText, verifyRedaction } from '../../src/pdf/index.js';
import { releaseDocument, type ReleaseResult } from '../../src/release/index.js';
import { declassifiedMarks, planRegions, readPdfInput } from '../../src/release/pdf.js';
import { loadProfile } from '../../src/rules/load.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { PRODUCERS } from '../helpers/producers.js';
import { pageOps } from '../pdf/helpers/check.js';

const STAMP = 'PENDING REVIEW - NOT FOR RELEASE';
const AS_OF = '2015-01-01';
const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
const pdfLib = PRODUCERS.find((p) => p.name.startsWith('pdf-lib'))!;

function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]/gu, ' ').split(/\s+/).filter(Boolean);
}
function shingles(text: string, n = 8): string[] {
  const w = words(text);
  return w.slice(0, Math.max(0, w.length - n + 1)).map((_, i) => w.slice(i, i + n).join(' '));
}

interface Case {
  readonly input: Uint8Array;
  readonly result: ReleaseResult;
  readonly pdf: Uint8Array;
  readonly path: string;
}

/**
 * The sample's text on two pages: cut before its first TS portion, with the page banner (the
 * first two lines) repeated at the foot of the first page and the head of the second.
 */
function twoPages(text: string): string {
  const lines = text.split('\n');
  const banner = lines.slice(0, 2).join('\n');
  const cut = lines.findIndex((l) => l.startsWith('(TS'));
  return `${lines.slice(0, cut).join('\n')}\n\n${banner}\n\f${banner}\n\n${lines.slice(cut).join('\n')}`;
}

async function release(sample: string): Promise<Case> {
  const input = await pdfLib.make(twoPages(readFileSync(sample, 'utf8')));
  const read = await readPdfInput(input);
  if (!read.ok) throw new Error(read.message);
  const result = await releaseDocument({ doc: read.doc, reader: read.reader, profile, asOf: AS_OF, stem: 'doc', input: { path: 'doc.pdf', sha256: sha256Hex(input) }, pdf: { bytes: input, layout: read.layout } });
  const file = result.files.find((f) => f.kind === 'pdf')!;
  return { input, result, pdf: file.bytes, path: file.path };
}

/** Each page's text by pdf.js, runs joined by spaces. */
async function pdfjsPages(bytes: Uint8Array): Promise<string[]> {
  return (await readPdfText(bytes)).pages.map((runs) => runs.map((r) => r.str).join(' '));
}

/** Each page's text by pdftotext, one call per page (`-f N -l N`), or null without poppler. */
function popplerPages(bytes: Uint8Array, pages: number): string[] | null {
  if (pdftotext(bytes) === null) return null;
  return Array.from({ length: pages }, (_, i) => pdftotext(bytes, ['-f', String(i + 1), '-l', String(i + 1)])!);
}

/** The release text (what the release shows anyway). */
function releaseText(c: Case): string {
  return new TextDecoder().decode(c.result.files.find((f) => f.kind === 'text')!.bytes);
}

/** No 8-word run of withheld text (other than one the release shows anyway) in either reader. */
async function expectNoLeak(c: Case): Promise<void> {
  const allowed = new Set(shingles(releaseText(c)));
  const withheld = c.result.plan.decisions.filter((d) => d.action === 'withhold').map((d) => c.result.plan.document.source.slice(d.span.start, d.span.end));
  expect(withheld.length).toBeGreaterThan(0);
  const reads = [(await pdfjsPages(c.pdf)).join('\n'), pdftotext(c.pdf)].filter((t): t is string => t !== null);
  for (const text of reads) {
    const runs = new Set(shingles(text));
    expect(withheld.flatMap((w) => shingles(w)).filter((s) => runs.has(s) && !allowed.has(s))).toEqual([]);
  }
}

describe('release of a PDF input pending review', () => {
  let pending: Case;
  let final: Case;
  beforeAll(async () => {
    pending = await release('samples/NEWSLETTER-REGIONAL-CENTER.txt');
    final = await release('samples/MEMO-FIELD-OFFICES.txt');
  }, 120_000);

  it('goes to pending/ with the stamp on every page (pdftotext page by page, pdf.js)', async () => {
    expect(pending.result.plan.disposition.kind).toBe('pending-review');
    expect(pending.path).toBe('pending/doc.pdf');
    const js = await pdfjsPages(pending.pdf);
    expect(js.length).toBeGreaterThan(1);
    for (const page of js) expect(page).toContain(STAMP);
    const pop = popplerPages(pending.pdf, js.length);
    if (pop !== null) for (const page of pop) expect(page).toContain(STAMP);
  });

  it('a final document has its release banner and disposition on every page, no pending stamp', async () => {
    expect(final.result.plan.disposition.kind).toBe('release-in-part');
    expect(final.path).toBe('release/doc.pdf');
    const line = `UNCLASSIFIED - ${final.result.plan.disposition.stamp}`;
    expect(line).toMatch(/^UNCLASSIFIED - RELEASE IN PART B1/);
    const js = await pdfjsPages(final.pdf);
    expect(js.length).toBeGreaterThan(1);
    for (const page of js) {
      expect(page).not.toMatch(/PENDING REVIEW/);
      expect(page).toContain(line);
    }
    const pop = popplerPages(final.pdf, js.length);
    if (pop !== null) for (const page of pop) expect(page.replace(/\s+/g, ' ')).toContain(line);
  });

  it('a declassified portion: its text released, its mark lined through where it stands', async () => {
    const read = await readPdfInput(pending.input);
    if (!read.ok) throw new Error(read.message);
    // NEWSLETTER-REGIONAL-CENTER: DECLASSIFY ON: 20320108.
    const result = await releaseDocument({ doc: read.doc, reader: read.reader, profile, asOf: '2035-01-01', stem: 'doc', input: { path: 'doc.pdf', sha256: sha256Hex(pending.input) }, pdf: { bytes: pending.input, layout: read.layout } });
    const declassified = result.plan.decisions.filter((d) => d.declassified);
    expect(declassified.length).toBeGreaterThan(0);
    const marks = declassifiedMarks(result.plan, read.layout);
    expect(marks.length).toBeGreaterThanOrEqual(declassified.length);
    const pdf = result.files.find((f) => f.kind === 'pdf')!.bytes;
    for (const { page, rect } of marks) {
      const ops = await pageOps(pdf, page);
      const near = (a: unknown, b: number) => Math.abs((a as number) - b) < 0.01;
      const y = (o: { operands: unknown[] }) => o.operands[1] as number;
      const at = ops.findIndex((o, i) => o.op === 'm' && near(o.operands[0], rect[0]) && y(o) > rect[1] && y(o) < rect[3] && ops[i + 1]?.op === 'l' && near(ops[i + 1]!.operands[0], rect[2]));
      expect(at, `a stroke across the mark at ${rect.join(' ')}`).toBeGreaterThan(-1);
    }
    await expectNoLeak({ input: pending.input, result, pdf, path: 'release/doc.pdf' });
  });

  it('a PDF input denied in full: its pages redacted, stamped DENIED IN FULL, and its text, with placeholders, passes the audit', async () => {
    const denyAll = loadProfile('id: deny-all\ndescription: withhold everything\naudience: { id: X, description: nobody }\nbanner: rollup\nrules:\n  - id: all\n    when: {}\n    action: withhold\n    authority: [B1]\n    reason: Withheld because everything is.\n', 'deny-all.yaml');
    const read = await readPdfInput(final.input);
    if (!read.ok) throw new Error(read.message);
    const result = await releaseDocument({ doc: read.doc, reader: read.reader, profile: denyAll, asOf: AS_OF, stem: 'doc', input: { path: 'doc.pdf', sha256: sha256Hex(final.input) }, pdf: { bytes: final.input, layout: read.layout } });
    expect(result.plan.disposition.kind).toBe('denied-in-full');
    const pdf = result.files.find((f) => f.kind === 'pdf')!.bytes;
    for (const page of await pdfjsPages(pdf)) expect(page).toContain('DENIED IN FULL B1');
    const text = new TextDecoder().decode(result.files.find((f) => f.kind === 'text')!.bytes);
    expect(text).toContain('[WITHHELD: B1]');
    // The audit read a denied PDF input as a text denial ([DENIED IN FULL: …]) and failed it.
    expect(checkTextAuthorities('release/doc.txt', text, 'doc', result.audit)).toEqual([]);
  });

  it('the leak checks still pass: the verifier on the stamped file, and no withheld 8-word run by either reader', async () => {
    for (const c of [pending, final]) {
      const read = await readPdfInput(c.input);
      if (!read.ok) throw new Error(read.message);
      const { regions } = planRegions(c.result.plan, read.layout);
      expect(regions.length).toBeGreaterThan(0);
      const withheld = c.result.plan.decisions.filter((d) => d.action === 'withhold').map((d) => c.result.plan.document.source.slice(d.span.start, d.span.end));
      const check = await verifyRedaction(c.input, c.pdf, regions, withheld, { releasedTexts: [releaseText(c)] });
      expect(check.charsInRegions).toEqual([]);
      expect(check.leaks).toEqual([]);
      expect(check.ok).toBe(true);
      await expectNoLeak(c);
    }
  });

  it('the review PDF: the pages of the original, then the summary numbered as pages of the same file', async () => {
    for (const c of [pending, final]) {
      const review = c.result.files.find((f) => f.kind === 'review')!;
      const inputPages = (await readPdfText(c.input)).pages.length;
      const js = await pdfjsPages(review.bytes);
      // Only the summary follows the original (no empty page of text was laid out and dropped).
      expect(js.length).toBe(inputPages + 1);
      expect(js.slice(0, inputPages).join(' ')).not.toMatch(/Page \d+ of \d+/);
      const summary = js[inputPages]!.replace(/\s+/g, ' ');
      expect(summary).toContain('RELEASE REVIEW');
      expect(summary).toContain(`Page ${inputPages + 1} of ${js.length}`);
      // It says where the marked original is (before it), not what the review of a text input has.
      expect(summary).toContain('The pages before this summary are the original PDF');
      expect(summary).not.toContain('The text below is the whole original');
      const pop = popplerPages(review.bytes, js.length);
      if (pop !== null) expect(pop[inputPages]).toContain(`Page ${inputPages + 1} of ${js.length}`);
    }
  });

  it('is byte-identical on a second run', async () => {
    const again = await release('samples/NEWSLETTER-REGIONAL-CENTER.txt');
    expect(sha256Hex(again.pdf)).toBe(sha256Hex(pending.pdf));
  });
});
