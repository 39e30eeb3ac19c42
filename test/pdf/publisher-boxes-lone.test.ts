/**
 * A publisher's black box on a paragraph's first, last or only line (The Intercept's bars over
 * names in SIDtoday: `(U//FOUO) Sessions will be hosted by ■ Chief of the SID Workforce …`):
 * no line of the paragraph runs through the gap on that side, and the words after the box were a
 * portion of their own, unmarked, withheld under B1 though the paragraph is (U). They are the
 * line's now, where nothing on the page says the gap is a gutter between two flows; the attacks
 * (two columns with bars over the gutter on a column's first or last row, a column beside the
 * line's right-hand text, a mark after the box, text drawn out of order) keep the cut, and the
 * unmarked column text stays withheld. Every release is read back with pdftotext and pdf.js.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/index.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { readPdfInput } from '../../src/release/pdf.js';
import { pdfjsText, popplerText, rawAndInflated } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

const SIZE = 10;

interface Page {
  readonly page: PDFPage;
  readonly font: PDFFont;
}

/** A SECRET memo with an authority block (classified on the release date), `draw` setting its body. */
async function memo(draw: (p: Page) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  page.drawText('SECRET//NOFORN', { x: 260, y: 770, size: SIZE, font });
  draw({ page, font });
  page.drawText('Classified By: John Smith, Director', { x: 72, y: 130, size: SIZE, font });
  page.drawText('Derived From: Multiple Sources', { x: 72, y: 118, size: SIZE, font });
  page.drawText('Declassify On: 20451231', { x: 72, y: 106, size: SIZE, font });
  page.drawText('SECRET//NOFORN', { x: 260, y: 30, size: SIZE, font });
  return doc.save({ useObjectStreams: false });
}

/** Runs of text and boxes (a number: a black box that wide, a word space either side) left to right on one row at `y`. */
function row({ page, font }: Page, x: number, y: number, runs: readonly (string | number)[]): void {
  for (const r of runs) {
    if (typeof r === 'string') {
      page.drawText(r, { x, y, size: SIZE, font });
      x += font.widthOfTextAtSize(r, SIZE);
    } else {
      x += 3;
      page.drawRectangle({ x, y: y - 3, width: r, height: 13, color: rgb(0, 0, 0) });
      x += r + 3;
    }
  }
}

async function portions(bytes: Uint8Array) {
  const read = await readPdfInput(bytes);
  if (!read.ok) throw new Error(read.message);
  const plan = evaluate(read.doc, await resolveProfile('public'), { asOf: '2026-12-01', overrides: null, fallbackRef: 'X' });
  return read.doc.portions.map((p) => {
    const d = plan.decisions.find((x) => x.portionId === p.id)!;
    return { text: read.doc.source.slice(p.span.start, p.span.end).replace(/\s+/g, ' '), mark: p.mark?.raw ?? null, action: d.action };
  });
}

/** The release's text by pdftotext and by pdf.js (spaces folded); the release must exist. */
async function released(bytes: Uint8Array): Promise<{ poppler: string | null; pdfjs: string; raw: string }> {
  const { pdf, failed } = await releaseMemoPdf(bytes);
  expect(failed).toBe(0);
  expect(pdf).not.toBeNull();
  const fold = (s: string): string => s.replace(/\s+/g, ' ');
  const pop = popplerText(pdf!);
  return { poppler: pop === null ? null : fold(pop), pdfjs: fold((await pdfjsText(pdf!)).pages.join(' ')), raw: rawAndInflated(pdf!) };
}

