/**
 * Marks written in a form the grammar does not read, where a mark is expected: square brackets,
 * angle brackets, full-width parentheses, a doubled opening parenthesis, a backslash, middle dot,
 * bullet, bar or semicolon for the slash, RESTRICTED (`(R)`), a lost opening parenthesis, and a
 * level with the CAPCO separator written as a label (`S//NF:`). Each was read as unmarked text, so in an
 * UNCLASSIFIED document the SECRET item was released (checked through the CLI before the change).
 * Both readers, public profile, word by word in the release text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { parseMarkedDocument } from '../../src/parse/document/index.js';
import { readLookalikeMark } from '../../src/parse/lookalike.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';

const publicProfile = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const cable = (item: string) =>
  `UNCLASSIFIED\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: STATUS\n\n1. (U) This paragraph is unclassified and may be released.\n\n${item}\n\nUNCLASSIFIED\n`;
const memo = (item: string) => `UNCLASSIFIED\n\nSUBJECT: (U) Status\n\n1. (U) This paragraph is unclassified and may be released.\n\n${item}\n\nUNCLASSIFIED\n`;
const READERS = [
  ['cable', cable, parseCable],
  ['marked document', memo, parseMarkedDocument],
] as const;

function released(text: string, read: typeof parseCable): string {
  return planRelease(read(text), publicProfile, { asOf: '2026-12-03', stem: 'TEST' }).releaseText;
}

function portionWith(src: string, word: string, read: typeof parseCable) {
  return read(src).portions.find((p) => src.slice(p.span.start, p.span.end).includes(word))!;
}

/** Marks not understood: the portion is withheld pending review (never released, never B1 by guess). */
const UNKNOWN = [
  '[S] zulu1 secret item.',
  '[S//NF] zulu1 secret item.',
  '2. [S] zulu1 secret item.',
  '（S） zulu1 secret item.',
  '（S//NF） zulu1 secret item.',
  '2. （Ｓ） zulu1 secret item.',
  'S//NF: zulu1 secret item.',
  'TS//SI//NF: zulu1 secret item.',
  '2. S//NF: zulu1 secret item.',
  '2. S//NF zulu1 secret item.',
  '3. TS//SI//REL zulu1 secret item.',
  '(S\\NF) zulu1 secret item.',
  '(Ｓ) zulu1 secret item.',
  '(Ｓ//ＮＦ) zulu1 secret item.',
  '{S} zulu1 secret item.',
  '«S» zulu1 secret item.',
  '«TS//SI» zulu1 secret item.',
  '【S】 zulu1 secret item.',
  '「S//NF」 zulu1 secret item.',
  '\u207dS\u207e zulu1 secret item.', // superscript parentheses
  '\ufe59S//NF\ufe5a zulu1 secret item.', // small parentheses
  '［S］ zulu1 secret item.',
  // The closing parenthesis lost: a level, the separator and controls, then the text.
  '(S//NF zulu1 secret item.',
  // The Department of Energy's marks (Restricted Data), SCI as one word, CAPCO's EXDIS abbreviation.
  '(SRD) zulu1 secret item.',
  '2. (CFRD) zulu1 secret item.',
  '(OUO) zulu1 secret item.',
  '(TSSCI) zulu1 secret item.',
  '(XD) zulu1 secret item.',
  '2. (TS//SI zulu1 secret item, with (an aside) later.',
  '(U//FOUO zulu1 item for official use.',
  '(S//NF zulu1 secret item, said so).',
  // Angle brackets; a separator that is not '//'; RESTRICTED; a lost opening parenthesis.
  '<S> zulu1 secret item.',
  '<TS//SI> zulu1 secret item.',
  '2. <C> zulu1 secret item.',
  '(S\u00b7NF) zulu1 secret item.', // middle dot
  '(S\u2022NF) zulu1 secret item.', // bullet
  '(TS | SI) zulu1 secret item.',
  '(S;NF) zulu1 secret item.',
  '2. (S\u00b7NF) zulu1 secret item.',
  '(R) zulu1 restricted item.',
  '2. (R) zulu1 restricted item.',
  'S//NF) zulu1 secret item.',
  '2. S//NF) zulu1 secret item.',
  // Cyrillic capitals drawn as Latin ones; a colon after the level; a dotted TOP SECRET.
  '(\u0421) zulu1 secret item.',
  '(\u0405//NF) zulu1 secret item.',
  '2. (\u0422S) zulu1 secret item.',
  // Letters that NFKD folds to Latin ones, or look-alikes of other scripts it leaves alone.
  '(\u{1d412}) zulu1 secret item.',
  '2. (\u24c8//NF) zulu1 secret item.',
  '(S\u0336) zulu1 secret item.',
  '(\ua731) zulu1 secret item.',
  '(\u13da) zulu1 secret item.',
  '(S:) zulu1 secret item.',
  '(T.S.) zulu1 secret item.',
  // A trailing mark in letters of a script the reader does not map (fix64a in memos; fix65a in
  // cables, where the paragraph was released as unmarked text of an UNCLASSIFIED cable).
  '2. The zulu1 secret item (\ua4e2).',
  '2. The zulu1 secret item (\u2ca4)',
  '2. The zulu1 secret item (\u{1f182}).',
  '2. The zulu1 secret item was seen (\ua4e2)\nby the source in detail.',
  // Mismatched brackets; other characters between level and control; TOP SECRET spaced; a full stop.
  '(S] zulu1 secret item.',
  '[S//NF) zulu1 secret item.',
  '2. (C] zulu1 secret item.',
  '(S:NF) zulu1 secret item.',
  '(S+NF) zulu1 secret item.',
  "(S'NF) zulu1 secret item.",
  '2. (S=NF) zulu1 secret item.',
  '(T S) zulu1 secret item.',
  '2. (T S) zulu1 secret item.',
  '(S.NF) zulu1 secret item.',
  '(s.nf) zulu1 secret item.',
  '(S?) zulu1 secret item.',
  '(SECRETNOFORN) zulu1 secret item.',
  '(CONF) zulu1 confidential item.',
  // A level spelled out as a label: a colon, or controls before a sentence in mixed case; a level
  // and the separator with nothing after them.
  'SECRET: zulu1 secret item.',
  'SECRET//NOFORN: zulu1 secret item.',
  'TOP SECRET//SI//REL TO USA, FVEY: zulu1 secret item.',
  'SECRET//NOFORN The zulu1 secret item.',
  '2. CONFIDENTIAL: zulu1 secret item.',
  'S// The zulu1 secret item.',
  // ... or a dash between blanks (controls before any capital, a bare level before mixed case or a digit).
  'SECRET//NOFORN - The zulu1 secret item.',
  'SECRET//NOFORN - THE zulu1 SECRET ITEM.',
  'SECRET - The zulu1 secret item.',
  'TOP SECRET -- The zulu1 secret item.',
  'CONFIDENTIAL \u2014 The zulu1 secret item.',
  'S//NF - The zulu1 secret item.',
  '2. SECRET - 3 zulu1 secret items.',
  // ... an acronym before lower case after controls or a dash; a level in title case with controls.
  'SECRET//NOFORN NSA assesses the zulu1 site.',
  'SECRET - NSA assesses the zulu1 site.',
  'Secret//Noforn NSA assesses the zulu1 site.',
  // ... a sentence in capitals after the controls (a quoted banner goes on in lower case or ends).
  'SECRET//NOFORN THE SOURCE SAID zulu1 WAS SEEN.',
  'TOP SECRET//SI//REL TO USA, GBR THE SOURCE SAID zulu1 WAS SEEN.',
  'CONFIDENTIAL//NF//20320108 "THE MINISTER SAID zulu1 WOULD GO."',
  '2. C/NF - The zulu1 secret item.',
  // A level and a known control joined by one slash, a blank or a hyphen, no parentheses; a REL TO
  // list after a spelled level; a lost opening parenthesis after TS or a spelled level; a lost
  // closing one after a spelled level.
  '2. S/NF The zulu1 secret item.',
  '2. S/NF THE zulu1 SECRET ITEM.',
  '2. C/NF: zulu1 secret item.',
  'SECRET/NOFORN: zulu1 secret item.',
  '2. S NF) zulu1 secret item.',
  '2. C-NF: zulu1 secret item.',
  '2. SECRET//NF) zulu1 secret item.',
  'SECRET//REL TO USA, GBR The zulu1 secret item.',
  '2. TS) zulu1 secret item.',
  '2. SECRET) zulu1 secret item.',
  '(SECRET//NF The zulu1 secret item.',
  '2. (SECRET The zulu1 secret item.',
  'Note: S/NF The zulu1 secret item.',
  'Note: C-NF: zulu1 secret item.',
  '\u00b62. [S//NF) zulu1 secret item.',
  // A mark that ends its line unclosed, the paragraph's text on the line below.
  '2. (S//NF\nThe zulu1 secret item.',
  '2. (S\nTHE zulu1 SECRET ITEM.',
  // A level that opens a parenthesis never closed, before a sentence, at a paragraph's start.
  '(S The zulu1 secret item.',
  '(TS The zulu1 secret item.',
  // In lower case: mismatched brackets, a lost closing parenthesis.
  '2. (s] zulu1 secret item.',
  '[s//nf) zulu1 secret item.',
  '2. (s//nf The zulu1 secret item.',
  // After a bullet.
  '\u2022 [S] zulu1 secret item.',
  '-- S//NF: zulu1 secret item.',
  '\u2022 S NF) zulu1 secret item.',
  '-- (S//NF The zulu1 secret item.',
  '\u2022 SECRET: zulu1 secret item.',
  // A level spelled out before a sentence, without colon or controls.
  '2. SECRET The zulu1 secret item.',
  'TOP SECRET The zulu1 secret item.',
  '2. CONFIDENTIAL \u201cThe zulu1 secret item.',
  // A near miss after a label that numbers the paragraph, which neither reader took for a prefix.
  'Section 2. (SS) zulu1 secret item.',
  'No. 1 (SS) zulu1 secret item.',
  '[1] (SS) zulu1 secret item.',
  '2.1 (SS) zulu1 secret item.',
  'II. (SS) zulu1 secret item.',
  '-1- (S-) zulu1 secret item.',
  '\u00b62. (SS) zulu1 secret item.',
  // A look-alike after a field label.
  'Note: (S] zulu1 secret item.',
  'Comment: SECRET: zulu1 secret item.',
  'Summary: [S//NF) zulu1 secret item.',
  // The look-alikes above in letters of another script or style (Cyrillic Dze, mathematical bold).
  '\u0405ECRET: zulu1 secret item.',
  '2. \u0405ECRET//NOFORN The zulu1 secret item.',
  '2. \u0405// The zulu1 secret item.',
  '2. (\u0405] zulu1 secret item.',
  '2. [\u{1d412}//NF) zulu1 secret item.',
  '2. \u{1d412}\u{1d404}\u{1d402}\u{1d411}\u{1d404}\u{1d413}: zulu1 secret item.',
  '2. \u0405//NF zulu1 secret item.',
  '2. (\u0405//NF The zulu1 secret item.',
  '(\u0405//NF The zulu1 secret item.',
  // A level that opens a parenthesis never closed, after an item's number.
  '2. (S The zulu1 secret item.',
  '2. (\u0405 The zulu1 secret item.',
  // A level and a control written loosely (a blank or a hyphen) after a parenthesis never closed.
  '2. (S NF The zulu1 secret item.',
  '(S-NF The zulu1 secret item.',
  '(TS - NOFORN the zulu1 secret item.',
  '2. (SECRET NF The zulu1 secret item.',
  '(CONFIDENTIAL-NF The zulu1 secret item.',
  '2. (C NF/ORCON The zulu1 secret item.',
  '(\u0405 NF The zulu1 secret item.',
  '2. (S NF\nThe zulu1 secret item.',
];

