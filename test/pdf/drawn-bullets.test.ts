/**
 * Probe 60c:
 * - F1: Chromium draws a list's disc as a filled path, not a glyph. Its items were read as lines
 *   that open with nothing, and the wrap test (the block's right edge taken from its longest item)
 *   joined an unmarked item under a `(U)` item to it: `• (U) Review the UQLIST1 schedule …` /
 *   `• Unmarked bullet ZQLIST3 …` was released as one (U) portion. A small shape just left of a
 *   line's first glyph, on its band, is that line's bullet: the item is a portion of its own.
 * - F4: a (U) paragraph's wrapped line that opens with a spaced dash (`… a big hit with` / `-
 *   especially the dual screen` / `workstations …`) was taken for a list item and withheld under
 *   (b)(1) as unmarked. A dash and lower-case word that would not have fitted on the full line
 *   above, at its left edge, after no sentence end, is the paragraph's wrap; a dash item under a
 *   lead-in or after a sentence, or one opening with a capital, stays an item of its own.
 * Probe 60e F1: that rule released unmarked dash items under a (U) line with no colon (`… by the
 * fleet and` / `- zqbravo …` / `- zqcharlie …`; `including` / `– zq…`; one item before the next
 * paragraph; a `2005.` with a raised footnote number `12`; a `<pre>` block in monospace). The dash
 * line is joined now only when it runs on itself (full, and the next line continues it at the
 * same edge), after a full line with no sentence end (a raised footnote number after one counts),
 * in proportional type.
 * Probe 60e F1 (finding 1): a lone small picture left of a (U) paragraph's wrap (a margin flag, a
 * "new" icon) was read as a bullet and the wrap withheld as an unmarked item; finding 2: picture
 * bullets of 0.67 to 1 em (Word, `list-style-image`) were over the 0.6 em limit, and an unmarked
 * item was released as the (U) item's wrap. A shape repeated before another line of the block is
 * a list's marker up to 1 em; a lone one is one unless the line is plainly a wrap.
 * Every release is read back with pdftotext (poppler) and pdf.js.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TestPdf } from './helpers/make.js';
import { releaseMemoPdf, releaseShown } from './helpers/release-memo.js';
import { pdfjsText, popplerText } from './helpers/check.js';

/** A SECRET//NOFORN memo page: banners, `body` (content stream), an authority block; `/Im1` a 4×4 black image. */
async function memo(body: string): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const image = t.grayImage(4, 4, new Uint8Array(16));
  const courier = t.doc.context.register(t.doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Courier', Encoding: 'WinAnsiEncoding' }));
  t.page(
    [
      'BT /F1 12 Tf 1 0 0 1 250 760 Tm (SECRET//NOFORN) Tj ET',
      'BT /F1 12 Tf 1 0 0 1 72 730 Tm (\\(S//NF\\) ZQSECRETPARA text.) Tj ET',
      body,
      'BT /F1 10 Tf 1 0 0 1 72 130 Tm (Classified By: John Smith, Director) Tj ET',
      'BT /F1 10 Tf 1 0 0 1 72 118 Tm (Reason: 1.4\\(c\\)) Tj ET',
      'BT /F1 10 Tf 1 0 0 1 72 106 Tm (Declassify On: 20501231) Tj ET',
      'BT /F1 12 Tf 1 0 0 1 250 40 Tm (SECRET//NOFORN) Tj ET',
    ].join('\n'),
    { xobjects: { Im1: image }, fonts: { F3: courier } },
  );
  return t.save();
}

/** A line of 12 pt Helvetica at (x, y). */
const line = (x: number, y: number, text: string): string => `BT /F1 12 Tf 1 0 0 1 ${x} ${y} Tm (${text.replace(/[()]/g, (c) => `\\${c}`)}) Tj ET`;
/** A line of 10 pt Courier (/F3, fixed pitch) at (x, y). */
const mono = (x: number, y: number, text: string): string => `BT /F3 10 Tf 1 0 0 1 ${x} ${y} Tm (${text.replace(/[()]/g, (c) => `\\${c}`)}) Tj ET`;

