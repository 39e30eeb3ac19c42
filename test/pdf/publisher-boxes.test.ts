/**
 * What cut a marked paragraph of a released PDF (SIDtoday as The Intercept published it) into a
 * marked piece and an unmarked one, withheld under B1 though the paragraph is (U) or (U//FOUO):
 * - the publisher's black boxes over names in a line (`please contact us at ■ or send an email to
 *   ■ nsa.`): the gap a box fills was read as a column gutter, and the words after it as a block
 *   of their own;
 * - a line the wrap opened with `(U.S. Foreign and Security Policy …)`, taken for a mark.
 * A real mark at a line's start still opens a portion of its own, and a light box bridges nothing.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/index.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { readPdfLayout } from '../../src/pdf/index.js';
import { readPdfInput } from '../../src/release/pdf.js';
import { popplerText, pdfjsText } from './helpers/check.js';
import { releaseMemoPdf, releaseShown } from './helpers/release-memo.js';

const SIZE = 10;

interface Page {
  readonly page: PDFPage;
  readonly font: PDFFont;
  /** Courier: text in another font than the memo's. */
  readonly mono: PDFFont;
}

async function memo(draw: (p: Page) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const mono = await doc.embedFont(StandardFonts.Courier);
  const page = doc.addPage([612, 792]);
  page.drawText('SECRET//NOFORN', { x: 260, y: 770, size: SIZE, font });
  draw({ page, font, mono });
  page.drawText('SECRET//NOFORN', { x: 260, y: 30, size: SIZE, font });
  return doc.save({ useObjectStreams: false });
}

/** Runs of text and boxes (`null`: a box `width` wide) set left to right on one row at `y`. */
function row({ page, font }: Page, x: number, y: number, runs: readonly (string | number)[], shade = 0): void {
  for (const r of runs) {
    if (typeof r === 'string') {
      page.drawText(r, { x, y, size: SIZE, font });
      x += font.widthOfTextAtSize(r, SIZE);
    } else {
      // A box a line high over the baseline, as The Intercept draws them, with a word space either side.
      x += 3;
      page.drawRectangle({ x, y: y - 3, width: r, height: 13, color: rgb(shade, shade, shade) });
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
    return { text: read.doc.source.slice(p.span.start, p.span.end).replace(/\s+/g, ' '), mark: p.mark?.raw ?? null, action: d.action, authority: d.authority };
  });
}

