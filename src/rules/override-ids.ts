/** Which document a reviewer decision names (kept apart from overrides.ts: evaluate needs it, and a release with a bundled profile loads neither yaml nor zod). Pure. */

/**
 * The ids a reviewer decision's `ref` names a document by: its reference id, or, for a document
 * without one, its file stem. Both were tried for every document: a decision for 08BERLIN173 was
 * applied to another cable (08BERLIN999) saved as `08BERLIN173.txt`, releasing its CONFIDENTIAL ¶1.
 */
export function overrideIdsOf(ref: string | null | undefined, stem: string | null | undefined): string[] {
  const id = ref || stem;
  return id ? [id] : [];
}
