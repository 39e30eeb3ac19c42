/**
 * Where the real corpus is, for the tests that read it: `$DECLASS_CORPUS`, else `../shared/corpus`
 * next to the repository. Either holds `cables/` (the 1,588 cables) and `seed/`. When neither
 * exists the corpus tests are skipped, and test/setup/corpus-notice.ts prints one line saying so.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function findCorpus(): string | null {
  const given = process.env['DECLASS_CORPUS'];
  const dir = given ? path.resolve(given) : path.resolve(REPO, '../shared/corpus');
  return existsSync(path.join(dir, 'cables')) ? dir : null;
}

/** The corpus folder, or null when there is none. */
export const CORPUS_DIR: string | null = findCorpus();

/** True when the corpus is there. */
export const HAS_CORPUS = CORPUS_DIR !== null;

/** The corpus's `cables/` folder (a path that does not exist when there is no corpus). */
export const CORPUS_CABLES = path.join(CORPUS_DIR ?? path.resolve(REPO, '../shared/corpus'), 'cables');

/** A path inside the corpus (`corpusPath('seed', '08BERLIN173.txt')`). */
export function corpusPath(...parts: string[]): string {
  return path.join(CORPUS_DIR ?? path.resolve(REPO, '../shared/corpus'), ...parts);
}

/** The one line printed when the corpus tests are skipped. */
export const CORPUS_NOTICE = `declass: corpus tests skipped: no corpus at ${process.env['DECLASS_CORPUS'] ? `DECLASS_CORPUS=${process.env['DECLASS_CORPUS']}` : '../shared/corpus'}; set DECLASS_CORPUS to a folder holding cables/ (the 1,588 Cablegate cables, made as ../shared/corpus/README.md describes) to run them`;
