/**
 * The declassification instruction a banner ends with (`SECRET//NOFORN//20320108`, `…//X1`,
 * `…//MR`) was dropped with a note nobody saw: beside a block's `Declassify On: 20210315` the
 * SECRET//NF paragraph was released in full as declassified. It is an instruction of the
 * document now, assessed with the block's or the E.O. line's (the most protective applies), and
 * when they disagree a `decl-conflict` warning names them; a banner's alone is the instruction.
 * Two E.O. DECL lines or two Declassify On values that disagree were kept silently: the same
 * warning now.
 */
import { describe, expect, it } from 'vitest';
import { assessDocument } from '../../src/declass/assess.js';
import { parseMarking } from '../../src/markings/index.js';
import { readDocument } from '../../src/parse/read.js';

const AS_OF = '2026-06-01';
const BLOCK = 'Classified By: J. Smith, Chief\nReason: 1.4(c)\nDeclassify On: 20210315\n';
const memo = (banner: string, block = BLOCK) =>
  `${banner}\n\nSUBJECT: (U) Plan\nDATE: 15 March 2011\n\n(S//NF) The liaison office closes.\n\n${block}\n${banner}\n`;
const assess = (text: string) => assessDocument(readDocument(text).doc, AS_OF);
const codes = (text: string) => assess(text).diagnostics.map((d) => d.code);
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('a banner ending in a declassification instruction', () => {
  it.each([
    ['a later date', 'SECRET//NOFORN//20320108', 'classified', '2032-01-08'],
    ['X1', 'SECRET//NOFORN//X1', 'classified', '2036-12-31'],
    ['25X1', 'SECRET//NOFORN//25X1', 'classified', '2061-12-31'],
    ['50X1-HUM', 'SECRET//NOFORN//50X1-HUM', 'classified', '2086-12-31'],
    ['MR', 'SECRET//NOFORN//MR', 'classified', '2036-12-31'],
    ['OADR', 'SECRET//NOFORN//OADR', 'classified', '2036-12-31'],
  ])('%s beside a block date that has passed: the banner decides, a decl-conflict says so', (_what, banner, status, date) => {
    const text = memo(banner);
    const a = assess(text);
    expect(a).toMatchObject({ status, declassifyOn: date });
    expect(lineOf(text, a.span!.start)).toBe(1);
    const conflict = a.diagnostics.find((d) => d.code === 'decl-conflict');
    expect(conflict?.severity).toBe('warning');
    expect(conflict?.message).toContain('"Declassify On: 20210315"');
  });

  it('an earlier banner date beside a later block date: the block decides, the conflict is reported', () => {
    const text = memo('SECRET//NOFORN//20260101', 'Classified By: J. Smith, Chief\nReason: 1.4(c)\nDeclassify On: 20360315\n');
    const a = assess(text);
    expect(a).toMatchObject({ status: 'classified', declassifyOn: '2036-03-15' });
    expect(lineOf(text, a.span!.start)).toBe(10);
    expect(a.diagnostics.map((d) => d.code)).toContain('decl-conflict');
  });

  it.each([
    ['the same date as the block', 'SECRET//NOFORN//20210315'],
    ['no instruction in the banner', 'SECRET//NOFORN'],
  ])('%s: the block decides (declassified), no conflict', (_what, banner) => {
    expect(assess(memo(banner))).toMatchObject({ status: 'declassified', declassifyOn: '2021-03-15' });
    expect(codes(memo(banner))).not.toContain('decl-conflict');
  });

  // A banner's instruction alone is not applied (probe 16b: a top banner's passed 2012 released a
  // memo whose bottom banner said 2040): the memo has no instruction, with a warning that says why.
  it.each([
    ['a date to come', 'SECRET//NOFORN//20320108'],
    ['a date passed', 'SECRET//NOFORN//20120101'],
    ['MR', 'SECRET//NOFORN//MR'],
  ])('with no block, the banner\'s %s is not applied alone', (_what, banner) => {
    const a = assess(memo(banner, ''));
    expect(a.status).not.toBe('declassified');
    expect(a.status).toBe(assess(memo('SECRET//NOFORN', '')).status);
    expect(a.diagnostics.map((d) => d.code)).toContain('decl-banner-only');
  });

  it('a cable\'s later section line counts: SECRET//NOFORN//20400101 SECTION 02 OF 02 beside an E.O. line that has passed', () => {
    const text = 'S E C R E T BERLIN 000999\n\nSIPDIS\n\nE.O. 12958: DECL: 02/13/2010\nTAGS: PREL GM\nSUBJECT: (U) TEST\n\nClassified By: POLOFF X. REASONS: 1.4 (B) AND (D).\n\n1. (S) First paragraph.\n\nSECRET//NOFORN//20400101 SECTION 02 OF 02 BERLIN 000999\n\n2. (S) Second paragraph.\n';
    expect(assessDocument(readDocument(text).doc, '2026-12-01')).toMatchObject({ status: 'classified', declassifyOn: '2040-01-01' });
  });

  it('every banner line counts: a bottom banner\'s later date beside a block whose date has passed (probe 16b)', () => {
    const text = 'SECRET//NOFORN//20120101\n\nDATE: 15 March 2011\n\n(S//NF) LEAKA1 The liaison office closes.\n\nClassified By: J. Smith, Chief\nReason: 1.4(c)\nDeclassify On: 20120101\n\nSECRET//NOFORN//20400101\n';
    const a = assessDocument(readDocument(text).doc, '2026-12-01');
    expect(a).toMatchObject({ status: 'classified', declassifyOn: '2040-01-01' });
    expect(a.diagnostics.map((d) => d.code)).toContain('decl-conflict');
  });

  const cable = (banner: string, eo: string) =>
    `${banner} BERLIN 000999\n\nSIPDIS\n\n${eo}\nTAGS: PREL GM\nSUBJECT: (U) TEST\n\nClassified By: POLOFF X. REASONS: 1.4 (B) AND (D).\n\n1. (S) First paragraph.\n`;
  it.each([
    ['a later date beside the E.O. line', 'SECRET//NOFORN//20320108', 'E.O. 12958: DECL: 02/13/2010', 'classified', true],
    ['X1 beside the E.O. line', 'SECRET//NOFORN//X1', 'E.O. 12958: DECL: 02/13/2010', 'review', true],
    ['a date, no E.O. line (not applied alone)', 'SECRET//NOFORN//20120108', 'TAGS: X', 'invalid', false],
    ['none, letter-spaced', 'S E C R E T', 'E.O. 12958: DECL: 02/13/2010', 'declassified', false],
  ])('a cable banner with %s', (_what, banner, eo, status, conflict) => {
    const a = assessDocument(readDocument(cable(banner, eo)).doc, '2020-01-01');
    expect(a.status).toBe(status);
    expect(a.diagnostics.some((d) => d.code === 'decl-conflict')).toBe(conflict);
  });
});

