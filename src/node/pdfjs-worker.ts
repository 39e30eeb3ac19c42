/**
 * The thread of {@link PdfTextThread} (dist/node/pdfjs-worker.js): reads each PDF it is sent with
 * pdf.js ({@link readPdfText}), one at a time in the order sent, and answers once per request.
 */
import { parentPort } from 'node:worker_threads';
import { readPdfText } from '../pdf/pdfjs.js';
import type { PdfTextReply, PdfTextRequest } from './pdfjs-thread.js';

let queue: Promise<void> = Promise.resolve();

parentPort!.on('message', (request: PdfTextRequest) => {
  queue = queue.then(async () => {
    let reply: PdfTextReply;
    try {
      reply = { id: request.id, text: await readPdfText(request.bytes) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
    }
    parentPort!.postMessage(reply);
  });
});
