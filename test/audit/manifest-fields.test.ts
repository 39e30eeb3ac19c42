/**
 * The manifest's own fields against what the records name (probe 67c F4): paths compare by file
 * name (a run names its overrides file as given, its records as resolved), everything else exactly.
 */
import { describe, expect, it } from 'vitest';
import { checkManifestFields, RecordedNames } from '../../src/audit/manifest-fields.js';

const names = new RecordedNames();
names.note({ profile: { id: 'public', file: 'rules/public.yaml', sha256: 'a' }, overrides: { file: '/work/ov.yaml', sha256: 'b' }, tool: { name: 'declass', version: '0.1.0' } } as never);
const manifest = (overrides: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ format: 'declass-manifest/1', tool: { name: 'declass', version: '0.1.0' }, run: { profile: { id: 'public', file: 'rules/public.yaml', sha256: 'a' }, asOf: '2026-12-01', overrides: { file: overrides, sha256: 'b' } }, entries: [], head: 'x', ...extra });

describe('checkManifestFields', () => {
  it.each([
    ['the overrides file as given', manifest('ov.yaml'), []],
    ['the overrides file as resolved', manifest('/work/ov.yaml'), []],
    ['another overrides file', manifest('other.yaml'), ['consistency: run.overrides.file "other.yaml" is not what the records name (ov.yaml)']],
    ['an unknown key', manifest('ov.yaml', { signedBy: 'x' }), ['chain: signedBy is no field of a declass manifest: a manifest holds only what declass writes']],
  ])('%s', (_name, text, expected) => {
    expect(checkManifestFields(text, names).map((f) => `${f.check}: ${f.message}`)).toEqual(expected);
  });
});