describe('two instructions that disagree', () => {
  const cable = (eo: string) =>
    `S E C R E T MADRID 003833\n\nSIPDIS\n\n${eo}\nTAGS: PREL SP\nSUBJECT: (U) TEST\n\nClassified By: Whitney Baird, REASON 1.4 (B) and (D)\n\n1. (S) One.\n`;
  it.each([
    ['two E.O. DECL lines in a cable', cable('E.O. 12958: DECL: 10/01/2014\nE.O. 12958: DECL: 10/01/2029'), '10/01/2014', '10/01/2029', true],
    ['two Declassify On values in a memo', memo('SECRET//NOFORN', 'Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20210315\nDeclassify On: 20360315\n'), '20210315', '20360315', true],
    ['the same E.O. line twice', cable('E.O. 12958: DECL: 10/01/2029\nE.O. 12958: DECL: 10/01/2029'), '10/01/2029', '10/01/2029', false],
  ])('%s: the later applies; a conflict names both', (_what, text, early, late, conflict) => {
    const a = assess(text);
    expect(a.status).toBe('classified');
    const c = a.diagnostics.find((d) => d.code === 'decl-conflict');
    expect(c !== undefined).toBe(conflict);
    if (c) {
      expect(c.message).toContain(early);
      expect(c.message).toMatch(new RegExp(`most protective, "[^"]*${late}"`));
    }
  });
});

describe('parseMarking: a banner\'s trailing instruction is kept', () => {
  it.each([
    ['SECRET//NOFORN//20320108', '20320108'],
    ['TOP SECRET//COMINT//NOFORN//X1', 'X1'],
    ['SECRET//NOFORN//25X1', '25X1'],
    ['SECRET//NOFORN//50X1-HUM', '50X1-HUM'],
    ['SECRET//NOFORN//OADR', 'OADR'],
    ['SECRET//FGI//NOFORN//MR', 'MR'],
    ['SECRET//NOFORN', undefined],
  ])('%s', (raw, decl) => {
    const r = parseMarking(raw, 'banner');
    if (!r.ok) throw new Error(r.message);
    expect(r.marking.declassifyOn).toBe(decl);
  });

  it.each(['(S//NF//X1)', '(S//NF//20320108)', '(S//MR)'])('not in a portion mark: %s is not understood', (raw) => {
    expect(parseMarking(raw, 'portion').ok).toBe(false);
  });
});