/** The words after the box are the (U) paragraph's, released, and the (S) text stays out of the release. */
async function expectJoined(bytes: Uint8Array, after: string, secret: RegExp): Promise<void> {
  const ps = await portions(bytes);
  const u = ps.find((p) => p.text.includes(after))!;
  expect(u).toMatchObject({ action: 'release' });
  expect(u.mark).toMatch(/^\(U/);
  expect(ps.filter((p) => p.mark === null && p.text.includes(after))).toEqual([]);
  const r = await released(bytes);
  if (r.poppler !== null) expect(r.poppler).toContain(after);
  expect(r.pdfjs).toContain(after);
  for (const t of [r.poppler ?? '', r.pdfjs, r.raw]) expect(t).not.toMatch(secret);
}

/**
 * No ZEBRA word is read into a (U) portion: every portion holding one is unmarked or marked
 * classified, and withheld; and none is in the release.
 */
async function expectApart(bytes: Uint8Array): Promise<void> {
  const ps = await portions(bytes);
  const zebra = ps.filter((p) => /ZEBRA/.test(p.text));
  expect(zebra.length).toBeGreaterThan(0);
  for (const p of zebra) {
    expect(p.mark ?? '', p.text).not.toMatch(/^\(U/);
    expect(p.action, p.text).toBe('withhold');
  }
  const { pdf, failed } = await releaseMemoPdf(bytes);
  expect(failed).toBe(0);
  // A mark not understood sends the document to pending: no release file, nothing to read back.
  if (pdf === null) return;
  const r = await released(bytes);
  for (const t of [r.poppler ?? '', r.pdfjs, r.raw]) expect(t).not.toMatch(/ZEBRA/);
}

/** The rest of a full line (under 90 characters in all, inside the page's margins). */
const LONG = 'of the series every week';

describe('a publisher box on a paragraph\'s first, last or only line', () => {
  it('first line: the words after the box stay in its (U) paragraph', async () => {
    const bytes = await memo((p) => {
      row(p, 72, 724, ['(S//NF) SECRETWORD the source met the minister at home and named the asset in the city.']);
      row(p, 72, 700, ['(U) This session will be hosted by', 70, 'Chief of the SID Workforce Office, and']);
      row(p, 72, 688, [`all are welcome to come with questions and ideas for the office ${LONG}.`]);
      row(p, 72, 676, [`Seats are limited and given in the order requests arrive ${LONG}.`]);
    });
    await expectJoined(bytes, 'Chief of the SID Workforce', /SECRETWORD/);
  });

  it('last line: the words after the box stay in its (U) paragraph', async () => {
    const bytes = await memo((p) => {
      row(p, 72, 712, [`(U) The seminar series goes on through the spring and the summer ${LONG}.`]);
      row(p, 72, 700, [`Questions about the talks go to the office of the series, which answers.`]);
      row(p, 72, 688, ['For more information, please contact', 60, 'or send an email to the office.']);
      row(p, 72, 658, ['(S//NF) SECRETWORD the source met the minister at home and named the asset in the city.']);
    });
    await expectJoined(bytes, 'or send an email to the office', /SECRETWORD/);
  });

  it('only line: the words after the box stay in its (U) paragraph', async () => {
    const bytes = await memo((p) => {
      row(p, 72, 700, ['(U) Questions go to the office at', 60, 'or to the desk of the program.']);
      row(p, 72, 670, ['(S//SI) SECRETWORD the desk reported the meeting with the source of the program.']);
    });
    await expectJoined(bytes, 'or to the desk of the program', /SECRETWORD/);
  });
});

describe('a box that may bridge a gutter between two flows keeps the cut (fail closed)', () => {
  // A (U) line across the page above two columns: the (U) column left, an unmarked column right.
  // Swapped, the unmarked column is the left one.
  const columns = (bars: readonly number[], above: boolean, swap = false) =>
    memo((p) => {
      const rows: [string, string][] = [
        ['(U) The office is open all week', 'ZEBRA1 the source met the minister'],
        ['and visitors sign in at the desk', 'ZEBRA2 at home and named the asset'],
        ['and parking is in the east lot.', 'ZEBRA3 in the port city last week.'],
      ].map(([a, b]) => (swap ? [b!, a!] : [a!, b!]));
      const full = `(U) The office announces its hours for the season to all of the staff ${LONG}.`;
      if (above) row(p, 72, 724, [full]);
      rows.forEach(([left, right], i) => {
        const y = 700 - 12 * i;
        if (bars.includes(i)) {
          const w = 300 - 72 - p.font.widthOfTextAtSize(left, SIZE) - 6;
          row(p, 72, y, [left, w, right]);
        } else {
          row(p, 72, y, [left]);
          row(p, 300, y, [right]);
        }
      });
      if (!above) row(p, 72, 652, [full]);
    });

  it('a bar over the gutter on the columns\' first row, a (U) line above', async () => {
    await expectApart(await columns([0], true));
  });

  it('bars over the gutter on every row, a (U) line above', async () => {
    await expectApart(await columns([0, 1, 2], true));
  });

  it('a bar over the gutter on the columns\' last row, a (U) line below', async () => {
    await expectApart(await columns([2], false));
  });

  it('bars over the gutter on every row, a (U) line below', async () => {
    await expectApart(await columns([0, 1, 2], false));
  });

  it.each([
    ['first', [0], true],
    ['last', [2], false],
  ] as const)('the unmarked column on the left, a bar over the gutter on the columns\' %s row', async (_, bars, above) => {
    await expectApart(await columns(bars, above, true));
  });

  it('a column\'s line above the text right of the box (the (U) line its only line on the left)', async () => {
    await expectApart(
      await memo((p) => {
        row(p, 300, 712, ['(S//NF) ZEBRA1 the source met the minister']);
        const left = '(U) The office is open all week.';
        row(p, 72, 700, [left, 300 - 72 - p.font.widthOfTextAtSize(left, SIZE) - 6, 'ZEBRA2 at home and named the asset']);
      }),
    );
  });

  it('a column\'s line below the text right of the box', async () => {
    await expectApart(
      await memo((p) => {
        const left = '(U) The office is open all week.';
        row(p, 72, 700, [left, 300 - 72 - p.font.widthOfTextAtSize(left, SIZE) - 6, 'ZEBRA1 the source met the minister']);
        row(p, 300, 688, ['ZEBRA2 at home and named the asset.']);
      }),
    );
  });

  it.each(['(S//SI) ZEBRA the source met the minister.', '• (S//SI) ZEBRA the source met the minister.', '1. [S] ZEBRA the source met the minister.'])(
    'a mark after the box opens a portion of its own: %s',
    async (right) => {
      const bytes = await memo((p) => {
        row(p, 72, 700, ['(U) Questions go to the office at', 60, right]);
      });
      await expectApart(bytes);
    },
  );

  it('text right of the box drawn before the text left of it (two flows)', async () => {
    const bytes = await memo(({ page, font }) => {
      const left = '(U) Questions go to the office at';
      const x = 72 + font.widthOfTextAtSize(left, SIZE) + 3;
      page.drawText('ZEBRA the source met the minister.', { x: x + 66, y: 700, size: SIZE, font });
      page.drawRectangle({ x, y: 697, width: 60, height: 13, color: rgb(0, 0, 0) });
      page.drawText(left, { x: 72, y: 700, size: SIZE, font });
    });
    await expectApart(bytes);
  });

  it('text right of the box at another size', async () => {
    const bytes = await memo(({ page, font }) => {
      const left = '(U) Questions go to the office at';
      const x = 72 + font.widthOfTextAtSize(left, SIZE) + 3;
      page.drawText(left, { x: 72, y: 700, size: SIZE, font });
      page.drawRectangle({ x, y: 697, width: 60, height: 13, color: rgb(0, 0, 0) });
      page.drawText('ZEBRA the source met the minister.', { x: x + 66, y: 700, size: 8, font });
    });
    await expectApart(bytes);
  });
});
