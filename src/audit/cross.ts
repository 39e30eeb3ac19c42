/**
 * Leak comparisons for the audit: withheld text of one document against a release of the same
 * document (self) or of another (cross-document: cables quote each other, and a release is only
 * as safe as its least careful sibling). Text is compared as 8-word shingles normalised as in
 * leaks.ts; shingles the document legitimately shows (its visible text) do not count.
 * Pure; never returns withheld words, only where they came from and how many runs matched.
 */
import { labelOf } from '../engine/edits.js';
import type { Plan } from '../types.js';
import { normalisedWords, shingles } from './leaks.js';
import { hashesOfWords, shingleHashes } from './shingle-hash.js';

/** Shingle length used by every audit comparison (as the release self-check). */
export const SHINGLE_WORDS = 8;

/** A withheld portion or redacted span and its text (held in memory only; never written). */
export interface WithheldPiece {
  /** Portion id (`p3`, `subject`); a redacted span carries the id of the portion it is in. */
  readonly portionId: string;
  readonly text: string;
}

/** The withheld portions and redacted spans of a plan, with their text. */
export function withheldPieces(plan: Plan): WithheldPiece[] {
  const { source, portions } = plan.document;
  const byId = new Map(portions.map((p) => [p.id, p]));
  const out: WithheldPiece[] = [];
  for (const d of plan.decisions) {
    if (d.action !== 'withhold') continue;
    const p = byId.get(d.portionId);
    if (!p) continue;
    // The kept label (`¶3. `) is shown in the release: it is not withheld text.
    const label = labelOf(source, p);
    const text = p.segments.map((s) => source.slice(s.start, s.end)).join('\n');
    out.push({ portionId: d.portionId, text: text.startsWith(label) ? text.slice(label.length) : text });
  }
  for (const r of plan.redactions) out.push({ portionId: r.portionId, text: source.slice(r.span.start, r.span.end) });
  return out;
}

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
 * What the cross-document check needs of one document, as shingle hashes (see shingle-hash.ts):
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
  /** shingle hash → number of indexed documents whose original holds it, and indexes into `refs`. */
  private readonly entries = new Map<number, { df: number; refs: number[] }>();
  /** (owner, portion id) pairs that shingles point to. */
  private readonly refs: { owner: number; portionId: string }[] = [];
  private readonly owners: { stem: string; where: string | undefined }[] = [];
  /** Each indexed document's original runs, for document frequencies. */
  private pending: Float64Array[] = [];
  private done: Float64Array[] = [];

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
        let entry = this.entries.get(h);
        if (!entry) this.entries.set(h, (entry = { df: 0, refs: [] }));
        if (entry.refs[entry.refs.length - 1] !== ref) entry.refs.push(ref);
      }
    }
    this.pending.push(digest.original);
  }

  /** Counts, for every withheld shingle, the indexed documents whose original holds it. */
  private settle(): void {
    if (this.pending.length === 0) return;
    // Counted over every document once all are in, so a phrase is common whichever came first.
    for (const e of this.entries.values()) e.df = 0;
    this.done.push(...this.pending);
    this.pending = [];
    for (const runs of this.done) {
      for (const h of runs) {
        const e = this.entries.get(h);
        if (e) e.df++;
      }
    }
  }

  /** Number of distinct withheld shingles indexed. */
  get size(): number {
    return this.entries.size;
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
    this.settle();
    const hits = new Map<number, { portions: Set<string>; runs: number }>();
    for (const s of released) {
      const entry = this.entries.get(s);
      if (!entry || entry.df >= COMMON_DOCUMENTS) continue;
      const counted = new Set<number>();
      for (const r of entry.refs) {
        const { owner, portionId } = this.refs[r]!;
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

/** `5 run(s) of 8 words withheld in 08BERLIN173 (p2, p3)`: how a hit is described, never quoting it. */
export function describeHit(hit: LeakHit, self: boolean): string {
  const from = hit.where !== undefined ? `${hit.from} (released into ${hit.where})` : hit.from;
  const what = self ? `${hit.runs} run(s) of withheld words` : `${hit.runs} run(s) of ${SHINGLE_WORDS} words withheld in ${from}`;
  return `${what} (${hit.portions.join(', ')})`;
}
