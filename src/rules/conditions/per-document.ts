import type { Document } from '../../types.js';

/**
 * `fact` computed once per document however many portions and rules ask for it (a WeakMap keyed by
 * the parsed document: the document's facts live as long as it does). A fact may be null.
 */
export function perDocument<T>(fact: (doc: Document) => T): (doc: Document) => T {
  const memo = new WeakMap<Document, T>();
  return (doc) => {
    if (memo.has(doc)) return memo.get(doc) as T;
    const value = fact(doc);
    memo.set(doc, value);
    return value;
  };
}
