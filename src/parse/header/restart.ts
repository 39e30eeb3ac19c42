/**
 * Extracts that hold the cable twice: where the cable starts again inside what was read as its
 * body, and the merge of the header read there into the first one.
 */
import type { Line } from '../lines.js';
import { CSV_ROW } from '../patterns.js';
import { ID_RECORD, isBareRecordStart, skipBlank } from './classify.js';
import { completesPreview } from './classified-by.js';
import type { HeaderResult, Role } from './types.js';

/**
 * Where the cable starts again inside what was read as its body: an extract that is cut off
 * (`1...`) and followed by the full database record (`id:` … `header ends`) or a leaked CSV row.
 * Returns the index of that line, or -1.
 */
export function findRestart(lines: readonly Line[], roles: readonly Role[], from: number): number {
  for (let j = from; j < lines.length; j++) {
    if (roles[j] !== 'content') continue;
    const t = lines[j]!.text;
    if (ID_RECORD.test(t)) {
      const k = skipBlank(lines, j + 1);
      if (k < lines.length && /^date:/.test(lines[k]!.text)) return j;
    }
    if (CSV_ROW.test(t)) return j;
    if (isBareRecordStart(lines, j)) return j;
  }
  return -1;
}

/**
 * Merges the header read at a restart into the first one: what the first one lacks is taken from
 * the second (an extract's first copy is cut off); SUBJECT and REF fields are added.
 */
export function mergeHeaders(a: HeaderResult, b: HeaderResult): HeaderResult {
  return {
    record: a.record ?? b.record,
    routing: {
      precedence: a.routing.precedence ?? b.routing.precedence,
      dtg: a.routing.dtg ?? b.routing.dtg,
      from: a.routing.from ?? b.routing.from,
      to: a.routing.to.length > 0 ? a.routing.to : b.routing.to,
      info: a.routing.info.length > 0 ? a.routing.info : b.routing.info,
    },
    deNumber: a.deNumber ?? b.deNumber,
    banner: a.banner ?? b.banner,
    repeatedBanners: [...a.repeatedBanners, ...(a.banner && b.banner ? [b.banner] : []), ...b.repeatedBanners],
    eo: a.eo && a.eo.decl !== null ? a.eo : (b.eo ?? a.eo),
    tags: a.tags ?? b.tags,
    subject: a.subject ?? b.subject,
    subjectTextStart: a.subject ? a.subjectTextStart : b.subjectTextStart,
    subjects: [...a.subjects, ...b.subjects],
    refs: [...a.refs, ...b.refs],
    classifiedBy: a.classifiedBy && !(b.classifiedBy && completesPreview(a.classifiedBy, b.classifiedBy)) ? a.classifiedBy : b.classifiedBy,
    entireText: a.entireText ?? b.entireText,
    bodyStart: b.bodyStart,
    structured: a.structured || b.structured,
  };
}
