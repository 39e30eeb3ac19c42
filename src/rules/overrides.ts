import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { ConfigurationError } from '../errors.js';
import { sha256Hex } from '../hash.js';

const OverrideSchema = z
  .object({
    /** Document reference id, e.g. `08BERLIN173` (or the input file's stem when the cable has no ref). */
    ref: z.string().min(1),
    /** Portion id as shown by `declass explain`, e.g. `p3`, `subject`. */
    portion: z.string().min(1),
    action: z.enum(['release', 'withhold']),
    /** Authority for the decision; required for withhold (e.g. [B1, "1.4(D)"]); for a release, the review authority. */
    authority: z.array(z.string().min(1)).min(1).optional(),
    reviewer: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'),
    note: z.string().optional(),
    /** A release of a classified portion shown as declassified (the usual outcome of a review). */
    declassify: z.boolean().optional(),
  })
  .strict();

const OverridesFileSchema = z.object({ overrides: z.array(OverrideSchema) }).strict();

/** One reviewer decision on one portion. */
export type Override = z.infer<typeof OverrideSchema>;

/** A loaded overrides file: the decisions and the file's sha256 for the audit record. */
export interface OverrideSet {
  readonly file: string;
  readonly sha256: string;
  readonly overrides: readonly Override[];
}

/**
 * Parses a reviewer overrides file (YAML or JSON). Problems are ConfigurationErrors naming the file
 * and line. Two decisions on the same ref and portion are refused: which one counts would be a guess.
 */
export function loadOverrides(text: string, file: string): OverrideSet {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new ConfigurationError(`${file}:${e.linePos?.[0]?.line ?? 1}: invalid YAML: ${e.message.split('\n')[0]}`);
  }
  const parsed = OverridesFileSchema.safeParse(doc.toJS());
  const lineAt = (path: (string | number)[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
    throw new ConfigurationError(`${file}:${lineAt(path)}: ${where || '(top level)'}: ${issue.message}`);
  }
  const seen = new Set<string>();
  parsed.data.overrides.forEach((o, i) => {
    const key = `${o.ref}\u0000${o.portion}`;
    if (seen.has(key)) throw new ConfigurationError(`${file}:${lineAt(['overrides', i])}: a second decision for ${o.ref} ${o.portion}`);
    seen.add(key);
    if (o.action === 'withhold' && !o.authority)
      throw new ConfigurationError(`${file}:${lineAt(['overrides', i])}: overrides[${i}]: a withhold decision needs an authority`);
  });
  return { file, sha256: sha256Hex(text), overrides: parsed.data.overrides };
}
