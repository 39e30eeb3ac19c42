/**
 * The Vaughn index of the whole corpus (issue 15): the 1,588 cables released for the public as of
 * 2010-12-01 under a case. One row per withheld portion and redacted span of the audit records,
 * no cell holding an 8-word run of its document's withheld text (checked independently), every
 * row read back from the PDF index by pdftotext, and the audit's index check passing.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/node/profiles.js';
import { runBin, tmp } from '../helpers/bin.js';
import { CORPUS_CABLES, HAS_CORPUS } from '../helpers/corpus.js';
import { inspectIndex } from '../helpers/vaughn.js';

const AS_OF = '2010-12-01';

describe.skipIf(!HAS_CORPUS)('the Vaughn index of the corpus', () => {
  it('has every withholding once, no withheld text, every row in the PDF, and audits clean', async () => {
    const out = path.join(tmp('vaughn-corpus'), 'out');
    const r = runBin(['release', CORPUS_CABLES, '-p', 'public', '-o', out, '--as-of', AS_OF, '--case', 'F-2026-00123', '--formats', 'text,pdf', '-q', '--cross-check-limit', '0']);
    expect(r.code, r.stderr).toBe(0);
    const originals = new Map(readdirSync(CORPUS_CABLES).filter((n) => n.endsWith('.txt')).map((n) => [n.replace(/\.txt$/, ''), path.join(CORPUS_CABLES, n)]));
    const found = inspectIndex(out, originals, await resolveProfile('public'), AS_OF);
    console.log(`vaughn index of the corpus: ${found.rows} row(s) for ${found.withholdings} withholding(s) in ${originals.size} cables; pdftotext ${found.missingInPdf === null ? 'not installed' : `misses ${found.missingInPdf.length} row(s)`}`);
    expect(found.rows).toBe(found.withholdings);
    expect(found.notOnce).toEqual([]);
    expect(found.leakingCells).toEqual([]);
    if (found.missingInPdf !== null) expect(found.missingInPdf).toEqual([]);
    const audit = runBin(['audit', out, '-q']);
    expect(audit.stdout).toMatch(/^pass\s+index\s/m);
    expect(audit.code, audit.stdout.slice(0, 2000)).toBe(0);
  }, 900_000); // about 3 minutes on an idle 2-core machine: a release of the corpus, then the checks
});
