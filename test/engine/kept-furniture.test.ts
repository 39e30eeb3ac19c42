/**
 * What a PDF input's release shows besides its released text: the page furniture its redacted
 * pages keep as printed (a DYNAMIC PAGE banner), which the release text leaves out. The audit
 * counted a withheld fragment `to` as leaked by the `REL TO` of that banner (7 of 1,063 SIDtoday
 * PDFs failed `audit --originals` under public, with such fragments and split words).
 */
import { describe, expect, it } from 'vitest';
import { replacedPageBanners, withKeptFurniture } from '../../src/engine/withheld.js';
import { parseMarkedDocument } from '../../src/parse/document/index.js';

const DYNAMIC = 'DYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS\nTOP SECRET // SI / TK // REL TO USA AUS CAN GBR NZL';
const page = (body: string) => `${DYNAMIC}\n\n${body}\n\n${DYNAMIC}\n`;

describe('withKeptFurniture', () => {
  const text = `${page('(U) Title of the Article\n\n(S//SI) A secret paragraph about the collection site.')}\f${page('(U) The end.')}`;
  const doc = parseMarkedDocument(text);

  it('adds the DYNAMIC PAGE banners the pages keep to what the release shows', () => {
    expect(doc.furniture.length).toBeGreaterThan(0);
    const visible = withKeptFurniture('(U) Title of the Article\n', doc, 'UNCLASSIFIED');
    expect(visible.startsWith('(U) Title of the Article\n')).toBe(true);
    expect(visible).toContain('REL TO USA AUS CAN GBR NZL');
    expect(visible).toContain('HIGHEST POSSIBLE CLASSIFICATION IS');
    expect(replacedPageBanners(doc, 'UNCLASSIFIED')).toEqual([]);
  });

  it('leaves out banner lines the release boxes with its own banner, and changes nothing without furniture', () => {
    const own = parseMarkedDocument('SECRET//NOFORN\n\n(U) Title\n\n(S//NF) Body text of the memo.\n\nSECRET//NOFORN\n');
    const replaced = replacedPageBanners(own, 'UNCLASSIFIED').flatMap((b) => b.lines.map((l) => own.source.slice(l.start, l.end)));
    expect(replaced.length).toBeGreaterThan(0);
    const visible = withKeptFurniture('(U) Title\n', own, 'UNCLASSIFIED');
    for (const line of replaced) expect(visible).not.toContain(line);
    expect(withKeptFurniture('x', parseMarkedDocument('(U) Only a line.\n'), 'UNCLASSIFIED')).toBe('x');
  });
});
