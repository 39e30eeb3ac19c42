/**
 * Leak comparisons for the audit: withheld text of one document against a release of the same
 * document (self) or of another (cross-document: cables quote each other, and a release is only
 * as safe as its least careful sibling). Text is compared as 8-word shingles normalised as in
 * src/leak/words.ts; shingles the document legitimately shows (its visible text) do not count.
 * Pure; never returns withheld words, only where they came from and how many runs matched.
 */
import type { WithheldPiece } from '../engine/withheld.js';
import { hashesOfWords, shingleHashes } from '../leak/shingle-hash.js';
import { normalisedWords, shingles, SHINGLE_WORDS } from '../leak/words.js';

/**
 * Batches of more documents skip the cross-document check unless the limit is raised: it keeps
 * about 30 KB of shingle hashes per document (50 MB for the 1,588 cables of the corpus).
 */
export const DEFAULT_CROSS_CHECK_LIMIT = 2000;

/** Why the cross-document check did not run under `--cross-check-limit LIMIT` (for summaries). */
export function crossCheckSkipReason(limit: number): string {
  return limit === 0 ? 'turned off (--cross-check-limit 0)' : `more than ${limit} documents (--cross-check-limit)`;
}

export { SHINGLE_WORDS };

/** How much of one document's withheld text was found in one released file. */
export interface LeakHit {
  /** Stem of the document whose withheld text was found. */
  readonly from: string;
  /** The release folder of that document when it is not the one audited (`--against`), else absent. */
  readonly where?: string;
  /** Portion ids the matching runs belong to, sorted. */
  readonly portions: readonly string[];
  /** Number of distinct matching runs of words (shingles, or whole short pieces). */
  readonly runs: number;
}

/**
 * Withheld pieces of one document found in a released text of the same document: 8-word runs
 * not in `visible`, and pieces shorter than 8 words (a redacted name or number) found whole,
 * word-aligned, where `visible` does not hold them. Returns null when clean.
 */
export function findSelfLeak(stem: string, pieces: readonly WithheldPiece[], visible: string, released: string): LeakHit | null {
  const out = shingles(released, SHINGLE_WORDS);
  const allowed = shingles(visible, SHINGLE_WORDS);
  const flat = ` ${normalisedWords(released).join(' ')} `;
  const flatVisible = ` ${normalisedWords(visible).join(' ')} `;
  const runs = new Set<string>();
  const portions = new Set<string>();
  for (const piece of pieces) {
    const words = normalisedWords(piece.text);
    if (words.length === 0) continue;
    if (words.length < SHINGLE_WORDS) {
      const needle = ` ${words.join(' ')} `;
      if (flat.includes(needle) && !flatVisible.includes(needle)) {
        runs.add(needle);
        portions.add(piece.portionId);
      }
      continue;
    }
    for (const s of shingles(piece.text, SHINGLE_WORDS)) {
      if (out.has(s) && !allowed.has(s)) {
        runs.add(s);
        portions.add(piece.portionId);
      }
    }
  }
  return runs.size === 0 ? null : { from: stem, portions: [...portions].sort(), runs: runs.size };
}

/**
 * Phrases found in the originals of this many documents or more are formulaic (`Visit Mexico
 * City's Classified Web Site at …`, `This is an action request, see paragraph 3`) and are not
 * reported as cross-document leaks: a quoted paragraph is shared by a few cables, boilerplate by
 * dozens.
 */
export const COMMON_DOCUMENTS = 10;

/**
 * A cross-document hit is reported from this many matching 8-word runs (a stretch of 10 words or
 * more): one or two runs are, in the corpus, ordinary phrases (`the Central American Bank for
 * Economic Integration`), not a quoted paragraph. The self-check within a document counts one.
 */
export const MIN_CROSS_RUNS = 3;

/**
 * What the cross-document check needs of one document, as shingle hashes (see src/leak/shingle-hash.ts):
 * small enough to pass from a worker thread and to keep for thousands of documents, and holding
 * no withheld words.
 */
