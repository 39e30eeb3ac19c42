/** The release folder contract: the reader an audit record names. */
import { describe, expect, it } from 'vitest';
import { CABLE_READER, DOCUMENT_READER } from '../../src/parse/read.js';
import { recordedReader, type AuditRecord } from '../../src/release/folder.js';

const input = (reader?: unknown): Pick<AuditRecord, 'input'> => ({ input: { path: 'x.txt', sha256: '0', ref: null, originated: null, ...(reader !== undefined ? { reader } : {}) } as AuditRecord['input'] });

describe('recordedReader', () => {
  it.each<[string, unknown, unknown]>([
    ['none (a cable record, or one written before documents)', undefined, CABLE_READER],
    ['the document reader', { name: 'document', version: '1.0.0' }, { name: 'document', version: '1.0.0' }],
    ['an older document reader version, kept as recorded', { name: 'document', version: '0.9.0' }, { name: 'document', version: '0.9.0' }],
    ['the PDF reader', { name: 'pdf', version: '1.0.0' }, { name: 'pdf', version: '1.0.0' }],
    ['a reader this version does not know', { name: 'docx', version: '1.0.0' }, CABLE_READER],
    ['a malformed entry', { name: 'document' }, CABLE_READER],
  ])('%s', (_what, reader, expected) => {
    expect(recordedReader(input(reader))).toEqual(expected);
  });

  it('names the current document reader as release records it', () => {
    expect(recordedReader(input({ ...DOCUMENT_READER }))).toEqual(DOCUMENT_READER);
  });
});
