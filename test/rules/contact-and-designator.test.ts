/**
 * What foia-intel and public-pii withhold in released text, and under which claim (probe 56h,
 * findings 4-7): an organizational designator is an office symbol, not P5, G8, H1N1 or Q4; the
 * agency's (b)(3) claim covers the agency's own addresses, not the State Department's; both profiles
 * withhold e-mail addresses and telephone numbers with one set of patterns; a count, an amount or
 * a resolution's number is no telephone number.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/rules/load.js';
import { resolveProfile } from '../../src/node/profiles.js';
import { runBin, tmp } from '../helpers/bin.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);
const FOIA = profile('foia-intel');
const PII = profile('public-pii');
const rule = (p: typeof FOIA, id: string) => p.spanRules.find((r) => r.id === id)!.matcher;
const found = (m: ReturnType<typeof rule>, text: string) => m.find(text).map((r) => text.slice(r.start, r.end));

describe('foia-intel org-designator: office symbols, not abbreviations of their shape', () => {
  const designator = rule(FOIA, 'org-designator');
  it.each([
    ['groups of states and the P5', 'The G7, G8 and G20 summits and the P5 position', []],
    ['quarters', 'It rose in Q1, Q2, Q3, Q4, Q5 and Q6.', []],
    ['influenza strains and visas', 'H1N1 and H5N1 cases; H1B and H2B visas', []],
    ['aircraft and weapons', 'the F16 sale, F-16, F-15C, F18, C130J, M16 rifles, M1A1 and M9A1 tanks; D66', []],
    ["a declassification exemption on a cable's E.O. line (06NAIROBI1114)", 'E.O. 12958: DECL: (X1)', []],
    ['command and control, a joint staff, x2y words', 'C4 and C4I systems, the J2 staff, P2P networks', []],
    ['office symbols in a SIDtoday byline and text', 'Chief, S2I4; FROM: ZQ, S12C; S2I04, F611, S0121, F26, S2A and S2B', ['S2I4', 'S12C', 'S2I04', 'F611', 'S0121', 'F26', 'S2A', 'S2B']],
    ['a bare letter and digit of the agency (ambiguous, withheld)', 'the S2 workforce and F6', ['S2', 'F6']],
    // Probe 67b F9: a tank and the EU three where the next words say so; alone they keep an office's shape.
    ['tanks named as tanks', 'the T72 and M1A1 tanks, T80 tanks, the T55 main battle tank', []],
    ['the EU three named as a group', 'the E3 group, the E3 foreign ministers and the E3+3 talks', []],
    ['T72 and E3 alone (an office shape, withheld)', 'the T72 team and E3 staff; ZQ, T72', ['T72', 'E3', 'T72']],
  ])('%s', (_what, text, expected) => {
    expect(found(designator, text)).toEqual(expected);
  });
});

describe("foia-intel's (b)(3) contact claims are the agency's own", () => {
  it.each([
    ['an nsa.ic.gov address', 'at zqmüller@nsa.ic.gov now', ['zqmüller@nsa.ic.gov']],
    ['an apostrophe in an nsa.gov address', "at zq.o'neil@nsa.gov now", ["zq.o'neil@nsa.gov"]],
    ['a subdomain', 'at j.doe@mail.nsa.smil.mil now', ['j.doe@mail.nsa.smil.mil']],
    ["the State Department's press address", 'and press@state.gov', []],
    ['a domain ending in nsa', 'at x@fakensa.gov and y@nsa.gov.example.com', []],
  ])('agency-email: %s', (_what, text, expected) => {
    expect(found(rule(FOIA, 'agency-email'), text)).toEqual(expected);
  });
  it.each([
    ['a secure number', 'call 963-5555(s) or 963-1234 secure', ['963-5555(s)', '963-1234 secure']],
    ["the State Department's press line", 'The press line is 202-647-4000', []],
  ])('agency-telephone: %s', (_what, text, expected) => {
    expect(found(rule(FOIA, 'agency-telephone'), text)).toEqual(expected);
  });
});

describe('foia-intel withholds every e-mail address and telephone number public-pii does (one definition)', () => {
  it.each([
    "Contact the analyst at zqmüller@nsa.ic.gov or zq.o'neil@nsa.ic.gov, phone 963-5555 or 030/8305-1234 or (49)(30) 8305-1234 or ext. 4-1234.",
    'The embassy press line is 202-647-4000 and press@state.gov.',
  ])('%s', (text) => {
    for (const id of ['email', 'telephone']) expect(found(rule(FOIA, id), text)).toEqual(found(rule(PII, id), text));
    expect(found(rule(PII, 'email'), text).length + found(rule(PII, 'telephone'), text).length).toBeGreaterThan(1);
  });
  it('an unknown shared pattern name is refused with its line', () => {
    const yaml = readFileSync(new URL('../../rules/public-pii.yaml', import.meta.url), 'utf8').replace('use: [email]', 'use: [emails]');
    expect(() => loadProfile(yaml, 'x.yaml')).toThrow(/x\.yaml:\d+: .*use/);
  });
});

describe('the shared telephone pattern: counts, amounts and resolutions are no telephone numbers', () => {
  const phone = rule(PII, 'telephone');
  it.each([
    ['a range of round counts before a noun', 'between 3500-4000 troops were', []],
    ['a range of round counts alone', 'some 200-300 of them', []],
    ['thousands in groups of three', 'costing 100 000 000 euros', []],
    ['thousands in groups of three, a count', 'and 12 345 678 voters.', []],
    ['a passport number in groups of three', 'his passport number is 123 456 789;', []],
    ['a resolution', 'on resolution 1546 2004 1701.', []],
    ['a row of years (05THEHAGUE3305, a table header)', '1999 2003 1999 2003 ', []],
    ['a number before a count noun', 'about 0171 499 9000 dollars', []],
    ['an extension after the number, whole', 'Call 202-647-4000x123 or', ['202-647-4000x123']],
    ['a London number still', 'Call 0171 499 9000 now', ['0171 499 9000']],
    ['a number in four groups, whole (09STATE57530; was 52 614 488, leaving 4218)', 'Tel: 52 614 488 4218', ['52 614 488 4218']],
    ['a local number still', 'Call 647-1234 or 8305-1200.', ['647-1234', '8305-1200']],
    // Header lines, where redact rules apply too (stop 57): designators of messages and reports.
    ['message serial numbers after the precedence (08STATE103511)', 'TO ZEN/AMEMBASSY BELMOPAN NIACT IMMEDIATE 2276-2279', []],
    ['a serial number after PRIORITY (09STATE117709)', 'INFO RUEHBY/AMEMBASSY CANBERRA PRIORITY 5779-5780', []],
    ["a CIA TD's number (09NAIROBI579)", 'REF: A) TD-314/014 437-09 B) NAIROBI 411', []],
    ["an IIR's number (10STATE369)", 'IIR 6 022 0061 93 23 OCT 1992', []],
    ['a telephone number on a routing line still', 'RUEHRL/USDAO BERLIN GE PRIORITY ATTN 202-647-4000', ['202-647-4000']],
    ['a telephone number after a precedence word still', 'IMMEDIATE 202-647-4000 or PRIORITY 647-4000.', ['202-647-4000', '647-4000']],
  ])('%s', (_what, text, expected) => {
    expect(found(phone, text)).toEqual(expected);
  });
});

describe('social security and card numbers: each under its own claim, never a telephone number', () => {
  it.each([
    ['four groups of four, spaces', 'card 4111 1111 1111 1111 on file', [], ['4111 1111 1111 1111'], []],
    ['four groups of four, hyphens', 'card 5500-0000-0000-0004.', [], ['5500-0000-0000-0004'], []],
    ['American Express, 4-6-5', 'Amex 3782 822463 10005 and 3714-496353-98431', [], ['3782 822463 10005', '3714-496353-98431'], []],
    ['mixed separators are no card', 'ref 4111 1111-1111 1111', ['4111 1111-1111 1111'], [], []],
    ['a row of four years is no card', '1999 2003 1999 2003 ', [], [], []],
    ['a social security number with hyphens', 'SSN 123-45-6789, or 078-05-1120.', [], [], ['123-45-6789', '078-05-1120']],
    ['without hyphens only after its label', 'SSN: 123 45 6789; Social Security No. 078051120; a count 123 45 6789', [], [], ['123 45 6789', '078051120']],
    ['numbers the SSA never issues', 'not 666-12-3456, nor 912-12-3456, nor 123-00-4567, nor 123-45-0000', [], [], []],
    ['a telephone number is neither', 'Call 202-647-4000 or 0171 499 9000', ['202-647-4000', '0171 499 9000'], [], []],
  ])('%s', (_what, text, phones, cards, ssns) => {
    for (const p of [PII, FOIA]) {
      expect(found(rule(p, 'telephone'), text)).toEqual(phones);
      expect(found(rule(p, 'card-number'), text)).toEqual(cards);
      expect(found(rule(p, 'ssn'), text)).toEqual(ssns);
    }
  });
});

describe('a listed name written with a ligature (NFKC) or spelled out with dots', () => {
  it.each([
    ['ﬀ', 'so did Duco\ufb00re.', ['Duco\ufb00re']],
    ['spelled out with dots', 'so did D.U.C.O.F.F.R.E. today', ['D.U.C.O.F.F.R.E']],
    ['initials with dots spell no listed name', 'the U.S.A. and D.C. offices', []],
  ])('%s', (_what, text, expected) => {
    expect(found(rule(PII, 'names'), text)).toEqual(expected);
  });
});

describe('releases with the two profiles (written, and checked for leaks)', () => {
  const AS_OF = '2026-12-01';
  /** The output folder of the last release. */
  let lastOut = '';
  const release = async (id: string, name: string, text: string): Promise<string> => {
    const dir = tmp(`contact-${id}`);
    const input = path.join(dir, 'in');
    mkdirSync(input, { recursive: true });
    writeFileSync(path.join(input, name), text);
    const out = path.join(dir, 'out');
    lastOut = out;
    const r = runBin(['release', input, '-p', id, '-o', out, '--as-of', AS_OF, '--formats', 'text', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(path.join(out, 'release')).filter((f) => f.endsWith('.txt'));
    expect(await expectNoLeaksInFolder(out, new Map([[name.replace(/\.txt$/, ''), path.join(input, name)]]), await resolveProfile(id), AS_OF)).toBeGreaterThan(0);
    return readFileSync(path.join(out, 'release', files[0]!), 'utf8');
  };

  it('foia-intel: abbreviations stay, contacts go, each under its own claim', async () => {
    const text = [
      'UNCLASSIFIED',
      '',
      'SUBJECT: (U) Test memo',
      '',
      '(U) The G8 and G20 summits discussed the F16 sale and the P5 position; H1N1 cases rose in Q4. Chief, S2I4.',
      '',
      "(U) Contact zqmüller@nsa.ic.gov or zq.o'neil@nsa.ic.gov, phone 963-5555 or 030/8305-1234 or (49)(30) 8305-1234 or ext. 4-1234.",
      '',
      '(U) The press line is 202-647-4000 and press@state.gov.',
      '',
      'UNCLASSIFIED',
      '',
    ].join('\n');
    const out = await release('foia-intel', 'fi1.txt', text);
    expect(out).toContain('The G8 and G20 summits discussed the F16 sale and the P5 position; H1N1 cases rose in Q4. Chief, [REDACTED: B3 - 50 USC 3605].');
    for (const gone of ['üller', 'neil', 'zq.o', '5555', '8305', '(49)', '4-1234', '647-4000', 'state.gov']) expect(out).not.toContain(gone);
    expect(out).toContain('(U) The press line is [REDACTED: B6] and [REDACTED: B6].');
    expect(out).toContain('Contact [REDACTED: B3 - 50 USC 3605, B6] or [REDACTED: B3 - 50 USC 3605, B6], phone [REDACTED: B6]');
  });

  it('public-pii: counts, amounts and resolutions stay', async () => {
    const text = [
      'UNCLASSIFIED',
      '',
      'SUBJECT: (U) Counts',
      '',
      '(U) Between 3500-4000 troops, costing 100 000 000 euros; 12 345 678 voters; resolution 1546 2004 1701. Call 202-647-4000x123, said Duco\ufb00re.',
      '',
      'UNCLASSIFIED',
      '',
    ].join('\n');
    const out = await release('public-pii', 'pii3.txt', text);
    expect(out).toContain('(U) Between 3500-4000 troops, costing 100 000 000 euros; 12 345 678 voters; resolution 1546 2004 1701. Call [REDACTED: B6], said [REDACTED: B6].');
    expect(out).not.toContain('Duco');
  });

  it('public-pii: a card and a social security number redacted under their own reasons (the audit record)', async () => {
    const text = [
      'UNCLASSIFIED',
      '',
      'SUBJECT: (U) Payment',
      '',
      '(U) He paid with card 4111 1111 1111 1111 and gave SSN 123-45-6789; call 202-647-4000.',
      '',
      'UNCLASSIFIED',
      '',
    ].join('\n');
    const out = await release('public-pii', 'pii4.txt', text);
    expect(out).toContain('(U) He paid with card [REDACTED: B6] and gave SSN [REDACTED: B6]; call [REDACTED: B6].');
    const dir = path.join(lastOut, 'review');
    const record = JSON.parse(readFileSync(path.join(dir, readdirSync(dir).find((f) => f.endsWith('.audit.json'))!), 'utf8')) as { redactions: { ruleId: string; span: { start: number; end: number } }[] };
    expect(record.redactions.map((r) => [r.ruleId, text.slice(r.span.start, r.span.end)])).toEqual([
      ['public-pii/card-number', '4111 1111 1111 1111'],
      ['public-pii/ssn', '123-45-6789'],
      ['public-pii/telephone', '202-647-4000'],
    ]);
  });
});
