/**
 * E-mail printouts that quote earlier messages, each under its own classification lines. The quoted
 * message marked UNCLASSIFIED by its own lines holds unclassified text: it was withheld under B1 as
 * unmarked text of the SECRET printout, a claim no reviewer could defend. Now its unmarked text is
 * released by `unmarked-in-unclassified-message` in every profile, and nowhere else: a quoted message
 * with no classification line of its own, one marked higher, with a control, with lines that
 * disagree, or with a portion marked above U is decided as the printout's text (fail closed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/parse/read.js';
import { releaseDocument, withheldTexts } from '../../../src/release/index.js';
import { loadProfile } from '../../../src/rules/load.js';
import { findLeaks } from '../../helpers/leak.js';
import { extractPdfText } from '../../helpers/pdf-text.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

const NEWEST = `Classification: SECRET//NOFORN

From: Smith, John A (Embassy Kabul)
Sent: Tuesday, March 3, 2015 10:12 AM
To: Doe, Jane
Subject: RE: (U) Visit schedule

(S//NF) The minister zulu confirmed the meeting with the tribal delegation for Thursday.

(U) Please send the final list of participants by Wednesday.

Classification: SECRET//NOFORN
Classified By: John A. Smith, Political Officer
Reason: 1.4(b), (d)
Declassify On: 03/03/2040
`;

const quoted = (banner: string, body = 'John, can you confirm the date of the meeting with the minister?') => `
-----Original Message-----
From: Doe, Jane
Sent: Monday, March 2, 2015 4:15 PM
To: J. Smith
Subject: Visit schedule

${banner}

${body}

Jane

${banner}
`;

const CHAIN = NEWEST + quoted('Classification: UNCLASSIFIED');

const read = (text: string) => readDocument(text, { format: 'document' }).doc;

async function decide(id: string, text = CHAIN, formats: ('text' | 'pdf')[] = ['text']) {
  const result = await releaseDocument({ doc: read(text), profile: profile(id), asOf: '2026-12-05', stem: 'CHAIN', input: { path: 'CHAIN.txt', sha256: '0'.repeat(64) }, formats });
  const rule = (needle: string) => {
    const p = result.plan.decisions.find((d) => text.slice(d.span.start, d.span.end).includes(needle));
    return p ? `${p.action} ${p.ruleId}` : 'none';
  };
  return { result, rule };
}

describe('an e-mail printout quoting an UNCLASSIFIED message', () => {
  it("reads the separator as a form line, the newest message's date as the document's, and the quoted text as in an unclassified message", () => {
    const doc = read(CHAIN);
    expect(doc.originated).toBe('2015-03-03');
    expect((doc.boilerplate ?? []).map((s) => CHAIN.slice(s.start, s.end))).toContain('-----Original Message-----');
    const quotedText = doc.portions.filter((p) => p.inUnclassifiedMessage).map((p) => CHAIN.slice(p.span.start, p.span.end));
    expect(quotedText).toEqual(['From: Doe, Jane', 'To: J. Smith', 'Subject: Visit schedule', 'John, can you confirm the date of the meeting with the minister?', 'Jane']);
    // No reader error for text that needs no mark; the newest message's unmarked lines keep theirs.
    const errors = doc.diagnostics.filter((d) => d.severity !== 'info' && d.span && d.span.start > CHAIN.indexOf('-----Original'));
    expect(errors).toEqual([]);
  });

  // The SECRET//NOFORN paragraph: withheld but from a U.S. reader cleared to SECRET.
  it.each(['public', 'public-pii', 'foia-intel', 'nato', 'fvey', 'us-secret'])('%s: the quoted message is released as unclassified, the newest message as the profile decides it; nothing withheld leaks', async (id) => {
    const { result, rule } = await decide(id, CHAIN, ['text', 'pdf']);
    expect(rule('John, can you confirm')).toBe(`release ${id}/unmarked-in-unclassified-message`);
    expect(rule('The minister zulu')).toMatch(id === 'us-secret' ? /^release / : /^withhold /);
    expect(rule('From: Smith, John')).toMatch(/^withhold /);
    expect(result.releaseText).toContain('John, can you confirm the date');
    const withheld = withheldTexts(result.plan);
    expect(findLeaks(withheld, result.releaseText)).toEqual([]);
    const pdf = (await extractPdfText(result.files.find((f) => f.kind === 'pdf')!.bytes)).pages.join('\n');
    expect(pdf).toContain('John, can you confirm the date');
    expect(findLeaks(withheld, pdf)).toEqual([]);
    if (id !== 'us-secret') expect(`${result.releaseText}\n${pdf}`).not.toContain('zulu');
  });

  it.each([
    ['no classification line of its own', NEWEST + quoted('')],
    ['marked SECRET by its own lines', NEWEST + quoted('Classification: SECRET')],
    ['marked UNCLASSIFIED//FOUO (a handling caveat)', NEWEST + quoted('Classification: UNCLASSIFIED//FOUO')],
    ['with lines that disagree', (NEWEST + quoted('Classification: UNCLASSIFIED')).replace(/Classification: UNCLASSIFIED\n$/, 'Classification: SECRET\n')],
    ['with a portion marked above U', NEWEST + quoted('Classification: UNCLASSIFIED', 'John, can you confirm the date of the meeting with the minister?\n\n(S) The route yankee is set.')],
    ['with no separator above it', CHAIN.replace('-----Original Message-----\n', '')],
    ['with a classification line above it only', CHAIN.replace(/Classification: UNCLASSIFIED\n$/, '')],
  ])('a quoted message %s is decided as the printout\'s text: withheld', async (_, text) => {
    expect(read(text).portions.some((p) => p.inUnclassifiedMessage)).toBe(false);
    const { result, rule } = await decide('public', text);
    expect(rule('John, can you confirm')).toMatch(/^withhold /);
    expect(result.releaseText).not.toMatch(/John, can you confirm|yankee|zulu/);
  });

  it('a SECRET printout with nothing above U but (U) portions and a quoted UNCLASSIFIED message is held for review (compilation)', async () => {
    const text = CHAIN.replace('(S//NF) The minister zulu confirmed', '(U) The minister zulu confirmed').replace('From: Smith, John A (Embassy Kabul)\n', '').replace('\nThanks,\nJohn\n', '\n');
    const { result } = await decide('public', text);
    expect(result.plan.decisions.filter((d) => d.action === 'release').map((d) => d.ruleId)).toEqual([]);
    expect(result.plan.decisions.some((d) => d.authority.some((a) => a.includes('PENDING')))).toBe(true);
    expect(result.releaseText).not.toContain('John, can you confirm');
  });

  it('a reply written under the quoted message is the printout\'s text: withheld', async () => {
    const text = `${CHAIN}\nSure, Thursday at ten with the source yankee.\n`;
    expect(read(text).portions.filter((p) => p.inUnclassifiedMessage).length).toBe(5);
    const { result, rule } = await decide('public', text);
    expect(rule('Sure, Thursday')).toMatch(/^withhold /);
    expect(result.releaseText).not.toContain('yankee');
    expect(result.releaseText).toContain('John, can you confirm the date');
  });

  it.each([
    ['the printout\'s banner repeated at its foot', `${CHAIN}\nClassification: SECRET//NOFORN\n`],
    ['its authority block and banner at its foot', `${CHAIN.replace(/Classification: SECRET\/\/NOFORN\nClassified By[^]*?2040\n/, '')}\nClassified By: John A. Smith, Political Officer\nReason: 1.4(b), (d)\nDeclassify On: 03/03/2040\n\nClassification: SECRET//NOFORN\n`],
  ])('under %s, the quoted UNCLASSIFIED message is still released, text after its last line withheld (probe 56d)', async (_, base) => {
    // The printout's bottom banner was taken for one of the message's own lines: they disagreed,
    // and the message's text was withheld under B1 as the printout's unmarked text.
    const text = base.replace(/(Classification: UNCLASSIFIED\n)(\n(?:Classified By|Classification: SECRET))/, '$1\nThe source yankee is the deputy.\n$2');
    expect(text).toContain('yankee');
    const { result, rule } = await decide('public', text);
    expect(rule('John, can you confirm')).toBe('release public/unmarked-in-unclassified-message');
    expect(rule('The source yankee')).toMatch(/^withhold /);
    expect(result.releaseText).not.toMatch(/yankee|zulu/);
    expect(findLeaks(withheldTexts(result.plan), result.releaseText)).toEqual([]);
  });

  it.each([
    ['---------- Forwarded message ---------', true],
    ['Begin forwarded message:', true],
    ['On Mon, Mar 2, 2015 at 4:15 PM, Jane Doe <jane.doe@state.gov> wrote:', false],
    ['----- Forwarded by Jane Doe/EUR/State on 03/02/2015 04:15 PM -----', false],
  ])('%j starts a quoted message too (kept as written: %s)', async (separator, kept) => {
    const text = CHAIN.replace('-----Original Message-----', separator);
    const doc = read(text);
    expect(doc.portions.filter((p) => p.inUnclassifiedMessage).length).toBe(5);
    // A separator with words of its own is text of the printout: withheld in the SECRET one.
    expect((doc.boilerplate ?? []).map((s) => text.slice(s.start, s.end)).includes(separator)).toBe(kept);
    const { result } = await decide('public', text);
    expect(result.releaseText.includes(separator)).toBe(kept);
  });
});

describe("DoD's e-mail marking: Caveats under Classification", () => {
  const FOUO_MAIL = `Classification: UNCLASSIFIED
Caveats: FOUO

From: Smith, John A CIV USARMY (US)
Sent: Tuesday, March 14, 2017 9:12 AM
To: Doe, Jane B MAJ USARMY (US)
Subject: Range schedule

The range is closed on Thursday for maintenance; badge numbers 4471 and 4472 stay valid.

Classification: UNCLASSIFIED
Caveats: FOUO
`;

  it('public: the e-mail is FOUO, its unmarked text held for FOIA review (it was released as unclassified text); us-secret releases it', async () => {
    const pub = await decide('public', FOUO_MAIL);
    expect(pub.rule('The range is closed')).toBe('withhold public/unmarked-in-sensitive');
    expect(pub.result.releaseText).not.toContain('4471');
    expect(findLeaks(withheldTexts(pub.result.plan), pub.result.releaseText)).toEqual([]);
    const cleared = await decide('us-secret', FOUO_MAIL);
    expect(cleared.rule('The range is closed')).toMatch(/^release /);
  });
});

describe('a classification line inside the text ends the portion above it', () => {
  // An e-mail's `Classification: SECRET//NOFORN` under its `Subject: (U) …` was read as page
  // furniture: the message's unmarked body went on with the subject and was released as its (U),
  // in the text, the PDF and the index's Subject column (found by a probe).
  it.each([
    ['right under the subject', 'SECRET//NOFORN\nSubject: (U) Flotilla update\nClassification: SECRET//NOFORN\nMary, the ZULUBODY boats left on Saturday.\n(S//NF) The route is through the northern approaches.\nClassified By: John A. Smith, J2\nDerived From: Multiple Sources\nDeclassify On: 20440311\nSECRET//NOFORN\n'],
    ['with blank lines around it', 'SECRET//NOFORN\n\nSubject: (U) Flotilla update\n\nClassification: SECRET//NOFORN\n\nMary, the ZULUBODY boats left on Saturday.\n\n(S//NF) The route is through the northern approaches.\n\nClassified By: John A. Smith, J2\nDerived From: Multiple Sources\nDeclassify On: 20440311\n\nSECRET//NOFORN\n'],
  ])('%s: the unmarked body is withheld, the subject released', async (_what, text) => {
    const doc = readDocument(text, { format: 'document' }).doc;
    const at = text.indexOf('ZULUBODY');
    expect(doc.portions.find((p) => p.span.start <= at && at < p.span.end)?.markingSource).toBe('unmarked');
    const result = await releaseDocument({ doc, profile: profile('public'), asOf: '2026-12-01', stem: 'M', input: { path: 'M.txt', sha256: '0'.repeat(64) }, formats: ['text'] });
    expect(result.releaseText).not.toContain('ZULUBODY');
    expect(result.releaseText).toContain('Flotilla update');
  });
});

describe("a forwarded message's header date line (probe 60a, F10)", () => {
  const THREAD = `Classification: UNCLASSIFIED//FOR OFFICIAL USE ONLY

From: Desk Officer <desk.officer@state.example.gov>
To: Team <team@state.example.gov>
Subject: FW: (U) travel plans

(U) Team, see below for awareness.

-----Original Message-----
From: Post Officer <post@state.example.gov>
Sent: Monday, May 2, 2022 9:00 AM
Subject: (C) travel plans ZQFWSUBJ
Classification: CONFIDENTIAL

(C) The ambassador's route ZQFWROUTE will pass the old market.

Classified By: Post Officer
Reason: 1.4(d)
Declassify On: 20320502

Classification: CONFIDENTIAL

Classification: UNCLASSIFIED//FOR OFFICIAL USE ONLY
`;

  it('the Sent: line, kept as written, is in the record: a date-line note on its span; nothing withheld leaks (text, PDF)', async () => {
    const doc = readDocument(THREAD, { format: 'document' }).doc;
    const sent = THREAD.indexOf('Sent: Monday');
    const note = doc.diagnostics.find((d) => d.code === 'date-line' && d.span!.start === sent);
    expect(note).toMatchObject({ severity: 'info' });
    expect(note!.message).toMatch(/2022-05-02/);
    expect(doc.portions.some((p) => p.span.start <= sent && sent < p.span.end)).toBe(false);
    const result = await releaseDocument({ doc, profile: profile('public'), asOf: '2026-12-01', stem: 'T', input: { path: 'T.txt', sha256: '0'.repeat(64) }, formats: ['text', 'pdf'] });
    const pdf = (await extractPdfText(result.files.find((f) => f.kind === 'pdf')!.bytes)).pages.join('\n');
    for (const s of [result.releaseText, pdf]) {
      expect(s).toContain('Sent: Monday, May 2, 2022 9:00 AM');
      expect(s).not.toContain('ZQ');
    }
    expect(findLeaks(withheldTexts(result.plan), result.releaseText)).toEqual([]);
  });
});