/** Chromium's disc: a filled circle of radius 2.25 drawn with four curves, centred on (x, y). */
const disc = (x: number, y: number): string => {
  const r = 2.25;
  const k = 0.5523 * r;
  return `0 g ${x + r} ${y} m ${x + r} ${y + k} ${x + k} ${y + r} ${x} ${y + r} c ${x - k} ${y + r} ${x - r} ${y + k} ${x - r} ${y} c ${x - r} ${y - k} ${x - k} ${y - r} ${x} ${y - r} c ${x + k} ${y - r} ${x + r} ${y - k} ${x + r} ${y} c f`;
};
/** A filled 4.5 pt square at (x, y). */
const square = (x: number, y: number): string => `0 g ${x} ${y} 4.5 4.5 re f`;
/** The 4×4 image drawn 4.5 pt wide at (x, y). */
const image = (x: number, y: number): string => `q 4.5 0 0 4.5 ${x} ${y} cm /Im1 Do Q`;

/** Releases `body`: the release text and what pdftotext and pdf.js read in the release PDF; no ZQSECRETPARA anywhere. */
const release = async (body: string): Promise<{ text: string; shown: string[] }> => releaseShown(await memo(body), /ZQSECRETPARA/);

describe('a list marker drawn as a shape is a bullet (probe 60c, F1)', () => {
  const markers: [string, (x: number, y: number) => string][] = [
    ['a disc (path with curves)', (x, y) => disc(x + 2.25, y + 2.25)],
    ['a square (path)', square],
    ['a small image', image],
  ];
  it.each(markers)('%s: the unmarked item under a (U) item is withheld, the (U) item released', async (_name, marker) => {
    const body = [
      line(72, 700, '(U) Public UQLEAD paragraph before the list.'),
      marker(92, 687),
      line(108, 684, '(U) Review the UQLIST1 schedule with the team.'),
      marker(92, 671),
      line(108, 668, 'Unmarked bullet ZQLIST3 about tasking.'),
    ].join('\n');
    const { text, shown } = await release(body);
    expect(text).toContain('(U) Review the UQLIST1 schedule with the team.');
    expect(shown[1]).toContain('UQLIST1');
    for (const s of shown) expect(s).not.toMatch(/ZQ[A-Z0-9]+/);
  });

  it("an item's wrap (no marker before it) goes on with the item and is released", async () => {
    const body = [
      line(72, 700, '(U) Public UQLEAD paragraph before the list that runs out to the right edge.'),
      disc(94.25, 689.25),
      line(108, 684, '(U) Review the UQLIST1 schedule with the team and then'),
      line(108, 670, 'UQWRAPWORDLONGER the rest of the item.'),
      disc(94.25, 661.25),
      line(108, 656, '(U) Second UQLIST2 item.'),
    ].join('\n');
    const { text, shown } = await release(body);
    expect(text.replace(/\s+/g, ' ')).toContain('(U) Review the UQLIST1 schedule with the team and then UQWRAPWORDLONGER the rest of the item.');
    expect(text).toContain('(U) Second UQLIST2 item.');
    expect(shown[1]).toContain('UQWRAPWORDLONGER');
  });

  it('a shape far left of the line (a margin mark) is no bullet: the line reads as before', async () => {
    const body = [line(72, 700, '(U) Public UQLEAD paragraph that runs out to the right edge of it and'), square(20, 686), line(72, 686, 'UQNEXTWORDLONGERTHANTHIS goes on.')].join('\n');
    const { text } = await release(body);
    expect(text.replace(/\s+/g, ' ')).toContain('edge of it and UQNEXTWORDLONGERTHANTHIS goes on.');
  });
});

