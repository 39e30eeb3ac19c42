/**
 * Word shingles as 52-bit numbers instead of strings: the leak checks compare millions of
 * 8-word runs, and a number costs no string allocation and a fraction of the memory. Words are
 * normalised exactly as in words.ts. A collision can only make two different runs look equal,
 * so a check built on these hashes can report a leak that is not there (and fail closed), never
 * miss one that is; at 2^52 values that is, in practice, never.
 */
import { wordHashesOf, type WordHashes } from './word-scan.js';
import { cutAtPlaceholders } from './tool-words.js';
import { SHINGLE_WORDS } from './words.js';

const SEED_A = 0x9e3779b1;
const SEED_B = 0x85ebca77;

/** Folds `count` words from `start` into one 52-bit number. */
function runHash(words: Uint32Array, start: number, count: number): number {
  let a = Math.imul(count, SEED_A);
  let b = Math.imul(count, SEED_B);
  for (let k = start; k < start + count; k++) {
    a = Math.imul(a ^ words[2 * k]!, 0x85ebca6b);
    a ^= a >>> 13;
    b = Math.imul(b ^ words[2 * k + 1]!, 0xc2b2ae35);
    b ^= b >>> 16;
  }
  // 32 bits of one lane and 20 of the other: an exact integer in a double.
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}

/**
 * Distinct shingle hashes in ascending order: what a `Set<number>` held, without a heap number
 * and a hash-table entry per run (the sets were a tenth of a batch's garbage). Membership is a
 * binary search; unions and differences are merges.
 */
export type RunSet = Float64Array;

/**
 * The distinct `n`-word shingles of `text` as numbers, ascending (a text shorter than `n` words
 * gives one shingle of all of them), like `shingles()` in words.ts.
 */
export function shingleHashes(text: string, n: number): RunSet {
  return runsOf(wordHashesOf(text), n);
}

function runsOf(words: WordHashes, n: number): RunSet {
  return distinctSorted(everyRun(words, n));
}

/**
 * Every `n`-word run of a release text, piece by piece between its placeholders (no run goes
 * through the tool's own words: ./tool-words.ts), in text order, repeats kept.
 */
function releaseRuns(output: string, n: number): Float64Array {
  const pieces = cutAtPlaceholders(output);
  if (pieces.length === 1) return everyRun(wordHashesOf(output), n);
  const runs = pieces.map((p) => everyRun(wordHashesOf(p), n));
  const all = new Float64Array(runs.reduce((t, r) => t + r.length, 0));
  let at = 0;
  for (const r of runs) {
    all.set(r, at);
    at += r.length;
  }
  return all;
}

/** Every `n`-word run of the words, in text order, repeats kept (fewer than `n` words: one run of all of them; none: no run). */
function everyRun({ pairs, count }: WordHashes, n: number): Float64Array {
  const len = Math.min(n, count);
  const runs = new Float64Array(len === 0 ? 0 : count - len + 1);
  for (let i = 0; i < runs.length; i++) runs[i] = runHash(pairs, i, len);
  return runs;
}

/** `runs` sorted, each value once (sorted in place; the result shares its buffer). */
function distinctSorted(runs: Float64Array): RunSet {
  // Non-negative doubles are ordered as their bit patterns read as unsigned integers, and the
  // integer sort skips the float sort's handling of NaN and -0: 40% less time (1,200 runs: 60 µs
  // against 99 µs a set).
  new BigUint64Array(runs.buffer, runs.byteOffset, runs.length).sort();
  let kept = 0;
  for (let i = 0; i < runs.length; i++) if (i === 0 || runs[i] !== runs[kept - 1]) runs[kept++] = runs[i]!;
  return kept === runs.length ? runs : runs.slice(0, kept);
}

/** Whether the run set holds `h`. */
export function hasRun(set: RunSet, h: number): boolean {
  return runIndex(set, h) >= 0;
}