describe('a look-alike mark where a mark belongs is a mark not understood', () => {
  for (const [name, wrap, read] of READERS) {
    it.each(UNKNOWN)(`${name}, %j: withheld as unknown, the (U) paragraph released`, (item) => {
      const src = wrap(item);
      expect(portionWith(src, 'zulu1', read).markingSource).toBe('unknown');
      const text = released(src, read);
      expect(text).not.toContain('zulu1');
      expect(text).toContain('may be released');
    });
  }
});

describe('a trailing mark in letters of a script the reader does not map (fix65a)', () => {
  it.each(READERS)('%s: a visible diagnostic names it', (_name, wrap, read) => {
    const found = read(wrap('2. The zulu1 secret item (\ua4e2).')).diagnostics.find((d) => d.code === 'unknown-marking');
    expect(found?.message).toContain('(\ua4e2)');
  });
});

const PARA_LABELLED = ['PARA 2 <S> zulu1 secret item.', 'PARA 2 S//NF: zulu1 secret item.', 'PARAGRAPH 3 [S//NF) zulu1 secret item.', 'Para 3: TS) zulu1 secret item.', '2. PARA 2 <S> zulu1 secret item.'];

describe('marked documents: after a paragraph label as cables write it, a mark in another form', () => {
  it.each(PARA_LABELLED)('%j: withheld as unknown', (item) => {
    const src = memo(item);
    expect(portionWith(src, 'zulu1', parseMarkedDocument).markingSource).toBe('unknown');
    expect(released(src, parseMarkedDocument)).not.toContain('zulu1');
  });
});

