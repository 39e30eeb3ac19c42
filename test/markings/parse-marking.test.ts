import { describe, expect, it } from 'vitest';
import { addControls, parseCaveat, parseMarking } from '../../src/markings/index.js';
import { meaning, mk, parsed } from './helpers.js';

/** [raw portion mark, expected meaning, canonical (no normalisation notes)] */
const PORTION_FORMS: ReadonlyArray<readonly [string, ReturnType<typeof mk>, boolean]> = [
  // Canonical CAPCO forms: no notes.
  ['(U)', mk('U'), true],
  ['(C)', mk('C'), true],
  ['(S)', mk('S'), true],
  ['(TS)', mk('TS'), true],
  ['(S//NF)', mk('S', ['NOFORN']), true],
  ['(C//NF)', mk('C', ['NOFORN']), true],
  ['(U//FOUO)', mk('U', ['FOUO']), true],
  ['(U//SBU)', mk('U', ['SBU']), true],
  ['(U//SBU-NF)', mk('U', ['NOFORN', 'SBU']), true],
  ['(U//LES-NF)', mk('U', ['NOFORN', 'LES']), true],
  ['(TS//SI//NF)', mk('TS', ['NOFORN'], [], ['SI']), true],
  ['(TS//SI-G/TK//OC/NF)', mk('TS', ['ORCON', 'NOFORN'], [], ['SI-G', 'TK']), true],
  ['(S//FGI//NF)', mk('S', ['FGI', 'NOFORN']), true],
  ['(S//FGI DEU GBR//NF)', mk('S', ['FGI', 'NOFORN'], [], [], ['DEU', 'GBR']), true],
  ['(S//REL TO USA, FVEY)', mk('S', [], ['USA', 'FVEY']), true],
  ['(S//REL TO USA, GBR, NATO)', mk('S', [], ['USA', 'GBR', 'NATO']), true],
  ['(C//REL TO USA, NATO)', mk('C', [], ['USA', 'NATO']), true],
  ['(S//NF//XD)', mk('S', ['NOFORN', 'EXDIS']), true],
  ['(S//NF//ND)', mk('S', ['NOFORN', 'NODIS']), true],
  ['(C//DS)', mk('C', ['LIMDIS']), true],
  ['(S//OC/PR/RELIDO)', mk('S', ['ORCON', 'PROPIN', 'RELIDO']), true],
  ['(C//NATO)', mk('C', ['NATO']), true],
  // Legacy State forms.
  ['(S/NF)', mk('S', ['NOFORN']), false],
  ['(C/NF)', mk('C', ['NOFORN']), false],
  ['(S NF)', mk('S', ['NOFORN']), false],
  ['(S-NF)', mk('S', ['NOFORN']), false],
  ['(SBU)', mk('U', ['SBU']), false],
  ['(sbu)', mk('U', ['SBU']), false],
  ['(SBU/NF)', mk('U', ['NOFORN', 'SBU']), false],
  ['(SBU/N)', mk('U', ['NOFORN', 'SBU']), false],
  ['(SBU-NF)', mk('U', ['NOFORN', 'SBU']), false],
  ['(SBU NOFORN)', mk('U', ['NOFORN', 'SBU']), false],
  ['(U//SBU NOFORN)', mk('U', ['NOFORN', 'SBU']), false],
  ['(LES-NF)', mk('U', ['NOFORN', 'LES']), false],
  ['(s/nf)', mk('S', ['NOFORN']), false],
  ['(u)', mk('U'), false],
  ['(c)', mk('C'), false],
  ['(SE)', mk('S'), false],
  ['(C/NOFORN)', mk('C', ['NOFORN']), false],
  ['(S//NOFORN)', mk('S', ['NOFORN']), false],
  ['(S/NOFORN)', mk('S', ['NOFORN']), false],
  ['(S/REL NATO)', mk('S', [], ['USA', 'NATO']), false],
  ['(C/REL NATO and AUS)', mk('C', [], ['USA', 'AUS', 'NATO']), false],
  ['(S/NF/rel Panama)', mk('S', ['NOFORN']), false],
  ['(S/Rel to Kenya)', mk('S', [], ['USA', 'KEN']), false],
  ['(S/Rel to Ukraine)', mk('S', [], ['USA', 'UKR']), false],
  ['(S/Rel to Russia, Latvia)', mk('S', [], ['USA', 'LVA', 'RUS']), false],
  ['(SECRET/REL FRANCE)', mk('S', [], ['USA', 'FRA']), false],
  ['(Secret/Rel Armenia)', mk('S', [], ['USA', 'ARM']), false],
  ['(secret//rel germany)', mk('S', [], ['USA', 'DEU']), false],
  ['(S//REL SAU)', mk('S', [], ['USA', 'SAU']), false],
  ['(S//Rel NATO, ISAF)', mk('S', [], ['USA', 'ISAF', 'NATO']), false],
  ['(S/REL TO NATO/AUS)', mk('S', [], ['USA', 'AUS', 'NATO']), false],
  ['(S//REL TO GBR, USA)', mk('S', [], ['USA', 'GBR']), false],
  ['(S//REL TO USA, UNITED KINGDOM, SAUDI ARABIA)', mk('S', [], ['USA', 'GBR', 'SAU']), false],
  ['(S//REL TO USA, BOSNIA AND HERZEGOVINA)', mk('S', [], ['USA', 'BIH']), false],
  ['(SBU//Rel NATO, ISAF)', mk('U', ['SBU'], ['USA', 'ISAF', 'NATO']), false],
  ['(FOUO)', mk('U', ['FOUO']), false],
  ['(LOU)', mk('U', ['LOU']), false],
  ['(U/FOUO)', mk('U', ['FOUO']), false],
  ['(TS/SCI)', mk('TS', [], [], ['SCI']), false],
  ['(TS/SI/NF)', mk('TS', ['NOFORN'], [], ['SI']), false],
  ['(CONFIDENTIAL)', mk('C'), false],
  ['(Confidential)', mk('C'), false],
  ['(UNCLASSIFIED)', mk('U'), false],
  ['(C )', mk('C'), false],
  ['( C)', mk('C'), false],
  ['(S-ENTIRE TEXT)', mk('S'), false],
  ['(CONFIDENTIAL -- ENTIRE PARAGRAPH)', mk('C'), false],
  ['(S//NF/OC)', mk('S', ['ORCON', 'NOFORN']), false],
  ['(S//XD)', mk('S', ['NOFORN', 'EXDIS']), false],
  ['(S//NF//XD/ND)', mk('S', ['NOFORN', 'NODIS']), false],
  ['(S//REL TO USA)', mk('S', ['NOFORN']), false],
  ['(S//REL)', mk('S', ['NOFORN']), false],
  ['(S//REL TO USA, XYZ)', mk('S', [], ['USA', 'XYZ']), false],
  // NATO levels: the equivalent US level, with NATO kept; NATO RESTRICTED is protected as C.
  ['(NC)', mk('C', ['NATO']), false],
  ['(NS)', mk('S', ['NATO']), false],
  ['(CTS)', mk('TS', ['NATO']), false],
  ['(NR)', mk('C', ['NATO']), false],
  ['(NU)', mk('U', ['NATO']), false],
  ['(//NS//NF)', mk('S', ['NATO', 'NOFORN']), false],
  ['(NATO SECRET)', mk('S', ['NATO']), false],
  ['(NATO RESTRICTED)', mk('C', ['NATO']), false],
  // Controlled Unclassified Information (32 CFR part 2002): unclassified, with the control CUI.
  ['(CUI)', mk('U', ['CUI']), false],
  ['(U//CUI)', mk('U', ['CUI']), true],
  ['(CUI//NF)', mk('U', ['NOFORN', 'CUI']), false],
  // Its categories and limited dissemination controls are noted, not kept: the rules go by CUI.
  ['(CUI//SP-PRVCY)', mk('U', ['CUI']), false],
  ['(CUI//SP-CTI/SP-EXPT//NOFORN)', mk('U', ['NOFORN', 'CUI']), false],
  ['(CUI//PRVCY//FEDCON)', mk('U', ['CUI']), false],
  ['(CUI//DL ONLY)', mk('U', ['CUI']), false],
  // CUI's DISPLAY ONLY, a marking word of classified markings too (DISPLAY ONLY with a level).
  ['(CUI//DISPLAY ONLY)', mk('U', ['CUI']), false],
  ['(CUI//SP-PRVCY//DISPLAY ONLY)', mk('U', ['CUI']), false],
  // A special access program (CAPCO's category after SCI): the control SAR; the program's
  // identifiers (several joined by `/`, compartments by `-`, sub-compartments by spaces) are noted.
  ['(S//SAR-BP)', mk('S', ['SAR']), false],
  ['(TS//SAR-BP/GB//NF)', mk('TS', ['SAR', 'NOFORN']), false],
  ['(TS//SAR-MB/SC-RF 1532-RG A691 D722)', mk('TS', ['SAR']), false],
  ['(TS//SI//SAR-XY//RD//NF)', mk('TS', ['SAR', 'RD', 'NOFORN'], [], ['SI']), false],
  ['(C//SAR-WAGON WHEEL//REL TO USA, GBR)', mk('C', ['SAR'], ['USA', 'GBR']), false],
  // DISPLAY ONLY with the countries it may be shown to (noted, not kept).
  ['(S//DISPLAY ONLY AFG)', mk('S', ['DISPLAYONLY']), false],
  ['(S//REL TO USA, NATO/DISPLAY ONLY AFG, IRQ)', mk('S', ['DISPLAYONLY'], ['USA', 'NATO']), false],
  ['(S//DISPLAYONLY AFG IRQ)', mk('S', ['DISPLAYONLY']), false],
  // A foreign government's classification (CAPCO's non-US marks): that level, with FGI and the country.
  ['(//DEU S)', mk('S', ['FGI'], [], [], ['DEU']), false],
  ['(//GBR C//REL TO USA, GBR)', mk('C', ['FGI'], ['USA', 'GBR'], [], ['GBR']), false],
  ['(//FRA TS//NF)', mk('TS', ['FGI', 'NOFORN'], [], [], ['FRA']), false],
  // A JOINT classification: that level, with FGI and the co-owners other than the United States; no REL TO inferred.
  ['(//JOINT S CAN USA)', mk('S', ['FGI'], [], [], ['CAN']), false],
  ['(//JOINT TS CAN GBR USA//REL TO USA, CAN, GBR)', mk('TS', ['FGI'], ['USA', 'CAN', 'GBR'], [], ['CAN', 'GBR']), false],
  ['(//JOINT C AUS USA//NF)', mk('C', ['FGI', 'NOFORN'], [], [], ['AUS']), false],
];

