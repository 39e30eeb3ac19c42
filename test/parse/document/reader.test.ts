import { formatPortion } from '../../../src/markings/index.js';
/**
 * The document reader, form by form: where portions open and close, what they are marked, and
 * that every non-blank character is covered once (portion segment, furniture or boilerplate).
 */
import { describe, expect, it } from 'vitest';
import { parseMarkedDocument } from '../../../src/parse/document/index.js';
import type { Document } from '../../../src/types.js';
import { invariantProblems } from '../helpers.js';

/** `[id, kind, level or marking source, first words of the portion]` for every portion. */
type Row = readonly [string, string, string, string];

function rows(doc: Document): Row[] {
  return doc.portions.map((p) => [
    p.id,
    p.kind,
    p.marking ? [p.marking.level, ...p.marking.sci, ...p.marking.controls, ...(p.marking.relTo.length ? [`REL ${p.marking.relTo.join(' ')}`] : [])].join('/') : p.markingSource,
    doc.source.slice(p.span.start, p.span.end).replace(/\s+/g, " ").split(" ").slice(0, 4).join(" "),
  ]);
}

const BANNER = 'SECRET//NOFORN\n\n';
const FOOTER = '\n\nSECRET//NOFORN\n';

/** [what, text, expected rows] */
const FORMS: ReadonlyArray<readonly [string, string, readonly Row[]]> = [
  [
    "a Markdown footnote's label goes with the footnote's mark (it was an unmarked portion)",
    '(U) Fees fund the militia.[^1]\n\n[^1]: (S//NF) Based on liaison reporting.\n',
    [
      ['p1', 'paragraph', 'U', '(U) Fees fund the'],
      ['p2', 'paragraph', 'S/NOFORN', '[^1]: (S//NF) Based on'],
    ],
  ],
  [
    "a bracketed footnote number goes with the footnote's mark (it was a mark not understood, withheld pending review)",
    '(U) Output rose in 2008.[1]\n\n--------\n[1] (S//NF) Source: a liaison report.\n\n[2] The ministry\'s figures.\n',
    [
      ['p1', 'paragraph', 'U', '(U) Output rose in'],
      ['p2', 'paragraph', 'S/NOFORN', '[1] (S//NF) Source: a'],
      ['p3', 'paragraph', 'unmarked', "[2] The ministry's figures."],
    ],
  ],
  [
    'a quoted mark opens a portion: a TOP SECRET quote is not absorbed into the (U) portion before it',
    '(U) Sent from Iraq to the office:\n"(TS//SI) FORRELs for a large part are taken as routine.\n(U) WE ARE WINNING."\n',
    [
      ['p1', 'paragraph', 'U', '(U) Sent from Iraq'],
      ['p2', 'paragraph', 'TS/SI', '"(TS//SI) FORRELs for a'],
      ['p3', 'paragraph', 'U', '(U) WE ARE WINNING."'],
    ],
  ],
  [
    'a mark after a sentence end in the middle of a line opens a portion',
    '(U) Here is to discovery! (S//SI) Since the inception of the program, it ran.\n',
    [
      ['p1', 'paragraph', 'U', '(U) Here is to'],
      ['p2', 'paragraph', 'S/SI', '(S//SI) Since the inception'],
    ],
  ],
  [
    'after a closing quote and a sentence end, and before an opening quote',
    '(U//FOUO) "Good article!" (C//SI) "These terms have no meaning."\n',
    [
      ['p1', 'paragraph', 'U/FOUO', '(U//FOUO) "Good article!"'],
      ['p2', 'paragraph', 'C/SI', '(C//SI) "These terms have'],
    ],
  ],
  [
    'an asterisk, a bullet, a dash and a number before the mark',
    '*(C) Those briefed were told.\n- (S) Second item.\n• (U) Third item.\n-- (TS//SI) Media leaks.\n1. (U//FOUO) Numbered.\n',
    [
      ['p1', 'paragraph', 'C', '*(C) Those briefed were'],
      ['p2', 'bullet', 'S', '- (S) Second item.'],
      ['p3', 'bullet', 'U', '• (U) Third item.'],
      ['p4', 'bullet', 'TS/SI', '-- (TS//SI) Media leaks.'],
      ['p5', 'item', 'U/FOUO', '1. (U//FOUO) Numbered.'],
    ],
  ],
  [
    'a bare footnote number before a mark opens an item',
    '(U) Notes:\n1 (U) VSAT = Very Small Aperture Terminal\n2 (S//SI) Details were provided.\n',
    [
      ['p1', 'paragraph', 'U', '(U) Notes:'],
      ['p2', 'item', 'U', '1 (U) VSAT ='],
      ['p3', 'item', 'S/SI', '2 (S//SI) Details were'],
    ],
  ],
  [
    'a mark at the end of a heading marks the heading',
    '(S) Body text that ends here.\nOther Support (U)\n(S) More body text.\n',
    [
      ['p1', 'paragraph', 'S', '(S) Body text that'],
      ['p2', 'heading', 'U', 'Other Support (U)'],
      ['p3', 'paragraph', 'S', '(S) More body text.'],
    ],
  ],
  [
    'a teaser marked at its end after a header line takes the mark',
    'FROM: Office of X\nRun Date: 02/03/2005\n\nYesterday the author described the deployment. Today he\ndescribes the ground. (S//SI)\n(U) Body.\n',
    [
      ['header', 'header', 'unmarked', 'FROM: Office of X'],
      ['p1', 'paragraph', 'S/SI', 'Yesterday the author described'],
      ['p2', 'paragraph', 'U', '(U) Body.'],
    ],
  ],
  [
    'a mark inside a portion only raises it',
    '(S) This session is classified (TS//SI). It is not videotaped.\n(S) The (U) word does not lower it.\n',
    [
      ['p1', 'paragraph', 'TS/SI', '(S) This session is'],
      ['p2', 'paragraph', 'S', '(S) The (U) word'],
    ],
  ],
  [
    'unmarked text after a (U) portion is a portion of its own',
    '(U) A short paragraph.\nThe next paragraph has no mark at all.\n',
    [
      ['p1', 'paragraph', 'U', '(U) A short paragraph.'],
      ['p2', 'paragraph', 'unmarked', 'The next paragraph has'],
    ],
  ],
  [
    // An unmarked bullet under it is a list item of its own, unmarked (probe 58f, F6: each item carries its own mark).
    'unmarked lines under a marked lead-in ending with a colon belong to it, an unmarked bullet does not',
    '(S) The team visited three sites, including:\nCurrent Operations Division\nthe Watch Center\n- the archive\n(U) Next paragraph.\n',
    [
      ['p1', 'paragraph', 'S', '(S) The team visited'],
      ['p2', 'bullet', 'unmarked', '- the archive'],
      ['p3', 'paragraph', 'U', '(U) Next paragraph.'],
    ],
  ],
  [
    'a field label before the mark stays with the portion',
    'QUALIFICATIONS/EXPERIENCE: (S//SI) Applicants should know the target.\nComment : (U//FOUO) Unfortunately, no.\n',
    [
      ['p1', 'paragraph', 'S/SI', 'QUALIFICATIONS/EXPERIENCE: (S//SI) Applicants should'],
      ['p2', 'paragraph', 'U/FOUO', 'Comment : (U//FOUO) Unfortunately,'],
    ],
  ],
  [
    'a field label in Markdown emphasis before the mark stays with the portion (it was an unmarked portion of its own)',
    '**SUBJECT:** (U) Developments in the region\n\n**Note**: (S//NF) Troops moved.\n\n- __Comment:__ (C) Quietly.\n',
    [
      ['subject', 'subject', 'U', '**SUBJECT:** (U) Developments in'],
      ['p1', 'paragraph', 'S/NOFORN', '**Note**: (S//NF) Troops moved.'],
      ['p2', 'bullet', 'C', '- __Comment:__ (C) Quietly.'],
    ],
  ],
  [
    'a double mark is one portion with the most restrictive marking',
    '(U) (SBU) Both marks apply.\n',
    [['p1', 'paragraph', 'U/SBU', '(U) (SBU) Both marks']],
  ],
  [
    'Markdown: title, headings, table rows (each cell mark raises the row), a separator row is boilerplate',
    '# (U) Quarterly Review\n\n## Other Support (U)\n\n| (U) Site | (S//NF) Role |\n|---|---|\n| (U) Alpha | (U) Relay |\n',
    [
      ['title', 'title', 'U', '# (U) Quarterly Review'],
      ['p1', 'heading', 'U', '## Other Support (U)'],
      ['p2', 'table-row', 'S/NOFORN', '| (U) Site |'],
      ['p3', 'table-row', 'U', '| (U) Alpha |'],
    ],
  ],
  [
    'a mark not understood makes the portion unknown',
    '(S///SI) Sloppy slashes.\n(U//FOFUO) A typo.\n',
    [
      ['p1', 'paragraph', 'unknown', '(S///SI) Sloppy slashes.'],
      ['p2', 'paragraph', 'unknown', '(U//FOFUO) A typo.'],
    ],
  ],
  [
    'plurals and topics in parentheses are text, not marks',
    '(U) The system(s) and the NOMINEE(S) of the (Iran) desk.\n',
    [['p1', 'paragraph', 'U', '(U) The system(s) and']],
  ],
  [
    'in a document with blank lines between paragraphs, wrapped lines continue their paragraph',
    '(S) First paragraph ends a sentence here.\nThen it wraps to a second line.\n\n(U) Second paragraph.\n\nAn unmarked paragraph.\n',
    [
      ['p1', 'paragraph', 'S', '(S) First paragraph ends'],
      ['p2', 'paragraph', 'U', '(U) Second paragraph.'],
      ['p3', 'paragraph', 'unmarked', 'An unmarked paragraph.'],
    ],
  ],
];

