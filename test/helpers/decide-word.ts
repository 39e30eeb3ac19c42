/**
 * The decision the bundled `public` profile makes, as of 2026-12-01, on the portion of a marked
 * document (read from `text` by the document reader) that holds the first `word`: its action and
 * reason, the portion, the document and the portion's text. Shared by the reader's table-driven
 * tests, which each ask where one marker word ended up.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { readDocument } from '../../src/parse/read.js';
import { loadProfile } from '../../src/rules/load.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

export function decideWord(text: string, word: string) {
  const { doc } = readDocument(text, { format: 'document' });
  const at = text.indexOf(word);
  expect(at, word).toBeGreaterThanOrEqual(0);
  const plan = evaluate(doc, PUBLIC, { asOf: '2026-12-01', overrides: null, fallbackRef: 'X' });
  const d = plan.decisions.find((x) => x.span.start <= at && at < x.span.end)!;
  const portion = doc.portions.find((q) => q.id === d.portionId)!;
  return { doc, d, action: d.action, reason: d.reason, portion, text: text.slice(d.span.start, d.span.end) };
}
