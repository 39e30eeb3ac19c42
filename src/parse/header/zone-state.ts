/** The state of phase 3 of the header pass (the header zone), shared by its readers. */
import { isFurnitureLine, matchCaveatLine } from '../patterns.js';
import { isPassLine } from './pass-line.js';
import { emptyRouting, type HeaderInput, type RoutingDraft } from './types.js';

/** What the header zone has seen so far. */
export interface ZoneState {
  seenSubject: boolean;
  seenTags: boolean;
  /** Unknown lines before SUBJECT/TAGS: pass lines if a field follows, content otherwise. */
  pending: number[];
  /** Inside a routing block repeated in the header (after a leaked CSV row or record). */
  inRouting: boolean;
  /** Routing read again inside the header goes here, so the first routing header is kept. */
  readonly scratchRouting: RoutingDraft;
}

/** The zone state at the anchor. */
export function initialZone(): ZoneState {
  return { seenSubject: false, seenTags: false, pending: [], inRouting: false, scratchRouting: emptyRouting() };
}

/**
 * A header field follows the pending lines: those that read as pass lines (`DEPT FOR EUR/WE`) are
 * header; any other stays content (fail closed: a sentence there was released as written).
 */
export function resolvePendingAsBoilerplate(input: HeaderInput, zone: ZoneState): void {
  let previous = -2;
  let previousPass = false;
  for (const p of zone.pending) {
    const pass = isPassLine(input.lines[p]!.text, previousPass && previous === p - 1, input.lines[p + 1]?.text ?? '');
    if (pass) input.roles[p] = 'boilerplate';
    previous = p;
    previousPass = pass;
  }
  zone.pending = [];
}

/** The next line from `from` that is not blank, page furniture or a caveat line. */
export function nextSignificant(input: HeaderInput, from: number): number {
  const { lines } = input;
  let k = from;
  while (k < lines.length && (lines[k]!.blank || isFurnitureLine(lines[k]!.text) || matchCaveatLine(lines[k]!.text))) k++;
  return k;
}
