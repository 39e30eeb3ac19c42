/**
 * A leaked database record around the cable: the `id:` … `header ends` block, the bare variant
 * (id, date, refid, origin, classification, destination, one per line), a row of WikiLeaks'
 * cables.csv, and loose record lines (an id, a date, a reference id) before the banner.
 */
import { EXTRACT_NOTICE, CSV_ROW, isBareClassificationLine, isRoutingLine, matchBanner } from '../patterns.js';
import type { Line } from '../lines.js';
import { HEADER_ENDS, opensPortion, RECORD_KEY } from './classify.js';
import { readRouting } from './routing.js';
import { setRole, type HeaderInput, type HeaderState } from './types.js';

/** Reads an `id:` … `header ends` record block from line `at`; returns the index after it. */
export function readIdRecord(input: HeaderInput, state: HeaderState, at: number): number {
  const { lines } = input;
  const n = lines.length;
  const fields: Record<string, string> = {};
  const start = lines[at]!.first;
  let end = lines[at]!.last;
  let key = '';
  let j = at;
  // Without its `header ends` line (a cut or damaged extract) the record may not swallow the
  // rest of the file as boilerplate, which is released as is: it then takes only lines that are
  // clearly its own (blank, `key: value`, routing under `header:`), and the body starts at the
  // first other line (fail closed: a paragraph there is read, and decided, as a paragraph).
  let terminated = false;
  for (let k = at; k < n && !terminated; k++) terminated = HEADER_ENDS.test(lines[k]!.text);
  for (; j < n; j++) {
    const l = lines[j]!;
    if (HEADER_ENDS.test(l.text)) {
      setRole(input, j, 'boilerplate');
      end = l.last;
      j++;
      break;
    }
    const kv = key === 'header' ? null : RECORD_KEY.exec(l.text);
    const routing = !kv && key === 'header' && !l.blank && readRouting(input, state, j);
    if (!terminated && !l.blank && !kv && !routing) break;
    if (!l.blank && !kv && !routing && !EXTRACT_NOTICE.test(l.text)) {
      // Neither a field, nor routing in the record's header block (no record in the corpus
      // has such a line): left unassigned, so it is read as content and decided like any
      // paragraph. Boilerplate would be released as is.
      state.addressList = null;
      continue;
    }
    setRole(input, j, 'boilerplate');
    if (kv) {
      key = kv[1]!.toLowerCase();
      fields[key] = kv[2]!.trim();
    } else if (key === 'header' && (l.blank || !routing)) state.addressList = null;
    if (!l.blank) end = l.last;
  }
  state.addressList = null;
  if (!state.recordSeen) {
    state.res.record = { span: { start, end }, fields };
    state.recordSeen = true;
  }
  state.res.structured = true;
  return j;
}

/**
 * Reads the bare record variant from line `i`: id, date, refid, origin, classification,
 * destination, one per line (sometimes with blank lines between; the destination may be empty).
 * Returns the index after it.
 */
export function readBareRecord(input: HeaderInput, state: HeaderState, i: number): number {
  const { lines } = input;
  const n = lines.length;
  const keys = ['id', 'date', 'refid', 'origin', 'classification', 'destination'];
  const fields: Record<string, string> = {};
  const start = lines[i]!.first;
  let end = start;
  let k = 0;
  let j = i;
  for (; k < keys.length && j < n; j++) {
    const l = lines[j]!;
    if (l.blank) {
      setRole(input, j, 'blank');
      continue;
    }
    if (opensPortion(input, l)) break;
    if (k >= 3) {
      const b = matchBanner(l.text);
      if (isRoutingLine(l.text) || (b && (b.post !== null || b.section !== null))) break;
      if (k === 5 && !/^\d{2}[A-Z]+\d+/.test(l.text)) break;
    }
    fields[keys[k]!] = l.text;
    setRole(input, j, 'boilerplate');
    end = l.last;
    k++;
  }
  state.res.record = { span: { start, end }, fields };
  state.recordSeen = true;
  state.res.structured = true;
  return j;
}

/** A row of cables.csv on line `l` becomes the record, unless there is one already. */
export function readCsvRecord(state: HeaderState, l: Line): void {
  const m = CSV_ROW.exec(l.text);
  if (m && !state.res.record) {
    state.res.record = {
      span: { start: l.first, end: l.last },
      fields: {
        id: m[1]!,
        date: `${m[2]}/${m[3]}/${m[4]} ${m[5]}:${m[6]}`,
        refid: m[7]!,
        ...(m[8] !== undefined ? { origin: m[8] } : {}),
        ...(m[9] !== undefined ? { classification: m[9] } : {}),
      },
    };
    state.res.structured = true;
  }
}

/**
 * Refid, date and classification collected from loose record lines before the banner
 * (`201836` / `2009-04-10` / `09BERLIN431` …); a record when a refid was found.
 */
export class LooseRecord {
  private readonly fields: Record<string, string> = {};
  private start = -1;
  private end = -1;

  /** Takes what line `l` holds, unless a record was read already. */
  add(state: HeaderState, l: Line): void {
    if (state.recordSeen) return;
    const t = l.text;
    const fields = this.fields;
    let hit = false;
    const ref = /(?:^|\t)(\d{2}[A-Z]+\d+)(?:\t|$)/.exec(t) ?? /^(\d{2}[A-Z]+\d+)$/.exec(t);
    if (ref && !fields['refid']) (fields['refid'] = ref[1]!), (hit = true);
    const date = /(?:^|\t)(\d{4}-\d{2}-\d{2}(?:[ T][\d:]+)?|\d{1,2}\/\d{1,2}\/\d{4}(?: [\d:]+)?)(?:\t|$)/.exec(t);
    if (date && !fields['date']) (fields['date'] = date[1]!), (hit = true);
    if (isBareClassificationLine(t) && !fields['classification']) (fields['classification'] = t), (hit = true);
    const cls = /\t((?:UNCLASSIFIED|CONFIDENTIAL|SECRET)[A-Z/ ]*)(?:\t|$)/.exec(t);
    if (cls && !fields['classification']) (fields['classification'] = cls[1]!), (hit = true);
    if (hit) {
      if (this.start < 0) this.start = l.first;
      this.end = l.last;
    }
  }

  /** Makes the collected fields the record when there is none and a refid was found. */
  settle(state: HeaderState): void {
    if (!state.res.record && this.fields['refid']) {
      state.res.record = { span: { start: this.start, end: this.end }, fields: this.fields };
      state.res.structured = true;
    }
  }
}
