/**
 * Marks in forms the grammar does not read, inside (U) paragraphs of an UNCLASSIFIED memo, as a
 * PDF from each producer (test/helpers/producers.ts) reads them back: a bracketed `[S]` in the
 * middle of a line, a mark glued to the word before it, a label after a sentence end (a refilled
 * paragraph, as groff's filled text gave it: `… that day. S//NF The asset …`), a trailing mark
 * alone on the next line, a mark wrapped before its `)`; and marks written loosely (`SECRET The …`,
 * `S/NF The …`, `(S The …`, `[S//NF)`, `S//NF:` after a sentence end). Each paragraph is withheld pending
 * review (or raised by its mark), so none of its words is in the release PDF as poppler's
 * pdftotext or pdf.js reads it; the plain (U) paragraphs are.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sha256Hex } from '../../src/hash.js';
import { readPdfText } from '../../src/pdf/index.js';
import { releaseDocument } from '../../src/release/index.js';
import { readPdfInput } from '../../src/release/pdf.js';
import { loadProfile } from '../../src/rules/load.js';
import { hasPdftotext, pdftotext } from '../helpers/pdf-text.js';
import { PRODUCERS } from '../helpers/producers.js';

const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
const poppler = hasPdftotext();

/** The last (U) paragraph and the banner, which every release must keep. */
const CLOSING = ['(U) The secretary closed the meeting at noon.', '', 'UNCLASSIFIED', ''];

const MEMO = [
  'UNCLASSIFIED',
  '',
  'MEMORANDUM FOR THE RECORD',
  '',
  'SUBJECT: (U) Quarterly meeting',
  '',
  '(U) The quarterly meeting was held on Tuesday in the main hall; all members attended.',
  '',
  '(U) The chair opened the meeting, [S] the zuluone source reported the plan.',
  '',
  '(U) The route was discussed on Monday(S//NF) when the zulutwo asset called.',
  '',
  '(U) Travel was discussed at length that day. S//NF The zulutri asset confirmed it.',
  '',
  '(U) The budget was read out by the zulufour treasurer',
  '(S)',
  '',
  '(U) The members noted the report. (TS//SI//REL TO',
  'USA, FVEY) The zulufive station relayed it.',
  '',
  ...CLOSING,
].join('\n');
const SECRET_WORDS = ['zuluone', 'zulutwo', 'zulutri', 'zulufour', 'zulufive'];

/**
 * One-line paragraphs a blank line apart, as a memo typed line by line is: every gap the same, so
 * no gap says where a paragraph ends, and a line that runs to the right edge is taken to wrap
 * onto the next (src/pdf/layout/index.ts). A look-alike mark opening the next line must stop
 * that: joined, `<S> …` was read inside the (U) paragraph above and released (Chromium).
 */
const JOINED = [
  'UNCLASSIFIED',
  '',
  'SUBJECT: (U) Quarterly meeting',
  '',
  '(U) The quarterly meeting was held on Tuesday in the main hall, and all of the members attended it.',
  '<S> The zuluone source reported the plan.',
  '',
  '(U) The chair opened the meeting on Wednesday in the main hall, and the members read the minutes.',
  '',
  '{S} The zulutwo asset confirmed the route.',
  '',
  '(U) The route was discussed on Thursday in the small hall, and the members noted the schedule.',
  '',
  'S//NF) The zulutri station relayed the plan.',
  '',
  ...CLOSING,
].join('\n');
const JOINED_WORDS = ['zuluone', 'zulutwo', 'zulutri'];

/**
 * Marks written loosely where a mark belongs, or after a sentence end: a level spelled out before
 * a sentence, a level and a control joined by one slash, a mark that lost its `)`, brackets that
 * do not match, a label with a colon after a sentence end.
 */
const LOOSE = [
  'UNCLASSIFIED',
  '',
  'SUBJECT: (U) Quarterly meeting',
  '',
  '1. (U) The quarterly meeting was held on Tuesday in the main hall; all members attended.',
  '',
  '2. SECRET The zuluone source reported the plan to the committee.',
  '',
  '3. S/NF The zulutwo asset confirmed the route on Wednesday.',
  '',
  '4. (S The zulutri station relayed the plan to the embassy.',
  '',
  '5. (U) The members noted it. [S//NF) The zulufour source named the officials.',
  '',
  '6. (U) The members read the minutes. S//NF: The zulufive asset called again.',
  '',
  ...CLOSING,
].join('\n');

/**
 * `memo` made into a PDF by `make`, released for the public: the release PDF's text as pdftotext
 * and pdf.js read it, and the decisions that released a portion holding one of `words`.
 */
async function releaseOf(make: (text: string) => Promise<Uint8Array>, memo: string, words: readonly string[]) {
  const bytes = await make(memo);
  const read = await readPdfInput(bytes);
  if (!read.ok) throw new Error(read.message);
  const result = await releaseDocument({ doc: read.doc, reader: read.reader, profile, asOf: '2026-12-03', stem: 'memo', input: { path: 'memo.pdf', sha256: sha256Hex(bytes) }, pdf: { bytes, layout: read.layout } });
  const pdf = result.files.find((f) => f.kind === 'pdf')!.bytes;
  const texts = [pdftotext(pdf)!, (await readPdfText(pdf)).pages.map((runs) => runs.map((r) => r.str).join(' ')).join('\n')];
  const released = result.plan.decisions.filter((d) => d.action === 'release' && words.some((w) => read.doc.source.slice(d.span.start, d.span.end).includes(w)));
  return { texts, released };
}

for (const producer of PRODUCERS) {
  describe.skipIf(producer.missing !== null || !poppler)(`look-alike marks opening a line after a full one, in a PDF made by ${producer.name}`, () => {
    it('are read where a mark belongs, not as words of the (U) paragraph above', async () => {
      const { texts, released } = await releaseOf(producer.make, JOINED, JOINED_WORDS);
      for (const text of texts) {
        expect(JOINED_WORDS.filter((w) => text.toLowerCase().includes(w))).toEqual([]);
        expect(text).toContain('closed the meeting at noon');
      }
      expect(released).toEqual([]);
    }, 60_000);
  });
}

for (const producer of PRODUCERS) {
  describe.skipIf(producer.missing !== null || !poppler)(`marks written loosely, in a PDF made by ${producer.name}`, () => {
    it('withholds each paragraph holding one; the release PDF reads without their words, with the plain (U) ones', async () => {
      const { texts, released } = await releaseOf(producer.make, LOOSE, SECRET_WORDS);
      for (const text of texts) {
        expect(SECRET_WORDS.filter((w) => text.toLowerCase().includes(w))).toEqual([]);
        expect(text).toContain('quarterly meeting was held');
        expect(text).toContain('closed the meeting at noon');
      }
      expect(released).toEqual([]);
    }, 60_000);
  });
}

for (const producer of PRODUCERS) {
  describe.skipIf(producer.missing !== null || !poppler)(`look-alike marks inside a PDF made by ${producer.name}`, () => {
    it('withholds each paragraph holding one; the release PDF reads without their words, with the plain (U) ones', async () => {
      const { texts, released } = await releaseOf(producer.make, MEMO, SECRET_WORDS);
      for (const text of texts) {
        const lower = text.toLowerCase();
        expect(SECRET_WORDS.filter((w) => lower.includes(w))).toEqual([]);
        expect(text).toContain('quarterly meeting was held');
        expect(text).toContain('closed the meeting at noon');
      }
      expect(released).toEqual([]);
    }, 60_000);
  });
}
