/**
 * The check of the peer's outputs in the PDF bench (src/bench/peer-leaks.ts), on PDFs made from
 * the sample documents with pdf-lib: a "peer" that wrote the original back (it redacted nothing)
 * shows withheld text, classified text among it, by both readers, the verifier flags it and
 * declass's own release removed it; a "peer" that wrote declass's own release shows none; a peer
 * that blanked a page withholds words declass releases; a file the peer did not write is counted
 * apart.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparePeerLeaks, formatPeerLeaks } from '../../src/bench/peer-leaks.js';
import { sha256Hex } from '../../src/hash.js';
import { releaseDocument } from '../../src/release/index.js';
import { readPdfInput } from '../../src/release/pdf.js';
import { loadProfile } from '../../src/rules/load.js';
import { hasPdftotext } from '../helpers/pdf-text.js';
import { PRODUCERS } from '../helpers/producers.js';

const AS_OF = '2015-01-01';
const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
const pdfLib = PRODUCERS.find((p) => p.name.startsWith('pdf-lib'))!;

describe('comparePeerLeaks', () => {
  const dir = path.join(tmpdir(), `declass-peer-leaks-${process.pid}`);
  const inputs = path.join(dir, 'in');
  const files = ['memo.pdf', 'newsletter.pdf', 'missing.pdf'].map((f) => path.join(inputs, f));
  beforeAll(async () => {
    mkdirSync(inputs, { recursive: true });
    writeFileSync(files[0]!, await pdfLib.make(readFileSync('samples/MEMO-FIELD-OFFICES.txt', 'utf8')));
    writeFileSync(files[1]!, await pdfLib.make(readFileSync('samples/NEWSLETTER-REGIONAL-CENTER.txt', 'utf8')));
    writeFileSync(files[2]!, await pdfLib.make(readFileSync('samples/MEMO-FIELD-OFFICES.txt', 'utf8')));
  }, 60_000);

  it('counts the peer outputs that still show withheld text, all flagged by the verifier, and removed by declass', async () => {
    const peer = path.join(dir, 'peer-original');
    mkdirSync(peer, { recursive: true });
    for (const f of files.slice(0, 2)) writeFileSync(path.join(peer, path.basename(f)), readFileSync(f));
    const f = await comparePeerLeaks(files, peer, profile, AS_OF);
    expect([f.checked, f.peerMissing, f.notDecided, f.errors]).toEqual([2, 1, 0, 0]);
    expect(f.peerLeaking).toBe(2);
    expect(f.peerLeakingClassified).toBe(2);
    expect(f.leakShinglesPdfjs).toBeGreaterThan(0);
    if (hasPdftotext()) expect(f.leakShinglesPdftotext).toBeGreaterThan(0);
    expect(f.flagged).toBe(2);
    expect(f.flaggedByShingles).toBe(2);
    expect(f.oursRemoved).toBe(2);
    expect(f.overWithheld).toBe(0);
    expect(formatPeerLeaks(f)).toMatch(/still shows withheld text in 2 document\(s\)/);
  }, 120_000);

  it('finds nothing in declass\'s own releases, and over-withholding in a blanked page', async () => {
    const peer = path.join(dir, 'peer-declass');
    mkdirSync(peer, { recursive: true });
    for (const f of files.slice(0, 2)) {
      const bytes = new Uint8Array(readFileSync(f));
      const read = await readPdfInput(bytes);
      if (!read.ok) throw new Error(read.message);
      const r = await releaseDocument({ doc: read.doc, reader: read.reader, profile, asOf: AS_OF, stem: 'doc', input: { path: 'doc.pdf', sha256: sha256Hex(bytes) }, pdf: { bytes, layout: read.layout } });
      writeFileSync(path.join(peer, path.basename(f)), r.files.find((x) => x.kind === 'pdf')!.bytes);
    }
    const f = await comparePeerLeaks(files.slice(0, 2), peer, profile, AS_OF);
    expect([f.checked, f.peerLeaking, f.flagged, f.overWithheld]).toEqual([2, 0, 0, 0]);

    // A peer that wrote an empty page in place of the memo withheld everything declass releases.
    const blank = await PDFDocument.create({ updateMetadata: false });
    blank.addPage([612, 792]);
    writeFileSync(path.join(peer, 'memo.pdf'), await blank.save());
    const g = await comparePeerLeaks(files.slice(0, 1), peer, profile, AS_OF);
    expect([g.checked, g.peerLeaking, g.overWithheld]).toEqual([1, 0, 1]);
    expect(g.wordsMissing).toBeGreaterThan(20);
  }, 120_000);
});