describe('parseMarkedDocument: portions', () => {
  it.each(FORMS)('%s', (_what, text, expected) => {
    const doc = parseMarkedDocument(text);
    expect(rows(doc)).toEqual(expected);
    expect(invariantProblems(doc)).toEqual([]);
  });
});

describe('parseMarkedDocument: line wrapping without blank lines (pdftotext)', () => {
  const body = [
    '(U) This paragraph is wrapped at the width of the page so that each of its lines is',
    'long, and it goes on here without any mark because it is the same paragraph as before',
    'and it ends on this short line.',
    'A new paragraph begins here with no mark, after a short line that ended a sentence,',
    'and it must be a portion of its own (withheld in a classified document).',
    '(S) A marked paragraph whose first line is long enough to count as a full line of text',
    'continues here; a line that starts in lower case continues it as well.',
    'Signed by the author.',
  ].join('\n');
  it('continues a portion over full lines, and starts an unmarked one after a short line that ends a sentence', () => {
    const doc = parseMarkedDocument(`${BANNER}${body}${FOOTER}`);
    expect(rows(doc).map((r) => [r[2], r[3]])).toEqual([
      ['U', '(U) This paragraph is'],
      ['unmarked', 'A new paragraph begins'],
      ['S', '(S) A marked paragraph'],
      ['unmarked', 'Signed by the author.'],
    ]);
    expect(invariantProblems(doc)).toEqual([]);
  });
});

