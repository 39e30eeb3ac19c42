/**
 * Probe 66c F6–F9 (fix67a): claim only what is true of text that its own page or message calls
 * UNCLASSIFIED inside a classified file. Each case is released (text and release PDF read by pdf.js)
 * and no `ZQ…` word may be in release/ or pending/; the decisions are checked for the profiles.
 * - F6: an enclosure page bannered UNCLASSIFIED at its top and bottom in a SECRET file: its unmarked
 *   text was B1 (`unmarked-in-classified`); now held pending review, no B1. `TAB A` / `Enclosure 1`
 *   alone on a line are not form words (rev67a, probe 67d F6: as such the wrapped last line of a
 *   SECRET paragraph reading `TAB Q` was released silently): withheld with the text around them.
 * - F7: the UNCLASSIFIED newest reply over a quoted SECRET message: diagnostics said "pending review",
 *   decisions B1; now both say pending review. The SECRET message's unmarked text stays B1.
 * - F8 (reverted, rev67a, probe 67d F1/F2/F7): a `>`-quoted `> Classification: UNCLASSIFIED` under
 *   `On … wrote:` is not taken as the quoted message's top line, so the message is never read as
 *   unclassified: an unquoted inline reply between its lines, deeper `>>` text and text under an
 *   authority block in it were released so. Its text is withheld, as before fix67a.
 * - F9: a quoted message's own classification line was warned about as page 1's banner, held to the
 *   whole printout's portions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { lintDocument } from '../../src/lint/index.js';
import { releaseDocument } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { releaseOneText } from '../helpers/released-texts.js';

const PROFILES = ['public', 'public-pii', 'foia-intel', 'fvey', 'nato', 'us-secret'];
const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);
const release = (text: string, id: string) =>
  releaseDocument({ doc: readDocument(text, { format: 'document' }).doc, profile: profile(id), asOf: '2026-12-01', stem: 'DOC', input: { path: 'DOC.txt', sha256: '0'.repeat(64) }, formats: ['text'] });

/** `action rule [authorities]` of the decision on the portion of `text` that holds `words`. */
async function decisionOn(text: string, id: string, words: string): Promise<string> {
  const result = await release(text, id);
  const d = result.plan.decisions.find((x) => text.slice(x.span.start, x.span.end).includes(words));
  return d ? `${d.action} ${d.ruleId.replace(/^[^/]+\//, '')} ${d.authority.join(',')}` : 'none';
}

/** Released through the CLI (text and PDF): no ZQ word handed out or pending; the files. */
async function expectNoZq(input: string): Promise<Map<string, string>> {
  const files = await releaseOneText(input);
  expect(files.size).toBeGreaterThan(0);
  for (const [file, text] of files) expect(text, file).not.toMatch(/ZQ\d/);
  return files;
}

const BLOCK = (date: string) => `Classified By: A B, Chief\nDerived From: Multiple Sources\nDeclassify On: ${date}\n`;
const enclosure = (label: string, top: string, bottom = top) =>
  `SECRET//NOFORN\n\nMEMORANDUM FOR THE RECORD\n\nSUBJECT: (U) UQ1 Cover memo\n\n1. (U) UQ2 This memo transmits the enclosure.\n\n2. (S//NF) ZQ1 The enclosure covers BLUEHERON.\n\n${BLOCK('20400101')}\nSECRET//NOFORN\nPage 1 of 2\n\f${label}\n\n${top}\n\nUQ4 unmarked text of the enclosure.\n\n${bottom}\nPage 2 of 2\n`;

const PENDING = 'withhold unmarked-under-unclassified-own-banner LEVEL UNCERTAIN - PENDING REVIEW';