describe('a publisher box inside a line', () => {
  // The box's line inside the paragraph: the lines above and below run through the gap it fills.
  const boxes = (shade: number) =>
    memo((p) => {
      row(p, 72, 712, ['(U) The seminar series goes on through the spring and the summer with speakers from all parts of']);
      row(p, 72, 700, ['every directorate. Please contact us at', 50, 'or send an email to', 40, 'nsa. Seats are limited.'], shade);
      row(p, 72, 688, ['Seats are limited and are given in the order requests arrive at the office of the series every week of the year.']);
      row(p, 72, 658, ['(S//SI) The source reported the meeting.']);
    });

  it('does not cut the line: the words after the box stay in its (U) paragraph', async () => {
    const layout = await readPdfLayout(await boxes(0));
    expect(layout.text).toContain('Please contact us at or send an email to nsa. Seats are limited.');
    const ps = await portions(await boxes(0));
    const u = ps.find((p) => p.text.includes('send an email'))!;
    expect(u).toMatchObject({ mark: '(U)', action: 'release' });
    expect(u.text).toContain('contact us at');
    expect(u.text).toContain('Seats are limited');
    // No piece of it withheld as unmarked text, under B1 or any other exemption.
    expect(ps.filter((p) => p.mark === null && /email|nsa/.test(p.text))).toEqual([]);
    // The (S//SI) paragraph below keeps its own mark and stays withheld.
    expect(ps.find((p) => p.text.includes('source reported'))).toMatchObject({ mark: '(S//SI)', action: 'withhold' });
  });

  it('a light box (a shaded cell, not a redaction) bridges nothing: the gap stays a gutter', async () => {
    const ps = await portions(await boxes(0.9));
    // Cut at the light boxes, the words after them are not read as the (U) line's.
    expect(ps.find((p) => p.text.includes('contact us at'))!.text).not.toContain('contact us at or send');
  });

  it('text after a box that opens with a real mark on the next line is never read into the (U) paragraph', async () => {
    const bytes = await memo((p) => {
      row(p, 72, 712, ['(U) The office answers the questions of the staff on the program every day, and']);
      row(p, 72, 700, ['Questions go to the office at', 60, 'or to the desk of the program at any time of the day.']);
      row(p, 72, 688, ['(S//SI) The desk reported the meeting with the source of the program in the capital.']);
    });
    const ps = await portions(bytes);
    expect(ps.find((p) => p.text.includes('Questions'))).toMatchObject({ mark: '(U)', action: 'release' });
    expect(ps.find((p) => p.text.includes('Questions'))!.text).toContain('or to the desk of the program');
    expect(ps.find((p) => p.text.includes('desk reported'))).toMatchObject({ mark: '(S//SI)', action: 'withhold' });
  });

  it('black bars down the gutter of two columns drawn row by row do not join an (S) column to the (U) one beside it', async () => {
    // Each row drawn left to right across both columns, a bar filling the gutter on each row: had
    // the bars bridged the gutter, the (S) column's second and third lines (no mark of their own)
    // would have gone on with the (U) text of the row above them.
    const bytes = await memo((p) => {
      row(p, 72, 700, ['(S//SI) ZEBRAGUT1 the source met', 40, '(U) The office is open all week.']);
      row(p, 72, 688, ['ZEBRAGUT2 the minister at home', 40, 'Visitors sign in at the desk.']);
      row(p, 72, 676, ['ZEBRAGUT3 and named the asset.', 40, 'Parking is in the east lot.']);
    });
    const ps = await portions(bytes);
    for (const p of ps.filter((x) => /ZEBRAGUT/.test(x.text))) expect(p.action, p.text).toBe('withhold');
  });

  it('bars over a gutter of spaces (one run a row, the columns apart by blanks) do not join the (S) column to the (U) one (probe 16a)', async () => {
    const bytes = await memo(({ page, font }) => {
      const rows: [string, string][] = [
        ['(S//NF) ZEBRASP1 the source met', '(U) The office is open all week.'],
        ['ZEBRASP2 the minister at home', 'Visitors sign in at the desk.'],
        ['ZEBRASP3 and named the asset.', 'Parking is in the east lot.'],
      ];
      rows.forEach(([left, right], i) => {
        const y = 700 - 12 * i;
        const text = `${left}${' '.repeat(40)}`;
        page.drawText(`${text}${right}`, { x: 72, y, size: SIZE, font });
        const start = 72 + font.widthOfTextAtSize(left, SIZE) + 3;
        page.drawRectangle({ x: start, y: y - 3, width: 72 + font.widthOfTextAtSize(text, SIZE) - 3 - start, height: 13, color: rgb(0, 0, 0) });
      });
    });
    const ps = await portions(bytes);
    for (const p of ps.filter((x) => /ZEBRASP/.test(x.text))) expect(p.action, p.text).toBe('withhold');
  });

  it('a lone punctuation piece at the end of a (U) column\'s line does not reach across the gutter into the (S) column (probe 16a)', async () => {
    const bytes = await memo((p) => {
      row(p, 72, 712, ['(S//NF) ZEBRAPU1 the source met']);
      row(p, 320, 712, ['(U) The office is open all week']);
      row(p, 72, 700, ['ZEBRAPU2 and named the asset']);
      row(p, 320, 700, ['...']);
      row(p, 72, 688, ['ZEBRAPU3 at the port.']);
    });
    const ps = await portions(bytes);
    for (const p of ps.filter((x) => /ZEBRAPU/.test(x.text))) expect(p.action, p.text).toBe('withhold');
  });

  it('a box on a paragraph\'s only line is not taken for a hole in it: the words after it are withheld apart (fail closed)', async () => {
    const ps = await portions(
      await memo((p) => {
        row(p, 72, 700, ['(U) Questions go to the office at', 60, 'or to the desk']);
        row(p, 72, 670, ['(S//SI) The desk reported the meeting with the source.']);
      }),
    );
    expect(ps.find((p) => p.text.includes('desk reported'))).toMatchObject({ mark: '(S//SI)', action: 'withhold' });
    expect(ps.find((p) => p.text.includes('or to the desk') && !p.text.includes('reported'))?.action).toBe('withhold');
  });
});

