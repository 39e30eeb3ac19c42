/**
 * A NATO document (its banner NATO's own: `NATO RESTRICTED`, `NATO SECRET`), probe 67b F5:
 * - nato released it under `CONFIDENTIAL//NATO`, a US level the document never had;
 * - every profile raised `decl-missing` (an error) for the E.O. 13526 instruction a NATO document
 *   never carries (NATO information is declassified only with NATO's consent, 32 CFR 2001.24(h)(3));
 * - us-secret labelled its text PENDING DECLASSIFICATION REVIEW, not NATO.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument, withheldTexts } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { findLeaks } from '../helpers/leak.js';
import { runCli } from '../helpers/memory-io.js';
import { pdftotext } from '../helpers/pdf-text.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

const natoDoc = (banner: string) => [banner, '', 'NATO STAFF NOTE', 'Subject: Exercise schedule', '', 'Unmarked NATO text UQNATO1 of the staff.', '', banner, ''].join('\n');

async function decide(text: string, id: string) {
  const doc = readDocument(text, { format: 'document' }).doc;
  const result = await releaseDocument({ doc, profile: profile(id), asOf: '2026-12-01', stem: 'T', input: { path: 'T.txt', sha256: '0'.repeat(64) }, formats: ['text'] });
  expect(findLeaks(withheldTexts(result.plan), result.releaseText)).toEqual([]);
  const d = result.plan.decisions.find((x) => text.slice(x.span.start, x.span.end).includes('UQNATO1'))!;
  return { d, result, codes: [...doc.diagnostics, ...result.plan.diagnostics, ...result.plan.declassification.diagnostics].map((g) => g.code) };
}

describe('a NATO document keeps NATO\'s classification (probe 67b F5)', () => {
  it.each<[string, string, string, string, string[], string | null]>([
    ['nato', 'NATO RESTRICTED', 'release', 'nato/unmarked-in-nato-document', [], '//NATO RESTRICTED'],
    ['nato', 'NATO SECRET', 'release', 'nato/unmarked-in-nato-document', [], '//NATO SECRET'],
    ['nato', '//NATO CONFIDENTIAL', 'release', 'nato/unmarked-in-nato-document', [], '//NATO CONFIDENTIAL'],
    ['nato', 'COSMIC TOP SECRET', 'withhold', 'nato/unmarked-in-nato-document-above-clearance', ['TS'], null],
    ['us-secret', 'NATO RESTRICTED', 'withhold', 'us-secret/unmarked-in-nato-document', ['NATO'], null],
    ['us-secret', 'NATO SECRET', 'withhold', 'us-secret/unmarked-in-nato-document', ['NATO'], null],
    ['fvey', 'NATO RESTRICTED', 'withhold', 'fvey/unmarked-in-nato-document', ['NATO'], null],
    ['public', 'NATO RESTRICTED', 'withhold', 'public/unmarked-pending-review', ['PENDING DECLASSIFICATION REVIEW'], null],
    ['foia-intel', 'NATO SECRET', 'withhold', 'foia-intel/unmarked-pending-review', ['PENDING DECLASSIFICATION REVIEW'], null],
  ])('%s: %s → %s %s', async (id, banner, action, ruleId, authority, releaseBanner) => {
    const { d, result, codes } = await decide(natoDoc(banner), id);
    expect({ action: d.action, ruleId: d.ruleId, authority: d.authority }).toEqual({ action, ruleId, authority });
    expect(codes).not.toContain('decl-missing');
    expect(codes.filter((c) => c === 'decl-nato-document')).toHaveLength(1);
    expect(result.plan.declassification.status).toBe('review');
    if (releaseBanner) {
      expect(result.plan.releaseBanner).toBe(releaseBanner);
      expect(result.releaseText).not.toMatch(/CONFIDENTIAL\/\/NATO|SECRET\/\/NATO/);
    }
  });

  it('a US document with NATO in its banner still needs its instruction', async () => {
    const { codes } = await decide(natoDoc('SECRET//NATO'), 'nato');
    expect(codes).toContain('decl-missing');
  });

  it.each(['nato', 'us-secret', 'fvey', 'public', 'foia-intel'])('%s: the release command, text and PDF', async (id) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-natodoc-'));
    const input = path.join(dir, 'nr.txt');
    writeFileSync(input, natoDoc('NATO RESTRICTED'));
    const out = path.join(dir, 'out');
    const r = await runCli(['release', input, '--profile', id, '--out', out, '--as-of', '2026-12-01'], { now: '2026-12-01T12:00:00Z' });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/decl-missing/);
    const sub = id === 'nato' || id === 'us-secret' || id === 'fvey' ? 'release' : 'pending';
    const text = readFileSync(path.join(out, sub, 'nr.txt'), 'utf8');
    const pdf = pdftotext(readFileSync(path.join(out, sub, 'nr.pdf')));
    if (id === 'nato') {
      expect(text).toContain('UQNATO1');
      expect(text.split('\n')[0]).toBe('//NATO RESTRICTED');
      if (pdf !== null) expect(pdf).toContain('NATO RESTRICTED');
    } else {
      expect(text).not.toContain('UQNATO1');
      if (pdf !== null) expect(pdf).not.toContain('UQNATO1');
    }
  });
});
