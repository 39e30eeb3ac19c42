/**
 * Verification of a PDF release against its original, with pdf.js as an independent reader:
 * 1. no run of 8 consecutive words of any withheld text survives anywhere pdf.js can read (page
 *    text, Info, XMP, annotations, outlines);
 * 2. no character lies inside a withheld region other than the boxes' labels (pdf.js gives runs, not glyphs: a run's width is
 *    shared evenly among its characters, so a character counts as inside when its centre lies in
 *    the region shrunk by one average character width at the sides and 15% at top and bottom);
 * 3. the text of the original outside the regions is still extractable: the share of its words
 *    (counted with multiplicity) found in the release.
 *
 * Checks 1 and 2 always read the release with pdf.js. For check 3 the original's words may come
 * from its text layer as the release path already read it ({@link PdfLayout}: our interpreter's
 * characters and exact glyph boxes) instead of a second pdf.js reading of the original, which cost
 * about as much as reading the release. The comparison is then between two readers (ours for the
 * original, pdf.js for the release), which can only make it stricter: a word that the two read
 * differently counts as lost.
 */
import { probePoint, type Rect } from './geometry.js';
import type { PdfLayout } from './layout/index.js';
import { readPdfText, runChars, type PdfText, type PdfTextReader, type TextRun } from './pdfjs.js';
import type { PdfRegion } from './redact/document.js';

/** Options of {@link verifyRedaction}. */
export interface VerifyOptions {
  /** Words in a leak shingle (default 8). */
  readonly shingleWords?: number;
  /** Smallest share of the original's words outside the regions that must be kept (default 0.98). */
  readonly minKeptFraction?: number;
  /**
   * Texts that are released (e.g. the released portions, banners repeated on every page): a
   * withheld shingle that also occurs in them is not a leak.
   */
  readonly releasedTexts?: readonly string[];
  /** How pdf.js reads the PDFs (default: {@link readPdfText} in this thread). */
  readonly readText?: PdfTextReader;
  /**
   * How the release is read and checked (default: read with `readText`, then {@link checkRelease}
   * in this thread). A batch runs both on its pdf.js thread (node/pdfjs-thread.ts): the checks then
   * cost the batch's thread nothing, and pdf.js's text runs never cross between threads.
   */
  readonly checkRelease?: ReleaseChecker;
  /**
   * Pages (0-based) the release turned into images (`--rasterize-unsure`): their words are not
   * looked for in the release (it has no text there, by design), so they count as neither kept nor
   * lost. The leak check reads them as every page.
   */
  readonly imagePages?: ReadonlySet<number>;
}

/** What the checks of a release need besides the release itself: plain data, so that another thread can run them. */
export interface CheckInput {
  /** The original's text outside the regions, one string per page. */
  readonly outside: readonly string[];
  readonly regions: readonly PdfRegion[];
  readonly withheldTexts: readonly string[];
  readonly shingleWords: number;
  readonly minKeptFraction: number;
  readonly releasedTexts: readonly string[];
}

/** Reads a release with pdf.js and runs {@link checkRelease} on it: in this thread, or on another. */
export type ReleaseChecker = (releasedBytes: Uint8Array, input: CheckInput) => Promise<VerifyResult>;

/** Result of {@link verifyRedaction}. It never quotes withheld text. */
export interface VerifyResult {
  readonly ok: boolean;
  /** Withheld texts (by index) with how many of their shingles survive. */
  readonly leaks: readonly { readonly withheld: number; readonly shingles: number }[];
  /** Regions (by index) in which the release still shows characters, with how many. */
  readonly charsInRegions: readonly { readonly region: number; readonly page: number; readonly chars: number }[];
  /** Words of the original outside the regions, and how many of them the release still has. */
  readonly releasedWords: number;
  readonly keptWords: number;
  /** keptWords / releasedWords (1 when there are none). */
  readonly keptFraction: number;
  /** When too few were kept: the released words each page lost (0-based page), page by page. */
  readonly lost?: readonly { readonly page: number; readonly words: readonly string[] }[];
}

/** Words of `text`, normalised: NFKC, lower case, punctuation and symbols removed, hyphenation at line ends joined. */
export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/-[ \t]*\r?\n\s*/g, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .split(/\s+/u)
    .filter((w) => w.length > 0);
}

/** The `n`-word runs of `words`, in order, repeats kept (a text shorter than `n` words has none). */
export function wordShingles(words: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
  return out;
}

function pageText(runs: PdfText['pages'][number]): string {
  let s = '';
  let lastY: number | null = null;
  for (const r of runs) {
    const y = r.transform[5];
    if (lastY !== null && Math.abs(y - lastY) > 1) s += '\n';
    else s += ' ';
    s += r.str;
    lastY = y;
  }
  return s;
}

