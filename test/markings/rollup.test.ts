import { describe, expect, it } from 'vitest';
import type { Marking } from '../../src/types.js';
import { dominates, formatBanner, rollUp } from '../../src/markings/index.js';
import { m, meaning, mk, parsed } from './helpers.js';

const p = (...marks: string[]): Marking[] => marks.map((x) => parsed(x));

/** [portion marks, expected banner, why] */
const CASES: ReadonlyArray<readonly [readonly string[], string, string]> = [
  [[], 'UNCLASSIFIED', 'empty input is unclassified'],
  [['(U)', '(U)'], 'UNCLASSIFIED', 'all unclassified'],
  [['(U)', '(C)', '(S)'], 'SECRET', 'highest level'],
  [['(C)', '(TS//SI//NF)', '(S//TK)'], 'TOP SECRET//SI/TK//NOFORN', 'union of SCI'],
  [['(S//NF)', '(C)'], 'SECRET//NOFORN', 'any NOFORN makes the banner NOFORN'],
  [['(C//NF)', '(S)'], 'SECRET//NOFORN', 'NOFORN from a lower portion still applies'],
  [['(U//SBU-NF)', '(C)'], 'CONFIDENTIAL//NOFORN', 'NOFORN of SBU NOFORN applies; SBU dropped'],
  [['(CUI)', '(S//NF)'], 'SECRET//NOFORN', 'CUI dropped from a classified banner, as SBU is'],
  [['(CUI)', '(U)'], 'UNCLASSIFIED//CUI', 'CUI kept in an unclassified one'],
  [['(S//REL TO USA, GBR, AUS)', '(S//REL TO USA, GBR, CAN)'], 'SECRET//REL TO USA, GBR', 'REL TO lists intersect'],
  [['(S//REL TO USA, FRA)', '(S//REL TO USA, DEU)'], 'SECRET//NOFORN', 'no common country → NOFORN'],
  [['(S//REL TO USA, FVEY)', '(C//REL TO USA, GBR, FRA)'], 'SECRET//REL TO USA, GBR', 'FVEY expanded'],
  [['(S//REL TO USA, FVEY)', '(C//REL TO USA, FVEY)'], 'SECRET//REL TO USA, FVEY', 'FVEY in both kept'],
  [['(S//REL TO USA, NATO)', '(S//REL TO USA, FRA)'], 'SECRET//NOFORN', 'NATO is not expanded: errs to NOFORN'],
  [['(S//REL TO USA, GBR)', '(C)'], 'SECRET//NOFORN', 'REL TO alongside a portion with no FD&R → NOFORN'],
  [['(S//REL TO USA, GBR)', '(U)'], 'SECRET//REL TO USA, GBR', 'unclassified portions without FD&R do not count'],
  [['(S//REL TO USA, GBR)', '(S//NF)'], 'SECRET//NOFORN', 'NOFORN beats REL TO'],
  [['(S//RELIDO)', '(C//RELIDO)'], 'SECRET//RELIDO', 'RELIDO + RELIDO → RELIDO'],
  [['(S//RELIDO)', '(C)'], 'SECRET//NOFORN', 'RELIDO alongside no FD&R → NOFORN'],
  [['(S//REL TO USA, GBR)', '(C//RELIDO)'], 'SECRET//NOFORN', 'REL TO with RELIDO-only → NOFORN (fail closed)'],
  [['(S//REL TO USA, GBR/RELIDO)', '(C//REL TO USA, GBR/RELIDO)'], 'SECRET//REL TO USA, GBR/RELIDO', 'REL TO and RELIDO on all'],
  [['(U//FOUO)', '(C)'], 'CONFIDENTIAL', 'FOUO never in a classified banner'],
  [['(U//FOUO)', '(U)'], 'UNCLASSIFIED//FOUO', 'FOUO in an unclassified banner'],
  [['(U//FOUO)', '(U//SBU)'], 'UNCLASSIFIED//SBU', 'SBU beats FOUO'],
  [['(SBU)', '(U)'], 'UNCLASSIFIED//SBU', 'SBU appears in an unclassified banner'],
  [['(SBU)', '(C)'], 'CONFIDENTIAL', 'SBU dropped when classified'],
  [['(LOU)', '(S)'], 'SECRET', 'LOU dropped when classified'],
  [['(SBU/NF)', '(U)'], 'UNCLASSIFIED//SBU NOFORN', 'SBU NOFORN'],
  [['(S//NF//XD)', '(S//NF//ND)'], 'SECRET//NOFORN//NODIS', 'NODIS beats EXDIS'],
  [['(C//DS)', '(S//NF//XD)'], 'SECRET//NOFORN//EXDIS', 'EXDIS beats LIMDIS'],
  [['(S//FGI DEU//NF)', '(C//FGI GBR)'], 'SECRET//FGI DEU GBR//NOFORN', 'FGI sources united'],
  [['(S//FGI DEU//NF)', '(C//FGI)'], 'SECRET//FGI//NOFORN', 'a concealed source makes bare FGI'],
  [['(NC)', '(S)'], 'SECRET//NATO', 'NATO kept'],
  // NATO information is releasable to NATO (probe 60a F4: `SECRET//NATO//NOFORN` for a document given to NATO).
  [['(S//REL TO USA, NATO)', '(//NS)'], 'SECRET//NATO//REL TO USA, NATO', 'NATO information counts as REL TO USA, NATO'],
  [['(S//REL TO USA, NATO)', '(NC)', '(U)'], 'SECRET//NATO//REL TO USA, NATO', 'NATO CONFIDENTIAL likewise'],
  [['(//NS)', '(//NC)'], 'SECRET//NATO', 'NATO portions alone get no REL TO line'],
  [['(S//REL TO USA, FVEY, NATO)', '(//NS)'], 'SECRET//NATO//REL TO USA, NATO', 'intersection with NATO'],
  [['(S//REL TO USA, GBR)', '(//NS)'], 'SECRET//NATO//NOFORN', 'NATO is not expanded: GBR and NATO err to NOFORN'],
  [['(S//NF)', '(//NS)'], 'SECRET//NATO//NOFORN', 'NOFORN still beats NATO information'],
  [['(S//REL TO USA, NATO)', '(//NS)', '(S)'], 'SECRET//NATO//NOFORN', 'a US portion with no FD&R still gives NOFORN'],
  [['(S//RELIDO)', '(//NS)'], 'SECRET//NATO//NOFORN', 'RELIDO with REL TO (NATO) → NOFORN (fail closed)'],
];

describe('rollUp (domain.md §1.3)', () => {
  it.each(CASES)('%j → %s (%s)', (marks, expected) => {
    const banner = rollUp(p(...marks));
    expect(formatBanner(banner)).toBe(expected);
    expect(banner.raw).toBe(expected);
    expect(banner.span).toBeUndefined();
  });

  it('explains the decisions that are not a plain union', () => {
    expect(rollUp(p('(S//REL TO USA, FRA)', '(S//REL TO USA, DEU)')).normalisations).toContain(
      'REL TO lists have no country in common: NOFORN',
    );
    expect(rollUp(p('(U//FOUO)', '(C)')).normalisations).toContain('FOUO dropped: never in a classified banner');
  });

  it('dominates every portion it rolls up', () => {
    const portions = p('(U//FOUO)', '(SBU)', '(C//REL TO USA, GBR)', '(S//NF)', '(C//DS)', '(S//NF//XD)', '(S//FGI DEU//NF)');
    const banner = rollUp(portions);
    for (const portion of portions) expect(dominates(banner, portion)).toBe(true);
  });

  it('does not read the banner of a computed marking as a source position', () => {
    expect(meaning(rollUp([m('S', ['NOFORN'])]))).toEqual(mk('S', ['NOFORN']));
  });
});
