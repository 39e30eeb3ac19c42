/**
 * The banner field of `explain` and `parse` for a document whose only banners are DYNAMIC PAGE
 * ones (every SIDtoday article): such a banner is the most its pages could hold, never the
 * document's banner, and `banner (none)` alone read as if the pages had no banner at all.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatExplanation } from '../../src/cli/format/explain.js';
import { formatParseSummary } from '../../src/cli/format/parse-summary.js';
import { toParseRecord } from '../../src/cli/records/parse.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { readDocument } from '../../src/parse/read.js';
import { loadProfile } from '../../src/rules/load.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const dynamic = 'DYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS\nTOP SECRET // SI // REL TO USA, FVEY\n\n(U) Title\n\n(S//SI//REL TO USA, FVEY) The text.\n\nDYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS\nTOP SECRET // SI // REL TO USA, FVEY\nDERIVED FROM: NSA/CSSM 1-52 DECLASSIFY ON: 20320108\n';
const plain = '(U) Title\n\n(S) The text.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20320108\n';

/** The first line of `explain` and the second of `parse` for `text`. */
function bannerLines(text: string): [string, string] {
  const { doc } = readDocument(text);
  const plan = evaluate(doc, PUBLIC, { asOf: '2026-12-05', overrides: null, fallbackRef: 'X' });
  return [formatExplanation('X.txt', doc, plan, PUBLIC, '2026-12-05').split('\n')[0]!, formatParseSummary(toParseRecord('X.txt', doc)).split('\n')[1]!];
}

describe('the banner field of a document without a banner of its own', () => {
  it('names the highest possible classification its DYNAMIC PAGE banners give', () => {
    const [explain, parse] = bannerLines(dynamic);
    expect(explain).toMatch(/banner \(none; its pages say highest possible: TOP SECRET \/\/ SI \/\/ REL TO USA, FVEY\)$/);
    expect(parse).toMatch(/banner \(none; its pages say highest possible, below\)$/);
  });

  it('says (none) when the document has no banner at all', () => {
    const [explain, parse] = bannerLines(plain);
    expect(explain).toMatch(/banner \(none\)$/);
    expect(parse).toMatch(/banner \(none\)$/);
  });
});
