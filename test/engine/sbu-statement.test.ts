/**
 * State's SBU statement in a cable (`SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY`, `… - PLEASE
 * PROTECT ACCORDINGLY.`) under an UNCLAS banner: the cable's caveat, as a bare `SENSITIVE BUT
 * UNCLASSIFIED` line already was. With the request after it the line was read as text, so the
 * cable's unmarked paragraphs were released under public as unclassified text (07PARIS1791 ¶2,
 * 07PARIS2027), while its (SBU) paragraphs were held for FOIA review.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument, withheldTexts } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { corpusPath, HAS_CORPUS } from '../helpers/corpus.js';
import { findLeaks } from '../helpers/leak.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { cable } from '../parse/helpers.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

/** `text` released under public as of 2026-12-05, text and PDF. */
const release = (text: string) =>
  releaseDocument({ doc: readDocument(text).doc, profile: PUBLIC, asOf: '2026-12-05', stem: 'CABLE', input: { path: 'CABLE.txt', sha256: '0'.repeat(64) }, formats: ['text', 'pdf'] });

/** `action ruleId` of the decision on the portion of `text` that starts with `words`. */
function decisionOn(result: Awaited<ReturnType<typeof release>>, text: string, words: string): string {
  const d = result.plan.decisions.find((x) => text.slice(x.span.start, x.span.end).startsWith(words));
  if (!d) throw new Error(`no portion starts with ${JSON.stringify(words)}`);
  return `${d.action} ${d.ruleId}`;
}

const unclas = (statement: string) =>
  cable(`${statement}\n\n1. (SBU) The minister named the donors.\n\n2. Voting went on until the zulu hour closed the polls.\n\n3. (U) Results follow.\n`, {
    banner: 'UNCLAS PARIS 001791',
    eo: 'E.O. 12958: N/A',
    classifiedBy: '',
  });

describe("State's SBU statement under an UNCLAS banner", () => {
  it.each([
    'SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY',
    'SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY.',
    'SENSITIVE BUT UNCLASSIFIED. PLEASE HANDLE ACCORDINGLY.',
    'Sensitive but unclassified -- please handle accordingly.',
    'SENSITIVE BUT UNCLASSIFIED',
  ])('%j: the banner takes SBU; the unmarked paragraph is held for review and the line leaves the release', async (statement) => {
    const text = unclas(statement);
    const result = await release(text);
    expect(result.plan.decisions.length).toBe(4);
    expect(decisionOn(result, text, '2. Voting')).toBe('withhold public/unmarked-in-sensitive');
    expect(decisionOn(result, text, '3. (U)')).toBe('release public/unclassified');
    const pdf = (await extractPdfText(result.files.find((f) => f.kind === 'pdf')!.bytes)).pages.join('\n');
    for (const shown of [result.releaseText, pdf]) {
      expect(findLeaks(withheldTexts(result.plan), shown)).toEqual([]);
      expect(shown).not.toContain('zulu');
      expect(shown).not.toMatch(/ACCORDINGLY/i);
      expect(shown).toContain('Results follow');
    }
  });

  // Captions the header reader dropped as caveats, or released as pass lines, while the cable's
  // text went out in full without a word (probe 8, F5).
  it.each([
    ['SENSITIVE BUT UNCLASSIFIED -- NOT FOR INTERNET DISTRIBUTION', 'SBU', false],
    ['NOT FOR INTERNET DISTRIBUTION', 'SBU', false],
    ['SENSITIVE - NOT FOR INTERNET DISTRIBUTION', 'SBU', false],
    ['LAW ENFORCEMENT SENSITIVE', 'LES', false],
    ['LES', 'LES', false],
    ['E F T O', 'SBU', false],
    ['S E N S I T I V E', 'SBU', false],
    ['SENSITVE', 'SBU', true],
    ['PROTECT', 'SBU', true],
  ])('%j: the banner takes %s (a caveat-unknown warning: %s); the unmarked paragraph is held for review', async (statement, control, warned) => {
    const text = unclas(statement);
    const doc = readDocument(text).doc;
    expect(doc.banner?.marking?.controls).toContain(control);
    expect(doc.diagnostics.some((d) => d.code === 'caveat-unknown' && d.severity === 'warning')).toBe(warned);
    const result = await release(text);
    expect(decisionOn(result, text, '2. Voting')).toBe('withhold public/unmarked-in-sensitive');
    expect(result.releaseText).not.toContain('zulu');
  });

  it('a cable without the statement releases the unmarked paragraph as unclassified text', async () => {
    const text = unclas('');
    expect(decisionOn(await release(text), text, '2. Voting')).toBe('release public/unmarked-in-unclassified');
  });

  it.skipIf(!HAS_CORPUS)('07PARIS1791: its unmarked paragraph 2 is held for review (it was released)', async () => {
    const text = readFileSync(corpusPath('cables', '07PARIS1791.txt'), 'utf8');
    const result = await release(text);
    expect(decisionOn(result, text, '¶2. Former Interior Minister')).toBe('withhold public/unmarked-in-sensitive');
    expect(result.releaseText).not.toContain('Segolene Royal in France');
  });
});

/** A memo under an `UNCLASSIFIED` banner with `statement` on the line below it. */
const memo = (statement: string) =>
  `UNCLASSIFIED\n${statement}\n\nMEMORANDUM FOR THE RECORD\n\nSUBJECT: Staffing\n\nThe deputy director plans to close the zulu office next spring.\n\nUNCLASSIFIED\n`;

describe("State's SBU statement under a memo's banner, with a full stop", () => {
  it.each([
    'SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY.',
    'SENSITIVE BUT UNCLASSIFIED. PLEASE HANDLE ACCORDINGLY.',
    'SENSITIVE BUT UNCLASSIFIED.',
    'SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY',
  ])('%j is the banner\'s caveat line: the unmarked text is held for review (it was released in full)', async (statement) => {
    const text = memo(statement);
    const result = await release(text);
    expect(readDocument(text).doc.banner?.marking?.controls).toContain('SBU');
    expect(decisionOn(result, text, 'The deputy director')).toBe('withhold public/unmarked-in-sensitive');
    expect(result.releaseText).not.toContain('zulu');
    expect(result.releaseText).not.toMatch(/ACCORDINGLY/i);
  });

  it('a line of text with a full stop under the banner stays text', async () => {
    const text = memo('THE OFFICE CLOSES.');
    expect(decisionOn(await release(text), text, 'The deputy director')).toBe('release public/unmarked-in-unclassified');
  });
});