describe('a wrapped line that opens with a dotted abbreviation in parentheses', () => {
  const para = (second: string) =>
    memo((p) => {
      row(p, 72, 700, ['(U//FOUO) Course Summary: crises in Sub-Saharan Africa continue to demand the attention of Area 4101']);
      row(p, 72, 688, [second]);
      row(p, 72, 676, ['(S//SI) The source reported the meeting.']);
    });

  it('(U.S. …) goes on with the paragraph above', async () => {
    const layout = await readPdfLayout(await para('(U.S. Foreign and Security Policy) will examine key issues.'));
    expect(layout.text).toContain('Area 4101 (U.S. Foreign and Security Policy) will examine key issues.');
    const ps = await portions(await para('(U.S. Foreign and Security Policy) will examine key issues.'));
    expect(ps.find((p) => p.text.includes('will examine'))).toMatchObject({ mark: '(U//FOUO)' });
    expect(ps.filter((p) => p.mark === null && p.text.includes('examine'))).toEqual([]);
  });

  it.each(['(U) The next paragraph is its own.', '(U//FOUO) The next paragraph is its own.', '(S//SI) The next paragraph is its own.'])('a real mark at the line start still opens a portion: %s', async (second) => {
    const layout = await readPdfLayout(await para(second));
    expect(layout.text).toContain(`Area 4101\n${second}`);
    const ps = await portions(await para(second));
    expect(ps.find((p) => p.text.includes('next paragraph'))!.text).toBe(second);
  });
});

/**
 * A bar on a paragraph's first or last line, or one whose neighbour's own bar lies under part of
 * its gap (probe 63c, finding 3: SIDtoday 2005-05-05 `(U//FOUO) Effective today, I am designating
 * ■ as the SID Mission Interface for` over `… In this capacity, ■ will be …`): the words after the
 * bar were an unmarked portion that took the paragraph's next lines, withheld, and the marked line
 * was read out of order. UQ words are the (U) paragraph's (released), ZQ words classified or
 * another column's (never released).
 */
