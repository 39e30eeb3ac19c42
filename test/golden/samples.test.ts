import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument, visibleText, withheldTexts } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { findLeaks } from '../helpers/leak.js';

const SAMPLES = new URL('../../samples/', import.meta.url);
const RULES = new URL('../../rules/', import.meta.url);
// Beside this test, not in samples/: the samples folder holds documents only, so releasing it
// leaves no other file out.
const EXPECT = new URL('./expect/', import.meta.url);
const BUNDLED = readdirSync(RULES).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
const profiles = Object.fromEntries(BUNDLED.map((p) => [p, loadProfile(readFileSync(new URL(`${p}.yaml`, RULES), 'utf8'), `rules/${p}.yaml`)]));
// Cables (.txt) and modern documents (.txt, .md); each is read by the reader its content calls for.
const samples = readdirSync(SAMPLES).filter((f) => /\.(?:txt|md)$/.test(f)).sort();
const stemOf = (file: string) => file.replace(/\.(?:txt|md)$/, '');
/** The expected decisions of a sample: its as-of date, and per profile the decision of each portion. */
type Expectations = { asOf: string } & Record<string, Record<string, string>>;
const expectations = (stem: string) => JSON.parse(readFileSync(new URL(`${stem}.expect.json`, EXPECT), 'utf8')) as Expectations;

describe.each(samples)('sample %s', (file) => {
  const stem = stemOf(file);
  const { doc } = readDocument(readFileSync(new URL(file, SAMPLES), 'utf8'));
  // The expected decisions were checked by hand; they catch a wrong golden accepted with `vitest -u`.
  const expected = expectations(stem);
  const names = Object.keys(expected).filter((k) => k !== 'asOf');

  it.each(names)('%s: decisions, golden release text and diff, no leak', async (name) => {
    expect(profiles[name], `bundled profile ${name}`).toBeDefined();
    const result = await releaseDocument({
      doc,
      profile: profiles[name]!,
      asOf: expected.asOf,
      stem,
      input: { path: `samples/${file}`, sha256: '0'.repeat(64) },
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
  const expects = readdirSync(EXPECT).filter((f) => f.endsWith('.expect.json')).map((f) => f.replace('.expect.json', ''));
  expect(expects.sort()).toEqual(samples.map(stemOf).sort());
});

it('every bundled profile is checked against some sample, and the modern documents are read as documents', () => {
  const used = new Set(samples.flatMap((f) => Object.keys(expectations(stemOf(f))).filter((k) => k !== 'asOf')));
  expect([...used].sort()).toEqual(BUNDLED);
  const documents = samples.filter((f) => readDocument(readFileSync(new URL(f, SAMPLES), 'utf8')).doc.format === 'document');
  expect(documents.length).toBeGreaterThanOrEqual(3);
  expect(documents.some((f) => f.endsWith('.md'))).toBe(true);
});
