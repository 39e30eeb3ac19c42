/**
 * The thread of {@link FileWriterThread} (dist/node/write-worker.js): writes each document it is
 * sent atomically, all of its files or none, and answers once per document.
 */
import { parentPort } from 'node:worker_threads';
import { removeFileSync, writeFileAtomicSync } from './write.js';
import type { WriteReply, WriteRequest } from './write-thread.js';

parentPort!.on('message', ({ paths, ends, data }: WriteRequest) => {
  const done: string[] = [];
  let reply: WriteReply = null;
  try {
    paths.forEach((file, i) => {
      writeFileAtomicSync(file, data.subarray(i === 0 ? 0 : ends[i - 1]!, ends[i]!));
      done.push(file);
    });
  } catch (error) {
    reply = (error as Error).message;
    // A document is written whole or not at all.
    for (const written of done) removeFileSync(written);
  }
  parentPort!.postMessage(reply);
});
