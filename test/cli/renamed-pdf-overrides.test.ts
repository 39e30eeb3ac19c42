/**
 * Reviewer overrides for a PDF input whose outputs are renamed to `pdf-<sha12>` (its file name
 * repeats withheld words) (probe 59a F4): the overrides, keyed by the input's file name as for
 * every other document, were counted as matching by the override check and then not applied, so
 * the document stayed pending with exit 0 and no word while `explain` applied them. They now bind
 * to the renamed document: it is released with the reviewer's decisions, `explain` agrees, the
 * audit's re-run gives the same, and pdftotext finds none of the withheld words in the release PDF.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/hash.js';
import { normalisedWords } from '../../src/leak/words.js';
import { readPdfInput } from '../../src/release/pdf.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { loadOverrides } from '../../src/rules/overrides.js';
import { extractPdfText, pdftotext } from '../helpers/pdf-text.js';
import { PRODUCERS } from '../helpers/producers.js';
import { REPO, runBin, tmp } from '../helpers/bin.js';

const AS_OF = '2015-01-01';
const ARGS = ['-p', 'public', '--as-of', AS_OF];
// `courier` is a word of the withheld (TS//SI//REL) paragraph p4: the outputs are renamed.
const OVERRIDES = `overrides:
  - { ref: courier, portion: title, action: withhold, authority: [B5], reviewer: A. Reviewer, date: 2014-12-01 }
  - { ref: courier, portion: p9, action: withhold, authority: [B5], reviewer: A. Reviewer, date: 2014-12-01 }
`;

describe('release: overrides for a PDF input whose outputs are renamed', () => {
  it('bind to it by its file name: released with the decisions, as explain says, and the audit passes', async () => {
    const dir = tmp('renamed-pdf-overrides');
    const pdfLib = PRODUCERS.find((p) => p.name.startsWith('pdf-lib'))!;
    const input = await pdfLib.make(readFileSync(path.join(REPO, 'samples/NEWSLETTER-REGIONAL-CENTER.txt'), 'utf8'));
    writeFileSync(path.join(dir, 'courier.pdf'), input);
    writeFileSync(path.join(dir, 'ov.yaml'), OVERRIDES);
    const out = path.join(dir, 'out');
    const r = runBin(['release', 'courier.pdf', ...ARGS, '--overrides', 'ov.yaml', '-o', out], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const stem = `pdf-${sha256Hex(input).slice(0, 12)}`;
    expect(r.stderr).toContain(`its outputs are named ${stem} [output-renamed]`);
    expect(r.stdout).toContain(`${stem}: `);
    expect(r.stdout).toContain('RELEASE IN PART B1, B5');
    const explain = runBin(['explain', 'courier.pdf', ...ARGS, '--overrides', 'ov.yaml'], { cwd: dir });
    expect(explain.stdout).toContain('RELEASE IN PART B1, B5');
    const record = JSON.parse(readFileSync(path.join(out, 'review', `${stem}.audit.json`), 'utf8')) as { decisions: { portionId: string; ruleId: string }[] };
    expect(record.decisions.filter((d) => d.ruleId === 'override').map((d) => d.portionId)).toEqual(['title', 'p9']);
    const audit = runBin(['audit', out, '--originals', dir, '-q']);
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);

    // An independent reader finds no withheld word in the release PDF (words the release shows anyway aside).
    const read = await readPdfInput(input);
    if (!read.ok) throw new Error(read.message);
    const profile = loadProfile(readFileSync(path.join(REPO, 'rules/public.yaml'), 'utf8'), 'rules/public.yaml');
    const planned = planRelease(read.doc, profile, { asOf: AS_OF, overrides: loadOverrides(OVERRIDES, 'ov.yaml'), stem, overrideNames: ['courier'], pdfInput: true });
    const shown = new Set(normalisedWords(planned.visible));
    const withheld = new Set(planned.withheld.flatMap((p) => normalisedWords(p.text)).filter((w) => w.length > 3 && !shown.has(w)));
    expect(withheld.has('courier')).toBe(true);
    const bytes = readFileSync(path.join(out, 'release', `${stem}.pdf`));
    const text = pdftotext(bytes) ?? (await extractPdfText(bytes)).text;
    expect(normalisedWords(text).filter((w) => withheld.has(w))).toEqual([]);
  });

  it('a decision that names the document and a portion and is not applied fails the document, never silently', async () => {
    const pdfLib = PRODUCERS.find((p) => p.name.startsWith('pdf-lib'))!;
    const read = await readPdfInput(await pdfLib.make(readFileSync(path.join(REPO, 'samples/NEWSLETTER-REGIONAL-CENTER.txt'), 'utf8')));
    if (!read.ok) throw new Error(read.message);
    const profile = loadProfile(readFileSync(path.join(REPO, 'rules/public.yaml'), 'utf8'), 'rules/public.yaml');
    // Two decisions for p9 (the loader refuses that; a set made otherwise): the evaluator applies one, the other must not vanish without a word.
    const set = loadOverrides(OVERRIDES, 'ov.yaml');
    const twice = { ...set, overrides: [...set.overrides, { ...set.overrides[1]!, action: 'release' as const, authority: undefined, reviewer: 'B. Reviewer' }] };
    expect(() => planRelease(read.doc, profile, { asOf: AS_OF, overrides: twice, stem: 'pdf-0123456789ab', overrideNames: ['courier'], pdfInput: true })).toThrow(/override for courier p9 \(A\. Reviewer, 2014-12-01\) matches this document but was not applied/);
  });
});
