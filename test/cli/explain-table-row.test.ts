/**
 * `explain`'s MARK column of a table row (found by a probe): it showed the first cell's `(U)`
 * beside a row withheld as SECRET under B1 (`| (U) Partner A | (S//REL) Daily summaries | … |`).
 * The row's level follows the mark as written now.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO, runBin } from '../helpers/bin.js';

it("explain shows a table row's level after its first cell's mark, and a paragraph's mark alone", () => {
  const r = runBin(['explain', path.join(REPO, 'samples', 'REPORT-FVEY-LIAISON.md'), '-p', 'public', '--as-of', '2015-01-01']);
  expect(r.code).toBe(0);
  const row = (id: string) => r.stdout.split('\n').find((l) => new RegExp(`^\\S+\\s+${id}\\s`).test(l));
  expect(row('p8')).toMatch(/\s\(U\) row S\s+WITHHELD B1/);
  expect(row('p9')).toMatch(/\s\(U\) row TS\s+WITHHELD B1/);
  expect(row('p10')).toMatch(/\s\(U\)\s+RELEASED/);
});
