/** The reference id (`08BERLIN173`) and origination date of a cable, from its record or header. */
import { cableYear, isoDate } from '../dates.js';
import type { HeaderResult } from './header/index.js';

/**
 * The reference id: the record's refid, else made from the year of the date-time group (or
 * record date), the post (banner or FM line) and the cable number (banner or DE line).
 */
export function referenceOf(h: HeaderResult): string | null {
  const recordRef = h.record?.fields['refid']?.trim() || null;
  if (recordRef && /^\d{2}[A-Z]+\d+$/.test(recordRef)) return recordRef;
  const dtg = h.routing.dtg;
  const date = dtg ? dtg.date : recordDate(h.record?.fields['date']);
  const year = date ? Number(date.slice(0, 4)) : null;
  const post = h.banner?.match.post ?? fromPost(h.routing.from?.raw ?? null);
  const num = h.banner?.match.number ?? h.deNumber;
  if (year !== null && post && num && /\d/.test(num)) {
    return `${String(year % 100).padStart(2, '0')}${post.replace(/[^A-Z]/g, '')}${String(Number(num))}`;
  }
  return null;
}

/** The origination date: the date-time group's, else the record's. */
export function originatedOf(h: HeaderResult): string | null {
  return h.routing.dtg?.date ?? recordDate(h.record?.fields['date']) ?? null;
}

function recordDate(raw: string | undefined): string | null {
  if (!raw) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim());
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})/.exec(raw.trim());
  if (m) return isoDate(cableYear(m[3]!), Number(m[1]), Number(m[2]));
  return null;
}

/** Post name from the FM line: `AMEMBASSY BERLIN` → `BERLIN`, `SECSTATE WASHDC` → `STATE`. */
function fromPost(fm: string | null): string | null {
  if (!fm) return null;
  const t = fm.trim().toUpperCase();
  if (/^SECSTATE\b/.test(t)) return 'STATE';
  const m = /^(?:AMEMBASSY|AMCONSUL|USMISSION|USDEL|AMEMB|USINT)\s+([A-Z][A-Z ]*?)\s*$/.exec(t);
  return m ? m[1]! : null;
}
