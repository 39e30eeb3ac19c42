/**
 * The leak check on the handed-out Vaughn index (`release/index.csv`, `.json`, `.pdf`, `.xlsx`)
 * (probe 59a F1): an edited record and a rebuilt index put a withheld paragraph into every index
 * file, and the audit passed; the index check compares the index with the records, which said
 * the same. Each index file is read as text (CSV and JSON as they are, the PDF through the same
 * readers as a release PDF, the workbook's XML parts through ./zip-text.ts), and every withheld
 * piece of every record is looked for in it:
 *
 * - 8-word runs (not shown by the document's own release) in any index file, unless a release
 *   text of the folder shows the run (the index quotes released subjects and titles: a run
 *   released by another document is the cross-document check's business, not the index's);
 * - the whole rule of the release texts (a short withheld piece, a name or a number, found whole)
 *   in the cells of the document's own rows of the JSON index that carry the document's words
 *   (ROW_TEXT_CELLS), which the other index files give again (the index check holds them to the
 *   same records).
 *
 * Only shingle hashes of the index are kept; findings never quote withheld words.
 */
import path from 'node:path';
import type { WithheldPiece } from '../engine/withheld.js';
import { releasedRunSet, runIndex, unionOfRuns, type RunSet } from '../leak/shingle-hash.js';
import { readBytesOrNull } from '../node/read.js';
import { INDEX_FORMATS, indexPath } from '../release/folder.js';
import type { CrossDigest } from './cross.js';
import { describeHit, findSelfLeak } from './cross.js';
import { failure, type Finding } from './findings.js';
import { readReleasedText, releasedText } from './scan.js';
import { zipTexts } from './zip-text.js';

/** One run of withheld text found in the index. */
interface Hit {
  readonly stem: string;
  readonly portionId: string;
  /** Its index in `all`. */
  readonly id: number;
}

/** The index files of a folder, read for the leak check. */
export class IndexLeakCheck {
  /** Every 8-word run of every index file, ascending. */
  private readonly all: RunSet;
  /** Per run of `all`: a bit per index file holding it. */
  private readonly inFile: Uint8Array;
  /** Per run of `all`: 1 when a release text of the folder shows it. */
  private readonly released: Uint8Array;
  private readonly hits: Hit[] = [];

  private constructor(
    private readonly files: readonly { readonly rel: string; readonly runs: RunSet }[],
    /** The text of each document's rows of the JSON index, by stem. */
    private readonly rows: ReadonlyMap<string, string>,
    private readonly jsonRel: string | null,
  ) {
    this.all = unionOfRuns(files.map((f) => f.runs));
    this.inFile = new Uint8Array(this.all.length);
    files.forEach((f, bit) => {
      for (let i = 0; i < f.runs.length; i++) this.inFile[runIndex(this.all, f.runs[i]!)]! |= 1 << bit;
    });
    this.released = new Uint8Array(this.all.length);
  }

  /**
   * Reads the index files among `present` (paths of the folder's regular files). Returns the
   * check (null when the folder holds no index file) and a failure for each file that cannot be read.
   */
  static async read(abs: string, present: ReadonlySet<string>): Promise<{ check: IndexLeakCheck | null; findings: Finding[] }> {
    const files: { rel: string; runs: RunSet }[] = [];
    const findings: Finding[] = [];
    let rows = new Map<string, string>();
    let jsonRel: string | null = null;
    for (const kind of INDEX_FORMATS) {
      const rel = indexPath(kind);
      if (!present.has(rel)) continue;
      const pieces = await indexPieces(abs, rel);
      if (typeof pieces === 'string') {
        findings.push(failure(rel, 'leak', `cannot be read for the leak check: ${pieces}`));
        continue;
      }
      files.push({ rel, runs: releasedRunSet(pieces) });
      if (kind === 'json') {
        rows = rowsByStem(pieces[0]!);
        jsonRel = rel;
      }
    }
    return { check: files.length > 0 ? new IndexLeakCheck(files, rows, jsonRel) : null, findings };
  }

  /** Notes the runs of a release text: a run of the index a release shows is no leak of the index. */
  noteReleased(runs: RunSet): void {
    for (let i = 0; i < runs.length; i++) {
      const id = runIndex(this.all, runs[i]!);
      if (id >= 0) this.released[id] = 1;
    }
  }

