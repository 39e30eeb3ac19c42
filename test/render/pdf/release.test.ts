/**
 * The release PDF read back as an untrusted file: by pdf.js, by poppler's pdftotext when
 * installed, and by inflating its content streams by hand. Nothing withheld may be anywhere.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderReleasePdf } from '../../../src/render/pdf/index.js';
import type { ReleaseView } from '../../../src/types.js';
import { findLeaks, firstMissingInOrder, shingles } from '../../helpers/leak.js';
import { extractPdfText, hasPdftotext, pdftotext } from '../../helpers/pdf-text.js';
import { AUTHORITY, BANNER, SEED_REF, SEED_TITLE, STAMP, seedRelease, wrappedRelease, type ReleaseCase } from './fixtures.js';

const CASES: [string, () => ReleaseCase, 'letter' | 'a4'][] = [
  ['08BERLIN173 as in the seed corpus (one line per paragraph), Letter', seedRelease, 'letter'],
  ['08BERLIN173 wrapped at 69 columns with a page break in a withheld portion, A4', wrappedRelease, 'a4'],
];

/** Leaks of withheld text in `text`, ignoring phrases the released text itself contains. */
function leaks(c: ReleaseCase, text: string): string[] {
  const allowed = new Set(shingles(c.released.join('\n')));
  return findLeaks(c.withheld, text).filter((s) => !allowed.has(s));
}

/** Page text without the page furniture (banner, stamp, `ref Page N of M`), pages joined. */
function bodyText(pages: readonly string[], view: ReleaseView): string {
  return pages
    .map((p) =>
      p
        .split('\n')
        .filter((l) => {
          const t = l.trim().replace(/\s+/g, ' ');
          return t !== view.banner && t !== view.stamp && t !== view.ref && !/^(\S+ )?Page \d+ of \d+$/.test(t);
        })
        .join('\n'),
    )
    .join('\n');
}

const WINDOWS_1252 = new TextDecoder('windows-1252');

/** The decoded text of every `(literal) Tj` and `<hex> Tj` in the file's content streams, and the raw operators. */
function contentStreams(bytes: Uint8Array): { operators: string; shown: string } {
  const raw = Buffer.from(bytes);
  const latin = raw.toString('latin1');
  const re = /<<([^<>]*)>>\s*stream\r?\n/g;
  let operators = '';
  let shown = '';
  for (let m = re.exec(latin); m !== null; m = re.exec(latin)) {
    const length = Number(/\/Length (\d+)/.exec(m[1]!)![1]);
    const start = m.index + m[0].length;
    let data = raw.subarray(start, start + length);
    if (m[1]!.includes('/FlateDecode')) data = inflateSync(data);
    const ops = data.toString('latin1');
    operators += ops + '\n';
    for (const m of ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj|\(((?:\\[\s\S]|[^\\()])*)\)\s*Tj/g)) {
      const bytes =
        m[1] !== undefined
          ? Buffer.from(m[1], 'hex')
          : Buffer.from(m[2]!.replace(/\\([0-7]{1,3}|[\s\S])/g, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e)), 'latin1');
      shown += WINDOWS_1252.decode(bytes) + '\n';
    }
  }
  return { operators, shown };
}