describe('parseMarking: portion marks', () => {
  it.each(PORTION_FORMS)('%s', (raw, expected, canonical) => {
    const r = parseMarking(raw, 'portion');
    if (!r.ok) throw new Error(r.message);
    expect(meaning(r.marking)).toEqual(expected);
    expect(r.marking.raw).toBe(raw);
    expect(r.marking.span).toBeUndefined();
    if (canonical) expect(r.marking.normalisations).toEqual([]);
    else expect(r.marking.normalisations.length).toBeGreaterThan(0);
  });

  it('explains each normalisation of a legacy form', () => {
    expect(parsed('(S/NF/rel Panama)').normalisations).toEqual(
      expect.arrayContaining([
        'country name "PANAMA" read as PAN',
        'NOFORN and REL TO together are contradictory: NOFORN kept, REL TO dropped (fail closed)',
      ]),
    );
    expect(parsed('(SE)').normalisations).toEqual(['SE read as S (SECRET): typo']);
    expect(parsed('(S/REL NATO)').normalisations).toContain('USA added to the REL TO list (it is always first)');
    expect(parsed('(NR)').normalisations[0]).toMatch(/protected as CONFIDENTIAL/);
  });
});

/** [raw, reason] for marks that must not be understood. */
const REJECTED: ReadonlyArray<readonly [string, 'unknown' | 'malformed']> = [
  ['(C0)', 'unknown'],
  ['(S//N F)', 'unknown'],
  ['(U/ /NF)', 'malformed'],
  ['(SECRET/NOFRN)', 'unknown'],
  ['(X)', 'unknown'],
  ['(SS)', 'unknown'],
  ['(S-)', 'malformed'],
  ['(S//)', 'malformed'],
  ['(S///NF)', 'malformed'],
  ['(NF)', 'unknown'],
  ['(REL TO USA, GBR)', 'unknown'],
  ['()', 'malformed'],
  ['( )', 'malformed'],
  ['S//NF', 'malformed'],
  ['(S//NF', 'malformed'],
  ['((S))', 'malformed'],
  ['(S.)', 'malformed'],
  ['(S//REL TO USA, NARNIA)', 'unknown'],
  // JOINT with no co-owner but the United States, none at all, or a code that is no country's.
  ['(//JOINT S USA)', 'malformed'],
  ['(//JOINT S)', 'malformed'],
  ['(//JOINT S XYZ USA)', 'unknown'],
  ['(JOINT S CAN USA)', 'unknown'],
  ['(S//REL TO USA,)', 'malformed'],
  // Not a foreign government's classification: the US, an unknown code, no level after the country,
  // a level no US level stands for, the country without the leading //.
  ['(//USA S)', 'unknown'],
  ['(//XYZ S)', 'unknown'],
  ['(//DEU)', 'unknown'],
  ['(//GBR R)', 'unknown'],
  ['(DEU S)', 'unknown'],
  // A control where only a program can be (read as one, NOFORN would be lost); a special access
  // program is classified by definition; a hyphen with no program after it.
  ['(S//SAR-BP/NF)', 'malformed'],
  ['(S//SAR-BP REL TO USA, GBR)', 'malformed'],
  ['(U//SAR-BP)', 'malformed'],
  // DISPLAY ONLY is a foreign disclosure marking of classified information; an unknown country.
  ['(U//DISPLAY ONLY AFG)', 'malformed'],
  ['(S//DISPLAY ONLY XYZ)', 'unknown'],
  ['(S//SAR-)', 'malformed'],
  // After CUI, what is neither a category (`SP-` and a word, or a word) nor a marking word.
  ['(CUI//123)', 'unknown'],
  ['(CUI//SP-)', 'malformed'],
  // A category with a marking that needs a level: classified by definition, not UNCLASSIFIED.
  ['(CUI//SP-PRVCY//SI)', 'malformed'],
  ['(S//REL NATO and)', 'malformed'],
  ['(S-ENTIRE TEXT//NF)', 'malformed'],
  ['(S//MR)', 'unknown'],
  ['(S//NF/XYZ)', 'unknown'],
  ['(Mideast)', 'unknown'],
  ['(U.S.)', 'malformed'],
  // SCI is classified by definition: with UNCLASSIFIED the mark contradicts itself (it was released).
  ['(U//SI)', 'malformed'],
  ['(U//TK)', 'malformed'],
  ['(U//HCS-P)', 'malformed'],
  ['(U//SI-G//REL TO USA, FVEY)', 'malformed'],
];

