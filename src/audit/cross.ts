/**
 * Leak comparisons for the audit: withheld text of one document against a release of the same
 * document (self) or of another (cross-document: cables quote each other, and a release is only
 * as safe as its least careful sibling). Text is compared as 8-word shingles normalised as in
 * src/leak/words.ts; shingles the document legitimately shows (its visible text) do not count.
 * Pure; never returns withheld words, only where they came from and how many runs matched.
 */
import type { WithheldPiece } from '../engine/withheld.js';
import { releaseShingles, runsWithout, shingleHashes, unionOfRuns, type ReleaseShingles, type RunSet } from '../leak/shingle-hash.js';
import { cutAtPlaceholders } from '../leak/tool-words.js';
import { selfLeakRuns, SHINGLE_WORDS } from '../leak/words.js';

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
 * word-aligned, where `visible` does not hold them ({@link selfLeakRuns}). `released` may be
 * several pieces read apart (a PDF's text cut at its box labels). Returns null when clean.
 */
export function findSelfLeak(stem: string, pieces: readonly WithheldPiece[], visible: string, released: string | readonly string[]): LeakHit | null {
  // Read between the tool's own words (placeholders, box labels): no run goes through them.
  const apart = (typeof released === 'string' ? [released] : released).flatMap(cutAtPlaceholders);
  const { runs, portions } = selfLeakRuns(pieces, visible, apart);
  return runs.size === 0 ? null : { from: stem, portions: [...portions].sort(), runs: runs.size };
}

/**
 * A phrase is formulaic (`Visit Mexico City's Classified Web Site at …`, `This is an action
 * request, see paragraph 3`) and not reported as a cross-document leak when it is in the originals
 * of this many documents or more and fewer than half of them withhold it as marked text:
 * boilerplate is in dozens of cables, shown, or withheld where it is unmarked (its level unknown,
 * fail closed), and now and then swallowed by a classified paragraph. Frequency alone excuses
 * nothing: a paragraph marked (C) and withheld in eleven cables and released in a twelfth is a
 * leak however often it is repeated.
 */
export const COMMON_DOCUMENTS = 10;

/**
 * Whether a run in the originals of `documents` documents, withheld as marked text (a portion
 * with a marking, or a redacted span) in `claimed` of them, is boilerplate ({@link COMMON_DOCUMENTS}).
 */
export function isBoilerplate(documents: number, claimed: number): boolean {
  return documents >= COMMON_DOCUMENTS && 2 * claimed < documents;
}

/**
 * Whether a run is a cable's furniture: header lines of `inHeader` indexed documents (routing,
 * pass lines such as `STATE PASS TO USAID FOR AID/ANE`), withheld as marked text by none (`claimed`
 * 0). Cables of one post to the same addressees share them; one whose header the reader could not
 * confirm (an extract cut before its E.O. line) withholds them as unmarked text of its level, fail
 * closed, where the others release them as header. That is no text decided differently: the
 * audit failed every corpus release on it (probe 67b F8). Marked text in another's header is
 * still a leak.
 */
export function isFurniture(inHeader: number, claimed: number): boolean {
  return inHeader > 0 && claimed === 0;
}

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
  readonly pieces: readonly { readonly portionId: string; readonly hashes: Float64Array; readonly unmarked?: true }[];
  /** Distinct runs of the original (visible and withheld text), for document frequencies. */
  readonly original: Float64Array;
  /** Distinct runs of the released text (empty when only withheld text is indexed). */
  readonly released: Float64Array;
  /** Distinct runs of the document's header and frame lines (see {@link isFurniture}); none when absent. */
  readonly header?: Float64Array;
}

/** The digest of one document: its withheld pieces, the text it is meant to show, and its release text. */
export function crossDigest(stem: string, pieces: readonly WithheldPiece[], visible: string, released: string, header = ''): CrossDigest {
  return crossDigestOf(stem, pieces, releaseShingles(pieces.map((p) => p.text), released, visible, SHINGLE_WORDS), header);
}

/**
 * {@link crossDigest} from the shingles a release made for its self-check (`shingles` of
 * `pieces`, in the same order, with {@link SHINGLE_WORDS}-word runs).
 */
