/** Which document a reviewer decision names (kept apart from overrides.ts: evaluate needs it, and a release with a bundled profile loads neither yaml nor zod). Pure. */

/**
 * The ids a reviewer decision's `ref` names a document by: its reference id, or, for a document
 * without one, its names ({@link documentNames}: the input's file name without .txt/.pdf and
 * the names of its outputs). Reference and names were tried for every document: a decision for
 * 08BERLIN173 was applied to another cable (08BERLIN999) saved as `08BERLIN173.txt`, releasing its
 * CONFIDENTIAL ¶1.
 */
export function overrideIdsOf(ref: string | null | undefined, names: string | readonly string[] | null | undefined): string[] {
  if (ref) return [ref];
  return (typeof names === 'string' ? [names] : (names ?? [])).filter((n) => n !== '');
}

/** What a reviewer decision states about what it was written for (its optional `sha256` and `mark`). */
export interface OverrideBinding {
  readonly portion: string;
  readonly sha256?: string | undefined;
  readonly mark?: string | undefined;
}

/** `(S//NF)`, ` s // nf `: a mark compared without its brackets, spaces and case. */
function markKey(mark: string): string {
  return mark.replace(/\s+/g, '').replace(/^\((.*)\)$/, '$1').toUpperCase();
}

/**
 * Why a decision whose ref names this document does not bind to it, or null when it does: the
 * decision names the document the reviewer saw by its sha256 and this is another one (another
 * cable with the same reference, or an edit of it), or it names the portion's mark as the
 * reviewer saw it and the portion is now marked otherwise (an edit that made it SECRET). A ref and
 * a portion id alone were matched, so a decision made on one cable released a SECRET paragraph of
 * another. `portion` is undefined when the document has no portion of the decision's id.
 */
export function overrideMismatch(o: OverrideBinding, docSha256: string | null | undefined, portion: { readonly mark: string | null } | undefined): string | null {
  if (o.sha256 !== undefined && o.sha256.toLowerCase() !== docSha256) return `it was written for the document of sha256 ${o.sha256.toLowerCase().slice(0, 12)}…, and this one's is ${docSha256 ? `${docSha256.slice(0, 12)}…` : 'not known'}`;
  if (o.mark !== undefined && portion !== undefined && markKey(o.mark) !== markKey(portion.mark ?? '')) return `it was written for ${o.portion} marked ${o.mark}, which is now ${portion.mark ?? 'unmarked'}`;
  return null;
}