// Found with generated forms: after a bullet or a paragraph label, the prefix expressions looked
// ahead for a level in ASCII only, so a look-alike in other letters that a line's start folds
// (Cyrillic \u0405, full-width \uff33, lenticular brackets) was read as text.
const FOREIGN_AFTER_PREFIX = ['PARA 2 \u0405//NF: zulu1 secret item.', 'PARA 2 T\uff33//NF The zulu1 secret item.', '\u2022 \u3010S\u3011 zulu1 secret item.', '\u2022 \u0421//NF: zulu1 secret item.'];

describe.each(READERS)('%s: after a bullet or paragraph label, a mark in other letters', (_name, wrap, parse) => {
  it.each(FOREIGN_AFTER_PREFIX)('%j: withheld as unknown', (item) => {
    expect(portionWith(wrap(item), 'zulu1', parse).markingSource).toBe('unknown');
    expect(released(wrap(item), parse)).not.toContain('zulu1');
  });
});

// Generated forms: text pasted into a cable from mail or Markdown keeps its prefix, and a mark in
// another form after it was released as the cable's text (the document reader held them).
describe('cable: after a quote, table or heading prefix or bold, a mark in another form', () => {
  it.each(['> S//NF: The zulu1 source said so.', '| [S] The zulu1 cell |', '# <S//NF> The zulu1 heading', '**[S]** The zulu1 source said so.', '**S//NF:** The zulu1 source said so.', '>> (S] The zulu1 source said so.'])(
    '%j: withheld as unknown',
    (item) => {
      expect(portionWith(cable(item), 'zulu1', parseCable).markingSource).toBe('unknown');
      expect(released(cable(item), parseCable)).not.toContain('zulu1');
    },
  );
});

// Generated forms: a mark in bold or italics with its closer right after it (`**S//NF** The …`):
// the readers looked for a blank or the text after the mark and found `**`.
describe.each(READERS)('%s: a mark set in bold or italics, its closer right after it', (_name, wrap, parse) => {
  it.each(['**S//NF** The zulu1 source said so.', '**(S//NOFORN** The zulu1 source said so.', '__SECRET//NF__ The zulu1 source said so.', '**TS//SI** The zulu1 source said so.'])('%j: withheld as unknown', (item) => {
    expect(portionWith(wrap(item), 'zulu1', parse).markingSource).toBe('unknown');
    expect(released(wrap(item), parse)).not.toContain('zulu1');
  });
  it('bold text that holds no mark stays text: **Status** The zulu1 item.', () => {
    expect(released(wrap('**Status** The zulu1 item is public.'), parse)).toContain('zulu1');
  });
});

