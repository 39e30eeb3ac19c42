/**
 * The Vaughn index of a cleared reader's release (profile us-secret) quotes SECRET subjects and
 * carried no banner (probe 61 item 5): it now carries the roll-up of the markings of the text it
 * quotes, top and bottom of every PDF page and in the JSON head; an index that quotes nothing
 * classified (a public release) stays as it was, unbannered.
 */
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/release/folder.js';
import { buildVaughnIndex, indexClassificationOf, quotedMarkingOf } from '../../src/vaughn/build.js';
import { renderIndexJson } from '../../src/vaughn/json.js';
import { renderIndexPdf } from '../../src/vaughn/pdf.js';
import { extractPdfText, pdftotext } from '../helpers/pdf-text.js';

type Subject = { action: string; declassified: boolean; level: string | null; mark: string | null; markingSource: string } | null;

/** A record with `subject` and, unless `inFull`, one withheld paragraph (a row of the index). */
const recordWith = (subject: Subject, release = 'SECRET//NOFORN', inFull = false): AuditRecord =>
  ({
    asOf: '2026-12-01',
    profile: { id: 'us-secret' },
    input: { path: 'x', sha256: '0'.repeat(64), ref: null, originated: '2012-03-15' },
    declassification: { reason: 'SECRET until 2037-01-01.' },
    banner: { original: 'SECRET//NOFORN', release },
    decisions: [
      ...(subject ? [{ portionId: 'subject', kind: 'subject', span: { start: 0, end: 1 }, authority: [], ruleId: 'us-secret/up-to-secret', reason: '', ...subject }] : []),
      ...(inFull ? [] : [{ portionId: 'p1', kind: 'paragraph', span: { start: 2, end: 3 }, authority: ['B1'], ruleId: 'us-secret/default-deny', reason: '', action: 'withhold', declassified: false, level: 'TS', mark: '(TS)', markingSource: 'marked' }]),
    ],
    redactions: [],
  }) as unknown as AuditRecord;

describe('the marking of the text an index quotes from a document', () => {
  it.each<[string, Subject, string, string | null]>([
    ['a released SECRET subject, its own mark', { action: 'release', declassified: false, level: 'S', mark: '(S)', markingSource: 'marked' }, 'SECRET//NOFORN', 'SECRET'],
    ['a released S//NF subject', { action: 'release', declassified: false, level: 'S', mark: '(S//NF)', markingSource: 'marked' }, 'SECRET//NOFORN', 'SECRET//NOFORN'],
    ['a released subject without a readable mark: the release banner (fail closed)', { action: 'release', declassified: false, level: 'S', mark: null, markingSource: 'entire-text' }, 'SECRET//NOFORN', 'SECRET//NOFORN'],
    ['a withheld subject: not quoted', { action: 'withhold', declassified: false, level: 'S', mark: '(S)', markingSource: 'marked' }, 'SECRET//NOFORN', null],
    ['a declassified subject', { action: 'release', declassified: true, level: 'S', mark: '(S)', markingSource: 'marked' }, 'UNCLASSIFIED', null],
    ['an unclassified subject', { action: 'release', declassified: false, level: 'U', mark: '(U)', markingSource: 'marked' }, 'SECRET//NOFORN', null],
    ['an unmarked subject of an unclassified release', { action: 'release', declassified: false, level: null, mark: null, markingSource: 'unmarked' }, 'UNCLASSIFIED', null],
    ['no subject', null, 'SECRET', null],
  ])('%s', (_name, subject, release, expected) => {
    expect(quotedMarkingOf(recordWith(subject, release))).toBe(expected);
  });

  // A document released in full gives no row: the index quotes nothing of it (probe 61c F10).
  it.each<[string, Subject, string]>([
    ['S//NF subject', { action: 'release', declassified: false, level: 'S', mark: '(S//NF)', markingSource: 'marked' }, 'SECRET//NOFORN'],
    ['FGI DEU subject', { action: 'release', declassified: false, level: 'C', mark: '(C//FGI DEU)', markingSource: 'marked' }, 'CONFIDENTIAL//FGI DEU'],
    ['subject without a readable mark', { action: 'release', declassified: false, level: 'S', mark: null, markingSource: 'entire-text' }, 'SECRET'],
  ])('released in full, %s: not counted', (_name, subject, release) => {
    const inFull = recordWith(subject, release, true);
    expect(quotedMarkingOf(inFull)).toBe(null);
    expect(buildVaughnIndex([{ stem: 'a', record: inFull, releaseText: null }]).classification).toBeUndefined();
  });

  it.each<[(string | null)[], string | null]>([
    [[null, null], null],
    [['SECRET', null], 'SECRET'],
    [['CONFIDENTIAL', 'SECRET//NOFORN'], 'SECRET//NOFORN'],
    [[], null],
  ])('index of %j → %s', (quoted, expected) => {
    expect(indexClassificationOf(quoted.map((q) => ({ quoted: q })))).toBe(expected);
  });
});

describe('the index files', () => {
  const secret = recordWith({ action: 'release', declassified: false, level: 'S', mark: '(S)', markingSource: 'marked' });
  const declassified = recordWith({ action: 'release', declassified: true, level: 'S', mark: '(S)', markingSource: 'marked' }, 'UNCLASSIFIED');

  it.each<[string, AuditRecord, string | null]>([
    ['a SECRET subject quoted', secret, 'SECRET'],
    ['nothing classified quoted', declassified, null],
  ])('%s: PDF banner top and bottom of each page, JSON head', async (_name, record, banner) => {
    const index = buildVaughnIndex([{ stem: 'memo', record, releaseText: null }]);
    expect(index.classification).toBe(banner ?? undefined);
    const json = JSON.parse(renderIndexJson(index)) as Record<string, unknown>;
    if (banner) expect(json['classification']).toBe(banner);
    else expect('classification' in json).toBe(false);
    const { pages } = await extractPdfText(await renderIndexPdf(index));
    for (const page of pages) {
      const lines = page.split('\n').map((l) => l.trim());
      if (banner) {
        expect(lines.filter((l) => l === banner)).toHaveLength(2);
      } else {
        expect(lines).not.toContain('SECRET');
        expect(lines).not.toContain('UNCLASSIFIED');
      }
    }
    // Read by position: the first and the last line of each page.
    const laidOut = pdftotext(await renderIndexPdf(index), ['-layout']);
    if (banner && laidOut !== null) {
      for (const page of laidOut.split('\f').filter((p) => p.trim() !== '')) {
        const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
        expect([lines[0], lines.at(-1)]).toEqual([banner, banner]);
      }
    }
  });
});
