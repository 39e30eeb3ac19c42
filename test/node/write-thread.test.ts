/**
 * The file writer thread of in-thread batches (dist/node/write-thread.js: the thread needs the
 * compiled worker, which the test setup builds). A document's files are written all or none.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileWriterThread as WriterClass } from '../../src/node/write-thread.js';

const { FileWriterThread } = (await import(new URL('../../dist/node/write-thread.js', import.meta.url).href)) as { FileWriterThread: typeof WriterClass };
const dir = mkdtempSync(path.join(os.tmpdir(), 'declass-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('FileWriterThread', () => {
  it('writes every file of a request, creating folders, with nothing temporary left', async () => {
    const writer = FileWriterThread.start()!;
    expect(writer).not.toBeNull();
    const out = path.join(dir, 'ok');
    await Promise.all([
      writer.write([{ path: path.join(out, 'release', 'A.txt'), bytes: bytes('release A') }, { path: path.join(out, 'review', 'A.audit.json'), bytes: bytes('{}') }]),
      writer.write([{ path: path.join(out, 'release', 'B.txt'), bytes: bytes('release B') }]),
    ]);
    await writer.close();
    expect(readFileSync(path.join(out, 'release', 'A.txt'), 'utf8')).toBe('release A');
    expect(readFileSync(path.join(out, 'release', 'B.txt'), 'utf8')).toBe('release B');
    expect(readFileSync(path.join(out, 'review', 'A.audit.json'), 'utf8')).toBe('{}');
    expect(readdirSync(path.join(out, 'release')).sort()).toEqual(['A.txt', 'B.txt']);
  });

  it('a request that cannot be written whole leaves none of its files, and later requests still work', async () => {
    const writer = FileWriterThread.start()!;
    const out = path.join(dir, 'fail');
    // `blocked` is a file, so nothing can be created under it.
    await writer.write([{ path: path.join(out, 'blocked'), bytes: bytes('x') }]);
    writeFileSync(path.join(out, 'blocked'), 'a file, not a folder');
    const failing = writer.write([
      { path: path.join(out, 'release', 'C.txt'), bytes: bytes('release C') },
      { path: path.join(out, 'blocked', 'C.audit.json'), bytes: bytes('{}') },
    ]);
    await expect(failing).rejects.toThrow(/^cannot write .*blocked\/C\.audit\.json: /);
    await writer.write([{ path: path.join(out, 'release', 'D.txt'), bytes: bytes('release D') }]);
    await writer.close();
    expect(readdirSync(path.join(out, 'release'))).toEqual(['D.txt']);
  });

  it('a request whose bytes cannot be read fails, and close does not wait for it', async () => {
    const writer = FileWriterThread.start()!;
    const gone = bytes('moved away');
    structuredClone(gone.buffer, { transfer: [gone.buffer as ArrayBuffer] });
    await expect(writer.write([{ path: path.join(dir, 'detached', 'G.txt'), bytes: gone }])).rejects.toThrow(/detached/);
    await writer.close();
  });

  it('close waits for the writes asked for', async () => {
    const writer = FileWriterThread.start()!;
    const out = path.join(dir, 'close');
    const files = Array.from({ length: 200 }, (_, i) => ({ path: path.join(out, `F${i}.txt`), bytes: bytes(`file ${i}`) }));
    for (const f of files) void writer.write([f]);
    await writer.close();
    expect(readdirSync(out)).toHaveLength(200);
    expect(readFileSync(path.join(out, 'F199.txt'), 'utf8')).toBe('file 199');
  });
});