describe('parseMarkedDocument: banners', () => {
  it('reads the DYNAMIC PAGE banner as the highest possible level, not as the document banner, and resolves a bare REL against it', () => {
    const text =
      'DYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS\nTOP SECRET // SI / TK // REL TO USA AUS CAN GBR NZL\n\n(S//SI//REL) Body.\n\nDYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS\nTOP SECRET // SI / TK // REL TO USA AUS CAN GBR NZL\n\f';
    const doc = parseMarkedDocument(text);
    expect(doc.banner).toBeNull();
    expect(doc.pageBanners!.map((b) => [b.page, b.position, b.highestPossible, b.marking?.level])).toEqual([
      [1, 'top', true, 'TS'],
      [1, 'bottom', true, 'TS'],
    ]);
    expect(doc.furniture).toHaveLength(4);
    expect(doc.portions[0]!.marking?.relTo).toEqual(['USA', 'AUS', 'CAN', 'GBR', 'NZL']);
    expect(doc.diagnostics.map((d) => d.code)).toContain('banner-highest-possible');
    expect(invariantProblems(doc)).toEqual([]);
  });

  it('reads top and bottom banners of every page; the first is the document banner; a paragraph goes on across the page break', () => {
    const text = 'SECRET//NOFORN\n\n(S//NF) A paragraph that goes on\n\nSECRET//NOFORN\n\fSECRET//NOFORN\n\nacross the page break.\n\n(U) End.\n\nSECRET//NOFORN\n';
    const doc = parseMarkedDocument(text);
    expect(doc.banner?.marking?.level).toBe('S');
    expect(doc.pageBanners!.map((b) => [b.page, b.position])).toEqual([
      [1, 'top'],
      [1, 'bottom'],
      [2, 'top'],
      [2, 'bottom'],
    ]);
    expect(rows(doc).map((r) => r[2])).toEqual(['S/NOFORN', 'U']);
    const p1 = doc.portions[0]!;
    expect(p1.segments).toHaveLength(2);
    expect(p1.segments.map((s) => text.slice(s.start, s.end).trim()).join(' ')).toBe('(S//NF) A paragraph that goes on across the page break.');
    expect(invariantProblems(doc)).toEqual([]);
  });

  it('accepts Markdown decoration and a Classification: label', () => {
    const doc = parseMarkedDocument('**TOP SECRET//SI//NOFORN**\n\n(TS//SI//NF) Text.\n\nClassification: TOP SECRET//SI//NOFORN\n');
    expect(doc.pageBanners!.map((b) => b.raw)).toEqual(['TOP SECRET//SI//NOFORN', 'TOP SECRET//SI//NOFORN']);
    expect(invariantProblems(doc)).toEqual([]);
  });

  // An e-mail's or form's label, and the words after it in any case: the document was refused
  // as not marked before (nothing released, but a marked e-mail could not be processed).
  it.each([
    ['Security Classification: CONFIDENTIAL', 'C'],
    ['Classified: Secret', 'S'],
    ['Classification: Secret//NoForn', 'S'],
    ['classification: unclassified', 'U'],
  ])('reads %j as the banner', (line, level) => {
    const doc = parseMarkedDocument(`${line}\n\nFrom: J. Smith\nSubject: Test\n\nThe account numbers were changed.\n`);
    expect(doc.pageBanners!.map((b) => b.marking?.level)).toEqual([level]);
    expect(invariantProblems(doc)).toEqual([]);
  });

  // The handling banners that name no level: State's (12 FAM 540) and DoD's.
  it.each([
    ['SENSITIVE BUT UNCLASSIFIED', 'U', ['SBU']],
    ['SENSITIVE BUT UNCLASSIFIED//NOFORN', 'U', ['NOFORN', 'SBU']],
    ['FOR OFFICIAL USE ONLY', 'U', ['FOUO']],
  ])('reads the handling banner %j as UNCLASSIFIED with its control', (line, level, controls) => {
    const doc = parseMarkedDocument(`${line}\n\nSUBJECT: (U) Visas\n\n(SBU) The backlog grew.\n\n${line}\n`);
    expect(doc.pageBanners!.map((b) => [b.position, b.marking?.level, b.marking?.controls])).toEqual([
      ['top', level, controls],
      ['bottom', level, controls],
    ]);
    expect(invariantProblems(doc)).toEqual([]);
  });

  // DoD's e-mail marking: `Caveats:` under `Classification:` is part of that banner. Read apart, a
  // FOUO e-mail's banner was plain UNCLASSIFIED and its unmarked text released as unclassified.
  it.each([
    ['Caveats: FOUO', 'U', ['FOUO']],
    ['Caveats: NONE', 'U', []],
    ['CAVEATS: NOFORN, FOUO', 'U', ['NOFORN', 'FOUO']],
  ])('reads %j under Classification: UNCLASSIFIED as part of the banner', (caveats, level, controls) => {
    const text = `Classification: UNCLASSIFIED\n${caveats}\n\nSubject: Range\n\nThe range is closed.\n\nClassification: UNCLASSIFIED\n${caveats}\n`;
    const doc = parseMarkedDocument(text);
    expect(doc.pageBanners!.map((b) => [b.position, b.marking?.level, [...(b.marking?.controls ?? [])].sort()])).toEqual([
      ['top', level, [...controls].sort()],
      ['bottom', level, [...controls].sort()],
    ]);
    expect(doc.portions.map((p) => text.slice(p.span.start, p.span.end))).toEqual(['Subject: Range', 'The range is closed.']);
    expect(invariantProblems(doc)).toEqual([]);
  });

  it('a caveat it does not understand makes the banner not understood (fail closed), not plain UNCLASSIFIED', () => {
    const doc = parseMarkedDocument('Classification: UNCLASSIFIED\nCaveats: FOUO, XYZZY\n\nThe range is closed.\n');
    expect(doc.pageBanners!.map((b) => b.marking)).toEqual([null]);
    expect(doc.diagnostics.map((d) => d.code)).toContain('banner-unknown');
  });

  // Non-US banners (CAPCO §A.5): NATO's, with or without the leading `//`, a foreign government's, JOINT.
  // They were lines of text: unmarked paragraphs, withheld as such, and the document had no banner.
  it.each([
    ['NATO SECRET', 'S', ['NATO'], []],
    ['//NATO SECRET', 'S', ['NATO'], []],
    ['COSMIC TOP SECRET', 'TS', ['NATO'], []],
    ['NATO RESTRICTED', 'C', ['NATO'], []],
    ['NATO UNCLASSIFIED', 'U', ['NATO'], []],
    ['//GBR SECRET', 'S', ['FGI'], ['GBR']],
    ['//DEU CONFIDENTIAL//REL TO USA, DEU', 'C', ['FGI'], ['DEU']],
    ['//JOINT SECRET CAN USA', 'S', ['FGI'], ['CAN']],
  ])('reads the non-US banner %j at the top and the bottom', (line, level, controls, fgi) => {
    const doc = parseMarkedDocument(`${line}\n\nSUBJECT: (U) Exercise planning\n\n1. (U) Participants confirm by 15 May.\n\n${line}\n`);
    expect(doc.pageBanners!.map((b) => [b.position, b.marking?.level, b.marking?.controls, b.marking?.fgi])).toEqual([
      ['top', level, controls, fgi],
      ['bottom', level, controls, fgi],
    ]);
    expect(doc.portions.map((p) => p.markingSource)).toEqual(['marked', 'marked']);
    expect(invariantProblems(doc)).toEqual([]);
  });

  it.each(['Classified: yes', 'Secret', 'Class: S', 'For official use only', 'NATO Secret', '//JOINT planning', 'NATO SECRETARIAT'])('does not read %j as a banner', (line) => {
    expect(parseMarkedDocument(`${line}\n\n(U) The account numbers were changed.\n`).pageBanners ?? []).toEqual([]);
  });
});

