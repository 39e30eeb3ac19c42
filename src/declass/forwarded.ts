/**
 * Instructions that are not the document's own: in an e-mail or memo whose own header has no E.O.
 * line, an E.O. line in its body is a forwarded or quoted cable's (the first one heading a cable
 * header is read as the document's, src/parse/forwarded-eo.ts, but it is that cable's too), and a
 * `Declassify On` line below a forwarding header (`-----Forwarded Message-----`, `Begin forwarded
 * message:`, `-----Original Message-----`) or on a `>`-quoted line is the forwarded document's
 * (probe 62c F1, F2). Given for that cable or memo, once passed it does not declassify the
 * document around it: when the document has no instruction of its own, a reviewer decides
 * (`review`, rule `decl-forwarded-only`), whatever the number of such lines. A date not yet passed
 * still keeps the document classified (the most protective applies). Pure.
 */
import type { DeclAssessment } from '../types.js';
import type { Instruction } from './choose.js';

/** One of a document's instructions, and whether it was written for a forwarded or quoted document. */
export interface Weighed extends Instruction {
  readonly forwarded: boolean;
}

/** An E.O. line's start (`E.O. 12958: …`, `EO 13526 …`, quoted `"E.O. …`). */
const EO_LINE = /^[ \t>]*["']?E\.?\s?O\b/i;
/** A `>`-quoted line. */
const QUOTED_LINE = /^[ \t]*>/;
/** A header that opens a forwarded or quoted message. */
const FORWARD_HEADER = /^[ \t>]*(?:-{2,}[ \t]*(?:Forwarded|Original)[ \t]+Message[ \t]*-{2,}|Begin[ \t]+forwarded[ \t]+message[ \t]*:)/im;

/** The line of `source` holding offset `at`. */
function lineAt(source: string, at: number): string {
  const start = source.lastIndexOf('\n', at - 1) + 1;
  const end = source.indexOf('\n', at);
  return source.slice(start, end < 0 ? source.length : end);
}

/** Whether the instruction at `at` is on a `>`-quoted line or below a forwarding header. */
export function forwardedAt(source: string, at: number): boolean {
  return QUOTED_LINE.test(lineAt(source, at)) || FORWARD_HEADER.test(source.slice(0, at));
}

/** Whether the instruction at `at` is on an E.O. line (in a document whose own header has none: a forwarded or quoted cable's). */
export function eoLineAt(source: string, at: number): boolean {
  return EO_LINE.test(lineAt(source, at));
}

/**
 * `all` with every passed forwarded instruction made `review` (rule `decl-forwarded-only`) when
 * none of `all` is the document's own `Declassify On` (`ownDecl`) and none keeps it classified;
 * else `all` as it is (the most protective is then chosen among them as ever).
 */
export function forwardedOnly(all: readonly Weighed[], ownDecl: boolean): Instruction[] {
  if (ownDecl || !all.some((c) => c.forwarded) || all.some((c) => c.assessment.status === 'classified')) return [...all];
  return all.map((c) => (c.forwarded && c.assessment.status === 'declassified' ? { ...c, assessment: forReview(c.assessment) } : c));
}

function forReview(a: DeclAssessment): DeclAssessment {
  return {
    ...a,
    status: 'review',
    rule: 'decl-forwarded-only',
    reason: `Its only declassification instructions are those of a cable or message it forwards or quotes (${(a.decl.raw ?? '').replace(/\s+/g, ' ').trim()}), given for that document: whether the document around it is declassified too is a reviewer's decision (32 CFR 2001.21).`,
  };
}
