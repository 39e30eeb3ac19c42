/**
 * The thread of {@link FileWriterThread} (dist/node/write-worker.js): writes each document's files
 * atomically, all or none, and answers with the message of the first failure.
 */
import { parentPort } from 'node:worker_threads';
import { removeFileSync, writeFileAtomicSync } from './write.js';
import type { WriteReply, WriteRequest } from './write-thread.js';

parentPort!.on('message', ({ id, files }: WriteRequest) => {
  const done: string[] = [];
  let reply: WriteReply;
  try {
    for (const f of files) {
      writeFileAtomicSync(f.path, f.bytes);
      done.push(f.path);
    }
    reply = { id, message: null };
  } catch (error) {
    // A document is written whole or not at all.
    for (const file of done) removeFileSync(file);
    reply = { id, message: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