describe('parseMarkedDocument: header', () => {
  it('FROM and the lines under it are a header portion; the Run Date line is boilerplate and gives the origination date', () => {
    const text = '(TS//SI) Title of the Article\nFROM:\nChief, Consumer Services (S12C)\nRun Date: 02/22/2006\n\n(C) Body.\n';
    const doc = parseMarkedDocument(text);
    expect(rows(doc)).toEqual([
      ['title', 'title', 'TS/SI', '(TS//SI) Title of the'],
      ['header', 'header', 'unmarked', 'FROM: Chief, Consumer Services'],
      ['p1', 'paragraph', 'C', '(C) Body.'],
    ]);
    expect(doc.originated).toBe('2006-02-22');
    expect(doc.boilerplate!.map((s) => text.slice(s.start, s.end))).toEqual(['Run Date: 02/22/2006']);
  });

  it('a memo header: MEMORANDUM FOR and FROM are header portions, SUBJECT is the subject portion, DATE is boilerplate', () => {
    const text = 'SECRET\n\nMEMORANDUM FOR: Director, Office of X\nFROM: J. Smith\nSUBJECT: (U) Budget Review\nDATE: 12 March 2012\n\n(S) Body.\n\nSECRET\n';
    const doc = parseMarkedDocument(text);
    expect(rows(doc).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['header', 'header', 'unmarked'],
      ['header-2', 'header', 'unmarked'],
      ['subject', 'subject', 'U'],
      ['p1', 'paragraph', 'S'],
    ]);
    expect(doc.originated).toBe('2012-03-12');
    expect(invariantProblems(doc)).toEqual([]);
  });

  it('a US date (March 3, 2001) and an e-mail\'s Sent: line with its weekday and time are date lines', () => {
    const memo = parseMarkedDocument('SECRET\n\nMEMORANDUM FOR: Director\nDate: March 3, 2001\nSUBJECT: (U) Plans\n\n(S) Body.\n\nSECRET\n');
    expect(memo.originated).toBe('2001-03-03');
    const mail = 'Classification: SECRET\n\nFrom: Smith, John A\nSent: Tuesday, March 3, 2015 10:12 AM\nTo: Doe, Jane\nSubject: (U) Readout\n\n(S) Body.\n';
    const doc = parseMarkedDocument(mail);
    expect(doc.originated).toBe('2015-03-03');
    expect(doc.boilerplate!.map((b) => mail.slice(b.start, b.end))).toContain('Sent: Tuesday, March 3, 2015 10:12 AM');
  });

  it('a date line in the body is text of the body, decided with it (it was boilerplate, released whatever its paragraph)', () => {
    const text = '(U) Title\nFROM: J. Smith\nDate: 12 March 2012\n\n(S) The meeting is set.\nDate: 14 March 2012\nPlace: the usual house\n\nDate: 15 March 2012\n';
    const doc = parseMarkedDocument(text);
    expect(doc.originated).toBe('2012-03-12');
    expect(doc.boilerplate!.map((b) => text.slice(b.start, b.end))).toEqual(['Date: 12 March 2012']);
    const secret = doc.portions.find((p) => p.marking?.level === 'S')!;
    expect(text.slice(secret.span.start, secret.span.end)).toBe('(S) The meeting is set.\nDate: 14 March 2012\nPlace: the usual house');
    expect(invariantProblems(doc)).toEqual([]);
    // After a memo's header lines the first paragraph is body, not a title.
    const memo = 'MEMORANDUM FOR: Director\nDate: March 3, 2001\nSUBJECT: (U) Plans\n\n1. (S) The meeting is set.\nDate: 14 March 2032\n';
    const m = parseMarkedDocument(memo);
    expect(m.boilerplate!.map((b) => memo.slice(b.start, b.end))).toEqual(['Date: March 3, 2001']);
    expect(m.originated).toBe('2001-03-03');
  });

  it('SIDtoday\'s Run Date is the article\'s date wherever its layout puts it (after an author a blank line apart)', () => {
    const text = '(S//SI) Title of the Article\n\n, Deputy Chief, Division (S2F1)\nRun Date: 08/16/2006\n(C) Body.\n';
    expect(parseMarkedDocument(text).originated).toBe('2006-08-16');
  });

  it('a memo\'s form words alone on a line are boilerplate (they were withheld as unmarked text, B1 in a classified memo)', () => {
    const text = 'SECRET\n\nMEMORANDUM FOR THE RECORD\n\n**INFORMATION MEMO**\n\nSUBJECT: (U) Trip report\n\n(S) Body.\n\nSECRET\n';
    const doc = parseMarkedDocument(text);
    expect(doc.boilerplate!.map((b) => text.slice(b.start, b.end))).toEqual(['SECRET', 'MEMORANDUM FOR THE RECORD', '**INFORMATION MEMO**', 'SECRET']);
    expect(rows(doc).map((r) => r[0])).toEqual(['subject', 'p1']);
    // With an addressee it is a header line, decided as one.
    expect(parseMarkedDocument('MEMORANDUM FOR: Director, Office of X\n').portions[0]!.kind).toBe('header');
  });

  it('DoD\'s addressee line without a colon is a header line: the date line under it is the memo\'s date, not body text', () => {
    const text = 'SECRET\n\nDEPARTMENT OF DEFENSE\n\nMEMORANDUM FOR SECRETARY OF DEFENSE\n\nDATE: 12 May 2016\n\nFROM: Under Secretary\n\nSUBJECT: (U) Plans\n\n1. (S) Body.\n\nSECRET\n';
    const doc = parseMarkedDocument(text);
    expect(doc.originated).toBe('2016-05-12');
    // The department above the addressee line is the letterhead (probe 60a, F10), no title.
    expect(rows(doc).map((r) => r[0])).toEqual(['header', 'header-2', 'subject', 'p1']);
    expect(doc.boilerplate!.map((b) => text.slice(b.start, b.end))).toEqual(expect.arrayContaining(['DEPARTMENT OF DEFENSE', 'DATE: 12 May 2016']));
  });

  it("a DoD memo's date alone on its line above the addressee is the memo's date; elsewhere a date alone is text", () => {
    const text = 'SECRET\n\nDEPARTMENT OF DEFENSE\nWASHINGTON, DC 20301\n\n                                June 3, 2015\n\nMEMORANDUM FOR COMMANDER\n\nSUBJECT: (U) Plans\n\n1. (S) Body.\n\n28 June 2016\n\nSECRET\n';
    const doc = parseMarkedDocument(text);
    expect(doc.originated).toBe('2015-06-03');
    expect(doc.boilerplate!.map((b) => text.slice(b.start, b.end))).toContain('June 3, 2015');
    // Below the header, and inside a paragraph, a date is the text's: decided with it.
    expect(doc.portions.map((p) => text.slice(p.span.start, p.span.end)).slice(-2)).toEqual(['1. (S) Body.', '28 June 2016']);
    const inside = parseMarkedDocument('FROM: Reporting Board\n\n(U) Sign up for the seminar:\n28 June 2004\n0900-1100 hours\n');
    expect(inside.originated).toBe(null);
    expect(inside.portions.map((p) => p.markingSource)).toEqual(['unmarked', 'marked']);
    expect(parseMarkedDocument('(U) Ratings Due Between 31 December 2003 and 31\nJanuary 2004\n\nFROM: X\n').originated).toBe(null);
  });

  it('a list label in parentheses before a mark is the item\'s label, not its mark: (a) (C), (b) (U), References: (a) (U)', () => {
    const text = 'SECRET\n\nSUBJECT: (U) Test\n\n(a) (C) First item.\n\n(b) (U) Second item.\n\n    (c) (U) Third item, indented.\n\nReferences: (a) (U) DoD Directive 5105.21\n            (b) (S//NF) Posture Assessment\n\n(iv) (U) A roman numeral.\n\nSECRET\n';
    const doc = parseMarkedDocument(text);
    expect(doc.portions.map((p) => [p.markingSource, p.marking ? formatPortion(p.marking) : null, p.number])).toEqual([
      ['marked', '(U)', null],
      ['marked', '(C)', 'a'],
      ['marked', '(U)', 'b'],
      ['marked', '(U)', 'c'],
      ['marked', '(U)', null],
      ['marked', '(S//NF)', 'b'],
      ['marked', '(U)', 'iv'],
    ]);
    // A level in capitals is a mark itself (a double mark), and `(c)` with no mark after it is still read as one (fail closed).
    expect(parseMarkedDocument('(C) (FOUO) Text.\n').portions[0]!.marking!.level).toBe('C');
    expect(parseMarkedDocument('(R) (U) Text.\n').portions[0]!.markingSource).toBe('unknown');
    expect(parseMarkedDocument('(c) Text of the item.\n').portions[0]!.markingSource).toBe('marked');
  });

  it('classification words under a lead-in ending with a colon are text of its paragraph, not a banner', () => {
    const text = 'UNCLASSIFIED//FOR OFFICIAL USE ONLY\n\n(C) The overall classification of the briefings is:\nTOP SECRET//COMINT//REL TO USA, AUS, CAN, GBR and NZL//20291123\nBriefing #1 follows.\n\nClassification:\nSECRET\n\nUNCLASSIFIED//FOR OFFICIAL USE ONLY\n';
    const doc = parseMarkedDocument(text);
    const held = doc.portions.find((p) => text.slice(p.span.start, p.span.end).includes('TOP SECRET//COMINT'))!;
    expect(held.marking!.level).toBe('C');
    expect(doc.pageBanners!.map((b) => b.raw)).not.toContain('TOP SECRET//COMINT//REL TO USA, AUS, CAN, GBR and NZL//20291123');
    // A `Classification:` label alone still has its classification on the next line.
    expect(doc.pageBanners!.map((b) => b.raw)).toContain('SECRET');
  });

  describe('an acronym or office code the wrap put at the start of a line', () => {
    const L = (t: string) => t.padEnd(88, ' x').slice(0, 88).trimEnd();
    const doc = (second: string, first = L('(S//SI) While the bulk of the reporting will come from the Combined Forces Command')) =>
      `TOP SECRET//SI\n\n${L('(U) An opening paragraph of the article that runs the whole width of the page, as text')}\n${L('taken out of a PDF does, line after line, with nothing that ends a sentence until here.')}\n\n${first}\n${second}\n\nTOP SECRET//SI\n`;
    const kinds = (text: string) => parseMarkedDocument(text).portions.map((p) => p.markingSource);

    it.each([
      ['its letters are the initials of the words before it', '(CFC) Headquarters complex will be built next year.'],
      ['the text after it goes on in lower case', '(S2) in the near future, as the chief said.'],
      ['punctuation follows it', '(S22), and the lab will report to it.'],
    ])('is text of the paragraph when %s, with a warning', (_why, second) => {
      const text = doc(second);
      const parsed = parseMarkedDocument(text);
      expect(kinds(text)).toEqual(['marked', 'marked']);
      expect(parsed.portions[1]!.marking!.level).toBe('S');
      expect(text.slice(parsed.portions[1]!.span.start, parsed.portions[1]!.span.end)).toContain(second);
      expect(parsed.diagnostics.map((d) => d.code)).toContain('parenthetical-read-as-text');
    });

    it('is text also when the text out of a PDF joined later lines, making its width wider than the page (lower case after it)', () => {
      const joined = `${'(U) A paragraph whose lines the PDF reader joined into one long line of text, '.repeat(3).trimEnd()}.`;
      const text = `TOP SECRET//SI\n\n${joined}\n\n(U//FOUO) The Director also plans on visiting elements of Analysis & Production\n(S2) in the near future. They were very impressed by their visits.\n\nTOP SECRET//SI\n`;
      const parsed = parseMarkedDocument(text);
      expect(parsed.portions.map((p) => p.markingSource)).toEqual(['marked', 'marked']);
      expect(parsed.diagnostics.map((d) => d.code)).toContain('parenthetical-read-as-text');
    });

    it('is text after the words its letters are the initials of, lower case after it, however short the line above', () => {
      const text = 'TOP SECRET//SI\n\n(S//SI) Cryptologic Support Group (CSG)/Combat Support Team\n(CST) contingent of about 180 personnel overseas.\n\nTOP SECRET//SI\n';
      expect(parseMarkedDocument(text).portions.map((p) => p.markingSource)).toEqual(['marked']);
    });

    it('is text in a list of names going on (a comma or `and` ends the line above, lower case or punctuation after)', () => {
      const text = 'TOP SECRET//SI\n\n(U) The group is chaired by Len Reinsfelder (S1),\n(S2), Jim Cusick (S3),\n(S0), and\n(S12) who served as coordinators.\n\nTOP SECRET//SI\n';
      const parsed = parseMarkedDocument(text);
      expect(parsed.portions.map((p) => p.markingSource)).toEqual(['marked']);
      expect(parsed.diagnostics.filter((d) => d.code === 'parenthetical-read-as-text')).toHaveLength(3);
    });

    it.each([
      ['the line above is short (a title), so the wrap did not put it there', '(C0) zulu secret text of the item.', '(U) A Title Without a Period'],
      ['the line above ends a sentence', '(S2) in the near future, as the chief said.', `${L('(S//SI) While the bulk of the reporting will come from the Combined Forces Command')}.`],
      ['the text after it starts a sentence and its letters are no initials', '(CT) Product lines here will report it.', undefined],
      ['it has a slash', '(S//N F) zulu secret text of the item.', undefined],
    ])('stays a mark not understood (withheld) when %s', (_why, second, first) => {
      expect(kinds(doc(second, first))).toContain('unknown');
    });
  });

  it('a date line whose value is not only dates is content, not boilerplate', () => {
    const doc = parseMarkedDocument('DATE: 12 March 2012, when the source met the officer\n');
    expect(doc.portions).toHaveLength(1);
    expect(doc.boilerplate).toEqual([]);
  });
});

describe('parseMarkedDocument: never throws, keeps the invariants', () => {
  it.each([
    ['empty', ''],
    ['only a form feed', '\f'],
    ['only banners', 'SECRET\n\nSECRET\n'],
    ['unclosed mark', '(S//NF Text without closing.\n'],
    ['a lone mark line', '(U)\nText of the paragraph on the next line.\n'],
    ['CR line ends', '(U) One.\r\n(S) Two.\r\n'],
    ['very long line', `(U) ${'word '.repeat(20000)}`],
    ['a long line of marks', `(U) ${'x (S) y. (C) z (TS//SI) '.repeat(3000)}`],
    ['many parentheses that are not marks', `(U) ${'(a) (Iran) system(s) ( '.repeat(5000)}`],
  ])('%s', (_what, text) => {
    const doc = parseMarkedDocument(text);
    expect(invariantProblems(doc)).toEqual([]);
    expect(doc.format).toBe('document');
  });

  it('a lone mark line marks the text under it', () => {
    const doc = parseMarkedDocument('(S)\nText of the paragraph on the next line.\n');
    expect(rows(doc)).toEqual([['p1', 'paragraph', 'S', '(S) Text of the']]);
  });
});
