/**
 * Document numbers of a case (`release --case`), fixed before anything is written: every document
 * of the batch and every document already released into the folder, sorted by reference, numbered
 * from `--doc-start` (src/release/case.ts). The same inputs into the same folder give the same
 * numbers on a re-run and on a resume; adding documents to a folder renumbers those after them
 * (and so releases them again).
 */
import path from 'node:path';
import { parseRecord } from '../audit/verify.js';
import { readBytesOrNull, readInput, readInputData } from '../node/read.js';
import { listNames } from '../node/walk.js';
import { OutputError, UsageError } from '../errors.js';
import { sha256Hex } from '../hash.js';
import { assignDocNumbers, MAX_DOC_NUMBER, type NumberedDocument } from '../release/case.js';
import { numberingStem, REVIEW_DIR, stemOfRecordPath } from '../release/folder.js';
import type { OverrideCheckInputs } from './folder-check.js';

/** The inputs of a batch as the numbering reads them (as the overrides check does), and the first number (`--doc-start`). */
export interface NumberingInputs extends OverrideCheckInputs {
  readonly start: number;
}

/** A document already released into the folder whose number the batch changes: it must be released again. */
export interface RenumberedDocument {
  /** Its output stem in the folder (`doc-…` for a renamed one). */
  readonly stem: string;
  /** Its input as recorded (relative to the working folder, or absolute; `-` for standard input) and the input's sha256. */
  readonly path: string;
  readonly sha256: string;
  /** The number its record carries, and the one it gets now. */
  readonly from: string;
  readonly to: string;
}

/** The document number of each stem, and the documents of the folder that the batch renumbers. */
export interface BatchNumbers {
  readonly numbers: Map<string, string>;
  readonly renumbered: readonly RenumberedDocument[];
}

/**
 * The document number of each stem, and the documents already in the folder whose recorded number
 * differs from theirs now (a batch that adds a document sorting before them): those must be
 * released again, or two documents of the case carry one number. Reads and parses every input once
 * for its reference; a file that cannot be read gets no number (the batch reports it). A usage
 * error when the numbers would run past `C99999999`.
 */
export async function docNumbersOfBatch(inputs: NumberingInputs): Promise<BatchNumbers> {
  const docs: NumberedDocument[] = [];
  const inFolder: (Omit<RenumberedDocument, 'to'> & { own: string })[] = [];
  const stems = new Set<string>();
  for (const [i, file] of inputs.files.entries()) {
    const stem = inputs.stemOf(file, i);
    if (stems.has(stem)) continue; // the batch fails the second file of a stem
    stems.add(stem);
    // Standard input may hold a PDF too: readInputData reads either.
    const read = file === '-' && inputs.stdin ? await readInputData(inputs.stdin, inputs.maxInputBytes, inputs.inputFormat) : await readInput(file, inputs.maxInputBytes, inputs.inputFormat);
    if (read.ok) docs.push({ stem, ref: read.doc.ref ?? null });
  }
  if (inputs.out !== null) {
    for (const name of await listNames(path.join(inputs.out, REVIEW_DIR))) {
      const stem = stemOfRecordPath(`${REVIEW_DIR}/${name}`);
      if (stem === null || name.startsWith('.') || stems.has(stem)) continue;
      const bytes = await readBytesOrNull(path.join(inputs.out, REVIEW_DIR, name));
      const parsed = bytes ? parseRecord(stem, bytes) : null;
      if (!parsed?.ok) continue;
      // A renamed document is the same document, not another (numberingStem).
      const own = numberingStem(stem, parsed.record);
      if (stems.has(own)) continue;
      stems.add(own);
      docs.push({ stem: own, ref: parsed.record.input.ref ?? null });
      const { input } = parsed.record;
      inFolder.push({ stem, own, path: input.path, sha256: input.sha256, from: parsed.record.case?.docNumber ?? '' });
    }
  }
  // Bad input, not a bug: the numbers would run past C99999999 (checked before anything is written).
  const last = inputs.start + docs.length - 1;
  if (last > MAX_DOC_NUMBER) {
    throw new UsageError(`--doc-start ${inputs.start}: ${docs.length} document(s) (the batch's and those already released into the folder) would be numbered up to ${last}, past C${MAX_DOC_NUMBER}; start at ${MAX_DOC_NUMBER - docs.length + 1} at most`);
  }
  const numbers = assignDocNumbers(docs, inputs.start);
  const renumbered: RenumberedDocument[] = [];
  for (const d of inFolder.sort((a, b) => (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0))) {
    const to = numbers.get(d.own)!;
    if (d.from !== to) renumbered.push({ stem: d.stem, path: d.path, sha256: d.sha256, from: d.from, to });
  }
  return { numbers, renumbered };
}

/**
 * The inputs of the documents the batch renumbers, to be released again with their new numbers
 * (README, "The release package"): each at its recorded path, as the working folder resolves it,
 * with its recorded bytes. Refuses (exit 73, nothing written) when one is not there as it was
 * (moved, edited, or read from standard input): releasing the batch alone would leave two
 * documents of the case with one number.
 *
 * @returns The paths to add to the batch, in stem order.
 */
export async function inputsToReleaseAgain(docs: readonly RenumberedDocument[], cwd: string, out: string): Promise<string[]> {
  const missing: string[] = [];
  for (const d of docs) {
    const bytes = d.path === '-' ? null : await readBytesOrNull(path.resolve(cwd, d.path));
    if (bytes && sha256Hex(bytes) === d.sha256) continue;
    const why = d.path === '-' ? 'was read from standard input' : bytes ? `has changed since (sha256 ${d.sha256.slice(0, 12)}… recorded)` : 'is not there';
    missing.push(`${d.stem} (${d.from || 'no number'} → ${d.to}): its input ${d.path} ${why}`);
  }
  if (missing.length > 0) {
    const shown = missing.slice(0, 3).join('; ') + (missing.length > 3 ? `; and ${missing.length - 3} more` : '');
    throw new OutputError(
      `${out}: the documents given renumber ${docs.length} document(s) of the case already released into it, which must be released again with their new numbers, but ${shown}; name those inputs with the new documents, or release the whole case into a new --out`,
    );
  }
  return docs.map((d) => d.path);
}
