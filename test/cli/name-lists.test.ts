/**
 * Comma-separated lists of names (`release --formats`, `release --fail-on`, `check --fail-on`,
 * `index --format`): an empty item or a name given twice was dropped without a word
 * (`--formats text,text`, `--formats "text,"`, `--fail-on cross-leak,cross-leak`); a slip that
 * says something else was meant is a usage error in one line now, and nothing is written.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, REPO, runBin, tmp } from '../helpers/bin.js';

const BERLIN = path.join(REPO, 'samples/08BERLIN173.txt');

describe('comma-separated lists of names', () => {
  it.each<[string[], RegExp]>([
    [['--formats', 'text,text'], /format "text" is given twice in "text,text"/],
    [['--formats', 'text,'], /an empty item in "text,"/],
    [['--formats', 'text,,pdf'], /an empty item in "text,,pdf"/],
    [['--formats', ','], /expected some of text, pdf, review, diff/],
    [['--fail-on', 'cross-leak,cross-leak'], /finding "cross-leak" is given twice/],
    [['--fail-on', 'cross-leak,'], /an empty item in "cross-leak,"/],
  ])('release %j: a usage error in one line, nothing written', (args, message) => {
    const out = path.join(tmp('lists'), 'out');
    const r = runBin(['release', BERLIN, '-p', 'public', '-o', out, '--as-of', '2010-12-01', ...args]);
    expect(r.code).toBe(64);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it.each<[string[], RegExp]>([
    [['check', BERLIN, '--fail-on', 'review,Review'], /status "review" is given twice/],
    [['check', BERLIN, '--fail-on', 'review,'], /an empty item in "review,"/],
    [['index', path.join(REPO, 'samples'), '--format', 'csv,csv'], /format "csv" is given twice/],
  ])('%j: a usage error in one line', (args, message) => {
    const r = runBin(args);
    expect(r.code).toBe(64);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('each name once, in any order: taken', () => {
    const r = runBin(['release', BERLIN, '-p', 'public', '-o', path.join(tmp('lists'), 'out'), '--as-of', '2010-12-01', '--formats', 'diff,text', '--fail-on', 'cross-leak', '-q']);
    expect(r.code, r.stderr).toBe(0);
  });
});