export interface CrossDigest {
  readonly stem: string;
  /** Withheld pieces of 8 words or more: their portion id and the runs the document does not also show. */
  readonly pieces: readonly { readonly portionId: string; readonly hashes: Float64Array }[];
  /** Distinct runs of the original (visible and withheld text), for document frequencies. */
  readonly original: Float64Array;
  /** Distinct runs of the released text (empty when only withheld text is indexed). */
  readonly released: Float64Array;
}

/** The digest of one document: its withheld pieces, the text it is meant to show, and its release text. */
export function crossDigest(stem: string, pieces: readonly WithheldPiece[], visible: string, released: string): CrossDigest {
  const allowed = shingleHashes(visible, SHINGLE_WORDS);
  const original = new Set(allowed);
  const out: { portionId: string; hashes: Float64Array }[] = [];
  for (const piece of pieces) {
    const words = normalisedWords(piece.text);
    const runs = hashesOfWords(words, SHINGLE_WORDS);
    for (const h of runs) original.add(h);
    if (words.length < SHINGLE_WORDS) continue;
    out.push({ portionId: piece.portionId, hashes: Float64Array.from([...runs].filter((h) => !allowed.has(h))) });
  }
  return { stem, pieces: out, original: Float64Array.from(original), released: Float64Array.from(shingleHashes(released, SHINGLE_WORDS)) };
}

/**
 * An index of the withheld text of many documents, to find any of it in the released text of
 * the others. Only runs of 8 words count (shorter pieces would match ordinary phrases across
 * documents), only runs the document does not also show, not phrases common to
 * {@link COMMON_DOCUMENTS} or more of the indexed originals, and a hit needs
 * {@link MIN_CROSS_RUNS} runs. Holds shingle hashes only: about 16 bytes per run of each
 * original, so a batch of thousands of cables fits in tens of megabytes.
 */
export class WithheldIndex {
  /** (shingle hash, ref) pairs as added; sorted into `table` when first searched. */
  private readonly pairHashes = new GrowableArray(Float64Array);
  private readonly pairRefs = new GrowableArray(Uint32Array);
  /** (owner, portion id) pairs that shingles point to. */
  private readonly refs: { owner: number; portionId: string }[] = [];
  private readonly owners: { stem: string; where: string | undefined }[] = [];
  /** Each indexed document's original runs, for document frequencies. */
  private readonly originals: Float64Array[] = [];
  /**
   * The search structure: distinct withheld hashes sorted, for each the range of its refs in
   * `refs`, and its document frequency. Typed arrays, about 20 bytes a run: a Map of objects
   * took ten times that.
   */
  private table: { keys: Float64Array; start: Uint32Array; end: Uint32Array; refs: Uint32Array; df: Uint32Array } | null = null;

  /**
   * Adds a document's withheld pieces; `visible` is the text its release is meant to show;
   * `where` names the folder it was released into when that is not the folder at hand.
   */
  add(stem: string, pieces: readonly WithheldPiece[], visible: string, where?: string): void {
    this.addDigest(crossDigest(stem, pieces, visible, ''), where);
  }

  /** Adds a document by its digest (as computed in a worker). */
  addDigest(digest: CrossDigest, where?: string): void {
    const owner = this.owners.push({ stem: digest.stem, where }) - 1;
    for (const piece of digest.pieces) {
      const ref = this.refs.push({ owner, portionId: piece.portionId }) - 1;
      for (const h of piece.hashes) {
        this.pairHashes.push(h);
        this.pairRefs.push(ref);
      }
    }
    this.originals.push(digest.original);
    this.table = null;
  }