// Generated forms: a parenthetical in other letters inside a (U) paragraph's text, which the
// readers' own scans read as a mark only in Latin letters (`(S)`, `(S NF)`).
describe.each(READERS)('%s: a parenthetical mark in other letters inside the text', (_name, wrap, parse) => {
  it.each(['2. (U) The cafe (\u0405) was open, zulu1 said.', '2. (U) Met on Tuesday. (\u0405 NF) The zulu1 source said so.', '2. (U) Met on Tuesday. (T\uff33 NF) The zulu1 source said so.'])(
    '%j: withheld as unknown',
    (item) => {
      expect(portionWith(wrap(item), 'zulu1', parse).markingSource).toBe('unknown');
      expect(released(wrap(item), parse)).not.toContain('zulu1');
    },
  );
  it.each(['2. (U) The caf\u00e9 (see the map) was open, zulu1 said.', '2. (U) M\u00fcller (\u00dc) met zulu1.'])('%j: text, released', (item) => {
    expect(released(wrap(item), parse)).toContain('zulu1');
  });
});

// Generated forms in the middle of a sentence: a level, a slash and a control in other brackets,
// brackets that do not match or a `(` never closed were read as text (only square brackets and
// the CAPCO form in parentheses were looked for there).
describe.each(READERS)('%s: a slashed mark in other brackets in the middle of a sentence', (_name, wrap, parse) => {
  it.each([
    '2. (U) The zulu1 source {S//NF} said so.',
    '2. (U) The zulu1 source <TS//SI> said so.',
    '2. (U) The zulu1 source (S//NF] said so.',
    '2. (U) The zulu1 source \u3010S//NF\u3011 said so.',
    '2. (U) The zulu1 source <SECRET//NOFORN> said so.',
    '2. (U) The zulu1 source (S//NF said so.',
    '2. (U) The zulu1 source said so (S//NF.',
    '2. (U) The zulu1 source (\u0405//NF] said so.',
  ])('%j: withheld as unknown', (item) => {
    expect(portionWith(wrap(item), 'zulu1', parse).markingSource).toBe('unknown');
    expect(released(wrap(item), parse)).not.toContain('zulu1');
  });
  it.each(['2. (U) The zulu1 source <S> struck through.', '2. (U) The zulu1 set {S} is empty.', '2. (U) The zulu1 staff work at the TS//SI level.'])('%j: text, released', (item) => {
    expect(released(wrap(item), parse)).toContain('zulu1');
  });
});

// The fuzzer (seed 9002): `S/NF: (C) (S)` was read by the document reader as a field label
// `S/NF:` before the mark (C), raised to S by the (S) inside: the NOFORN of the look-alike lost.
describe.each(READERS)('%s: a look-alike label before a mark is the mark, not a field label', (_name, wrap, parse) => {
  it.each(['S/NF: (C) zulu1 text.', 'S//NF: (U) zulu1 text.', 'SECRET//NOFORN: (C) zulu1 text.'])('%j: withheld as unknown', (item) => {
    expect(portionWith(wrap(item), 'zulu1', parse).markingSource).toBe('unknown');
    expect(released(wrap(item), parse)).not.toContain('zulu1');
  });
  it('a field label before a mark stays a label: Comment: (C) …', () => {
    expect(portionWith(wrap('Comment: (C) zulu1 text.'), 'zulu1', parse).markingSource).toBe('marked');
  });
});

// Generated forms in a Markdown table row's later cell: only a mark in parentheses at a cell's
// start was looked for, so the row (one portion) was released in an UNCLASSIFIED memo with a mark
// inside a cell's text or one in another form.
describe('marked documents: a table row is raised by any mark in any of its cells', () => {
  it.each(['| other | The zulu1 (S) cell |', '| other | [S] The zulu1 cell |', '| (U) other | S//NF: The zulu1 cell |', '| other | The zulu1 {S//NF} cell |', '| (U) a | b | (S//NF) The zulu1 cell |'])(
    '%j: withheld',
    (item) => {
      expect(released(memo(item), parseMarkedDocument)).not.toContain('zulu1');
    },
  );
  it('a row whose cells hold only (U) marks is released', () => {
    expect(released(memo('| (U) a | (U) The zulu1 cell |'), parseMarkedDocument)).toContain('zulu1');
  });
});

// Generated forms: an abbreviated level and a control written loosely, alone on its line above
// the text (`S/NF` / `The source …`), was read as the text's first words, unmarked, released in an
// UNCLASSIFIED document.
describe.each(READERS)('%s: a loose label alone on its line marks the text under it', (_name, wrap, parse) => {
  it.each(['S/NF\nThe zulu1 source said so.', 'TS NF\nThe zulu1 source said so.', 'C-NF\nThe zulu1 source said so.'])('%j: withheld as unknown', (item) => {
    expect(portionWith(wrap(item), 'zulu1', parse).markingSource).toBe('unknown');
    expect(released(wrap(item), parse)).not.toContain('zulu1');
  });
});

// Generated forms: in a cable, after an opening quote with no blank (`"S//NF: The …`) and after a
// parenthesised item number (`(2) (S The …`, a mark that lost its `)`), the text was released.
describe('cable: a mark in another form after an opening quote or an item number in parentheses', () => {
  it.each(['"S//NF: The zulu1 source said so."', '\u201c[S] The zulu1 source said so.\u201d', '(2) (S The zulu1 source said so.', '(2) (S//NF The zulu1 source said so.'])('%j: withheld as unknown', (item) => {
    expect(portionWith(cable(item), 'zulu1', parseCable).markingSource).toBe('unknown');
    expect(released(cable(item), parseCable)).not.toContain('zulu1');
  });
});

