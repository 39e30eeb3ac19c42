/**
 * The peer's output through declass's own checks (issue 17: "the peer's output leaks nothing ours
 * would not catch"). For each PDF the peer wrote: decide it as `declass release` would (the PDF
 * reader, the planner, `public` as of the bench's date), then run the verifier of the release PDF
 * (verifyRedaction: pdf.js re-extraction, 8-word shingles of every withheld text, characters in
 * the withheld regions, share of the released words kept) on the PEER's output, and read it a
 * second time with poppler's `pdftotext` when it is installed (the same shingle count, by another
 * reader). Where the peer's output still shows withheld text, declass's own release of the same
 * document is made and checked too (it must have removed that text, or have refused the document).
 * The converse: documents where the peer removed words that declass releases (fewer than 98% of
 * them left, the bar a declass release must clear).
 *
 * Run after the timed runs, in the parent process: none of it is in the timings. Never quotes
 * withheld text; figures only.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { visibleAcrossGaps } from '../engine/withheld.js';
import { normaliseWords, verifyRedaction, wordShingles } from '../pdf/index.js';
import { sha256Hex } from '../hash.js';
import { planRegions, readPdfInput, releasePdf, safePdfStem } from '../release/pdf.js';
import { planRelease } from '../release/index.js';
import { readBytes } from '../node/read.js';
import { pathExists } from '../node/system.js';
import type { Profile } from '../rules/load.js';

/** What the comparison found. Counts of documents unless said otherwise. */
export interface PeerLeakFigures {
  /** Documents the peer wrote and declass decided (its reader took them). */
  readonly checked: number;
  /** Documents the peer wrote that declass does not decide (no text layer, not marked): left out. */
  readonly notDecided: number;
  /** Documents the peer failed on (no output): left out. */
  readonly peerMissing: number;
  /** Documents whose peer output shows withheld text (an 8-word run) by pdf.js or pdftotext, and the runs each reader found in all. */
  readonly peerLeaking: number;
  readonly leakShinglesPdfjs: number;
  readonly leakShinglesPdftotext: number | null;
  /** Of those, the documents where the text is of a portion marked C, S or TS (the rest: portions declass withholds for other reasons, e.g. U//FOUO pending review), and the runs each reader found of such portions. */
  readonly peerLeakingClassified: number;
  readonly classifiedShinglesPdfjs: number;
  readonly classifiedShinglesPdftotext: number | null;
  /** Of those, how many the verifier refuses (it would not have written such a file), and how many its shingle check alone catches. */
  readonly flagged: number;
  readonly flaggedByShingles: number;
  /** Of those, how many declass releases with that text gone (its release verified, and none of the peer's leaked runs in it by pdftotext either), and how many it refuses (fails closed). */
  readonly oursRemoved: number;
  readonly oursRefused: number;
  /** Documents where the peer's output keeps fewer than 98% of the words declass releases, and the words missing over all documents. */
  readonly overWithheld: number;
  readonly wordsMissing: number;
  /** Documents the check itself could not complete (a reader failed on the peer's file). */
  readonly errors: number;
  readonly seconds: number;
}

/** Run pdftotext on `bytes` (UTF-8, to standard output), or null when it is not installed or fails. */
function pdftotext(bytes: Uint8Array): string | null {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: Buffer.from(bytes), encoding: 'utf8', maxBuffer: 1 << 28 });
  return r.error || r.status !== 0 ? null : r.stdout;
}

/** True when pdftotext can be run. */
export function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
}

/**
 * The withheld runs of `withheld` (8-word shingles, counted per text as verifyRedaction counts
 * them) that `text` shows and `allowed` does not hold.
 */
function leakedShingles(text: string, withheld: readonly string[], allowed: ReadonlySet<string>, n = 8): { withheld: number; shingle: string }[] {
  const present = new Set(wordShingles(normaliseWords(text), n));
  return withheld.flatMap((t, i) => wordShingles(normaliseWords(t), n).filter((s) => present.has(s) && !allowed.has(s)).map((shingle) => ({ withheld: i, shingle })));
}

/**
 * Compare the peer's outputs in `peerDir` (one `<name>.pdf` per input, as the peer names them)
 * with what declass decides for the same `files`.
 *
 * @param onProgress Called after each document with the number done.
 */
