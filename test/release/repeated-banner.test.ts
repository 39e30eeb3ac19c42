/**
 * Cablegate's partial extracts print the cable twice: the extract (cut off), the database record
 * (id, date, reference, origin, classification, references) and the full cable again with its
 * banner line. The release showed the release banner on the first banner line only and kept the
 * record's `SECRET` line and the second `S E C R E T …` line as written: an UNCLASSIFIED release
 * (in full, or the page of a denial) printing the original's classification twice further down.
 * Every banner line of the cable now shows the release banner, and caveat lines under a repeated
 * banner go as under the first.
 */
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument } from '../../src/release/index.js';
import { resolveProfile } from '../../src/node/profiles.js';

const EXTRACT = [
  'This record is a partial extract of the original cable. The full text of the original cable is not available.',
  '',
  'S E C R E T THE HAGUE 002210 ',
  '',
  'SIPDIS ',
  '',
  'STATE FOR EB/ESC/ESP (GLASS), S/CT (FOX)',
  '(N...',
  '',
  '',
  '10449',
  '',
  '2003-09-02',
  '',
  '03THEHAGUE2210',
  '',
  'Embassy The Hague',
  '',
  'SECRET',
  '',
  '03STATE249877',
  '',
  'S E C R E T THE HAGUE 002210 ',
  '',
  'NOFORN',
  'SIPDIS ',
  '',
  'STATE FOR EB/ESC/ESP (GLASS), S/CT (FOX)',
  '',
  'E.O. 12958: DECL: 09/02/2013 ',
  'TAGS: ETTC KPAL PTER EUN NL',
  'SUBJECT: TERRORIST ASSETS: MESSAGE TO EU FOREIGN MINISTERS ',
  '',
  'Classified By: Charge d\'Affaires a.i. Daniel Russel Reasons 1.5(b) and (d) ',
  '',
  '1. (C) Acting Economic Counselor delivered the Secretary\'s message to the Political Director.',
  '',
  '2. (S) Werner reiterated Dutch support for designating the fundraisers at the meeting.',
  '',
  'RUSSEL',
  '',
].join('\n');

const releaseOf = async (asOf: string) => {
  const { doc } = readDocument(EXTRACT);
  const result = await releaseDocument({ doc, profile: await resolveProfile('public'), asOf, stem: 'x', input: { path: 'x.txt', sha256: 'a'.repeat(64) }, formats: new Set(['text']) });
  return result.releaseText;
};

describe('a partial extract with its cable printed again', () => {
  it('reads the record\'s classification line and the second banner line as the banner repeated', () => {
    const doc = parseCable(EXTRACT);
    expect(doc.banner?.raw).toBe('S E C R E T');
    expect(doc.banner?.span.start).toBe(EXTRACT.indexOf('S E C R E T'));
    expect((doc.banner?.repeats ?? []).map((r) => EXTRACT.slice(r.span.start, r.span.end))).toEqual(['SECRET', 'S E C R E T']);
    expect(doc.banner?.repeats?.[1]!.span.start).toBe(EXTRACT.lastIndexOf('S E C R E T'));
  });

  it('declassified: every banner line shows the release banner, the caveat under the repeat is gone', async () => {
    const text = await releaseOf('2026-12-01');
    expect(text.match(/^UNCLASSIFIED THE HAGUE 002210 ?$/gm)).toHaveLength(2);
    expect(text).toMatch(/^UNCLASSIFIED$/m);
    expect(text).not.toMatch(/S E C R E T|^SECRET|^NOFORN/m);
    expect(text).toContain('2. (DECLASSIFIED, formerly S) Werner');
  });

  it('still classified (denied in full): no original classification line either', async () => {
    const text = await releaseOf('2010-12-01');
    expect(text).toMatch(/^DENIED IN FULL B1/m);
    expect(text).not.toMatch(/S E C R E T|^SECRET|^NOFORN/m);
    expect(text).not.toContain('Werner');
  });
});