describe('a wrapped line that opens with a spaced dash (probe 60c, F4)', () => {
  it('is the (U) paragraph\'s text: released with it', async () => {
    const body = [
      line(72, 700, '(U) The new monitors are a big hit with'),
      line(72, 686, '- especially the dual UQDASH screen'),
      line(72, 672, 'workstations in the office.'),
      line(72, 650, '(U) Public UQTWO paragraph text.'),
    ].join('\n');
    const { text, shown } = await release(body);
    expect(text.replace(/\s+/g, ' ')).toContain('(U) The new monitors are a big hit with - especially the dual UQDASH screen workstations in the office.');
    expect(text).not.toContain('WITHHELD: B1, 1.4(C)]\n\n(U) Public');
    expect(shown[1]).toContain('UQDASH');
    expect(shown[1]).toContain('workstations');
  });

  const items: [string, string[]][] = [
    // A capital after the dash: an item.
    ['a capital after the dash', [line(72, 700, '(U) The new monitors are a big hit with'), line(72, 686, '- ZQDASHCAP the dual screen')]],
    // The line above ends a sentence.
    ['a sentence end above', [line(72, 700, '(U) The new monitors are a big hit there.'), line(72, 686, '- zqdashlow the dual screen')]],
    // The dash and its word would have fitted on the line above (the block is wider).
    ['room left above', [line(72, 714, '(U) Public UQWIDE paragraph that runs out much farther to the right edge.'), line(72, 700, '(U) The monitors are a hit with'), line(72, 686, '- zqdashfit the dual screen')]],
    // Set in from the paragraph's left edge, as a list is.
    ['an indented dash', [line(72, 700, '(U) The new monitors are a big hit with'), line(90, 686, '- zqdashind the dual screen')]],
  ];
  it.each(items)('%s: an item of its own, unmarked, withheld', async (_name, lines) => {
    const { text, shown } = await release(lines.join('\n'));
    expect(text).toContain('(U) The ');
    for (const s of shown) expect(s).not.toMatch(/zqdash|ZQDASH/);
  });
});

describe('a dash line under a (U) line is joined only when it is a wrap for sure (probe 60e F1)', () => {
  const lead = '(U) UQALPHA the public team reviewed the harbor visit by the fleet and';
  const items: [string, string[]][] = [
    // b1: two dash items under a full lead-in with no colon: the first is no wrap (the next line is an item).
    ['b1: a run of dash items', [line(72, 700, lead), line(72, 686, '- zqbravo source names and the agent list for the station'), line(72, 672, '- zqcharlie second item'), line(72, 640, '(U) UQEND closing public line.')]],
    // b3: en dashes, the lead-in ends "including".
    ['b3: en-dash items after "including"', [line(72, 700, '(U) UQALPHA the public team reviewed several matters at the harbor including'), line(72, 686, '\\226 zqbravo source names'), line(72, 672, '\\226 zqcharlie agent list'), line(72, 640, '(U) UQEND closing public line.')]],
    // b4: one item at 20 pt leading, the last line of its paragraph.
    ['b4: one item, the last line', [line(72, 700, lead), line(72, 680, '- zqbravo source names and the agent list for the station'), line(72, 640, '(S//NF) ZQSECRET paragraph.')]],
    // b2b (and a variant whose dash line runs on): a sentence end, then a raised 7 pt footnote number.
    ['b2b: a footnote number after the sentence end', [`${line(72, 700, '(U) UQALPHA the public team reviewed the harbor visit by the fleet in 2005.').replace(' Tj ET', ' Tj /F1 7 Tf 4 Ts (12) Tj 0 Ts ET')}`, line(72, 686, '- zqbravo source names and the agent list for the station'), line(72, 640, '(S//NF) ZQSECRET paragraph.')]],
    ['b2b: a footnote number after the sentence end, the dash line running on', [`${line(72, 700, '(U) UQALPHA the public team reviewed the harbor visit by the fleet in 2005.').replace(' Tj ET', ' Tj /F1 7 Tf 4 Ts (12) Tj 0 Ts ET')}`, line(72, 686, '- zqbravo source names and the agent list for the station'), line(72, 672, 'zqcontinuationlongword and more.')]],
    // b5: fixed pitch (a <pre> cable): every hard-wrapped line is near the edge.
    ['b5: monospace dash items', [mono(72, 700, '1. (U) UQALPHA The ambassador discussed the harbor visit with the'), mono(72, 688, 'minister and the delegation, and the topics raised by the minister'), mono(72, 676, '- zqbravo the names of the liaison officers and their sources'), mono(72, 664, "- zqcharlie the station's collection plans for the coming year")]],
    ['b5: a monospace dash line running on', [mono(72, 700, '1. (U) UQALPHA The ambassador discussed the harbor visit with the'), mono(72, 688, 'minister and the delegation, and the topics raised by the minister'), mono(72, 676, '- zqbravo the names of the liaison officers and their sources and'), mono(72, 664, 'zqcontinuationlongword plans for the coming year.')]],
  ];
  it.each(items)('%s: withheld; the (U) text released', async (_name, lines) => {
    const { text, shown } = await release(lines.join('\n'));
    expect(text).toContain('UQALPHA');
    expect(shown[1]).toContain('UQALPHA');
    for (const s of shown) expect(s).not.toMatch(/ZQ[A-Z0-9]+/i);
  });
});

