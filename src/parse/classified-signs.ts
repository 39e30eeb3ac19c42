/**
 * What contradicts an UNCLASSIFIED banner. A document that says UNCLASSIFIED at the top but SECRET
 * at the bottom, or that carries a Classified By line or a DECL date, may be classified: its
 * unmarked text must not be released as unclassified (fail closed). Both readers collect the
 * signs; the engine treats a document with any as possibly classified, and each sign is reported.
 */
import { parseMarking } from '../markings/index.js';
import type { MarkingParse } from '../markings/index.js';
import type { ClassifiedSign, DeclKind, Diagnostic, Marking } from '../types.js';

/** DECL kinds that instruct declassifying something, so say something is classified (not `N/A`, nothing, or unreadable). */
const INSTRUCTION_KINDS: ReadonlySet<DeclKind> = new Set<DeclKind>(['date', 'duration', 'event', 'exemption', 'oadr', 'manual-review', 'gds', 'agency-only', 'downgrade']);

/** True when a DECL value of this kind instructs declassifying something. */
export function isDeclassificationInstruction(kind: DeclKind): boolean {
  return INSTRUCTION_KINDS.has(kind);
}

/**
 * Banner words read as a marking; typed banners (`CC O N F I D E N T I A L`, `SE C R E T`,
 * `UUNCLAS`) repaired: the letters joined, a doubled first letter dropped, and what is left must
 * still be a banner the grammar knows.
 */
export function readBannerWords(raw: string): MarkingParse {
  const parsed = parseMarking(raw, 'banner');
  if (parsed.ok) return parsed;
  const head = /^[A-Z](?: ?[A-Z])+(?![A-Z])/.exec(raw)?.[0] ?? '';
  const word = head.replace(/ /g, '').replace(/^([CSU])\1/, '$1');
  if (!/^(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|UNCLAS|TOPSECRET)$/.test(word)) return parsed;
  const repaired = parseMarking(`${word === 'TOPSECRET' ? 'TOP SECRET' : word}${raw.slice(head.length)}`, 'banner');
  if (!repaired.ok) return parsed;
  return { ok: true, marking: { ...repaired.marking, normalisations: [...repaired.marking.normalisations, `typed banner ${JSON.stringify(head)} read as ${word}`] } };
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
