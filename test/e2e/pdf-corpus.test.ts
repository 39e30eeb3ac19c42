/**
 * The document reader over text that pdftotext extracted from every PDF of the marked corpus
 * (../shared/corpus/pdf, 1,065 SIDtoday articles), checked with regular expressions and a shingle
 * check written here, independent of the project's own mark reader and leak checker:
 * - every line that starts with a portion mark opens a portion with that level (≥ 99.5%);
 * - no classified mark anywhere in the text lies in a portion read as U, or in released boilerplate;
 * - the authority line is read in every document that has one;
 * - `release --profile public --as-of 2026-12-01` leaves no 8-word run of a classified portion in
 *   the release text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument } from '../../src/release/index.js';
import { safeStem } from '../../src/release/folder.js';
import { loadProfile } from '../../src/rules/load.js';
import type { Document } from '../../src/types.js';
import { corpusTexts, hasPdftotext, markRegions, PDF_CORPUS, shingles8, type CorpusText } from '../helpers/pdf-corpus.js';
import { invariantProblems } from '../parse/helpers.js';

const available = existsSync(PDF_CORPUS) && hasPdftotext();
if (!available) console.log(`skipped: the marked PDF corpus (${PDF_CORPUS}) or pdftotext is not available`);

/** A portion mark at the start of a line, after blanks, quotes, asterisks, bullets or dashes. */
const LEADING_MARK = /^[\s"“'‘*•·–—-]*\((TS|S|C|U)(?:\/[^()\n]{0,80})?\)/;
/** A classified mark anywhere, not glued to a word. */
const CLASSIFIED_MARK = /(?<![A-Za-z0-9])\((TS|S|C)(?:\/[^()\n]{0,80})?\)/g;
const AUTHORITY_LINE = /^\s*DERIVED FROM:.*?DECLASSIFY ON:\s*(\S+)\s*$/m;

describe.skipIf(!available)('the document reader over the marked PDF corpus (pdftotext)', () => {
  let corpus: CorpusText[] = [];
  const docs = new Map<string, Document>();
  beforeAll(async () => {
    corpus = await corpusTexts();
    for (const c of corpus) docs.set(c.file, readDocument(c.text).doc);
  }, 600_000);

  it('reads all 1,065 files as documents, keeping the coverage invariants', () => {
    expect(corpus.length).toBe(1065);
    const problems: string[] = [];
    for (const c of corpus) {
      const doc = docs.get(c.file)!;
      if (doc.format !== 'document') problems.push(`${c.file}: read as a cable`);
      for (const p of invariantProblems(doc)) problems.push(`${c.file}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('every line that starts with a portion mark opens a portion with that level (≥ 99.5%), and none reads lower', () => {
    let lines = 0;
    let agree = 0;
    const lower: string[] = [];
    const disagree: string[] = [];
    for (const c of corpus) {
      const doc = docs.get(c.file)!;
      const byMark = new Map(doc.portions.filter((p) => p.mark).map((p) => [p.mark!.span.start, p]));
      let at = 0;
      for (const line of c.text.split('\n')) {
        const m = LEADING_MARK.exec(line);
        if (m) {
          lines++;
          // The mark's own parenthesis: the last one of the match (a mark holds none inside).
          const opened = byMark.get(at + m[0].lastIndexOf('('));
          const level = opened?.marking?.level ?? null;
          if (level === m[1]) agree++;
          else disagree.push(`${c.file}: ${line.slice(0, 70)} → ${level ?? opened?.markingSource ?? 'no portion opens here'}`);
          const rank = { U: 0, C: 1, S: 2, TS: 3 } as const;
          if (level !== null && rank[level] < rank[m[1] as keyof typeof rank]) lower.push(`${c.file}: ${line.slice(0, 70)}`);
        }
        at += line.length + 1;
      }
    }
    console.log(`pdf corpus: ${agree} of ${lines} lines starting with a mark open a portion of that level (${((100 * agree) / lines).toFixed(2)}%); the others:\n  ${disagree.join('\n  ')}`);
    expect(lines).toBeGreaterThan(9000);
    expect(agree / lines).toBeGreaterThanOrEqual(0.995);
    expect(lower).toEqual([]);
  });

  it('no classified mark is read as U: each lies in a portion of C or above, unmarked or unknown, or in furniture', () => {
    let marks = 0;
    const wrong: string[] = [];
    for (const c of corpus) {
      const doc = docs.get(c.file)!;
      for (const m of c.text.matchAll(CLASSIFIED_MARK)) {
        marks++;
        const at = m.index!;
        const p = doc.portions.find((x) => x.span.start <= at && at < x.span.end);
        const furniture = doc.furniture.some((s) => s.start <= at && at < s.end);
        if ((p && p.marking?.level === 'U') || (!p && !furniture)) wrong.push(`${c.file}: ${c.text.slice(Math.max(0, at - 30), at + 20).replace(/\s+/g, ' ')} → ${p ? `${p.id} U` : 'boilerplate'}`);
      }
    }
    console.log(`pdf corpus: ${marks} classified marks, ${wrong.length} read as U`);
    expect(marks).toBeGreaterThan(2000);
    expect(wrong).toEqual([]);
  });

  it('reads the authority line in every document that has one', () => {
    let have = 0;
    const missed: string[] = [];
    for (const c of corpus) {
      const line = AUTHORITY_LINE.exec(c.text);
      if (!line) continue;
      have++;
      const a = docs.get(c.file)!.authority;
      if (!a || a.declassifyOn.map((f) => f.value).join() !== line[1] || !a.derivedFrom) missed.push(c.file);
    }
    console.log(`pdf corpus: authority line read in ${have - missed.length} of the ${have} documents that have one`);
    expect(have).toBeGreaterThanOrEqual(1063);
    expect(missed).toEqual([]);
  });

  it('release --profile public --as-of 2026-12-01 leaves no 8-word run of a classified portion in the release text', async () => {
    const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
    const leaks: string[] = [];
    let classifiedRegions = 0;
    for (const c of corpus) {
      const doc = docs.get(c.file)!;
      const { releaseText } = await releaseDocument({
        doc,
        profile,
        asOf: '2026-12-01',
        stem: safeStem(c.file),
        input: { path: c.file, sha256: '0'.repeat(64) },
        formats: new Set(['text']),
        pageSize: 'letter',
      });
      const released = shingles8(releaseText);
      const all = markRegions(c.text);
      // Words a (U) region also holds may appear in the release legitimately (a title quoted in a paragraph).
      const unclassified = new Set<string>();
      for (const r of all) if (r.level === 'U') for (const s of shingles8(r.text)) unclassified.add(s);
      for (const r of all) {
        if (r.level === 'U') continue;
        classifiedRegions++;
        for (const s of shingles8(r.text)) if (released.has(s) && !unclassified.has(s)) leaks.push(`${c.file}: ${s}`);
      }
    }
    console.log(`pdf corpus: public@2026-12-01: ${classifiedRegions} classified portions checked, ${leaks.length} 8-word runs in the release text`);
    expect(classifiedRegions).toBeGreaterThan(2000);
    expect(leaks).toEqual([]);
  }, 300_000);
});