export function crossDigestOf(stem: string, pieces: readonly Pick<WithheldPiece, 'portionId' | 'unmarked'>[], shingles: ReleaseShingles, header = ''): CrossDigest {
  const allowed = shingles.visible;
  const out: { portionId: string; hashes: Float64Array; unmarked?: true }[] = [];
  shingles.withheld.forEach(({ words, runs }, i) => {
    const { portionId, unmarked } = pieces[i]!;
    if (words >= SHINGLE_WORDS) out.push({ portionId, hashes: runsWithout(runs, allowed), ...(unmarked ? { unmarked } : {}) });
  });
  return { stem, pieces: out, original: unionOfRuns([allowed, ...shingles.withheld.map((w) => w.runs)]), released: shingles.output, header: shingleHashes(header, SHINGLE_WORDS) };
}

/**
 * An index of the withheld text of many documents, to find any of it in the released text of
 * the others. Only runs of 8 words count (shorter pieces would match ordinary phrases across
 * documents), only runs the document does not also show, not boilerplate (phrases in
 * {@link COMMON_DOCUMENTS} or more of the indexed originals, fewer than half of which withhold
 * them as marked text: {@link isBoilerplate}), and a hit needs
 * {@link MIN_CROSS_RUNS} runs.
 *
 * Adding a document keeps its digest; a search ({@link findAll}) then looks at the withheld runs
 * that can matter to it. A filter of the released runs searched (a bit array that fits in the
 * processor's cache) lets through every withheld run that occurs in them and about one in twenty
 * of the others; only those go into a hash table (run to the documents and portions that
 * withhold it) and have their document frequencies counted (originals holding it, documents withholding it as marked text). Over 600 corpus
 * cables that is a few thousand runs of some 500,000, and the search a few times faster than one
 * table of every withheld run, whose look-ups each missed the cache. The result is the same:
 * the filter has no false negatives. Holds shingle hashes only, about 16 bytes per run of each
 * original, so a batch of thousands of cables fits in tens of megabytes.
 */
export class WithheldIndex {
  private readonly owners: IndexedDocument[] = [];

  /**
   * Adds a document's withheld pieces; `visible` is the text its release is meant to show;
   * `where` names the folder it was released into when that is not the folder at hand.
   */
  add(stem: string, pieces: readonly WithheldPiece[], visible: string, where?: string, header = ''): void {
    this.addDigest(crossDigest(stem, pieces, visible, '', header), where);
  }

  /** Adds a document by its digest (as computed in a worker). */
  addDigest(digest: CrossDigest, where?: string): void {
    this.owners.push({ digest, where });
  }

  /** Number of documents indexed. */
  get documents(): number {
    return this.owners.length;
  }

  /**
   * Withheld text of other documents found in `released`, the released text of the document
   * with stem `releasedStem` (the same stem is the same cable, in any folder, and is skipped;
   * null for a file of no known document). Sorted by folder, then stem. To search many texts,
   * {@link findAll} them at once: each search looks at every indexed digest.
   */
  find(released: string, releasedStem: string | null): LeakHit[] {
    return this.findRuns(shingleHashes(released, SHINGLE_WORDS), releasedStem);
  }

  /** As {@link find}, from the distinct shingle hashes of the released text (ascending, as {@link shingleHashes} gives them). */
  findRuns(released: RunSet, releasedStem: string | null): LeakHit[] {
    return this.findAll([{ runs: released, stem: releasedStem }])[0]!;
  }

  /** {@link findRuns} for each released text, in order. */
  findAll(released: readonly { readonly runs: RunSet; readonly stem: string | null }[]): LeakHit[][] {
    const search = new WithheldSearch(this.owners, released.map((r) => r.runs));
    return released.map((r) => search.find(r.runs, r.stem));
  }
}

/** A document of the index: its digest, and the folder it was released into when not the one at hand. */
interface IndexedDocument {
  readonly digest: CrossDigest;
  readonly where: string | undefined;
}

/** The withheld runs of the indexed documents that occur in the released runs of one search, with their document frequencies. */
class WithheldSearch {
  private readonly runs = new RunTable();
  /** Per run (by its id in `runs`): its last link (-1: none). */
  private heads = new Int32Array(1024).fill(-1);
  /** Links: a ref (index into `refs`) and the run's previous link (-1: none). */
  private linkRef = new Uint32Array(4096);
  private linkNext = new Int32Array(4096);
  private links = 0;
  /** (owner, portion id) pairs that runs point to. */
  private readonly refs: { owner: number; portionId: string }[] = [];
  /** Per run in `runs`: 1 when it is boilerplate ({@link isBoilerplate}). */
  private readonly common: Uint8Array;

