/**
 * What the header pass reads and the state its phases share. The phases (./record.ts,
 * ./preamble.ts, ./zone.ts and the field readers) are plain functions that receive the input as
 * a {@link HeaderInput} and the state as a {@link HeaderState}, explicitly: nothing is shared
 * through closures.
 */
import type { ClassifiedBy, DatabaseRecord, DateTimeGroup, ExecutiveOrderLine, Field, RoutingHeader } from '../../types.js';
import type { Line } from '../lines.js';
import type { BannerMatch } from '../patterns.js';

/**
 * What a line is, for the parser:
 * - `blank`, `furniture` (page headers, never content);
 * - `boilerplate`: header and other frame lines that are neither content nor furniture;
 * - `subject`: the SUBJECT field (a portion of its own);
 * - `content`: text to be covered by portions;
 * - `signature`: the signer line(s) at the end.
 */
export type Role = 'blank' | 'furniture' | 'boilerplate' | 'subject' | 'content' | 'signature';

/** The banner line as found, before its marking is read. */
export interface BannerFound {
  readonly line: Line;
  readonly match: BannerMatch;
  readonly caveats: Field[];
}

/** What the header pass found. */
export interface HeaderResult {
  record: DatabaseRecord | null;
  routing: RoutingHeader;
  /** DE line cable number (`#0173`), for deriving the reference id without a banner. */
  deNumber: string | null;
  banner: BannerFound | null;
  /**
   * Banner lines of the header read again where an extract restarts (the full record after the
   * extract), after the first one: the same cable's banner, printed again.
   */
  repeatedBanners: BannerFound[];
  eo: ExecutiveOrderLine | null;
  /** State's systematic review stamp under the banner (zone.ts readDeclassifiedStamp). */
  declassifiedStamp?: Field;
  tags: Field | null;
  subject: Field | null;
  /** Offset where the subject text (after `SUBJECT:` and blanks) starts. */
  subjectTextStart: number;
  /** Every SUBJECT field in the header zone (extracts may repeat the header), in order. */
  subjects: { field: Field; textStart: number }[];
  refs: Field[];
  classifiedBy: ClassifiedBy | null;
  /** An ENTIRE TEXT statement found in the header zone (the words are read later). */
  entireText: Field | null;
  /** Index of the first line of the body (numbered paragraphs, text); `lines.length` if none. */
  bodyStart: number;
  /** True when any routing, record, banner or header field was found. */
  structured: boolean;
}

/** The input of the header pass: the text, its lines, and the roles being assigned to them. */
export interface HeaderInput {
  readonly source: string;
  readonly lines: readonly Line[];
  /** One role per line, filled in by the pass (lines it leaves alone stay `blank`). */
  readonly roles: Role[];
  /** Whether a portion mark starts at an offset (so that `(C) text` opens the body). */
  readonly isMarkAt: (offset: number) => boolean;
}

/** A routing header being read: the first one found is kept, repeats go to a scratch copy. */
export interface RoutingDraft {
  precedence: string | null;
  dtg: DateTimeGroup | null;
  from: Field | null;
  to: Field[];
  info: Field[];
}

/** The state the phases of the header pass share. */
export interface HeaderState {
  readonly res: HeaderResult;
  readonly routing: RoutingDraft;
  /** The TO or INFO list that address lines are being added to, if any. */
  addressList: Field[] | null;
  /** Whether a database record was read (a second one is taken as lines, not as the record). */
  recordSeen: boolean;
}

/** An empty routing header. */
export function emptyRouting(): RoutingDraft {
  return { precedence: null, dtg: null, from: null, to: [], info: [] };
}

/** The state at the start of a header pass over `lineCount` lines. */
export function initialState(lineCount: number): HeaderState {
  return {
    res: {
      record: null,
      routing: emptyRouting(),
      deNumber: null,
      banner: null,
      repeatedBanners: [],
      eo: null,
      tags: null,
      subject: null,
      subjectTextStart: -1,
      subjects: [],
      refs: [],
      classifiedBy: null,
      entireText: null,
      bodyStart: lineCount,
      structured: false,
    },
    routing: emptyRouting(),
    addressList: null,
    recordSeen: false,
  };
}

/** Gives line `i` its role (a blank line is always `blank`). */
export function setRole(input: HeaderInput, i: number, role: Role): void {
  input.roles[i] = input.lines[i]!.blank ? 'blank' : role;
}

/** A field of the source from `start` to `end`. */
export function field(input: HeaderInput, start: number, end: number): Field {
  return { raw: input.source.slice(start, end), span: { start, end } };
}

/** The result, with the routing header read, once the pass ends. */
export function finish(state: HeaderState): HeaderResult {
  state.res.routing = state.routing;
  return state.res;
}
