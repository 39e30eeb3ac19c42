/**
 * Shrinks a failing input to a few lines, so a finding becomes a regression test one can read:
 * greedy delta debugging over lines (remove chunks, halving the chunk size), then over the
 * characters of each remaining line. Bounded by a trial budget: a partly shrunk input is still a
 * reproducer.
 */

/**
 * Shrinks `bytes` while `stillFails` holds, within `maxTrials` calls and about `maxMs`
 * milliseconds (a trial on a 1 MiB input renders PDFs of hundreds of pages). Returns the smallest
 * failing input found.
 */
export async function minimize(bytes: Uint8Array, stillFails: (candidate: Uint8Array) => Promise<boolean>, maxTrials = 300, maxMs = 60_000): Promise<Uint8Array> {
  let trials = 0;
  const until = performance.now() + maxMs;
  const attempt = async (candidate: Uint8Array): Promise<boolean> => {
    if (trials >= maxTrials) return false;
    trials++;
    if (performance.now() > until) trials = maxTrials; // out of time: this is the last trial
    return stillFails(candidate);
  };
  const split = (b: Uint8Array): Uint8Array[] => {
    const out: Uint8Array[] = [];
    let from = 0;
    for (let i = 0; i < b.length; i++) if (b[i] === 0x0a) (out.push(b.subarray(from, i + 1)), (from = i + 1));
    if (from < b.length) out.push(b.subarray(from));
    return out;
  };
  const join = (parts: readonly Uint8Array[]): Uint8Array => Buffer.concat(parts);

  let lines = split(bytes);
  for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1 && trials < maxTrials; chunk >>= 1) {
    for (let i = 0; i < lines.length && trials < maxTrials; ) {
      const candidate = [...lines.slice(0, i), ...lines.slice(i + chunk)];
      if (candidate.length > 0 && (await attempt(join(candidate)))) lines = candidate;
      else i += chunk;
    }
  }
  // Then shorten long lines from the end (a 1 MiB line usually needs far fewer bytes).
  for (let i = 0; i < lines.length && trials < maxTrials; i++) {
    let line = lines[i]!;
    for (let cut = line.length >> 1; cut >= 8 && trials < maxTrials; cut >>= 1) {
      while (line.length > cut && trials < maxTrials) {
        const shorter = Buffer.concat([line.subarray(0, line.length - cut - (line.at(-1) === 0x0a ? 1 : 0)), line.at(-1) === 0x0a ? Buffer.from('\n') : Buffer.alloc(0)]);
        const candidate = [...lines.slice(0, i), shorter, ...lines.slice(i + 1)];
        if (await attempt(join(candidate))) {
          line = shorter;
          lines = candidate;
        } else break;
      }
    }
  }
  return join(lines);
}
