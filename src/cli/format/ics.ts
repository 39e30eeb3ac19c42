/** The iCalendar file `declass check --ics` writes: the coming declassification dates. */
import path from 'node:path';
import { createEvents, type EventAttributes } from 'ics';
import { OutputError } from '../../errors.js';
import { isDue, type CheckRow } from '../records/check.js';

/**
 * Builds an iCalendar file of the coming declassification dates: one all-day event for each row
 * that is `classified` with a `declassifyOn` after `asOf`. An explicit or resolved DECL date gives
 * "Declassify REF"; a computed date (OADR, X-codes, exemptions) gives "Declassification review due
 * REF", since those are never declassified without a reviewer (CAPCO §E.6). Deterministic: the
 * UID is `REF-YYYYMMDD@declass` (one event per document and date), DTSTAMP is `asOf` at 00:00 UTC,
 * events are sorted by date then reference.
 */
export function formatIcs(rows: readonly CheckRow[], asOf: string): string {
  const seen = new Set<string>();
  const events: (EventAttributes & { timestamp: number })[] = [];
  const timestamp = Date.parse(`${asOf}T00:00:00Z`);
  const due = rows
    .filter((r) => isDue(r, asOf))
    .map((r) => ({ r, date: r.assessment.declassifyOn!, name: r.ref ?? path.basename(r.file).replace(/\.txt$/i, '') }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { r, date, name } of due) {
    const uid = `${name.replace(/[^A-Za-z0-9._-]/g, '_')}-${date.replace(/-/g, '')}@declass`;
    if (seen.has(uid)) continue;
    seen.add(uid);
    const explicit = r.assessment.rule === 'eo13526-1.5' || r.assessment.rule === '32cfr2001.25';
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    events.push({
      uid,
      title: `${explicit ? 'Declassify' : 'Declassification review due'} ${name}`,
      description: `${r.assessment.reason} File: ${r.file}.`,
      start: [y, m, d],
      end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()],
      timestamp,
      productId: 'declass',
      calName: 'Declassification dates',
      transp: 'TRANSPARENT',
    });
  }
  const { error, value } = createEvents(events, { productId: 'declass', calName: 'Declassification dates' });
  if (error || value === null) throw new OutputError(`cannot build the calendar: ${error?.message ?? 'no output'}`, { cause: error });
  return value;
}
