import type { Piece } from '../engine/edits.js';
import { formatBanner, parseCaveat, rollUp } from '../markings/index.js';
import type { Document, Plan, ReleaseBlock, ReleaseRun, ReleaseView, ReviewLine, ReviewRun, ReviewState, ReviewView, Span } from '../types.js';

/**
 * Turns release pieces into the line/block model the PDF renderer lays out. Built from the same
 * pieces as the release text, so the two cannot disagree; it holds no withheld text by construction.
 */
export function toReleaseView(pieces: readonly Piece[], plan: Plan, ref: string, footer: string | null = null): ReleaseView {
  const blocks: ReleaseBlock[] = [];
  let lines: ReleaseRun[][] = [];
  let line: ReleaseRun[] = [];
  let skipNewline = false;
  const flushLines = () => {
    if (lines.length > 0) blocks.push({ kind: 'lines', lines });
    lines = [];
  };
  for (const piece of pieces) {
    if (piece.kind === 'text') {
      let text = piece.text;
      // The line break that ended a withheld portion belongs to the box, not to a new empty line.
      if (skipNewline && text.startsWith('\n')) text = text.slice(1);
      skipNewline = false;
      const parts = text.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) {
          lines.push(line);
          line = [];
        }
        if (part.length > 0) line.push({ kind: 'text', text: part });
      });
    } else if (piece.kind === 'redacted') {
      skipNewline = false;
      line.push({ kind: 'redacted', authority: piece.authority, width: piece.width });
    } else {
      if (line.length > 0) lines.push(line);
      line = [];
      flushLines();
      blocks.push({ kind: 'withheld', portionId: piece.portionId, label: piece.label, authority: piece.authority, heightLines: piece.heightLines });
      skipNewline = true;
    }
  }
  if (line.length > 0) lines.push(line);
  flushLines();
  return { banner: plan.releaseBanner, stamp: plan.stamp, ref, title: `${ref} - ${releaseTitleWords(plan)}`, blocks, ...(footer ? { footer } : {}) };
}

/** What a release PDF's title adds to the reference (`07MADRID911 - nato release`): the tool's words. */
export function releaseTitleWords(plan: Pick<Plan, 'profile'>): string {
  return `${plan.profile.id} release`;
}

/**
 * The review ("diffed") view: the whole original, each stretch of text with its decision state,
 * and a margin note on the first line of each decided portion.
 */
export function toReviewView(plan: Plan, ref: string): ReviewView {
  const { document: doc } = plan;
  const source = doc.source;
  // Paint a state per offset range; later layers win: portions, then redactions, then furniture.
  const layers: { span: Span; state: ReviewState }[] = [];
  const notes = new Map<number, string>();
  for (const d of plan.decisions) {
    const state: ReviewState = d.action === 'withhold' ? 'withheld' : d.declassified ? 'declassified' : 'released';
    layers.push({ span: d.span, state });
    const what = d.action === 'withhold' ? `WITHHELD ${d.authority.join(', ')}` : d.declassified ? 'RELEASED (DECLASSIFIED)' : 'RELEASED';
    notes.set(d.span.start, `${d.portionId}: ${what} [${d.ruleId}]`);
  }
  for (const r of plan.redactions) layers.push({ span: r.span, state: 'redacted' });
  for (const f of doc.furniture) layers.push({ span: f, state: 'furniture' });
  const painted = paintLayers(layers, source.length);

  const noteOffsets = [...notes.keys()].sort((a, b) => a - b);
  let nextNote = 0;
  const lines: ReviewLine[] = [];
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    const runs: ReviewRun[] = [];
    for (let i = start; i < end; ) {
      const state = painted.stateAt(i);
      let j = Math.min(painted.endOf(i), end);
      while (j < end && painted.stateAt(j) === state) j = Math.min(painted.endOf(j), end);
      runs.push({ text: source.slice(i, j), state });
      i = j;
    }
    const lineState = lineStateOf(runs);
    // The notes of the portions that start on this line, in order; one pass over the sorted
    // offsets for the whole text. All of them: a mark after a sentence end, a quote or a lead-in
    // opens a portion mid-line, and a reviewer must see every decision.
    const here: string[] = [];
    while (nextNote < noteOffsets.length && noteOffsets[nextNote]! < start) nextNote++;
    while (nextNote < noteOffsets.length && noteOffsets[nextNote]! <= end) here.push(notes.get(noteOffsets[nextNote++]!)!);
    const note = here.length === 0 ? undefined : here.join('; ');
    lines.push(note ? { runs, state: lineState, note } : { runs, state: lineState });
    if (end === source.length) break;
    start = end + 1;
  }
  // Drop one trailing empty line left by a final line break.
  if (lines.length > 1 && lines[lines.length - 1]!.runs.length === 0 && source.endsWith('\n')) lines.pop();

  return {
    classification: classificationOf(doc),
    ref,
    title: `${ref} - ${plan.profile.id} review`,
    summary: summaryOf(plan, ref),
    lines,
  };
}

/**
 * States painted over `[0, length)` layer by layer (a later layer wins; `header` where none
 * lies), kept as the stretches between the layers' edges rather than one state per character.
 * `stateAt(i)` is the state at offset `i`; `endOf(i)` the end of the stretch holding it.
 */
