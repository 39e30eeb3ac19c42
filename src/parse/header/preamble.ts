/**
 * Phase 2 of the header pass: the lines before the anchor (the banner or the first header
 * field): routing, WikiLeaks notices, CSV seams, loose record lines and stray lines.
 */
import { CSV_ROW, CSV_SEAM, EXTRACT_NOTICE, matchCaveatLine, matchEoLine, SUBJECT_LINE, TAGS_LINE } from '../patterns.js';
import { CORRECTED_COPY, CSV_FIELDS, CSV_TAIL, findAnchor, isRecordLikeLine, isSipdisLine, opensPortion } from './classify.js';
import { LooseRecord, readCsvRecord } from './record.js';
import { readRouting } from './routing.js';
import { setRole, type HeaderInput, type HeaderState } from './types.js';

/**
 * Reads the lines from `from` up to the anchor. Returns the anchor's index, where the header
 * zone starts; or null when the header ends before it (a paragraph or plain text comes first, or
 * there is no anchor), with `state.res.bodyStart` set.
 */
export function readPreamble(input: HeaderInput, state: HeaderState, from: number): number | null {
  const { lines } = input;
  const n = lines.length;
  const anchor = findAnchor(lines, from, input.isMarkAt);
  state.addressList = null;
  const anchorIsField = anchor >= 0 && (matchEoLine(lines[anchor]!.text) !== null || TAGS_LINE.test(lines[anchor]!.text) || SUBJECT_LINE.test(lines[anchor]!.text));
  const loose = new LooseRecord();
  const stop = anchor < 0 ? n : anchor;
  for (let j = from; j < stop; j++) {
    const l = lines[j]!;
    if (l.blank) {
      setRole(input, j, 'blank');
      state.addressList = null;
      continue;
    }
    if (opensPortion(input, l)) {
      // A paragraph before the banner or the first header field: content, never a pass line.
      state.addressList = null;
      if (anchor < 0) return endsAt(state, j);
      setRole(input, j, 'content');
      continue;
    }
    if (readRouting(input, state, j)) {
      setRole(input, j, 'boilerplate');
      state.res.structured = true;
      continue;
    }
    if (EXTRACT_NOTICE.test(l.text) || CSV_SEAM.test(l.text) || CSV_TAIL.test(l.text) || CSV_FIELDS.test(l.text)) {
      setRole(input, j, 'boilerplate');
      continue;
    }
    if (CSV_ROW.test(l.text)) {
      readCsvRecord(state, l);
      setRole(input, j, 'boilerplate');
      continue;
    }
    if (isRecordLikeLine(l.text) || isSipdisLine(l.text) || matchCaveatLine(l.text) || CORRECTED_COPY.test(l.text)) {
      loose.add(state, l);
      setRole(input, j, 'boilerplate');
      continue;
    }
    // No header at all: the body starts here.
    if (anchor < 0) return endsAt(state, j);
    // A stray line before the banner: content, to be reviewed; before a header field that is
    // not a banner it is a pass line (`STATE FOR P -- U/S BURNS`), as under a banner.
    setRole(input, j, anchorIsField && l.text.length <= 100 ? 'boilerplate' : 'content');
  }
  loose.settle(state);
  return anchor < 0 ? endsAt(state, n) : anchor;
}

/** The header ends before line `j`: the body starts there. */
function endsAt(state: HeaderState, j: number): null {
  state.res.bodyStart = j;
  return null;
}
