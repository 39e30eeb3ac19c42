/**
 * A document's Vaughn index rows in a compact form, for a batch too large to hold its rows as
 * objects (more than 2,000 documents, ../batch/run.ts): each string once in a table, each row a
 * run of numbers. Made where the document is released (a worker thread, beside its record and
 * release text); the batch's thread then moves the strings into one table for the whole batch
 * ({@link StringPool}), so that a justification sentence, an authority or a segregability
 * statement repeated over thousands of rows is held once. Without it, writing the index of such a
 * batch read every audit record (15 KB of JSON a cable) and release text back and built the rows
 * again, on one thread after the workers had finished. Decoded, the rows are the objects
 * ./build.ts `indexRowsOf` made, field for field and in the same key order (the JSON index
 * stringifies them as they are).
 */
import type { IndexEntry } from './build.js';
import type { IndexRow } from './types.js';

/** Rows of one document: `codes` index into `strings` (-1: null), numbers as they are (-1: null). */
export interface CompactRows {
  readonly strings: readonly string[];
  readonly codes: Int32Array;
}

/** The fields every row of a document repeats (one per document in the codes). */
const DOC_FIELDS = ['document', 'stem', 'docNumber', 'date', 'subject', 'fromTo', 'disposition', 'segregability'] as const;

/**
 * A justification is held as its sentences: most are shared by rows and documents (the reasons,
 * the declassification, the rule), the first names the portion. Joined back they are the text.
 */
const SENTENCE_END = /(?<=\. )/;

/**
 * The rows in compact form, or null when one cannot be (a number that is not a small whole
 * number, or a document field that differs between its rows): the caller keeps the rows then.
 */
export function compactRows(rows: readonly IndexRow[]): CompactRows | null {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string | null): number => {
    if (s === null) return -1;
    let i = ids.get(s);
    if (i === undefined) ids.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const codes: number[] = [rows.length];
  const first = rows[0];
  if (first) {
    for (const f of DOC_FIELDS) codes.push(id(first[f]));
    codes.push(first.pages ?? -1);
  }
  for (const row of rows) {
    if (!first || DOC_FIELDS.some((f) => row[f] !== first[f]) || row.pages !== first.pages) return null;
    const { page, line } = row.location;
    if (![first.pages, page, line].every((n) => n === null || (Number.isInteger(n) && n >= 0 && n < 2 ** 31))) return null;
    codes.push(id(row.portion), id(row.kind), page ?? -1, id(row.location.paragraph), line ?? -1, id(row.exemptions), id(row.rule));
    codes.push(row.authority.length, ...row.authority.map(id));
    const sentences = row.justification.split(SENTENCE_END);
    codes.push(sentences.length, ...sentences.map(id));
  }
  return { strings, codes: Int32Array.from(codes) };
}

/** Codes a block of the pool holds (1 MB): see {@link StringPool}. */
const BLOCK_CODES = 1 << 18;

/**
 * The strings of a whole batch, each held once; `intern` moves a document's rows onto it. Their
 * codes go into large blocks, a view each, rather than a small array a document. (Measured: the
 * batch's peak RSS at 20,000 text documents rose from 242 to 350-367 MB with or without the
 * blocks, though the pool and codes held only some 20 MB: see README, stop 66.)
 */
export class StringPool {
  private readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  private block = new Int32Array(0);
  private used = 0;

  /** The same rows, their codes pointing into this pool (the document's own table let go). */
  intern(rows: CompactRows): CompactRows {
    const local = rows.strings.map((s) => {
      let i = this.ids.get(s);
      if (i === undefined) this.ids.set(s, (i = this.strings.push(s) - 1));
      return i;
    });
    const n = rows.codes.length;
    if (this.used + n > this.block.length) {
      this.block = new Int32Array(Math.max(BLOCK_CODES, n));
      this.used = 0;
    }
    const codes = this.block.subarray(this.used, this.used + n);
    this.used += n;
    codes.set(rows.codes);
    forEachStringCode(codes, (at) => (codes[at] = codes[at]! < 0 ? -1 : local[codes[at]!]!));
    return { strings: this.strings, codes };
  }
}

/** Calls `visit` with the position of every string code of `codes` (see compactRows). */
function forEachStringCode(codes: Int32Array, visit: (at: number) => void): void {
  const n = codes[0]!;
  if (n === 0) return;
  let at = 1;
  for (const _ of DOC_FIELDS) visit(at++);
  at++; // pages
  for (let r = 0; r < n; r++) {
    visit(at++); // portion
    visit(at++); // kind
    at++; // page
    visit(at++); // paragraph
    at++; // line
    visit(at++); // exemptions
    visit(at++); // rule
    for (let k = codes[at++]!; k > 0; k--) visit(at++); // authority
    for (let k = codes[at++]!; k > 0; k--) visit(at++); // justification's sentences
  }
}

/** The rows again, numbered from `firstNo`: the objects compactRows was given, but for their numbers. */
export function expandRows(rows: CompactRows, firstNo: number): IndexRow[] {
  const { strings, codes } = rows;
  const str = (i: number): string | null => (i < 0 ? null : strings[i]!);
  const num = (i: number): number | null => (i < 0 ? null : i);
  const n = codes[0]!;
  const out: IndexRow[] = [];
  if (n === 0) return out;
  const doc = (field: (typeof DOC_FIELDS)[number]): string | null => str(codes[1 + DOC_FIELDS.indexOf(field)]!);
  const [document, stem, docNumber, date, subject, fromTo, disposition, segregability] = DOC_FIELDS.map(doc);
  const pages = num(codes[1 + DOC_FIELDS.length]!);
  let at = 2 + DOC_FIELDS.length;
  for (let r = 0; r < n; r++) {
    const portion = strings[codes[at++]!]!;
    const kind = strings[codes[at++]!]! as IndexRow['kind'];
    const page = num(codes[at++]!);
    const paragraph = strings[codes[at++]!]!;
    const line = num(codes[at++]!);
    const exemptions = strings[codes[at++]!]!;
    const rule = strings[codes[at++]!]!;
    const authority: string[] = [];
    for (let k = codes[at++]!; k > 0; k--) authority.push(strings[codes[at++]!]!);
    let justification = '';
    for (let k = codes[at++]!; k > 0; k--) justification += strings[codes[at++]!]!;
    // The key order of build.ts indexRowsOf: the JSON index is these objects stringified.
    out.push({
      no: firstNo + r,
      document: document!,
      stem: stem!,
      docNumber: docNumber!,
      date: date!,
      subject: subject!,
      fromTo: fromTo!,
      pages,
      disposition: disposition as IndexRow['disposition'],
      portion,
      kind,
      location: { page, paragraph, line },
      authority,
      exemptions,
      rule,
      justification,
      segregability: segregability!,
    });
  }
  return out;
}

/** The entry with its rows (`made`) in compact form instead (as it is when it has none, or they cannot be). */
export function withCompactRows(entry: IndexEntry): IndexEntry {
  const { made, ...rest } = entry;
  const compact = made ? compactRows(made) : null;
  return compact ? { ...rest, compact } : entry;
}
