import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBannerAbovePortions } from '../../src/engine/facts.js';
import { parseCable } from '../../src/parse/index.js';
import { decodeInput } from '../../src/parse/decode.js';
import { releaseDocument, visibleText, withheldTexts } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import type { Document } from '../../src/types.js';
import { CORPUS_CABLES, HAS_CORPUS } from '../helpers/corpus.js';
import { findLeaks } from '../helpers/leak.js';

const CORPUS = CORPUS_CABLES;
const files = HAS_CORPUS ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort() : [];
const publicProfile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');

function read(file: string): Document {
  const decoded = decodeInput(readFileSync(path.join(CORPUS, file)));
  if (!decoded.ok) throw new Error(`${file}: ${decoded.message}`);
  return parseCable(decoded.text);
}

async function release(doc: Document, file: string, asOf: string) {
  return releaseDocument({
    doc,
    profile: publicProfile,
    asOf,
    stem: file.replace(/\.txt$/, ''),
    input: { path: file, sha256: '0'.repeat(64) },
    formats: new Set(['text']),
    pageSize: 'letter',
  });
}

describe.skipIf(files.length === 0)('public release over the whole corpus', () => {
  it('as of 2010-12-01: no classified paragraph leaks, and every (U) paragraph is released but in a cable classified by compilation', async () => {
    let withheldPortions = 0;
    let unclassified = 0;
    const leaks: string[] = [];
    const unreleased: string[] = [];
    const compiled = new Set<string>();
    for (const file of files) {
      const doc = read(file);
      const result = await release(doc, file, '2010-12-01');
      const withheld = withheldTexts(result.plan);
      withheldPortions += result.plan.decisions.filter((d) => d.action === 'withhold').length;
      // An independent shingle search of the withheld text in the output; phrases the release is
      // meant to show (a released paragraph quoting the same words) are not leaks.
      const allowed = new Set(findLeaks(withheld, visibleText(result.plan), 8));
      for (const s of findLeaks(withheld, result.releaseText, 8)) if (!allowed.has(s)) leaks.push(`${file}: ${s}`);
      for (const d of result.plan.decisions) {
        const p = doc.portions.find((x) => x.id === d.portionId)!;
        const plainU = p.markingSource === 'marked' && p.marking?.level === 'U' && p.marking.controls.length === 0;
        if (!plainU) continue;
        unclassified++;
        // A classified banner above every portion, all of them marked: held for review (rules/README.md).
        if (d.ruleId === 'public/compilation-pending-review' && isBannerAbovePortions(doc)) compiled.add(file);
        else if (d.action !== 'release') unreleased.push(`${file} ${d.portionId} ${d.ruleId}`);
      }
    }
    console.log(`corpus public@2010-12-01: ${files.length} cables, ${withheldPortions} portions withheld, ${unclassified} plain (U) portions, ${unreleased.length} of them not released, ${compiled.size} cable(s) classified above all their portions, ${leaks.length} leaked shingles`);
    expect(leaks).toEqual([]);
    expect(unreleased).toEqual([]);
    expect(compiled.size).toBeLessThan(10);
  });

  it('as of 2026-11-26: classified paragraphs of cables whose explicit DECL date has passed are released as declassified; NATO and foreign government information is held for review', async () => {
    let cables = 0;
    let declassified = 0;
    const notReleased: string[] = [];
    const foreignHeld: string[] = [];
    for (const file of files) {
      const doc = read(file);
      const result = await release(doc, file, '2026-11-26');
      const { decl, status } = result.plan.declassification;
      if (decl.kind !== 'date' || status !== 'declassified') continue;
      cables++;
      for (const d of result.plan.decisions) {
        const p = doc.portions.find((x) => x.id === d.portionId)!;
        const classifiedMarked = p.markingSource === 'marked' && p.marking !== null && p.marking.level !== 'U';
        const sensitive = p.marking?.controls.some((c) => ['SBU', 'FOUO', 'LOU', 'LES'].includes(c)) ?? false;
        if (!classifiedMarked || sensitive) continue;
        // The US date does not declassify NATO or foreign government information (rules/README.md).
        const foreign = p.marking!.controls.some((c) => c === 'NATO' || c === 'FGI');
        if (foreign && d.action === 'withhold' && d.authority.join() === 'FGI - PENDING REVIEW') foreignHeld.push(`${file} ${d.portionId}`);
        else if (!foreign && d.action === 'release' && d.declassified) declassified++;
        else notReleased.push(`${file} ${d.portionId} ${d.ruleId}`);
      }
    }
    console.log(`corpus public@2026-11-26: ${cables} cables past an explicit DECL date, ${declassified} classified portions released as declassified, ${foreignHeld.length} NATO or foreign held for review, ${notReleased.length} other not released`);
    expect(cables).toBeGreaterThan(500);
    expect(notReleased).toEqual([]);
    // 07REYKJAVIK298's three NATO CONFIDENTIAL paragraphs `(NC)`.
    expect(foreignHeld.filter((x) => x.includes('07REYKJAVIK298')).length).toBe(3);
  });
});
