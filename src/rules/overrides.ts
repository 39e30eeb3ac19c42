import { overrideIdsOf, overrideMismatch } from './override-ids.js';
import { isoDateProblem } from '../dates.js';
import { LineCounter, parseDocument } from 'yaml';
import { refuseMergeKeys } from './merge-keys.js';
import { z } from 'zod';
import { ConfigurationError } from '../errors.js';
import { CLASSIFICATION_REASON, isB1 } from './authority-items.js';
import { sha256Hex } from '../hash.js';
import type { Profile } from './compile.js';

const OverrideSchema = z
  .object({
    /** Document reference id, e.g. `08BERLIN173` (or the input file's stem when the cable has no ref). */
    ref: z.string().min(1),
    /** Portion id as shown by `declass explain`, e.g. `p3`, `subject`. */
    portion: z.string().min(1),
    action: z.enum(['release', 'withhold']),
    /** Authority for the decision; required for withhold (e.g. [B1, "1.4(D)"]); for a release, the review authority (`[MDR]`, never an exemption). */
    authority: z.array(z.string().min(1)).min(1).optional(),
    reviewer: z.string().min(1),
    // Checked against the calendar as --as-of is: 2026-02-30 was recorded as the decision's date.
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
      .superRefine((value, ctx) => {
        const problem = /^\d{4}-\d{2}-\d{2}$/.test(value) ? isoDateProblem(value) : null;
        if (problem) ctx.addIssue({ code: 'custom', message: `invalid date ${value}: ${problem}` });
      }),
    note: z.string().optional(),
    /** The sha256 of the input the reviewer decided on (as its audit record gives it): the decision binds to that document only. */
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hexadecimal digits (the sha256 of the input reviewed)').optional(),
    /** The portion's mark as the reviewer saw it (`(C)`): the decision binds only while the portion is so marked. */
    mark: z.string().min(1).optional(),
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
  /**
   * The 1-based line where each decision starts in the file (`lines[i]` for `overrides[i]`), so
   * that a decision that matches nothing can be named as `FILE:LINE`. Absent for sets built in code.
   */
  readonly lines?: readonly number[];
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
  refuseMergeKeys(doc, lineCounter, file);
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
    throw new ConfigurationError(`${file}:${lineAt(path)}: ${where || '(top level)'}: ${issue.message}${schemaHint(where, issue.message)}`);
  }
  const seen = new Map<string, number>();
  parsed.data.overrides.forEach((o, i) => {
    const key = `${o.ref}\u0000${o.portion}`;
    const first = seen.get(key);
    if (first !== undefined) throw new ConfigurationError(`${file}:${lineAt(['overrides', i])}: a second decision for ${o.ref} ${o.portion} (the first is at line ${lineAt(['overrides', first])}); keep one`);
    seen.set(key, i);
    if (o.action === 'withhold' && !o.authority)
      throw new ConfigurationError(`${file}:${lineAt(['overrides', i])}: overrides[${i}]: a withhold decision needs an authority`);
    const claim = o.action === 'release' ? (o.authority ?? []).find(isWithholdingClaim) : undefined;
    if (claim !== undefined)
      throw new ConfigurationError(
        `${file}:${lineAt(['overrides', i, 'authority'])}: overrides[${i}].authority: a release decision withholds nothing, so it takes no exemption ("${claim}"); name the review that released it (for example [MDR]) or leave authority out`,
      );
    const problem = authorityProblem(o.authority ?? []);
    if (problem) throw new ConfigurationError(`${file}:${lineAt(['overrides', i, 'authority'])}: overrides[${i}].authority: ${problem}`);
  });
  return { file, sha256: sha256Hex(text), overrides: parsed.data.overrides, lines: parsed.data.overrides.map((_, i) => lineAt(['overrides', i])) };
}

/**
 * What to write, for the schema errors a newcomer meets first (probe 67c F7): `authority: B6`
 * (a list is expected), an empty file and a list without `overrides:` said only what was expected
 * in zod's words.
 */
function schemaHint(where: string, message: string): string {
  if (/^overrides\[\d+\]\.authority$/.test(where) && /expected array/.test(message)) return ': write a list, [B6] or [B1, "1.4(D)"]';
  if (where === '' && /expected object/.test(message)) return ': write `overrides:` and under it a list of decisions (- ref: …, portion: …, action: …, reviewer: …, date: …; see rules/README.md)';
  return '';
}

/**
 * True for an authority item that claims a withholding: a FOIA exemption (`B1`, `(b)(6)`), a
 * classification reason (`1.4(C)`) or a §3.3 exemption (`25X1`). A release decision carrying one
 * was recorded as released under B1, a claim on text that was handed out.
 */
