import { describe, expect, it } from 'vitest';
import { formatBanner, formatPortion } from '../../src/markings/index.js';
import { m, meaning, parsed } from './helpers.js';

describe('formatBanner / formatPortion', () => {
  it.each([
    // [marking, banner, portion]
    [m('U'), 'UNCLASSIFIED', '(U)'],
    [m('C'), 'CONFIDENTIAL', '(C)'],
    [m('S', ['NOFORN']), 'SECRET//NOFORN', '(S//NF)'],
    [m('TS', ['NOFORN'], [], ['SI']), 'TOP SECRET//SI//NOFORN', '(TS//SI//NF)'],
    [m('C', [], ['USA', 'GBR', 'NATO']), 'CONFIDENTIAL//REL TO USA, GBR, NATO', '(C//REL TO USA, GBR, NATO)'],
    [m('U', ['SBU']), 'UNCLASSIFIED//SBU', '(U//SBU)'],
    [m('U', ['FOUO']), 'UNCLASSIFIED//FOUO', '(U//FOUO)'],
    [m('U', ['NOFORN', 'SBU']), 'UNCLASSIFIED//SBU NOFORN', '(U//SBU-NF)'],
    [m('U', ['NOFORN', 'LES']), 'UNCLASSIFIED//LES NOFORN', '(U//LES-NF)'],
    [m('U', ['NOFORN']), 'UNCLASSIFIED//NOFORN', '(U//NF)'],
    [m('S', ['NOFORN', 'EXDIS']), 'SECRET//NOFORN//EXDIS', '(S//NF//XD)'],
    [m('S', ['ORCON', 'PROPIN', 'RELIDO'], ['USA', 'GBR']), 'SECRET//ORCON/PROPIN/REL TO USA, GBR/RELIDO', '(S//OC/PR/REL TO USA, GBR/RELIDO)'],
    [m('S', ['FGI', 'NOFORN'], [], [], ['DEU', 'GBR']), 'SECRET//FGI DEU GBR//NOFORN', '(S//FGI DEU GBR//NF)'],
    [m('S', ['FGI', 'NOFORN']), 'SECRET//FGI//NOFORN', '(S//FGI//NF)'],
    [m('C', ['NATO']), 'CONFIDENTIAL//NATO', '(C//NATO)'],
    [m('U', ['LOU']), 'UNCLASSIFIED//LOU', '(U//LOU)'],
    [m('TS', ['ORCON', 'NOFORN'], [], ['SI-G', 'TK']), 'TOP SECRET//SI-G/TK//ORCON/NOFORN', '(TS//SI-G/TK//OC/NF)'],
    // Special access between SCI and Atomic Energy Act information, without the program (not kept).
    [m('TS', ['SAR', 'RD', 'NOFORN'], [], ['SI']), 'TOP SECRET//SI//SPECIAL ACCESS REQUIRED//RD//NOFORN', '(TS//SI//SAR//RD//NF)'],
    // DISPLAY ONLY after REL TO and RELIDO, without its countries (not kept).
    [m('S', ['DISPLAYONLY'], ['USA', 'NATO']), 'SECRET//REL TO USA, NATO/DISPLAY ONLY', '(S//REL TO USA, NATO/DISPLAYONLY)'],
  ])('%j', (marking, banner, portion) => {
    expect(formatBanner(marking)).toBe(banner);
    expect(formatPortion(marking)).toBe(portion);
  });
});

describe('round trip: format then parse gives the same marking', () => {
  it.each([
    '(C)', '(SBU)', '(S/NF)', '(SBU/NF)', '(C/REL NATO and AUS)', '(S/NF/rel Panama)', '(S//FGI//NF)', '(TS/SCI)',
    '(Secret/Rel Armenia)', '(S//Rel NATO, ISAF)', '(SBU//Rel NATO, ISAF)', '(NC)', '(NR)', '(LOU)', '(S//XD)',
    '(S//FGI DEU GBR//OC/NF)', '(TS//SI-G/TK//NF)', '(U//LES-NF)', '(S//REL TO USA, FVEY)', '(S//OC/PR/RELIDO)',
    '(S//SAR-BP//NF)', '(S//REL TO USA, NATO/DISPLAY ONLY AFG)',
  ])('%s', (raw) => {
    const marking = parsed(raw);
    const portion = parsed(formatPortion(marking));
    expect(meaning(portion)).toEqual(meaning(marking));
    // A generic "SCI" names no control system, the canonical SAR no program and DISPLAY ONLY no
    // country (they are not kept):
    // they keep their note even in canonical form.
    const generic = marking.sci.includes('SCI') || marking.controls.includes('SAR') || marking.controls.includes('DISPLAYONLY');
    if (!generic) expect(portion.normalisations).toEqual([]);
    const banner = parsed(formatBanner(marking), 'banner');
    expect(meaning(banner)).toEqual(meaning(marking));
    if (!generic) expect(banner.normalisations).toEqual([]);
  });
});