/** True when `s` is blank or nothing but box labels (and spaces); `labels` non-empty, longest first. */
function onlyLabels(s: string, labels: readonly string[]): boolean {
  let rest = s;
  for (const l of labels) rest = rest.split(l).join(' ');
  return rest.trim() === '';
}

/**
 * False when no character of `run` can count as inside `rect` (check 2): an upright run whose
 * characters' test points all lie clearly outside it, with a margin wider than the shrinking and
 * rounding there can be. Rotated runs are always looked at.
 */
function mayReach(run: TextRun, rect: Rect): boolean {
  const [a, b, c, d, e, f] = run.transform;
  if (Math.abs(b) > 1e-6 * Math.abs(a) || Math.abs(c) > 1e-6 * Math.abs(d) || a <= 0 || d <= 0) return true;
  const h = run.height > 0 ? run.height : d;
  const dx = Math.abs(run.width) + 1;
  const dy = 0.15 * Math.abs(rect[3] - rect[1]) + 1;
  const y = f + 0.35 * h;
  return Math.max(e, e + run.width) > rect[0] - dx && Math.min(e, e + run.width) < rect[2] + dx && y > rect[1] - dy && y < rect[3] + dy;
}

/**
 * True when a character with box `[x0, y0, x1, y1]` counts as inside one of `rects`: the point of
 * its box at its centre across, 35% of its height up (above the baseline, clear of descenders),
 * lies in a rect, edges included (as geometry.ts `intersects` tests a point).
 */
function probeCovered(x0: number, y0: number, x1: number, y1: number, rects: readonly Rect[]): boolean {
  const [cx, cy] = probePoint(x0, y0, x1, y1);
  return rects.some((r) => cx <= r[2] && r[0] <= cx && cy <= r[3] && r[1] <= cy);
}

/** The original's text outside the regions, one string per page, as pdf.js reads it (runs joined by spaces, characters inside a region blanked). */
function outsideByPdfjs(orig: PdfText, regions: readonly PdfRegion[]): string[] {
  const outside: string[] = [];
  orig.pages.forEach((runs, p) => {
    const rects = regions.filter((r) => r.page === p).map((r) => r.rect as Rect);
    let line = '';
    for (const run of runs) {
      const chars = runChars(run);
      if (!chars) {
        if (!rects.some((r) => inRect(run.transform[4], run.transform[5], r))) line += ' ' + run.str;
        continue;
      }
      let s = ' ';
      for (const c of chars) s += probeCovered(c.box[0], c.box[1], c.box[2], c.box[3], rects) ? ' ' : c.ch;
      line += s;
    }
    outside.push(line);
  });
  return outside;
}

/**
 * The original's text outside the regions, one string per page, from its text layer: the lines
 * joined by spaces (as pdf.js's runs are on the release side, so a hyphen at a line end counts
 * alike), each character blanked when its glyph box is inside a region by the same test.
 */
function outsideByLayout(layout: PdfLayout, regions: readonly PdfRegion[]): string[] {
  const rectsOf = new Map<number, Rect[]>();
  for (const r of regions) {
    const list = rectsOf.get(r.page);
    if (list) list.push(r.rect as Rect);
    else rectsOf.set(r.page, [r.rect as Rect]);
  }
  const outside = Array.from({ length: layout.pages }, () => '');
  const { text, boxes } = layout;
  for (const l of layout.lines) {
    // Only regions that reach the line's height can blank its characters (a probe point lies
    // within its glyph's box); without any, the line is kept whole (the spaces the layout
    // inserted are spaces).
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = l.start; i < l.end; i++) {
      if (Number.isNaN(boxes[4 * i]!)) continue;
      lo = Math.min(lo, boxes[4 * i + 1]!);
      hi = Math.max(hi, boxes[4 * i + 3]!);
    }
    const rects = (rectsOf.get(l.page) ?? []).filter((r) => r[1] <= hi + 1e-6 && lo - 1e-6 <= r[3]);
    if (rects.length === 0) {
      outside[l.page] += ' ' + text.slice(l.start, l.end);
      continue;
    }
    let s = ' ';
    for (let i = l.start; i < l.end; i++) {
      const x0 = boxes[4 * i]!;
      // Spaces the layout inserted between words have no glyph.
      if (Number.isNaN(x0)) {
        s += ' ';
        continue;
      }
      s += probeCovered(x0, boxes[4 * i + 1]!, boxes[4 * i + 2]!, boxes[4 * i + 3]!, rects) ? ' ' : text[i];
    }
    outside[l.page] += s;
  }
  return outside;
}

function shrink(r: Rect, dx: number, dy: number): Rect {
  return [r[0] + dx, r[1] + dy, r[2] - dx, r[3] - dy];
}

