/**
 * The library's entry points check their options as the command line does (src/options.ts):
 * a bad as-of date, format, stem, page size or input is a UsageError (exit 64), before anything is
 * decided, rendered or written. `asOf: 'today'` compared as a string passed every DECL date and
 * released TOP SECRET text.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessDocument, evaluate, lintDocument, readDocument, releaseDocument, resolveProfile, runReleaseBatch, sha256Hex, UsageError, type BatchOptions } from '../../src/index.js';

const SAMPLE = path.resolve('samples/SYNTH-TS-SI-13526.txt');
const text = readFileSync(SAMPLE, 'utf8');
const { doc, reader } = readDocument(text);
const profile = await resolveProfile('public');
const base = { doc, reader, profile, asOf: '2026-12-01', stem: 'S', input: { path: 'x.txt', sha256: sha256Hex(text) }, formats: ['text'] as const };

describe('releaseDocument refuses options the command line refuses', () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a word for a date', { asOf: 'today' }, /^asOf: expected a date as YYYY-MM-DD, got "today"$/],
    ['a date in words', { asOf: 'Dec 1 2026' }, /^asOf: expected a date as YYYY-MM-DD/],
    ['a day that does not exist', { asOf: '2026-02-30' }, /^asOf: February 2026 has 28 days$/],
    ['a date without hyphens', { asOf: '20261201' }, /^asOf: expected a date/],
    ['a Date object', { asOf: new Date('2026-12-01') }, /^asOf: .*got a Date$/],
    ['no date', { asOf: undefined }, /^asOf: .*got undefined$/],
    ['an unknown format', { formats: ['txt'] }, /^formats: unknown format "txt"/],
    ['a format twice', { formats: ['text', 'text'] }, /^formats: format "text" is given twice/],
    ['a stem that climbs out of its folder', { stem: '../evil' }, /^stem "\.\.\/evil": use letters, digits/],
    ['an empty stem', { stem: '' }, /^stem "": use letters/],
    ['a hidden stem', { stem: '.x' }, /^stem "\.x": use letters/],
    ['an unknown page size', { formats: ['pdf'], pageSize: 'legal' }, /^pageSize: expected one of letter, a4, got "legal"$/],
    ['no input', { input: undefined }, /^input: expected \{ path, sha256 \}/],
    ['an input hash that is not one', { input: { path: 'x', sha256: 'nothex' } }, /^input\.sha256: expected a sha256 as 64 hexadecimal digits/],
    ['no document', { doc: undefined }, /^doc: expected a document/],
  ])('%s', async (_what, change, message) => {
    const error = await releaseDocument({ ...base, ...change } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(64);
    expect((error as Error).message).toMatch(message);
  });

  it('no format at all: the decisions and the audit record alone (what the cross-document check re-runs)', async () => {
    const r = await releaseDocument({ ...base, formats: [] });
    expect(r.files.map((f) => f.path)).toEqual(['review/S.audit.json']);
  });

  it('still releases with valid options (a Set of formats, a4)', async () => {
    const r = await releaseDocument({ ...base, formats: new Set(['text'] as const), pageSize: 'a4' });
    expect(r.files.map((f) => f.path)).toEqual(['pending/S.txt', 'review/S.audit.json']);
  });
});

describe('the other entry points that take an as-of date', () => {
  it.each(['today', '2026-13-01', undefined])('%s', (asOf) => {
    expect(() => evaluate(doc, profile, { asOf: asOf as string })).toThrow(UsageError);
    expect(() => assessDocument(doc, asOf as string)).toThrow(/^asOf: /);
    expect(() => lintDocument(doc, asOf as string)).toThrow(/^asOf: /);
  });
});

describe('runReleaseBatch', () => {
  const batch = (out: string): BatchOptions => ({
    files: [SAMPLE], out, profile, profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01',
    formats: ['text'], pageSize: 'letter', force: false, jobs: 1, maxInputBytes: 1e7, crossCheck: true, cwd: process.cwd(),
  });
  it.each<[string, Partial<BatchOptions>, RegExp]>([
    ['asOf: today writes nothing', { asOf: 'today' }, /^asOf: expected a date as YYYY-MM-DD, got "today"$/],
    ['an unknown format', { formats: ['txt' as never] }, /^formats: unknown format "txt"/],
    ['no format', { formats: [] }, /^formats: expected some of/],
    ['an unknown page size', { pageSize: 'legal' as never }, /^pageSize: expected one of letter, a4/],
    ['no jobs', { jobs: 0 }, /^jobs: expected a whole number from 1 to 256, got 0$/],
    ['a negative input limit', { maxInputBytes: -1 }, /^maxInputBytes: expected a whole number of at least 1, got -1$/],
  ])('%s', async (_what, change, message) => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'declass-libopt-')), 'out');
    const error = await runReleaseBatch({ ...batch(out), ...change }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
