/**
 * The unified diff is built from the release's edits, not searched for: applying it to the
 * original with jsdiff (an independent implementation of the format) must give the release text
 * exactly, for every sample and profile, and for a document with thousands of portions.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../../src/parse/index.js';
import { planRelease } from '../../../src/release/index.js';
import { renderDiff, renderReplacementDiff } from '../../../src/render/diff/index.js';
import { loadProfile } from '../../../src/rules/load.js';

const SAMPLES = new URL('../../../samples/', import.meta.url);
const PROFILES = ['public', 'nato', 'us-secret', 'public-pii'];
const profiles = PROFILES.map((p) => loadProfile(readFileSync(new URL(`../../../rules/${p}.yaml`, import.meta.url), 'utf8'), `rules/${p}.yaml`));

function roundTrip(source: string, stem: string, profileIndex: number): { diff: string; release: string; applied: string | false } {
  const { edits, releaseText, denied } = planRelease(parseCable(source), profiles[profileIndex]!, { asOf: '2010-12-01', stem });
  // A document denied in full is replaced as a whole by the one page of its denial.
  const diff = denied ? renderReplacementDiff(source, releaseText, stem) : renderDiff(source, edits, releaseText, stem);
  return { diff, release: releaseText, applied: applyPatch(source, diff) };
}

describe('the diff from edits applies back to the release text', () => {
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
  for (const file of samples) {
    it(file, () => {
      const source = readFileSync(new URL(file, SAMPLES), 'utf8');
      for (let k = 0; k < PROFILES.length; k++) {
        const { applied, release } = roundTrip(source, file.replace(/\.txt$/, ''), k);
        expect(applied, PROFILES[k]).toBe(release);
      }
    });
  }

  it('a text without a final newline, and one unchanged but for the banner', () => {
    const source = 'C O N F I D E N T I A L BERLIN 000173\n\nE.O. 12958: DECL: 02/13/2018\n\n¶1. (U) Released line.\n\n¶2. (C) Withheld line.';
    const { applied, release, diff } = roundTrip(source, 'X', 0);
    expect(applied).toBe(release);
    expect(diff).toContain('\\ No newline at end of file');
  });

  it('stays linear: 3,000 marked paragraphs give a diff that applies', () => {
    const body = Array.from({ length: 3000 }, (_, i) => `¶${(i % 999) + 1}. (${i % 3 === 0 ? 'U' : 'C'}) Paragraph ${i} of the long cable.\n`).join('\n');
    const source = `C O N F I D E N T I A L BERLIN 000173\n\nE.O. 12958: DECL: 02/13/2018\n\n${body}`;
    const { applied, release } = roundTrip(source, 'LONG', 0);
    expect(applied).toBe(release);
  });
});
