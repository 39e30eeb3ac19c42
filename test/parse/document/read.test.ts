/** Format detection and the reader a document was read with. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkedDocument } from '../../../src/parse/document/index.js';
import { CABLE_READER, DOCUMENT_READER, detectFormat, readDocument } from '../../../src/parse/read.js';
import { invariantProblems } from '../helpers.js';

const sample = (name: string) => readFileSync(new URL(`../../../samples/${name}`, import.meta.url), 'utf8');

describe('detectFormat', () => {
  it.each([
    ['routing header', 'VZCZCXYZ0016\nOO RUEHWEB\n\nC O N F I D E N T I A L BERLIN 000173\n', 'cable'],
    ['precedence line with a date-time group', 'O 131627Z FEB 08\nFM AMEMBASSY BERLIN\n', 'cable'],
    ['E.O. line', 'SECRET\n\nE.O. 12958: DECL: 02/13/2018\n', 'cable'],
    ['reference id on its own line', '08BERLIN173\n\nSUBJECT: X\n', 'cable'],
    ['TAGS line', 'TAGS: PREL PGOV\n', 'cable'],
    ['a memo', 'SECRET//NOFORN\n\nMEMORANDUM FOR: Director\n\n(S//NF) Text.\n', 'document'],
    ['a SIDtoday page', 'DYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS\nTOP SECRET // SI / TK // REL TO USA AUS CAN GBR NZL\n\n(U) Title\n', 'document'],
    ['Markdown', '# (U) Title\n\n(U) Text.\n', 'document'],
    // Probe 63a F10: a Markdown memo quoting a cable's E.O. line, or with a TAGS line, is a document.
    ['a Markdown memo (ATX banner) quoting an E.O. line', '# SECRET//NOFORN\n\n**SUBJECT:** (U) X\n\nE.O. 12958: DECL: 20100101\n(S//NF) Text.\n', 'document'],
    ['a Markdown memo (bold banner) with a TAGS line', '\n**SECRET//NOFORN**\n\nTAGS: PREL PGOV\n\n(S//NF) Text.\n', 'document'],
    ['a Markdown memo after a byte order mark', '\uFEFF## SECRET\n\nE.O. 12958: DECL: 20100101\n', 'document'],
    ['a cable whose text holds a bold line further down', 'SECRET\n\nE.O. 12958: DECL: 02/13/2018\n**NOTE**\n', 'cable'],
    ['a hash tag first, no heading', '#SECRET\n\nTAGS: PREL\n', 'cable'],
  ])('%s → %s', (_what, text, expected) => {
    expect(detectFormat(text)).toBe(expected);
  });

  // Probe 64d F7: a cable with a pasted Markdown first line is still a cable, and says why.
  it.each([
    ['# 08BERLIN173', (t: string) => `# 08BERLIN173\n${t}`],
    ['**UNCLASSIFIED**', (t: string) => `**UNCLASSIFIED**\n${t}`],
    ['## TALKS over a cable without routing', (t: string) => `## TALKS\n\n${t.slice(t.indexOf('C O N F I D E N T I A L'))}`],
  ])('a cable under %j is a cable, and the reader says why', (_name, wrap) => {
    const text = wrap(sample('08BERLIN173.txt'));
    expect(detectFormat(text)).toBe('cable');
    const read = readDocument(text);
    expect(read.reader).toBe(CABLE_READER);
    expect(read.doc.diagnostics.filter((g) => g.code === 'reader-chosen')).toHaveLength(1);
  });

  it('a Markdown memo quoting a cable line is a document, and the reader says why', () => {
    const read = readDocument('# SECRET//NOFORN\n\n**SUBJECT:** (U) X\n\nE.O. 12958: DECL: 20100101\n(S//NF) Text.\n');
    expect(read.reader).toBe(DOCUMENT_READER);
    expect(read.doc.diagnostics.filter((g) => g.code === 'reader-chosen')).toHaveLength(1);
    expect(readDocument('# (U) Title\n\n(U) Text.\n').doc.diagnostics.some((g) => g.code === 'reader-chosen')).toBe(false);
    expect(readDocument(sample('08BERLIN173.txt')).doc.diagnostics.some((g) => g.code === 'reader-chosen')).toBe(false);
  });

  it('every cable sample is a cable', () => {
    for (const name of ['08BERLIN173.txt', '89PANAMA8545.txt', 'SYNTH-TS-SI-13526.txt']) expect(detectFormat(sample(name))).toBe('cable');
  });
});

describe('readDocument', () => {
  it('names the reader it used, detected or forced', () => {
    const memo = 'SECRET\n\n(S) Text.\n\nSECRET\n';
    expect(readDocument(memo)).toMatchObject({ reader: DOCUMENT_READER, detected: true });
    expect(readDocument(memo).doc.format).toBe('document');
    expect(readDocument(memo, { format: 'cable' })).toMatchObject({ reader: CABLE_READER, detected: false });
    expect(readDocument(memo, { format: 'cable' }).doc.format).toBeUndefined();
    expect(readDocument(sample('08BERLIN173.txt')).reader).toBe(CABLE_READER);
  });
});

/** Pieces documents are made of, so generated texts come close to real ones. */
const PIECES = [
  '(U) ', '(S//SI) ', '(TS//SI//REL) ', '(U//FOUO)', '(S///SI)', '(s)', '"(TS//SI) ', '*(C) ', '- ', '1. ', '| ', ' | ', '# ',
  'Text ', 'words. ', 'more words ', 'and so on', ':', '.', '\n', '\n', '\n\n', '\f', 'SECRET//NOFORN\n', 'DYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS\n',
  'TOP SECRET // SI / TK // REL TO USA AUS CAN GBR NZL\n', 'DERIVED FROM: NSA/CSSM 1-52, DATED 08 JAN 2007 DECLASSIFY ON: 20320108\n', 'FROM:\n', 'Run Date: 02/22/2006\n',
  'Classified By: J. Smith\n', 'Reason: 1.4(c)\n', 'Declassify On: 25X1\n', 'Other Support (U)\n', '(', ')', '  ', '\t', '\r',
];

describe('properties', () => {
  it('never throws, and every non-blank character is in exactly one portion segment, furniture or boilerplate span', () => {
    const doc = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(doc, fc.string()), (text) => {
        const d = parseMarkedDocument(text);
        expect(invariantProblems(d)).toEqual([]);
        // A portion with a classified mark anywhere in its own mark is never read as U.
        for (const p of d.portions) if (p.mark && /^\((?:TS|S|C)\/\//.test(p.mark.raw) && p.marking) expect(p.marking.level).not.toBe('U');
      }),
      { numRuns: 1500 },
    );
  });
});
