/**
 * Unmarked text of an unclassified document whose banner carries a control or a foreign marking
 * (UNCLASSIFIED//NOFORN, NATO UNCLASSIFIED), or whose banner lines are stacked (UNCLASSIFIED over
 * FOR OFFICIAL USE ONLY): it carries the banner's control, as the document's marked portions do.
 * It was released as unclassified text, to foreign audiences too, where the marked (U//NF) portion
 * of the same document was withheld. A U.S. reader cleared to SECRET still reads it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument, withheldTexts } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { findLeaks } from '../helpers/leak.js';
import { extractPdfText } from '../helpers/pdf-text.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

/** `text` read as a document and released for profile `id` as of 2026-12-05. */
const release = (text: string, id: string, formats: ('text' | 'pdf')[] = ['text']) =>
  releaseDocument({ doc: readDocument(text, { format: 'document' }).doc, profile: profile(id), asOf: '2026-12-05', stem: 'DOC', input: { path: 'DOC.txt', sha256: '0'.repeat(64) }, formats });

/** `action ruleId` of the decision on the portion of `text` that starts with `words`. */
const decisionOn = (result: Awaited<ReturnType<typeof release>>, text: string, words: string): string => {
  const d = result.plan.decisions.find((x) => text.slice(x.span.start, x.span.end).startsWith(words))!;
  return `${d.action} ${d.ruleId}`;
};

const doc = (banner: string, mark: string) => `${banner}\n\nSubject: Range\n\nThe range is closed on Thursday for zulu maintenance.\n\n${mark} The badge numbers stay valid.\n\n${banner}\n`;

describe('unmarked text under a controlled unclassified banner', () => {
  it.each([
    ['UNCLASSIFIED//NOFORN', '(U//NF)', 'public', 'withhold public/unmarked-under-controlled-banner'],
    ['UNCLASSIFIED//NOFORN', '(U//NF)', 'nato', 'withhold nato/unmarked-under-controlled-banner'],
    ['UNCLASSIFIED//NOFORN', '(U//NF)', 'fvey', 'withhold fvey/unmarked-under-controlled-banner'],
    ['UNCLASSIFIED//NOFORN', '(U//NF)', 'foia-intel', 'withhold foia-intel/unmarked-under-controlled-banner'],
    ['UNCLASSIFIED//NOFORN', '(U//NF)', 'us-secret', 'release us-secret/unmarked-in-unclassified'],
    ['NATO UNCLASSIFIED', '(NU)', 'public', 'withhold public/unmarked-under-controlled-banner'],
    ['NATO UNCLASSIFIED', '(NU)', 'public-pii', 'withhold public-pii/unmarked-under-controlled-banner'],
    ['UNCLASSIFIED\nFOR OFFICIAL USE ONLY', '(U//FOUO)', 'public', 'withhold public/unmarked-in-sensitive'],
    ['UNCLASSIFIED', '(U)', 'public', 'release public/unmarked-in-unclassified'],
    // Handling banners that name no level, spelled out; a control line under UNCLASSIFIED (each
    // document was refused as not marked, or released in full as unclassified text).
    ['LIMITED OFFICIAL USE', '(U)', 'public', 'withhold public/unmarked-in-sensitive'],
    ['SENSITIVE SECURITY INFORMATION', '(U)', 'public', 'withhold public/unmarked-in-sensitive'],
    ['DEA SENSITIVE', '(U)', 'public', 'withhold public/unmarked-in-sensitive'],
    ['LAW ENFORCEMENT SENSITIVE', '(U)', 'public', 'withhold public/unmarked-in-sensitive'],
    ['SBU', '(U)', 'public', 'withhold public/unmarked-in-sensitive'],
    ['CONTROLLED UNCLASSIFIED INFORMATION', '(U)', 'public', 'withhold public/unmarked-in-cui'],
    ['Unclassified//For Official Use Only', '(U)', 'public', 'withhold public/unmarked-in-sensitive'],
    ['UNCLASSIFIED//LIMITED DISTRIBUTION', '(U)', 'public', 'withhold public/unmarked-under-controlled-banner'],
    ['UNCLASSIFIED\nLIMITED DISTRIBUTION', '(U)', 'public', 'withhold public/unmarked-under-controlled-banner'],
  ])('%j, %s portion, %s: the unmarked paragraph is %s', async (banner, mark, id, expected) => {
    const text = doc(banner, mark);
    const result = await release(text, id, ['text', 'pdf']);
    expect(decisionOn(result, text, 'The range')).toBe(expected);
    const withheld = withheldTexts(result.plan);
    expect(findLeaks(withheld, result.releaseText)).toEqual([]);
    const pdf = (await extractPdfText(result.files.find((f) => f.kind === 'pdf')!.bytes)).pages.join('\n');
    expect(findLeaks(withheld, pdf)).toEqual([]);
    if (expected.startsWith('withhold')) expect(`${result.releaseText}\n${pdf}`).not.toContain('zulu');
  });
});

