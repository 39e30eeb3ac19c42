/**
 * Probe 65e F3 (classification-lines.ts disguisedLevel): a word of look-alike capitals alone on a
 * line is a disguised banner only when each letter is drawn as the level word's letter at its
 * place. Read as any letter, a letter that is no look-alike made an ordinary Russian or Greek word a
 * banner (`БЮДЖЕТ` as SECRET, `ΓΟΝΦΙΔΕΝΤΙΑΛ` as CONFIDENTIAL) and sent the document to review
 * with a wrong claim. `Я` reads as R (faux Cyrillic): `ЅЕСЯЕТ` stays a disguised SECRET.
 */
import { describe, expect, it } from 'vitest';
import { decideWord } from '../helpers/decide-word.js';

const attachment = (line: string) =>
  `UNCLASSIFIED\n\nMEMORANDUM FOR: Director\nFROM: Chief, Division\nSUBJECT: Transmittal UQS\nDATE: 15 March 2012\n\nPlease find the attached report UQA.\n\nUNCLASSIFIED\n\f\n${line}\n\nThe source ZQ1 reported the plan in detail.\n\n${line}\n`;
const headline = (line: string) =>
  `UNCLASSIFIED\n\nMEMORANDUM FOR THE RECORD\nSUBJECT: (U) Translation of the regional press UQS\n\n(U) UQ0 The following headline ran in the regional paper:\n\n${line}\n\n(U) UQ1 End of the translation.\n\nUNCLASSIFIED\n`;

/** Disguised level words: the page's unmarked text is never released. */
const BANNERS = [
  '\ua4e2\ua4f0\ua4da\ua4e3\ua4f0\ua4d4', // ꓢꓰꓚꓣꓰꓔ (Lisu)
  '\u{1f182}\u{1f174}\u{1f172}\u{1f181}\u{1f174}\u{1f183}', // 🆂🅴🅲🆁🅴🆃
  '\u{1f1f8}\u{1f1ea}\u{1f1e8}\u{1f1f7}\u{1f1ea}\u{1f1f9}', // 🇸🇪🇨🇷🇪🇹 (regional indicators)
  '\u13da\u13ac\u13df\u13a1\u13ac\u13a2', // ᏚᎬᏟᎡᎬᎢ (Cherokee)
  '\ua4da\ua4f3\ua4e0\ua4dd\ua4f2\ua4d3\ua4f0\ua4e0\ua4d4\ua4f2\ua4ee\ua4e1', // ꓚꓳꓠꓝꓲꓓꓰꓠꓔꓲꓮꓡ
  '\u0422\u041e\u0420 \u0405\u0415\u0421\u042f\u0415\u0422', // ТОР ЅЕСЯЕТ (Я as R)
  '\u0405\u0415\u0421\u042f\u0415\u0422', // ЅЕСЯЕТ
  // Probe 65e F2 (stop 66): circled, small capitals, lower-case look-alikes, spaced or split, digits and signs.
  '\u24c8\u24ba\u24b8\u24c7\u24ba\u24c9', // ⓈⒺⒸⓇⒺⓉ
  '\ua731\u1d07\u1d04\u0280\u1d07\u1d1b', // ꜱᴇᴄʀᴇᴛ
  '\u0455\u0435\u0441r\u0435t', // ѕесrеt
  '\u0405 \u0415 \u0421 R \u0415 \u0422', // Ѕ Е С R Е Т
  '\u0405\u0395\u0421 \u042f\u0395\u0422', // ЅΕС ЯΕТ
  '\u13daecret', // Ꮪecret
  'S3CRET',
  '5ECRET',
  '$ECRET',
  'C0NFIDENTIAL',
  '\u050c\u039f\u039d\u0492\u0399\u0500\u0395\u039d\u03a4\u0399\u0391\u13de', // ԌΟΝҒΙԀΕΝΤΙΑᏞ
  '\u0455\u0435\u0441r\u0435t//NOFORN', // ѕесrеt//NOFORN
];

/** Ordinary words of their own script alone on a line: text, released. */
const WORDS = [
  '\u0411\u042e\u0414\u0416\u0415\u0422', // БЮДЖЕТ (budget)
  '\u0414\u041b\u042f', // ДЛЯ (for)
  '\u0413\u041e\u0414', // ГОД (year)
  '\u0422\u041e\u041f', // ТОП
  '\u041f\u041e\u041f', // ПОП
  '\u0413\u041e\u041b', // ГОЛ (goal)
  '\u0393\u039f\u039d\u03a6\u0399\u0394\u0395\u039d\u03a4\u0399\u0391\u039b', // ΓΟΝΦΙΔΕΝΤΙΑΛ
  '\u0421\u0415\u041a\u0420\u0415\u0422', // СЕКРЕТ
  // Stop 66: ordinary words that share letters or shapes with a level word.
  '\u0441\u0435\u043a\u0440\u0435\u0442', // секрет
  '\u0411\u044e\u0434\u0436\u0435\u0442', // Бюджет
  'SECRETARY',
  'Secret Service',
  'S3',
  'Section 5',
  'B-52',
  '2013',
  'Ⓡ Registered',
  'ΑΠΟΦΑΣΗ', // Greek, "decision"
  '\u041c\u041e\u0421\u041a\u0412\u0410', // МОСКВА
  'Confidentiality',
];

describe('probe 65e F3: disguised level words', () => {
  it.each(BANNERS)('%s on a later page: not released', (line) => {
    expect(decideWord(attachment(line), 'ZQ1').action).not.toBe('release');
  });
  it.each(WORDS)('%s alone on a line: text', (line) => {
    const { action, doc } = decideWord(headline(line), 'UQ1');
    expect(action).toBe('release');
    expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
