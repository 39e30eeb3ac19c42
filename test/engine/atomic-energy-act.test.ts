/**
 * Atomic Energy Act markings (CAPCO's category after SCI): Restricted Data (`RD`, with CNWDI `RD-N`
 * and SIGMA `RD-SG 14`), Formerly Restricted Data (`FRD`), TFNI, and DoD and DOE UCNI (`DCNI`,
 * `UCNI`). Until they were read, `(S//RD)` was an unknown mark (withheld pending review, no
 * authority) and a `SECRET//RESTRICTED DATA` banner no banner at all. Now each is read, and decided
 * by its own rule: (b)(3) with the act's statute in the FOIA profiles (never B1: the act, not an
 * executive order, classifies it, and no declassification date of the document lifts it), not
 * releasable to foreign partners, CNWDI and SIGMA beyond a SECRET reader.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessDocument, parseDecl } from '../../src/declass/index.js';
import { formatBanner, formatPortion, parseMarking } from '../../src/markings/index.js';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument, withheldTexts } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { findLeaks } from '../helpers/leak.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { meaning, mk } from '../markings/helpers.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

/** [raw, context, meaning, canonical portion mark, canonical banner] */
const READ: ReadonlyArray<readonly [string, 'portion' | 'banner', ReturnType<typeof mk>, string, string]> = [
  ['(S//RD)', 'portion', mk('S', ['RD']), '(S//RD)', 'SECRET//RD'],
  ['(C//FRD)', 'portion', mk('C', ['FRD']), '(C//FRD)', 'CONFIDENTIAL//FRD'],
  ['(S//RD-N)', 'portion', mk('S', ['RD', 'CNWDI']), '(S//RD-N)', 'SECRET//RD-CNWDI'],
  ['(TS//RD-SG 14 15//NF)', 'portion', mk('TS', ['RD', 'SIGMA', 'NOFORN']), '(TS//RD-SG//NF)', 'TOP SECRET//RD-SIGMA//NOFORN'],
  ['(S//FRD-SIGMA 20)', 'portion', mk('S', ['FRD', 'SIGMA']), '(S//FRD-SG)', 'SECRET//FRD-SIGMA'],
  ['(S//TFNI)', 'portion', mk('S', ['TFNI']), '(S//TFNI)', 'SECRET//TFNI'],
  ['(S//SI//RD//NF)', 'portion', mk('S', ['RD', 'NOFORN'], [], ['SI']), '(S//SI//RD//NF)', 'SECRET//SI//RD//NOFORN'],
  ['(U//UCNI)', 'portion', mk('U', ['UCNI']), '(U//UCNI)', 'UNCLASSIFIED//DOE UCNI'],
  ['(DCNI)', 'portion', mk('U', ['DCNI']), '(U//DCNI)', 'UNCLASSIFIED//DOD UCNI'],
  ['SECRET//RESTRICTED DATA', 'banner', mk('S', ['RD']), '(S//RD)', 'SECRET//RD'],
  ['TOP SECRET//RESTRICTED DATA-CRITICAL NUCLEAR WEAPON DESIGN INFORMATION//NOFORN', 'banner', mk('TS', ['RD', 'CNWDI', 'NOFORN']), '(TS//RD-N//NF)', 'TOP SECRET//RD-CNWDI//NOFORN'],
  ['SECRET//FORMERLY RESTRICTED DATA//REL TO USA, GBR', 'banner', mk('S', ['FRD'], ['USA', 'GBR']), '(S//FRD//REL TO USA, GBR)', 'SECRET//FRD//REL TO USA, GBR'],
  ['UNCLASSIFIED//DOD UCNI', 'banner', mk('U', ['DCNI']), '(U//DCNI)', 'UNCLASSIFIED//DOD UCNI'],
];

describe('the grammar reads Atomic Energy Act markings', () => {
  it.each(READ)('%s (%s)', (raw, context, expected, portion, banner) => {
    const r = parseMarking(raw, context);
    if (!r.ok) throw new Error(r.message);
    expect(meaning(r.marking)).toEqual(expected);
    expect(formatPortion(r.marking)).toBe(portion);
    expect(formatBanner(r.marking)).toBe(banner);
    const back = parseMarking(portion, 'portion');
    expect(back.ok && meaning(back.marking)).toEqual(expected);
  });

  it('says what it did not keep of a SIGMA number', () => {
    const r = parseMarking('(TS//RD-SG 14 15//NF)', 'portion');
    expect(r.ok && r.marking.normalisations).toContain('SIGMA 14 15 read as SIGMA (the numbers are not kept)');
  });

  it.each(['(U//RD)', '(U//FRD)', '(U//TFNI)', 'UNCLASSIFIED//RESTRICTED DATA'])('%s contradicts itself: not understood (fail closed)', (raw) => {
    const r = parseMarking(raw, raw.startsWith('(') ? 'portion' : 'banner');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/Atomic Energy Act, not UNCLASSIFIED/);
  });
});

describe('the declassification instruction of a document with RD or NATO portions', () => {
  it.each([
    ['N/A to RD/FRD/TFNI portions. See source list for NSI portions.', ['RD', 'FRD', 'TFNI']],
    ['N/A to RD/FRD portions. See source list for NSI portions', ['RD', 'FRD']],
    ['N/A to NATO portions. See source list for NSI portions.', ['NATO']],
    ['Declassify On: N/A to RD portions', ['RD']],
  ])('%s is read, naming the portions it does not apply to', (raw, codes) => {
    const v = parseDecl(raw);
    expect(v.kind).toBe('source-list');
    expect(v.codes).toEqual(codes);
  });
});

