/**
 * Unmarked text of a document bannered NATO's own (`NATO SECRET`) under the nato profile
 * (`unmarked-in-nato-document`). The portions roll up into the document: one marked with a US or
 * SCI control, a foreign government's marking, a REL TO list without NATO, a US level with no
 * foreign-release marking or a level above NATO SECRET says the document holds more than NATO's
 * information, and its unmarked text is withheld (it was released, the second line of a `(S//NF)`
 * paragraph among it). Released, the text counts at the banner's level in the release banner
 * in NATO's own words, CAPCO's non-US form (`//NATO SECRET`, stop 68; `SECRET//NATO` before): it was
 * `UNCLASSIFIED` while the rule's reason said NATO SECRET.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { releasedTexts } from '../helpers/released-texts.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

/** `text` read as a document and released for profile `id` (nato unless named) as of 2026-12-01, text and PDF. */
const release = (text: string, id = 'nato') =>
  releaseDocument({ doc: readDocument(text, { format: 'document' }).doc, profile: profile(id), asOf: '2026-12-01', stem: 'DOC', input: { path: 'DOC.txt', sha256: '0'.repeat(64) }, formats: ['text', 'pdf'] });

/** A memo bannered `banner` with the paragraphs `body` and a classification authority block. */
const memo = (banner: string, body: string) =>
  `${banner}\n\nSUBJECT: (U) Liaison\n\n${body}\n\nClassified By: J. Smith\nDerived From: Multiple Sources\nDeclassify On: 20500101\n\n${banner}\n`;

/** `action ruleId` of the decision on the portion of `text` that starts with `words`. */
const decisionOn = (result: Awaited<ReturnType<typeof release>>, text: string, words: string): string => {
  const d = result.plan.decisions.find((x) => text.slice(x.span.start, x.span.end).startsWith(words))!;
  return `${d.action} ${d.ruleId}`;
};


describe('a NATO document whose portions hold more than NATO information: its unmarked text is withheld', () => {
  it.each([
    // The second line of a (S//NF) paragraph, split off as unmarked text (the first ends a sentence short of the wrap width).
    ['(S//NF) The US-only source reported the meeting.\nThe source also named the courier ZQNFCOURIER in the same report.', 'The source also'],
    ['(TS//SI) The withheld paragraph.\n\nThe unmarked ZQNFUNMTSSI paragraph in the NATO document.', 'The unmarked'],
    ['(//DEU S) The withheld paragraph.\n\nThe unmarked ZQNFUNMDEUS paragraph in the NATO document.', 'The unmarked'],
    ['(S//OC/NF) The withheld paragraph.\n\nThe unmarked ZQNFUNMSOCNF paragraph in the NATO document.', 'The unmarked'],
    ['(S//REL TO USA, GBR) The withheld paragraph.\n\nThe unmarked ZQNFUNMSRELTO paragraph in the NATO document.', 'The unmarked'],
    ['(C//NF) The withheld paragraph.\n\nThe unmarked ZQNFUNMCNF paragraph in the NATO document.', 'The unmarked'],
    // US classified information with no foreign-release marking: NOFORN or RELIDO (CAPCO §B.3 Table 2).
    ['(S) The withheld paragraph.\n\nThe unmarked ZQNFUNMBARES paragraph in the NATO document.', 'The unmarked'],
    ['(U//FOUO) The withheld paragraph.\n\nThe unmarked ZQNFUNMFOUO paragraph in the NATO document.', 'The unmarked'],
  ])('NATO SECRET over %j: the unmarked text is withheld and in neither release', async (body, words) => {
    const text = memo('NATO SECRET', body);
    const marker = /ZQ\w+/.exec(body)![0];
    const result = await release(text);
    expect(decisionOn(result, text, words)).toBe('withhold nato/unmarked-in-classified');
    const { text: released, pdf } = await releasedTexts(result);
    expect(released).not.toContain(marker);
    expect(pdf).not.toContain(marker);
  });
});

describe("a NATO document's unmarked text, released, counts at the banner's level in the release banner", () => {
  it.each([
    ['NATO SECRET', '(U) A public line.', '//NATO SECRET'],
    ['NATO SECRET', '(NS) The NATO paragraph.', '//NATO SECRET'],
    ['NATO SECRET', '(NC) The NATO paragraph.', '//NATO SECRET'],
    ['NATO CONFIDENTIAL', '(U) A public line.', '//NATO CONFIDENTIAL'],
    ['NATO UNCLASSIFIED', '(U) A public line.', '//NATO UNCLASSIFIED'],
  ])('%j over %j and unmarked text: released, bannered %j', async (banner, marked, expected) => {
    const text = memo(banner, `${marked}\n\nThe unmarked ZQNAPLANNING paragraph of the NATO document.`);
    const result = await release(text);
    expect(decisionOn(result, text, 'The unmarked')).toBe('release nato/unmarked-in-nato-document');
    expect(result.plan.releaseBanner).toBe(expected);
    const { text: released, pdf } = await releasedTexts(result);
    expect(released).toContain('ZQNAPLANNING');
    const lines = released.trimEnd().split('\n');
    expect([lines[0], lines.at(-1)]).toEqual([expected, expected]);
    expect(pdf).toContain(expected);
    expect(pdf).not.toMatch(/^UNCLASSIFIED$/m);
  });
});

// The same for every rule that releases unmarked text of a document whose date has not passed: a
// U.S. reader's release of an SBU document's unmarked text is SBU (it was bannered UNCLASSIFIED).
it('us-secret: the unmarked text of an UNCLASSIFIED//SBU memo is released under the banner UNCLASSIFIED//SBU', async () => {
  const text = 'UNCLASSIFIED//SBU\n\nSUBJECT: Range\n\nThe range ZQSBURANGE is closed on Thursday.\n\nUNCLASSIFIED//SBU\n';
  const result = await release(text, 'us-secret');
  expect(decisionOn(result, text, 'The range')).toBe('release us-secret/unmarked-in-unclassified');
  expect(result.plan.releaseBanner).toBe('UNCLASSIFIED//SBU');
  const { text: released, pdf } = await releasedTexts(result);
  expect(released.split('\n')[0]).toBe('UNCLASSIFIED//SBU');
  expect(pdf).toContain('UNCLASSIFIED//SBU');
});
