/**
 * Text of the marked PDF corpus (`pdf/` of the corpus folder that ./corpus.ts finds:
 * $DECLASS_CORPUS or ../shared/corpus) as poppler's pdftotext writes it (default
 * mode: reading order, form feeds between pages), cached under the system's temporary folder keyed
 * by each PDF's sha256, so only the first run pays for the extraction. Two extractions at a time.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_TMP_ENV } from '../setup/scratch.js';
import { corpusPath } from './corpus.js';

/** The corpus's `pdf/` folder (a path that does not exist when there is no corpus). */
export const PDF_CORPUS = corpusPath('pdf');
// In the system's temporary folder, not the test run's (../setup/scratch.ts deletes that one).
const CACHE = path.join(process.env[SYSTEM_TMP_ENV] ?? os.tmpdir(), 'declass-pdftotext-cache');

/** True when poppler's pdftotext can be run. */
export function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** One PDF of the corpus and its extracted text. */
export interface CorpusText {
  readonly file: string;
  readonly text: string;
}

function extract(pdf: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const tmp = `${out}.${process.pid}.tmp`;
    execFile('pdftotext', ['-enc', 'UTF-8', pdf, tmp], (error) => {
      if (error) reject(error);
      else {
        renameSync(tmp, out);
        resolve();
      }
    });
  });
}

/** The text of every PDF in the corpus, sorted by file name; extracts what the cache lacks. */
export async function corpusTexts(): Promise<CorpusText[]> {
  mkdirSync(CACHE, { recursive: true });
  const files = readdirSync(PDF_CORPUS).filter((f) => f.endsWith('.pdf')).sort();
  const jobs = files.map((file) => {
    const pdf = path.join(PDF_CORPUS, file);
    const sha = createHash('sha256').update(readFileSync(pdf)).digest('hex');
    return { file, pdf, cached: path.join(CACHE, `${sha}.txt`) };
  });
  const todo = jobs.filter((j) => !existsSync(j.cached));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const j = todo[next++]!;
      await extract(j.pdf, j.cached);
    }
  };
  await Promise.all([worker(), worker()]);
  return jobs.map((j) => ({ file: j.file, text: readFileSync(j.cached, 'utf8') }));
}

/** Any portion mark in pdftotext's reading, not glued to a word (ends the text a mark covers). */
const ANY_MARK = /(?<![A-Za-z0-9])\((TS|S|C|U)(?:\/[^()\n]{0,80})?\)/g;
/** Where the text after the last mark of a page stops: page breaks, banners, header and authority lines. */
const STOP = /\f|DYNAMIC PAGE|DERIVED FROM|Run Dates?:/;

/** Words of `text`: NFKC, lower case, punctuation and symbols removed (written here, independent of declass's). */
export function corpusWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]/gu, ' ').split(/\s+/).filter(Boolean);
}

/** The 8-word runs of `text`. */
export function shingles8(text: string): Set<string> {
  const w = corpusWords(text);
  const out = new Set<string>();
  for (let i = 0; i + 8 <= w.length; i++) out.add(w.slice(i, i + 8).join(' '));
  return out;
}

/**
 * The text each portion mark covers in pdftotext's reading: from its end to the next mark, cut at a
 * STOP. A mark that ends a line after text (`Other Support (U)`, a heading's mark) covers that
 * text instead, and the mark before it stops where that line starts.
 */
export function markRegions(text: string): { level: string; text: string }[] {
  const marks = [...text.matchAll(ANY_MARK)].map((m) => {
    const at = m.index!;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
    const trailing = text.slice(lineStart, at).trim() !== '' && text.slice(at + m[0].length, lineEnd).trim() === '';
    return { level: m[1]!, at, end: at + m[0].length, lineStart, trailing };
  });
  return marks.map((m, k) => {
    if (m.trailing) return { level: m.level, text: text.slice(m.lineStart, m.at) };
    const next = marks[k + 1];
    let region = text.slice(m.end, next ? (next.trailing ? Math.max(m.end, next.lineStart) : next.at) : text.length);
    const stop = STOP.exec(region);
    if (stop) region = region.slice(0, stop.index);
    return { level: m.level, text: region };
  });
}
