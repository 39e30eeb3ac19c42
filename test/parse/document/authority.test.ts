/** The classification authority block in all its forms, and prose that must not be read as one. */
import { describe, expect, it } from 'vitest';
import { parseMarkedDocument } from '../../../src/parse/document/index.js';
import { invariantProblems } from '../helpers.js';
import { readFileSync } from 'node:fs';
import { planRelease } from '../../../src/release/index.js';
import { loadProfile } from '../../../src/rules/load.js';

const publicProfile = loadProfile(readFileSync(new URL('../../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const BODY = 'SECRET\n\n(S) Body text.\n\n';

/** [what, block text, expected fields: classifiedBy, derivedFrom, reason, dated, sourceDate, declassifyOn, reasons] */
const FORMS: ReadonlyArray<readonly [string, string, Record<string, unknown>]> = [
  [
    'original classification, one field a line',
    'Classified By: J. Smith, Director, Office of X\nReason: 1.4(c)\nDeclassify On: 20320108\n',
    { classifiedBy: 'J. Smith, Director, Office of X', derivedFrom: null, reason: '1.4(c)', reasons: ['1.4(c)'], dated: null, declassifyOn: ['20320108'] },
  ],
  [
    'derivative classification with a dated source',
    'Classified By: jsmith\nDerived From: NSA/CSSM 1-52\nDated: 20070108\nDeclassify On: 25X1, 20591231\n',
    { classifiedBy: 'jsmith', derivedFrom: 'NSA/CSSM 1-52', dated: '20070108', sourceDate: '2007-01-08', declassifyOn: ['25X1, 20591231'] },
  ],
  [
    'two blocks side by side (original left, derivative right)',
    'Classified By: J. Smith, Director, Office of X        Derived From: NSA/CSSM 1-52\nReason: 1.4(c)                                        Dated: 20070108\nDeclassify On: 20320108                               Declassify On: 25X1, 20591231\n',
    { classifiedBy: 'J. Smith, Director, Office of X', derivedFrom: 'NSA/CSSM 1-52', reason: '1.4(c)', dated: '20070108', declassifyOn: ['20320108', '25X1, 20591231'] },
  ],
  [
    'the single line of SIDtoday',
    'DERIVED FROM: NSA/CSSM 1-52, DATED 08 JAN 2007 DECLASSIFY ON: 20320108\n',
    { derivedFrom: 'NSA/CSSM 1-52', dated: '08 JAN 2007', sourceDate: '2007-01-08', declassifyOn: ['20320108'] },
  ],
  [
    'reverse order, Markdown bold labels, an exemption without a date',
    '**Declassify On:** 50X1-HUM\n**Derived From:** Multiple Sources\n**Classified By:** 1234567\n',
    { classifiedBy: '1234567', derivedFrom: 'Multiple Sources', declassifyOn: ['50X1-HUM'] },
  ],
  [
    'a field continued on an indented line',
    'Classified By: J. Smith, Director,\n               Office of Strategic Programs\nReason: 1.4(a), (c)\nDeclassify On: 25X6\n',
    { classifiedBy: 'J. Smith, Director,\n               Office of Strategic Programs', reasons: ['1.4(a)', '1.4(c)'], declassifyOn: ['25X6'] },
  ],
  [
    // It was taken for a sentence run into the field: the block then had no Declassify On line.
    'a duration written out',
    'Classified By: J. Doe, Director\nReason: 1.4(c)\nDeclassify On: 20 years from date of document\n',
    { classifiedBy: 'J. Doe, Director', declassifyOn: ['20 years from date of document'] },
  ],
  [
    // Not taken for a sentence either: the instruction is read, and reported as a form it does not know.
    'an exemption plus years',
    'Classified By: J. Doe, Director\nReason: 1.4(c)\nDeclassify On: 25X1+25 Years\n',
    { classifiedBy: 'J. Doe, Director', declassifyOn: ['25X1+25 Years'] },
  ],
  [
    // NSA's short labels: the block was an unmarked paragraph (withheld) and the DECL date unread.
    'the short labels',
    'CL BY: 2175629\nCL REASON: 1.4(c)\nDECL ON: 20370901\nDRV FROM: NSA/CSSM 1-52, DATED: 20070108\n',
    { classifiedBy: '2175629', derivedFrom: 'NSA/CSSM 1-52', reason: '1.4(c)', reasons: ['1.4(c)'], dated: '20070108', sourceDate: '2007-01-08', declassifyOn: ['20370901'] },
  ],
  [
    'the short labels on one line, DRV FM',
    'CL BY: 2175629 DRV FM: NSA/CSSM 1-52 DECL ON: 20370901\n',
    { classifiedBy: '2175629', derivedFrom: 'NSA/CSSM 1-52', declassifyOn: ['20370901'] },
  ],
];

describe('authority block forms', () => {
  it.each(FORMS)('%s', (_what, block, expected) => {
    const text = `${BODY}${block}\nSECRET\n`;
    const doc = parseMarkedDocument(text);
    const a = doc.authority;
    expect(a).not.toBeNull();
    const got: Record<string, unknown> = {
      classifiedBy: a!.classifiedBy?.value ?? null,
      derivedFrom: a!.derivedFrom?.value ?? null,
      reason: a!.reason?.value ?? null,
      reasons: a!.reasons,
      dated: a!.dated?.value ?? null,
      sourceDate: a!.sourceDate,
      declassifyOn: a!.declassifyOn.map((f) => f.value),
    };
    for (const [k, v] of Object.entries(expected)) expect(got[k], k).toEqual(v);
    // The block is boilerplate: no portion holds it.
    expect(doc.portions.map((p) => p.id)).toEqual(['p1']);
    expect(invariantProblems(doc)).toEqual([]);
    // Classified By / Reason give the engine its {reasons}.
    if (a!.reason) expect(doc.classifiedBy?.reasons).toEqual(a!.reasons);
  });
});

describe('prose is never read as an authority line', () => {
  it.each([
    ['lower-case label', 'derived from diplomatic communications, private commercial networks, airline reservations and'],
    ['label without a colon at the line start', 'Derived From the outset, the team knew it'],
    ['a reason that is not a category', 'Reason: the team was late again and nobody knew why'],
    ['a Dated line alone', 'Dated: 20070108'],
    ['a Reason line alone', 'Reason: 1.4(c)'],
    ['a long value', `Classified By: ${'a very long sentence that keeps going '.repeat(5)}`],
    // A sentence run into a date was released with the line, as written.
    ['a date and a sentence', 'Declassify On: 20320108 The source said so.'],
    // The short labels need their colon and capitals at the line's start too.
    ['a short label without a colon', 'CL BY the end of the week the team had left'],
    ['a short label in lower case', 'decl on: 20320108'],
    ['a short label in title case', 'Decl on: the minister declined'],
    ['DECL without ON', 'DECL: the minister declined'],
  ])('%s', (_what, line) => {
    const doc = parseMarkedDocument(`(S) Start.\n${line}\n`);
    expect(doc.authority).toBeNull();
    expect(doc.boilerplate).toEqual([]);
  });
});

describe('a Reason line with words after its reasons', () => {
  it('is text of the document, not the block (it was released as written)', () => {
    const line = 'Reason: 1.4(c) source PELICANGATE met the handler at Kestrel Point';
    const text = `(S) Start.\nClassified By: J. Smith\n${line}\nDeclassify On: 20401231\n`;
    const doc = parseMarkedDocument(text);
    expect(doc.authority?.declassifyOn).toHaveLength(1);
    expect(doc.authority?.reason ?? null).toBeNull();
    const at = text.indexOf('PELICANGATE');
    expect(doc.portions.some((p) => p.span.start <= at && at < p.span.end)).toBe(true);
  });
});

describe('an indented line under Classified By or Derived From', () => {
  it.each([
    ['a bulleted mark', 'Classified By: John Doe, Director\n    * (TS) KILLER source said the facility is operational.\n'],
    ['a numbered mark', 'Classified By: John Doe, Director\n    1. (S) KILLER reported it.\n'],
    ['a mark in another form', 'Classified By: John Doe, Director\n    S//NF: KILLER reported it\n'],
    ['a sentence', 'Derived From: Multiple Sources\n    The KILLER source reported the facility is operational.\n'],
  ])('is text of the document when it holds %s (it was released as the block)', (_what, block) => {
    const text = `(S) Start.\n\n${block}Declassify On: 20401231\n`;
    const doc = parseMarkedDocument(text);
    expect(doc.authority?.declassifyOn).toHaveLength(1);
    const at = text.indexOf('KILLER');
    expect(doc.portions.some((p) => p.span.start <= at && at < p.span.end)).toBe(true);
  });

  it('goes on with the field when it is more of a name or an office', () => {
    const doc = parseMarkedDocument('(S) Start.\n\nClassified By: J. Smith, Director,\n    Office of Regional Affairs\nDeclassify On: 20401231\n');
    expect(doc.authority?.classifiedBy?.value.replace(/\s+/g, ' ')).toBe('J. Smith, Director, Office of Regional Affairs');
  });
});

describe('an indented line under Declassify On', () => {
  // `Declassify On: 20100108` / `    25X1-human` was read as the date alone: the document was
  // released in full as declassified in 2010, its exemption unread.
  const memo = (value: string) =>
    `SECRET//NOFORN\n\nSUBJECT: (U) Status\n\n1. (S) The plan is zulu secret.\n\n2. (U) The meeting was held.\n\nClassified By: J. Smith, Director\nDerived From: NSA/CSSM 1-52\nDeclassify On: ${value}\n\nSECRET//NOFORN\n`;

  it('goes on with the value: an exemption under a passed date keeps the document from declassifying', () => {
    const doc = parseMarkedDocument(memo('20100108\n               25X1-human'));
    expect(doc.authority?.declassifyOn.map((f) => f.value.replace(/\s+/g, ' '))).toEqual(['20100108 25X1-human']);
    const plan = planRelease(doc, publicProfile, { asOf: '2026-12-01', stem: 'TEST' });
    // Read as the same value on one line (`20100108, 25X1-human`): a passed date for an exemption, a reviewer's.
    expect(plan.plan.declassification.status).toBe('review');
    expect(plan.plan.declassification.reason).toContain('2010-01-08 for 50X1-HUM');
    expect(plan.releaseText).not.toContain('zulu');
  });

  it.each(['20100108\n25X1-human', '20100108,\nOADR', '20100108\n50X1-HUM'])('%j: an exemption or prior order on the line under it, not indented, is more of the value', (value) => {
    const doc = parseMarkedDocument(memo(value));
    expect(doc.authority?.declassifyOn.map((f) => f.value.replace(/\s+/g, ' '))).toEqual([value.replace(/\s+/g, ' ')]);
    expect(planRelease(doc, publicProfile, { asOf: '2026-12-01', stem: 'TEST' }).plan.declassification.status).not.toBe('declassified');
  });

  it('a sentence under it is text of the document, not the value', () => {
    const text = memo('20320108\n               The zulu source said so.');
    const doc = parseMarkedDocument(text);
    expect(doc.authority?.declassifyOn.map((f) => f.value)).toEqual(['20320108']);
    const at = text.indexOf('The zulu source');
    expect(doc.portions.some((p) => p.span.start <= at && at < p.span.end)).toBe(true);
  });
});

describe('a Declassify On line whose value is not read', () => {
  // `Declassify On: 20360315 (per guide 2-10)` was no authority line at all, so another Declassify On
  // line (an example the memo quotes, `Declassify On: 20111231`) decided alone: the memo was
  // released as declassified in 2011.
  const text =
    'SECRET//NOFORN\n\nMEMORANDUM FOR: Director\nSUBJECT: (U) Marking guidance\nDATE: 15 March 2011\n\n(U) An example block from the guide:\n\nDeclassify On: 20111231\n\n(S//NF) The ECHOWORD item was provided by the partner service.\n\nClassified By: J. Smith, Chief\nReason: 1.4(b)\nDeclassify On: 20360315 (per guide 2-10)\n\nSECRET//NOFORN\n';

  it('counts as an instruction not understood: the document is not declassified by the other line', () => {
    const doc = parseMarkedDocument(text);
    expect(doc.authority?.declassifyOn.map((f) => f.value)).toEqual(['20111231', '20360315 (per guide 2-10)']);
    const plan = planRelease(doc, publicProfile, { asOf: '2012-01-01', stem: 'TEST' });
    expect(plan.plan.declassification.status).not.toBe('declassified');
    expect(plan.releaseText).not.toContain('ECHOWORD');
  });

  it('stays text of the document: words run into it are judged as a portion', () => {
    const t = '(S) Start.\n\nClassified By: J. Smith, Chief\nDeclassify On: 20320108 The ECHOWORD source said so.\n';
    const doc = parseMarkedDocument(t);
    const at = t.indexOf('ECHOWORD');
    expect(doc.portions.some((p) => p.span.start <= at && at < p.span.end)).toBe(true);
  });
});

describe('a Classified By or Derived From value that is a sentence', () => {
  // `Derived From: Multiple Sources; the … minister will resign next week` and `Classified By: J.
  // Smith, Chief, who met … source in Vienna` were released as the block, to every profile.
  it.each([
    ['Derived From', 'Multiple Sources; the KILOWORD minister will resign next week'],
    ['Classified By', 'J. Smith, Chief, who met the KILOWORD source in Vienna'],
    ['Classified By', 'J. Smith; the KILOWORD plan was approved'],
  ])('%s: %j is text of the document, withheld in a classified memo', (label, value) => {
    const text = `SECRET//NOFORN\n\nSUBJECT: (U) Notes\n\n(U) Opening.\n\n(S//NF) The item.\n\nClassified By: J. Smith, Chief\n${label === 'Classified By' ? `Classified By: ${value}` : `Derived From: ${value}`}\nDeclassify On: 20360315\n\nSECRET//NOFORN\n`;
    const doc = parseMarkedDocument(text);
    const at = text.indexOf('KILOWORD');
    expect(doc.portions.some((p) => p.span.start <= at && at < p.span.end)).toBe(true);
    expect(planRelease(doc, publicProfile, { asOf: '2012-01-01', stem: 'TEST' }).releaseText).not.toContain('KILOWORD');
  });

  it.each(['Multiple Sources; see source list', 'DoD Manual 5200.01 and the classification guide of the program', 'Memo dated 3 May 2011 from the Director', 'J. Smith, Chief, Office of the Deputy Director for Analysis and Production'])('%j stays the value', (value) => {
    const doc = parseMarkedDocument(`(S) Start.\n\nClassified By: J. Smith, Chief\nDerived From: ${value}\nDeclassify On: 20401231\n`);
    expect(doc.authority?.derivedFrom?.value).toBe(value);
  });
});

describe('a Declassify On date with an event after it (probe 64c F7)', () => {
  // `Declassify On: 20160101 or completion of operation` was cut out of the block as an unmarked
  // paragraph (withheld, pending review) while the event-first form stayed in it.
  it.each([
    ['20160101 or completion of operation', 'decl-event'],
    ['20160101 or upon completion of the operation, whichever is later', 'decl-event'],
    ['20160101, or completion of operation, whichever is earlier', 'decl-event'],
  ])('%j is the block\'s whole line', (value) => {
    const t = `SECRET\n\nDATE: 1 March 2006\n\n(S) Start ZQf07.\n\nClassified By: J. Smith, Chief\nReason: 1.4(c)\nDeclassify On: ${value}\n\nSECRET\n`;
    const doc = parseMarkedDocument(t);
    expect(doc.authority?.declassifyOn.map((f) => f.value)).toEqual([value]);
    const at = t.indexOf('Declassify On');
    expect(doc.portions.some((p) => p.span.start <= at && at < p.span.end)).toBe(false);
    const plan = planRelease(doc, publicProfile, { asOf: '2026-12-01', stem: 'TEST' });
    expect(plan.plan.declassification.status).toBe('review');
    expect(plan.releaseText).toContain(`Declassify On: ${value}`);
  });

  it.each(['20320108 or the source said the minister would resign', '20320108 or ECHOWORD told the handler (S) about it'])('%j stays text of the document', (value) => {
    const t = `(S) Start.\n\nClassified By: J. Smith, Chief\nDeclassify On: ${value}\n`;
    const doc = parseMarkedDocument(t);
    const at = t.indexOf(value);
    expect(doc.portions.some((p) => p.span.start <= at && at < p.span.end)).toBe(true);
  });
});