// A label or bracketed mark in lower or mixed case at a line's start was read as text: the
// look-alike forms were read in capitals only (the grammar reads `(s//nf)` itself).
describe.each(READERS)('%s: a look-alike in lower or mixed case', (_name, wrap, parse) => {
  it.each(['s//nf: The zulu1 source said so.', 'Secret//NF: The zulu1 source said so.', '[s//nf] The zulu1 source said so.', 'Top Secret//NOFORN The zulu1 source said so.', '\u2022 s//nf: The zulu1 source said so.'])(
    '%j: withheld as unknown',
    (item) => {
      expect(portionWith(wrap(item), 'zulu1', parse).markingSource).toBe('unknown');
      expect(released(wrap(item), parse)).not.toContain('zulu1');
    },
  );
  it.each(['s/he said the zulu1 source was right.', 'c/o the zulu1 office.', 'Secret talks with the zulu1 side began.'])('%j: text, released', (item) => {
    expect(released(wrap(item), parse)).toContain('zulu1');
  });
});

// Cables were released as written with these after the document reader held them (379b2fe).
describe('cable: after a paragraph label, a mark in another form', () => {
  it.each(PARA_LABELLED)('%j: withheld as unknown', (item) => {
    const src = cable(item);
    expect(portionWith(src, 'zulu1', parseCable).markingSource).toBe('unknown');
    expect(released(src, parseCable)).not.toContain('zulu1');
  });
  it('a paragraph label and a mark understood in the middle of a sentence is a reference, not a new portion', () => {
    const src = cable('2. (U) zulu1 plain item, as reported in\nPARA 2 (C) of the cable before.');
    const p = portionWith(src, 'zulu1', parseCable);
    expect(p.markingSource).toBe('marked');
    expect(src.slice(p.span.start, p.span.end)).toContain('of the cable before');
  });
});

// The fuzzer (seed 1234): a line under the routing lines or a field of a cable's header was
// taken for the header's own and released as written when it opened with a mark in another form.
describe('a cable header line opening with a mark in another form ends the header', () => {
  it.each(['A. [S//NF) zulu1 secret item.', 'A. S/NF: zulu1 secret item.', '-- TS) zulu1 secret item.', 'A. (S//NF zulu1 secret item.', '(S] zulu1 secret item.'])('%j under the routing lines: withheld', (item) => {
    const src = `UNCLASSIFIED\nFM AMEMBASSY CARACAS\nTO RUEHC/SECSTATE WASHDC\n${item}\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: STATUS\n\n1. (U) This paragraph is unclassified and may be released.\n`;
    const text = released(src, parseCable);
    expect(text).not.toContain('zulu1');
    expect(text).toContain('may be released');
  });
  it('a REF list lettered C) stays the header\'s', () => {
    const src = cable('REF: A) 09 STATE 8410\n      B) 06 SAN JOSE 0464\n      C) 07 SAN JOSE 0335\n\n2. (U) zulu1 plain item.');
    expect(parseCable(src).portions.some((p) => p.markingSource === 'unknown')).toBe(false);
  });
});

describe('a near miss after words that are not a label stays text', () => {
  for (const [name, wrap, read] of READERS) {
    it.each([
      'Ilse Aigner (CSU) zulu1 is the minister.',
      'Early days (Sun) zulu1 item.',
      'Committee (TSCC) zulu1 item.',
      // CUI's other banner word is prose in parentheses.
      '(Controlled substances) zulu1 item.',
      '(CONTROLLED SUBSTANCES) zulu1 item.',
      // After a sentence end: prose that opens with a level's letters.
      '2. (U) He said so. SECRET talks began on the zulu1 plan.',
      '2. (U) Rated well. (S&P) zulu1 ratings rose.',
      '2. (U) We met. C: Yes, the zulu1 plan.',
      '2. (U) We met. S/P Director zulu1 said so.',
      '2. (U) We met. U/S Burns said zulu1.',
    ])(`${name}, %j: released`, (item) => {
      expect(released(wrap(item), read)).toContain('zulu1');
    });
  }
});

describe('a doubled opening parenthesis is read as the mark inside', () => {
  for (const [name, wrap, read] of READERS) {
    it(`${name}, ((S): SECRET, withheld`, () => {
      const held = portionWith(wrap('((S) zulu1 secret item.'), 'zulu1', read);
      expect(held.markingSource).toBe('marked');
      expect(held.marking?.level).toBe('S');
      expect(released(wrap('((S) zulu1 secret item.'), read)).not.toContain('zulu1');
    });

    it(`${name}, ((U): unclassified, released`, () => {
      // SIDtoday writes `((U)This month …` and `((U//FOUO) This has been …`.
      const held = portionWith(wrap('((U) zulu1 plain item.'), 'zulu1', read);
      expect(held.markingSource).toBe('marked');
      expect(released(wrap('((U) zulu1 plain item.'), read)).toContain('zulu1 plain item.');
    });
  }
});

