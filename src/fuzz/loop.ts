/**
 * The fuzzer's core loop, without file I/O: pick a cable and mutate it, or make a synthetic memo
 * or cable (./generate.ts, one input in three, and every input when there are no seed cables),
 * check every invariant, report findings through a callback. Iteration `i` of seed `s` always
 * produces the same input, so a run can be replayed (and the loop tested) with a fixed seed.
 */
import type { Profile } from '../rules/load.js';
import { checkInput, type Finding, type ReleaseFn } from './check.js';
import { generateDocument } from './generate.js';
import { createRng, mutate } from './mutators.js';

/** Share of inputs that are synthetic documents rather than mutated seed cables. */
export const GENERATED_SHARE = 1 / 3;

/** One seed cable. */
export interface SeedCable {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** As-of dates: before most DECL dates, mid-corpus, today-ish, and after nearly all of them. */
export const AS_OF_DATES = ['2005-01-01', '2010-12-01', '2026-11-26', '2040-01-01'] as const;

/** An input that broke at least one invariant, with what is needed to replay it. */
export interface FuzzCase {
  readonly seed: number;
  readonly iteration: number;
  /** The seed cable's name, or `generated memo` / `generated cable`. */
  readonly cable: string;
  readonly mutators: readonly string[];
  readonly asOf: string;
  readonly bytes: Uint8Array;
  readonly findings: readonly Finding[];
}

/** Options for {@link runFuzz}. */
export interface FuzzOptions {
  readonly seeds: readonly SeedCable[];
  readonly profiles: readonly Profile[];
  readonly seed: number;
  /** Stop after this many iterations… */
  readonly iterations?: number;
  /** …or when this returns true (checked between iterations), whichever comes first. */
  readonly shouldStop?: () => boolean;
  /** Called for each input that broke an invariant (e.g. to write a reproducer). */
  readonly onCase?: (c: FuzzCase) => void | Promise<void>;
  /** The release function under test (default: the real one). */
  readonly release?: ReleaseFn;
}

/** What a run did. */
export interface FuzzSummary {
  readonly seed: number;
  iterations: number;
  /** Inputs decodeInput refused (NUL bytes, empty, only white space): a correct outcome. */
  refused: number;
  /** Inputs that broke at least one invariant. */
  cases: number;
  /** Findings by kind. */
  readonly findings: Record<string, number>;
  /** How often each mutator was applied. */
  readonly mutators: Record<string, number>;
}

/** A 32-bit mix of (seed, iteration), so each iteration has its own reproducible random stream. */
export function iterationSeed(seed: number, iteration: number): number {
  let h = (seed ^ Math.imul(iteration + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** The input of iteration `i` (cable, mutators, date, bytes), without checking it. */
export function makeCase(seeds: readonly SeedCable[], seed: number, iteration: number): Omit<FuzzCase, 'findings'> {
  const rng = createRng(iterationSeed(seed, iteration));
  const asOf = rng.pick(AS_OF_DATES);
  if (seeds.length === 0 || rng.next() < GENERATED_SHARE) {
    const made = generateDocument(rng);
    // A third of them mutated as well (a near-miss mark, mixed line ends, …).
    const { bytes, applied } = rng.next() < 1 / 3 ? mutate(made.bytes, rng) : { bytes: made.bytes, applied: [] as string[] };
    return { seed, iteration, cable: `generated ${made.kind}`, mutators: applied, asOf, bytes };
  }
  const cable = rng.pick(seeds);
  const { bytes, applied } = mutate(cable.bytes, rng);
  return { seed, iteration, cable: cable.name, mutators: applied, asOf, bytes };
}

/** Runs the loop until the iteration count or `shouldStop`. Never throws on a finding. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const summary: FuzzSummary = { seed: options.seed, iterations: 0, refused: 0, cases: 0, findings: {}, mutators: {} };
  for (let i = 0; options.iterations === undefined || i < options.iterations; i++) {
    if (options.shouldStop?.()) break;
    const input = makeCase(options.seeds, options.seed, i);
    for (const m of input.mutators) summary.mutators[m] = (summary.mutators[m] ?? 0) + 1;
    const result = await checkInput(input.bytes, { profiles: options.profiles, asOf: input.asOf, ...(options.release ? { release: options.release } : {}) });
    summary.iterations++;
    if (result.outcome === 'refused') summary.refused++;
    if (result.findings.length > 0) {
      summary.cases++;
      for (const f of result.findings) summary.findings[f.kind] = (summary.findings[f.kind] ?? 0) + 1;
      await options.onCase?.({ ...input, findings: result.findings });
    }
  }
  return summary;
}
