/**
 * Page numbers (`Page 1 of 2`, `- 2 -`, a bare `2`) at a page's top or bottom, and an Army memo's
 * head (AR 25-50: a letterhead ending in an APO address, the office symbol with the date at the
 * right margin). Read as unmarked paragraphs, a page number was withheld under B1 in a classified
 * memo and cut the paragraph that runs on to the next page off its mark: the rest of that paragraph
 * became unmarked text. Now a page number is boilerplate and a page gap, as a banner is. What only
 * looks like one (a number of another value, a page number in the middle of a page, a number in a
 * one-page text) stays text, to be decided.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/parse/read.js';
import { releaseDocument, withheldTexts } from '../../../src/release/index.js';
import { loadProfile } from '../../../src/rules/load.js';
import { findLeaks } from '../../helpers/leak.js';
import { extractPdfText } from '../../helpers/pdf-text.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

const PAGE_1 = `SECRET//NOFORN

                         DEPARTMENT OF THE ARMY
                   HEADQUARTERS, U.S. ARMY EUROPE
                          APO AE 09014-9351

AEIN-ZA                                                      15 March 2019

MEMORANDUM FOR Commander, 66th Military Intelligence Brigade

SUBJECT: (U) Collection Priorities for FY20

1. (U) The priorities below replace those of the collection plan of last year.

2. (C//REL TO USA, NATO) Background. Allied partners requested an increase in
shared reporting on the eastern flank during the last planning conference, and

                                                              Page 1 of 2
SECRET//NOFORN
`;

const PAGE_2 = `SECRET//NOFORN

the staff agreed zulu to review the request before the next conference.

3. (S//NF) Priority one remains the order of battle yankee of the western district.

4. (U) The point of contact for this memorandum is the G2 plans officer.

Classified By: John A. Smith, BG, DCS G2
Derived From: USAREUR SCG 2018
Declassify On: 20440315

                                                              Page 2 of 2
SECRET//NOFORN
`;

const MEMO = `${PAGE_1}\f${PAGE_2}`;

const read = (text: string) => readDocument(text, { format: 'document' }).doc;
const firstLines = (text: string) => read(text).portions.map((p) => `${p.kind}:${text.slice(p.span.start, p.span.end).split('\n')[0]!.trim()}`);

async function release(id: string, text = MEMO) {
  const result = await releaseDocument({ doc: read(text), profile: profile(id), asOf: '2026-12-05', stem: 'ARMY', input: { path: 'ARMY.txt', sha256: '0'.repeat(64) }, formats: ['text', 'pdf'] });
  const by = new Map(result.plan.decisions.map((d) => [d.portionId, `${d.action} ${d.authority.join(', ')}`]));
  return { result, by };
}

describe('page numbers', () => {
  it('are not portions, and the paragraph that runs on to the next page keeps its mark', () => {
    const doc = read(MEMO);
    expect(firstLines(MEMO)).toEqual([
      'header:MEMORANDUM FOR Commander, 66th Military Intelligence Brigade',
      'subject:SUBJECT: (U) Collection Priorities for FY20',
      'item:1. (U) The priorities below replace those of the collection plan of last year.',
      'item:2. (C//REL TO USA, NATO) Background. Allied partners requested an increase in',
      'item:3. (S//NF) Priority one remains the order of battle yankee of the western district.',
      'item:4. (U) The point of contact for this memorandum is the G2 plans officer.',
    ]);
    const p2 = doc.portions.find((p) => p.id === 'p2')!;
    expect(MEMO.slice(p2.span.start, p2.span.end)).toContain('the staff agreed zulu');
    // The page number and the banners between the paragraph's pages are not its content.
    expect(p2.segments.map((s) => MEMO.slice(s.start, s.end)).join(' ')).not.toMatch(/Page 1 of 2|SECRET\/\/NOFORN/);
    expect((doc.boilerplate ?? []).map((s) => MEMO.slice(s.start, s.end))).toEqual(expect.arrayContaining(['Page 1 of 2', 'Page 2 of 2']));
    expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('public: kept as written; the paragraph across the page is withheld whole; nothing withheld leaks', async () => {
    const { result, by } = await release('public');
    expect(by.get('p2')).toMatch(/^withhold B1/);
    expect(result.releaseText).toContain('Page 2 of 2');
    expect(result.releaseText).not.toMatch(/zulu|yankee/);
    const withheld = withheldTexts(result.plan);
    expect(findLeaks(withheld, result.releaseText)).toEqual([]);
    const pdf = (await extractPdfText(result.files.find((f) => f.kind === 'pdf')!.bytes)).pages.join('\n');
    expect(pdf).not.toMatch(/zulu|yankee/);
    expect(findLeaks(withheld, pdf)).toEqual([]);
  });

  it('nato: the paragraph REL TO NATO is released with its second page; the NOFORN one is not', async () => {
    const { result, by } = await release('nato');
    expect(by.get('p2')).toMatch(/^release/);
    expect(by.get('p3')).toMatch(/^withhold/);
    expect(result.releaseText).toContain('the staff agreed zulu');
    expect(result.releaseText).not.toContain('yankee');
  });

  it.each([
    ['- 2 -', true],
    ['2', true],
    ['1', true], // a cover page left unnumbered
    ['PAGE 2', true],
    ['2 of 2', true],
    ['2/2', true], // a browser's page count
    ['2/5', true],
    ['1/2', false], // not this page
    ['3/4', false],
    ['12/5/26, 12:15 PM', true], // a browser's print stamp
    ['12/5/26', false], // a date alone
    ['7', false], // not this page's number
    ['2.', false],
    ['Page two', false],
  ])('%j at the bottom of page 2 is a page number: %s', (folio, taken) => {
    const text = MEMO.replace('Page 2 of 2', folio);
    const portions = read(text).portions.map((p) => text.slice(p.span.start, p.span.end).trim());
    expect(portions.includes(folio)).toBe(!taken);
  });

  it("a number or a print stamp right under a paragraph's last line is that paragraph's: withheld with it", async () => {
    for (const tail of ['1', '1/2', '12/5/26, 12:15 PM', 'Page 1 of 2']) {
      // At the foot of page 1, right under the last line of the (C//REL TO USA, NATO) paragraph.
      const text = MEMO.replace(/conference, and\n\n +Page 1 of 2\n/, `conference, and\n${tail}\n`);
      expect(text).not.toBe(MEMO);
      const doc = read(text);
      expect((doc.boilerplate ?? []).map((s) => text.slice(s.start, s.end))).not.toContain(tail);
      const { result } = await release('public', text);
      expect(result.releaseText.split('\n').map((l) => l.trim())).not.toContain(tail);
    }
  });

  // A deck's slide numbers where slides were left out (an excerpt): read by their values alone,
  // `3` and `5` were unmarked portions, withheld under B1 (probe 66b, F5).
  const deck = (numbers: readonly string[]) => numbers.map((n, k) => `SECRET//NOFORN\n\n(U) Slide text UQ${k}.\n\nSECRET//NOFORN\n\n${' '.repeat(60)}${n}\n`).join('\f');
  it.each([
    [['1', '3', '5'], []],
    [['2', '3', '7'], []],
    [['1', '5', '3'], ['5']], // not rising: `5` is text (`3` is page 3's number)
    [['1', '5', ''], ['5']], // on fewer than three pages
  ] as const)('slide numbers %j at the foot of pages 1 to 3: the numbers read as text are %j', (numbers, text) => {
    const source = deck(numbers);
    const portions = read(source).portions.map((p) => source.slice(p.span.start, p.span.end).trim());
    expect(portions.filter((p) => /^\d+$/.test(p))).toEqual(text);
  });

  it('a page number in the middle of a page, or a bare number in a one-page text, stays text', () => {
    const middle = MEMO.replace('4. (U) The point', 'Page 2 of 2\n\n4. (U) The point');
    expect(firstLines(middle)).toContain('paragraph:Page 2 of 2');
    const onePage = PAGE_2.replace('Page 2 of 2', '1');
    expect(firstLines(onePage)).toContain('paragraph:1');
  });
});

describe("an Army memo's head", () => {
  it('reads the letterhead ending in an APO address and the office symbol line as the date', () => {
    const doc = read(MEMO);
    expect(doc.originated).toBe('2019-03-15');
    expect(doc.diagnostics.some((d) => d.code === 'letterhead')).toBe(true);
    const kept = (doc.boilerplate ?? []).map((s) => MEMO.slice(s.start, s.end));
    expect(kept).toEqual(expect.arrayContaining(['DEPARTMENT OF THE ARMY', 'APO AE 09014-9351']));
    expect(kept.some((k) => k.startsWith('AEIN-ZA'))).toBe(true);
  });

  it("reads them in a PDF's order too: the date, then the office symbol alone, then the addressee", () => {
    const text = MEMO.replace(/AEIN-ZA +15 March 2019/, '                                                             15 March 2019\n\nAEIN-ZA');
    const doc = read(text);
    expect(doc.originated).toBe('2019-03-15');
    expect((doc.boilerplate ?? []).map((s) => text.slice(s.start, s.end))).toEqual(expect.arrayContaining(['AEIN-ZA', 'DEPARTMENT OF THE ARMY']));
    expect(firstLines(text)[0]).toBe('header:MEMORANDUM FOR Commander, 66th Military Intelligence Brigade');
    // Not between the date and the addressee: text.
    const elsewhere = MEMO.replace('4. (U) The point', 'MQ-9\n\n4. (U) The point');
    expect(firstLines(elsewhere)).toContain('paragraph:MQ-9');
  });

  it('an office symbol with one space before the date, or no date after it, stays text', () => {
    for (const line of ['AEIN-ZA 15 March 2019', 'AEIN-ZA                     Priorities']) {
      const text = MEMO.replace(/AEIN-ZA +15 March 2019/, line);
      expect(firstLines(text)).toContain(`paragraph:${line}`);
    }
  });
});