describe('parseMarking: rejected portion marks', () => {
  it.each(REJECTED)('%s → %s', (raw, reason) => {
    const r = parseMarking(raw, 'portion');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    // The message quotes the input and says what was expected.
    expect(r.message).toContain(JSON.stringify(raw));
    expect(r.message).toMatch(/expected/);
  });
});

/** [banner classification words, expected meaning, canonical] */
const BANNER_FORMS: ReadonlyArray<readonly [string, ReturnType<typeof mk>, boolean]> = [
  ['UNCLASSIFIED', mk('U'), true],
  ['CONFIDENTIAL', mk('C'), true],
  ['SECRET', mk('S'), true],
  ['TOP SECRET', mk('TS'), true],
  ['SECRET//NOFORN', mk('S', ['NOFORN']), true],
  ['TOP SECRET//SI//NOFORN', mk('TS', ['NOFORN'], [], ['SI']), true],
  ['UNCLASSIFIED//FOR OFFICIAL USE ONLY', mk('U', ['FOUO']), true],
  ['UNCLASSIFIED//FOUO', mk('U', ['FOUO']), true],
  ['UNCLASSIFIED//SBU', mk('U', ['SBU']), true],
  ['UNCLASSIFIED//SENSITIVE BUT UNCLASSIFIED', mk('U', ['SBU']), true],
  ['UNCLASSIFIED//SBU NOFORN', mk('U', ['NOFORN', 'SBU']), true],
  ['CONFIDENTIAL//REL TO USA, GBR, NATO', mk('C', [], ['USA', 'GBR', 'NATO']), true],
  ['SECRET//FGI//NOFORN', mk('S', ['FGI', 'NOFORN']), true],
  ['SECRET//NOFORN//EXDIS', mk('S', ['NOFORN', 'EXDIS']), true],
  ['C O N F I D E N T I A L', mk('C'), false],
  ['S E C R E T', mk('S'), false],
  ['T O P S E C R E T', mk('TS'), false],
  ['S e c r e t', mk('S'), false],
  ['SS E C R E T', mk('S'), false],
  ['CC O N F I D E N T I A L', mk('C'), false],
  ['C C O N F I D E N T I A L', mk('C'), false],
  ['SE C R E T', mk('S'), false],
  ['CO N F I D E N T I A L', mk('C'), false],
  ['.C O N F I D E N T I A L', mk('C'), false],
  ['UNCLAS', mk('U'), false],
  ['UUNCLAS', mk('U'), false],
  ['UNCLAS E F T O', mk('U', ['SBU']), false],
  ['UNCLAS SENSITIVE', mk('U', ['SBU']), false],
  ['CONFIDENTIAL NOFORN', mk('C', ['NOFORN']), false],
  ['SECRET NOFORN', mk('S', ['NOFORN']), false],
  ['SECRET //NOFORN', mk('S', ['NOFORN']), false],
  ['SECRET/NOFORN', mk('S', ['NOFORN']), false],
  ['SECRET//NF', mk('S', ['NOFORN']), false],
  ['S E C R E T NOFORN', mk('S', ['NOFORN']), false],
  ['LIMITED OFFICIAL USE', mk('U', ['LOU']), false],
  ['SECRET//FGI//NOFORN//MR', mk('S', ['FGI', 'NOFORN']), false],
  ['SECRET//REL SAU', mk('S', [], ['USA', 'SAU']), false],
  ['SECRET NODIS', mk('S', ['NOFORN', 'NODIS']), false],
  ['NATO SECRET', mk('S', ['NATO']), false],
  ['COSMIC TOP SECRET', mk('TS', ['NATO']), false],
  ['//DEU SECRET', mk('S', ['FGI'], [], [], ['DEU']), false],
  ['CUI', mk('U', ['CUI']), false],
  ['UNCLASSIFIED//CUI', mk('U', ['CUI']), true],
  ['CUI//SP-PRVCY//NOFORN', mk('U', ['NOFORN', 'CUI']), false],
  ['//GBR SECRET//REL TO USA, GBR', mk('S', ['FGI'], ['USA', 'GBR'], [], ['GBR']), false],
  ['//JOINT SECRET CAN USA', mk('S', ['FGI'], [], [], ['CAN']), false],
  ['//NATO SECRET', mk('S', ['NATO']), false],
  ['SECRET//SPECIAL ACCESS REQUIRED-BUTTERED POPCORN//NOFORN', mk('S', ['SAR', 'NOFORN']), false],
  ['TOP SECRET//SAR-BP', mk('TS', ['SAR']), false],
  ['SECRET//REL TO USA, NATO/DISPLAY ONLY AFG', mk('S', ['DISPLAYONLY'], ['USA', 'NATO']), false],
];

