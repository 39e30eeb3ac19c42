/**
 * Unmarked text of a document bannered NATO's own (`NATO SECRET`) under the nato profile
 * (`unmarked-in-nato-document`). The portions roll up into the document: one marked with a US or
 * SCI control, a foreign government's marking, a REL TO list without NATO, a US level with no
 * foreign-release marking or a level above NATO SECRET says the document holds more than NATO's
 * information, and its unmarked text is withheld (it was released, the second line of a `(S//NF)`
 * paragraph among it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument, withheldTexts } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { findLeaks } from '../helpers/leak.js';
import { extractPdfText } from '../helpers/pdf-text.js';

const nato = loadProfile(readFileSync(new URL('../../rules/nato.yaml', import.meta.url), 'utf8'), 'rules/nato.yaml');

/** `text` read as a document and released for nato as of 2026-12-01, text and PDF. */
const release = (text: string) =>
  releaseDocument({ doc: readDocument(text, { format: 'document' }).doc, profile: nato, asOf: '2026-12-01', stem: 'DOC', input: { path: 'DOC.txt', sha256: 'x' }, formats: ['text', 'pdf'] });

/** A memo bannered `banner` with the paragraphs `body` and a classification authority block. */
const memo = (banner: string, body: string) =>
  `${banner}\n\nSUBJECT: (U) Liaison\n\n${body}\n\nClassified By: J. Smith\nDerived From: Multiple Sources\nDeclassify On: 20500101\n\n${banner}\n`;

/** `action ruleId` of the decision on the portion of `text` that starts with `words`. */
const decisionOn = (result: Awaited<ReturnType<typeof release>>, text: string, words: string): string => {
  const d = result.plan.decisions.find((x) => text.slice(x.span.start, x.span.end).startsWith(words))!;
  return `${d.action} ${d.ruleId}`;
};

/** The release text and the PDF's text (an independent reader), each checked for leaks. */
async function releasedTexts(result: Awaited<ReturnType<typeof release>>): Promise<{ text: string; pdf: string }> {
  const withheld = withheldTexts(result.plan);
  const pdf = (await extractPdfText(result.files.find((f) => f.kind === 'pdf')!.bytes)).pages.join('\n');
  expect(findLeaks(withheld, result.releaseText)).toEqual([]);
  expect(findLeaks(withheld, pdf)).toEqual([]);
  return { text: result.releaseText, pdf };
}

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
