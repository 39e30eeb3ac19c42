/**
 * vitest globalSetup: one line when the corpus tests will be skipped. Run once per project in the
 * main process, so an environment variable keeps it to one line for the whole run.
 */
import { CORPUS_NOTICE, HAS_CORPUS } from '../helpers/corpus.js';

export default function corpusNotice(): void {
  if (HAS_CORPUS || process.env['DECLASS_CORPUS_NOTICE_SHOWN']) return;
  process.env['DECLASS_CORPUS_NOTICE_SHOWN'] = '1';
  process.stdout.write(`${CORPUS_NOTICE}\n`);
}