  /** Sorts the pairs and counts, for every withheld run, the indexed documents whose original holds it. */
  private settle(): NonNullable<WithheldIndex['table']> {
    if (this.table) return this.table;
    const hashes = this.pairHashes.view();
    const pairRefs = this.pairRefs.view();
    // The distinct hashes, by a native numeric sort (a comparator sort took seconds here).
    const sorted = Float64Array.from(hashes).sort();
    let u = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[u++] = sorted[i]!;
    const keys = sorted.slice(0, u);
    // Each pair's key, then the refs of each key in the order added (refs only grow, so a
    // repeated ref is always the previous one of its key).
    const slot = new Uint32Array(hashes.length);
    const start = new Uint32Array(u + 1);
    for (let i = 0; i < hashes.length; i++) {
      const k = search(keys, hashes[i]!);
      slot[i] = k;
      start[k + 1]!++;
    }
    for (let k = 0; k < u; k++) start[k + 1]! += start[k]!;
    const end = start.slice(0, u);
    const lastRef = new Int32Array(u).fill(-1);
    const refs = new Uint32Array(hashes.length);
    for (let i = 0; i < hashes.length; i++) {
      const k = slot[i]!;
      const r = pairRefs[i]!;
      if (lastRef[k] === r) continue;
      lastRef[k] = r;
      refs[end[k]!++] = r;
    }
    // Counted over every document once all are in, so a phrase is common whichever came first:
    // every document's distinct runs in one sorted array, walked alongside the keys.
    let total = 0;
    for (const runs of this.originals) total += runs.length;
    const all = new Float64Array(total);
    let at = 0;
    for (const runs of this.originals) {
      all.set(runs, at);
      at += runs.length;
    }
    all.sort();
    const df = new Uint32Array(u);
    for (let i = 0, k = 0; i < all.length && k < u; ) {
      if (all[i]! < keys[k]!) i++;
      else if (all[i]! > keys[k]!) k++;
      else {
        df[k]!++;
        i++;
      }
    }
    this.table = { keys, start: start.subarray(0, u), end, refs, df };
    return this.table;
  }

  /** Number of distinct withheld shingles indexed. */
  get size(): number {
    return this.settle().keys.length;
  }

  /**
   * Withheld text of other documents found in `released`, the released text of the document
   * with stem `releasedStem` (the same stem is the same cable, in any folder, and is skipped;
   * null for a file of no known document). Sorted by folder, then stem.
   */
  find(released: string, releasedStem: string | null): LeakHit[] {
    return this.findRuns(shingleHashes(released, SHINGLE_WORDS), releasedStem);
  }

  /** As {@link find}, from the distinct shingle hashes of the released text. */
  findRuns(released: Iterable<number>, releasedStem: string | null): LeakHit[] {
    const table = this.settle();
    const hits = new Map<number, { portions: Set<string>; runs: number }>();
    for (const s of released) {
      const i = search(table.keys, s);
      if (i < 0 || table.df[i]! >= COMMON_DOCUMENTS) continue;
      const counted = new Set<number>();
      for (let k = table.start[i]!; k < table.end[i]!; k++) {
        const { owner, portionId } = this.refs[table.refs[k]!]!;
        if (this.owners[owner]!.stem === releasedStem) continue;
        let hit = hits.get(owner);
        if (!hit) hits.set(owner, (hit = { portions: new Set(), runs: 0 }));
        if (!counted.has(owner)) hit.runs++;
        counted.add(owner);
        hit.portions.add(portionId);
      }
    }
    const key = (o: number) => `${this.owners[o]!.where ?? ''}\u0000${this.owners[o]!.stem}`;
    return [...hits]
      .filter(([, h]) => h.runs >= MIN_CROSS_RUNS)
      .sort(([a], [b]) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
      .map(([owner, h]) => {
        const { stem, where } = this.owners[owner]!;
        return { from: stem, ...(where !== undefined ? { where } : {}), portions: [...h.portions].sort(), runs: h.runs };
      });
  }
}

/** Index of `x` in the sorted `keys`, or -1. */
function search(keys: Float64Array, x: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = keys[mid]!;
    if (v < x) lo = mid + 1;
    else if (v > x) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** An append-only typed array that doubles its buffer as it grows. */
class GrowableArray<T extends Float64Array | Uint32Array> {
  private data: T;
  private length = 0;
  constructor(private readonly Kind: { new (n: number): T }) {
    this.data = new Kind(1024);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new this.Kind(this.data.length * 2);
      bigger.set(this.data as never);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** `5 run(s) of 8 words withheld in 08BERLIN173 (p2, p3)`: how a hit is described, never quoting it. */
export function describeHit(hit: LeakHit, self: boolean): string {
  const from = hit.where !== undefined ? `${hit.from} (released into ${hit.where})` : hit.from;
  const what = self ? `${hit.runs} run(s) of withheld words` : `${hit.runs} run(s) of ${SHINGLE_WORDS} words withheld in ${from}`;
  return `${what} (${hit.portions.join(', ')})`;
}
