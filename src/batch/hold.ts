/**
 * Fail closed on cross-document leaks (`release --cross-leak hold`, the default): after the batch's
 * cross-document check, a document of the batch whose release in release/ shows text another
 * document withholds is held: its release text and PDF are moved to pending/ (never handed out)
 * and its audit record says why ({@link Hold}). A human decides which of the two is right; the
 * audit re-runs the decisions, then the hold (the cross check must find the match again).
 *
 * Order, for an interrupted run: the files leave release/ first (one rename each), then the record
 * is rewritten, and the manifest, written after every hold, lists the new record. Cut between the
 * two, the record names files no longer where it says: the next run releases the document again
 * and holds it again; the cross check runs over every document of the batch, those found up to
 * date too, so a resumed run re-applies the holds of a run cut before them.
 */
import path from 'node:path';
import type { CrossLeak } from '../audit/against.js';
import { firstMatchLine } from '../audit/cross.js';
import { parseRecord } from '../audit/verify.js';
import { sha256Hex } from '../hash.js';
import { readBytesOrNull } from '../node/read.js';
import { moveFile, writeFileAtomic } from '../node/write.js';
import { serializeRecord } from '../release/record.js';
import { heldRecord, recordPath, RELEASE_DIR, type Hold, type HoldMatch } from '../release/folder.js';

/** A document of the batch held in pending/ (or found held by an earlier run: `kept`). */
export interface HeldDocument {
  readonly stem: string;
  readonly hold: Hold;
  /** The files moved from release/ to pending/ (empty when kept). */
  readonly moved: readonly string[];
  readonly kept: boolean;
  /** sha256 of the record as rewritten (for the manifest). */
  readonly auditSha256: string;
}

/**
 * Holds every document of the batch whose release in `out`'s release/ shows text another
 * withholds. Leaks of files of `--against` folders, and of documents already in pending/
 * (pending review, or held by an earlier run: returned as `kept`), move nothing.
 */
export async function holdReleases(out: string, leaks: readonly CrossLeak[]): Promise<HeldDocument[]> {
  const byStem = new Map<string, CrossLeak[]>();
  for (const l of leaks) if (l.stem !== null) byStem.set(l.stem, [...(byStem.get(l.stem) ?? []), l]);
  const held: HeldDocument[] = [];
  for (const [stem, found] of [...byStem].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const one = await holdOne(out, stem, found);
    if (one) held.push(one);
  }
  return held;
}

async function holdOne(out: string, stem: string, leaks: readonly CrossLeak[]): Promise<HeldDocument | null> {
  const bytes = await readBytesOrNull(path.join(out, recordPath(stem)));
  const parsed = bytes ? parseRecord(stem, bytes) : null;
  if (!parsed?.ok) return null;
  const { record } = parsed;
  if (record.held) return { stem, hold: record.held, moved: [], kept: true, auditSha256: sha256Hex(bytes!) };
  const handedOut = record.outputs.filter((o) => o.path.startsWith(`${RELEASE_DIR}/`));
  if (handedOut.length === 0) return null; // pending review: not handed out anyway.
  const text = handedOut.find((o) => o.kind === 'text');
  const released = text ? await readBytesOrNull(path.join(out, text.path)) : null;
  const hold: Hold = { reason: 'cross-document', matches: leaks.map((l) => matchOf(l, released)) };
  const next = heldRecord(record, hold);
  const moved: string[] = [];
  for (const o of handedOut) {
    const to = next.outputs.find((n) => n.kind === o.kind)!.path;
    await moveFile(path.join(out, o.path), path.join(out, to));
    moved.push(to);
  }
  const recordBytes = new TextEncoder().encode(serializeRecord(next));
  await writeFileAtomic(path.join(out, recordPath(stem)), recordBytes);
  return { stem, hold, moved, kept: false, auditSha256: sha256Hex(recordBytes) };
}

/** One match of a hold: whose text, which portions, how many runs, and from which line of the release text. */
function matchOf(leak: CrossLeak, released: Uint8Array | null): HoldMatch {
  const line = released ? firstMatchLine(Buffer.from(released).toString('utf8'), leak.matched) : null;
  return { from: leak.from, ...(leak.where !== undefined ? { folder: leak.where } : {}), portions: leak.portions, runs: leak.runs, line };
}
