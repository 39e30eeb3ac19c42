import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import { loadProfile } from '../../src/rules/load.js';
import { loadOverrides } from '../../src/rules/overrides.js';

const rulesDir = new URL('../../rules/', import.meta.url);

const minimal = (rules: string) => `id: t\ndescription: test\naudience: { id: x }\nbanner: foia\nrules:\n${rules}`;

describe('loadProfile', () => {
  it.each(readdirSync(rulesDir).filter((f) => f.endsWith('.yaml')))('bundled profile %s is valid', (file) => {
    const p = loadProfile(readFileSync(new URL(file, rulesDir), 'utf8'), `rules/${file}`);
    expect(p.id).toBe(file.replace('.yaml', ''));
    expect(p.rules.length).toBeGreaterThan(0);
    expect(p.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('compiles rules in order with full ids', () => {
    const p = loadProfile(minimal('  - { id: a, action: release, when: { level: [U] } }\n  - { id: b, action: withhold, authority: [B1] }\n'), 'x.yaml');
    expect(p.rules.map((r) => r.fullId)).toEqual(['t/a', 't/b']);
  });

  // Each invalid profile: the message names the file, the line and what was expected.
  it.each([
    ['invalid YAML', 'id: [unclosed\n', /^x\.yaml:\d+(:\d+)?: invalid YAML/],
    ['unknown action', minimal('  - id: a\n    action: relese\n'), /^x\.yaml:7: rules\[0\]\.action: .*release/],
    ['unknown condition', minimal('  - id: a\n    action: release\n    when: { levle: [U] }\n'), /^x\.yaml:8: unknown field "levle" in rules\[0\]\.when \(known conditions: .*level/],
    ['unknown top-level field', `${minimal('  - { id: a, action: release }\n')}extra: 1\n`, /^x\.yaml:7: unknown field "extra"/],
    ['bad level', minimal('  - id: a\n    action: release\n    when: { level: [X] }\n'), /^x\.yaml:8: rules\[0\]\.when\.level\[0\]/],
    ['withhold without authority', minimal('  - id: a\n    action: withhold\n'), /^x\.yaml:6: rules\[0\]: a withhold rule needs an authority/],
    ['duplicate id', minimal('  - { id: a, action: release }\n  - { id: a, action: release }\n'), /^x\.yaml:7: rules\[1\]\.id: duplicate rule id "a"/],
    ['reserved id', minimal('  - { id: default-deny, action: release }\n'), /reserved/],
    ['release of unknown markings', minimal('  - id: a\n    action: release\n    when: { marking: [unknown] }\n'), /may not release portions whose marking was not understood/],
    ['redact without match', minimal('  - { id: a, action: redact, authority: [B6] }\n'), /needs match\.patterns, match\.use or match\.terms/],
    ['catastrophic pattern', minimal("  - id: a\n    action: redact\n    authority: [B6]\n    match: { patterns: ['(a+)+$'] }\n"), /^x\.yaml:9: rules\[0\]\.match: pattern .* refused/],
    ['match on a release rule', minimal("  - id: a\n    action: release\n    match: { terms: [x] }\n"), /only redact rules take "match"/],
    ['missing rules', 'id: t\ndescription: d\naudience: { id: x }\nbanner: foia\n', /rules/],
    // A control the reader never gives, a date no calendar has, a placeholder not known, an
    // authority on a release: each made a rule never fire or printed as written, without a word.
    ['unknown control', minimal('  - id: a\n    action: withhold\n    authority: [NOFORN]\n    when: { controlsAny: [NOFORNN] }\n'), /^x\.yaml:9: rules\[0\]\.when\.controlsAny\[0\]: not a control the marking reader gives/],
    ['unknown document control', minimal('  - id: a\n    action: withhold\n    authority: [SBU]\n    when: { documentControlsAny: [FOU] }\n'), /documentControlsAny\[0\]: not a control/],
    ['impossible date', minimal('  - id: a\n    action: withhold\n    authority: [B1]\n    when: { originatedBefore: 2010-13-01 }\n'), /^x\.yaml:9: rules\[0\]\.when\.originatedBefore: not a calendar date/],
    ['unknown placeholder', minimal('  - id: a\n    action: withhold\n    authority: [B1, "{reason}"]\n'), /rules\[0\]\.authority\[1\]: "\{reason\}": the only placeholder is "\{reasons\}"/],
    ['an unclosed placeholder', minimal('  - id: a\n    action: withhold\n    authority: [B1, "{reasons"]\n'), /the only placeholder/],
    ['authority on a release rule', minimal('  - id: a\n    action: release\n    authority: [B1]\n'), /rules\[0\]\.authority: a release rule withholds nothing/],
    ['code is not a value', minimal('  - { id: a, action: release, when: !!js/function "function(){}" }\n'), /^x\.yaml/],
  ])('%s', (_name, text, message) => {
    let error: unknown;
    try {
      loadProfile(text, 'x.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('loadOverrides', () => {
  const ok = 'overrides:\n  - { ref: 08BERLIN173, portion: p2, action: release, reviewer: J. Smith, date: 2026-11-20, note: MDR }\n';
  it('reads decisions and hashes the file', () => {
    const set = loadOverrides(ok, 'o.yaml');
    expect(set.overrides).toHaveLength(1);
    expect(set.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it.each([
    ['a second decision for one portion', ok + ok.split('\n')[1] + '\n', /a second decision for 08BERLIN173 p2/],
    ['withhold without authority', 'overrides:\n  - { ref: X, portion: p1, action: withhold, reviewer: R, date: 2026-01-01 }\n', /needs an authority/],
    ['bad date', 'overrides:\n  - { ref: X, portion: p1, action: release, reviewer: R, date: 1/1/2026 }\n', /^o\.yaml:2: overrides\[0\]\.date: expected a date/],
    ['unknown field', 'overrides:\n  - { ref: X, portion: p1, action: release, reviewer: R, date: 2026-01-01, who: me }\n', /^o\.yaml:2:/],
  ])('%s', (_n, text, message) => {
    expect(() => loadOverrides(text, 'o.yaml')).toThrow(message);
  });
});
