/**
 * What contradicts an UNCLASSIFIED banner. A document that says UNCLASSIFIED at the top but SECRET
 * at the bottom, or that carries a Classified By line or a DECL date, may be classified: its
 * unmarked text must not be released as unclassified (fail closed). Both readers collect the
 * signs; the engine treats a document with any as possibly classified, and each sign is reported.
 */
import type { ClassifiedSign, DeclKind, Diagnostic, Marking } from '../types.js';

/** DECL kinds that instruct declassifying something, so say something is classified (not `N/A`, nothing, or unreadable). */
const INSTRUCTION_KINDS: ReadonlySet<DeclKind> = new Set<DeclKind>(['date', 'duration', 'event', 'exemption', 'oadr', 'manual-review', 'gds', 'agency-only', 'downgrade']);

/** True when a DECL value of this kind instructs declassifying something. */
export function isDeclassificationInstruction(kind: DeclKind): boolean {
  return INSTRUCTION_KINDS.has(kind);
}

/** A sign when a banner or classification line other than the document's own is above U or not understood; null otherwise. */
export function bannerSign(marking: Marking | null, raw: string, where: string, span: ClassifiedSign['span']): ClassifiedSign | null {
  if (marking && marking.level === 'U') return null;
  const words = JSON.stringify(raw.replace(/\s+/g, ' ').slice(0, 60));
  return { what: marking ? `${where} reads ${words}` : `${where} reads ${words}, which was not understood`, span };
}

/**
 * How many signs of one kind (classification lines, banners) a document reports: one decides, a
 * few show the reviewer where; a text of 100,000 `SECRET` lines made as many diagnostics.
 */
export const MAX_SIGNS = 10;

/** One error diagnostic per sign: the reviewer sees why the unmarked text is pending review. */
export function signDiagnostics(signs: readonly ClassifiedSign[]): Diagnostic[] {
  return signs.map((s) => ({
    severity: 'error',
    code: 'unclassified-banner-contradicted',
    message: `The banner is UNCLASSIFIED but ${s.what}: the document may be classified, so its unmarked text is withheld pending review.`,
    span: s.span,
  }));
}
