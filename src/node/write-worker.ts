/**
 * The thread of {@link FileWriterThread} (dist/node/write-worker.js): writes each document of a
 * request atomically, all of its files or none, and answers once for the request.
 */
import { parentPort } from 'node:worker_threads';
import { removeFileSync, writeFileAtomicSync } from './write.js';
import type { WriteReply, WriteRequest } from './write-thread.js';

parentPort!.on('message', ({ counts, paths, ends, data }: WriteRequest) => {
  const reply: (string | null)[] = [];
  let file = 0;
  for (const count of counts) {
    const done: string[] = [];
    let message: string | null = null;
    for (const last = file + count; file < last; file++) {
      if (message !== null) continue;
      try {
        writeFileAtomicSync(paths[file]!, data.subarray(file === 0 ? 0 : ends[file - 1]!, ends[file]!));
        done.push(paths[file]!);
      } catch (error) {
        message = (error as Error).message;
        // A document is written whole or not at all.
        for (const written of done) removeFileSync(written);
      }
    }
    reply.push(message);
  }
  parentPort!.postMessage(reply satisfies WriteReply);
});
