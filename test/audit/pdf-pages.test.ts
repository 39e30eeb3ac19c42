/**
 * The authority check counts a release PDF's pages against the record's placement (probe 59a:
 * two PDF-input releases under the same exemptions swapped, their hashes fixed, passed without
 * the originals).
 */
import { describe, expect, it } from 'vitest';
import { checkPdfPages } from '../../src/audit/verify.js';
import type { AuditRecord } from '../../src/release/folder.js';

const record = (pages: number | null | undefined): AuditRecord =>
  ({ ...(pages === undefined ? {} : { placement: { pages, regions: [] } }) }) as unknown as AuditRecord;

describe('checkPdfPages', () => {
  it.each([
    ['as many pages as recorded', 2, record(2), []],
    ['one page where the record places boxes on two', 1, record(2), ['release/zq1.pdf: authority: has 1 page(s); review/zq1.audit.json records 2']],
    ['a record from before placement', 1, record(undefined), []],
    ['a record with no PDF pages recorded', 1, record(null), []],
    ['a PDF pdf.js could not read', undefined, record(2), []],
  ])('%s', (_what, pages, rec, expected) => {
    expect(checkPdfPages('release/zq1.pdf', pages, 'zq1', rec).map((f) => `${f.file}: ${f.check}: ${f.message}`)).toEqual(expected);
  });
});