  /**
   * A document's withheld text against the index: its short pieces in its own JSON rows now (a
   * failure each), its 8-word runs (`digest`, those its release does not show) kept for {@link finish}.
   */
  checkDocument(stem: string, withheld: readonly WithheldPiece[], visible: string, digest: CrossDigest): Finding[] {
    for (const piece of digest.pieces) {
      for (let i = 0; i < piece.hashes.length; i++) {
        const id = runIndex(this.all, piece.hashes[i]!);
        if (id >= 0) this.hits.push({ stem, portionId: piece.portionId, id });
      }
    }
    const own = this.rows.get(stem);
    const hit = own !== undefined ? findSelfLeak(stem, withheld, visible, [own]) : null;
    return hit ? [failure(this.jsonRel!, 'leak', `${describeHit(hit, true)} of ${stem} appear in its rows`)] : [];
  }

  /** The 8-word runs found, by index file and document, that no release text of the folder shows. */
  finish(): Finding[] {
    const out: Finding[] = [];
    this.files.forEach((f, bit) => {
      const byStem = new Map<string, { runs: Set<number>; portions: Set<string> }>();
      for (const h of this.hits) {
        if (this.released[h.id] === 1 || (this.inFile[h.id]! & (1 << bit)) === 0) continue;
        let e = byStem.get(h.stem);
        if (!e) byStem.set(h.stem, (e = { runs: new Set(), portions: new Set() }));
        e.runs.add(h.id);
        e.portions.add(h.portionId);
      }
      for (const [stem, e] of [...byStem].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        out.push(failure(f.rel, 'leak', `${describeHit({ from: stem, portions: [...e.portions].sort(), runs: e.runs.size }, true)} of ${stem} appear here`));
      }
    });
    return out;
  }
}

/** An index file's text as pieces read apart, or why it cannot be read. */
async function indexPieces(abs: string, rel: string): Promise<string[] | string> {
  const bytes = await readBytesOrNull(path.join(abs, rel));
  if (!bytes) return 'cannot be read';
  if (rel.endsWith('.pdf')) {
    // declass typesets the index (the index check holds its bytes to the records): the own reader
    // reads all of it, and pdf.js (half the audit's memory on a large index) only what it cannot.
    const own = releasedText(rel, bytes);
    const t = own.text !== null ? own : await readReleasedText(abs, rel);
    if (!t || t.text === null) return t?.unreadable ?? 'cannot be read';
    return [...t.pieces, ...(t.raw ?? [])];
  }
  if (rel.endsWith('.xlsx')) {
    const zip = zipTexts(bytes);
    return zip.ok ? zip.texts : zip.message;
  }
  return [Buffer.from(bytes).toString('utf8')];
}

/**
 * The cells of an index row that carry the document's own words: its name, number, subject or
 * title and sender/addressees. The others are the tool's words (exemptions, justification,
 * segregability, rule, location), written from the record: the index check holds them to the
 * records and the re-run check the records to the originals, so no withheld piece reaches them
 * but through an edited record, which those checks fail. Read in full, a one-word withheld
 * heading (`Security`, 09STATE37566) was found in `national security information`, and a
 * paragraph that is only its mark (`(S-ENTIRE TEXT)`) in `the cable's entire-text classification
 * statement`: the audit failed correct releases of corpus cables (probe 68c).
 */
const ROW_TEXT_CELLS = ['document', 'stem', 'docNumber', 'subject', 'fromTo'] as const;

/** The document's own words in each JSON index row (ROW_TEXT_CELLS), joined, by the row's stem (empty when the file is no index). */
function rowsByStem(json: string): Map<string, string> {
  const out = new Map<string, string[]>();
  try {
    const rows = (JSON.parse(json) as { rows?: unknown }).rows;
    if (!Array.isArray(rows)) return new Map();
    for (const row of rows as Record<string, unknown>[]) {
      const stem = String(row?.['stem']);
      out.set(stem, [...(out.get(stem) ?? []), ...ROW_TEXT_CELLS.flatMap((cell) => stringsOf(row?.[cell]))]);
    }
  } catch {
    return new Map();
  }
  return new Map([...out].map(([stem, texts]) => [stem, texts.join('\n')]));
}

function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (v && typeof v === 'object') return Object.values(v).flatMap(stringsOf);
  return [];
}