describe('probe 66c F6: an enclosure page bannered UNCLASSIFIED in a SECRET file', () => {
  it.each(PROFILES)('%s: its unmarked text is held pending review, never B1', async (id) => {
    expect(await decisionOn(enclosure('Enclosure 1', 'UNCLASSIFIED'), id, 'UQ4')).toBe(PENDING);
  });
  it.each([
    ['CONFIDENTIAL', 'CONFIDENTIAL'],
    ['UNCLASSIFIED', 'SECRET'],
    ['UNCLASSIFIED//FOUO', 'UNCLASSIFIED//FOUO'],
  ])('a page bannered %s / %s: its unmarked text is decided as before (not this rule)', async (top, bottom) => {
    expect(await decisionOn(enclosure('Enclosure 1', top, bottom), 'public', 'UQ4')).not.toContain('own-banner');
  });
  it('a page bannered UNCLASSIFIED holding an (S) portion: its lines are not trusted, B1 stays', async () => {
    const text = enclosure('Enclosure 1', 'UNCLASSIFIED').replace('UQ4 unmarked', 'UQ4 unmarked text.\n\n(S) ZQ5 secret. And');
    expect(await decisionOn(text, 'public', 'UQ4')).toBe('withhold unmarked-in-classified B1');
  });
  it.each(['TAB A', 'Tab B', 'Enclosure 1', 'ENCLOSURE 2', 'Attachment 3', 'Attachment A'])('%s alone on the line is not a form word: withheld (not kept), the text still held', async (label) => {
    const text = enclosure(label, 'UNCLASSIFIED').replace('UQ4', 'ZQ4');
    const files = await expectNoZq(text);
    for (const [file, out] of files) expect(out, file).not.toContain(label);
    expect(await decisionOn(text, 'public', label)).toMatch(/^withhold /);
  });
  it.each([
    ['TAB Q', '1. (S//NF) ZQ1 The asset is in\nTAB Q\n'],
    ['Enclosure 1', '1. (S//NF) ZQ1 The enclosure covers BLUEHERON and\nEnclosure 1\n'],
  ])('probe 67d l16/l17: %s as the wrapped last line of a SECRET paragraph is withheld with it', async (label, para) => {
    const text = `SECRET//NOFORN\n\nMEMORANDUM FOR THE RECORD\n\nSUBJECT: (U) UQ1 Cover memo\n\n${para}\n${BLOCK('20400101')}\nSECRET//NOFORN\n`;
    const files = await expectNoZq(text);
    for (const [file, out] of files) expect(out, file).not.toContain(label);
    expect(await decisionOn(text, 'public', label)).toMatch(/^withhold .*B1$/);
  });
  it.each([
    ['no form feed', (t: string) => t.replace('\f', '')],
    ['no form feed, no page number', (t: string) => t.replace('Page 1 of 2\n\f', '\n')],
    ['no form feed, the label under the banner', (t: string) => t.replace('\f', '').replace('Enclosure 1\n\nUNCLASSIFIED', 'UNCLASSIFIED\n\nEnclosure 1')],
  ])('stop 67 Left: an enclosure page with %s is its own page: held pending review, never B1', async (_name, edit) => {
    const text = edit(enclosure('Enclosure 1', 'UNCLASSIFIED'));
    expect(text).not.toContain('\f');
    expect(await decisionOn(text, 'public', 'UQ4')).toBe(PENDING);
    await expectNoZq(text);
  });
  it.each([
    ['an (S) portion on the enclosure page', (t: string) => t.replace('UQ4 unmarked', 'UQ4 unmarked text.\n\n(S) ZQ5 secret. And')],
    ['a SECRET bottom banner', (t: string) => t.replace(/UNCLASSIFIED\nPage 2 of 2/, 'SECRET\nPage 2 of 2')],
  ])('no form feed, %s: B1 stays', async (_name, edit) => {
    const text = edit(enclosure('Enclosure 1', 'UNCLASSIFIED').replace('\f', ''));
    expect(await decisionOn(text, 'public', 'UQ4')).toBe('withhold unmarked-in-classified B1');
  });
  it.each(['TAB A ZQ6 words', 'Enclosure 1 ZQ6 words', 'Attachment 12b'])('%j is not a bare label: withheld', async (label) => {
    await expectNoZq(enclosure(label.replace('12b', 'ZQ6'), 'UNCLASSIFIED'));
  });
});

const reply = `Classification: UNCLASSIFIED\n\nFrom: Alpha Bravo\nSent: Tuesday, March 3, 2015 10:12 AM\nSubject: RE: UQ1 lunch\n\nUQ2 Sounds good, see you then.\n\n-----Original Message-----\nClassification: SECRET//NOFORN\nFrom: Charlie\nSent: Monday, March 2, 2015 4:00 PM\nSubject: (S//NF) ZQ1 travel\n\n(S//NF) ZQ2 BLUEHERON moves Tuesday.\nZQ3 unmarked line in secret message\n\n${BLOCK('20400101')}\nClassification: SECRET//NOFORN\n\nClassification: UNCLASSIFIED\n`;