describe('a line in capitals under a (U) paragraph that opens with a banner and a sentence', () => {
  const secretMemo = (line: string) =>
    `SECRET//NOFORN\n\nSUBJECT: (U) Status\n\n1. (S) The plan is secret.\n\n2. (U) The meeting was held on Monday.\n${line}\n\nClassified By: J. Smith, Director\nDerived From: NSA/CSSM 1-52\nDeclassify On: 20320108\n\nSECRET//NOFORN\n`;
  it.each(['SECRET//NOFORN THE SOURCE SAID ZULU1 WILL RESIGN.', 'TOP SECRET//SI THE SOURCE SAID ZULU1 WILL RESIGN.'])('%j: a portion of its own, withheld as unknown; the meeting released', (line) => {
    const src = secretMemo(line);
    expect(portionWith(src, 'ZULU1', parseMarkedDocument).markingSource).toBe('unknown');
    const text = released(src, parseMarkedDocument);
    expect(text).not.toContain('ZULU1');
    expect(text).toContain('The meeting was held on Monday.');
  });
});

describe('readLookalikeMark: what is not a look-alike', () => {
  it.each([
    '[1] a footnote',
    '[A] a list label',
    '[sic] quoted',
    '((a) nested label',
    'TS//SI level, so mark your calendars', // a SIDtoday continuation line: no colon
    'Secretary of State',
    'S/NF without separator',
    '（注）a note',
    '{a} set notation',
    '«Le Monde» reported',
    '<U>underlined</U> in HTML',
    '{S without a close',
    '<b>bold</b> in HTML',
    '(U.S.) officials said',
    '(C.I.A.) officers said',
    '(Reuters) reported',
    '(See the annex)',
    '(S) a mark the grammar reads',
    '(C: SEE REF A) in a cable', // a blank after the colon: classifyParenthetical's to judge
    '(S.Smith) wrote',
    '//S Visit to Madrid//', // a cable's heading: S is the Secretary (07MADRID449)
    'TOP SECRET//COMINT//REL TO USA, AUS, CAN, GBR and NZL//20291123', // a banner quoted in the text (SIDtoday)
    'SECRET TALKS BEGAN IN MAY', // prose in a cable
    'SECRET - RELEASABLE TO THE UNITED STATES OF AMERICA', // a quoted banner in capitals (05THEHAGUE484)
    'SECRET - ENTIRE TEXT.', // a cable's entire-text statement (89PANAMA8545)
    'SECRET - the word in prose',
    'SECRET//NOFORN', // a banner alone on its line
    'Secret: a word in prose',
    'Secret Service agents said',
    'Confidential: please do not forward',
    'SECRET Clearances Required', // a heading: the word after the level is not followed by one in lower case
    'S/P Director said', // State's Policy Planning staff, not a control
    'S/CT officials met',
    'U/S Burns said', // the Under Secretary
    'SECRET NOFORN', // a banner alone on its line
    'C) a list label',
    '(a] a list label with a slip',
    '[sic) quoted',
    'SECRET SERVICE AGENTS said',
    '[1) a list label',
    '\u201cSecret\u201d is a word in prose', // curly quotes: non-ASCII, nothing to fold
    '\u00dcber SECRET: an umlaut first',
  ])('%j: null', (text) => {
    expect(readLookalikeMark(text, 0)).toBeNull();
  });

  it('a mark in look-alike letters ends where its last letter does, surrogate pairs included', () => {
    const text = '\u{1d412}\u{1d404}\u{1d402}\u{1d411}\u{1d404}\u{1d413}: text';
    const l = readLookalikeMark(text, 0);
    expect(l?.raw).toBe(text.slice(0, text.indexOf(':') + 1));
    expect(l?.message).toContain('read as "SECRET:"');
  });

  it('folds full-width letters so the message names the mark', () => {
    expect(readLookalikeMark('（Ｓ//ＮＦ） text', 0)?.message).toContain('expected (S//NF)');
  });
});

describe('a mark after a Unicode space or a paragraph label', () => {
  const items = ['\u2003(S) zulu1 secret item.', '\u200b(S) zulu1 secret item.', '\u3000(S) zulu1 secret item.', 'PARA 2 (S) zulu1 secret item.', 'Paragraph 3: (S) zulu1 secret item.'];
  for (const [name, wrap, read] of READERS) {
    it.each(items)(`${name}, %j: marked SECRET and withheld`, (item) => {
      const held = portionWith(wrap(item), 'zulu1', read);
      expect(held.markingSource).toBe('marked');
      expect(held.marking?.level).toBe('S');
      expect(released(wrap(item), read)).not.toContain('zulu1');
    });
  }
});

describe('cable: unmarked text that holds a level mark is a mark not understood', () => {
  it.each(['| a | (S) zulu1 cell |', 'Title (S)\nzulu1 body under the title', 'Some words ---- 3.(C/NF) zulu1 run together'])('%j: withheld as unknown', (item) => {
    expect(portionWith(cable(item), 'zulu1', parseCable).markingSource).toBe('unknown');
    expect(released(cable(item), parseCable)).not.toContain('zulu1');
  });

  it('a list item labelled (C) after (B) is unmarked text, released in an UNCLASSIFIED cable (09MEXICO3091)', () => {
    const src = cable('2. Training given:\n\n(A) Fraud briefing;\n\n(B) Seminar on education;\n\n(C) zulu1 seminar on tax;');
    expect(portionWith(src, 'zulu1', parseCable).markingSource).toBe('unmarked');
    expect(released(src, parseCable)).toContain('(C) zulu1 seminar on tax;');
  });
});