function inRect(x: number, y: number, r: Rect): boolean {
  return x > r[0] && x < r[2] && y > r[1] && y < r[3];
}

/**
 * Verify a release.
 *
 * @param original The original PDF: its bytes (then read with pdf.js, as the release is), or its
 *   text layer as readPdfLayout read it (then not read again; used for check 3 only).
 * @param releasedBytes The release written by redactPdf.
 * @param regions The regions that were withheld.
 * @param withheldTexts The withheld texts (the portions' text), for the shingle check.
 */
export async function verifyRedaction(original: Uint8Array | PdfLayout, releasedBytes: Uint8Array, regions: readonly PdfRegion[], withheldTexts: readonly string[], options: VerifyOptions = {}): Promise<VerifyResult> {
  const read = options.readText ?? readPdfText;
  const check = options.checkRelease ?? (async (bytes: Uint8Array, input: CheckInput) => checkRelease(input, await read(bytes)));
  const all = original instanceof Uint8Array ? outsideByPdfjs(await read(original), regions) : outsideByLayout(original, regions);
  const outside = options.imagePages && options.imagePages.size > 0 ? all.map((t, p) => (options.imagePages!.has(p) ? '' : t)) : all;
  return check(releasedBytes, { outside, regions, withheldTexts, shingleWords: options.shingleWords ?? 8, minKeptFraction: options.minKeptFraction ?? 0.98, releasedTexts: options.releasedTexts ?? [] });
}

/**
 * The three checks of a release (see the top of this file), given the release as pdf.js read it.
 * Pure and synchronous: the same on whichever thread it runs.
 */
export function checkRelease(input: CheckInput, rel: PdfText): VerifyResult {
  // Pages are read both with line breaks (hyphenated words joined) and with runs joined by spaces.
  const flat = rel.pages.map((runs) => normaliseWords(runs.map((r) => r.str).join(' ')));
  const leaks = leakedShingles(input, rel);
  const charsInRegions = charsLeftInRegions(input.regions, rel);
  const { releasedWords, keptWords } = wordsKept(input.outside, flat);
  const keptFraction = releasedWords === 0 ? 1 : keptWords / releasedWords;
  const ok = leaks.length === 0 && charsInRegions.length === 0 && keptFraction >= input.minKeptFraction;
  const lost = keptFraction >= input.minKeptFraction ? [] : lostByPage(input.outside, flat);
  return { ok, leaks, charsInRegions, releasedWords, keptWords, keptFraction, lost };
}

/**
 * The released words each page lost (page by page, so a word kept on another page does not hide
 * it): for the refusal to name where and what, the self-check's count alone said neither (probe
 * 67a, F4). A word split into pieces counts as lost here; only failing releases are told.
 */
function lostByPage(outside: readonly string[], flat: readonly string[][]): { page: number; words: string[] }[] {
  const out: { page: number; words: string[] }[] = [];
  outside.forEach((t, page) => {
    const have = new Map<string, number>();
    for (const w of flat[page] ?? []) have.set(w, (have.get(w) ?? 0) + 1);
    const words: string[] = [];
    for (const w of normaliseWords(t)) {
      const n = have.get(w) ?? 0;
      if (n > 0) have.set(w, n - 1);
      else words.push(w);
    }
    if (words.length > 0) out.push({ page, words });
  });
  return out;
}

/*
 * The three checks are functions of their own (the pdf.js thread compiled one long function whole
 * again whenever one check met a new kind of value).
 */

/** 1. Withheld texts with how many of their shingles the release still shows (and no released text allows). */
function leakedShingles(input: CheckInput, rel: PdfText): { withheld: number; shingles: number }[] {
  const n = input.shingleWords;
  // Read between the boxes' labels: a label and the kept text beside it are no run of the
  // document's words (src/leak/tool-words.ts), even where the withheld text ends with the label's word.
  const labels = labelsOf(input.regions);
  const pieces = rel.pages.flatMap((runs) => cutAtLabelRuns(runs, labels));
  const relWords = [...pieces.map(pageText), ...rel.extra].map((t) => normaliseWords(t));
  const flat = pieces.map((runs) => normaliseWords(runs.map((r) => r.str).join(' ')));
  const relShingles = new Set<string>();
  for (const words of [...relWords, ...flat]) for (const sh of wordShingles(words, n)) relShingles.add(sh);
  const allowed = new Set(input.releasedTexts.flatMap((t) => wordShingles(normaliseWords(t), n)));
  const leaks: { withheld: number; shingles: number }[] = [];
  input.withheldTexts.forEach((t, idx) => {
    const count = wordShingles(normaliseWords(t), n).filter((sh) => relShingles.has(sh) && !allowed.has(sh)).length;
    if (count > 0) leaks.push({ withheld: idx, shingles: count });
  });
  return leaks;
}