describe("a publisher box on a paragraph's first or last line (bar-holes.ts)", () => {
  const LONG = 'of the series every week';
  const width = (p: Page, t: string): number => p.font.widthOfTextAtSize(t, SIZE);
  const cases: [string, (p: Page) => void, RegExp][] = [
    [
      'first line, the next line with a bar of its own under part of the gap',
      (p) => {
        row(p, 72, 740, ['(S//NF) ZQSECRET1 the source met the minister at home and named the asset in the city.']);
        const first = '(U) Effective today, I am designating';
        const second = 'Education and Training. Here,';
        // The second line's bar ends 10 pt into the first line's gap: no gutter-wide channel.
        const end = 72 + width(p, first) + 10;
        row(p, 72, 712, [first, 70, 'UQAFTER1 as the Mission Interface for']);
        row(p, 72, 700, [second, end - 72 - width(p, second) - 6, 'UQAFTER2 will be the primary staff interface to the']);
        row(p, 72, 688, [`directorate on all training issues and the staff support ${LONG}.`]);
        row(p, 72, 676, ['The office answers questions about the work.']);
      },
      /designating UQAFTER1 as the Mission Interface for Education and Training\. Here, UQAFTER2 will be/,
    ],
    [
      'last line',
      (p) => {
        row(p, 72, 712, ['(U) The seminar series goes on through the spring and the summer with speakers from all']);
        row(p, 72, 700, ['parts of the agency, and questions about the talks go to the office of the series. For more']);
        row(p, 72, 688, ['information, please contact', 60, 'UQAFTER1 or send an email to the office.']);
        row(p, 72, 658, ['(S//NF) ZQSECRET1 the source met the minister at home and named the asset in the city.']);
      },
      /please contact UQAFTER1 or send an email/,
    ],
  ];

  it.each(cases)('%s: the words after the box stay in their (U) paragraph, in order, and are released', async (_, draw, order) => {
    // With its authority block, the SECRET memo is released in part (a release PDF to read).
    const bytes = await memo((p) => {
      draw(p);
      ['Classified By: John Smith, Director', 'Derived From: Multiple Sources', 'Declassify On: 20301231'].forEach((t, i) => row(p, 72, 560 - 14 * i, [t]));
    });
    const ps = await portions(bytes);
    const u = ps.find((p) => p.text.includes('UQAFTER1'))!;
    expect(u).toMatchObject({ action: 'release' });
    expect(u.mark).toMatch(/^\(U/);
    expect(u.text).toMatch(order);
    expect(ps.filter((p) => p.mark === null && /UQAFTER/.test(p.text))).toEqual([]);
    const { shown } = await releaseShown(bytes, /ZQSECRET/);
    for (const t of shown.slice(1)) expect(t.replace(/\s+/g, ' ')).toContain('UQAFTER1');
  });
});

describe('a box that may bridge a gutter between two flows keeps the cut (bar-holes.ts, fail closed)', () => {
  const LONG = 'of the series every week';
  /** No ZQ word is read into a (U) portion or released; a document sent to pending has no release to read. */
  async function expectApart(bytes: Uint8Array): Promise<void> {
    const zq = (await portions(bytes)).filter((p) => /ZQ/.test(p.text));
    expect(zq.length).toBeGreaterThan(0);
    for (const p of zq) {
      expect(p.mark ?? '', p.text).not.toMatch(/^\(U/);
      expect(p.action, p.text).toBe('withhold');
    }
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(0);
    if (pdf === null) return;
    for (const t of [text ?? '', popplerText(pdf) ?? '', (await pdfjsText(pdf)).pages.join('\n')]) expect(t).not.toMatch(/ZQ/);
  }

  // A full-width (U) line 12 pt (1.2 em) above two columns, a (U) column left and an unmarked one right.
  const columns = (bars: readonly number[], right: readonly string[]) =>
    memo((p) => {
      row(p, 72, 712, [`(U) The office announces its hours for the season to all of the staff ${LONG}.`]);
      const left = ['(U) The office is open all week', 'and visitors sign in at the desk', 'and parking is in the east lot.'];
      left.forEach((l, i) => {
        const y = 700 - 12 * i;
        if (bars.includes(i) && right[i]) row(p, 72, y, [l, 300 - 72 - p.font.widthOfTextAtSize(l, SIZE) - 6, right[i]!]);
        else {
          row(p, 72, y, [l]);
          if (right[i]) row(p, 300, y, [right[i]!]);
        }
      });
    });
  const three = ['ZQCOL1 the source met the minister', 'ZQCOL2 at home and named the asset', 'ZQCOL3 in the port city last week.'];

  it.each([
    ['a bar on the columns\' first row', [0], three],
    ['bars on every row', [0, 1, 2], three],
    ['a one-line column beside a column that goes on below', [0], ['ZQCOL1 the source met the minister.']],
  ] as const)('%s, a full-width line 1.2 em above', async (_, bars, right) => {
    await expectApart(await columns(bars, right));
  });

  it.each([
    '(S ZQMARK the source met the minister.',
    'SECRET ZQMARK the source met the minister.',
    'Secret: ZQMARK the source met the minister.',
    '• (S//SI) ZQMARK the source met.',
    '1. [S] ZQMARK the source met.',
    // A mark without parentheses (probe 63d F1: joined, these were released inside the (U) line).
    'S//NF ZQMARK the source met the minister.',
    's//nf ZQMARK the source met the minister.',
    'TS//SI//NF ZQMARK the source met the minister.',
    'C ZQMARK the source met the minister.',
    'S/ ZQMARK the source met the minister.',
    'NF ZQMARK the source met the minister.',
    'REL TO USA ZQMARK the source met the minister.',
  ])(
    'words after the box that may open a portion: %s',
    async (right) => {
      const bytes = await memo((p) => {
        row(p, 72, 700, ['(U) Questions go to the office at', 60, right]);
        row(p, 72, 688, [`and the desk of the program answers them every day of the week ${LONG}.`]);
      });
      await expectApart(bytes);
    },
  );

  it.each([
    ['on a paragraph\'s last line', (p: Page) => {
      row(p, 72, 712, [`(U) Questions go to the office and the desk of the program answers them every day ${LONG}.`]);
      row(p, 72, 700, ['and the desk is open all week long', 60]);
      p.page.drawText('ZQFONT the source met the minister.', { x: 72 + p.font.widthOfTextAtSize('and the desk is open all week long', SIZE) + 66, y: 700, size: SIZE, font: p.mono });
    }],
    ['on a paragraph\'s first line', (p: Page) => {
      row(p, 72, 700, ['(U) Questions go to the office at', 60]);
      p.page.drawText('ZQFONT the source met.', { x: 72 + p.font.widthOfTextAtSize('(U) Questions go to the office at', SIZE) + 66, y: 700, size: SIZE, font: p.mono });
      row(p, 72, 688, [`and the desk of the program answers them every day of the week ${LONG}.`]);
    }],
  ] as const)('text right of the box in another font (probe 63d F2), %s', async (_, draw) => {
    await expectApart(await memo(draw));
  });

  it('a box wider than a redacted phrase (probe 63d F2: 200 pt)', async () => {
    const bytes = await memo((p) => {
      row(p, 72, 712, [`(U) Questions go to the office and the desk of the program answers them every day ${LONG}.`]);
      row(p, 72, 700, ['and the desk', 200, 'ZQWIDE the source met.']);
    });
    await expectApart(bytes);
  });

  it('a line of dot leaders is no line running through the gap', async () => {
    const bytes = await memo((p) => {
      row(p, 72, 700, ['(U) Questions go to the office at', 60, 'ZQLEAD the source met the minister.']);
      row(p, 72, 688, [`Contents${'.'.repeat(120)}5`]);
    });
    await expectApart(bytes);
  });

  it('text right of the box at another size', async () => {
    const bytes = await memo(({ page, font }) => {
      const left = '(U) Questions go to the office at';
      const x = 72 + font.widthOfTextAtSize(left, SIZE) + 3;
      page.drawText(left, { x: 72, y: 700, size: SIZE, font });
      page.drawRectangle({ x, y: 697, width: 60, height: 13, color: rgb(0, 0, 0) });
      page.drawText('ZQSIZE the source met the minister.', { x: x + 66, y: 700, size: 8, font });
      page.drawText(`and the desk of the program answers them every day of the week ${LONG}.`, { x: 72, y: 688, size: SIZE, font });
    });
    await expectApart(bytes);
  });

  it('a box taller than the line (a shaded cell two lines high) bridges nothing new', async () => {
    const bytes = await memo(({ page, font }) => {
      const left = '(U) Questions go to the office at';
      const x = 72 + font.widthOfTextAtSize(left, SIZE) + 3;
      page.drawText(left, { x: 72, y: 700, size: SIZE, font });
      page.drawRectangle({ x, y: 690, width: 60, height: 24, color: rgb(0, 0, 0) });
      page.drawText('ZQTALL the source met the minister.', { x: x + 66, y: 700, size: SIZE, font });
      page.drawText(`and the desk of the program answers them every day of the week ${LONG}.`, { x: 72, y: 688, size: SIZE, font });
    });
    await expectApart(bytes);
  });
});