export async function comparePeerLeaks(files: readonly string[], peerDir: string, profile: Profile, asOf: string, onProgress?: (done: number) => void): Promise<PeerLeakFigures> {
  const t0 = performance.now();
  const poppler = hasPdftotext();
  let checked = 0, notDecided = 0, peerMissing = 0, peerLeaking = 0, leakShinglesPdfjs = 0, leakShinglesPdftotext = 0;
  let peerLeakingClassified = 0, classifiedShinglesPdfjs = 0, classifiedShinglesPdftotext = 0;
  let flagged = 0, flaggedByShingles = 0, oursRemoved = 0, oursRefused = 0, overWithheld = 0, wordsMissing = 0, errors = 0;
  let done = 0;
  for (const file of files) {
    try {
      const peerFile = path.join(peerDir, path.basename(file).replace(/\.[^.]*$/, '') + '.pdf');
      if (!pathExists(peerFile)) {
        peerMissing++;
        continue;
      }
      const original = await readBytes(file);
      const read = await readPdfInput(original);
      if (!read.ok) {
        notDecided++;
        continue;
      }
      const stem = path.basename(file).replace(/\.[^.]*$/, '');
      const planned = planRelease(read.doc, profile, { asOf, stem, pdfInput: true });
      const { regions } = planRegions(planned.plan, read.layout);
      const withheld = planned.withheld.map((w) => w.text);
      const classifiedIds = new Set(planned.plan.decisions.filter((d) => d.action === 'withhold' && d.level !== null && d.level !== 'U').map((d) => d.portionId));
      const classified = (i: number): boolean => classifiedIds.has(planned.withheld[i]!.portionId);
      const peer = await readBytes(peerFile);
      const released = [planned.visible, visibleAcrossGaps(planned.visible)];
      const check = await verifyRedaction(original, peer, regions, withheld, { releasedTexts: released });
      checked++;
      const allowed = new Set(released.flatMap((t) => wordShingles(normaliseWords(t), 8)));
      const byPdfjs = check.leaks.reduce((s, l) => s + l.shingles, 0);
      const popplerText = poppler ? pdftotext(peer) : null;
      const byPoppler = popplerText === null ? [] : leakedShingles(popplerText, withheld, allowed);
      leakShinglesPdfjs += byPdfjs;
      leakShinglesPdftotext += byPoppler.length;
      const classifiedPdfjs = check.leaks.filter((l) => classified(l.withheld)).reduce((sum, l) => sum + l.shingles, 0);
      const classifiedPoppler = byPoppler.filter((l) => classified(l.withheld)).length;
      classifiedShinglesPdfjs += classifiedPdfjs;
      classifiedShinglesPdftotext += classifiedPoppler;
      if (classifiedPdfjs > 0 || classifiedPoppler > 0) peerLeakingClassified++;
      if (check.keptFraction < 0.98) overWithheld++;
      wordsMissing += check.releasedWords - check.keptWords;
      if (byPdfjs > 0 || byPoppler.length > 0) {
        peerLeaking++;
        if (!check.ok) flagged++;
        if (check.leaks.length > 0) flaggedByShingles++;
        // declass's own release of the document: verified by releasePdf, then read by pdftotext for the runs the peer leaked.
        try {
          // Its title is the output's stem, which never repeats withheld words (as the batch names it).
          const title = safePdfStem(stem, planned, sha256Hex(original)).stem;
          const ours = await releasePdf(planned, { bytes: original, layout: read.layout }, title);
          const oursText = poppler ? pdftotext(ours.bytes) : null;
          const leakedRuns = new Set(byPoppler.map((l) => l.shingle));
          const still = oursText === null ? [] : leakedShingles(oursText, withheld, allowed).filter((l) => leakedRuns.size === 0 || leakedRuns.has(l.shingle));
          if (still.length === 0) oursRemoved++;
        } catch {
          oursRefused++;
        }
      }
    } catch {
      errors++;
    } finally {
      onProgress?.(++done);
    }
  }
  return {
    checked,
    notDecided,
    peerMissing,
    peerLeaking,
    leakShinglesPdfjs,
    leakShinglesPdftotext: poppler ? leakShinglesPdftotext : null,
    peerLeakingClassified,
    classifiedShinglesPdfjs,
    classifiedShinglesPdftotext: poppler ? classifiedShinglesPdftotext : null,
    flagged,
    flaggedByShingles,
    oursRemoved,
    oursRefused,
    overWithheld,
    wordsMissing,
    errors,
    seconds: Math.round((performance.now() - t0) / 10) / 100,
  };
}

/** The figures in two or three sentences, for the bench's table. */
export function formatPeerLeaks(f: PeerLeakFigures): string {
  const readers = `${f.leakShinglesPdfjs} withheld 8-word run(s) by pdf.js${f.leakShinglesPdftotext === null ? '' : `, ${f.leakShinglesPdftotext} by pdftotext`}`;
  const left = [f.notDecided > 0 ? `${f.notDecided} not decided by declass (no text layer or not marked)` : '', f.peerMissing > 0 ? `${f.peerMissing} not written by the peer` : '', f.errors > 0 ? `${f.errors} could not be checked` : ''].filter((s) => s !== '');
  return [
    `Peer leak check (declass's verifier on the peer's output; not timed, ${f.seconds.toFixed(0)} s): ${f.checked} document(s) checked${left.length > 0 ? ` (left out: ${left.join(', ')})` : ''}.`,
    `  The peer's output still shows withheld text in ${f.peerLeaking} document(s) (${readers}); declass's verifier flags ${f.flagged} of them (${f.flaggedByShingles} by its shingle check): it would have refused to write such a file.`,
    `  Text of portions marked C, S or TS in ${f.peerLeakingClassified} of them (${f.classifiedShinglesPdfjs} run(s) by pdf.js${f.classifiedShinglesPdftotext === null ? '' : `, ${f.classifiedShinglesPdftotext} by pdftotext`}); the rest is text declass withholds for other reasons (U//FOUO pending review, unknown marks), which the peer releases by design.`,
    `  Of those, declass's own release removed that text in ${f.oursRemoved}${f.oursRefused > 0 ? ` and refused ${f.oursRefused} (fail closed)` : ''}.`,
    `  Over-withholding: in ${f.overWithheld} document(s) the peer's output keeps fewer than 98% of the words declass releases (${f.wordsMissing} such word(s) missing in all).`,
  ].join('\n');
}
