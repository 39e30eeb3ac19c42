/**
 * YAML merge keys (`<<: *base`) are not part of YAML 1.2, which profiles and overrides files are
 * read as: the parser kept `<<` as an ordinary key, and the fields it was meant to bring in were
 * missing, reported as a misleading `rules[0].action: Invalid option`. Refused by name instead.
 */
import { isMap, isScalar, visit, type Document, type LineCounter } from 'yaml';
import { ConfigurationError } from '../errors.js';

/** Throws a ConfigurationError naming the line of the first merge key (`<<`) of `doc`. */
export function refuseMergeKeys(doc: Document, lineCounter: LineCounter, file: string): void {
  visit(doc, {
    Map(_key, node) {
      if (!isMap(node)) return;
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.value === '<<') {
          const line = pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : 1;
          throw new ConfigurationError(`${file}:${line}: YAML merge keys (<<) are not supported: write the fields out in each entry (anchors and aliases alone are read)`);
        }
      }
    },
  });
}