describe('probe 66c F7: the UNCLASSIFIED newest reply over a quoted SECRET message', () => {
  it.each(PROFILES)('%s: the reply is held pending review, the SECRET message is not released', async (id) => {
    expect(await decisionOn(reply, id, 'UQ2')).toBe(PENDING);
    expect(await decisionOn(reply, id, 'UQ1')).toBe(PENDING);
    expect(await decisionOn(reply, id, 'ZQ3')).not.toMatch(/^release|own-banner/);
  });
  it('public: the SECRET message unmarked text stays B1; no ZQ word handed out', async () => {
    expect(await decisionOn(reply, 'public', 'ZQ3')).toBe('withhold unmarked-in-classified B1');
    await expectNoZq(reply);
  });
  it('a reply whose printout foot says SECRET is not taken (the foot is not the reply\'s)', async () => {
    const text = reply.replace(/Classification: UNCLASSIFIED\n$/, 'Classification: SECRET//NOFORN\n');
    expect(await decisionOn(text, 'public', 'UQ2')).toBe('withhold unmarked-in-classified B1');
  });
});

const quoted = (top: string, bottom: string) =>
  `Classification: SECRET//NOFORN\n\nFrom: Alpha Bravo\nSent: Tuesday, March 3, 2015 10:12 AM\nSubject: RE: (U) UQ1 lunch\n\n(S//NF) ZQ0 note.\n\nOn Mon, Mar 2, 2015 at 4:00 PM, Charlie wrote:\n> Classification: ${top}\n>\n> UQ2 Lunch at noon.\n>\n> Classification: ${bottom}\n\n${BLOCK('20400101')}\nClassification: SECRET//NOFORN\n`;

describe('probe 66c F8: a >-quoted message\'s own classification lines', () => {
  it.each(PROFILES)('%s: lines UNCLASSIFIED / UNCLASSIFIED under On … wrote: do not make the quoted message unclassified: its text is withheld', async (id) => {
    const text = quoted('UNCLASSIFIED', 'UNCLASSIFIED');
    const at = text.indexOf('wrote:\n> Classification:') + 'wrote:\n'.length;
    expect(readDocument(text, { format: 'document' }).doc.pageBanners!.map((b) => b.span.start)).not.toContain(at);
    expect(await decisionOn(text, id, 'UQ2')).toMatch(/^withhold /);
    await expectNoZq(text.replace('UQ2', 'ZQ2'));
  });
  it('probe 67d q20: an unquoted inline reply between the quoted message\'s lines is not released', async () => {
    const text = quoted('UNCLASSIFIED', 'UNCLASSIFIED').replace('> UQ2 Lunch at noon.\n>\n', '> UQ2 Lunch at noon.\n\nZQ2 inline reply paragraph, the replier own words.\n\n> UQ3 And bring the file.\n>\n');
    expect(await decisionOn(text, 'public', 'ZQ2')).toBe('withhold unmarked-in-classified B1');
    await expectNoZq(text);
  });
  it.each([
    ['q20 lazy line', '> UQ2 Lunch at noon.\nZQ2 BLUEHERON moves Tuesday, lazy continuation.\n>\n'],
    ['q3 >>', '> UQ2 Lunch at noon.\n>\n>> ZQ2 BLUEHERON moves Tuesday.\n>\n'],
    ['q5 > >', '> UQ2 Lunch at noon.\n> > ZQ2 BLUEHERON moves Tuesday.\n>\n'],
    ['q22 >>no space', '> UQ2 Lunch at noon.\n>\n>>ZQ3 older text no space\n>\n'],
    ['q13 authority block', '> Classified By: X Y\n> Derived From: Multiple Sources\n> Declassify On: 20400101\n> ZQ2 BLUEHERON moves Tuesday.\n>\n'],
  ])('probe 67d %s: nothing of the quoted message is released', async (_name, body) => {
    await expectNoZq(quoted('UNCLASSIFIED', 'UNCLASSIFIED').replace('> UQ2 Lunch at noon.\n>\n', body));
  });
  it('an older message quoted inside it (>> On … wrote:) is under no line of its own: withheld', async () => {
    await expectNoZq(quoted('UNCLASSIFIED', 'UNCLASSIFIED').replace('> UQ2 Lunch at noon.\n>\n', '> UQ2 Lunch at noon.\n>\n>> On Sun, Mar 1, 2015, Delta wrote:\n>> ZQ1 nested unmarked text\n>\n'));
  });
  it.each([['SECRET', 'SECRET'], ['UNCLASSIFIED', 'SECRET'], ['SECRET', 'UNCLASSIFIED']])('lines %s / %s: the quoted text is withheld', async (top, bottom) => {
    await expectNoZq(quoted(top, bottom).replace('UQ2', 'ZQ2'));
  });
  it('a line ending in a colon over classification words that are not quoted stays that paragraph\'s text', async () => {
    const text = quoted('UNCLASSIFIED', 'UNCLASSIFIED').replace('wrote:\n> Classification: UNCLASSIFIED', 'wrote:\nUNCLASSIFIED');
    const at = text.indexOf('wrote:\nUNCLASSIFIED') + 'wrote:\n'.length;
    expect(readDocument(text, { format: 'document' }).doc.pageBanners!.map((b) => b.span.start)).not.toContain(at);
  });
});