/** The position of `h` in the ascending run set, or -1 (a binary search). */
export function runIndex(set: RunSet, h: number): number {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = set[mid]!;
    if (v === h) return mid;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The runs of `a` that `b` does not hold, ascending. */
export function runsWithout(a: RunSet, b: RunSet): RunSet {
  const out = new Float64Array(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    while (j < b.length && b[j]! < v) j++;
    if (j === b.length || b[j] !== v) out[n++] = v;
  }
  return n === out.length ? out : out.slice(0, n);
}

/**
 * Every run of the sets, each once, ascending (a new array). The sets are merged two by two, as
 * each is sorted already: sorting them all again was a tenth of the leak checks' time.
 */
export function unionOfRuns(sets: readonly RunSet[]): RunSet {
  if (sets.length === 0) return new Float64Array(0);
  let level: RunSet[] = [...sets];
  while (level.length > 1) {
    const next: RunSet[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(mergeRuns(level[i]!, level[i + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0] === sets[0] ? level[0]!.slice() : level[0]!;
}

/** The runs of two sets, each once, ascending (a new array as long as it needs to be). */
function mergeRuns(a: RunSet, b: RunSet): RunSet {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) {
      out[n++] = x;
      i++;
    } else if (y < x) {
      out[n++] = y;
      j++;
    } else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return n === out.length ? out : out.slice(0, n);
}

/** The distinct `n`-word runs of released texts read apart (pieces), each cut at its placeholders. */
export function releasedRunSet(pieces: readonly string[], n = SHINGLE_WORDS): RunSet {
  return pieces.length === 1 ? distinctSorted(releaseRuns(pieces[0]!, n)) : unionOfRuns(pieces.map((p) => distinctSorted(releaseRuns(p, n))));
}

/** The shingle hashes of one release, for the cross-document digest (audit/cross.ts) and then its self-check. */
export interface ReleaseShingles {
  /** Distinct runs of the text written (the release text, between its placeholders). */
  readonly output: RunSet;
  /** Distinct runs of the text the release is meant to show. */
  readonly visible: RunSet;
  /** For each withheld text, in the order given: its number of words and its distinct runs. */
  readonly withheld: readonly { readonly words: number; readonly runs: RunSet }[];
}

/** The {@link ReleaseShingles} of a release: its withheld texts, the text written and the text it is meant to show. */
export function releaseShingles(withheld: readonly string[], output: string, visible: string, n = SHINGLE_WORDS): ReleaseShingles {
  const outputRuns = distinctSorted(releaseRuns(output, n));
  return {
    output: outputRuns,
    // A release in full, or the one page of a denial, shows all it writes: the same runs (over 600
    // corpus cables as of 2010, 319 releases of 600).
    visible: visible === output ? outputRuns : shingleHashes(visible, n),
    withheld: withheld.map((text) => {
      const words = wordHashesOf(text);
      return { words: words.count, runs: runsOf(words, n) };
    }),
  };
}

/**
 * How many distinct `n`-word runs of withheld text occur in `output` (a release text, read
 * between its placeholders) but not in `visible`: the
 * count `findLeaks` would return, without building strings. Withheld texts shorter than `n`
 * words are skipped, as there.
 *
 * Made for the self-check of every release, the cheap way: only the smaller of the two sides
 * (every withheld run, or the release's runs) is sorted, and the other's runs are looked up in it;
 * `visible` is hashed only when a run is found, which a sound release never needs. A document
 * denied in full withholds thousands of runs and releases a page of dozens; one released whole
 * the other way round. Sorting every side was most of the check (8% of an all-outputs batch).
 */
export function countLeakRuns(withheld: readonly string[], output: string, visible: string, n = SHINGLE_WORDS): number {
  const pieces: WordHashes[] = [];
  let total = 0;
  for (const text of withheld) {
    const words = wordHashesOf(text);
    if (words.count < n) continue;
    pieces.push(words);
    total += words.count - n + 1;
  }
  if (total === 0) return 0;
  const held = new Float64Array(total);
  let at = 0;
  for (const { pairs, count } of pieces) for (let i = 0; i + n <= count; i++) held[at++] = runHash(pairs, i, n);
  const released = releaseRuns(output, n);
  const [small, large] = held.length <= released.length ? [distinctSorted(held), released] : [distinctSorted(released), held];
  let found: number[] | null = null;
  for (let i = 0; i < large.length; i++) if (hasRun(small, large[i]!)) (found ??= []).push(large[i]!);
  if (found === null) return 0;
  const visibleRuns = shingleHashes(visible, n);
  return distinctSorted(Float64Array.from(found.filter((h) => !hasRun(visibleRuns, h)))).length;
}

/**
 * {@link countLeakRuns} from shingles already made (with the same `n`): the self-check of a
 * release whose shingles the cross-document digest needs anyway.
 */
export function countLeakRunsIn(shingles: ReleaseShingles, n = SHINGLE_WORDS): number {
  const { output, visible } = shingles;
  if (output.length === 0) return 0;
  const leaks: number[] = [];
  for (const piece of shingles.withheld) {
    if (piece.words < n) continue;
    for (const h of piece.runs) if (hasRun(output, h) && !hasRun(visible, h)) leaks.push(h);
  }
  return leaks.length === 0 ? 0 : distinctSorted(Float64Array.from(leaks)).length;
}
