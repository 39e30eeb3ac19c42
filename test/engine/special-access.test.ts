/**
 * Special access programs (`SECRET//SPECIAL ACCESS REQUIRED-BUTTERED POPCORN`, `(S//SAR-BP)`).
 * Until they were read, such a portion was a mark not understood (withheld pending review in every
 * profile, the document pending) and such a banner no banner. Now the control is SAR, the program
 * noted: the FOIA profiles decide it as the classified information it is (B1 while classified,
 * released once declassified); a reader cleared to SECRET, NATO and the Five Eyes are not briefed
 * into the program, so they never see it while it is classified, whatever its REL TO marking.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument, withheldTexts } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { findLeaks } from '../helpers/leak.js';
import { extractPdfText } from '../helpers/pdf-text.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

const MEMO = [
  'SECRET//SPECIAL ACCESS REQUIRED-BUTTERED POPCORN//NOFORN',
  '',
  'MEMORANDUM FOR THE RECORD',
  '',
  'SUBJECT: (U) Program review schedule',
  '',
  '1. (U) The quarterly review of the program will take place in the main conference room.',
  '',
  '2. (S//SAR-BP//NF) The test article zulu reached its design altitude during the third flight window.',
  '',
  '3. (S//NF) Range support was provided by the western test wing.',
  '',
  '4. (S//SAR-BP//REL TO USA, FVEY) Sensor yankee performance exceeded the threshold in two passes.',
  '',
  'Classified By: Jane Doe, Program Security Officer',
  'Derived From: Program Security Classification Guide, dated 20150101',
  'Declassify On: 20401231',
  '',
  'SECRET//SPECIAL ACCESS REQUIRED-BUTTERED POPCORN//NOFORN',
  '',
].join('\n');

async function decide(id: string, asOf: string, formats: ('text' | 'pdf')[] = ['text']) {
  const doc = readDocument(MEMO, { format: 'document' }).doc;
  const result = await releaseDocument({ doc, profile: profile(id), asOf, stem: 'SAP', input: { path: 'SAP.txt', sha256: '0'.repeat(64) }, formats });
  const by = new Map(result.plan.decisions.map((d) => [d.portionId, `${d.action} ${d.authority.join(', ')} [${d.ruleId}]`]));
  return { doc, result, by };
}

describe('a memo of a special access program', () => {
  it('reads the banner and the marks: SAR, the program noted, no error', () => {
    const doc = readDocument(MEMO, { format: 'document' }).doc;
    expect(doc.banner?.marking?.controls).toEqual(['SAR', 'NOFORN']);
    const p2 = doc.portions.find((p) => p.id === 'p2')!;
    expect(p2.markingSource).toBe('marked');
    expect(p2.marking?.controls).toEqual(['SAR', 'NOFORN']);
    expect(p2.marking?.normalisations).toContain('special access program BP noted, not kept (the rules go by SAR)');
    expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('public while classified: B1 on every classified portion, nothing pending; nothing withheld leaks from the text or the PDF', async () => {
    const { result, by } = await decide('public', '2026-12-05', ['text', 'pdf']);
    expect(by.get('p1')).toMatch(/^release /);
    for (const id of ['p2', 'p3', 'p4']) expect(by.get(id)).toBe('withhold B1 [public/classified]');
    expect([...by.values()].some((v) => v.includes('PENDING'))).toBe(false);
    const withheld = withheldTexts(result.plan);
    expect(result.releaseText).toContain('quarterly review');
    expect(result.releaseText).not.toMatch(/zulu|yankee/);
    expect(findLeaks(withheld, result.releaseText)).toEqual([]);
    const pdf = (await extractPdfText(result.files.find((f) => f.kind === 'pdf')!.bytes)).pages.join('\n');
    expect(pdf).toContain('quarterly review');
    expect(pdf).not.toMatch(/zulu|yankee/);
    expect(findLeaks(withheld, pdf)).toEqual([]);
  });

  it('public once declassified: the program portions are released, with no B1', async () => {
    const { by } = await decide('public', '2041-01-02');
    for (const id of ['p2', 'p3', 'p4']) expect(by.get(id)).toMatch(/^release .*\[public\/declassified\]$/);
  });

  it.each([
    ['us-secret', 'release  [us-secret/up-to-secret]'],
    ['nato', 'withhold NOFORN [nato/noforn]'],
    ['fvey', 'withhold NOFORN [fvey/noforn]'],
  ])('%s: the program portions are withheld as SAP, REL TO FVEY or not; the collateral one as the profile decides it', async (id, collateral) => {
    const { result, by } = await decide(id, '2026-12-05');
    expect(by.get('p3')).toBe(collateral);
    expect(by.get('p4')).toBe(`withhold SAP [${id}/special-access]`);
    // p2 is NOFORN too: the partner profiles withhold it on that ground first.
    expect(by.get('p2')).toBe(id === 'us-secret' ? 'withhold SAP [us-secret/special-access]' : `withhold NOFORN [${id}/noforn]`);
    expect(result.releaseText).not.toMatch(/zulu|yankee/);
    expect(findLeaks(withheldTexts(result.plan), result.releaseText)).toEqual([]);
  });

  it('a control written where only a program can be is a mark not understood: withheld pending review', async () => {
    const doc = readDocument(MEMO.replace('(S//SAR-BP//NF)', '(S//SAR-BP/NF)'), { format: 'document' }).doc;
    const result = await releaseDocument({ doc, profile: profile('public'), asOf: '2026-12-05', stem: 'SAP', input: { path: 'SAP.txt', sha256: '0'.repeat(64) }, formats: ['text'] });
    const p2 = result.plan.decisions.find((d) => d.portionId === 'p2')!;
    expect(p2.action).toBe('withhold');
    expect(p2.authority).toEqual(['UNKNOWN MARKING - PENDING REVIEW']);
    expect(result.releaseText).not.toContain('zulu');
  });
});
