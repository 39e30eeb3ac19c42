/**
 * A document denied in full (issue 15) still gets a release: one page with its header lines as
 * released, the stamp `DENIED IN FULL <authorities>` and the count of portions withheld. And every
 * withholding's place (PDF page, text line) is recorded for the Vaughn index.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument, withheldTexts } from '../../src/release/index.js';
import { renderDeniedText } from '../../src/render/text/denied.js';
import { loadProfile } from '../../src/rules/load.js';
import { findLeaks } from '../helpers/leak.js';
import { extractPdfText } from '../helpers/pdf-text.js';

const publicProfile = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');
const sample = (stem: string) => readDocument(readFileSync(new URL(`../../samples/${stem}.txt`, import.meta.url), 'utf8')).doc;

async function release(stem: string) {
  return releaseDocument({ doc: sample(stem), profile: publicProfile, asOf: '2010-12-01', stem, input: { path: `samples/${stem}.txt`, sha256: '0'.repeat(64) }, formats: ['text', 'pdf'], case: { number: 'F-2026-00123', docNumber: 'C00000009' } });
}

describe('the denial text', () => {
  it('drops every line that held a withheld portion, replaces the stamp, and counts by authority', () => {
    const text = renderDeniedText(
      [
        { kind: 'text', text: 'UNCLASSIFIED\nRELEASE IN PART B1, B6\n\nTAGS: PREL\nSUBJECT: ' },
        { kind: 'withheld', portionId: 'subject', label: '', authority: 'B1', heightLines: 1 },
        { kind: 'text', text: '\n\n¶1. ' },
        { kind: 'withheld', portionId: 'p1', label: '¶1. ', authority: 'B1', heightLines: 3 },
        { kind: 'text', text: '\n\n\n¶2. ' },
        { kind: 'withheld', portionId: 'p2', label: '¶2. ', authority: 'B6', heightLines: 3 },
        { kind: 'text', text: '\n' },
      ],
      'RELEASE IN PART B1, B6',
      'DENIED IN FULL B1, B6',
      new Map([
        ['B1', 2],
        ['B6', 1],
      ]),
    );
    expect(text).toBe('UNCLASSIFIED\nDENIED IN FULL B1, B6\n\nTAGS: PREL\n\n[DENIED IN FULL: 3 portion(s) withheld: 2 under B1; 1 under B6]\n');
  });
});

describe('08BERLIN173, every portion withheld as of 2010-12-01', () => {
  it('is one page: header lines, the stamp, the count, the case footer; nothing withheld', async () => {
    const result = await release('08BERLIN173');
    const withheld = result.plan.decisions.filter((d) => d.action === 'withhold');
    expect(withheld.length).toBe(result.plan.decisions.length);
    expect(result.releaseText).toContain('FM AMEMBASSY BERLIN');
    expect(result.releaseText).toContain('DENIED IN FULL B1, 1.4(B), 1.4(D)');
    expect(result.releaseText).toContain(`[DENIED IN FULL: ${withheld.length} portion(s) withheld under B1, 1.4(B), 1.4(D)]`);
    expect(result.releaseText).not.toContain('[WITHHELD');
    expect(result.releaseText.endsWith('Doc No. C00000009 Date: 12/01/2010\n')).toBe(true);
    expect(findLeaks(withheldTexts(result.plan), result.releaseText)).toEqual([]);
    const pdf = await extractPdfText(result.files.find((f) => f.kind === 'pdf')!.bytes);
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0]!.replace(/\s+/g, ' ')).toContain('DENIED IN FULL B1, 1.4(B), 1.4(D)');
    expect(findLeaks(withheldTexts(result.plan), pdf.pages.join('\n'))).toEqual([]);
    const markerLine = result.releaseText.split('\n').findIndex((l) => l.startsWith('[DENIED IN FULL:')) + 1;
    expect(result.audit.placement).toEqual({ pages: 1, regions: withheld.map((d) => ({ id: d.portionId, page: 1, line: markerLine })) });
  });
});

describe('placement of a release in part', () => {
  it('records the PDF page and the text line of every placeholder, in order', async () => {
    const result = await release('08STATE116943');
    const { placement } = result.audit;
    const lines = result.releaseText.split('\n');
    const placeholders = lines.flatMap((l, i) => [...l.matchAll(/\[(?:WITHHELD|REDACTED):/g)].map(() => i + 1));
    expect(placement!.regions.map((r) => r.line)).toEqual(placeholders);
    expect(placement!.regions.length).toBe(result.plan.decisions.filter((d) => d.action === 'withhold').length + result.plan.redactions.length);
    const pages = placement!.regions.map((r) => r.page!);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(pages[0]).toBe(1);
    expect(pages[pages.length - 1]).toBeLessThanOrEqual(placement!.pages!);
    expect(placement!.pages).toBeGreaterThan(1);
  });
});