describe('parseMarking: banners', () => {
  it.each(BANNER_FORMS)('%s', (raw, expected, canonical) => {
    const r = parseMarking(raw, 'banner');
    if (!r.ok) throw new Error(r.message);
    expect(meaning(r.marking)).toEqual(expected);
    expect(r.marking.raw).toBe(raw);
    if (canonical) expect(r.marking.normalisations).toEqual([]);
    else expect(r.marking.normalisations.length).toBeGreaterThan(0);
  });

  it.each([
    ['C O N F I D E N T I A L', 'C O N F I D E N T I A L → CONFIDENTIAL'],
    ['S E C R E T//NOFORN', 'S E C R E T → SECRET'],
    ['SE C R E T', 'SE C R E T → SECRET'],
    // Probe 64d F10: the note shows the words the banner ends up with.
    ['T O P S E C R E T', 'T O P S E C R E T → TOP SECRET'],
    ['TOP S E C R E T', 'TOP S E C R E T → TOP SECRET'],
    ['T O P  S E C R E T', 'S E C R E T → SECRET'],
  ])('a letter-spaced banner %j is joined with a note naming its own words', (raw, named) => {
    const r = parseMarking(raw, 'banner');
    if (!r.ok) throw new Error(r.message);
    expect(r.marking.normalisations.join(' ')).toContain(named);
    expect(r.marking.normalisations.join(' ')).not.toContain('TOPSECRET');
  });

  it.each(['O N F I D E N T I A L', 'E C R E T', 'CSE C R E T', 'SECRETT', 'NOFORN', 'SENSITIVE', '', 'SECRET//NOFRN', 'C O R R E C T E D'])(
    'rejects %j',
    (raw) => {
      const r = parseMarking(raw, 'banner');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain(JSON.stringify(raw));
    },
  );
});