/** The boxes' labels, longest first. */
function labelsOf(regions: readonly PdfRegion[]): string[] {
  return [...new Set(regions.map((r) => r.label.trim()))].filter((x) => x !== '').sort((a, b) => b.length - a.length);
}

/** A page's runs cut at those that are nothing but box labels (blank runs do not cut). */
function cutAtLabelRuns(runs: PdfText['pages'][number], labels: readonly string[]): TextRun[][] {
  if (labels.length === 0) return [[...runs]];
  const pieces: TextRun[][] = [[]];
  for (const r of runs) {
    if (r.str.trim() !== '' && onlyLabels(r.str, labels)) pieces.push([]);
    else pieces[pieces.length - 1]!.push(r);
  }
  return pieces;
}

/** 2. Regions in which the release still shows characters other than the boxes' labels. */
function charsLeftInRegions(regions: readonly PdfRegion[], rel: PdfText): { region: number; page: number; chars: number }[] {
  const labels = labelsOf(regions);
  const charsInRegions: { region: number; page: number; chars: number }[] = [];
  regions.forEach((reg, idx) => {
    const rect = reg.rect as Rect;
    let count = 0;
    for (const run of rel.pages[reg.page] ?? []) {
      if (!mayReach(run, rect)) continue;
      // The boxes' own labels are the only text a release puts inside regions (pdf.js may join
      // the labels of two boxes on one line into one run).
      if (onlyLabels(run.str, labels)) continue;
      const chars = runChars(run);
      if (!chars) {
        // A rotated run: test its origin only.
        if (inRect(run.transform[4], run.transform[5], rect)) count++;
        continue;
      }
      const avg = run.width / Math.max(1, chars.length);
      const inner = shrink(rect, avg, (rect[3] - rect[1]) * 0.15);
      for (const c of chars) {
        if (/\s/.test(c.ch)) continue;
        const [cx, cy] = probePoint(c.box[0], c.box[1], c.box[2], c.box[3]);
        if (inRect(cx, cy, inner)) count++;
      }
    }
    if (count > 0) charsInRegions.push({ region: idx, page: reg.page, chars: count });
  });
  return charsInRegions;
}

/** 3. The original's words outside the regions, and how many of them the release still has (`flat`: its pages' words, runs joined by spaces). */
function wordsKept(outside: readonly string[], flat: readonly string[][]): { releasedWords: number; keptWords: number } {
  const want = new Map<string, number>();
  let releasedWords = 0;
  for (const t of outside) {
    for (const w of normaliseWords(t)) {
      want.set(w, (want.get(w) ?? 0) + 1);
      releasedWords++;
    }
  }
  const have = new Map<string, number>();
  // Both sides joined the same way (runs by spaces), so a hyphen at a line end counts alike.
  for (const words of flat) for (const w of words) have.set(w, (have.get(w) ?? 0) + 1);
  let keptWords = 0;
  const missing = new Map<string, number>();
  for (const [w, c] of want) {
    const k = Math.min(c, have.get(w) ?? 0);
    keptWords += k;
    if (k > 0) have.set(w, have.get(w)! - k);
    if (k < c) missing.set(w, c - k);
  }
  // A word that pdf.js splits where the original's reader did not (a wide kerning gap inside a
  // title: "SIDtoday" read as "SID" "today"; a ligature glyph read as a run of its own, as
  // Chromium's DejaVu writes "official" with one: "o" "ff" "icial"; small capitals, each glyph a
  // run: "H" "E" "A" "D" "I" "N" "G") is still in the release: a missing word counts as kept when
  // two to twelve adjacent release words not matched otherwise spell it.
  if (missing.size > 0) {
    for (const words of flat) {
      for (let i = 0; i + 1 < words.length; i++) {
        let joined = words[i]!;
        for (let k = 2; k <= 12 && i + k <= words.length; k++) {
          joined += words[i + k - 1]!;
          const m = missing.get(joined);
          if (!m || !piecesFree(have, words, i, k)) continue;
          missing.set(joined, m - 1);
          for (let j = i; j < i + k; j++) have.set(words[j]!, have.get(words[j]!)! - 1);
          keptWords++;
          i += k - 1;
          break;
        }
      }
    }
  }
  return { releasedWords, keptWords };
}

/** True when the release words `words[i..i+k)` are all still unmatched (a word twice among them needs two). */
function piecesFree(have: ReadonlyMap<string, number>, words: readonly string[], i: number, k: number): boolean {
  const need = new Map<string, number>();
  for (let j = i; j < i + k; j++) need.set(words[j]!, (need.get(words[j]!) ?? 0) + 1);
  for (const [w, n] of need) if (!((have.get(w) ?? 0) >= n)) return false;
  return true;
}