describe.each(CASES)('release PDF: %s', (_name, make, pageSize) => {
  const c = make();

  it('reads back with pdf.js: released text in order, no shingle of withheld text, the authorities in the boxes', async () => {
    const { bytes, pages } = await renderReleasePdf(c.view, { pageSize });
    const pdf = await extractPdfText(bytes);
    expect(pdf.pages).toHaveLength(pages);
    expect(leaks(c, pdf.text)).toEqual([]);
    expect(firstMissingInOrder(c.released, bodyText(pdf.pages, c.view))).toBe(-1);
    expect(pdf.text.split(AUTHORITY).length - 1).toBeGreaterThanOrEqual(2);
    expect(pdf.text).toContain('B6');
    expect(pdf.text).toContain('¶2.');
  });

  it.skipIf(!hasPdftotext())('reads back with poppler pdftotext: released text in order, no shingle of withheld text', async () => {
    const { bytes, pages } = await renderReleasePdf(c.view, { pageSize });
    for (const args of [[], ['-layout'], ['-raw']]) {
      const text = pdftotext(bytes, args)!;
      const pageTexts = text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
      expect(pageTexts).toHaveLength(pages);
      expect(leaks(c, text)).toEqual([]);
      if (args.length === 0 || args[0] === '-raw') expect(firstMissingInOrder(c.released, bodyText(pageTexts, c.view))).toBe(-1);
      expect(text).toContain(AUTHORITY);
    }
  });

  it('holds no withheld text in any content stream and no invisible or hidden text operators', async () => {
    const { bytes } = await renderReleasePdf(c.view, { pageSize });
    const { operators, shown } = contentStreams(bytes);
    expect(shown).toContain('Pol-mil chief delivered reftel');
    expect(leaks(c, shown)).toEqual([]);
    expect(operators).not.toMatch(/\bTr\b/); // text render mode (3 = invisible)
    expect(operators).not.toMatch(/\bDo\b/); // XObjects
    expect(operators).not.toMatch(/\bBDC\b|\bBMC\b/); // optional content / marked content
    expect(operators.match(/\bBT\b/g)?.length).toBe(operators.match(/\bET\b/g)?.length);
  });

  it('has metadata from the release only: title and subject, no producer, creator, dates or XMP', async () => {
    const { bytes } = await renderReleasePdf(c.view, { pageSize });
    const { info, metadata } = await extractPdfText(bytes);
    expect(info.Title).toBe(SEED_TITLE);
    expect(info.Subject).toBe(`${BANNER} - ${STAMP}`);
    for (const key of ['Producer', 'Creator', 'CreationDate', 'ModDate', 'Author', 'Keywords', 'Custom']) expect(info[key]).toBeUndefined();
    expect(metadata).toBeNull();
    expect(leaks(c, JSON.stringify(info))).toEqual([]);
  });

  it('is one full save: no annotations, XMP, forms, actions, outlines, attachments or incremental update', async () => {
    const { bytes } = await renderReleasePdf(c.view, { pageSize });
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    for (const key of ['/Annots', '/Metadata', '/AcroForm', '/OpenAction', '/AA', '/JavaScript', '/JS', '/Outlines', '/EmbeddedFiles', '/Names', '/Thumb', '/OCProperties', '/ID', '/Prev', '/ObjStm', '/Encrypt']) {
      expect(raw.includes(`${key} `) || raw.includes(`${key}\n`) || raw.includes(`${key}[`) || raw.includes(`${key}<`), key).toBe(false);
    }
    expect(raw.match(/%%EOF/g)).toHaveLength(1);
    expect(raw.match(/\bstartxref\b/g)).toHaveLength(1);
    expect(raw.match(/\btrailer\b/g)).toHaveLength(1);
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('is byte-identical when rendered twice', async () => {
    const a = await renderReleasePdf(make().view, { pageSize });
    const b = await renderReleasePdf(make().view, { pageSize });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});

describe('the leak check itself', () => {
  it('finds withheld text that a faulty view lets through (so a clean result means something)', async () => {
    const c = seedRelease();
    const faulty: ReleaseView = { ...c.view, blocks: [...c.view.blocks, { kind: 'lines', lines: [[{ kind: 'text', text: c.withheld[1]! }]] }] };
    const pdf = await extractPdfText((await renderReleasePdf(faulty)).bytes);
    expect(leaks(c, pdf.text).length).toBeGreaterThan(50);
    const poppler = pdftotext((await renderReleasePdf(faulty)).bytes);
    if (poppler !== null) expect(leaks(c, poppler).length).toBeGreaterThan(50);
  });

  it('normalises case, line-end hyphenation, spacing and punctuation', () => {
    expect(findLeaks(['Pol-mil chief delivered reftel talking points'], 'POL-\nMIL chief   delivered\nreftel, talking')).toEqual([
      'polmil chief delivered reftel talking',
    ]);
    expect(findLeaks(['Burkhard Ducoffre'], 'officer B6 February')).toEqual([]);
    expect(findLeaks(['Burkhard Ducoffre'], 'officer Burkhard Ducoffre, February')).toEqual(['burkhard ducoffre']);
  });
});

describe('release PDF furniture', () => {
  it('puts the ref and page N of M on every page, read back', async () => {
    const { bytes, pages } = await renderReleasePdf(seedRelease().view);
    const pdf = await extractPdfText(bytes);
    pdf.pages.forEach((text, i) => {
      expect(text.split('\n').filter((l) => l.trim() === BANNER)).toHaveLength(2);
      expect(text).toContain(STAMP);
      expect(text).toMatch(new RegExp(`${SEED_REF}\\s+Page ${i + 1} of ${pages}`));
    });
  });
});