describe('parseCaveat: caveat lines under a banner', () => {
  it.each([
    ['NOFORN', ['NOFORN']],
    ['SENSITIVE', ['SBU']],
    ['SENSITIVE BUT UNCLASSIFIED', ['SBU']],
    ['SBU', ['SBU']],
    ['FOR OFFICIAL USE ONLY', ['FOUO']],
    ['NODIS', ['NODIS']],
    ['EXDIS', ['EXDIS']],
    ['LIMDIS', ['LIMDIS']],
    ['SENSITIVE, SIPDIS', ['SBU']],
    ['SENSITIVE SIPDIS', ['SBU']],
    ['SENSITIVE,SIPDIS', ['SBU']],
    ['SIPDIS, NOFORN', ['NOFORN']],
    ['NOFORN SIPDIS', ['NOFORN']],
    ['sensitive', ['SBU']],
    ['SBU-NF', ['NOFORN', 'SBU']],
    ['LIMITED OFFICIAL USE', ['LOU']],
    ['SIPDIS', []],
    ['SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY', ['SBU']],
    ['SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY.', ['SBU']],
    ['Sensitive but unclassified. Please handle accordingly.', ['SBU']],
    // State's other distribution captions, read as the nearest of LIMDIS, EXDIS and NODIS.
    ['STADIS', ['EXDIS']],
    ['NODIS CHEROKEE', ['NODIS']],
    ['ROGER CHANNEL', ['NODIS']],
  ] as const)('%j → %j', (raw, expected) => {
    expect(parseCaveat(raw)).toEqual(expected);
  });

  it.each(['DEPT FOR WHA/CEN', 'PASS TO USTR', '', 'E.O. 12958: N/A', 'N', 'FOR', 'C O R R E C T E D COPY', 'PLEASE HANDLE WITH CARE', 'HANDLE ACCORDINGLY THE PAPERS'])('%j is not a caveat line', (raw) => {
    expect(parseCaveat(raw)).toBeNull();
  });

  it('adds caveat controls to a banner', () => {
    const banner = parsed('S E C R E T', 'banner');
    const withCaveat = addControls(banner, parseCaveat('NOFORN') ?? [], 'caveat line "NOFORN" added');
    expect(meaning(withCaveat)).toEqual(mk('S', ['NOFORN']));
    expect(withCaveat.raw).toBe('S E C R E T');
    expect(withCaveat.normalisations).toContain('caveat line "NOFORN" added');
    // NOFORN beats a REL TO already on the banner.
    expect(meaning(addControls(parsed('SECRET//REL TO USA, GBR', 'banner'), ['NOFORN']))).toEqual(mk('S', ['NOFORN']));
    expect(meaning(addControls(parsed('UNCLAS', 'banner'), ['SBU']))).toEqual(mk('U', ['SBU']));
  });
});
