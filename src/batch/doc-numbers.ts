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
import { UsageError } from '../errors.js';
import { assignDocNumbers, MAX_DOC_NUMBER, type NumberedDocument } from '../release/case.js';
import { REVIEW_DIR, safeStem, stemOfRecordPath } from '../release/folder.js';
import { isRenamedStem } from '../release/safe-stem.js';
import type { OverrideCheckInputs } from './folder-check.js';

/** The inputs of a batch as the numbering reads them (as the overrides check does), and the first number (`--doc-start`). */
export interface NumberingInputs extends OverrideCheckInputs {
  readonly start: number;
}

/**
 * The document number of each stem. Reads and parses every input once for its reference; a file
 * that cannot be read gets no number (the batch reports it). A usage error when the numbers would
 * run past `C99999999`.
 */
export async function docNumbersOfBatch(inputs: NumberingInputs): Promise<Map<string, string>> {
  const docs: NumberedDocument[] = [];
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
      // A document whose outputs were renamed (`doc-…`, `pdf-…`: its name repeats withheld words)
      // is numbered by its input's name, as the batch numbers it: the same document, not another.
      const own = isRenamedStem(stem) ? safeStem(parsed.record.input.path) : stem;
      if (stems.has(own)) continue;
      stems.add(own);
      docs.push({ stem: own, ref: parsed.record.input.ref ?? null });
    }
  }
  // Bad input, not a bug: the numbers would run past C99999999 (checked before anything is written).
  const last = inputs.start + docs.length - 1;
  if (last > MAX_DOC_NUMBER) {
    throw new UsageError(`--doc-start ${inputs.start}: ${docs.length} document(s) (the batch's and those already released into the folder) would be numbered up to ${last}, past C${MAX_DOC_NUMBER}; start at ${MAX_DOC_NUMBER - docs.length + 1} at most`);
  }
  return assignDocNumbers(docs, inputs.start);
}