function isWithholdingClaim(item: string): boolean {
  return /^\(?b\)?\s*\(?\d/i.test(item) || CLASSIFICATION_REASON.test(item) || /^(?:25|50|75)X\d/i.test(item);
}

/**
 * What is wrong with a reviewer's authority list, or null. The list is printed in the release, its
 * stamp and the Vaughn index as written, so an exemption that does not exist (`B99`, `B0`), a 1.4
 * category that does not (`1.4(K)`), or a 1.4 reason or §3.3 exemption without the B1 it explains
 * (`[1.4(G)]` alone: a category of classified information, not a FOIA exemption) was a claim no
 * reviewer could defend. Other words (`PENDING REVIEW`, a profile's own `NOT REL TO FVEY`) pass.
 */
export function authorityProblem(authority: readonly string[]): string | null {
  for (const a of authority) {
    const written = exemptionLookalike(a);
    if (written !== null) return `"${a}": write ${written}, the form the stamp and the Vaughn index use (declass does not rewrite a reviewer's decision)`;
    const b = /^\(?b\)?\s*\(?(\d+)\)?/i.exec(a);
    if (b && /^(?:B\d|\(b\))/i.test(a) && (Number(b[1]) < 1 || Number(b[1]) > 9)) return `"${a}" is no FOIA exemption (B1 to B9, 5 U.S.C. 552(b))`;
    const c = CLASSIFICATION_REASON.exec(a);
    if (c && !/[a-h]/i.test(c[2]!)) return `"${a}" is no classification category (1.4(A) to 1.4(H), E.O. 13526)`;
  }
  // B3 withholds what a statute exempts: without the statute the claim names nothing a court can check.
  if (authority.includes('B3') && !authority.some((a) => a !== 'B3' && citesStatute(a)))
    return `"B3" withholds under a statute and names none: write it with the statute, [B3, "50 U.S.C. 3024(i)"], [B3, "P.L. 86-36"] or "B3 - 50 USC 3024(i)"`;
  const explains = authority.filter((a) => CLASSIFICATION_REASON.test(a) || /^(?:25|50|75)X\d/i.test(a));
  if (explains.length > 0 && !authority.some(isB1))
    return `${explains.map((a) => `"${a}"`).join(', ')} explain${explains.length === 1 ? 's' : ''} a B1 withholding and is no exemption of ${explains.length === 1 ? 'its' : 'their'} own: write [B1, ${explains.map((a) => `"${a}"`).join(', ')}]`;
  return null;
}

/** A FOIA exemption as declass writes it: B1 to B9, B7 with its letter (`B7(C)`), B3 with its statute (`B3 - 50 USC 3024(i)`). */
function isExemption(item: string): boolean {
  const b3 = /^B3\s*[-–:]\s*(\S.*)$/.exec(item);
  return /^B[1-9]$|^B7\([A-F]\)$/.test(item) || (b3 !== null && citesStatute(b3[1]!));
}

/**
 * The canonical form of an item written as a FOIA exemption some other way (`(b)(6)`, `b6`, `B 6`,
 * `(b)(7)(C)`), or null. Refused rather than rewritten: the stamp would show what the reviewer's
 * file does not say, or (as before) a form the index's exemption columns do not count.
 */
function exemptionLookalike(item: string): string | null {
  const m = /^\(?\s*b\s*\)?\s*\(?\s*([1-9])\s*\)?\s*(?:\(\s*([a-f])\s*\))?(\s*[-–:]\s*\S.*)?$/i.exec(item);
  if (!m) return null;
  const canonical = `B${m[1]}${m[2] ? `(${m[2].toUpperCase()})` : ''}${m[3] ? ` - ${m[3].replace(/^\s*[-–:]\s*/, '')}` : ''}`;
  return canonical === item || isExemption(item) ? null : canonical;
}

/**
 * Whether `item` cites a statute, as a B3 withholding names one, in the forms agencies cite them:
 * the Code (`50 U.S.C. 3024(i)`, `§ 6`, `IRC 6103`), an act (`Section 6, NSA Act of 1959`,
 * `P.L. 86-36`, `Pub. L. 86-36`, `90 Stat. 1`) or a rule of procedure enacted by Congress
 * (`Fed. R. Crim. P. 6(e)`, `FRCP 6(e)`, `Rule 6(e)`).
 */
function citesStatute(item: string): boolean {
  return /\bU\.?\s?S\.?\s?C\b|§|\bStat\.|\bAct\b|\bCode\b|\bIRC\b|\bP\.\s?L\.|\bPub(?:lic|\.)?\s?L(?:aw|\.)|\bFed\.\s?R\.|\bFRC[rv]?P\b|\bRule\s+\d/i.test(item);
}

/**
 * The first withhold decision whose authority holds an item that is neither a FOIA exemption
 * (B1 to B9; with B1 its 1.4 reasons and §3.3 exemptions, with B3 its statute) nor a label the
 * profile's own rules use (`PENDING REVIEW`, `SBU - PENDING FOIA REVIEW`), as a one-line error
 * naming the file and line; or null. `ZQ91`, `FOIA` or `MDR` (a review, not an exemption) went on
 * the stamp and into the Vaughn index as a claimed exemption (probe 65a, F2).
 */
export function unknownAuthorityError(set: OverrideSet, profile: Profile): ConfigurationError | null {
  const profileLabels = new Set([profile.failClosedAuthority, profile.defaultAuthority, ...profile.rules.map((r) => r.authority), ...profile.spanRules.map((r) => r.authority)].flat());
  for (const [i, o] of set.overrides.entries()) {
    if (o.action !== 'withhold') continue;
    const b3 = (o.authority ?? []).some((a) => a === 'B3');
    const other = (o.authority ?? []).find(
      (a) => !isExemption(a) && !CLASSIFICATION_REASON.test(a) && !/^(?:25|50|75)X\d/i.test(a) && !(b3 && citesStatute(a)) && !profileLabels.has(a),
    );
    if (other !== undefined)
      return new ConfigurationError(
        `${set.file}:${set.lines?.[i] ?? 1}: overrides[${i}].authority: "${other}" is no FOIA exemption (B1 to B9, 5 U.S.C. 552(b)) and no label of the profile: a withholding is stamped and indexed under what it names`,
      );
  }
  return null;
}

/** A reviewer decision that applies to nothing: no document has its ref, or that document has no such portion. */
export interface UnmatchedOverride {
  readonly override: Override;
  /** 1-based line in the overrides file (1 when the set has no line numbers). */
  readonly line: number;
  /**
   * `document`: no document has the ref; `portion`: a document has it, but not the portion;
   * `changed`: documents have the ref, but not the document or mark the decision was written for.
   */
  readonly missing: 'document' | 'portion' | 'changed';
  /** For `changed`: why the first such document did not bind (`…; 08BERLIN173 p1 is now (S)`), with its label; for `portion`: the portion ids it has. */
  readonly detail?: string;
}

/** A decision without a sha256 that two inputs of different content match (two cables with one reference). */
export interface AmbiguousOverride {
  readonly override: Override;
  readonly line: number;
  /** The two documents, as `label (sha256 …)`. */
  readonly documents: readonly [string, string];
}

/** A document as the matcher sees it. */
export interface MatcherDocument {
  readonly ref: string | null | undefined;
  /** The names a document without a reference goes by (its file and output stems: `documentNames`). */
  readonly names: readonly string[];
  readonly portions: readonly { readonly id: string; readonly mark: string | null }[];
  /** The input's sha256 (null: not known). */
  readonly sha256: string | null;
  /** How messages name it (its path). */
  readonly label: string;
}

/**
 * Follows which decisions of an overrides file apply to the documents seen, one document at a time
 * (a batch keeps only this, not the documents): an override file is the record of a reviewer's
 * decisions, and one that applies to nothing must be an error, never quietly ignored. A decision
 * applies to a document when its `ref` is the document's id ({@link overrideIdsOf}, as `evaluate`
 * matches it), the document has a portion of that id, and what the decision says it was written
 * for (its `sha256`, its `mark`) is what the document holds ({@link overrideMismatch}). A decision
 * without a sha256 that documents of different content match is ambiguous (two cables that give
 * one reference): the reviewer saw one of them.
 */
export class OverrideMatcher {
  private readonly matched: boolean[];
  private readonly refSeen: boolean[];
  private readonly changed: (string | undefined)[];
  /** The portion ids of the first document each decision's ref named, for a decision whose portion it lacks. */
  private readonly portionIds: (readonly string[] | undefined)[];
  /** The first document each decision matched, by sha256, and a second one of other content. */
  private readonly firstMatch: ({ sha256: string | null; label: string } | undefined)[];
  private readonly conflicts = new Map<number, readonly [string, string]>();
  /** Decision indexes by ref. */
  private readonly byRef = new Map<string, number[]>();

  constructor(readonly set: OverrideSet) {
    this.matched = set.overrides.map(() => false);
    this.refSeen = set.overrides.map(() => false);
    this.changed = set.overrides.map(() => undefined);
    this.portionIds = set.overrides.map(() => undefined);
    this.firstMatch = set.overrides.map(() => undefined);
    set.overrides.forEach((o, i) => this.byRef.set(o.ref, [...(this.byRef.get(o.ref) ?? []), i]));
  }

  /** Records a document: its reference id and names, its portions, its sha256 and label. */
  see(doc: MatcherDocument): void {
    const indexes = overrideIdsOf(doc.ref, doc.names).flatMap((id) => this.byRef.get(id) ?? []);
    if (indexes.length === 0) return;
    const portions = new Map(doc.portions.map((p) => [p.id, p]));
    for (const i of indexes) {
      const o = this.set.overrides[i]!;
      this.refSeen[i] = true;
      this.portionIds[i] ??= doc.portions.map((p) => p.id);
      const portion = portions.get(o.portion);
      const mismatch = overrideMismatch(o, doc.sha256, portion);
      if (mismatch !== null) {
        this.changed[i] ??= `${mismatch} (${doc.label})`;
        continue;
      }
      if (!portion) continue;
      this.matched[i] = true;
      this.noteMatch(i, doc);
    }
  }

  private noteMatch(i: number, doc: MatcherDocument): void {
    const first = this.firstMatch[i];
    if (!first) this.firstMatch[i] = { sha256: doc.sha256, label: doc.label };
    else if (first.sha256 !== doc.sha256 && !this.conflicts.has(i) && this.set.overrides[i]!.sha256 === undefined)
      this.conflicts.set(i, [`${first.label} (sha256 ${first.sha256?.slice(0, 12) ?? '?'}…)`, `${doc.label} (sha256 ${doc.sha256?.slice(0, 12) ?? '?'}…)`]);
  }

  /** The decisions that matched nothing so far, in file order. */
  unmatched(): UnmatchedOverride[] {
    const out: UnmatchedOverride[] = [];
    this.set.overrides.forEach((override, i) => {
      if (this.matched[i]) return;
      const line = this.set.lines?.[i] ?? 1;
      const changed = this.changed[i];
      if (changed !== undefined) out.push({ override, line, missing: 'changed', detail: changed });
      else if (this.refSeen[i]) out.push({ override, line, missing: 'portion', detail: `its portions: ${this.portionIds[i]!.join(', ')}` });
      else out.push({ override, line, missing: 'document' });
    });
    return out;
  }

  /** The decisions without a sha256 that inputs of different content matched, in file order. */
  ambiguous(): AmbiguousOverride[] {
    return [...this.conflicts.entries()].sort(([a], [b]) => a - b).map(([i, documents]) => ({ override: this.set.overrides[i]!, line: this.set.lines?.[i] ?? 1, documents }));
  }
}

/**
 * The one-line error for a decision that two documents of different content match: which one the
 * reviewer saw is not known, so neither gets it silently (exit 78); a `sha256` names the one.
 */
export function ambiguousOverridesError(file: string, ambiguous: readonly AmbiguousOverride[]): ConfigurationError | null {
  const first = ambiguous[0];
  if (!first) return null;
  const { ref, portion } = first.override;
  const more = ambiguous.length > 1 ? `; ${ambiguous.length - 1} more override(s) alike` : '';
  return new ConfigurationError(
    `${file}:${first.line}: override for ${ref} ${portion} matches two different documents with that reference, ${first.documents[0]} and ${first.documents[1]}; add sha256: of the one reviewed to the decision${more}`,
  );
}

/**
 * The error for decisions that match nothing (`FILE:LINE: override for 08BERLIN173 p9 matches no
 * portion of 08BERLIN173 (its portions: …)`): the first, then each other with its own FILE:LINE (one
 * named per run had a reviewer fix one line per run; probe 67c F7); null when every decision matched.
 */
export function unmatchedOverridesError(file: string, unmatched: readonly UnmatchedOverride[]): ConfigurationError | null {
  if (unmatched.length === 0) return null;
  const [first, ...others] = unmatched.map((u) => `${file}:${u.line}: override for ${u.override.ref} ${u.override.portion} ${unmatchedWhat(u)}`);
  // One line (the CLI prints an error as one): the others follow it, each with its own FILE:LINE.
  const more = others.length > 0 ? `; ${others.length} more override(s) match nothing: ${others.join('; ')}` : '';
  return new ConfigurationError(`${first}${more}`);
}

function unmatchedWhat(u: UnmatchedOverride): string {
  const { ref } = u.override;
  if (u.missing === 'document')
    return `matches no document (no input has the reference id ${ref}, and none without a reference id of its own is named ${ref}: its file name without .txt or .pdf, or the name of its outputs in release/ or pending/)`;
  if (u.missing === 'changed') return `does not bind: ${u.detail ?? 'the document changed'} [override-portion-changed]`;
  return `matches no portion of ${ref}${u.detail ? ` (${u.detail})` : ''}`;
}
