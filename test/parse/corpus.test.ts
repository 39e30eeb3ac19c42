/**
 * The parser over the whole corpus (../shared/corpus, read only): every cable parses without
 * throwing and keeps the invariants; the share of marked paragraphs whose mark was understood is
 * printed with the ones that were not; no classified-looking mark is read as UNCLASSIFIED; the
 * banner is compared with WikiLeaks' classification field (index.csv).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/parse/decode.js';
import { parseCable } from '../../src/parse/index.js';
import type { Document, Portion } from '../../src/types.js';
import { CORPUS_CABLES, corpusPath, HAS_CORPUS } from '../helpers/corpus.js';
import { invariantProblems } from './helpers.js';

const CABLES = CORPUS_CABLES;
const SEED = corpusPath('seed', '08BERLIN173.txt');

interface Parsed {
  readonly file: string;
  readonly doc: Document;
}

const parsed: Parsed[] = [];
const failures: string[] = [];
let parseMs = 0;

beforeAll(() => {
  if (!HAS_CORPUS) return;
  const files = [...readdirSync(CABLES).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(CABLES, f)), SEED];
  for (const file of files) {
    const decoded = decodeInput(readFileSync(file));
    if (!decoded.ok) {
      failures.push(`${path.basename(file)}: ${decoded.message}`);
      continue;
    }
    try {
      const t0 = performance.now();
      const doc = parseCable(decoded.text);
      parseMs += performance.now() - t0;
      parsed.push({ file: path.basename(file), doc });
    } catch (error) {
      failures.push(`${path.basename(file)}: threw ${String(error)}`);
    }
  }
});

const CLASSIFIED_MARK = /^\(\s*(?:C|S|TS)(?:\s*\)|\/|\s|-(?:NF|ENTIRE))/i;

describe.skipIf(!HAS_CORPUS)('the corpus', () => {
  it('has 1,588 cables and the seed, and every one parses without throwing', () => {
    expect(failures).toEqual([]);
    expect(parsed.length).toBe(1589);
    console.log(`parsed ${parsed.length} files in ${parseMs.toFixed(0)} ms (${(parseMs / parsed.length).toFixed(3)} ms per cable)`);
  });

  it('keeps the invariants: portions in order, not overlapping, every non-blank character covered once', () => {
    const problems: string[] = [];
    for (const { file, doc } of parsed) for (const p of invariantProblems(doc)) problems.push(`${file}: ${p}`);
    expect(problems).toEqual([]);
  });

  it('prints the share of marked paragraphs whose mark was understood, and the others', () => {
    let numbered = 0;
    let withMark = 0;
    let understood = 0;
    let unmarked = 0;
    let inherited = 0;
    let entire = 0;
    const notUnderstood: string[] = [];
    for (const { file, doc } of parsed) {
      for (const p of doc.portions) {
        if ((p.kind !== 'paragraph' && p.kind !== 'subparagraph') || p.number === null) continue;
        numbered++;
        if (p.markingSource === 'unmarked') unmarked++;
        if (p.markingSource === 'inherited') inherited++;
        if (p.markingSource === 'entire-text' && !p.mark) entire++;
        if (!p.mark) continue;
        withMark++;
        if (p.marking) understood++;
        else notUnderstood.push(`${file} ${p.id} ${JSON.stringify(p.mark.raw)}`);
      }
    }
    const share = (100 * understood) / withMark;
    console.log(
      [
        `numbered paragraphs: ${numbered}; with a mark: ${withMark}; mark understood: ${understood} (${share.toFixed(2)}%)`,
        `without a mark of their own: ${inherited} inherited from their paragraph, ${entire} under ENTIRE TEXT, ${unmarked} unmarked`,
        `marks not understood (read as unknown, withheld): ${notUnderstood.length}`,
        ...notUnderstood.map((s) => `  ${s}`),
      ].join('\n'),
    );
    expect(share).toBeGreaterThan(99.9);
  });

  it('reads no classified-looking mark as UNCLASSIFIED', () => {
    const wrong: string[] = [];
    for (const { file, doc } of parsed) {
      // 1. Marks the parser took: a (C…)/(S…)/(TS…) mark never gives level U.
      for (const p of doc.portions) {
        if (p.mark && CLASSIFIED_MARK.test(p.mark.raw) && p.marking?.level === 'U') wrong.push(`${file} ${p.id} ${p.mark.raw} read as U`);
      }
      // 2. Independently of how the parser grouped the text: every numbered paragraph, bullet or
      //    block that starts with such a mark lies in a portion that is classified or withheld.
      const src = doc.source;
      const re = /^[ \t]*(?:(?:¶\s*)?\d{1,3}(?:[.)]\s*|\s+)|(?:-{1,2}|\*)\s*)?(\((?:C|S|TS)(?:\s*\)|\/|\s|-NF))/gim;
      for (let m = re.exec(src); m; m = re.exec(src)) {
        const at = m.index + m[0].length - m[1]!.length;
        const lineStart = m.index;
        const blockStart = lineStart === 0 || src.slice(Math.max(0, lineStart - 3), lineStart).includes('\n\n') || /\n[ \t]*\n[ \t]*$/.test(src.slice(Math.max(0, lineStart - 12), lineStart));
        const numbered = !src.slice(lineStart, at).trim().startsWith('(') && src.slice(lineStart, at).trim() !== '';
        if (!numbered && !blockStart) continue;
        if (inside(doc.boilerplate ?? [], at)) continue; // a REF item `C. (C) PARIS 7527`, a reason list
        const p = doc.portions.find((q) => q.span.start <= at && at < q.span.end);
        if (!p) {
          wrong.push(`${file}: ${JSON.stringify(src.slice(lineStart, lineStart + 50))} is in no portion`);
          continue;
        }
        if (isLabel(p, src, at) || followsSiblingLabel(src, lineStart, at)) continue; // `(c)` after `(b)`: a list label
        if (p.markingSource === 'unknown') continue; // withheld: fail closed
        if (!p.marking || p.marking.level === 'U') wrong.push(`${file} ${p.id} (${p.markingSource}) ${JSON.stringify(src.slice(lineStart, lineStart + 50))}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('never takes a paragraph that starts with a classified mark for header text', () => {
    const wrong: string[] = [];
    for (const { file, doc } of parsed) {
      const fields = [...doc.refs.map((r) => r.span), ...(doc.classifiedBy ? [doc.classifiedBy.span] : [])];
      for (const b of doc.boilerplate ?? []) {
        const t = doc.source.slice(b.start, b.end);
        if (!CLASSIFIED_MARK.test(t) || fields.some((f) => f.start <= b.start && b.end <= f.end)) continue;
        if (/^\(\s*C O R R E C T E D/.test(t)) continue;
        wrong.push(`${file}: ${JSON.stringify(t.slice(0, 60))}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("compares the banner with WikiLeaks' classification field and prints the disagreements", () => {
    const csv = readFileSync(corpusPath('index.csv'), 'utf8');
    const wl = new Map<string, string>();
    for (const line of csv.split('\n').slice(1)) {
      const cols = line.split(',');
      if (cols.length > 3) wl.set(cols[0]!, cols[3]!);
    }
    const disagreements: string[] = [];
    let compared = 0;
    let noBanner = 0;
    for (const { file, doc } of parsed) {
      const id = file.replace(/\.txt$/, '');
      const field = wl.get(id);
      if (!field) continue;
      const m = doc.banner?.marking;
      if (!m) {
        noBanner++;
        disagreements.push(`${id}: no banner understood (WikiLeaks: ${field})`);
        continue;
      }
      compared++;
      const level = /^TOP SECRET/.test(field) ? 'TS' : /^SECRET/.test(field) ? 'S' : /^CONFIDENTIAL/.test(field) ? 'C' : 'U';
      const noforn = /NOFORN/.test(field);
      const ours = `${m.level}${m.controls.includes('NOFORN') ? '//NOFORN' : ''}`;
      const theirs = `${level}${noforn ? '//NOFORN' : ''}`;
      if (ours !== theirs) disagreements.push(`${id}: banner ${JSON.stringify(doc.banner!.raw)}${doc.banner!.caveats.map((c) => ` + ${c.raw}`).join('')} → ${ours}; WikiLeaks: ${field}`);
    }
    console.log([`banner compared with WikiLeaks for ${compared} cables (${noBanner} without a banner): ${disagreements.length - noBanner} level/NOFORN disagreements`, ...disagreements.map((d) => `  ${d}`)].join('\n'));
    expect(compared).toBeGreaterThan(1500);
  });
});

function inside(spans: readonly { start: number; end: number }[], at: number): boolean {
  return spans.some((s) => s.start <= at && at < s.end);
}

/** The parenthetical at `at` is the label of portion `p` (`(c)` read as item c, not a mark). */
/**
 * Independently of the parser: the line at `lineStart` opens, at `at`, with `(c)` (any case) and
 * the nearest earlier line that opens with a letter label, after the same dashes, opens with `(b)`
 * or `b)` in the same case (05THEHAGUE3305's `-- b) …` over `-- (c) Yes, …`).
 */
function followsSiblingLabel(src: string, lineStart: number, at: number): boolean {
  const letter = src[at + 1]!;
  if (!/[Cc]/.test(letter) || src[at + 2] !== ')') return false;
  const lead = src.slice(lineStart, at);
  const lines = src.slice(Math.max(0, lineStart - 3000), lineStart).split('\n').reverse();
  for (const line of lines) {
    const m = /^([ \t]*-{0,2}[ \t]*)\(?([A-Za-z])\)[ \t]/.exec(line);
    if (m) return m[2] === String.fromCharCode(letter.charCodeAt(0) - 1) && m[1]!.replace(/[ \t]/g, '') === lead.replace(/[ \t]/g, '');
  }
  return false;
}

function isLabel(p: Portion, src: string, at: number): boolean {
  return p.span.start === at && p.number !== null && src.slice(at, at + 3).toLowerCase() === `(${p.number.toLowerCase()})`;
}
