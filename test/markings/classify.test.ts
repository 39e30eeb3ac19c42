import { describe, expect, it } from 'vitest';
import { classifyParenthetical } from '../../src/markings/index.js';

describe('classifyParenthetical', () => {
  it.each([
    'C', 'S', 'U', 'TS', 'S/NF', 'S//NF', 'sbu', 'SBU/NF', 'c', 's/nf', 'SE', 'NC', 'C ', ' C', 'Confidential',
    'Secret/Rel Armenia', 'S/REL TO NATO/AUS', 'S//FGI//NF', 'FOUO', 'LOU', 'U//SBU-NF', 'S-ENTIRE TEXT',
    // Controlled Unclassified Information in its plain forms.
    'CUI', 'cui', 'CUI//NOFORN', 'U//CUI',
    // and with a category or a limited dissemination control (noted, not kept).
    'CUI/SP-PRVCY', 'CUI//SP-PRVCY', 'CUI//FEDCON',
    // Atomic Energy Act markings; unclassified controlled nuclear information stands without a level.
    'S//RD', 'C//FRD', 'S//RD-N', 'TS//RD-SG 14', 'S//TFNI', 'UCNI', 'DCNI', 'U//UCNI',
    // Special access programs.
    'S//SAR-BP', 'TS//SAR-BP/GB//NF', 'SECRET//SPECIAL ACCESS REQUIRED-BUTTERED POPCORN',
  ])('(%s) is a marking', (inner) => {
    expect(classifyParenthetical(inner)).toBe('marking');
  });

  it.each([
    // Near misses from the brief: typos of marks must be withheld, never read as headings.
    'C0', 'S//N F', 'U/ /NF', 'SS', 'S-', 'SECRET/NOFRN', 'CC', 'TSS', 'CT', 'SC', 'U1', 'C.', 'S.',
    'NF', 'NOFORN', 'REL TO USA, GBR', 'NF/REL', 'SECRT', 'Confidental', 'UNCLASIFIED', 'NOFRN',
    'S//NF/XYZ', 'S//REL TO USA, NARNIA', 'Secret Service', '', ' ', '/', '--',
    // The CAPCO separator with words that are not marks: a mark not understood, not a heading.
    'X//Q', 'FOO//BAR', 'Q//SI', 'ABC // DEF',
    // An SCI control system or Atomic Energy Act marking with no level.
    'SI', 'TK', 'SI/TK', 'SI-G', 'HCS', 'HCS-P', 'KDK', 'RD', 'FRD', 'RD-N', 'TFNI', 'U//RD',
    // A special access program's mark with no level (a bare SAR is search and rescue, below).
    'SAR-BP', 'SAR-GREEN DOOR', 'sar-bp', 'SAR-BP/NF', 'SPECIAL ACCESS REQUIRED-BUTTERED POPCORN',
    // with a control where only a program can be, or UNCLASSIFIED.
    'S//SAR-BP/NF', 'U//SAR-BP',
    // Controlled Unclassified Information with what is no category after it.
    'CUI//123', 'CUI//SP-',
    // Handling controls with no level, as (NF) above.
    'DSEN', 'FISA', 'FISA/NF',
    // The privacy caveat some offices write as a mark: no marking system defines it, and the
    // paragraph holds personal information (it was unmarked text, released in an unclassified document).
    'PII', 'pii', 'PII/NF', 'U/PII',
    // Near a reporting requirement's number, but a level and controls.
    'S-AL9', 'C-AL9-0015',
    // A level with a colon or semicolon, a dotted TOP SECRET.
    'S:', 'C;', 'TS:', 'T.S.', 'T.S', 'S?', 'S!', 'S*', "S'",
    // TOP SECRET spaced; a full stop between level and control; CONFIDENTIAL cut short; one word.
    'T S', 't s', 'T S/SI', 'S.NF', 'TS.SI', 'C.REL TO USA', 's.nf', 'S.Nf', 'CONF', 'CONF.', 'SECRETNOFORN', 'TOPSECRETSI',
    // A level above U and a control however joined or cased; glued into one word.
    'CONFIDENTIAL.EXDIS', 'Confidential.NF', 'SECRET.REL TO USA, GBR', 'Top Secret.SI', 'S.X1', 'C.FGI',
    'SECRETEXDIS', 'ConfidentialLIMDIS', 'TOP SECRETNF', 'TopSecretHCS', 'SECRETX1', 'CFGI', 'SREL', 'CREL TO USA, GBR', 'TSSI', 'TSTK', 'sNODIS', 'UFOUO', 'USBU', 'U.NF', 'u.fouo', 'SECRETOC',
    // Capitals of another script drawn as Latin ones: Cyrillic Es, Dze, Te; Greek Tau, Nu; Roman numeral C.
    '\u0421', '\u0405', '\u0405//NF', '\u0422S', '\u03a4S//SI', 'S//\u039dF', '\u216d',
    // Letters NFKD folds to Latin ones: mathematical bold and italic S, circled S, superscript s;
    // an S with an accent or struck through by a combining mark.
    '\u{1d412}', '\u{1d446}', '\u{1d412}//NF', '\u24c8', '\u02e2', '\u015c', 'S\u0336', 'S\u0336//NF',
    // Look-alikes NFKD leaves alone: Cyrillic small dze and es, small capitals, Cherokee, Armenian.
    '\u0455', '\u0441', '\ua731', '\u1d04//\u0274\ua730', '\u13da', '\u054f', '\u13a2\u13da',
    // The Department of Energy's portion marks, a level with RD or FRD (Restricted Data was released
    // as unmarked text of a declassified document), and its Official Use Only; SCI and old codeword
    // marks written as one word; CAPCO's abbreviations of PROPIN, EXDIS, NODIS; EYES ONLY.
    'SRD', 'CRD', 'TSRD', 'SFRD', 'CFRD', 'TSFRD', 'OUO', 'TSSCI', 'SCW', 'TSCW', 'PR', 'XD', 'ND', 'XD/ND', 'EYES ONLY',
  ])('(%s) is malformed', (inner) => {
    expect(classifyParenthetical(inner)).toBe('malformed');
  });

  it.each([
    // Topic headings and labels seen in the corpus (09BERLIN1054, 09BERLIN1148, 10BERLIN8, …).
    'Mideast', 'U.S.', 'Iran', 'a', 'b', 'd', 'e', 'B', 'D', 'FYI', 'UN', 'EU', 'Economic', 'Defense',
    'Afghanistan', 'Japan', '1', '2', '506', '1/6', 'Reftel', 'ref A', 'SCA', 'MD', 'ICS', 'CPI', 'NATO',
    'CORRECTED COPY', 'PART 2 OF 2', 'begin non-paper', 'Source: Procomer', 'US and UK', 'http://www.infoarg.org',
    'https://www.osac.gov/', 'SAR', 'G', 'SSCI', 'DS', 'CW', 'AP', 'e.g., http://2ch.ru and http://forum.xaker.ru', 'EUR/PRA', 'Air/Land/Sea',
    // Words in Cyrillic and Greek that fold to no mark: USSR, EU, USA.
    '\u0421\u0421\u0421\u0420', '\u0395\u0395', '\u0421\u0428\u0410', 'U.S.:',
    // Words with accents or compatibility forms that fold to no mark: Über, é, Señor, Roman four, TM.
    '\u00dcber', '\u00e9', 'Se\u00f1or', '\u2163', '\u2122', '\ufb01ne',
    // Prose near the forms above: initials, a name, an agency, a heading.
    'T S Eliot', 'S.Smith', 'U.S.A.', 'C.I.A.', 'SEC', 'SECRETARY', 'Secretariat', 'S.A.',
    // Abbreviations and names a level letter and a control's letters make.
    'SSCI', 'CSI', 'CTK', 'SX1', 'Ceci', 'CONFIDENTIALITY', 'C.S. Lewis', 'USI', 'U.S. Army', 'U.N.',
    // Acronyms and words near the privacy caveat.
    'PIIT', 'PIV', 'Privacy Act', 'PRIVACY',
    // A State reporting requirement's number under a cable's subject (09QUITO244, 09STATE106750).
    'C-AL9-00153', 'C-NE8-00834', 'S-AL9-01454',
  ])('(%s) is not a marking', (inner) => {
    expect(classifyParenthetical(inner)).toBe('not-a-marking');
  });
});
