/**
 * The parts of a cable before its body: the leaked database record, the routing header, the
 * banner with its caveats, and the header fields (E.O., TAGS, SUBJECT, REF, Classified By). Every
 * line before the body gets a role; lines that are not understood become content (fail closed:
 * text that is not known to be header is treated as text to review).
 *
 * Three phases, one module each, sharing a {@link HeaderState} passed explicitly:
 * 1. a database record at the very top (./record.ts);
 * 2. the lines before the anchor, the banner or first header field (./preamble.ts);
 * 3. the header zone, up to the first line of the body (./zone.ts and the field readers).
 */
import type { Line } from '../lines.js';
import { ID_RECORD, isBareRecordStart, skipBlank } from './classify.js';
import { readPreamble } from './preamble.js';
import { readBareRecord, readIdRecord } from './record.js';
import { finish, initialState, type HeaderInput, type HeaderResult, type Role } from './types.js';
import { readZone } from './zone.js';

export { findRestart, mergeHeaders } from './restart.js';
export { isHeaderFieldStart, PARAGRAPH_START } from './classify.js';
export type { BannerFound, HeaderResult, Role } from './types.js';

/**
 * Reads the record, routing header, banner and header fields from line `from`, assigning a role
 * to each line (in `roles`) up to the start of the body. `isMarkAt(offset)` tells whether a
 * portion mark starts at an offset (so that `(C) text` opens the body).
 */
export function readHeader(source: string, lines: readonly Line[], roles: Role[], isMarkAt: (offset: number) => boolean, from = 0): HeaderResult {
  const input: HeaderInput = { source, lines, roles, isMarkAt };
  const state = initialState(lines.length);
  let i = skipBlank(lines, from);
  if (i < lines.length && ID_RECORD.test(lines[i]!.text)) i = readIdRecord(input, state, i);
  else if (isBareRecordStart(lines, i)) i = readBareRecord(input, state, i);
  const anchor = readPreamble(input, state, i);
  if (anchor !== null) readZone(input, state, anchor);
  return finish(state);
}