  constructor(
    private readonly owners: readonly IndexedDocument[],
    released: readonly RunSet[],
  ) {
    const filter = new RunFilter(released.reduce((n, r) => n + r.length, 0));
    for (const set of released) for (let i = 0; i < set.length; i++) filter.add(set[i]!);
    // Documents withholding each run as marked text (a document's pieces may share a run: counted once).
    let withheld = new Uint32Array(1024);
    let lastOwner = new Int32Array(1024).fill(-1);
    owners.forEach(({ digest }, owner) => {
      for (const piece of digest.pieces) {
        const hashes = piece.hashes;
        let ref = -1;
        for (let i = 0; i < hashes.length; i++) {
          if (!filter.mayHold(hashes[i]!)) continue;
          if (ref < 0) ref = this.refs.push({ owner, portionId: piece.portionId }) - 1;
          const id = this.runs.insert(hashes[i]!);
          // A piece's runs are distinct, so a ref is linked to a run at most once.
          this.link(id, ref);
          if (id >= withheld.length) [withheld, lastOwner] = [grown(withheld, 0), grown(lastOwner, -1)];
          if (!piece.unmarked && lastOwner[id] !== owner) {
            withheld[id]!++;
            lastOwner[id] = owner;
          }
        }
      }
    });
    this.common = commonRuns(this.runs, owners, filter, withheld);
  }

  /** Adds `ref` to the refs of run `id`. */
  private link(id: number, ref: number): void {
    if (id >= this.heads.length) {
      const heads = new Int32Array(this.heads.length * 2).fill(-1);
      heads.set(this.heads);
      this.heads = heads;
    }
    if (this.links === this.linkRef.length) {
      const refs = new Uint32Array(this.links * 2);
      refs.set(this.linkRef);
      this.linkRef = refs;
      const next = new Int32Array(this.links * 2);
      next.set(this.linkNext);
      this.linkNext = next;
    }
    this.linkRef[this.links] = ref;
    this.linkNext[this.links] = this.heads[id]!;
    this.heads[id] = this.links++;
  }

  /** The hits in `released` (one of the run sets the search was made for). */
  find(released: RunSet, releasedStem: string | null): LeakHit[] {
    const { heads, linkRef, linkNext, common } = this;
    const hits = new Map<number, { portions: Set<string>; runs: number }>();
    for (let i = 0; i < released.length; i++) {
      const id = this.runs.find(released[i]!);
      if (id < 0 || common[id] === 1) continue;
      const counted = new Set<number>();
      for (let link = heads[id]!; link >= 0; link = linkNext[link]!) {
        const { owner, portionId } = this.refs[linkRef[link]!]!;
        if (this.owners[owner]!.digest.stem === releasedStem) continue;
        let hit = hits.get(owner);
        if (!hit) hits.set(owner, (hit = { portions: new Set(), runs: 0 }));
        if (!counted.has(owner)) hit.runs++;
        counted.add(owner);
        hit.portions.add(portionId);
      }
    }
    const key = (o: number) => `${this.owners[o]!.where ?? ''}\u0000${this.owners[o]!.digest.stem}`;
    return [...hits]
      .filter(([, h]) => h.runs >= MIN_CROSS_RUNS)
      .sort(([a], [b]) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
      .map(([owner, h]) => {
        const { digest: { stem }, where } = this.owners[owner]!;
        return { from: stem, ...(where !== undefined ? { where } : {}), portions: [...h.portions].sort(), runs: h.runs };
      });
  }
}

/** `a` twice as long, the new half filled with `fill`. */
function grown<T extends Uint32Array | Int32Array>(a: T, fill: number): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  b.fill(fill, a.length);
  return b;
}

/** Per run of `runs`: 1 when boilerplate ({@link isBoilerplate}), counting the originals of `owners` that hold it. */
function commonRuns(runs: RunTable, owners: readonly IndexedDocument[], filter: RunFilter, withheld: Uint32Array): Uint8Array {
  const held = documentsHolding(runs, owners, filter, (d) => d.original);
  const inHeader = documentsHolding(runs, owners, filter, (d) => d.header ?? NO_RUNS);
  const common = new Uint8Array(runs.size);
  for (let id = 0; id < runs.size; id++) common[id] = isBoilerplate(held[id]!, withheld[id] ?? 0) || isFurniture(inHeader[id]!, withheld[id] ?? 0) ? 1 : 0;
  return common;
}