/**
 * Look-alike marks inside a text, not where a mark belongs: `[S]` in the middle of a (U)
 * paragraph, a later line of it opening with `S//NF` (the cable reader starts no portion there),
 * a mark in the CAPCO form glued to the word before, in lower case, with a leading slash, with a
 * control not known, or wrapped onto the next line, and a document mark wrapped before its `)`.
 * Each released the SECRET words under an UNCLASSIFIED banner (checked through the library on the
 * build before).
 */
const INSIDE = [
  '2. (U) Met on Tuesday, [S] zulu1 the source reported.',
  '2. (U) Met on Tuesday. [S//NF] zulu1 the source reported.',
  '2. (U) Met on Tuesday.\nS//NF The zulu1 source reported the plan.',
  '2. (U) Met on Tuesday.\nS//NF: The zulu1 source reported the plan.',
  '2. (U) Met on Tuesday.\n[S] The zulu1 source reported the plan.',
  '2. (U) Met on Tuesday(S//NF) the zulu1 source reported.', // a space lost in text out of a PDF
  '2. (U) Met on Tuesday (s//nf) the zulu1 source reported.',
  '2. (U) Met on Tuesday (//S//NF) the zulu1 source reported.',
  '2. (U) Met on Tuesday (S//XYZ) the zulu1 source reported.',
  '2. (U) Met on Tuesday. (S//\nNF) The zulu1 source reported.',
  '2. (U) Met on Tuesday. (S\n//NF) The zulu1 source reported.',
  '2. (U) Met on Tuesday. (TS//SI//REL TO\nUSA, FVEY) The zulu1 source reported.',
  '2. (U) Met on Tuesday. S//NF The zulu1 source reported.', // a paragraph refilled into one line
  '2. (U) Met on Tuesday: TS//SI//NF "The zulu1 source reported."',
  '2. (U) Met on Tuesday. (S\u00b7NF) The zulu1 source reported.',
  '2. (U) Met on Tuesday (TS | SI) the zulu1 source reported.',
  // A look-alike mark after a sentence end mid-line (a line joined to the paragraph above).
  '2. (U) Met on Tuesday. <S> The zulu1 source reported.',
  '2. (U) Met on Tuesday. {S//NF} The zulu1 source reported.',
  '2. (U) Met on Tuesday. S//NF) The zulu1 source reported.',
  '2. (U) Met on Tuesday. ((S) The zulu1 source reported.',
  // The same in letters of other scripts or styles, after an accented word (the folded text's
  // offsets map back to the source).
  '2. (U) Met on Tuesday. \u0405//NF The zulu1 source reported.',
  '2. (U) Met on Tuesday, [\u0405] zulu1 the source reported.',
  '2. (U) Met on Tuesday(\u0405//NF) the zulu1 source reported.',
  '2. (U) Met on Tuesday. (\u0405\u00b7NF) The zulu1 source reported.',
  '2. (U) Caf\u00e9 on Tuesday. (\u{1d412}//NF) The zulu1 source reported.',
  '2. (U) Met on Tuesday. \uff08S\uff09 The zulu1 source reported.',
  '2. (U) Caf\u00e9 on Tuesday. \uff08S//NF\uff09 The zulu1 source reported.',
  // A later line of the paragraph, after a sentence end, opening with a mark in another form.
  '2. (U) Met on Tuesday.\nTS) The zulu1 source reported.',
  '2. (U) Met on Tuesday.\n[S//NF) The zulu1 source reported.',
  '2. (U) Met on Tuesday.\nS/NF: The zulu1 source reported.',
  // After a sentence end: mismatched brackets, a lost closing parenthesis, a label with a colon,
  // a loosely written label, a level spelled out before a sentence.
  '2. (U) Met on Tuesday. (S] The zulu1 source reported.',
  '2. (U) Met on Tuesday. [S//NF) The zulu1 source reported.',
  '2. (U) Met on Tuesday. (S//NF The zulu1 source reported.',
  '2. (U) Met on Tuesday. S//NF: The zulu1 source reported.',
  '2. (U) Met on Tuesday. S/NF: The zulu1 source reported.',
  '2. (U) Met on Tuesday. SECRET The zulu1 source reported.',
  // A near miss in one word after a sentence end (a paragraph joined to the one above).
  '2. (U) Met on Tuesday.  (SS) The zulu1 source reported.',
  '2. (U) Met on Tuesday. (\u0421) The zulu1 source reported.',
  '2. (U) Met on Tuesday. (\uff33) The zulu1 source reported.',
  // A mark in lower case, or controls without a level, after a sentence end.
  '2. (U) Met on Tuesday. (s) The zulu1 source reported.',
  '2. (U) Met on Tuesday. (ts) The zulu1 source reported.',
  '2. (U) Met on Tuesday. (c) The zulu1 source reported.',
  '2. (U) Met on Tuesday. (s/nf) The zulu1 source reported.',
  '2. (U) Met on Tuesday. (ts/si) The zulu1 source reported.',
  '2. (U) Met on Tuesday. (REL TO USA, GBR) The zulu1 source reported.',
];

