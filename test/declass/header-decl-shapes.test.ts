/**
 * A cable without an E.O. line takes the DECL line of its header as its instruction (probe 60b F2),
 * but only the cable's own: a line that opens with DECL / DECLASSIFY ON, an `E.O. 1xxxx: DECL:`
 * glued to the banner or a routing line, or the Declassify On field of the Classified By block.
 * A DECL inside a REF line is the referenced cable's, one in the SUBJECT line is its words (probe
 * 60d F2: `REF: A. PARIS 1200 DECL: 10/15/2018` declassified a SECRET cable, released in full).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessDocument } from '../../src/declass/assess.js';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument, withheldTexts } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { findLeaks } from '../helpers/leak.js';
import { extractPdfText } from '../helpers/pdf-text.js';

const ROUTING = 'R 110117Z OCT 08\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\n\n';
const BANNER = 'S E C R E T PARIS 001234\n\n';
const cable = (head: string, body = '1. (S) ZQYONE THE MINISTER SAID THE SOURCE IS RELIABLE.\n\n2. (U) UQ TEXT.\nSMITH\n') => `${ROUTING}${head}\n\n${body}`;
const CAB = 'CLASSIFIED BY: POLCOUNS JOHN DOE, REASONS B, D.';

const shapes: [string, string, string | null][] = [
  // Not the cable's own: no instruction (decl-missing), as before probe 60b F2.
  ['a DECL in a REF line (x2c)', cable(`${BANNER}TAGS: PREL FR\nSUBJECT: TALKS\n\nREF: A. PARIS 1200 DECL: 10/15/2018\n     B. STATE 5555\n\n${CAB}`), null],
  ['a (DECL: …) in a REF line (x2)', cable(`${BANNER}TAGS: PREL FR\nSUBJECT: TALKS\n\nREF: A. PARIS 1200 (DECL: 01/01/2005)\n     B. STATE 5555\n\n${CAB}`), null],
  ['a DECL in the SUBJECT line (x3)', cable(`${BANNER}TAGS: PREL FR\nSUBJECT: DECL: 01/01/2005 REVIEW OF OLD CABLES\n\n${CAB}`), null],
  ['a DECL in the TAGS line', cable(`${BANNER}TAGS: PREL FR DECL: 01/01/2005\nSUBJECT: TALKS\n\n${CAB}`), null],
  [
    "a DECL line in a quoted cable in the body (x1c)",
    cable(`${BANNER}TAGS: PREL FR\nSUBJECT: TALKS`, `1. (S) ZQXONE THE MINISTER SAID SO.\n\n2. (C) WE QUOTE REF A: BEGIN TEXT: CLASSIFIED BY POL: A. B. REASON 1.4(D)\nDECL: 10/15/2018\n(C) ZQXTWO OLD TEXT. END TEXT.\n\n3. (U) UQ TEXT.\n\n${CAB}\nSMITH\n`),
    null,
  ],
  ['a DECL line after an unmarked opening paragraph (x4c)', cable(`${BANNER}TAGS: PREL FR\nSUBJECT: TALKS`, `THIS CABLE REPORTS ZQWUNMARKED DETAILS.\nDECL: 10/15/2018\n\n1. (S) ZQWONE THE MINISTER SAID SO.\n\n${CAB}\nSMITH\n`), null],
  // The cable's own.
  ['a DECL line of its own in the header', cable(`${BANNER}DECL: 10/15/2018\nTAGS: PREL FR\nSUBJECT: TALKS\n\n${CAB}`), '2018-10-15'],
  ['the Declassify On field of the Classified By block', cable(`${BANNER}TAGS: PREL FR\nSUBJECT: TALKS\n\n${CAB} DECLASSIFY ON: 10/15/2018`), '2018-10-15'],
  // The four corpus shapes with the E.O. line glued to the banner or a routing line.
  ['E.O. glued to the banner after SIPDIS (09ISLAMABAD2903)', cable('S E C R E T PARIS 001234SIPDISE.O. 12958: DECL: 12/03/2019\nTAGS: PREL FR\nSUBJECT: TALKS'), '2019-12-03'],
  ['E.O. after a routing line (09OTTAWA662)', cable(`${BANNER}STATE FOR ISN/RA - J. ALLEN-CLOSE AND N. MENKHOFF, WHA, AF, L, AND T E.O. 12958: DECL: 08/31/2019\nTAGS: PREL FR\nSUBJECT: TALKS`), '2019-08-31'],
  ['E.O. and TAGS on the banner line (09STOCKHOLM720)', cable('S E C R E T SECTION 01 OF 02 PARIS 001234 SIPDIS E.O. 12958: DECL: 11/16/2019 TAGS: PREL PGOV EUN RU SW\nSUBJECT: TALKS'), '2019-11-16'],
  ['E.O. and TAGS after a routing line (09TRIPOLI875)', cable(`${BANNER}DEPT FOR NEA/MAG AND S/USSES E.O. 12958: DECL: 11/1/2019 TAGS: PGOV PREL SU LY\nSUBJECT: TALKS`), '2019-11-01'],
];

describe('which DECL of a cable without an E.O. line is its own (probe 60d F2)', () => {
  it.each(shapes)('%s', (_what, text, on) => {
    const a = assessDocument(readDocument(text).doc, '2026-12-01');
    if (on === null) {
      expect(a.status).toBe('invalid');
      expect(a.diagnostics.map((d) => d.code)).toContain('decl-missing');
      expect(a.reason).not.toMatch(/REVIEW OF OLD CABLES|01\/01\/2005|10\/15\/2018/);
    } else {
      expect(a).toMatchObject({ status: 'declassified', declassifyOn: on });
    }
  });
});

describe('releasing a SECRET cable whose REF line says DECL (probe 60d F2)', () => {
  const profile = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');
  it.each(shapes.filter(([, , on]) => on === null).slice(0, 3))('%s: nothing of the SECRET paragraph goes out (text, PDF)', async (_what, text) => {
    const result = await releaseDocument({ doc: readDocument(text).doc, profile, asOf: '2026-12-01', stem: 'X', input: { path: 'X.txt', sha256: '0'.repeat(64) }, formats: ['text', 'pdf'] });
    expect(result.plan.decisions.find((d) => d.portionId === 'p1')?.action).not.toBe('release');
    const withheld = withheldTexts(result.plan);
    const pdf = (await extractPdfText(result.files.find((f) => f.kind === 'pdf')!.bytes)).pages.join('\n');
    for (const s of [result.releaseText, pdf]) {
      expect(s).not.toMatch(/ZQ/);
      expect(findLeaks(withheld, s)).toEqual([]);
    }
  });
});