const NO_RUNS = new Float64Array(0);

/** Per run of `runs`: how many of `owners` hold it in the run set `of` picks from their digest. */
function documentsHolding(runs: RunTable, owners: readonly IndexedDocument[], filter: RunFilter, of: (d: CrossDigest) => Float64Array): Uint32Array {
  const held = new Uint32Array(runs.size);
  for (const { digest } of owners) {
    const set = of(digest);
    for (let i = 0; i < set.length; i++) {
      const h = set[i]!;
      if (!filter.mayHold(h)) continue;
      const id = runs.find(h);
      if (id >= 0) held[id]!++;
    }
  }
  return held;
}

/**
 * A Bloom filter of shingle hashes: about 16 bits and two probes per run, so that some one run
 * in twenty that was never added passes (and is then looked up for nothing), never one that was
 * added fails.
 */
class RunFilter {
  private readonly bits: Int32Array;
  private readonly shift: number;

  constructor(runs: number) {
    // At least 2^16 bits; a power of two of at least 16 per run.
    let log = 16;
    while (2 ** log < 16 * runs) log++;
    this.bits = new Int32Array(2 ** (log - 5));
    this.shift = 32 - log;
  }

  /** `h`'s two halves mixed into 32 bits: the first bit position is its top bits, the second {@link again}'s. */
  private static mix(h: number): number {
    return Math.imul((h >>> 0) ^ Math.imul((h / 0x100000000) | 0, 0x85ebca6b), 0x9e3779b1);
  }

  private static again(x: number): number {
    return Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
  }

  private has(bit: number): boolean {
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  private set(bit: number): void {
    this.bits[bit >>> 5]! |= 1 << (bit & 31);
  }

  add(h: number): void {
    const x = RunFilter.mix(h);
    this.set(x >>> this.shift);
    this.set(RunFilter.again(x) >>> this.shift);
  }

  /** False when `h` was surely never added. */
  mayHold(h: number): boolean {
    const x = RunFilter.mix(h);
    return this.has(x >>> this.shift) && this.has(RunFilter.again(x) >>> this.shift);
  }
}

/**
 * A set of shingle hashes (non-negative integers below 2^52) giving each a dense id in the order
 * inserted: open addressing over a power-of-two table of ids, the hashes themselves by id.
 */
class RunTable {
  private slots = new Int32Array(1 << 12).fill(-1);
  /** 32 minus the number of bits of a slot index: the top bits of the product pick the slot. */
  private shift = 20;
  private keys = new Float64Array(1 << 11);
  size = 0;

  /** The slot where `h` is, or the empty slot where it would go. */
  private slotOf(h: number): number {
    const { slots, keys } = this;
    const mask = slots.length - 1;
    // Both halves of the 52-bit value, mixed (Fibonacci hashing).
    let i = Math.imul((h >>> 0) ^ ((h / 0x100000000) | 0), 0x9e3779b1) >>> this.shift;
    for (let id = slots[i]!; id >= 0 && keys[id] !== h; id = slots[i]!) i = (i + 1) & mask;
    return i;
  }

  /** The id of `h`, or -1. */
  find(h: number): number {
    return this.slots[this.slotOf(h)]!;
  }

  /** The id of `h`, added (as the next id) when new. */
  insert(h: number): number {
    const slot = this.slotOf(h);
    const found = this.slots[slot]!;
    if (found >= 0) return found;
    const id = this.size++;
    this.keys[id] = h;
    this.slots[slot] = id;
    // At most half full: the table and the keys double together, before the keys are full.
    if (2 * this.size >= this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.shift--;
    for (let id = 0; id < this.size; id++) this.slots[this.slotOf(keys[id]!)] = id;
  }
}

/** `5 run(s) of 8 words withheld in 08BERLIN173 (p2, p3)`: how a hit is described, never quoting it. */
export function describeHit(hit: LeakHit, self: boolean): string {
  const from = hit.where !== undefined ? `${hit.from} (released into ${hit.where})` : hit.from;
  const what = self ? `${hit.runs} run(s) of withheld words` : `${hit.runs} run(s) of ${SHINGLE_WORDS} words withheld in ${from}`;
  return `${what} (${hit.portions.join(', ')})`;
}
