/**
 * The thread of {@link PdfTextThread} (dist/node/pdfjs-worker.js): reads each PDF it is sent with
 * pdf.js ({@link readPdfText}), and for a check request runs {@link checkRelease} on what it read,
 * one request at a time in the order sent; it answers once per request.
 */
import { parentPort } from 'node:worker_threads';
import { dedicateThreadToPdfjs, loadPdfjs } from '../pdf/load-pdfjs.js';
import { readPdfText } from '../pdf/pdfjs.js';
import { checkRelease } from '../pdf/verify.js';
import { CachedPdfjsData } from './pdfjs-data.js';
import type { PdfTextReply, PdfTextRequest } from './pdfjs-thread.js';

// This thread runs pdf.js and nothing else; it loads it at once, before the first request.
dedicateThreadToPdfjs();
// A failure to load shows at the first request (the same promise rejects there).
loadPdfjs().catch(() => undefined);

let queue: Promise<void> = Promise.resolve();

parentPort!.on('message', (request: PdfTextRequest) => {
  queue = queue.then(async () => {
    let reply: PdfTextReply;
    try {
      const text = await readPdfText(request.bytes, { dataFactory: CachedPdfjsData });
      reply = request.check ? { id: request.id, result: checkRelease(request.check, text) } : { id: request.id, text };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
    }
    parentPort!.postMessage(reply);
  });
});
