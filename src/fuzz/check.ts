/**
 * The invariants the fuzzer checks on one input, for every profile. Each broken invariant is a
 * {@link Finding}; an input that breaks none gives an empty list.
 *
 * 1. Reading never crashes: `decodeInput` either decodes or refuses (`{ ok: false }`); the reader
 *    `readDocument` picks (the cable parser, or the marked-document reader for memos) returns a
 *    Document. A DeclassError is a clean refusal; any other exception is a crash.
 * 2. Releasing never crashes, and never fails its own leak self-check (an InternalError: the tool
 *    would exit 2 and write nothing, which is safe but a bug).
 * 3. No withheld text in the release text, or in the release PDF read back (content and metadata).
 * 4. A portion whose mark was not understood is withheld, and no line of the release text starts
 *    with one of the near-miss marks the mutators write (an independent check: whatever the parser
 *    made of such a line, it must not reach the release).
 * 5. Releasing the same document twice gives byte-identical files.
 */
import { extractPdfStrings } from '../audit/pdf-text.js';
import { boxLabels } from '../audit/verify.js';
import { cutAtLabelLines } from '../leak/tool-words.js';
import { findLeaks } from '../leak/words.js';
import { DeclassError, InternalError } from '../errors.js';
import { decodeInput } from '../parse/decode.js';
import { readDocument } from '../parse/read.js';
import { releaseDocument, visibleText, withheldTexts, type ReleaseRequest, type ReleaseResult } from '../release/index.js';
import type { Profile } from '../rules/load.js';
import type { Document } from '../types.js';
import { NEAR_MISS_MARKS } from './mutators.js';

/** What kind of invariant an input broke. */
export type FindingKind =
  | 'crash'
  | 'internal-error'
  | 'leak-text'
  | 'leak-pdf'
  | 'pdf-unreadable'
  | 'unknown-released'
  | 'near-miss-released'
  | 'nondeterministic';

/** One broken invariant. The message never quotes withheld text beyond a shingle. */
export interface Finding {
  readonly kind: FindingKind;
  /** `decode`, `parse`, or `release` (with the profile). */
  readonly stage: 'decode' | 'parse' | 'release';
  readonly profile?: string;
  readonly asOf?: string;
  readonly message: string;
}

/** The release function under test (a parameter so the fuzzer's own test can plant a bug). */
export type ReleaseFn = (req: ReleaseRequest) => Promise<ReleaseResult>;

/** Options for {@link checkInput}. */
export interface CheckOptions {
  readonly profiles: readonly Profile[];
  /** Decision date, YYYY-MM-DD. */
  readonly asOf: string;
  readonly release?: ReleaseFn;
}

/** What happened to one input. */
export interface CheckResult {
  /** `refused`: decodeInput declined the bytes (or parse raised a DeclassError); `checked` otherwise. */
  readonly outcome: 'refused' | 'checked' | 'crashed';
  readonly findings: Finding[];
}

const FORMATS = new Set(['text', 'pdf'] as const);

/**
 * `(C0)` and friends at the start of a line, after an optional `¶3.` / `a.` / `--` label (group 1),
 * and not the start of a longer mark (`(S//NF` is not `(S//NF)`).
 */
const NEAR_MISS_LINE = new RegExp(
  `^([ \\t]*(?:¶[ \\t]*)?(?:(?:\\d{1,3}|[A-Za-z])[.)][ \\t]*|--?[ \\t]*)?)(?:${NEAR_MISS_MARKS.map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?![A-Za-z0-9/)\\]])`,
  'gm',
);

/**
 * Lines of `text` that open a paragraph with a near-miss mark: after a label, or after a blank
 * line or a sentence end. (In the middle of a wrapped sentence a parenthesis is prose: the parser
 * reads `(S/CT) funds` there as the counter-terrorism office, so such a line is not a paragraph.)
 */
export function nearMissParagraphs(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (const m of text.matchAll(NEAR_MISS_LINE)) {
    const before = text.slice(0, m.index);
    const prev = before.replace(/\n$/, '').split('\n').at(-1) ?? '';
    const opens = m[1]!.trim() !== '' || before === '' || prev.trim() === '' || /[.:;!?]\s*$/.test(prev);
    if (opens) out.push({ line: before.split('\n').length, text: m[0].trim() });
  }
  return out;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const frame = error.stack?.split('\n').find((l) => l.trim().startsWith('at '))?.trim() ?? '';
    return `${error.name}: ${error.message.slice(0, 300)}${frame ? ` (${frame})` : ''}`;
  }
  return String(error);
}

