import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { releaseDocument, visibleText, withheldTexts } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { findLeaks } from '../helpers/leak.js';

const SAMPLES = new URL('../../samples/', import.meta.url);
const AS_OF = '2010-12-01';
const PROFILES = ['public', 'nato', 'us-secret', 'public-pii'] as const;
const profiles = Object.fromEntries(
  PROFILES.map((p) => [p, loadProfile(readFileSync(new URL(`../../rules/${p}.yaml`, import.meta.url), 'utf8'), `rules/${p}.yaml`)]),
);
const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();

describe.each(samples)('sample %s', (file) => {
  const stem = file.replace(/\.txt$/, '');
  const doc = parseCable(readFileSync(new URL(file, SAMPLES), 'utf8'));
  // The expected decisions were checked by hand; they catch a wrong golden accepted with `vitest -u`.
  const expected = JSON.parse(readFileSync(new URL(`${stem}.expect.json`, SAMPLES), 'utf8')) as Record<string, Record<string, string>>;

  it.each(PROFILES)('%s: decisions, golden release text and diff, no leak', async (name) => {
    const result = await releaseDocument({
      doc,
      profile: profiles[name]!,
      asOf: AS_OF,
      stem,
      input: { path: `samples/${file}`, sha256: 'x' },
      formats: new Set(['text', 'diff']),
      pageSize: 'letter',
    });
    const got = Object.fromEntries(
      result.plan.decisions.map((d) => [d.portionId, `${d.action}${d.declassified ? ' declassified' : ''} ${d.ruleId.split('/').pop()}`]),
    );
    expect(got).toEqual(expected[name]);
    await expect(result.releaseText).toMatchFileSnapshot(`./__golden__/${stem}/${name}.release.txt`);
    const diff = new TextDecoder().decode(result.files.find((f) => f.kind === 'diff')!.bytes);
    await expect(diff).toMatchFileSnapshot(`./__golden__/${stem}/${name}.diff`);

    // Independent shingle check: nothing withheld survives that the release is not meant to show.
    const withheld = withheldTexts(result.plan);
    const allowed = new Set(findLeaks(withheld, visibleText(result.plan)));
    expect(findLeaks(withheld, result.releaseText).filter((s) => !allowed.has(s))).toEqual([]);
    // Released portions are unchanged byte for byte.
    for (const d of result.plan.decisions) {
      if (d.action !== 'release' || d.declassified || result.plan.redactions.some((r) => r.portionId === d.portionId)) continue;
      const p = doc.portions.find((x) => x.id === d.portionId)!;
      for (const s of p.segments) expect(result.releaseText).toContain(doc.source.slice(s.start, s.end).trimEnd());
    }
  });
});

it('every sample has its expectations and every expectation its sample', () => {
  const expects = readdirSync(SAMPLES).filter((f) => f.endsWith('.expect.json')).map((f) => f.replace('.expect.json', '.txt'));
  expect(expects.sort()).toEqual(samples);
});
