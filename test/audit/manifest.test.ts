import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyManifest } from '../../src/audit/manifest.js';
import { chainNext } from '../../src/release/folder.js';
import { buildManifest, serializeManifest } from '../../src/release/manifest.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const RUN = { profile: { id: 'public', file: 'rules/public.yaml', sha256: sha('p') }, asOf: '2010-12-01', overrides: null };
const records = [
  { stem: 'C', sha256: sha('c') },
  { stem: 'A', sha256: sha('a') },
  { stem: 'B', sha256: sha('b') },
];
const present = new Map(records.map((r) => [r.stem, r.sha256]));
const messages = (text: string | null, map = present, head?: string) => verifyManifest(text, map, head).map((f) => `${f.file}: ${f.check}: ${f.message}`);

describe('manifest', () => {
  const m = buildManifest(records, RUN);
  const text = serializeManifest(m);

  it('sorts entries by stem and chains each from the one before', () => {
    expect(m.entries.map((e) => e.stem)).toEqual(['A', 'B', 'C']);
    expect(m.entries[0]!.chain).toBe(sha(sha('a')));
    expect(m.entries[1]!.chain).toBe(chainNext(m.entries[0]!.chain, sha('b')));
    expect(m.head).toBe(m.entries[2]!.chain);
    expect(serializeManifest(buildManifest([...records].reverse(), RUN))).toBe(text); // deterministic
  });

  it('verifies an intact manifest', () => {
    expect(messages(text)).toEqual([]);
    expect(messages(text, present, m.head)).toEqual([]);
  });

  it.each([
    ['a record edited', (x: typeof m) => x, new Map([...present, ['B', sha('edited')]]), ['review/B.audit.json: hash: sha256 differs from review/manifest.json (entry 2 (B))']],
    ['a record deleted', (x: typeof m) => x, new Map([...present].filter(([k]) => k !== 'B')), ['review/manifest.json: missing: entry 2 (B) lists review/B.audit.json, which does not exist']],
    ['a record not listed', (x: typeof m) => x, new Map([...present, ['D', sha('d')]]), ['review/D.audit.json: chain: not listed in review/manifest.json']],
    [
      'an entry removed',
      (x: typeof m) => ({ ...x, entries: [x.entries[0]!, x.entries[2]!] }),
      new Map([...present].filter(([k]) => k !== 'B')),
      ['review/manifest.json: chain: entry 2 (C) does not chain from entry 1'],
    ],
    [
      'two entries swapped',
      (x: typeof m) => ({ ...x, entries: [x.entries[1]!, x.entries[0]!, x.entries[2]!] }),
      present,
      [
        'review/manifest.json: chain: entry 1 (B) does not start the chain',
        'review/manifest.json: chain: entry 2 (A) is out of order: entries must be sorted by stem, and it follows B',
        'review/manifest.json: chain: entry 2 (A) does not chain from entry 1',
        'review/manifest.json: chain: entry 3 (C) does not chain from entry 2',
      ],
    ],
    ['the head edited', (x: typeof m) => ({ ...x, head: sha('x') }), present, [`review/manifest.json: chain: head ${sha('x').slice(0, 12)}… is not the last entry's chain value`]],
  ])('detects %s', (_, edit, map, expected) => {
    expect(messages(JSON.stringify(edit(m)), map)).toEqual(expected);
  });

  it('detects a missing or unreadable manifest, and a chain that does not end at the expected head', () => {
    // The chain check says so too (an empty folder's audit said 'chain intact' beside 'no manifest').
    expect(messages(null)).toEqual(['review/manifest.json: missing: no manifest in review/ (3 audit record(s) are not chained)', 'review/manifest.json: chain: no manifest: there is no chain to check']);
    expect(messages('{')).toEqual(['review/manifest.json: chain: not valid JSON']);
    const shorter = buildManifest(records.filter((r) => r.stem !== 'C'), RUN);
    expect(messages(serializeManifest(shorter), new Map([...present].filter(([k]) => k !== 'C')), m.head)).toEqual([
      `review/manifest.json: chain: the chain ends at ${shorter.head.slice(0, 12)}…, not at the expected head ${m.head.slice(0, 12)}…`,
    ]);
  });
});