/** The 4×4 image drawn `size` pt square at (x, y): a picture bullet or an icon. */
const picture = (x: number, y: number, size: number): string => `q ${size} 0 0 ${size} ${x} ${y} cm /Im1 Do Q`;

describe('a drawn marker is a list marker when it makes a list, an icon beside a wrap is not (probe 60e, findings 1 and 2)', () => {
  const lead = '(U) UQALPHA the public team reviewed the harbor visit by the fleet and';
  // a2: a lone icon (6 pt, 0.5 em; and 10 pt) left of the (U) paragraph's wrap.
  it.each([6, 10])('a2: a lone %d pt icon left of the (U) paragraph\'s wrap: the wrap is released with its paragraph', async (size) => {
    const { text, shown } = await release([line(72, 700, lead), picture(68 - size, 687, size), line(72, 686, 'uqbeta found the weather fair for the whole week of the visit.')].join('\n'));
    expect(text.replace(/\s+/g, ' ')).toContain(`${lead} uqbeta found the weather fair for the whole week of the visit.`);
    expect(shown[1]).toContain('uqbeta');
    expect(shown[2]).toContain('uqbeta');
  });

  const withheld: [string, string[]][] = [
    // a4_8: 8 pt picture bullets (0.67 em) before two items; the second, unmarked, under a full (U) item.
    ['a4_8: repeated 8 pt picture bullets', [line(72, 700, '(U) UQLEAD the team found the following things at the harbor during the visit'), picture(82, 686, 8), line(96, 686, '(U) UQITEM one public item about the harbor and the many ships'), picture(82, 672, 8), line(96, 672, 'zqitem two secret source')]],
    // Picture bullets of 1 em.
    ['repeated 12 pt picture bullets', [line(72, 700, '(U) UQLEAD the team found the following things at the harbor during the visit'), picture(78, 684, 12), line(96, 686, '(U) UQITEM one public item about the harbor and the many ships'), picture(78, 670, 12), line(96, 672, 'zqitem two secret source')]],
    // A lone icon before an unmarked line that is no plain wrap: after a sentence end,
    ['a lone icon after a sentence end', [line(72, 700, '(U) UQALPHA the public team reviewed the harbor visit by the fleet today.'), picture(62, 687, 6), line(72, 686, 'zqbeta found the weather fair for the whole week of the visit.')]],
    // before a capital,
    ['a lone icon before a capital', [line(72, 700, lead), picture(62, 687, 6), line(72, 686, 'Zqbeta found the weather fair for the whole week of the visit.')]],
    // a lone 10 pt picture (0.83 em) before a capital (read as the (U) line's wrap and released before),
    ['a lone 10 pt picture before a capital', [line(72, 700, lead), picture(60, 686, 10), line(72, 686, 'Zqbeta found the weather fair for the whole week of the visit.')]],
    // under a line with room left on it,
    ['a lone icon under a short line', [line(72, 714, '(U) UQWIDE public paragraph that runs out much farther to the right edge of the block.'), line(72, 700, '(U) UQALPHA the team and'), picture(62, 687, 6), line(72, 686, 'zqbeta found the weather fair.')]],
    // set in from the paragraph's left edge.
    ['a lone icon before a line set in', [line(72, 700, lead), picture(80, 687, 6), line(90, 686, 'zqbeta found the weather fair for the whole week.')]],
  ];
  it.each(withheld)('%s: the unmarked line is withheld, the (U) text released', async (_name, lines) => {
    const { text, shown } = await release(lines.join('\n'));
    expect(text).toMatch(/UQ(?:ALPHA|ITEM)/);
    expect(shown[1]).toMatch(/UQ(?:ALPHA|ITEM)/);
    for (const s of shown) expect(s).not.toMatch(/zq[a-z0-9]+/i);
  });

  it('Chromium: a list-style-image list (0.8 em pictures) under a (U) paragraph: the unmarked item is withheld', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'chromium', 'listimg.pdf')));
    const { pdf, text, failed } = await releaseMemoPdf(bytes, 'listimg');
    expect(failed).toBe(0);
    expect(text).toContain('UQITEM');
    const shown = [text!, popplerText(pdf!) ?? '', (await pdfjsText(pdf!)).pages.join('\n')];
    expect(shown[1]).toContain('UQITEM');
    for (const s of shown) expect(s).not.toMatch(/zq[a-z0-9]+/i);
  });
});

