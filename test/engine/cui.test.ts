/**
 * Controlled Unclassified Information with its CUI Registry categories and limited dissemination
 * controls (32 CFR 2002.20: `CUI//SP-PRVCY`, `(CUI//SP-CTI/SP-EXPT//NOFORN)`, `CUI//FEDCON`). Until
 * they were read, such a portion was a mark not understood (withheld with no reason but that) and
 * such a banner no banner: the unmarked text of a CUI memo was then "level uncertain". Now the
 * categories are noted and the rules decide by CUI: pending FOIA review, the unmarked text with it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument, withheldTexts } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { findLeaks } from '../helpers/leak.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

const MEMO = [
  'CUI//SP-PRVCY',
  '',
  'SUBJECT: (U) Leave policy review',
  '',
  '(CUI//SP-PRVCY) The employee zulu requested medical leave for surgery in March.',
  '',
  '(U) The office will publish the revised leave policy in April.',
  '',
  'The regional manager yankee approved the request.',
  '',
  'CUI//SP-PRVCY',
  '',
].join('\n');

describe('a CUI memo with categories', () => {
  it('reads the banner and the portion mark, with the category noted', () => {
    const doc = readDocument(MEMO, { format: 'document' }).doc;
    expect(doc.banner?.marking?.controls).toEqual(['CUI']);
    const p1 = doc.portions.find((p) => p.id === 'p1')!;
    expect(p1.markingSource).toBe('marked');
    expect(p1.marking?.normalisations).toContain('CUI category SP-PRVCY noted, not kept (the rules go by CUI)');
    expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each([
    ['public', 'withhold CUI - PENDING FOIA REVIEW [public/cui]', 'withhold CUI - PENDING FOIA REVIEW [public/unmarked-in-cui]'],
    ['nato', 'withhold CUI [nato/cui]', 'withhold CUI [nato/unmarked-in-cui]'],
  ])('%s: the CUI portion and the unmarked one are decided by CUI; the (U) one is released; nothing withheld leaks', async (id, cui, unmarked) => {
    const result = await releaseDocument({ doc: readDocument(MEMO, { format: 'document' }).doc, profile: profile(id), asOf: '2026-12-05', stem: 'M', input: { path: 'M.txt', sha256: '0'.repeat(64) }, formats: ['text'] });
    const by = new Map(result.plan.decisions.map((d) => [d.portionId, `${d.action} ${d.authority.join(', ')} [${d.ruleId}]`]));
    expect(by.get('p1')).toBe(cui);
    expect(by.get('p3')).toBe(unmarked);
    expect(by.get('p2')).toMatch(/^release/);
    expect(result.releaseText).toContain('revised leave policy');
    expect(result.releaseText).not.toMatch(/zulu|yankee/);
    expect(findLeaks(withheldTexts(result.plan), result.releaseText)).toEqual([]);
  });
});
