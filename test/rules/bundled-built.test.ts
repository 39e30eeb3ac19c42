/**
 * Bundled profiles are validated at build time (scripts/write-profiles.mjs →
 * dist/rules/bundled-profiles.json) and compiled from there when their bytes are unchanged, so a
 * release loads neither yaml nor zod. These tests use the built package (the test setup builds it).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Profiles from '../../src/node/profiles.js';
import type * as Load from '../../src/rules/load.js';
import { loadedBy } from '../helpers/loaded.js';

const dist = (p: string): string => new URL(`../../dist/${p}`, import.meta.url).href;
const { resolveProfile, loadBundledProfile } = (await import(dist('node/profiles.js'))) as typeof Profiles;
const { loadProfile } = (await import(dist('rules/load.js'))) as typeof Load;
const RULES = new URL('../../rules/', import.meta.url);
const bundled = readdirSync(RULES).filter((f) => f.endsWith('.yaml'));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'declass-bundled-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A text for redact rules' matchers to find in (their closures differ from one compile to the next; what they find must not). */
const PROBE = `${readFileSync(new URL('../../samples/08BERLIN173.txt', import.meta.url), 'utf8')}\nJohn Smith, SSN 123-45-6789, john.smith@example.org, +1 202 555 0100\n`;

/** The profile with each redact rule's matcher replaced by what it finds in {@link PROBE}. */
function comparable(p: Load.Profile): unknown {
  return { ...p, spanRules: p.spanRules.map((r) => ({ ...r, matcher: r.matcher.find(PROBE) })) };
}

describe('bundled profiles validated at build time', () => {
  it.each(bundled)('%s compiles to the profile validation gives', async (name) => {
    const text = readFileSync(new URL(name, RULES), 'utf8');
    const validated = loadProfile(text, `rules/${name}`);
    expect(comparable(await resolveProfile(name.replace(/\.yaml$/, '')))).toEqual(comparable(validated));
  });

  it('a bundled profile whose bytes changed since the build is validated again', async () => {
    const text = readFileSync(new URL('public.yaml', RULES), 'utf8');
    const edited = text.replace(/\nrules:\n/, '\n# edited after the build\nrules:\n');
    expect(edited).not.toBe(text);
    const p = await loadBundledProfile(edited, 'rules/public.yaml');
    expect(p.source.sha256).toBe(loadProfile(edited, 'rules/public.yaml').source.sha256);
    // An invalid edit is refused, not replaced by the profile as built.
    await expect(loadBundledProfile(text.replace(/action: withhold/, 'action: hide'), 'rules/public.yaml')).rejects.toThrow(/rules\/public\.yaml:\d+: rules\[\d+\]\.action/);
  });

  it('a release with a bundled profile loads neither yaml nor zod', () => {
    const out = path.join(tmp, 'out');
    const r = loadedBy(['release', 'samples/08BERLIN173.txt', '--profile', 'public', '--as-of', '2010-12-01', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.loaded.some((l) => l.includes('/dist/engine/'))).toBe(true);
    expect(r.loaded.filter((l) => /\/node_modules\/(yaml|zod)\//.test(l))).toEqual([]);
  });
});