/** Checks every invariant on `bytes`. Never throws (a failure to check is itself a finding). */
export async function checkInput(bytes: Uint8Array, options: CheckOptions): Promise<CheckResult> {
  const findings: Finding[] = [];
  let text: string;
  try {
    const decoded = decodeInput(bytes);
    if (!decoded.ok) return { outcome: 'refused', findings };
    text = decoded.text;
  } catch (error) {
    findings.push({ kind: 'crash', stage: 'decode', message: describe(error) });
    return { outcome: 'crashed', findings };
  }
  let doc: Document;
  try {
    doc = readDocument(text).doc;
  } catch (error) {
    if (error instanceof DeclassError && !(error instanceof InternalError)) return { outcome: 'refused', findings };
    findings.push({ kind: error instanceof InternalError ? 'internal-error' : 'crash', stage: 'parse', message: describe(error) });
    return { outcome: 'crashed', findings };
  }
  for (const profile of options.profiles) findings.push(...(await checkRelease(doc, profile, options)));
  return { outcome: findings.some((f) => f.kind === 'crash') ? 'crashed' : 'checked', findings };
}

/** Invariants 2–5 for one profile. */
async function checkRelease(doc: Document, profile: Profile, options: CheckOptions): Promise<Finding[]> {
  const release = options.release ?? releaseDocument;
  const at = { stage: 'release' as const, profile: profile.id, asOf: options.asOf };
  const req: ReleaseRequest = { doc, profile, asOf: options.asOf, stem: 'fuzz', input: { path: 'fuzz.txt', sha256: '0'.repeat(64) }, formats: FORMATS, pageSize: 'letter' };
  let first: ReleaseResult;
  let second: ReleaseResult;
  try {
    first = await release(req);
    second = await release(req);
  } catch (error) {
    if (error instanceof DeclassError && !(error instanceof InternalError)) return [];
    return [{ ...at, kind: error instanceof InternalError ? 'internal-error' : 'crash', message: describe(error) }];
  }
  const findings: Finding[] = [];
  const { plan } = first;
  const withheld = withheldTexts(plan);
  const visible = visibleText(plan);

  // A denial's page keeps the header lines and drops what stood between them, so two kept lines
  // that a withheld line stood between can meet and read as that line's words (a banner line
  // repeated inside the withheld text): each line of a denial is read apart.
  const apart = (text: string): string | string[] => (first.denied ? text.split('\n') : text);
  const textLeaks = findLeaks(withheld, apart(first.releaseText), visible);
  if (textLeaks.length > 0) findings.push({ ...at, kind: 'leak-text', message: `${textLeaks.length} withheld shingle(s) in the release text, e.g. "${textLeaks[0]}"` });

  const pdf = first.files.find((f) => f.kind === 'pdf');
  if (!pdf) findings.push({ ...at, kind: 'pdf-unreadable', message: 'no release PDF was produced' });
  else {
    const read = extractPdfStrings(pdf.bytes);
    if (!read.ok) findings.push({ ...at, kind: 'pdf-unreadable', message: read.message });
    else {
      // The stamp the release PDF prints (on every page of a pending one) is the tool's words, not the
      // document's: the text is cut at them (findLeaks joins words across any punctuation), so that
      // a withheld text holding them before a released line (`… EVERY RELEASE.` then a routing
      // line the header repeats) is not taken for a leak.
      // The boxes' labels likewise (src/leak/tool-words.ts).
      const generated = [plan.stamp, plan.declassMarking, plan.disposition.kind === 'pending-review' ? plan.disposition.stamp : ''].filter((g) => g.trim() !== '');
      const pieces = generated.reduce((parts, g) => parts.flatMap((t) => t.split(g)), [...cutAtLabelLines(read.text, boxLabels(first.audit)).flatMap(apart), read.metadata]);
      const pdfLeaks = findLeaks(withheld, pieces, visible);
      if (pdfLeaks.length > 0) findings.push({ ...at, kind: 'leak-pdf', message: `${pdfLeaks.length} withheld shingle(s) in the release PDF, e.g. "${pdfLeaks[0]}"` });
    }
  }

  const released = plan.decisions.filter((d) => d.action === 'release');
  const unknown = released.filter((d) => d.markingSource === 'unknown');
  if (unknown.length > 0) findings.push({ ...at, kind: 'unknown-released', message: `portion(s) with a mark not understood were released: ${unknown.map((d) => `${d.portionId} ${d.mark ?? ''}`).join(', ')}` });
  const nearMiss = nearMissParagraphs(first.releaseText)[0];
  if (nearMiss) findings.push({ ...at, kind: 'near-miss-released', message: `release text line ${nearMiss.line} opens a paragraph with a near-miss mark: ${JSON.stringify(nearMiss.text)}` });

  const differs = first.files.length !== second.files.length || first.files.some((f, i) => f.path !== second.files[i]!.path || !Buffer.from(f.bytes).equals(Buffer.from(second.files[i]!.bytes)));
  if (differs) {
    const which = first.files.filter((f, i) => !second.files[i] || !Buffer.from(f.bytes).equals(Buffer.from(second.files[i]!.bytes))).map((f) => f.path);
    findings.push({ ...at, kind: 'nondeterministic', message: `releasing twice gave different bytes: ${which.join(', ')}` });
  }
  return findings;
}

