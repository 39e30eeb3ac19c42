/**
 * The spill file a batch keeps its index rows in (src/node/spill.ts): what was appended reads back
 * by offset, and nothing of it is left in the folder, open or closed.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpillFile } from '../../src/node/spill.js';

describe('a spill file', () => {
  it('reads back what was appended, by offset, and leaves no file behind', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-spill-'));
    const spill = new SpillFile(dir);
    const pieces = ['first ¶1', '', 'x'.repeat(200_000), 'last'].map((t) => new TextEncoder().encode(t));
    const offsets = pieces.map((p) => spill.append(p));
    expect(offsets).toEqual([0, pieces[0]!.length, pieces[0]!.length, pieces[0]!.length + 200_000]);
    // Unlinked as soon as it is open: a killed process leaves nothing.
    expect(readdirSync(dir)).toEqual([]);
    pieces.map((p, i) => [p, i] as const).reverse().forEach(([p, i]) => expect(Buffer.from(spill.read(offsets[i]!, p.length)).equals(Buffer.from(p))).toBe(true));
    spill.close();
    spill.close();
    expect(() => spill.read(0, 1)).toThrow(/after close/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
