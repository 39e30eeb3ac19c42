/**
 * Probe 68e F1 (fix69a): the header a later section repeats under its `SECTION 02 OF 02` line is
 * found as whole lines and fields, not as words found anywhere in the first header.
 * - f1g: a marked paragraph's first line repeating the SUBJECT's words (`(C) ZQS SECRET TALKS …`)
 *   was taken for the header: its (C) text joined the (U) paragraph above (withheld whole). It opens
 *   its (C) paragraph now; the (U) one is released.
 * - f1f: a SUBJECT the first header does not hold took the (U) line after it as its wrap, dropped
 *   silently as furniture. Where case tells them apart its wrap is a line of capitals only (else
 *   the header's wrap test decides, as before); the (U) line stays the paragraph's, and the
 *   unknown field is warned of.
 * A known field re-wrapped, a field's wrapped lines and caveat lines stay furniture (probe 68a F1).
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import type { Document } from '../../src/types.js';
import { cable, invariantProblems } from './helpers.js';

const EO = 'E.O. 12958: DECL: 02/13/2040';
const SUBJECT = 'SUBJECT: (C) ZQS SECRET TALKS WITH MINISTER';
const REF = 'REF: A. STATE 13607\n     B. BERLIN 000150';
const read = (body: string): Document => readDocument(cable(body, { eo: EO, subject: SUBJECT, ref: REF }), { format: 'cable' }).doc;
const SECTION = 'C O N F I D E N T I A L SECTION 02 OF 02 BERLIN 000173';

/** Where `token` is: `furniture`, or the portion's id and level (`unmarked` when it has none). */
function where(doc: Document, token: string): string {
  const at = doc.source.indexOf(token, doc.source.indexOf('Classified By'));
  if (at < 0) throw new Error(`no ${token}`);
  if (doc.furniture.some((f) => f.start <= at && at < f.end)) return 'furniture';
  const p = doc.portions.find((x) => x.segments.some((s) => s.start <= at && at < s.end));
  return p ? `${p.id} ${p.marking?.level ?? p.markingSource}` : 'none';
}

const unmatched = (doc: Document): number => doc.diagnostics.filter((d) => d.code === 'section-header-unmatched').length;

const P1 = '1. (U) UQ1 The embassy hosted a reception on trade and culture';
const TAIL = '\n\n2. (U) UQ2 Trade week ends.\n';

describe('probe 68e F1: repeated header lines are whole lines or fields of the first header', () => {
  it.each<[string, string, Record<string, string>, number]>([
    [
      'f1g: a (C) paragraph repeating the subject words after blank lines',
      `${P1}.\n\n${SECTION}\n\n(C) ZQ1 SECRET TALKS WITH MINISTER\nZQ2 the minister said the deal is done.`,
      { UQ1: 'p1 U', ZQ1: 'p1.m1 C', ZQ2: 'p1.m1 C', UQ2: 'p2 U' },
      0,
    ],
    [
      'f1g: the same, the subject words exactly',
      `${P1}.\n\n${SECTION}\n\n(C) ZQS SECRET TALKS WITH MINISTER\nZQ2 the minister said the deal is done.`,
      { UQ1: 'p1 U', ZQS: 'p1.m1 C', ZQ2: 'p1.m1 C', UQ2: 'p2 U' },
      0,
    ],
    [
      'f1a: the (C) line under SIPDIS in the middle of a (U) sentence',
      `${P1} and\n${SECTION}\nSIPDIS\n(C) ZQS SECRET TALKS WITH MINISTER\nZQ2 the minister said the deal is done.`,
      { UQ1: 'p1 U', SIPDIS: 'furniture', ZQS: 'p1.m1 C', ZQ2: 'p1.m1 C' },
      0,
    ],
    [
      'f1f: a subject the first header does not hold, a (U) line after its wrap',
      `${P1}\n${SECTION}\nSUBJECT: ZQ1 GERMANY AGREES THAT OSLO PROCESS TEXT ON CLUSTER\nMUNITIONS ZQ2 SHOULD NOT HINDER INTEROPERABILITY\nUQ3 and the guests left at nine.`,
      { UQ1: 'p1 U', ZQ1: 'furniture', ZQ2: 'furniture', UQ3: 'p1 U', UQ2: 'p2 U' },
      1,
    ],
    [
      'f1b: such a subject in lower case: the header\'s wrap test keeps a sentence under a short line as text (warned)',
      `${P1} and\n${SECTION}\nSUBJECT: ZQ1 the minister said the deal\nUQ3 is done and they left at nine.`,
      { ZQ1: 'furniture', UQ3: 'p1 U' },
      1,
    ],
    [
      'in capitals throughout, such a subject takes its wrap by the header\'s test (warned)',
      `1. (U) UQ1 THE EMBASSY HOSTED A RECEPTION ON TRADE AND\n${SECTION}\nSUBJECT: ZQ5 OTHER TALKS WITH THE ZQ6 MINISTER OF\nZQ7 DEFENSE\n\nUQ3 PRESS REPRESENTATIVES FROM THE CAPITAL.`,
      { ZQ5: 'furniture', ZQ7: 'furniture', UQ3: 'p1 U' },
      1,
    ],
    [
      'the known subject re-wrapped and the REF wrapped otherwise',
      `${P1} and\n${SECTION}\nSIPDIS\n${EO}\nTAGS: MOPS PARM PREL NATO GM\nSUBJECT: (C) ZQS SECRET\nTALKS WITH MINISTER\nREF: A. STATE 13607 B. BERLIN 000150\nUQ3 press representatives from the capital.`,
      { ZQS: 'furniture', TALKS: 'furniture', 'A. STATE': 'furniture', UQ3: 'p1 U' },
      0,
    ],
    [
      'a line going on past the known subject is text',
      `${P1} and\n${SECTION}\nSUBJECT: (C) ZQS SECRET TALKS WITH MINISTER\nMINISTER UQ3 press representatives from the capital.`,
      { ZQS: 'furniture', UQ3: 'p1 U' },
      0,
    ],
    [
      'a header line is no copy once the paragraph went on',
      `${P1} and\n${SECTION}\nUQ3 press representatives from the capital and\nTAGS: MOPS PARM PREL NATO GM`,
      { UQ3: 'text1 unmarked', 'TAGS: MOPS': 'text1 unmarked' },
      0,
    ],
  ])('%s', (_name, body, expected, warnings) => {
    const doc = read(`${body}${TAIL}`);
    expect(invariantProblems(doc)).toEqual([]);
    for (const [token, at] of Object.entries(expected)) expect(where(doc, token), token).toBe(at);
    expect(unmatched(doc)).toBe(warnings);
  });
});
