/**
 * The parts of a memo that are not portions: the letterhead (issuing office and address above the
 * memo header), a closing (`Sincerely,`), the words introducing attachments (`Attachment:`, `As
 * stated`). Read as unmarked paragraphs of a classified memo they were withheld under B1, a claim
 * on text that holds nothing to withhold. The signature block is a portion of its own, as a cable's
 * signer is, decided as unmarked text (issue 12). What only looks like them stays text (fail closed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/parse/read.js';
import { releaseDocument, withheldTexts } from '../../../src/release/index.js';
import { loadProfile } from '../../../src/rules/load.js';
import { findLeaks } from '../../helpers/leak.js';
import { extractPdfText } from '../../helpers/pdf-text.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

const MEMO = `SECRET//NOFORN

DEPARTMENT OF DEFENSE
OFFICE OF THE UNDER SECRETARY OF DEFENSE
WASHINGTON, DC 20301-1000

                                                        June 3, 2015

MEMORANDUM FOR COMMANDER, U.S. CENTRAL COMMAND

SUBJECT: (U) Force Posture Review

1. (U) This memorandum responds to your request for a posture review.

2. (S//NF) The review recommends moving two squadrons to the forward base by
the end of the fiscal year, subject to host nation approval.

                                        John Q. Public
                                        Deputy Under Secretary

Attachment:
As stated

Classified By: Jane R. Roe, Director, Force Planning
Reason: 1.4(a)
Declassify On: 20400603

SECRET//NOFORN
`;

const read = (text: string) => readDocument(text, { format: 'document' }).doc;
const kinds = (text: string) => read(text).portions.map((p) => `${p.kind}:${text.slice(p.span.start, p.span.end).split('\n')[0]!.trim()}`);

describe('memo furniture', () => {
  it('reads the letterhead, the form words and the signature block as what they are', () => {
    const doc = read(MEMO);
    expect(kinds(MEMO)).toEqual([
      'header:MEMORANDUM FOR COMMANDER, U.S. CENTRAL COMMAND',
      'subject:SUBJECT: (U) Force Posture Review',
      'item:1. (U) This memorandum responds to your request for a posture review.',
      'item:2. (S//NF) The review recommends moving two squadrons to the forward base by',
      'signature:John Q. Public',
    ]);
    const boilerplate = (doc.boilerplate ?? []).map((s) => MEMO.slice(s.start, s.end));
    expect(boilerplate).toEqual(expect.arrayContaining(['DEPARTMENT OF DEFENSE', 'WASHINGTON, DC 20301-1000', 'Attachment:', 'As stated']));
    expect(doc.diagnostics.find((d) => d.code === 'letterhead')).toMatchObject({ severity: 'info' });
    expect(doc.diagnostics.filter((d) => d.code === 'unmarked-portion')).toEqual([]);
    expect(doc.originated).toBe('2015-06-03');
  });

  it.each([
    ['a closing above a flush-left signature', MEMO.replace(/^ +(John Q\. Public|Deputy Under Secretary)$/gm, '$1').replace('John Q. Public\n', 'Sincerely,\n\nJohn Q. Public\n')],
    ['a name in capitals with a rank', MEMO.replace('John Q. Public', 'LTG JANE A. DOE, USA')],
  ])('takes %s', (_, text) => {
    expect(kinds(text).at(-1)).toMatch(/^signature:/);
  });

  it.each([
    ['a flush-left name with no closing above it', MEMO.replace(/^ +(John Q\. Public|Deputy Under Secretary)$/gm, '$1')],
    ['a sentence', MEMO.replace('John Q. Public', 'The squadrons move in May.')],
    ['a block with a marked portion after it', MEMO.replace('Attachment:\nAs stated', '3. (S) The base is ready.')],
    ['a block of six lines', MEMO.replace('Deputy Under Secretary', 'Deputy Under Secretary\n'.repeat(5).trimEnd().replace(/\n/g, '\n                                        '))],
  ])('leaves %s an unmarked paragraph (fail closed)', (_, text) => {
    const last = read(text).portions.filter((p) => p.markingSource === 'unmarked').at(-1)!;
    expect(last.kind).toBe('paragraph');
  });

  it.each([
    ['a title in capitals with no address line that names no office', MEMO.replace('DEPARTMENT OF DEFENSE\nOFFICE OF THE UNDER SECRETARY OF DEFENSE\nWASHINGTON, DC 20301-1000', 'OPERATION BLUE HERON SUMMARY')],
    ['an office in title case with no address line', MEMO.replace('DEPARTMENT OF DEFENSE\nOFFICE OF THE UNDER SECRETARY OF DEFENSE\nWASHINGTON, DC 20301-1000', 'Department of the Navy\nOffice of Naval Planning')],
    ['four office lines with no address line', MEMO.replace('WASHINGTON, DC 20301-1000', 'OFFICE OF NAVAL PLANNING\nNAVAL INTELLIGENCE COMMAND')],
    ['office lines with no address above a subject line', MEMO.replace('WASHINGTON, DC 20301-1000\n', '').replace(/ +June 3, 2015\n\nMEMORANDUM FOR COMMANDER, U.S. CENTRAL COMMAND\n\n/, '')],
    ['office lines with no address above a marked portion', MEMO.replace('WASHINGTON, DC 20301-1000\n', '').replace(/ +June 3, 2015\n\nMEMORANDUM FOR COMMANDER, U.S. CENTRAL COMMAND\n\nSUBJECT: \(U\) Force Posture Review\n\n/, '')],
    ['a block with a line of prose in it', MEMO.replace('OFFICE OF THE UNDER SECRETARY OF DEFENSE', 'the squadrons move in May')],
    ['a block with a mark in it', MEMO.replace('DEPARTMENT OF DEFENSE', '(S) DEPARTMENT OF DEFENSE')],
    // Probe 60d, F3: capitals naming an office that is no known issuer, with no address line.
    ['an office pattern that names no known issuer (c2)', MEMO.replace('DEPARTMENT OF DEFENSE\nOFFICE OF THE UNDER SECRETARY OF DEFENSE\nWASHINGTON, DC 20301-1000', 'ZQHUMINT TASK FORCE HEADQUARTERS\nDIRECTORATE OF ZQCOVERT ACTION\nOFFICE OF ZQPROJECT BLUEFIRE')],
    ['a department of no known name (c3)', MEMO.replace('DEPARTMENT OF DEFENSE\nOFFICE OF THE UNDER SECRETARY OF DEFENSE\nWASHINGTON, DC 20301-1000', 'DEPARTMENT OF ZQSOURCE KARIM IN TEHRAN\nOFFICE OF THE ZQASSET NETWORK, BAGHDAD')],
    ['a known name with more words after it', MEMO.replace('DEPARTMENT OF DEFENSE\nOFFICE OF THE UNDER SECRETARY OF DEFENSE\nWASHINGTON, DC 20301-1000', 'DEPARTMENT OF DEFENSE ZQSOURCE CELL')],
    ['a block not above the memo header', MEMO.replace('                                                        June 3, 2015\n\n', 'THE SQUADRONS MOVE IN MAY\n\n')],
  ])('does not take %s for a letterhead', (_, text) => {
    const doc = read(text);
    expect(doc.diagnostics.some((d) => d.code === 'letterhead')).toBe(false);
    expect(doc.portions[0]!.kind).not.toBe('header');
  });
});

describe('letterheads as offices write them', () => {
  const LETTERHEAD = 'DEPARTMENT OF DEFENSE\nOFFICE OF THE UNDER SECRETARY OF DEFENSE\nWASHINGTON, DC 20301-1000';
  it.each([
    'THE WHITE HOUSE\nWASHINGTON',
    'NATIONAL SECURITY AGENCY\nCENTRAL SECURITY SERVICE\nFORT GEORGE G. MEADE, MARYLAND 20755-6000',
    'THE DIRECTOR OF CENTRAL INTELLIGENCE\nWASHINGTON, D.C. 20505',
    'DEPARTMENT OF THE ARMY\nHEADQUARTERS, UNITED STATES ARMY EUROPE\nUNIT 29351\nAPO AE 09014-9351',
    'Office of the Director of National Intelligence\nWashington, DC 20511',
    'OFFICE OF THE UNDER SECRETARY OF DEFENSE\nACQUISITION, TECHNOLOGY AND LOGISTICS\n3000 DEFENSE PENTAGON\nWASHINGTON, DC 20301-3000',
    'DEFENSE ADVANCED RESEARCH PROJECTS AGENCY\n675 NORTH RANDOLPH STREET\nARLINGTON, VA 22203',
    'EMBASSY OF THE UNITED STATES OF AMERICA\nUNITED STATES ARMED FORCES LIAISON OFFICE\nAPO AE 09014',
    // Probe 60a, F10: an issuer named in capitals, no address, right above the date or MEMORANDUM line.
    'DEPARTMENT OF DEFENSE\nOFFICE OF THE UNDER SECRETARY OF DEFENSE',
    'DEPARTMENT OF THE NAVY\nOFFICE OF NAVAL PLANNING',
    'NATIONAL SECURITY AGENCY',
    'UNITED STATES CENTRAL COMMAND',
    'DEPARTMENT OF THE ARMY\nHEADQUARTERS, UNITED STATES ARMY EUROPE',
  ])('%j is a letterhead', (letterhead) => {
    expect(read(MEMO.replace(LETTERHEAD, letterhead)).diagnostics.some((d) => d.code === 'letterhead')).toBe(true);
  });

  it.each(['ZULU AGENT MEETS HANDLER IN KABUL', 'SOURCE ZULU IN KABUL', 'THE SOURCE IN THE STATE SECURITY SERVICE MET ZULU', 'ASSET BLUEHERON RECRUITED IN IRAN DEFENSE MINISTRY', 'ASSET BLUEHERON BEGAN WORK IN IRAN DEFENSE MINISTRY', 'ASSET PAID BY THE DEFENSE MINISTRY'])(
    'a line that names no issuer, or holds a verb, between the office and the address (%j): no letterhead, an unmarked paragraph of the SECRET memo',
    (line) => {
      const text = MEMO.replace('OFFICE OF THE UNDER SECRETARY OF DEFENSE', `OFFICE OF THE UNDER SECRETARY OF DEFENSE\n${line}`);
      const doc = read(text);
      expect(doc.diagnostics.some((d) => d.code === 'letterhead')).toBe(false);
      const at = text.indexOf(line);
      expect(doc.portions.find((p) => p.span.start <= at && at < p.span.end)?.markingSource).toBe('unmarked');
    },
  );

  it('an address line with a verb is no letterhead (probe 13a, F7)', () => {
    const text = MEMO.replace('WASHINGTON, DC 20301-1000', 'ASSET TO BE EXFILTRATED FROM TEHRAN, IRAN 12345');
    expect(read(text).diagnostics.some((d) => d.code === 'letterhead')).toBe(false);
  });
});

describe("State's memo", () => {
  it('takes a letterhead in title case, and INFORMATION MEMO TO … as the addressee line', () => {
    const text = [
      'SECRET',
      '',
      'United States Department of State',
      'Washington, D.C. 20520',
      '',
      'INFORMATION MEMO TO THE SECRETARY',
      '',
      'SUBJECT: (U) Visa Processing',
      '',
      '(S) The backlog reached 12,000 applications.',
      '',
      'SECRET',
      '',
    ].join('\n');
    const doc = read(text);
    expect(doc.diagnostics.some((d) => d.code === 'letterhead')).toBe(true);
    expect(kinds(text)).toEqual(['header:INFORMATION MEMO TO THE SECRETARY', 'subject:SUBJECT: (U) Visa Processing', 'paragraph:(S) The backlog reached 12,000 applications.']);
  });
});

describe("a transmittal's marking instruction", () => {
  it.each(['Unclassified When Classified Enclosure Removed', 'Upon Removal of Attachments, This Document is UNCLASSIFIED', 'UNCLASSIFIED WHEN SEPARATED FROM ATTACHMENT', 'Unclassified upon removal of enclosures', 'SECRET//NOFORN when attachment 2 is removed', 'Unclassified when separated from the classified attachments 1 and 2.'])(
    '%s is a form line, kept as written',
    (line) => {
      const text = MEMO.replace('Attachment:\nAs stated', `Attachment:\nAs stated\n\n${line}`);
      const doc = read(text);
      expect((doc.boilerplate ?? []).map((b) => text.slice(b.start, b.end))).toContain(line);
      expect(doc.portions.some((p) => text.slice(p.span.start, p.span.end).includes(line))).toBe(false);
    },
  );

  it.each(['SECRET when separated from', 'UNCLASSIFIED when the talks end', 'Secret when he arrives'])('%s stays text (fail closed)', (line) => {
    const text = MEMO.replace('Attachment:\nAs stated', `Attachment:\nAs stated\n\n${line}`);
    expect(read(text).portions.some((p) => text.slice(p.span.start, p.span.end) === line)).toBe(true);
  });
});

describe('an assessment', () => {
  const ASSESSMENT = [
    'TOP SECRET//SI//NOFORN',
    '',
    'NATIONAL SECURITY AGENCY',
    'FORT GEORGE G. MEADE, MARYLAND 20755-6000',
    '',
    '(U) Intelligence Assessment: Regional Actors',
    '',
    '1. (TS//SI//NF) Actor A obtained credentials.',
    '',
    'Table 1. (U) Actors and targets',
    '',
    'Figure 2 (S//NF) The intrusion path',
    '',
    'Declassify On: 20370101',
    '',
    'TOP SECRET//SI//NOFORN',
    '',
  ].join('\n');

  it('takes the letterhead above a marked first portion, and a caption number before a mark as its label', () => {
    const doc = read(ASSESSMENT);
    expect(doc.diagnostics.some((d) => d.code === 'letterhead')).toBe(true);
    expect(doc.portions.map((p) => `${p.markingSource}:${p.marking?.level ?? '-'}:${ASSESSMENT.slice(p.span.start, p.span.end)}`)).toEqual([
      'marked:U:(U) Intelligence Assessment: Regional Actors',
      'marked:TS:1. (TS//SI//NF) Actor A obtained credentials.',
      'marked:U:Table 1. (U) Actors and targets',
      'marked:S:Figure 2 (S//NF) The intrusion path',
    ]);
  });

  it('leaves the block above unmarked text as text (fail closed)', () => {
    const doc = read(ASSESSMENT.replace('(U) Intelligence', 'Intelligence'));
    expect(doc.diagnostics.some((d) => d.code === 'letterhead')).toBe(false);
  });
});

describe('an e-mail printout', () => {
  const EMAIL = [
    'Classification: SECRET//NOFORN',
    '',
    'From: Smith, John A',
    'Sent: Tuesday, March 3, 2015 10:12 AM',
    'To: Doe, Jane',
    'Subject: RE: FW: (U) Visit schedule',
    '',
    '(S//NF) The minister will arrive on Tuesday.',
    '',
    '(U) Please send the revised schedule by noon.',
    '',
    'Thanks,',
    'John',
    '',
    'Classification: SECRET//NOFORN',
    '',
  ].join('\n');

  it('keeps the reply and forward prefixes with the subject and its mark, and reads the sign-off under a closing', () => {
    expect(kinds(EMAIL)).toEqual(['header:From: Smith, John A', 'header:To: Doe, Jane', 'subject:Subject: RE: FW: (U) Visit schedule', 'paragraph:(S//NF) The minister will arrive on Tuesday.', 'paragraph:(U) Please send the revised schedule by noon.', 'signature:John']);
    expect(read(EMAIL).portions.find((p) => p.kind === 'subject')!.marking?.level).toBe('U');
  });

  it('leaves a first name alone with no closing above it an unmarked paragraph', () => {
    expect(kinds(EMAIL.replace('Thanks,\n', '')).at(-1)).toBe('paragraph:John');
  });
});

describe('decisions on memo furniture', () => {
  const release = (id: string, asOf: string, formats: ('text' | 'pdf')[] = ['text']) =>
    releaseDocument({ doc: read(MEMO), profile: profile(id), asOf, stem: 'MEMO', input: { path: 'MEMO.txt', sha256: '0'.repeat(64) }, formats });

  it.each([
    ['public', '2026-12-05', 'withhold B1, 1.4(A) [public/unmarked-in-classified]'],
    ['public', '2041-01-01', 'release  [public/unmarked-in-declassified]'],
    ['foia-intel', '2026-12-05', 'withhold B1, 1.4(A) [foia-intel/unmarked-in-classified]'],
  ])('%s as of %s: the unmarked signature block is decided as unmarked text (issue 12)', async (id, asOf, expected) => {
    const d = (await release(id, asOf)).plan.decisions.find((x) => x.portionId === 'signature')!;
    expect(`${d.action} ${d.authority.join(', ')} [${d.ruleId}]`).toBe(expected);
  });

  it('public: the letterhead and form words are released as boilerplate, no B1 claimed on them; nothing withheld leaks', async () => {
    const result = await release('public', '2026-12-05', ['text', 'pdf']);
    for (const line of ['DEPARTMENT OF DEFENSE', 'WASHINGTON, DC 20301-1000', 'Attachment:', 'As stated']) expect(result.releaseText).toContain(line);
    expect(result.releaseText).not.toContain('squadrons');
    expect(result.releaseText).not.toContain('Deputy Under Secretary\n');
    const b1 = result.plan.decisions.filter((d) => d.authority.includes('B1')).map((d) => d.portionId);
    expect(b1).toEqual(['header', 'p2', 'signature']);
    const withheld = withheldTexts(result.plan);
    expect(findLeaks(withheld, result.releaseText)).toEqual([]);
    const pdf = await extractPdfText(result.files.find((f) => f.kind === 'pdf')!.bytes);
    expect(pdf.pages.join('\n')).toContain('DEPARTMENT OF DEFENSE');
    expect(findLeaks(withheld, pdf.pages.join('\n'))).toEqual([]);
  });
});

describe("a DoD info memo's head", () => {
  const INFO = MEMO.replace('MEMORANDUM FOR COMMANDER, U.S. CENTRAL COMMAND', '                         INFO MEMO\n\nFOR: COMMANDER, U.S. CENTRAL COMMAND\n\nFROM: John Q. Public, Deputy Under Secretary');

  it('reads INFO MEMO as form words and FOR: as a header line (they were a title and a paragraph, unmarked)', () => {
    expect(kinds(INFO).slice(0, 3)).toEqual([
      'header:FOR: COMMANDER, U.S. CENTRAL COMMAND',
      'header:FROM: John Q. Public, Deputy Under Secretary',
      'subject:SUBJECT: (U) Force Posture Review',
    ]);
    expect((read(INFO).boilerplate ?? []).map((s) => INFO.slice(s.start, s.end))).toContain('INFO MEMO');
  });

  it('a FOR: inside a paragraph of prose stays with it when it does not open a line', () => {
    const text = MEMO.replace('responds to your request', 'responds, for: your request');
    expect(kinds(text)).toContain('item:1. (U) This memorandum responds, for: your request for a posture review.');
  });
});

describe("an intelligence report's field labels", () => {
  const IIR = [
    'SECRET//NOFORN',
    '',
    'SUBJ: (S//NF) Militia Logistics in Basrah',
    'SUMMARY: (S//NF) A militia cell moved weapons through the port during March.',
    '',
    'TEXT: 1. (S//NF) The cell used two trucks owned by a shipping company.',
    '',
    '2. (U) The port reopened on 14 March.',
    '',
    'Classified By: 1234567',
    'Derived From: DIA SCG 2008',
    'Declassify On: 20330312',
    '',
    'SECRET//NOFORN',
    '',
  ].join('\n');

  it('reads a paragraph number between a field label and the mark (TEXT: 1. (S//NF)): the label was an unmarked portion', () => {
    const doc = read(IIR);
    const marks = doc.portions.map((p) => `${p.markingSource}:${p.marking?.level ?? '-'}:${IIR.slice(p.span.start, p.span.end).split('\n')[0]}`);
    expect(marks).toContain('marked:S:TEXT: 1. (S//NF) The cell used two trucks owned by a shipping company.');
    expect(doc.portions.filter((p) => p.markingSource !== 'marked')).toEqual([]);
  });
});

describe("an FBI electronic communication's fields", () => {
  const EC = [
    'SECRET//NOFORN',
    '',
    'Case ID #: (S) 315N-MP-12345 (Pending)',
    '',
    'Title: (U) OPERATION EXAMPLE;',
    '       IT - OTHER;',
    '       00:MP',
    '',
    'Synopsis: (S//NF) Provide an update on the source reporting about the',
    'facilitator.',
    '',
    'Enclosure(s): (U) Copy of travel records.',
    '',
    'Details: (S//NF) The source advised that the subject met the facilitator.',
    '',
    '  - (U) Minneapolis will continue to investigate the',
    '    Case as opened.',
    '',
    'Derived From: FBI NSISCG-20080301',
    'Declassify On: 20360314',
    '',
    'SECRET//NOFORN',
    '',
  ].join('\n');

  it('reads a label with a number sign or a plural in parentheses before the mark, and the lines hanging under a field or bullet as its own', async () => {
    const doc = read(EC);
    const marks = doc.portions.map((p) => `${p.markingSource}:${p.marking?.level ?? '-'}:${EC.slice(p.span.start, p.span.end).replace(/\s+/g, ' ')}`);
    expect(marks).toEqual([
      'marked:S:Case ID #: (S) 315N-MP-12345 (Pending)',
      'marked:U:Title: (U) OPERATION EXAMPLE; IT - OTHER; 00:MP',
      'marked:S:Synopsis: (S//NF) Provide an update on the source reporting about the facilitator.',
      'marked:U:Enclosure(s): (U) Copy of travel records.',
      'marked:S:Details: (S//NF) The source advised that the subject met the facilitator.',
      'marked:U:- (U) Minneapolis will continue to investigate the Case as opened.',
    ]);
    const result = await releaseDocument({ doc, profile: profile('public'), asOf: '2026-12-05', stem: 'EC', input: { path: 'EC.txt', sha256: '0'.repeat(64) }, formats: ['text', 'pdf'] });
    expect(result.releaseText).toContain('IT - OTHER;');
    expect(result.releaseText).not.toContain('315N');
    const withheld = withheldTexts(result.plan);
    expect(findLeaks(withheld, result.releaseText)).toEqual([]);
    const pdf = await extractPdfText(result.files.find((f) => f.kind === 'pdf')!.bytes);
    expect(findLeaks(withheld, pdf.pages.join('\n'))).toEqual([]);
  });

  it('leaves a line at another indent, or under a mark that starts its line, a paragraph of its own (fail closed)', () => {
    const other = read(EC.replace('       IT - OTHER;', '    IT - OTHER;'));
    expect(other.portions.some((p) => p.markingSource === 'unmarked')).toBe(true);
    const text = '(U) OPERATION EXAMPLE;\nIT - OTHER;\n';
    expect(read(`SECRET\n\n${text}\nSECRET\n`).portions.map((p) => p.markingSource)).toEqual(['marked', 'unmarked']);
  });
});

describe('a letterhead with no address (probe 60a, F10)', () => {
  const TEXT = `CONFIDENTIAL

DEPARTMENT OF THE NAVY
OFFICE OF NAVAL PLANNING

14 March 2011

MEMORANDUM FOR THE RECORD

SUBJECT: (U) Port Visit Planning

1. (U) The squadron will visit the port in April.

2. (C) The ship's arrival will be coordinated with ZQTWOCONF host nation navy.

Classified By: CAPT R. Smith, N5
Reason: 1.4(a)
Declassify On: 20351231

CONFIDENTIAL
`;

  const releaseOf = (text: string) => releaseDocument({ doc: read(text), profile: profile('public'), asOf: '2026-12-05', stem: 'MEMO', input: { path: 'MEMO.txt', sha256: '0'.repeat(64) }, formats: ['text', 'pdf'] });
  const texts = async (text: string) => {
    const result = await releaseOf(text);
    const pdf = (await extractPdfText(result.files.find((f) => f.kind === 'pdf')!.bytes)).pages.join('\n');
    return { result, both: [result.releaseText, pdf] };
  };

  it('public: the known issuer is released as the letterhead, not withheld under B1; the office under it, no known issuer, stays unmarked text (probe 60d F3); nothing withheld leaks (text, PDF)', async () => {
    expect(read(TEXT).diagnostics.some((d) => d.code === 'letterhead')).toBe(true);
    const { result, both } = await texts(TEXT);
    expect(result.plan.decisions.map((d) => `${d.portionId}:${d.action}`)).toEqual(['p1:withhold', 'subject:release', 'p2:release', 'p3:withhold']);
    const withheld = withheldTexts(result.plan);
    for (const s of both) {
      expect(s).toContain('DEPARTMENT OF THE NAVY');
      expect(s).not.toContain('OFFICE OF NAVAL PLANNING');
      expect(s).not.toContain('ZQ');
      expect(findLeaks(withheld, s)).toEqual([]);
    }
  });

  // Probe 60d, F3: capitals naming offices, in a SECRET//NOFORN memo, with no address line, went out as letterhead.
  it.each([
    ['c2', 'ZQHUMINT TASK FORCE HEADQUARTERS\nDIRECTORATE OF ZQCOVERT ACTION\nOFFICE OF ZQPROJECT BLUEFIRE'],
    ['c3', 'DEPARTMENT OF ZQSOURCE KARIM IN TEHRAN\nOFFICE OF THE ZQASSET NETWORK, BAGHDAD'],
    ['a known issuer over them', 'DEPARTMENT OF THE NAVY\nDIRECTORATE OF ZQCOVERT ACTION\nOFFICE OF ZQPROJECT BLUEFIRE'],
  ])('public, %s: office lines that are no known issuer are withheld as unmarked text of the SECRET memo (text, PDF)', async (_, head) => {
    const text = TEXT.replace(/CONFIDENTIAL/g, 'SECRET//NOFORN').replace('DEPARTMENT OF THE NAVY\nOFFICE OF NAVAL PLANNING', head);
    const { result, both } = await texts(text);
    const withheld = withheldTexts(result.plan);
    for (const s of both) {
      expect(s).not.toMatch(/ZQ/);
      expect(findLeaks(withheld, s)).toEqual([]);
    }
    expect(result.plan.decisions.find((d) => d.portionId === 'p1')).toMatchObject({ action: 'withhold' });
  });
});