const MEMO = `SECRET//RD-CNWDI//NOFORN

MEMORANDUM FOR THE RECORD
DATE: 12 June 2009
SUBJECT: (U) Weapons program status

(U//DCNI) The shipment route between the two storage sites is controlled information.

(S//RD-N//NF) The design review found the primary margin adequate for the next decade.

(C//FRD) Storage locations of the reserve will be consolidated at the northern depot.

(S//NF) Program funding will continue through fiscal year 2012 at the planned level.

(S//TFNI) Assessments of the foreign enrichment program are attached to this memo.

(U) Point of contact is the program office.

Classified By: Jane Roe, Director
Reason: 1.4(a)
Declassify On: 20190612

SECRET//RD-CNWDI//NOFORN
`;

const memo = () => readDocument(MEMO, { format: 'document' }).doc;

/** Each profile's decision per portion id, as of a date after the memo's DECL date. */
async function decisions(id: string, formats: ('text' | 'pdf')[] = ['text']) {
  const result = await releaseDocument({ doc: memo(), profile: profile(id), asOf: '2026-12-05', stem: 'MEMO-AEA', input: { path: 'MEMO-AEA.txt', sha256: '0'.repeat(64) }, formats });
  const by = new Map(result.plan.decisions.map((d) => [d.portionId, `${d.action} ${d.authority.join(', ')} [${d.ruleId}]`]));
  return { result, by };
}

describe('release rules for Atomic Energy Act portions', () => {
  it('public: (b)(3) with the statute, never B1, and the passed DECL date lifts only the executive-order portion', async () => {
    const { result, by } = await decisions('public', ['text', 'pdf']);
    expect(by.get('p1')).toBe('withhold B3 - 10 USC 128 [public/dod-ucni]');
    expect(by.get('p2')).toBe('withhold B3 - 42 USC 2162 [public/atomic-energy-act]');
    expect(by.get('p3')).toBe('withhold B3 - 42 USC 2162 [public/atomic-energy-act]');
    expect(by.get('p4')).toMatch(/^release .*\[public\/declassified\]$/);
    expect(by.get('p5')).toBe('withhold B3 - 42 USC 2162 [public/atomic-energy-act]');
    expect([...by.values()].some((v) => v.includes('B1'))).toBe(false);
    expect(result.releaseText).toContain('Program funding will continue');
    const withheld = withheldTexts(result.plan);
    expect(findLeaks(withheld, result.releaseText)).toEqual([]);
    const pdf = await extractPdfText(result.files.find((f) => f.kind === 'pdf')!.bytes);
    expect(pdf.pages.join('\n')).toContain('B3 - 42 USC 2162');
    expect(findLeaks(withheld, pdf.pages.join('\n'))).toEqual([]);
  });

  it('us-secret: RD, FRD and TFNI up to SECRET, not CNWDI (a briefing beyond the clearance), not lifted by the date', async () => {
    const { by } = await decisions('us-secret');
    expect(by.get('p2')).toBe('withhold CNWDI/SIGMA [us-secret/cnwdi-sigma]');
    expect(by.get('p3')).toBe('release  [us-secret/up-to-secret]');
    expect(by.get('p5')).toBe('release  [us-secret/up-to-secret]');
    expect(by.get('p4')).toMatch(/\[us-secret\/declassified\]$/);
  });

  it.each(['nato', 'fvey'])('%s: not releasable to a foreign partner, UCNI included', async (id) => {
    const { by } = await decisions(id);
    for (const p of ['p1', 'p2', 'p3', 'p5']) expect(by.get(p)).toBe(`withhold ATOMIC ENERGY ACT - NOT RELEASABLE [${id}/atomic-energy-act]`);
  });

  it('an unmarked portion of an RD document is not released by the passed date: it may be RD', async () => {
    const text = MEMO.replace('(U) Point of contact', 'Point of contact');
    const result = await releaseDocument({ doc: readDocument(text, { format: 'document' }).doc, profile: profile('public'), asOf: '2026-12-05', stem: 'M', input: { path: 'M.txt', sha256: '0'.repeat(64) }, formats: ['text'] });
    const p6 = result.plan.decisions.find((d) => d.portionId === 'p6')!;
    expect(`${p6.action} ${p6.authority.join(', ')} [${p6.ruleId}]`).toBe('withhold ATOMIC ENERGY ACT - PENDING REVIEW [public/unmarked-in-atomic-energy-act-document]');
  });

  it('the N/A-to-RD instruction leaves the other portions pending declassification review, with a reason', async () => {
    const text = MEMO.replace('Declassify On: 20190612', 'Declassify On: N/A to RD/FRD/TFNI portions. See source list for NSI portions.');
    const doc = readDocument(text, { format: 'document' }).doc;
    const decl = assessDocument(doc, '2026-12-05');
    expect(decl.status).toBe('review');
    expect(decl.rule).toBe('32cfr2001.24h');
    expect(decl.reason).toMatch(/source list/);
    const result = await releaseDocument({ doc, profile: profile('public'), asOf: '2026-12-05', stem: 'M', input: { path: 'M.txt', sha256: '0'.repeat(64) }, formats: ['text'] });
    const p4 = result.plan.decisions.find((d) => d.portionId === 'p4')!;
    expect(p4.ruleId).toBe('public/classified-pending-review');
    expect(result.plan.decisions.find((d) => d.portionId === 'p2')!.ruleId).toBe('public/atomic-energy-act');
  });
});
