/**
 * The synchronous file access of a batch's jobs (src/node): readInputSync gives what readInput
 * gives, and writeFileAtomicSync leaves the whole file or nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBytesOrNullSync, readInput, readInputSync } from '../../src/node/read.js';
import { AtomicFileWriter, timeFileCreation, writeFileAtomicSync } from '../../src/node/write.js';
import { sha256Hex } from '../../src/hash.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'declass-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cable = readFileSync(new URL('../../samples/08BERLIN173.txt', import.meta.url));
const file = (name: string, bytes: Uint8Array | string): string => {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  return f;
};

describe('readInputSync', () => {
  const cases: readonly (readonly [string, () => string, number, string | null])[] = [
    ['a cable', () => file('c.txt', cable), 1 << 20, null],
    ['a folder', () => dir, 1 << 20, 'is a folder'],
    ['a missing file', () => path.join(dir, 'missing.txt'), 1 << 20, null],
    ['a file over the limit', () => file('big.txt', cable), 100, null],
    ['a file without markings', () => file('readme.txt', 'Just a README.\n'), 1 << 20, null],
    ['an empty file', () => file('empty.txt', ''), 1 << 20, null],
  ];
  it.each(cases)('%s: what readInput gives', async (_name, make, max, message) => {
    const f = make();
    const sync = readInputSync(f, max);
    const async_ = await readInput(f, max);
    expect(sync).toEqual(async_);
    if (message !== null) expect(sync).toEqual({ ok: false, message });
  });

  it('reads the whole of a file larger than one read', () => {
    const big = file('large.txt', Buffer.concat([cable, Buffer.alloc(300_000, 0x20), Buffer.from('\n')]));
    const read = readInputSync(big);
    expect(read.ok && Buffer.from(read.bytes).equals(readFileSync(big))).toBe(true);
  });
});

describe('readBytesOrNullSync', () => {
  it('gives the bytes, or null for a missing file or a folder', () => {
    expect(Buffer.from(readBytesOrNullSync(file('b.bin', 'abc'))!).toString()).toBe('abc');
    expect(readBytesOrNullSync(path.join(dir, 'nothing'))).toBeNull();
    expect(readBytesOrNullSync(dir)).toBeNull();
  });
});

describe('writeFileAtomicSync', () => {
  it('creates missing folders, writes every byte, leaves no temporary', () => {
    const target = path.join(dir, 'w', 'sub', 'out.bin');
    const bytes = new Uint8Array(200_000).map((_, i) => i % 251);
    writeFileAtomicSync(target, bytes);
    expect(readFileSync(target).equals(Buffer.from(bytes))).toBe(true);
    writeFileAtomicSync(target, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(readdirSync(path.dirname(target))).toEqual(['out.bin']);
  });

  it('fails with the file named, and leaves nothing, when the folder cannot be made', () => {
    const blocker = file('blocker', 'x');
    expect(() => writeFileAtomicSync(path.join(blocker, 'out.txt'), new Uint8Array([1]))).toThrow(/cannot write .*blocker/);
    mkdirSync(path.join(dir, 'clean'));
    expect(() => writeFileAtomicSync(path.join(dir, 'clean'), new Uint8Array([1]))).toThrow(/cannot write/);
    expect(readdirSync(path.join(dir, 'clean'))).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.startsWith('.declass-'))).toEqual([]);
  });
});

describe('timeFileCreation (the bench figure of what the disk costs)', () => {
  it('creates rounds x files files of 4 KB through the atomic writer and gives a time per file', () => {
    const probe = path.join(dir, 'probe');
    mkdirSync(probe);
    const ms = timeFileCreation(probe, 7, 3);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(60_000);
    const names = readdirSync(probe);
    expect(names).toHaveLength(21);
    expect(names.every((n) => /^probe-\d-\d\.txt$/.test(n))).toBe(true);
    expect(readFileSync(path.join(probe, names[0]!)).length).toBe(4096);
  });
});

describe('AtomicFileWriter', () => {
  it('writes and hashes the pieces as one file: strings, bytes, small and larger than its buffer, a pair of surrogates split across strings', () => {
    const target = path.join(dir, 'pieces.txt');
    const pieces: (string | Uint8Array)[] = ['head ¶ ', new Uint8Array([0x41, 0x42]), 'x'.repeat(70_000), '\ud83d', '\ude00', new Uint8Array(300_000).fill(0x43), 'é', '\ud83d', new Uint8Array([0x44])];
    const w = new AtomicFileWriter(target);
    for (const p of pieces) w.write(p);
    const { sha256, bytes } = w.commit();
    // What the writer promised before it gathered its pieces in a buffer: strings written one after the other are encoded together.
    const expected = Buffer.concat([
      Buffer.from('head ¶ ', 'utf8'),
      Buffer.from([0x41, 0x42]),
      Buffer.from(`${'x'.repeat(70_000)}\ud83d\ude00`, 'utf8'),
      Buffer.alloc(300_000, 0x43),
      Buffer.from('é\ud83d', 'utf8'),
      Buffer.from([0x44]),
    ]);
    const written = readFileSync(target);
    expect(written.equals(expected)).toBe(true);
    expect(bytes).toBe(expected.length);
    expect(sha256).toBe(sha256Hex(expected));
    expect(readdirSync(dir).filter((n) => n.includes('pieces') || n.startsWith('.declass'))).toEqual(['pieces.txt']);
  });
});
