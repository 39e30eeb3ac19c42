/**
 * The progress bar of batch commands: done / total, rate and ETA on the terminal's standard
 * error, and nothing at all when that is not a terminal or the user asked for quiet or JSON.
 */
import cliProgress from 'cli-progress';
import type { Io } from './io.js';

export interface Progress {
  update(done: number): void;
  /** Changes the number of documents (a batch that adds documents of the folder to release again). */
  setTotal(total: number): void;
  /** Prints a line above the bar (a failure, a notice) without garbling it. */
  log(line: string): void;
  stop(): void;
}

/** A bar for `total` documents, or a silent stand-in. */
export function createProgress(io: Io, total: number, label: string, enabled: boolean): Progress {
  if (!enabled || !io.isTTY || !io.progressStream) {
    return { update: () => {}, setTotal: () => {}, log: (line) => io.stderr(line), stop: () => {} };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: io.progressStream,
      format: `${label} |{bar}| {value}/{total} documents | {rate}/s | ETA {eta_formatted}`,
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 200,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total, 0, { rate: '0.0' });
  return {
    update: (done) => bar.update(done, { rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) }),
    setTotal: (total) => bar.setTotal(total),
    log: (line) => {
      // Clear the bar's line, print, and let the next update draw the bar again below.
      io.progressStream!.write(`\r\x1b[2K${line}`);
    },
    stop: () => bar.stop(),
  };
}
