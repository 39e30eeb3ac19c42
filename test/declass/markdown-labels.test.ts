/**
 * A memo written in Markdown bolds its authority labels. The block was read (its fields parsed),
 * but the Declassify On value was assessed from the field as written, `Declassify On:** 20210315`,
 * a form not known: the memo was `invalid` and went to pending/ whatever its date (found by a probe).
 */
import { describe, expect, it } from 'vitest';
import { assessDocument } from '../../src/declass/assess.js';
import { readDocument } from '../../src/parse/read.js';

const memo = (block: string) => `SECRET//NOFORN\n\nDATE: 15 March 2011\n\n(S//NF) The liaison service shared reporting.\n\n${block}\n\nSECRET//NOFORN\n`;

describe('Markdown bold authority labels', () => {
  it.each([
    ['**Declassify On:** 20210315', 'declassified', '2021-03-15'],
    ['**Declassify On**: 20210315', 'declassified', '2021-03-15'],
    ['__Declassify On:__ 20210315', 'declassified', '2021-03-15'],
    ['*Declassify On:* 20210315', 'declassified', '2021-03-15'],
    ['**Declassify On:** 20360315', 'classified', '2036-03-15'],
    ['Declassify On: 20210315', 'declassified', '2021-03-15'],
  ])('%s → %s', (line, status, date) => {
    const text = memo(`**Classified By:** J. Smith\n**Reason:** 1.4(c)\n${line}`);
    const a = assessDocument(readDocument(text).doc, '2026-06-01');
    expect(a).toMatchObject({ status, declassifyOn: date });
  });

  it('the field as shown has no emphasis markers', () => {
    const doc = readDocument(memo('**Classified By:** J. Smith\n**Reason:** 1.4(c)\n**Declassify On:** 50X1-HUM')).doc;
    expect(doc.authority?.declassifyOn.map((f) => f.raw)).toEqual(['Declassify On: 50X1-HUM']);
  });

  // Probe 16b: an exemption under the date, decorated or after a hard break, was dropped and the
  // memo released as declassified by the date above it.
  it.each([
    ['**Declassify On:** 20210315\n*25X1-human*'],
    ['**Declassify On:** 20210315\n**25X1-human**'],
    ['Declassify On: 20210315\n(25X1-human)'],
    ['**Declassify On:** 20210315 \\\n25X1-human'],
    ['Declassify On: 20210315\n\n| Declassify On: | 20400101 |'],
  ])('%j: the line under it is more of the value, never declassified by the date alone', (block) => {
    const a = assessDocument(readDocument(memo(`**Classified By:** J. Smith\n**Reason:** 1.4(c)\n${block}`)).doc, '2026-06-01');
    expect(a.status).not.toBe('declassified');
  });
});
