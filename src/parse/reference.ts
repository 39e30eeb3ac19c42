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
  const banner = bannerPost(h.banner?.match.post ?? null);
  const post = banner ?? fromPost(h.routing.from?.raw ?? null);
  const num = (banner ? h.banner?.match.number : null) ?? h.deNumber;
  if (year !== null && post && num && /\d/.test(num)) {
    return `${String(year % 100).padStart(2, '0')}${post.replace(/[^A-Z]/g, '')}${String(Number(num))}`;
  }
  return null;
}

/**
 * Caption words between the banner's classification and the post (`SECRET EYES ONLY BUENOS AIRES
 * 2481`, `… ZFF BUENOS AIRES 2481`, `CONFIDENTIAL CONTROL NO. 1234`): the banner reader takes them
 * for the post, and the reference read `66EYESONLYBUENOSAIRES2481` (in the Vaughn index).
 */
const CAPTION_BEFORE_POST = /^(?:(?:EYES ONLY|ZFF\d?|CONTROL NO\.?|NODIS|EXDIS|LIMDIS|STADIS|CHEROKEE|ROGER CHANNEL|SPECAT|EXCLUSIVE DISTRIBUTION|PERSONAL FOR|IMMEDIATE|PRIORITY)(?:\s+|$))+/;

/** The banner's post less caption words; null when none is left (`CONTROL NO.`: its number is no cable number). */
function bannerPost(post: string | null): string | null {
  if (post === null) return null;
  const rest = post.replace(CAPTION_BEFORE_POST, '');
  return rest === '' ? null : rest;
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