/** A filled circle of radius `r` centred on (x, y), drawn with `n` Béziers (Chromium: 4 for a list disc, 32 for an SVG circle). */
const circle = (x: number, y: number, r: number, n: number): string => {
  const at = (a: number): string => `${(x + r * Math.cos(a)).toFixed(3)} ${(y + r * Math.sin(a)).toFixed(3)}`;
  const step = (2 * Math.PI) / n;
  const k = (4 / 3) * Math.tan(step / 4) * r;
  const parts = [`0 g ${at(0)} m`];
  for (let i = 0; i < n; i++) {
    const a0 = i * step;
    const a1 = a0 + step;
    const c1 = `${(x + r * Math.cos(a0) - k * Math.sin(a0)).toFixed(3)} ${(y + r * Math.sin(a0) + k * Math.cos(a0)).toFixed(3)}`;
    const c2 = `${(x + r * Math.cos(a1) + k * Math.sin(a1)).toFixed(3)} ${(y + r * Math.sin(a1) - k * Math.cos(a1)).toFixed(3)}`;
    parts.push(`${c1} ${c2} ${at(a1)} c`);
  }
  return `${parts.join(' ')} f`;
};

describe("a shape in a bullet's own shape is a marker even beside what reads as a wrap (probe 61b F5)", () => {
  // A flush one-item list under a full (U) line that ends with no stop: geometry alone reads the
  // item as the line's wrap; the disc says it is an item.
  const lead = '(U) UQALPHA the fleet will arrive in the port on the morning tide with tugs and';
  const cases: [string, string][] = [
    ['a 7 pt disc of four Béziers', circle(63.5, 688.5, 3.5, 4)],
    ['a 10.5 pt circle of 32 Béziers (an SVG image)', circle(63, 689, 5.25, 32)],
    ['a 5 pt filled square', '0 g 62 686 5 5 re f'],
    ['a 6 pt diamond of four lines', '0 g 64 686 m 67 689 l 64 692 l 61 689 l h f'],
  ];
  it.each(cases)('%s before the item: the item is withheld, the (U) line released', async (_name, shape) => {
    const { text, shown } = await release([line(72, 700, lead), shape, line(72, 686, 'zqsecretu convoy route goes north of the island at night.')].join('\n'));
    expect(text).toContain('UQALPHA');
    expect(shown[1]).toContain('UQALPHA');
    for (const s of shown) expect(s).not.toMatch(/zq[a-z0-9]+/i);
  });

  it('a picture of the same size beside the wrap is an icon: the wrap goes on with its paragraph', async () => {
    const { text, shown } = await release([line(72, 700, lead), picture(60, 686, 7), line(72, 686, 'uqbeta found the weather fair for the whole week of the visit.')].join('\n'));
    expect(text.replace(/\s+/g, ' ')).toContain(`${lead} uqbeta found the weather fair`);
    expect(shown[1]).toContain('uqbeta');
  });
});