const X20 = (separator: string, body: string) =>
  `Classification: SECRET//NOFORN\n\nFrom: Alpha Bravo\nSent: Tuesday, March 3, 2015 10:12 AM\nSubject: RE: (U) UQ1 lunch\n\n(S//NF) ZQ0 note.\n\n${separator}\n${body}\n${BLOCK('20400101')}\nClassification: SECRET//NOFORN\n`;

describe('probe 67d x20o, x20b, q13o (old leaks): a quoted message under -----Original Message----- or a blank line after On … wrote:', () => {
  const inline = '> Classification: UNCLASSIFIED\n>\n> UQ2 Lunch at noon.\n\nZQ2 inline reply paragraph, the replier own words.\n\n> UQ3 And bring the file.\n>\n> Classification: UNCLASSIFIED\n';
  it.each([
    ['x20o: an unquoted reply between its > lines, under -----Original Message-----', '-----Original Message-----', inline],
    ['x20b: the same under On … wrote: and a blank line', 'On Mon, Mar 2, 2015 at 4:00 PM, Charlie wrote:\n', inline],
    ['a deeper >> line between its > lines', '-----Original Message-----', '> Classification: UNCLASSIFIED\n>\n> UQ2 Lunch at noon.\n>> ZQ2 older text.\n>\n> Classification: UNCLASSIFIED\n'],
    ['q13o: an authority block inside its unquoted lines', '-----Original Message-----', `Classification: UNCLASSIFIED\n\nUQ2 Lunch at noon.\n\n${BLOCK('20400101')}ZQ2 BLUEHERON moves Tuesday.\n\nClassification: UNCLASSIFIED\n`],
    ['an authority block in its short form (CL BY:, DECL ON:)', '-----Original Message-----', 'Classification: UNCLASSIFIED\n\nUQ2 Lunch at noon.\n\nCL BY: X Y\nDECL ON: 20400101\nZQ2 BLUEHERON moves Tuesday.\n\nClassification: UNCLASSIFIED\n'],
  ])('%s: not released', async (_name, separator, body) => {
    await expectNoZq(X20(separator, body));
  });
  it('control: an unquoted UNCLASSIFIED message under -----Original Message----- keeps its release', async () => {
    expect(await decisionOn(X20('-----Original Message-----', 'Classification: UNCLASSIFIED\n\nUQ2 Lunch at noon.\n\nClassification: UNCLASSIFIED\n'), 'public', 'UQ2')).toMatch(/^release unmarked-in-unclassified-message/);
  });
});

describe('probe 66c F9: a quoted message\'s classification line is named as such', () => {
  const message = (level: string, mark: string) =>
    `Classification: SECRET//NOFORN\n\nSubject: RE: (S//NF) ZQ1 meeting\n\n(S//NF) ZQ2 The asset reported.\n\n-----Original Message-----\nSubject: (C) ZQ3 meeting\n\nClassification: ${level}\n\n${mark} ZQ4 The contact confirmed.\n\nClassification: ${level}\n\n${BLOCK('20400101')}\nClassification: SECRET//NOFORN\n`;
  const findings = (text: string) => lintDocument(readDocument(text, { format: 'document' }).doc, '2026-12-01').filter((d) => d.code === 'banner-below-portions').map((d) => d.message);
  it('CONFIDENTIAL lines over (C) text in a SECRET printout: no finding', () => {
    expect(findings(message('CONFIDENTIAL', '(C)'))).toEqual([]);
  });
  it('CONFIDENTIAL lines over (S) text: the finding names the quoted message, not page 1', () => {
    const found = findings(message('CONFIDENTIAL', '(S)'));
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) expect(m).toMatch(/^The quoted message's classification line "CONFIDENTIAL" \(CONFIDENTIAL\) in its message is lower than the highest portion of its message; the portions require SECRET\.$/);
  });
});