describe("a banner's further lines in a release", () => {
  it.each([
    ['Classification: UNCLASSIFIED\nCaveats: FOUO', 'Caveats: FOUO'],
    ['UNCLASSIFIED\nFOR OFFICIAL USE ONLY', 'FOR OFFICIAL USE ONLY'],
  ])('%j: the release shows the recomputed banner at top and bottom, not the caveat lines', async (banner, caveat) => {
    const text = doc(banner, '(U)');
    const result = await release(text, 'us-secret');
    expect(result.releaseText).toContain('The range is closed');
    expect(result.releaseText).not.toContain(caveat);
    expect(result.releaseText.split('\n').filter((l) => /UNCLASSIFIED/.test(l))).toHaveLength(2);
  });
});

describe("a NATO document's unmarked text under the nato profile", () => {
  const NATO_DOC = (banner: string) => `${banner}\n\nNORTH ATLANTIC TREATY ORGANIZATION\n\nSUBJECT: (NU) Exercise planning\n\nThe exercise will test the reinforcement of the northern flank.\n\n(NS) Host nation support remains under negotiation.\n\n${banner}\n`;
  it.each([
    ['NATO SECRET', 'release nato/unmarked-in-nato-document'],
    ['NATO UNCLASSIFIED', 'release nato/unmarked-in-nato-document'],
    ['//NATO CONFIDENTIAL', 'release nato/unmarked-in-nato-document'],
    // Above the audience's NATO SECRET clearance, or a US control on the banner: not released.
    ['COSMIC TOP SECRET', 'withhold nato/unmarked-in-nato-document-above-clearance'],
    ['SECRET//NOFORN', 'withhold nato/unmarked-in-classified'],
  ])('%j: the unmarked paragraph is %s', async (banner, expected) => {
    const text = NATO_DOC(banner);
    const result = await release(text, 'nato');
    expect(decisionOn(result, text, 'The exercise')).toBe(expected);
    expect(findLeaks(withheldTexts(result.plan), result.releaseText)).toEqual([]);
    // The FOIA profiles still hold NATO information for NATO's consent.
    const pub = await release(text, 'public');
    expect(pub.releaseText).not.toContain('northern flank');
  });
});

describe('a line of control words under a banner', () => {
  it.each([
    ['UNCLASSIFIED\nLAW ENFORCEMENT SENSITIVE', ['LES'], 'withhold public/unmarked-in-sensitive'],
    ['UNCLASSIFIED\nLIMITED OFFICIAL USE', ['LOU'], 'withhold public/unmarked-in-sensitive'],
    ['UNCLASSIFIED\nNOFORN', ['NOFORN'], 'withhold public/unmarked-under-controlled-banner'],
    ['SECRET\nNOFORN', ['NOFORN'], 'withhold public/unmarked-pending-review'],
    // PROPRIETARY: read as PROPIN (proprietary information involved; it was a line of text, and
    // the document was released in full).
    ['UNCLASSIFIED\nPROPRIETARY', ['PROPIN'], 'withhold public/unmarked-under-controlled-banner'],
    // Not control words: a line of text under the banner (a letterhead), as before.
    ['UNCLASSIFIED\nDEPARTMENT OF DEFENSE', [], 'release public/unmarked-in-unclassified'],
  ])('%j: the banner carries %j; the unmarked paragraph is %s', async (banner, controls, expected) => {
    const text = doc(banner, '');
    const parsed = readDocument(text, { format: 'document' }).doc;
    expect(parsed.banner?.marking?.controls).toEqual(controls);
    const result = await release(text, 'public');
    expect(decisionOn(result, text, 'The range')).toBe(expected);
    expect(findLeaks(withheldTexts(result.plan), result.releaseText)).toEqual([]);
  });

  it('leaves a letterhead under the banner a line of text', () => {
    const text = 'SECRET\nDEPARTMENT OF DEFENSE\n\n(S) The squadrons move in May.\n\nSECRET\n';
    const parsed = readDocument(text, { format: 'document' }).doc;
    expect(parsed.banner?.marking?.controls).toEqual([]);
    expect(parsed.portions.map((p) => text.slice(p.span.start, p.span.end))).toContain('DEPARTMENT OF DEFENSE');
  });
});

describe("banners that disagree on a control", () => {
  it.each([
    ['UNCLASSIFIED', 'UNCLASSIFIED//FOR OFFICIAL USE ONLY', ['FOUO'], 'withhold public/unmarked-in-sensitive'],
    ['UNCLASSIFIED//FOR OFFICIAL USE ONLY', 'UNCLASSIFIED', ['FOUO'], 'withhold public/unmarked-in-sensitive'],
    ['UNCLASSIFIED', 'UNCLASSIFIED//NOFORN', ['NOFORN'], 'withhold public/unmarked-under-controlled-banner'],
    ['UNCLASSIFIED', 'UNCLASSIFIED', [], 'release public/unmarked-in-unclassified'],
  ])('top %j, bottom %j: the document banner carries %j; the unmarked paragraph is %s', async (top, bottom, controls, expected) => {
    const text = `${top}\n\nSubject: Range\n\nThe range is closed on Thursday for zulu maintenance.\n\n${bottom}\n`;
    const parsed = readDocument(text, { format: 'document' }).doc;
    expect(parsed.banner?.marking?.controls).toEqual(controls);
    const result = await release(text, 'public');
    expect(decisionOn(result, text, 'The range')).toBe(expected);
    expect(findLeaks(withheldTexts(result.plan), result.releaseText)).toEqual([]);
  });
});
