import type { Document } from '../types.js';

/**
 * Parses cable text into a {@link Document}. Pure: no I/O. The text is kept verbatim in
 * `Document.source`; every span indexes into it. (Provisional version: the full parser lands shortly.)
 */
export function parseCable(source: string): Document {
  return {
    source,
    ref: null,
    originated: null,
    record: null,
    routing: { precedence: null, dtg: null, from: null, to: [], info: [] },
    banner: null,
    eo: null,
    tags: null,
    subject: null,
    refs: [],
    classifiedBy: null,
    entireText: null,
    portions: [],
    furniture: [],
    diagnostics: [],
  };
}
