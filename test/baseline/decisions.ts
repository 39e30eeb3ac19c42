/**
 * The frozen decision baseline (issue 12): every portion of every corpus cable and sample, decided
 * by the `public` profile as of 2010-12-01 and 2026-11-26, one row each, so that a change in
 * reading or deciding shows up as a list of changed rows a reviewer can read, grouped by class.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { decodeInput } from '../../src/parse/decode.js';
import { readDocument } from '../../src/parse/read.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadProfile } from '../../src/rules/load.js';
import type { Decision, Document, Plan } from '../../src/types.js';
import { CORPUS_CABLES, HAS_CORPUS } from '../helpers/corpus.js';

/** The two dates of the baseline: the Cablegate release, and a date after most DECL dates. */
export const BASELINE_DATES = ['2010-12-01', '2026-11-26'] as const;

/** One row: a portion (or `#stamp`) of one file, decided at each baseline date. */
export interface BaselineRow {
  /** `corpus/<file>` or `samples/<file>`. */
  readonly file: string;
  readonly id: string;
  readonly kind: string;
  /** `start-end` of the portion's span. */
  readonly span: string;
  readonly source: string;
  /** One encoded decision per baseline date. */
  readonly decisions: readonly string[];
}

/** A file read and decided at both dates. */
export interface Decided {
  readonly file: string;
  readonly doc: Document;
  readonly plans: readonly Plan[];
}

const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');

/** `R`, `R+decl`, or `W <rule> <authority>`. */
export function encodeDecision(d: Decision): string {
  const rule = d.ruleId.replace(/^public\//, '');
  if (d.action === 'release') return d.declassified ? `R+decl ${rule}` : `R ${rule}`;
  return `W ${rule} ${d.authority.join(',')}`;
}

/** Every input of the baseline: the samples always, the corpus cables when the corpus is there. */
export function baselineInputs(): { file: string; path: string }[] {
  const samples = readdirSync('samples')
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => ({ file: `samples/${f}`, path: path.join('samples', f) }));
  const corpus = HAS_CORPUS
    ? readdirSync(CORPUS_CABLES)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => ({ file: `corpus/${f}`, path: path.join(CORPUS_CABLES, f) }))
    : [];
  return [...samples, ...corpus];
}

/** Reads and decides one input at both baseline dates. */
export function decideFile(input: { file: string; path: string }): Decided {
  const decoded = decodeInput(readFileSync(input.path));
  if (!decoded.ok) throw new Error(`${input.file}: ${decoded.message}`);
  const { doc } = readDocument(decoded.text);
  const fallbackRef = path.basename(input.path).replace(/\.(txt|md)$/, '');
  const plans = BASELINE_DATES.map((asOf) => evaluate(doc, profile, { asOf, fallbackRef }));
  return { file: input.file, doc, plans };
}

/** The rows of one decided file. */
export function rowsOf(d: Decided): BaselineRow[] {
  const rows: BaselineRow[] = d.doc.portions.map((p, i) => ({
    file: d.file,
    id: p.id,
    kind: p.kind,
    span: `${p.span.start}-${p.span.end}`,
    source: p.markingSource,
    decisions: d.plans.map((plan) => encodeDecision(plan.decisions[i]!)),
  }));
  rows.push({ file: d.file, id: '#stamp', kind: '-', span: '-', source: '-', decisions: d.plans.map((p) => p.stamp) });
  return rows;
}

/** One TSV line. */
export function formatRow(r: BaselineRow): string {
  return [r.file, r.id, r.kind, r.span, r.source, ...r.decisions].join('\t');
}

/** Parses the TSV lines of the baseline file. */
export function parseRows(text: string): BaselineRow[] {
  return text
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [file, id, kind, span, source, ...decisions] = l.split('\t');
      return { file: file!, id: id!, kind: kind!, span: span!, source: source!, decisions };
    });
}

/** One changed row, classified. */
export interface Change {
  /** The class: what changed, with the rules before and after (no file names), e.g. `2026-11-26 subject: W unmarked-in-classified -> R unmarked-in-declassified`. */
  readonly cls: string;
  /** `file id`. */
  readonly where: string;
}

function ruleOf(decision: string): string {
  const [action, rule] = decision.split(' ');
  return `${action} ${rule ?? ''}`.trim();
}

function kindGroup(r: BaselineRow): string {
  return r.id === '#stamp' ? 'stamp' : r.kind;
}

/**
 * Compares the current rows with the baseline's: changed decisions, changed spans, added and
 * removed portions. Portions are matched by file and start offset; a portion split in two keeps its
 * start (and decision) and the part split off is `added`.
 */
export function compareRows(before: readonly BaselineRow[], after: readonly BaselineRow[]): Change[] {
  // Matched by where they start: ids of unnumbered text shift when a heading is split off before them.
  const key = (r: BaselineRow) => `${r.file}\t${r.id === '#stamp' ? r.id : r.span.split('-')[0]}`;
  const old = new Map(before.map((r) => [key(r), r]));
  const now = new Map(after.map((r) => [key(r), r]));
  const changes: Change[] = [];
  for (const [k, a] of now) {
    const b = old.get(k);
    const where = `${a.file} ${a.id}`;
    if (!b) {
      changes.push({ cls: `added ${a.kind} (${a.source}): ${a.decisions.map(ruleOf).join(' | ')}`, where });
      continue;
    }
    if (b.span !== a.span) changes.push({ cls: `span of ${kindGroup(b)} ${spanChange(b.span, a.span)}`, where });
    if (b.kind !== a.kind) changes.push({ cls: `kind of ${kindGroup(b)} changed to ${a.kind}`, where });
    if (b.source !== a.source) changes.push({ cls: `marking source of ${kindGroup(b)}: ${b.source} -> ${a.source}`, where });
    BASELINE_DATES.forEach((date, i) => {
      const x = b.decisions[i] ?? '';
      const y = a.decisions[i] ?? '';
      if (x === y) return;
      const cls = a.id === '#stamp' ? `${date} stamp: ${stampClass(x)} -> ${stampClass(y)}` : `${date} ${kindGroup(a)}: ${ruleOf(x)} -> ${ruleOf(y)}${authorityNote(x, y)}`;
      changes.push({ cls, where });
    });
  }
  for (const [k, b] of old) if (!now.has(k)) changes.push({ cls: `removed ${b.kind} (${b.source}): ${b.decisions.map(ruleOf).join(' | ')}`, where: `${b.file} ${b.id}` });
  return changes;
}

/** How a span changed: `ends earlier` (something split off its end), `ends later`, `starts elsewhere`. */
function spanChange(before: string, after: string): string {
  const [s0, e0] = before.split('-').map(Number);
  const [s1, e1] = after.split('-').map(Number);
  if (s0 !== s1) return 'starts elsewhere';
  return e1! < e0! ? 'ends earlier' : 'ends later';
}

function stampClass(stamp: string): string {
  return stamp.replace(/(IN PART|IN FULL) .*/, '$1 …');
}

function authorityNote(x: string, y: string): string {
  if (ruleOf(x) !== ruleOf(y)) return '';
  return ` (authority ${x.split(' ')[2] ?? ''} -> ${y.split(' ')[2] ?? ''})`;
}

/** Groups changes by class: class → the places, in order. */
export function groupChanges(changes: readonly Change[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const c of changes) {
    const list = groups.get(c.cls) ?? [];
    list.push(c.where);
    groups.set(c.cls, list);
  }
  return new Map([...groups].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)));
}
