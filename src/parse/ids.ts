/** Portion ids from the drafts of the body. */
import type { DraftPortion } from './body.js';

/** Ids: `p3`, `p3.a`, `p3.1`, `p3.m1` (marked block inside p3), `text1`, `signature`; repeats get `-2`. */
export function assignIds(drafts: readonly DraftPortion[]): Map<DraftPortion, string> {
  const ids = new Map<DraftPortion, string>();
  const used = new Set<string>(['subject']);
  // The next suffix to try for a base: every one below it is taken. Trying from 2 each time made a
  // text of thousands of paragraphs numbered `2.` quadratic (62 KB: 1.6 s).
  const nextSuffix = new Map<string, number>();
  const unique = (base: string): string => {
    if (!used.has(base)) {
      used.add(base);
      return base;
    }
    for (let k = nextSuffix.get(base) ?? 2; ; k++) {
      const c = `${base}-${k}`;
      if (!used.has(c)) {
        used.add(c);
        nextSuffix.set(base, k + 1);
        return c;
      }
    }
  };
  let text = 0;
  const marked = new Map<DraftPortion, number>();
  for (const d of drafts) {
    let base: string;
    if (d.kind === 'signature') base = 'signature';
    else if (d.kind === 'text') base = `text${++text}`;
    else if (d.kind === 'paragraph') base = `p${(d.number ?? '').replace(/[^A-Za-z0-9]/g, '') || '0'}`;
    else {
      const parentId = d.parent ? ids.get(d.parent)! : 'p0';
      if (d.number !== null) base = `${parentId}.${d.number.toLowerCase()}`;
      else {
        const k = (marked.get(d.parent!) ?? 0) + 1;
        marked.set(d.parent!, k);
        base = `${parentId}.m${k}`;
      }
    }
    ids.set(d, unique(base));
  }
  return ids;
}