describe('a look-alike mark inside a (U) portion makes it a mark not understood', () => {
  for (const [name, wrap, read] of READERS) {
    it.each(INSIDE)(`${name}, %j: withheld pending review (or raised by it), with a message naming the mark`, (item) => {
      const src = wrap(item);
      const held = portionWith(src, 'zulu1', read);
      // The cable reader reads a well-formed mark wrapped onto the next line itself: the portion is raised to it.
      if (held.markingSource === 'marked') expect(held.marking?.level).not.toBe('U');
      else expect(held.markingSource).toBe('unknown');
      const text = released(src, read);
      expect(text).not.toContain('zulu1');
      expect(text).toContain('may be released');
      if (held.markingSource === 'unknown') {
        const doc = read(src);
        // The mark's level letter, as written (S or C, or a look-alike: Dze, Es, full-width or mathematical S).
        expect(doc.diagnostics.some((d) => d.code === 'unknown-marking' && /[sc]|\u0405|\u0421|\uff33|\u{1d412}/iu.test(src.slice(d.span!.start, d.span!.end)))).toBe(true);
      }
    });
  }

  it('marked document: a mark wrapped before its ) (text out of a PDF) is a mark not understood', () => {
    const src = memo('(S//NF\n) zulu1 secret item.');
    expect(portionWith(src, 'zulu1', parseMarkedDocument).markingSource).toBe('unknown');
    expect(released(src, parseMarkedDocument)).not.toContain('zulu1');
  });
});

describe('what inside a text is not a look-alike mark', () => {
  for (const [name, wrap, read] of READERS) {
    it.each([
      '2. (U) "[S]he zulu1 said so," the report quotes.', // an editor's capital in a quotation
      '2. (U) The word[s] zulu1 in brackets.',
      '2. (U) Plain [U] zulu1 is no more than the paragraph.',
      '2. (U) Held at the\nTS//SI level, zulu1 so mark your calendars.', // SIDtoday: prose, a lower-case word after
      '2. (U) See note [A] zulu1 and [1].',
      '2. (U) The source(s) zulu1 reported.',
      '2. (U) The meeting was held at the TS//SI level, zulu1 said.', // a label after a word, in prose
      '2. (U) Met on Tuesday. S//NF is a marking, zulu1 said.', // a lower-case word after it
      '2. (U) Senator Smith (R) zulu1 said so.', // a party, not RESTRICTED, inside a text
      '2. (U) The U.S. (U.S.A.) zulu1 said so.',
      '2. (U) Use <S> zulu1 for strike-through.', // angle brackets are looked for only where a mark belongs, or after a sentence end
      '2. (U) He met them. ((U) zulu1 plain.', // a doubled (U) says nothing above the paragraph
    ])(`${name}, %j: released as (U)`, (item) => {
      const src = wrap(item);
      expect(portionWith(src, 'zulu1', read).markingSource).toBe('marked');
      expect(released(src, read)).toContain('zulu1');
    });

    it(`${name}: [S] inside an (S) paragraph says nothing more: still SECRET (B1), not pending`, () => {
      const held = portionWith(wrap('2. (S) Met on Tuesday, [S] zulu1 the source reported.'), 'zulu1', read);
      expect(held.markingSource).toBe('marked');
      expect(held.marking?.level).toBe('S');
    });

    it(`${name}: a glued (U//FOUO) inside a (U//FOUO) paragraph says nothing more: still U//FOUO`, () => {
      const held = portionWith(wrap('2. (U//FOUO) Met on Tuesday(U//FOUO) zulu1 again.'), 'zulu1', read);
      expect(held.markingSource).toBe('marked');
      expect(held.marking?.controls).toEqual(['FOUO']);
    });

    it(`${name}: a glued or wrapped (S//NF) inside an (S//NF) paragraph says nothing more: still SECRET`, () => {
      for (const item of ['2. (S//NF) Met on Tuesday(S//NF) zulu1 the source.', '2. (S//NF) Met on Tuesday. (S//\nNF) zulu1 the source.']) {
        const held = portionWith(wrap(item), 'zulu1', read);
        expect(held.markingSource).toBe('marked');
        expect(held.marking?.level).toBe('S');
      }
    });

    it(`${name}: [TS] inside an (S) paragraph says more: a mark not understood`, () => {
      expect(portionWith(wrap('2. (S) Met on Tuesday, [TS] zulu1 the source reported.'), 'zulu1', read).markingSource).toBe('unknown');
    });
  }
});

/**
 * A trailing mark wrapped onto a line of its own right under a marked paragraph (`2. (U) The
 * source …` / `(S)`): it raises the paragraph as it does on the paragraph's last line. Both
 * readers released the SECRET words as (U) and took the mark for an empty portion.
 */
describe('a mark alone on the line under a marked paragraph raises it', () => {
  for (const [name, wrap, read] of READERS) {
    it(`${name}: (U) text / (S): SECRET, withheld`, () => {
      const src = wrap('2. (U) Met on Tuesday, the zulu1 source reported.\n(S)\n\n3. (U) End.');
      const held = portionWith(src, 'zulu1', read);
      expect(held.markingSource).toBe('marked');
      expect(held.marking?.level).toBe('S');
      const text = released(src, read);
      expect(text).not.toContain('zulu1');
      expect(text).toContain('may be released');
    });

    it(`${name}: (S) text / (S): unchanged; (U) text, a blank line, (S): left alone (a caption's mark in SIDtoday)`, () => {
      expect(portionWith(wrap('2. (S) Met on Tuesday, zulu1.\n(S)\n\n3. (U) End.'), 'zulu1', read).marking?.level).toBe('S');
      const gap = portionWith(wrap('2. (U) Met on Tuesday, zulu1.\n\n(S)\n\n3. (U) End.'), 'zulu1', read);
      expect(gap.markingSource).toBe('marked');
      expect(gap.marking?.level).toBe('U');
    });
  }
});