function paintLayers(layers: readonly { span: Span; state: ReviewState }[], length: number): { stateAt(i: number): ReviewState; endOf(i: number): number } {
  const cut = new Set<number>([0, length]);
  for (const { span } of layers) {
    cut.add(Math.min(Math.max(span.start, 0), length));
    cut.add(Math.min(Math.max(span.end, 0), length));
  }
  const edges = Float64Array.from(cut).sort();
  const stretches = edges.length - 1;
  const states = new Array<ReviewState>(Math.max(stretches, 0)).fill('header');
  /** Index of the stretch holding offset `i` (the last edge at or before it). */
  const stretchOf = (i: number): number => {
    let lo = 0;
    let hi = stretches - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (edges[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const { span, state } of layers) {
    const end = Math.min(span.end, length);
    if (span.start >= end) continue;
    for (let k = stretchOf(Math.max(span.start, 0)); k < stretches && edges[k]! < end; k++) states[k] = state;
  }
  return { stateAt: (i) => states[stretchOf(i)]!, endOf: (i) => edges[stretchOf(i) + 1]! };
}

/**
 * The review copy's classification: the highest level and every control of what it shows (probe
 * 60b F6), the roll-up (markings/roll-up.ts) of the document's banner, a cable's caveat lines
 * (`NODIS` under the banner) and every portion's mark; the banner as written understated an
 * UNCLASSIFIED cable printing an (S) paragraph, or a SECRET one printing (S//NF) ones. For a
 * document whose only banners are DYNAMIC PAGE ones, the most its pages could hold is rolled up
 * instead of a banner. What is not understood is said, not left out: `AT LEAST SECRET//NOFORN
 * (A MARKING NOT UNDERSTOOD)` when a mark, banner or caveat line was not understood, `AT LEAST
 * … (NO BANNER)` without a banner (unmarked text may hold more), and `CLASSIFICATION UNKNOWN` when
 * nothing was read.
 */
function classificationOf(doc: Document): string {
  const banner = doc.banner?.marking ?? doc.pageBanners?.find((b) => b.highestPossible && b.marking)?.marking ?? null;
  const caveats = doc.banner?.caveats.map((c) => parseCaveat(c.raw)) ?? [];
  const markings = [
    ...(banner ? [banner] : []),
    ...(banner ? caveats.flatMap((controls) => (controls ? [{ ...banner, controls }] : [])) : []),
    ...doc.portions.flatMap((p) => (p.marking ? [p.marking] : [])),
  ];
  if (markings.length === 0) return 'CLASSIFICATION UNKNOWN';
  const rolled = formatBanner(rollUp(markings));
  const unread = (doc.banner !== null && doc.banner.marking === null) || caveats.includes(null) || doc.portions.some((p) => p.markingSource === 'unknown');
  if (unread) return `AT LEAST ${rolled} (A MARKING NOT UNDERSTOOD)`;
  return banner === null ? `AT LEAST ${rolled} (NO BANNER)` : rolled;
}

function lineStateOf(runs: readonly ReviewRun[]): ReviewState {
  const order: ReviewState[] = ['withheld', 'redacted', 'declassified', 'released', 'furniture', 'header'];
  for (const s of order) if (runs.some((r) => r.state === s && r.text.trim().length > 0)) return s === 'redacted' ? 'released' : s;
  return runs[0]?.state ?? 'header';
}

function summaryOf(plan: Plan, ref: string): [string, string][] {
  const { document: doc, declassification: d } = plan;
  const released = plan.decisions.filter((x) => x.action === 'release');
  const withheld = plan.decisions.filter((x) => x.action === 'withhold');
  const byAuthority = new Map<string, number>();
  for (const w of withheld) {
    const key = w.authority.join(', ') || '(none)';
    byAuthority.set(key, (byAuthority.get(key) ?? 0) + 1);
  }
  const rows: [string, string][] = [
    ['Reference', ref],
    ['Originated', doc.originated ?? 'unknown'],
    ['Banner', doc.banner?.raw ?? '(none)'],
    ['Classified By reasons', doc.classifiedBy?.reasons.join(', ') || '(none)'],
    // A document without an authority block (or without Declassify On) says which is missing.
    ['DECL as written', d.decl.raw ?? `(${d.decl.notes?.[0] ?? 'no E.O. line'})`],
    ['DECL status', `${d.status}${d.declassifyOn ? ` (lapses ${d.declassifyOn})` : ''} as of ${plan.asOf}`],
    ['Why', d.reason],
    ['Profile', `${plan.profile.id}: ${plan.profile.description}`],
    ['Release banner', plan.releaseBanner],
    ['Release stamp', plan.stamp],
    ...(plan.declassMarking ? [['Declassification marking', plan.declassMarking] as [string, string]] : []),
    ['Portions', `${plan.decisions.length}: ${released.length} released (${released.filter((x) => x.declassified).length} declassified), ${withheld.length} withheld`],
  ];
  for (const [authority, n] of [...byAuthority].sort()) rows.push([`Withheld under ${authority}`, String(n)]);
  rows.push(['Redacted spans', String(plan.redactions.length)]);
  if (plan.overrides) rows.push(['Reviewer overrides', plan.decisions.filter((x) => x.override).length.toString()]);
  for (const severity of ['error', 'warning'] as const) {
    const found = findingsOf(plan, severity);
    if (found !== '') rows.push([severity === 'error' ? 'Errors' : 'Warnings', found]);
  }
  return rows;
}

/**
 * The codes of a severity among the document's, the declassification's and the engine's
 * diagnostics, with their counts (`unmarked-portion (2), no-banner`): the reviewer sees on the
 * summary page what the console and the record say, without the messages (the record has them).
 */
function findingsOf(plan: Plan, severity: 'error' | 'warning'): string {
  const counts = new Map<string, number>();
  for (const d of [...plan.document.diagnostics, ...plan.declassification.diagnostics, ...plan.diagnostics]) {
    if (d.severity === severity) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  }
  return [...counts].map(([code, n]) => (n === 1 ? code : `${code} (${n})`)).join(', ');
}
