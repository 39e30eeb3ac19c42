/**
 * DISPLAY ONLY (`(S//DISPLAY ONLY AFG)`): the information may be shown to the countries listed, not
 * given to them. It was a mark not understood (withheld pending review in every profile). Now the
 * control is read, its countries noted: no profile releases a copy by it; a REL TO list beside it
 * decides the partner profiles as usual; the FOIA profiles decide the classified information it is.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument, withheldTexts } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { findLeaks } from '../helpers/leak.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

const MEMO = [
  'SECRET//REL TO USA, NATO',
  '',
  'SUBJECT: (U) Coalition briefing',
  '',
  '1. (S//DISPLAY ONLY AFG) The convoy zulu schedule may be shown to the host nation liaison.',
  '',
  '2. (S//REL TO USA, NATO/DISPLAY ONLY AFG) The airfield yankee repairs end in May.',
  '',
  'Classified By: J. Doe, Director',
  'Reason: 1.4(a)',
  'Declassify On: 20400101',
  '',
  'SECRET//REL TO USA, NATO',
  '',
].join('\n');

describe('DISPLAY ONLY', () => {
  it.each([
    ['public', 'withhold B1, 1.4(A)', 'withhold B1, 1.4(A)'],
    ['nato', 'withhold', 'release'],
    ['fvey', 'withhold', 'withhold'],
    ['us-secret', 'release', 'release'],
  ])('%s: shown-only is never released by itself; REL TO NATO beside it decides', async (id, p1, p2) => {
    const doc = readDocument(MEMO, { format: 'document' }).doc;
    expect(doc.portions.filter((p) => p.markingSource === 'unknown')).toEqual([]);
    const result = await releaseDocument({ doc, profile: profile(id), asOf: '2026-12-05', stem: 'D', input: { path: 'D.txt', sha256: '0'.repeat(64) }, formats: ['text'] });
    const by = new Map(result.plan.decisions.map((d) => [d.portionId, `${d.action} ${d.authority.join(', ')}`.trim()]));
    expect(by.get('p1')!.startsWith(p1)).toBe(true);
    expect(by.get('p2')!.startsWith(p2)).toBe(true);
    expect(findLeaks(withheldTexts(result.plan), result.releaseText)).toEqual([]);
    if (p1.startsWith('withhold')) expect(result.releaseText).not.toContain('zulu');
  });
});
